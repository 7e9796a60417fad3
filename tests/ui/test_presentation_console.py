"""Presentation mode driven from the keyboard: stepping persists, the timer counts, blank hides everything."""

from datetime import datetime, timedelta

import pytest
import test_presentation_support as support
from PySide6.QtCore import Qt

from ui.presentation import AudienceWindow
from ui.presentation.audience import format_elapsed
from ui.presentation.loading import load_show


@pytest.fixture
def demo_session(tmp_path_factory, tmp_path):
    with support.demo_session(tmp_path_factory, tmp_path) as session:
        yield session


def _step(qtbot, console, key):
    qtbot.keyClick(console, key)
    qtbot.waitUntil(lambda: console.is_loaded, timeout=15_000)


def test_keyboard_steps_cases_and_a_reopened_console_resumes(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    console = support.open_console(qtbot, demo_session, meeting.id)
    assert console.show_data.number == 1 and console.show_data.total == 6
    assert "1" in console.audience.title.text() and "6" in console.audience.title.text()
    first = console.show_data.item.id
    _step(qtbot, console, Qt.Key.Key_PageDown)
    _step(qtbot, console, Qt.Key.Key_N)
    assert console.show_data.number == 3
    third = console.show_data.item.id
    assert console.agenda.currentItem().data(Qt.ItemDataRole.UserRole) == third
    _step(qtbot, console, Qt.Key.Key_P)
    assert console.show_data.number == 2
    _step(qtbot, console, Qt.Key.Key_PageUp)
    _step(qtbot, console, Qt.Key.Key_PageUp)  # stays at the first case
    assert console.show_data.item.id == first
    _step(qtbot, console, Qt.Key.Key_PageDown)
    second = console.show_data.item.id
    assert demo_session.ctx.meetings.get(demo_session.actor, meeting.id).current_agenda_item_id == second
    console.close()

    again = support.open_console(qtbot, demo_session, meeting.id)  # a restart resumes at the same case
    assert again.show_data.item.id == second and again.show_data.number == 2
    again.close()


def test_case_change_returns_to_the_case_page(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    console = support.open_console(qtbot, demo_session, meeting.id)
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert console.audience.screen_name() == "image"
    _step(qtbot, console, Qt.Key.Key_N)
    assert console.audience.screen_name() == "case"
    console.close()


def test_timer_counts_from_the_case_start_with_a_fake_clock(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    show = load_show(demo_session.ctx, demo_session.actor, meeting.id)
    now = [show.item.started_at + timedelta(seconds=65)]
    audience = AudienceWindow(demo_session, clock=lambda: now[0])
    qtbot.addWidget(audience)
    audience.show_case(show)
    assert audience.timer_label.text() == "01:05"
    now[0] += timedelta(minutes=2)
    audience.tick()
    assert audience.timer_label.text() == "03:05"
    assert audience.timer.isActive() and audience.timer.interval() == 1000
    assert format_elapsed(3725) == "62:05" and format_elapsed(-3) == "00:00"


def test_timer_starts_now_for_a_case_never_started(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    show = load_show(demo_session.ctx, demo_session.actor, meeting.id)
    from dataclasses import replace

    now = [datetime(2026, 1, 1, 9, 0, 0)]
    audience = AudienceWindow(demo_session, clock=lambda: now[0])
    qtbot.addWidget(audience)
    audience.show_case(replace(show, item=replace(show.item, started_at=None)))
    assert audience.timer_label.text() == "00:00"
    now[0] += timedelta(seconds=9)
    audience.tick()
    assert audience.timer_label.text() == "00:09"


def test_blank_screen_hides_the_content(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    console = support.open_console(qtbot, demo_session, meeting.id)
    audience = console.audience
    audience.resize(1024, 768)
    audience.show()
    assert audience.title.isVisible() and audience.fields["question"].isVisible()
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert audience.screen_name() == "blank"
    assert not audience.title.isVisible() and not audience.fields["question"].isVisible()
    assert not audience.patient.isVisible() and audience.blank_page.isVisible()
    qtbot.keyClick(audience, Qt.Key.Key_B)  # keys typed on the audience window reach the console too
    assert audience.screen_name() == "case" and audience.title.isVisible()
    console.close()


def test_single_screen_toggles_between_the_views(qtbot, demo_session):
    meeting = support.live_meeting(demo_session)
    console = support.open_console(qtbot, demo_session, meeting.id)
    console.show()
    assert console.screen_combo.count() >= 1
    qtbot.keyClick(console, Qt.Key.Key_F5)
    assert console.audience.isVisible()
    assert "Hide" in console.audience_button.text() or "隐藏" in console.audience_button.text()
    if console.screen_combo.count() == 1:
        qtbot.keyClick(console.audience, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(console, Qt.Key.Key_F5)
    assert not console.audience.isVisible()
    console.close()


def test_viewer_toggle_without_a_series_says_so(qtbot, demo_session):
    from dataclasses import replace

    meeting = support.live_meeting(demo_session)
    show = load_show(demo_session.ctx, demo_session.actor, meeting.id)
    audience = AudienceWindow(demo_session)
    qtbot.addWidget(audience)
    audience.show_case(replace(show, series=()))
    audience.toggle_viewer()
    assert audience.screen_name() == "viewer" and audience.viewer is None and audience.no_images.text()
    audience.toggle_viewer()
    assert audience.screen_name() == "case"
