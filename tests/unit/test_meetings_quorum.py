"""The quorum rule: each condition blocks alone, warn vs block, and proceeding anyway needs a recorded reason."""

import pytest
from meeting_factory import hospital, scheduled_meeting, sign_in_all
from sqlalchemy import select

from app.domain.quorum import Attendee, evaluate, validate_rule
from app.domain.reference import DEFAULT_QUORUM
from app.errors import PermissionDenied, ValidationError
from db.models import AuditEvent, Meeting

CHAIR = ("medical_oncology", "chief", "chair")
SURGEON = ("surgery", "associate_chief", "core")
RADIOLOGIST = ("radiology", "associate_chief", "core")
PATHOLOGIST = ("pathology", "attending", "core")
SECRETARY = ("", "charge_nurse", "secretary")
FULL = [CHAIR, SURGEON, RADIOLOGIST, PATHOLOGIST, SECRETARY]


def test_a_full_room_meets_the_default_rule_for_a_first_pre_treatment_discussion():
    r = evaluate(DEFAULT_QUORUM, FULL, first_pre_treatment=True)
    assert r.met and r.reasons == () and r.mode == "block"
    assert r.disciplines == ("medical_oncology", "radiology", "surgery") and r.attending_or_above == 4
    assert r.chair_present


@pytest.mark.parametrize("present,first,unmet", [
    # fewer than 3 disciplines with an associate chief or above (the pathologist is only attending)
    ([CHAIR, SURGEON, PATHOLOGIST, ("radiology", "attending", "core")], False, ("disciplines",)),
    # pathology missing, first pre-treatment discussion
    ([CHAIR, SURGEON, RADIOLOGIST], True, ("pathology",)),
    # radiology missing
    ([CHAIR, SURGEON, ("radiation_oncology", "chief", "core"), PATHOLOGIST], True, ("radiology",)),
    # fewer than 2 at attending grade or above: residents and nurses do not count
    ([("medical_oncology", "resident", "chair"), ("surgery", "resident", "core"), ("nursing", "chief", "core")],
     False, ("attending",)),
    # no chair
    ([SURGEON, RADIOLOGIST, ("medical_oncology", "chief", "core"), PATHOLOGIST], True, ("chair",)),
])
def test_each_condition_blocks_alone(present, first, unmet):
    rule = dict(DEFAULT_QUORUM, min_disciplines=3 if unmet != ("attending",) else 0)
    r = evaluate(rule, present, first_pre_treatment=first)
    assert not r.met and r.codes == unmet and len(r.reasons) == 1
    assert r.reasons[0] == r.unmet[0].text and r.messages()[0]


def test_pathology_and_radiology_are_needed_only_for_a_first_pre_treatment_discussion():
    without = [CHAIR, SURGEON, ("radiation_oncology", "chief", "core"), ("medical_oncology", "attending", "core")]
    assert evaluate(DEFAULT_QUORUM, without, first_pre_treatment=False).met
    r = evaluate(DEFAULT_QUORUM, without, first_pre_treatment=True)
    assert r.codes == ("pathology", "radiology")
    assert not evaluate({"require_pathology_radiology_first_pre_treatment": False}, without, True).unmet


def test_messages_quote_the_numbers_and_the_title():
    r = evaluate(DEFAULT_QUORUM, [Attendee("surgery", "resident", "chair")])
    text = " ".join(r.messages())
    assert "Fewer than 3 disciplines" in text and "Associate chief physician" in text and "(0 present)" in text
    assert "Fewer than 2 attendees of attending grade" in text


def test_an_empty_rule_is_the_hospital_default_and_bad_rules_are_refused():
    assert validate_rule({}) == DEFAULT_QUORUM and validate_rule(None) == DEFAULT_QUORUM
    assert validate_rule({"mode": "warn"})["mode"] == "warn"
    for bad in ({"mode": "maybe"}, {"min_disciplines": -1}, {"min_disciplines": True}, {"quorum": 3},
                {"min_title_for_expert": "professor"}, {"require_chair": "yes"}):
        with pytest.raises(ValidationError):
            validate_rule(bad)


