"""The secretary's meeting screen: list, schedule, agenda, attendance and quorum, start, close, record."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from ui import ops
from ui.meetings import meeting_dialogs
from ui.meetings.meeting_list import MeetingListView
from ui.meetings.meeting_models import NOT_READY, READY

TIMEOUT = 10_000
MEMBERS = [  # name, discipline, title, role: together they make the default quorum
    ("孙影像", "radiology", "associate_chief", "core"),
    ("周病理", "pathology", "associate_chief", "core"),
    ("吴内科", "medical_oncology", "chief", "core"),
    ("钱主任", "surgery", "chief", "chair"),
]


def team_id(ctx, actor, name: str) -> int:
    return next(t.id for t in ctx.teams.list(actor) if t.name == name)


@pytest.fixture
def gi_meeting(sample_ctx, admin_actor) -> int:
    """A planned meeting of 消化道肿瘤MDT (two cases of that team wait) with four members."""
    tid = team_id(sample_ctx, admin_actor, "消化道肿瘤MDT")
    for name, discipline, title, role in MEMBERS:
        sample_ctx.teams.add_member(admin_actor, tid, name=name, department="肿瘤科", discipline=discipline,
                                    title=title, team_role=role)
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=5)
    return sample_ctx.meetings.schedule(admin_actor, tid, when, "示教室").id


def make_screen(qtbot, ctx, actor) -> MeetingListView:
    view = MeetingListView(ctx, actor)
    qtbot.addWidget(view)
    view.resize(1400, 860)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=TIMEOUT)
    return view


def settle(qtbot) -> None:
    qtbot.waitUntil(ops.is_idle, timeout=TIMEOUT)


def open_meeting(qtbot, view: MeetingListView, meeting_id: int):
    view.select_meeting(meeting_id)
    qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.id == meeting_id, timeout=TIMEOUT)
    settle(qtbot)
    return view.detail


def add_waiting_cases(qtbot, monkeypatch, panel, minutes: int = 15) -> list:
    offered = []

    def pick(_parent, candidates):
        offered.extend(candidates)
        return {"case_ids": [c.id for c in candidates], "minutes": minutes, "track": "discuss",
                "standard_decision": ""}

    monkeypatch.setattr(meeting_dialogs.CandidatePicker, "ask", classmethod(lambda cls, *a: pick(*a)))
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.agenda_model.rowCount() == len(offered) > 0, timeout=TIMEOUT)
    settle(qtbot)
    return offered


def invite_and_sign_in(qtbot, panel, how_many: int) -> None:
    panel.invite_button.click()
    qtbot.waitUntil(lambda: panel.attendance_model.rowCount() == len(MEMBERS), timeout=TIMEOUT)
    settle(qtbot)
    for r in range(how_many):
        panel.attendance_table.selectRow(r)
        panel.sign_in_button.click()
        qtbot.waitUntil(lambda r=r: panel.attendance_model.row_at(r).signed_in_at is not None, timeout=TIMEOUT)
        settle(qtbot)


def test_the_screen_lists_meetings_and_shows_the_first(qtbot, sample_ctx, admin_actor):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    assert view.model.rowCount() == 2
    assert view.model.index(0, 1).data() == "胸部肿瘤MDT"
    panel = view.detail
    assert panel.detail is not None and panel.detail.team == "胸部肿瘤MDT"
    assert panel.agenda_model.rowCount() == 1
    assert panel.agenda_model.index(0, 1).data() == "MDT2026-0001"
    assert panel.agenda_model.index(0, 2).data() == "张三"
    assert panel.agenda_model.index(0, 6).data() in (READY, NOT_READY)
    assert "胸部肿瘤MDT" in panel.title.text()
    assert view.today.text()  # "no meeting today" or today's meetings


def test_schedule_a_meeting_and_it_appears_selected(qtbot, monkeypatch, sample_ctx, admin_actor):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    tid = team_id(sample_ctx, admin_actor, "消化道肿瘤MDT")
    when = datetime.now().replace(second=0, microsecond=0) + timedelta(days=9)
    offered = []

    def ask(_parent, teams):
        offered.extend(t.name for t in teams)
        return {"team_id": tid, "scheduled_at": when, "place": "三楼会议室", "duration_minutes": 60}

    monkeypatch.setattr(meeting_dialogs.ScheduleDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    view.schedule_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.detail.detail is not None and view.detail.detail.place == "三楼会议室",
                    timeout=TIMEOUT)
    settle(qtbot)
    assert set(offered) == {"胸部肿瘤MDT", "消化道肿瘤MDT"}
    d = view.detail.detail
    assert (d.team, d.scheduled_at, d.duration_minutes, d.status) == ("消化道肿瘤MDT", when, 60, "planned")
    assert view.model.meeting(view.table.currentIndex().row()).id == d.id


def test_schedule_dialog_gives_the_values(qtbot, sample_ctx, admin_actor):
    from PySide6.QtCore import QDate, QTime

    teams = sample_ctx.teams.list(admin_actor)
    dialog = meeting_dialogs.ScheduleDialog(teams)
    qtbot.addWidget(dialog)
    dialog.team.setCurrentIndex(1)
    dialog.date.setDate(QDate(2027, 2, 3))
    dialog.time.setTime(QTime(8, 15))
    dialog.place.setText(" 示教室 ")
    dialog.duration.setValue(45)
    assert dialog.values() == {"team_id": teams[1].id, "scheduled_at": datetime(2027, 2, 3, 8, 15),
                               "place": "示教室", "duration_minutes": 45}


def test_add_waiting_cases_reorder_and_minutes(qtbot, monkeypatch, sample_ctx, admin_actor, gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    assert panel.agenda_model.rowCount() == 0
    offered = add_waiting_cases(qtbot, monkeypatch, panel)
    assert {c.case_no for c in offered} == {"MDT2026-0002", "MDT2026-0005"}
    rows = panel.agenda_model.rows()
    assert [r.case_no for r in rows] == [c.case_no for c in offered]
    for r, c in enumerate(offered):
        flag = panel.agenda_model.index(r, 6)
        assert flag.data() == (READY if c.ready else NOT_READY)
        if not c.ready:
            assert flag.data(Qt.ItemDataRole.ToolTipRole).count("•") == len(c.missing)
    assert panel.detail.total_minutes == 30 and "30" in panel.total.text()

    first, second = rows[0].id, rows[1].id
    panel.select_item(first)
    panel.down_button.click()
    qtbot.waitUntil(lambda: [r.id for r in panel.agenda_model.rows()] == [second, first], timeout=TIMEOUT)
    settle(qtbot)
    assert panel.selected_item_id() == first  # the moved case stays selected
    panel.up_button.click()
    qtbot.waitUntil(lambda: [r.id for r in panel.agenda_model.rows()] == [first, second], timeout=TIMEOUT)
    settle(qtbot)

    monkeypatch.setattr(meeting_dialogs.MinutesDialog, "ask", classmethod(lambda cls, parent, minutes: 20))
    panel.select_item(second)
    panel.minutes_button.click()
    qtbot.waitUntil(lambda: panel.detail.total_minutes == 35, timeout=TIMEOUT)
    settle(qtbot)
    assert panel.agenda_model.index(1, 4).data() == "20" and "35" in panel.total.text()


def test_postpone_moves_the_case_to_another_meeting(qtbot, monkeypatch, sample_ctx, admin_actor, gi_meeting):
    tid = team_id(sample_ctx, admin_actor, "消化道肿瘤MDT")
    later = sample_ctx.meetings.schedule(admin_actor, tid, datetime.now().replace(microsecond=0)
                                         + timedelta(days=12)).id
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    add_waiting_cases(qtbot, monkeypatch, panel)
    item = panel.agenda_model.row_at(0)
    targets = []

    def ask(_parent, case_no, meetings):
        targets.extend(m.id for m in meetings)
        return "病理未回", later

    monkeypatch.setattr(meeting_dialogs.PostponeDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    panel.select_item(item.id)
    panel.postpone_button.click()
    qtbot.waitUntil(lambda: panel.agenda_model.row_at(0).status == "postponed", timeout=TIMEOUT)
    settle(qtbot)
    assert targets == [later]
    assert panel.agenda_model.row_at(0).postponed_to_meeting_id == later
    assert panel.detail.total_minutes == 15
    assert [i.case_no for i in sample_ctx.meetings.get(admin_actor, later).agenda] == [item.case_no]
    # On the later meeting's agenda the case says where it came from.
    view.select_meeting(later)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.id == later, timeout=TIMEOUT)
    settle(qtbot)
    origin = sample_ctx.meetings.get(admin_actor, gi_meeting).scheduled_at.strftime("%Y-%m-%d")
    assert panel.agenda_model.index(0, 7).data() == f"待讨论（延期自 {origin}）"


def test_signing_in_one_by_one_meets_the_quorum(qtbot, sample_ctx, admin_actor, gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    invite_and_sign_in(qtbot, panel, 0)
    assert panel.quorum_met is False
    reasons = panel.detail.quorum.result.messages()
    assert reasons and all(r in panel.quorum_label.text() for r in reasons)
    assert panel.quorum_label.text().startswith("⚠")
    seen = []
    for r in range(len(MEMBERS)):
        panel.attendance_table.selectRow(r)
        panel.sign_in_button.click()
        qtbot.waitUntil(lambda r=r: panel.attendance_model.row_at(r).signed_in_at is not None, timeout=TIMEOUT)
        settle(qtbot)
        seen.append((panel.quorum_met, len(panel.detail.quorum.result.unmet)))
        assert panel.attendance_model.index(r, 5).data()  # the signed-in time is shown
    assert [met for met, _ in seen] == [False, False, False, True]
    assert [n for _, n in seen][0] > [n for _, n in seen][2] > 0  # fewer reasons as people arrive
    assert panel.quorum_label.text().startswith("✓")
    assert panel.attendance_model.index(3, 2).data() == "外科"  # the discipline in Chinese


def test_start_without_quorum_asks_the_chairs_reason(qtbot, monkeypatch, sample_ctx, admin_actor, gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    invite_and_sign_in(qtbot, panel, 1)
    asked = []
    answers = iter([None, "病理科专家远程参会"])

    def ask(_parent, reasons):
        asked.append(list(reasons))
        return next(answers)

    monkeypatch.setattr(meeting_dialogs.QuorumReasonDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    panel.start_button.click()  # the chair declines: the meeting stays planned
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=TIMEOUT)
    settle(qtbot)
    assert panel.detail.status == "planned" and asked[0] == panel.detail.quorum.result.messages()
    panel.start_button.click()
    qtbot.waitUntil(lambda: panel.detail.status == "in_progress", timeout=TIMEOUT)
    settle(qtbot)
    assert len(asked) == 2
    assert panel.detail.quorum_override_reason == "病理科专家远程参会"
    assert "病理科专家远程参会" in panel.quorum_label.text()
    assert not panel.start_button.isEnabled() and panel.close_button.isEnabled()


def test_run_and_close_shows_the_record(qtbot, monkeypatch, sample_ctx, admin_actor, gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    add_waiting_cases(qtbot, monkeypatch, panel)
    invite_and_sign_in(qtbot, panel, len(MEMBERS))
    assert panel.quorum_met
    panel.start_button.click()
    qtbot.waitUntil(lambda: panel.detail.status == "in_progress", timeout=TIMEOUT)
    settle(qtbot)
    first, second = (r.id for r in panel.agenda_model.rows())
    assert panel.detail.current_agenda_item_id == first
    panel.select_item(first)
    panel.discussed_button.click()
    qtbot.waitUntil(lambda: panel.agenda_model.row_at(0).status == "discussed", timeout=TIMEOUT)
    settle(qtbot)
    panel.next_button.click()
    qtbot.waitUntil(lambda: panel.detail.current_agenda_item_id == second, timeout=TIMEOUT)
    settle(qtbot)
    panel.select_item(second)
    panel.discussed_button.click()
    qtbot.waitUntil(lambda: panel.agenda_model.row_at(1).status == "discussed", timeout=TIMEOUT)
    settle(qtbot)
    panel.close_button.click()
    qtbot.waitUntil(lambda: panel.record is not None, timeout=TIMEOUT)
    settle(qtbot)
    record = panel.record_view
    assert panel.pages.currentWidget() is record
    assert record.attendance_model.rowCount() == len(MEMBERS)
    assert all(record.attendance_model.index(r, 5).data() for r in range(len(MEMBERS)))
    assert record.items_model.rowCount() == 2
    for r in range(2):
        assert record.items_model.index(r, 6).data().count(":") == 1  # m:ss
        assert record.items_model.index(r, 5).data()  # decision status
    assert not panel.close_button.isEnabled() and not panel.add_button.isEnabled()
    qtbot.waitUntil(lambda: any(view.model.meeting(r).status == "closed" and view.model.meeting(r).id == gi_meeting
                                for r in range(view.model.rowCount())), timeout=TIMEOUT)
    settle(qtbot)


def test_enter_on_an_agenda_row_asks_for_the_case(qtbot, sample_ctx, admin_actor):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = view.detail
    panel.agenda_table.setFocus()
    panel.agenda_table.selectRow(0)
    with qtbot.waitSignal(view.caseActivated, timeout=TIMEOUT) as signal:
        qtbot.keyClick(panel.agenda_table, Qt.Key.Key_Return)
    assert signal.args == [panel.agenda_model.row_at(0).case_id]


def test_a_physician_sees_meetings_but_cannot_change_them(qtbot, sample_ctx, doctor_actor):
    view = make_screen(qtbot, sample_ctx, doctor_actor)
    assert view.model.rowCount() == 2 and not view.schedule_button.isEnabled()
    assert not view.detail.add_button.isEnabled() and not view.detail.start_button.isEnabled()


def test_enter_signs_in_late_arrivals_and_left_is_recorded(qtbot, monkeypatch, sample_ctx, admin_actor,
                                                           gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    invite_and_sign_in(qtbot, panel, 1)
    monkeypatch.setattr(meeting_dialogs.QuorumReasonDialog, "ask", classmethod(lambda cls, *a: "远程会诊"))
    panel.start_button.click()
    qtbot.waitUntil(lambda: panel.detail.status == "in_progress", timeout=TIMEOUT)
    settle(qtbot)
    panel.attendance_table.setFocus()
    panel.attendance_table.selectRow(1)
    qtbot.keyClick(panel.attendance_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.attendance_model.row_at(1).signed_in_at is not None, timeout=TIMEOUT)
    settle(qtbot)
    late = panel.attendance_model.row_at(1)
    assert late.late and panel.attendance_model.index(1, 6).data()  # the late mark
    assert not panel.attendance_model.row_at(0).late
    assert panel._selected_attendance_ids() == [panel.attendance_model.row_at(2).id]  # next one ready
    panel.select_attendees([panel.attendance_model.row_at(0).id])
    panel.leave_button.click()
    qtbot.waitUntil(lambda: panel.attendance_model.row_at(0).left_at is not None, timeout=TIMEOUT)
    settle(qtbot)
    assert panel.attendance_model.index(0, 7).data()  # the time they left
