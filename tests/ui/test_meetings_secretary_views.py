"""The secretary's views: cases waiting for a meeting per team; the record of a closed meeting per case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_meetings_screen import make_screen, open_meeting

from ui.meetings.waiting_view import WaitingCasesView

TIMEOUT = 10_000


def test_waiting_cases_grouped_by_team_urgent_first(qtbot, sample_ctx, admin_actor):
    view = WaitingCasesView(sample_ctx, admin_actor)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.show()
    rows = dict(view.case_rows())
    assert rows == {"消化道肿瘤MDT（2 例待上会）": ["MDT2026-0002", "MDT2026-0005"], "胸部肿瘤MDT（0 例待上会）": []}
    assert "2" in view.summary.text()
    opened = []
    view.caseActivated.connect(opened.append)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)  # from the first case to the second
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened and opened[-1] == next(c.id for c in sample_ctx.agenda.waiting(admin_actor)
                                         if c.case_no == "MDT2026-0005")


def test_the_meetings_screen_opens_the_waiting_view_and_the_teams(qtbot, sample_ctx, admin_actor):
    screen = make_screen(qtbot, sample_ctx, admin_actor)
    waiting = screen.open_waiting()
    qtbot.waitUntil(lambda: waiting.tree.topLevelItemCount() == 2, timeout=TIMEOUT)
    teams = screen.open_teams()
    qtbot.waitUntil(lambda: teams.is_loaded, timeout=TIMEOUT)
    assert teams.team_list.count() == 2
    assert screen.open_teams() is teams  # asked again: the same window comes to the front
    waiting.close()
    teams.close()


def test_closed_meeting_record_shows_opinions_and_decision_per_case(qtbot, sample_ctx, admin_actor, monkeypatch):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
    from meeting_factory import DECISION, captured, hospital, running_meeting

    h = hospital(sample_ctx, admin_actor, monkeypatch, cases=1)
    m, ids = running_meeting(sample_ctx, h)
    [item] = m.agenda
    captured(sample_ctx, h, item.id, ids)
    sample_ctx.capture.mark_discussed(h.secretary, item.id)
    sample_ctx.meetings.close(h.secretary, m.id)
    screen = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, screen, m.id)
    qtbot.waitUntil(lambda: panel.record is not None, timeout=TIMEOUT)
    text = panel.record_view.case_text.toPlainText()
    assert item.case_no in text and "周海涛" in text and "可手术" in text and "刘秘书" in text
    assert DECISION["chair_summary"] in text and DECISION["plan_text"] in text
