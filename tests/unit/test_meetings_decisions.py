"""Finalising is the chair's; a finalised decision is read-only; amendments keep every version."""

import pytest
from meeting_factory import DECISION, actor, captured, hospital, running_meeting
from sqlalchemy import select

from app.errors import ConflictError, PermissionDenied, ValidationError
from db.models import AuditEvent, Decision


@pytest.fixture
def h(ctx, admin, monkeypatch):
    return hospital(ctx, admin, monkeypatch, cases=1)


@pytest.fixture
def draft(ctx, h):
    m, ids = running_meeting(ctx, h)
    state = captured(ctx, h, m.agenda[0].id, ids)
    return state


def test_only_the_chair_of_the_meeting_finalises(ctx, admin, h, draft, monkeypatch):
    for who in (h.secretary, h.actors["zhou"], admin):
        with pytest.raises(PermissionDenied):
            ctx.decisions.finalise(who, draft.draft.id)
    other_chair = ctx.users.create(admin, "sun", "孙立新", "chair", "Doctor2026!", title="chief",
                                   must_change_password=False)
    with pytest.raises(PermissionDenied, match="chair of this meeting"):
        ctx.decisions.finalise(actor(other_chair), draft.draft.id)
    assert ctx.decisions.get(h.chair, draft.draft.id).status == "draft"
    final = ctx.decisions.finalise(h.chair, draft.draft.id)
    assert final.status == "finalised" and final.finalised_by == "陈主任"
    # finalising in the meeting marks the case discussed on the way
    assert ctx.case_records.get(h.chair, draft.case_id).status == "finalised"
    assert ctx.capture.capture(h.chair, draft.agenda_item_id).item_status == "discussed"
    with pytest.raises(ConflictError):
        ctx.decisions.finalise(h.chair, draft.draft.id)


def test_a_decision_without_summary_or_plan_is_not_finalised(ctx, h):
    m, ids = running_meeting(ctx, h)
    state = captured(ctx, h, m.agenda[0].id, ids, decision={"intent": "curative"})
    with pytest.raises(ValidationError) as err:
        ctx.decisions.finalise(h.chair, state.draft.id)
    assert err.value.field == "chair_summary"
    ctx.decisions.update(h.secretary, state.draft.id, chair_summary="建议手术", treat_where="refer_upward")
    with pytest.raises(ValidationError) as err:
        ctx.decisions.finalise(h.chair, state.draft.id)
    assert err.value.field == "modalities"
    ctx.decisions.update(h.secretary, state.draft.id, modalities=["surgery"])
    with pytest.raises(ValidationError) as err:
        ctx.decisions.finalise(h.chair, state.draft.id)
    assert err.value.field == "referral_target"
    ctx.decisions.update(h.secretary, state.draft.id, referral_target="省人民医院胸外科")
    assert ctx.decisions.finalise(h.chair, state.draft.id).status == "finalised"


def test_a_finalised_decision_cannot_be_edited_in_any_way(ctx, h, draft):
    ctx.decisions.finalise(h.chair, draft.draft.id)
    item = draft.agenda_item_id
    attendee = draft.opinions[0].attendance_id
    edits = [
        lambda: ctx.decisions.update(h.chair, draft.draft.id, chair_summary="改"),
        lambda: ctx.capture.save_capture(h.secretary, item, {"decision": {"chair_summary": "改"}}),
        lambda: ctx.capture.save_capture(h.secretary, item, {"actions": []}),
        lambda: ctx.capture.save_capture(h.secretary, item, {"opinions": [{"attendance_id": attendee,
                                                                           "text": "改"}]}),
        lambda: ctx.capture.save_capture(h.secretary, item, {"conference_type": "recurrence"}),
    ]
    for edit in edits:
        with pytest.raises(ConflictError, match="amendment"):
            edit()
    after = ctx.decisions.get(h.chair, draft.draft.id)
    assert after.chair_summary == DECISION["chair_summary"] and after.status == "finalised"


