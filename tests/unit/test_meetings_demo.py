"""The services on the demo hospital: views, the meeting in progress resumed and carried on, past records."""

from datetime import date
from types import SimpleNamespace

import pytest
from demo_template import demo_copy
from sqlalchemy import select

from app.context import open_context
from app.demo import DEMO_PASSWORD
from app.services.auth import actor_of
from db.models import TeamMember, User


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = open_context(demo_copy(tmp_path_factory, tmp_path_factory.mktemp("demo") / "d"))
    secretary = ctx.auth.login("demo_secretary", DEMO_PASSWORD)
    yield SimpleNamespace(ctx=ctx, secretary=secretary)
    ctx.close()


def _by_status(demo, status):
    return [r for r in demo.ctx.meetings.list(demo.secretary) if r.status == status]


def test_today_upcoming_and_waiting_views(demo):
    ctx, sec = demo.ctx, demo.secretary
    today = ctx.meetings.today(sec)
    assert [r.status for r in today] == ["in_progress"] and today[0].scheduled_at.date() == date.today()
    upcoming = ctx.meetings.upcoming(sec)
    assert [r.status for r in upcoming] == ["planned"] and upcoming[0].agenda_count
    waiting = ctx.agenda.waiting_by_team(sec)
    teams = ctx.teams.list_detailed(sec)
    assert len(teams) == 3 and set(waiting) == {t.id for t in teams} | {None}
    assert sum(len(v) for v in waiting.values()) >= 1
    for t in teams:
        assert {m.team_role for m in t.members} >= {"chair", "secretary", "core", "guest"}
        assert t.quorum_rule["min_disciplines"] == 3


def test_closed_meetings_have_a_complete_record(demo):
    ctx, sec = demo.ctx, demo.secretary
    for row in _by_status(demo, "closed"):
        record = ctx.meetings.record(sec, row.id)
        assert record.meeting.started_at and record.meeting.ended_at
        assert sum(1 for a in record.attendance if a.signed_in_at) >= 5
        discussed = [i for i in record.items if i.item.status == "discussed"]
        assert discussed
        for entry in discussed:
            d = entry.discussion
            assert d.opinions and all(o.author_name and o.attendance_id for o in d.opinions)
            assert d.decision is not None and d.decision.chair_summary
            if entry.item.track == "discuss":
                assert entry.item.duration_seconds and entry.item.duration_seconds > 0


def test_finalised_demo_decisions_are_complete_plans(demo):
    """Every finalised decision of a finished demo meeting carries what a plan needs, signed off by the chair."""
    ctx, sec = demo.ctx, demo.secretary
    finalised = 0
    for row in _by_status(demo, "closed"):
        record = ctx.meetings.record(sec, row.id)
        chair = record.meeting.chair
        for entry in record.items:
            dec = entry.discussion.decision if entry.discussion else None
            if dec is None or dec.status != "finalised":
                continue
            finalised += 1
            assert dec.finalised_by == chair and dec.finalised_at
            for field in ("chair_summary", "plan_text", "alternatives", "intent", "guideline", "guideline_version",
                          "patient_preference", "treat_where"):
                assert getattr(dec, field), f"{entry.item.case_no}: {field} is empty"
            assert dec.modalities and dec.actions and dec.rediscussion_on > record.meeting.scheduled_at.date()
            assert all(a.description and a.responsible_name and a.department and a.due_on for a in dec.actions)
            if entry.item.track == "discuss":
                disciplines = {o.discipline for o in entry.discussion.opinions}
                assert {"radiology", "pathology"} <= disciplines and len(disciplines) >= 4
    assert finalised >= 20


def test_the_meeting_in_progress_resumes_and_can_be_carried_to_the_end(demo):
    ctx, sec = demo.ctx, demo.secretary
    [row] = _by_status(demo, "in_progress")
    r = ctx.capture.resume(sec, row.id)
    assert r.current is not None and r.current.id == r.meeting.agenda[0].id
    assert r.capture.discussion is None and r.capture.quorum is not None
    absent = [a for a in r.meeting.attendance if a.signed_in_at is None]
    assert absent  # the late-comers
    for a in absent:
        assert ctx.attendance.sign_in(sec, a.id).late
    if not ctx.attendance.quorum(sec, row.id, r.current.id).may_proceed:
        ctx.meetings.override_quorum(sec, row.id, "演示")
    present = [a for a in ctx.attendance.list(sec, row.id) if a.present and a.discipline]
    m = ctx.meetings.get(sec, row.id)
    chair = _chair_actor(ctx, m.chair_member_id)
    for item in [i for i in m.agenda if i.status == "pending"]:
        ctx.meetings.set_current(sec, row.id, item.id)
        state = ctx.capture.save_capture(sec, item.id, {
            "opinions": [{"attendance_id": a.id, "text": f"{a.name}的意见"} for a in present[:3]],
            "decision": {"chair_summary": "同意", "modalities": ["surgery"], "intent": "curative"}})
        assert len(state.opinions) == 3 and state.discussion.sequence >= 1
        ctx.capture.mark_discussed(sec, item.id)
        assert ctx.decisions.finalise(chair, state.draft.id).status == "finalised"
    record = ctx.meetings.close(sec, row.id)
    assert record.meeting.status == "closed"
    assert all(i.item.status == "discussed" and i.discussion.decision.status == "finalised" for i in record.items)


def _chair_actor(ctx, member_id):
    with ctx.db.read() as s:
        user_id = s.get(TeamMember, member_id).user_id
        return actor_of(s.execute(select(User).where(User.id == user_id)).scalar_one())
