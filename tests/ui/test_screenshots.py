"""What a person sees: the window renders Chinese with the bundled font; screenshot mode works headless."""

import sys
import types
from types import SimpleNamespace

import pytest
import ui_data
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage

from app.config import DataDir
from app.context import open_context
from db.models import HospitalSettings
from ui.look import FONT_FAMILY
from ui.main import run
from ui.main_window import MainWindow

DEMO_PASSWORD = "Demo2026!"


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_main_window_renders_chinese_with_the_bundled_font(qtbot, ui_session, tmp_path, ui_app):
    assert FONT_FAMILY in QFontDatabase.families()
    assert ui_app.font().family() == FONT_FAMILY
    assert QFontMetrics(QFont(FONT_FAMILY, 11)).inFontUcs4(ord("病"))
    window = MainWindow(ui_session)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.view("cases").is_loaded, timeout=10_000)
    path = tmp_path / "main.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    assert distinct_colours(image) > 20  # text, table, navigation: not a blank surface
    assert QFontMetrics(window.nav.font()).inFontUcs4(ord("例"))


@pytest.fixture
def demo_dir(tmp_path, monkeypatch) -> DataDir:
    """A folder flagged as demonstration data with the demo administrator (app.demo's password faked)."""
    d = DataDir(tmp_path / "demo")
    ui_data.build(d)
    ctx = open_context(d)
    try:
        admin = ui_data.actor_for(ctx, "admin")
        ctx.users.create(admin, "demo_admin", "演示管理员", "admin", DEMO_PASSWORD, must_change_password=False)
        with ctx.db.session() as s:
            s.get(HospitalSettings, 1).is_demo = True
    finally:
        ctx.close()
    monkeypatch.setitem(sys.modules, "app.demo", types.SimpleNamespace(DEMO_PASSWORD=DEMO_PASSWORD))
    return d


@pytest.mark.parametrize("view", ["cases", "meetings", "admin"])
def test_screenshot_mode_saves_the_view_once_its_data_is_shown(demo_dir, tmp_path, view):
    path = tmp_path / f"{view}.png"
    code = run(SimpleNamespace(data_dir=demo_dir, lang=None, screenshot=str(path), view=view))
    assert code == 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1440, 900)
    assert distinct_colours(image) > 20


def test_screenshot_mode_refuses_real_records(sample_dir, tmp_path, capsys):
    path = tmp_path / "x.png"
    code = run(SimpleNamespace(data_dir=sample_dir, lang=None, screenshot=str(path), view="cases"))
    assert code == 1 and not path.exists()
    assert "演示数据" in capsys.readouterr().err


def test_screenshot_mode_reports_an_unusable_folder(tmp_path, capsys):
    code = run(SimpleNamespace(data_dir=DataDir(tmp_path / "empty"), lang=None,
                               screenshot=str(tmp_path / "x.png"), view=None))
    assert code == 1
    assert "没有多学科诊疗工作台数据库" in capsys.readouterr().err