def test_an_amendment_needs_a_reason_keeps_both_versions_and_is_finalised_by_the_chair(ctx, h, draft):
    v1 = ctx.decisions.finalise(h.chair, draft.draft.id)
    with pytest.raises(ValidationError) as err:
        ctx.decisions.amend(h.chair, v1.id, "  ", plan_text="新方案")
    assert err.value.field == "amendment_reason"
    v2 = ctx.decisions.amend(h.chair, v1.id, "术前肺功能提示不耐受肺叶切除", plan_text="胸腔镜肺段切除",
                             actions=[{"description": "复查肺功能", "responsible_name": "周海涛", "department": "胸外科"}])
    assert (v2.version, v2.status, v2.amends_decision_id) == (2, "draft", v1.id)
    assert v2.plan_text == "胸腔镜肺段切除" and v2.chair_summary == v1.chair_summary  # copied, then corrected
    assert [a.description for a in v2.actions] == ["复查肺功能"]
    with pytest.raises(ConflictError):
        ctx.decisions.amend(h.chair, v1.id, "再改一次")  # one open amendment at a time
    assert ctx.decisions.get(h.chair, v1.id).status == "finalised"  # still in force until v2 is final
    with pytest.raises(PermissionDenied):
        ctx.decisions.finalise(h.secretary, v2.id)
    final = ctx.decisions.finalise(h.chair, v2.id)
    assert final.status == "finalised"
    old = ctx.decisions.get(h.chair, v1.id)
    assert old.status == "superseded" and old.plan_text == DECISION["plan_text"]
    [discussion] = ctx.decisions.discussions(h.chair, draft.case_id)
    assert [d.version for d in discussion.decisions] == [1, 2] and discussion.decision.id == v2.id
    with pytest.raises(ConflictError):
        ctx.decisions.amend(h.chair, v1.id, "改旧版本")  # only the version in force is amended
    with ctx.db.read() as s:
        events = {(e.action, e.entity_id) for e in s.execute(select(AuditEvent).where(
            AuditEvent.entity == "decision")).scalars()}
    assert {("finalise", v1.id), ("amend", v2.id), ("finalise", v2.id), ("supersede", v1.id)} <= events


def test_an_unfinished_amendment_can_be_discarded(ctx, h, draft):
    v1 = ctx.decisions.finalise(h.chair, draft.draft.id)
    v2 = ctx.decisions.amend(h.secretary, v1.id, "笔误")
    with pytest.raises(ConflictError):
        ctx.decisions.discard_amendment(h.chair, v1.id)
    ctx.decisions.discard_amendment(h.chair, v2.id)
    with ctx.db.read() as s:
        assert s.execute(select(Decision.id).where(Decision.discussion_id == v1.discussion_id)).scalars().all() \
            == [v1.id]
    assert ctx.decisions.get(h.chair, v1.id).status == "finalised"


def test_the_draft_is_checked_on_entry(ctx, h, draft):
    item = draft.agenda_item_id
    for bad, field in (({"modalities": ["magic"]}, "modalities"), ({"intent": "maybe"}, "intent"),
                       ({"guideline": "WHO"}, "guideline"), ({"rediscussion_on": "2027-13-01"}, "rediscussion_on"),
                       ({"colour": "red"}, "colour"), ({"dissent": "a\x00b"}, "dissent")):
        with pytest.raises(ValidationError) as err:
            ctx.capture.save_capture(h.secretary, item, {"decision": bad})
        assert err.value.field == field
    with pytest.raises(ValidationError):
        ctx.capture.save_capture(h.secretary, item, {"actions": [{"description": ""}]})
    with pytest.raises(ValidationError, match="attendee"):
        ctx.capture.save_capture(h.secretary, item, {"opinions": [{"attendance_id": 9999, "text": "x"}]})
    with pytest.raises(PermissionDenied):  # an expert records opinions, not the decision
        ctx.capture.save_capture(h.actors["zhou"], item, {"decision": {"dissent": "不同意"}})
