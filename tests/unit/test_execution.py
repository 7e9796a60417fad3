"""Execution status (执行情况) of a finalised decision, recorded by the responsible doctor, and its actions."""

from datetime import date, timedelta

import pytest
from closed_loop_factory import decided
from meeting_factory import audited
from sqlalchemy import select

from app.errors import ConflictError, PermissionDenied, ValidationError
from db.models import AuditEvent


@pytest.fixture
def w(ctx, admin, monkeypatch):
    return decided(ctx, admin, monkeypatch)


def test_the_doctor_records_execution_and_follow_ups_are_planned(ctx, w):
    e = ctx.execution.get(w.zhou, w.decision.id)
    assert (e.status, e.treatment_started_on, e.treatment_place, e.recorded_by) == ("pending", None, "", "")
    started = date.today() - timedelta(days=3)
    e = audited(ctx, ctx.execution.record, w.zhou, w.decision.id, "executed", treatment_started_on=started,
                treatment_place="this")
    assert (e.status, e.treatment_started_on, e.treatment_place, e.recorded_by) == (
        "executed", started, "this", "周海涛")
    assert e.recorded_at is not None
    assert [f.months_after for f in ctx.followups.for_case(w.zhou, w.case.id)] == [1, 3, 6, 12]


def test_a_deviation_needs_its_reason_and_executed_needs_date_and_place(ctx, w):
    with pytest.raises(ValidationError) as err:
        ctx.execution.record(w.zhou, w.decision.id, "partly", treatment_started_on=date.today(),
                             treatment_place="this")
    assert err.value.field == "deviation_reason"
    with pytest.raises(ValidationError) as err:
        ctx.execution.record(w.zhou, w.decision.id, "not", deviation_reason="other")
    assert err.value.field == "deviation"
    e = ctx.execution.record(w.zhou, w.decision.id, "not", deviation_reason="patient_wish",
                             deviation="患者拒绝手术，要求回当地医院中药治疗")
    assert (e.status, e.deviation_reason, e.deviation) == ("not", "patient_wish", "患者拒绝手术，要求回当地医院中药治疗")
    with pytest.raises(ValidationError) as err:
        ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_place="upper")
    assert err.value.field == "treatment_started_on"
    with pytest.raises(ValidationError) as err:
        ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today())
    assert err.value.field == "treatment_place"
    with pytest.raises(ValidationError):
        ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_place="this",
                             treatment_started_on=date.today() + timedelta(days=2))
    with pytest.raises(ValidationError):
        ctx.execution.record(w.zhou, w.decision.id, "done", treatment_place="this")


def test_corrections_are_audited_only_clinicians_record_only_on_the_version_in_force(ctx, w):
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on="2026-01-05",
                         treatment_place="upper")
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on="2026-01-05",
                         treatment_place="this")
    with ctx.db.read() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.action == "execution")
                           .order_by(AuditEvent.id)).scalars().all()
        assert len(events) == 2
        assert events[1].old["treatment_place"] == "upper" and events[1].new["treatment_place"] == "this"
    with pytest.raises(PermissionDenied):
        ctx.execution.record(w.h.secretary, w.decision.id, "executed", treatment_started_on=date.today(),
                             treatment_place="this")
    amendment = ctx.decisions.amend(w.h.secretary, w.decision.id, "补充辅助治疗")
    with pytest.raises(ConflictError):
        ctx.execution.record(w.zhou, amendment.id, "not", deviation_reason="contraindication")


def test_action_items_are_completed_and_reopened(ctx, w):
    first = w.decision.actions[0]
    done = audited(ctx, ctx.execution.complete_action, w.zhou, first.id)
    assert done.done_at is not None
    assert ctx.execution.complete_action(w.zhou, first.id, done=False).done_at is None
