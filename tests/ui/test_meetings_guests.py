"""Guest experts (no login) are invited to a meeting from the meeting screen and signed in by the secretary."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from test_meetings_screen import make_screen, open_meeting, settle

from ui.meetings import guest_dialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from meeting_factory import hospital  # noqa: E402

TIMEOUT = 10_000


def test_team_guests_and_an_outside_expert_are_invited(qtbot, monkeypatch, ctx, admin):
    h = hospital(ctx, admin, monkeypatch, cases=0)
    m = ctx.meetings.schedule(h.secretary, h.team.id, datetime.now() + timedelta(days=2))
    view = make_screen(qtbot, ctx, h.secretary)
    panel = open_meeting(qtbot, view, m.id)
    offered = []

    def ask(_parent, guests):
        offered.extend(g.name for g in guests)
        return {"member_ids": [g.id for g in guests],
                "guest": {"name": "钱教授", "organisation": "市中心医院", "department": "放疗科",
                          "discipline": "radiation_oncology", "title": "chief"}}

    monkeypatch.setattr(guest_dialog.GuestDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    panel.guest_button.click()
    qtbot.waitUntil(lambda: panel.attendance_model.rowCount() == 2, timeout=TIMEOUT)
    settle(qtbot)
    assert offered == ["邵明哲"]
    rows = panel.attendance_model.rows()
    assert all(r.is_guest and r.user_id is None for r in rows)
    assert "邵明哲（省人民医院）" in panel.attendance_model.index(0, 0).data()
    assert "市中心医院" in panel.attendance_model.index(1, 1).data()
    panel.select_attendees([rows[1].id])
    panel.sign_in_button.click()
    qtbot.waitUntil(lambda: panel.attendance_model.row_at(1).signed_in_at is not None, timeout=TIMEOUT)
    settle(qtbot)
    assert panel.attendance_model.row_at(1).signed_in_by == "刘秘书"


def test_guest_dialog_needs_someone(qtbot, ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=0)
    guests = [m for m in ctx.teams.get(admin, h.team.id).members if m.team_role == "guest"]
    dialog = guest_dialog.GuestDialog(guests)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text()
    dialog.members[guests[0].id].setChecked(True)
    assert dialog.values() == {"member_ids": [guests[0].id], "guest": None}