def test_warn_mode_reports_but_does_not_block():
    r = evaluate({"mode": "warn"}, [SURGEON])
    assert not r.met and r.mode == "warn" and set(r.codes) == {"disciplines", "attending", "chair"}


# ---- the rule in a meeting --------------------------------------------------------------------------

@pytest.fixture
def h(ctx, admin, monkeypatch):
    return hospital(ctx, admin, monkeypatch, cases=1)


def _meeting(ctx, h, mode="block"):
    ctx.teams.update(h.secretary, h.team.id, quorum_rule={"mode": mode})
    return scheduled_meeting(ctx, h)


def test_a_blocking_quorum_refuses_to_start_until_the_chair_gives_a_reason(ctx, h):
    m = _meeting(ctx, h)
    sign_in_all(ctx, h, m.id, skip={"陈主任", "林秀英"})  # no chair, radiologist absent
    q = ctx.attendance.quorum(h.secretary, m.id)
    assert not q.result.met and not q.may_proceed and "chair" in q.result.codes
    with pytest.raises(ValidationError) as err:
        ctx.meetings.start(h.secretary, m.id)
    assert err.value.field == "quorum_override_reason" and "chair is not present" in str(err.value)
    assert ctx.meetings.get(h.secretary, m.id).status == "planned"
    started = ctx.meetings.start(h.secretary, m.id, override_reason="主任手术中，由副主任主持")
    assert started.status == "in_progress" and started.quorum.warning and started.quorum.may_proceed
    assert started.quorum_override_reason == "主任手术中，由副主任主持"
    with ctx.db.read() as s:
        assert s.get(Meeting, m.id).quorum_override_reason == "主任手术中，由副主任主持"
        ev = s.execute(select(AuditEvent).where(AuditEvent.action == "start")).scalar_one()
    assert ev.new["quorum_met"] is False and "chair" in ev.new["unmet"]
    assert ev.new["override_reason"] == "主任手术中，由副主任主持"


def test_a_case_needing_pathology_is_blocked_even_in_a_started_meeting(ctx, h):
    m = _meeting(ctx, h)
    sign_in_all(ctx, h, m.id, skip={"黄振华"})  # the pathologist is absent
    started = ctx.meetings.start(h.secretary, m.id)
    assert started.quorum.result.met  # the meeting as a whole is quorate
    item = started.agenda[0]
    assert item.first_pre_treatment
    assert ctx.attendance.quorum(h.secretary, m.id, item.id).result.codes == ("pathology",)
    with pytest.raises(ValidationError, match="pathologist"):
        ctx.capture.open_discussion(h.secretary, item.id)
    q = ctx.meetings.override_quorum(h.chair, m.id, "病理报告已由病理科书面确认")
    assert q.may_proceed and q.override_reason
    state = ctx.capture.open_discussion(h.secretary, item.id)
    assert state.quorum.warning and state.discussion is not None
    with ctx.db.read() as s:
        ev = s.execute(select(AuditEvent).where(AuditEvent.action == "quorum_override")).scalar_one()
    assert ev.new["reason"] == "病理报告已由病理科书面确认" and ev.user_id == h.chair.user_id


def test_warn_mode_starts_with_a_warning_flag_and_no_reason(ctx, h):
    m = _meeting(ctx, h, mode="warn")
    sign_in_all(ctx, h, m.id, skip={"陈主任"})
    started = ctx.meetings.start(h.secretary, m.id)
    assert started.status == "in_progress"
    assert started.quorum.warning and not started.quorum.result.met and started.quorum.override_reason == ""


def test_leaving_early_counts_against_the_quorum(ctx, h):
    m = _meeting(ctx, h)
    ids = sign_in_all(ctx, h, m.id)
    assert ctx.attendance.quorum(h.secretary, m.id).result.met
    ctx.attendance.leave(h.secretary, ids["陈主任"])
    assert ctx.attendance.quorum(h.secretary, m.id).result.codes == ("chair",)


def test_an_override_needs_a_reason_and_a_meeting_role(ctx, h):
    m = _meeting(ctx, h)
    with pytest.raises(ValidationError):
        ctx.meetings.override_quorum(h.chair, m.id, "   ")
    with pytest.raises(PermissionDenied):
        ctx.meetings.override_quorum(h.actors["zhou"], m.id, "理由")
