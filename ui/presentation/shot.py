"""`--view presentation` for screenshot mode: the audience window of the meeting in progress, masked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui import ops
from ui.presentation.console import PresenterConsole
from ui.qt_compat import run_pending_events
from ui.screenshot import _say, wait_until_loaded

AUDIENCE_SIZE = (1920, 1080)


def running_meeting_id(session) -> int | None:
    rows = ops.call(lambda: session.ctx.meetings.list(session.actor))
    return next((m.id for m in rows if m.status == "in_progress"), None)


def take_presentation_screenshot(session, path: str, size: tuple[int, int] = AUDIENCE_SIZE) -> int:
    meeting_id = running_meeting_id(session)
    if meeting_id is None:
        _say(QCoreApplication.translate("Screenshot", "No meeting is in progress in this folder."))
        return 1
    console = PresenterConsole(session, meeting_id)
    audience = console.audience
    try:
        if not wait_until_loaded(console):
            _say(QCoreApplication.translate("Screenshot", "The presentation did not finish loading within 20 seconds."))
            return 1
        audience.resize(*size)
        audience.show()
        run_pending_events()
        audience.resize(*size)
        run_pending_events()  # the last layout and paint requests
        if not audience.grab().save(path):
            _say(QCoreApplication.translate("Screenshot", "Could not write the screenshot to %1.").replace("%1", path))
            return 1
        return 0
    finally:
        audience.hide()
        console.close()
        console.deleteLater()
