"""Every mutation of the meeting services leaves an audit event (the ones the full meeting does not use)."""

from datetime import datetime, timedelta

import pytest
from meeting_factory import actor, audited, captured, hospital, running_meeting, scheduled_meeting
from sqlalchemy import select

from app.services.audit_chain import verify_chain
from db.models import AuditEvent, Discussion


@pytest.fixture
def h(ctx, admin, monkeypatch):
    return hospital(ctx, admin, monkeypatch, cases=3)


def test_planning_corrections_are_audited(ctx, admin, h):
    m = scheduled_meeting(ctx, h, cases=h.cases[:2])
    later = scheduled_meeting(ctx, h, days=8, cases=[])
    sec = h.secretary
    audited(ctx, ctx.meetings.update, sec, m.id, place="五楼", scheduled_at=datetime.now() + timedelta(days=2))
    audited(ctx, ctx.agenda.set_track, sec, m.agenda[0].id, "listed", "按指南")
    audited(ctx, ctx.agenda.postpone, sec, m.agenda[0].id, "资料不全", later.id)
    audited(ctx, ctx.agenda.withdraw, sec, m.agenda[1].id, "患者转院")
    outsider = ctx.users.create(admin, "wu", "吴敏", "physician", "Doctor2026!", title="associate_chief",
                                must_change_password=False)
    audited(ctx, ctx.attendance.invite_user, sec, m.id, outsider.id)
    guest = audited(ctx, ctx.attendance.add_guest, sec, m.id, "邵明哲", organisation="省人民医院")
    audited(ctx, ctx.attendance.remove, sec, guest.id)
    audited(ctx, ctx.attendance.sign_in_self, actor(outsider), m.id)
    mine = next(a for a in ctx.attendance.list(sec, m.id) if a.user_id == outsider.id)
    audited(ctx, ctx.attendance.undo_sign_in, sec, mine.id)
    audited(ctx, ctx.meetings.override_quorum, h.chair, m.id, "测试")
    audited(ctx, ctx.meetings.cancel, sec, later.id, "改期")
    with ctx.db.read() as s:
        assert verify_chain(s) == []


def test_running_corrections_are_audited(ctx, h):
    m, ids = running_meeting(ctx, h)
    sec, chair = h.secretary, h.chair
    audited(ctx, ctx.meetings.set_current, sec, m.id, m.agenda[2].id)
    state = captured(ctx, h, m.agenda[2].id, ids)
    audited(ctx, ctx.decisions.update, sec, state.draft.id, dissent="放疗科倾向根治性放化疗")
    audited(ctx, ctx.agenda.set_track, sec, m.agenda[1].id, "listed", "按指南随访")
    audited(ctx, ctx.capture.record_listed, sec, m.agenda[1].id)
    final = audited(ctx, ctx.decisions.finalise, chair, state.draft.id)
    amendment = audited(ctx, ctx.decisions.amend, chair, final.id, "笔误")
    audited(ctx, ctx.decisions.discard_amendment, chair, amendment.id)


def test_postponing_a_case_whose_discussion_was_opened_keeps_what_was_said_in_the_audit(ctx, h):
    m, ids = running_meeting(ctx, h)
    later = scheduled_meeting(ctx, h, days=8, cases=[])
    item = m.agenda[0]
    captured(ctx, h, item.id, ids)
    moved = ctx.agenda.postpone(h.secretary, item.id, "病理未回，需补充免疫组化", later.id)
    assert moved.first_pre_treatment  # still its first discussion when it comes up again
    with ctx.db.read() as s:
        assert s.execute(select(Discussion).where(Discussion.case_id == item.case_id)).first() is None
        ev = s.execute(select(AuditEvent).where(AuditEvent.entity == "discussion",
                                                AuditEvent.action == "delete")).scalar_one()
    assert ev.old["opinions"] == [{"author": "周海涛", "text": "可手术"}]
    assert ev.old["decisions"][0]["chair_summary"] == "早期肺腺癌，建议手术"
