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
