"""pytest-qt fixtures for the UI: a sample hospital per test, the look and language the app uses, hygiene.

The suite conftest sets QT_QPA_PLATFORM=offscreen and MDT_DESK_TEST_RAISE=1 before Qt loads; repeated
here so `pytest tests/ui` alone is safe too.
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MDT_DESK_TEST_RAISE"] = "1"

import shutil  # noqa: E402

import pytest  # noqa: E402
import ui_data  # noqa: E402

from app import i18n as app_i18n  # noqa: E402
from app.config import DataDir  # noqa: E402
from app.context import open_context  # noqa: E402
from ui import errors, ops  # noqa: E402
from ui import i18n as ui_i18n  # noqa: E402
from ui.session import Session  # noqa: E402


@pytest.fixture(scope="session")
def ui_app(qapp):
    """The QApplication dressed as `ui.main` dresses it: bundled font, style sheet, Chinese."""
    from ui.main import create_application

    create_application("zh_CN", 11)
    return qapp


@pytest.fixture(autouse=True)
def _hygiene(ui_app):
    """Every test starts and ends with no worker thread and no unreported error.

    `app` messages are translated (Chinese) during UI tests only: the tests after them see English.
    """
    errors.take_recorded()
    app_i18n.install_translator(ui_i18n._translate)
    yield
    app_i18n.install_translator(None)
    _release_modifiers()
    ops.shutdown()
    assert not ops.worker_threads(), "ops left its worker thread running"
    leftover = errors.take_recorded()
    assert not leftover, f"errors reached the error funnel unexpectedly: {leftover}"


def _release_modifiers() -> None:
    """A simulated Ctrl+key whose window closed before the key came up leaves Qt believing Ctrl is still
    held; the next test's clicks would then toggle selections instead of making them."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    probe = QWidget()
    probe.show()
    QTest.keyClick(probe, Qt.Key.Key_Escape)  # a plain key: the state now says no modifier is held
    probe.close()
    probe.deleteLater()
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory) -> DataDir:
    d = DataDir(tmp_path_factory.mktemp("template") / "d")
    ui_data.build(d)
    return d


@pytest.fixture
def sample_dir(_sample_template, tmp_path) -> DataDir:
    """A fresh copy of the sample hospital (closed database files, so a plain copy is safe)."""
    d = DataDir(tmp_path / "d")
    shutil.copytree(_sample_template.root, d.root)
    return d


@pytest.fixture
def sample_ctx(sample_dir):
    ctx = open_context(sample_dir)
    yield ctx
    ops.shutdown()  # no op may still use the database it is about to lose
    ctx.close()


@pytest.fixture
def admin_actor(sample_ctx):
    return ui_data.actor_for(sample_ctx, "admin")


@pytest.fixture
def doctor_actor(sample_ctx):
    return ui_data.actor_for(sample_ctx, "lidoc")


@pytest.fixture
def ui_session(sample_ctx, admin_actor) -> Session:
    return Session(sample_ctx, admin_actor, sample_ctx.setup.info())
