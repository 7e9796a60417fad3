"""Shared helpers of the presentation tests: a demo hospital with a meeting in progress (built once)."""

from contextlib import contextmanager

import demo_template
import ui_data
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.config import DataDir
from app.context import open_context
from ui import ops
from ui.session import Session


def demo_copy(tmp_path_factory, tmp_path) -> DataDir:
    """A fresh copy of the demo hospital (populated once per test process)."""
    return demo_template.demo_copy(tmp_path_factory, tmp_path / "d")


@contextmanager
def demo_session(tmp_path_factory, tmp_path):
    ctx = open_context(demo_copy(tmp_path_factory, tmp_path))
    try:
        yield Session(ctx, ui_data.actor_for(ctx, "demo_admin"), ctx.setup.info())
    finally:
        ops.shutdown()  # no op may still use the database it is about to lose
        ctx.close()


def live_meeting(session):
    rows = session.ctx.meetings.list(session.actor)
    return next(m for m in rows if m.status == "in_progress")


def open_console(qtbot, session, meeting_id):
    from ui.presentation import PresenterConsole

    console = PresenterConsole(session, meeting_id)
    qtbot.addWidget(console)
    qtbot.addWidget(console.audience)
    qtbot.waitUntil(lambda: console.is_loaded, timeout=15_000)
    return console


def all_texts(root: QWidget) -> list[str]:
    """Every text a widget tree can put on screen or hand to a screen reader."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        out += [w.windowTitle(), w.toolTip(), w.statusTip(), w.whatsThis(), w.accessibleName(),
                w.accessibleDescription()]
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            out.append(w.text())
        if isinstance(w, QTextEdit | QPlainTextEdit):
            out.append(w.toPlainText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
    return [t for t in out if t]
