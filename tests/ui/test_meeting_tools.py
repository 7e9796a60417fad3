"""The meeting screen opens presentation mode for the meeting in progress (one console per meeting)."""

import pytest
import test_presentation_support as support
from PySide6.QtCore import Qt

from ui.meetings.capture import CaptureConsole
from ui.meetings.meeting_list import MeetingListView
from ui.presentation.console import PresenterConsole


@pytest.fixture
def demo_session(tmp_path_factory, tmp_path):
    with support.demo_session(tmp_path_factory, tmp_path) as session:
        yield session


def test_presentation_opens_for_the_running_meeting_only(qtbot, demo_session):
    view = MeetingListView(demo_session.ctx, demo_session.actor, session=demo_session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=15_000)
    live = support.live_meeting(demo_session)
    view.select_meeting(live.id)
    qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.id == live.id, timeout=15_000)
    button = view.tools.present_button
    qtbot.waitUntil(button.isEnabled, timeout=5_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    console = view.tools.windows[("presentation", live.id)]  # a child window of the view: closed with it
    assert isinstance(console, PresenterConsole) and console.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert list(view.tools.windows.values()) == [console]  # the same console again, not a second one
    qtbot.mouseClick(view.tools.capture_button, Qt.MouseButton.LeftButton)
    capture = view.tools.windows[("capture", live.id)]
    assert isinstance(capture, CaptureConsole) and capture.isVisible()
    rows = [r for r in view.detail.meetings if r.status == "planned"]
    view.select_meeting(rows[0].id)
    qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.id == rows[0].id, timeout=15_000)
    assert not button.isEnabled()


def _closed(session):
    return next(m for m in session.ctx.meetings.list(session.actor) if m.status == "closed")


def _find(kind):
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_print_previews_the_agenda_and_every_decision_of_the_meeting(qtbot, demo_session):
    from ui.printing.print_preview import PrintPreviewDialog

    view = MeetingListView(demo_session.ctx, demo_session.actor, session=demo_session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=15_000)
    assert not view.tools.sign_button.isVisible(), "the administrator signs nothing"
    closed = _closed(demo_session)
    view.select_meeting(closed.id)
    qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.id == closed.id, timeout=15_000)
    qtbot.waitUntil(view.tools.print_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(view.tools.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_find(PrintPreviewDialog)) == 1, timeout=15_000)
    [preview] = _find(PrintPreviewDialog)
    expected = demo_session.ctx.printing.meeting_items(demo_session.actor, closed.id)
    assert [i.title for i in preview.items] == [i.title for i in expected]
    assert len(preview.items) >= 2 and preview.items[0].kind == "agenda"
    preview.close()


def test_a_signer_opens_the_documents_waiting_for_them_from_the_meeting(qtbot, demo_session):
    import ui_data

    from ui.session import Session
    from ui.signing.sign_dialog import SignDialog

    ctx = demo_session.ctx
    doctor = Session(ctx, ui_data.actor_for(ctx, "demo_doctor"), ctx.setup.info())
    view = MeetingListView(ctx, doctor.actor, session=doctor)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=15_000)
    closed = _closed(doctor)
    view.select_meeting(closed.id)
    qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.id == closed.id, timeout=15_000)
    button = view.tools.sign_button
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=5_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_find(SignDialog)) == 1, timeout=15_000)
    [dialog] = _find(SignDialog)
    waiting = ctx.documents.pending_for(doctor.actor)
    qtbot.waitUntil(lambda: dialog.documents.count() == len(waiting) >= 1, timeout=15_000)
    dialog.close()
