"""The agenda: what may go on it, order and time, listed cases, postponing with history, withdrawing."""

from datetime import datetime, timedelta

import pytest
from meeting_factory import hospital, make_case, running_meeting, scheduled_meeting
from sqlalchemy import select

from app.errors import ConflictError, PermissionDenied, ValidationError
from db.models import AuditEvent


@pytest.fixture
def h(ctx, admin, monkeypatch):
    return hospital(ctx, admin, monkeypatch, cases=3)


def test_only_waiting_cases_of_the_team_go_on_the_agenda(ctx, admin, h):
    m = scheduled_meeting(ctx, h, cases=h.cases[:1])
    with pytest.raises(ConflictError, match="not waiting"):
        ctx.agenda.add(h.secretary, m.id, h.cases[0].id)  # already scheduled
    draft = make_case(ctx, admin, h.team.id, "草稿者", "ZY800", submit=False)
    with pytest.raises(ConflictError):
        ctx.agenda.add(h.secretary, m.id, draft.id)
    other = ctx.teams.create(admin, "消化MDT", ["gastric"])
    gastric = make_case(ctx, admin, other.id, "胃癌者", "ZY801", tumour_type="gastric")
    with pytest.raises(ValidationError, match="another team"):
        ctx.agenda.add(h.secretary, m.id, gastric.id)
    with pytest.raises(ValidationError) as err:
        ctx.agenda.add(h.secretary, m.id, h.cases[1].id, track="listed")
    assert err.value.field == "standard_decision"
    with pytest.raises(ValidationError):
        ctx.agenda.add(h.secretary, m.id, h.cases[1].id, minutes=0)
    with pytest.raises(PermissionDenied):
        ctx.agenda.add(h.actors["zhou"], m.id, h.cases[1].id)


def test_a_case_without_a_team_is_offered_to_the_team_of_its_tumour_type(ctx, admin, h):
    loose = make_case(ctx, admin, None, "无团队", "ZY802")
    m = scheduled_meeting(ctx, h, cases=[])
    assert loose.id in {c.id for c in ctx.agenda.candidates(h.secretary, m.id)}
    row = ctx.agenda.add(h.secretary, m.id, loose.id)
    assert ctx.case_records.get(h.secretary, loose.id).team_id == h.team.id and row.case_status == "scheduled"


def test_reorder_minutes_and_total_time(ctx, h):
    m = scheduled_meeting(ctx, h)
    ids = [i.id for i in m.agenda]
    assert m.total_minutes == 45 and [i.position for i in m.agenda] == [0, 1, 2]
    with pytest.raises(ValidationError):
        ctx.agenda.reorder(h.secretary, m.id, ids[:2])
    after = ctx.agenda.reorder(h.secretary, m.id, list(reversed(ids)))
    assert [i.id for i in after.agenda] == list(reversed(ids))
    ctx.agenda.set_minutes(h.secretary, ids[0], 30)
    listed = ctx.agenda.set_track(h.secretary, ids[1], "listed", "按指南随访")
    assert listed.minutes == 0 and listed.standard_decision == "按指南随访"
    assert ctx.meetings.get(h.secretary, m.id).total_minutes == 30 + 15


def test_postponing_keeps_the_history_and_puts_the_case_on_the_other_agenda(ctx, h):
    first = scheduled_meeting(ctx, h, days=1)
    later = scheduled_meeting(ctx, h, days=8, cases=[])
    item = first.agenda[0]
    with pytest.raises(ValidationError):
        ctx.agenda.postpone(h.secretary, item.id, "", later.id)
    with pytest.raises(ValidationError):
        ctx.agenda.postpone(h.secretary, item.id, "病理未回", first.id)
    moved = ctx.agenda.postpone(h.secretary, item.id, "病理未回", later.id)
    assert moved.meeting_id == later.id and moved.status == "pending" and moved.minutes == item.minutes
    assert [i.case_id for i in ctx.meetings.get(h.secretary, later.id).agenda] == [item.case_id]
    old = next(i for i in ctx.meetings.get(h.secretary, first.id).agenda if i.id == item.id)
    assert old.status == "postponed" and old.postponed_to_meeting_id == later.id and old.postpone_reason == "病理未回"
    history = ctx.agenda.case_history(h.secretary, item.case_id)
    assert [(r.meeting_id, r.status) for r in history] == [(first.id, "postponed"), (later.id, "pending")]
    assert ctx.case_records.get(h.secretary, item.case_id).status == "scheduled"
    with pytest.raises(ConflictError):
        ctx.agenda.postpone(h.secretary, item.id, "再推", later.id)  # a postponed item is history
    with ctx.db.read() as s:
        ev = s.execute(select(AuditEvent).where(AuditEvent.action == "postpone")).scalar_one()
    assert ev.new["to_meeting"] == later.id and ev.note == "病理未回" and ev.case_id == item.case_id


