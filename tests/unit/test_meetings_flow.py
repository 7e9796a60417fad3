"""A whole meeting through the services: schedule, agenda, invite, sign in, run, capture, finalise, record.

Every mutation goes through `audited`, which fails if the call left no audit event.
"""

from datetime import datetime, timedelta

from meeting_factory import audited, hospital, make_case, scheduled_meeting
from sqlalchemy import select

from app.services.audit_chain import verify_chain
from db.models import AuditEvent, CaseStatusEvent

OPINIONS = {
    "林秀英": "CT示右肺上叶3.2cm肿块，纵隔淋巴结未见肿大，cT2aN0M0。",
    "黄振华": "穿刺病理：浸润性腺癌，EGFR 19外显子缺失。",
    "周海涛": "可行胸腔镜右肺上叶切除+系统性淋巴结清扫。",
    "罗建平": "术后根据病理分期决定是否辅助放疗。",
}


def test_a_full_meeting_is_recorded_attributed_and_time_stamped(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=3)
    sec, chair = h.secretary, h.chair
    listed_case = make_case(ctx, admin, h.team.id, "随访者", "ZY900", conference="post_operative")

    # -- schedule and build the agenda: 3 cases to discuss + 1 listed ---------------------------------
    tomorrow = (datetime.now() + timedelta(days=1)).replace(hour=14, minute=0, second=0, microsecond=0)
    m = audited(ctx, ctx.meetings.schedule, sec, h.team.id, scheduled_at=tomorrow, place="", duration_minutes=120)
    assert m.status == "planned" and m.place == "四楼会议室" and m.chair == "陈主任" and m.secretary == "刘秘书"
    waiting = ctx.agenda.candidates(sec, m.id)
    assert {c.id for c in waiting} == {c.id for c in h.cases} | {listed_case.id}
    assert all(not c.ready and c.missing for c in waiting)  # incomplete cases are flagged
    items = [audited(ctx, ctx.agenda.add, sec, m.id, c.id, minutes=m_) for c, m_ in zip(h.cases, (20, 15, 10),
                                                                                       strict=True)]
    listed = audited(ctx, ctx.agenda.add, sec, m.id, listed_case.id, track="listed",
                     standard_decision="按指南行术后辅助化疗4周期")
    assert ctx.agenda.candidates(sec, m.id) == []
    assert all(ctx.case_records.get(sec, c.id).status == "scheduled" for c in [*h.cases, listed_case])
    audited(ctx, ctx.agenda.set_minutes, sec, items[2].id, 12)
    order = [items[1].id, items[0].id, items[2].id, listed.id]
    detail = audited(ctx, ctx.agenda.reorder, sec, m.id, order)
    assert [i.id for i in detail.agenda] == order and detail.total_minutes == 15 + 20 + 12
    assert detail.agenda[3].track == "listed" and detail.agenda[3].minutes == 0
    assert not detail.agenda[0].ready and detail.agenda[0].missing

    # -- invite, a guest, sign in (one late), start --------------------------------------------------
    rows = audited(ctx, ctx.attendance.invite, sec, m.id)
    assert {a.name for a in rows} == {"陈主任", "刘秘书", "周海涛", "林秀英", "黄振华", "罗建平"}
    guest = audited(ctx, ctx.attendance.invite, sec, m.id, [h.members["guest"].id])
    assert any(a.is_guest and a.organisation == "省人民医院" for a in guest)
    ids = {a.name: a.id for a in ctx.attendance.list(sec, m.id)}
    for name in ("陈主任", "刘秘书", "林秀英", "黄振华", "罗建平", "邵明哲"):
        audited(ctx, ctx.attendance.sign_in, sec, ids[name])
    started = audited(ctx, ctx.meetings.start, sec, m.id)
    assert started.status == "in_progress" and started.quorum.result.met
    assert started.current_agenda_item_id == order[0]
    zhou = audited(ctx, ctx.attendance.sign_in, h.actors["zhou"], ids["周海涛"])  # signs himself in, late
    assert zhou.late and zhou.signed_in_at > started.started_at and zhou.signed_in_by == "周海涛"

    # -- step through the items: opinions, decision, discussed ----------------------------------------
    decisions = {}
    for n, item_id in enumerate(order[:3]):
        if n:
            assert audited(ctx, ctx.meetings.step, sec, m.id, 1).current_agenda_item_id == item_id
        state = audited(ctx, ctx.capture.open_discussion, sec, item_id)
        assert state.discussion.sequence == 1 and state.draft.version == 1
        payload = {
            "opinions": [{"attendance_id": ids[name], "text": text} for name, text in OPINIONS.items()],
            "decision": {"chair_summary": "早期肺腺癌，建议手术", "modalities": ["surgery"], "intent": "curative",
                         "plan_text": "胸腔镜右肺上叶切除", "guideline": "CSCO", "guideline_version": "2025",
                         "treat_where": "local", "patient_preference": "患者同意在本院手术",
                         "rediscussion_on": "2027-01-15"},
            "actions": [{"description": "安排入院手术", "responsible_user_id": h.users["zhou"].id,
                         "due_on": "2026-12-31"}],
        }
        state = audited(ctx, ctx.capture.save_capture, sec, item_id, payload)
        assert len(state.opinions) == 4 and state.draft.actions[0].responsible_name == "周海涛"
        decisions[item_id] = state.draft.id
        audited(ctx, ctx.capture.mark_discussed, chair, item_id)
    audited(ctx, ctx.attendance.leave, sec, ids["罗建平"])

    # -- the chair finalises during the meeting; close records the listed case -----------------------
    for dec_id in decisions.values():
        final = audited(ctx, ctx.decisions.finalise, chair, dec_id)
        assert final.status == "finalised" and final.finalised_by == "陈主任" and final.finalised_at
    record = audited(ctx, ctx.meetings.close, sec, m.id)
    listed_record = record.items[3]
    assert listed_record.item.status == "discussed" and listed_record.item.duration_seconds is None
    assert listed_record.discussion.decision.plan_text == "按指南行术后辅助化疗4周期"
    audited(ctx, ctx.decisions.finalise, chair, listed_record.discussion.decision.id)

    # -- the record afterwards holds everything ------------------------------------------------------
    record = ctx.meetings.record(sec, m.id)
    mt = record.meeting
    assert mt.status == "closed" and mt.ended_at >= mt.started_at and mt.current_agenda_item_id is None
    assert mt.quorum.result.met and "radiation_oncology" in mt.quorum.result.disciplines  # left early, counted
    by_name = {a.name: a for a in record.attendance}
    assert by_name["周海涛"].late and not by_name["陈主任"].late
    assert by_name["罗建平"].left_early and by_name["罗建平"].left_at
    assert by_name["邵明哲"].is_guest and by_name["邵明哲"].signed_in_at
    for entry in record.items[:3]:
        assert entry.item.status == "discussed" and entry.item.duration_seconds is not None
        d = entry.discussion
        assert {o.author_name: o.text for o in d.opinions} == OPINIONS
        assert all(o.recorded_by == "刘秘书" and o.created_at and o.attendance_id for o in d.opinions)
        assert {o.discipline for o in d.opinions} == {"radiology", "pathology", "surgery", "radiation_oncology"}
        dec = d.decision
        assert dec.status == "finalised" and dec.modalities == ("surgery",) and dec.intent == "curative"
        assert dec.guideline == "CSCO" and dec.rediscussion_on.isoformat() == "2027-01-15"
        assert dec.actions[0].due_on.isoformat() == "2026-12-31"
    for c in [*h.cases, listed_case]:
        assert ctx.case_records.get(sec, c.id).status == "finalised"
    with ctx.db.read() as s:
        moves = s.execute(select(CaseStatusEvent.to_status).where(CaseStatusEvent.case_id == h.cases[0].id)
                          .order_by(CaseStatusEvent.id)).scalars().all()
        assert moves == ["draft", "submitted", "scheduled", "discussed", "finalised"]
        assert verify_chain(s) == []
        actions = set(s.execute(select(AuditEvent.action)).scalars())
    assert {"start", "close", "sign_in", "finalise", "invite", "reorder", "discussed"} <= actions


def test_the_secretary_views_today_upcoming_and_waiting(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=3)
    m = scheduled_meeting(ctx, h, days=2, cases=h.cases[:1])
    assert [r.id for r in ctx.meetings.upcoming(h.secretary)] == [m.id]
    assert ctx.meetings.today(h.secretary) == []
    assert ctx.meetings.today(h.secretary, on=m.scheduled_at.date())[0].agenda_count == 1
    by_team = ctx.agenda.waiting_by_team(h.secretary)
    assert {c.id for c in by_team[h.team.id]} == {h.cases[1].id, h.cases[2].id} and by_team[None] == []
    assert ctx.meetings.list(h.secretary)[0].id == m.id  # the list the meeting screen already uses
