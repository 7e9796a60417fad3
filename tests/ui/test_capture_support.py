"""Shared set-up of the capture console tests: a running meeting built through the services (no tests here)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from meeting_factory import hospital, running_meeting  # noqa: E402

from ui.meetings.capture import CaptureConsole  # noqa: E402
from ui.session import Session  # noqa: E402

FAST_MS = 80


def running(ctx, admin, monkeypatch, cases: int = 2) -> SimpleNamespace:
    h = hospital(ctx, admin, monkeypatch, cases=cases)
    m, ids = running_meeting(ctx, h)
    return SimpleNamespace(h=h, meeting=m, ids=ids, items=[i.id for i in m.agenda])


def open_console(qtbot, ctx, actor, meeting_id: int, fast: bool = True) -> CaptureConsole:
    console = CaptureConsole(Session(ctx, actor, ctx.setup.info()), meeting_id)
    qtbot.addWidget(console)
    if fast:
        console.timer.setInterval(FAST_MS)
    console.resize(1280, 800)
    console.show()
    qtbot.waitUntil(lambda: console.state is not None and console.mode != "loading", timeout=10000)
    return console


def commit_text(widget, text: str) -> None:
    """Type (Chinese) text into the focused widget as an input method would."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def service_opinions(ctx, actor, item_id: int) -> dict[str, str]:
    return {o.author_name: o.text for o in ctx.capture.capture(actor, item_id).opinions}