def test_postponing_without_a_meeting_or_withdrawing_sends_the_case_back_to_waiting(ctx, h):
    m = scheduled_meeting(ctx, h)
    a, b = m.agenda[0], m.agenda[1]
    ctx.agenda.postpone(h.secretary, a.id, "患者要求推迟")
    ctx.agenda.withdraw(h.secretary, b.id, "已转上级医院")
    waiting = {c.id for c in ctx.agenda.candidates(h.secretary, m.id)}
    assert {a.case_id, b.case_id} <= waiting
    assert ctx.case_records.get(h.secretary, a.case_id).status == "approved"
    assert ctx.meetings.get(h.secretary, m.id).total_minutes == 15


def test_close_refuses_while_cases_wait_and_a_closed_meeting_is_the_record(ctx, h):
    m, _ids = running_meeting(ctx, h)
    with pytest.raises(ConflictError, match="3 cases"):
        ctx.meetings.close(h.secretary, m.id)
    for item in m.agenda[1:]:
        ctx.agenda.postpone(h.secretary, item.id, "时间不够")
    ctx.capture.mark_discussed(h.secretary, m.agenda[0].id)
    record = ctx.meetings.close(h.secretary, m.id)
    assert [i.item.status for i in record.items] == ["discussed", "postponed", "postponed"]
    with pytest.raises(ConflictError):
        ctx.agenda.reorder(h.secretary, m.id, [i.item.id for i in record.items])
    with pytest.raises(ConflictError):
        ctx.attendance.add_guest(h.secretary, m.id, "迟到者")
    with pytest.raises(ConflictError):
        ctx.meetings.start(h.secretary, m.id)


def test_stepping_through_the_agenda_is_persisted_and_timed(ctx, h):
    m, _ids = running_meeting(ctx, h)
    ids = [i.id for i in m.agenda]
    assert m.current_agenda_item_id == ids[0] and m.current.started_at
    assert ctx.meetings.step(h.secretary, m.id, -1).current_agenda_item_id == ids[0]  # stays at the start
    ctx.meetings.step(h.secretary, m.id)
    last = ctx.meetings.step(h.secretary, m.id)
    assert last.current_agenda_item_id == ids[2]
    assert ctx.meetings.step(h.secretary, m.id).current_agenda_item_id == ids[2]  # stays at the end
    agenda = {i.id: i for i in last.agenda}
    assert agenda[ids[0]].ended_at and agenda[ids[1]].started_at and agenda[ids[2]].ended_at is None
    back = ctx.meetings.set_current(h.secretary, m.id, ids[0])
    assert back.current_agenda_item_id == ids[0]


def test_cancelling_a_planned_meeting_returns_its_cases(ctx, h):
    m = scheduled_meeting(ctx, h)
    with pytest.raises(ValidationError):
        ctx.meetings.cancel(h.secretary, m.id, "")
    done = ctx.meetings.cancel(h.secretary, m.id, "主任外出")
    assert done.status == "cancelled" and all(i.status == "withdrawn" for i in done.agenda)
    assert all(ctx.case_records.get(h.secretary, c.id).status == "approved" for c in h.cases)
    assert ctx.meetings.upcoming(h.secretary) == []


def test_schedule_and_reschedule_are_checked(ctx, h):
    when = datetime.now().replace(microsecond=0) + timedelta(days=3)
    with pytest.raises(ValidationError):
        ctx.meetings.schedule(h.secretary, h.team.id, "tomorrow")
    with pytest.raises(ValidationError):
        ctx.meetings.schedule(h.secretary, h.team.id, when, duration_minutes=5)
    with pytest.raises(ValidationError):
        ctx.meetings.schedule(h.secretary, h.team.id, when, chair_member_id=99999)
    m = ctx.meetings.schedule(h.secretary, h.team.id, when, "门诊五楼", 60,
                              chair_member_id=h.members["zhou"].id)
    assert m.chair == "周海涛" and m.place == "门诊五楼"
    moved = ctx.meetings.update(h.secretary, m.id, scheduled_at=when + timedelta(hours=2), notes="改时间")
    assert moved.scheduled_at == when + timedelta(hours=2) and moved.notes == "改时间"
    with pytest.raises(ValidationError):
        ctx.meetings.update(h.secretary, m.id, status="closed")
