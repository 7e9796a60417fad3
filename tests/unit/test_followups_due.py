"""The secretary's period list of follow-ups due, and what the MDT changed (diagnosis, treatment plan) as
recorded with the execution status and read back by statistics."""

from datetime import date, timedelta

import pytest
from closed_loop_factory import decided
from sqlalchemy import select

from app.errors import ValidationError
from app.services.execution import effect_sql, read_effect
from app.services.followups import add_months
from db.models import Case, Decision


@pytest.fixture
def w(ctx, admin, monkeypatch):
    world = decided(ctx, admin, monkeypatch)
    ctx.execution.record(world.zhou, world.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this")
    return world


def test_the_period_list_holds_every_due_follow_up_of_the_period(ctx, admin, w):
    base = w.decision.finalised_at.date()
    today = date.today()
    rows = ctx.followups.due(w.h.secretary, today, add_months(base, 6))
    assert [(r.months_after, r.due_on, r.responsible, r.team, r.patient_name) for r in rows] == [
        (m, add_months(base, m), "周海涛", "肺癌MDT", "王建国") for m in (1, 3, 6)]
    assert not any(r.overdue or r.done_at for r in rows)
    first = rows[0]
    ctx.followups.record(w.zhou, first.id, contact="visit", vital_status="alive")
    later = first.due_on + timedelta(days=10)
    again = ctx.followups.due(w.h.secretary, today, add_months(base, 3), today=later)
    assert [(r.done_at is not None, r.overdue) for r in again] == [(True, False), (False, False)]
    assert ctx.followups.due(w.h.secretary, today, today + timedelta(days=3)) == []
    assert ctx.followups.due(w.h.secretary, today, add_months(base, 12), team_id=w.h.team.id + 99) == []
    with pytest.raises(ValidationError):
        ctx.followups.due(w.h.secretary, today, today - timedelta(days=1))
    assert ctx.followups.get(w.zhou, first.id).contact == "visit"


def test_the_mdt_effect_is_kept_with_the_decision_and_statistics_read_it(ctx, w):
    e = ctx.execution.get(w.zhou, w.decision.id)
    assert (e.diagnosis_changed, e.treatment_changed, e.change_note) == (None, None, "")
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this",
                         mdt_effect={"diagnosis_changed": True, "treatment_changed": False, "note": "病理分型修正"})
    # A later correction of the status alone keeps what the MDT changed.
    e = ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                             treatment_place="upper")
    assert (e.diagnosis_changed, e.treatment_changed, e.change_note, e.treatment_place) == (
        True, False, "病理分型修正", "upper")
    with ctx.db.read() as s:
        assert read_effect(s.get(Decision, w.decision.id))["diagnosis_changed"] is True
        assert "mdt_effect" not in (s.get(Case, w.case.id).workup or {})  # kept with the decision, not the case
        rows = s.execute(select(Decision.id, effect_sql("diagnosis_changed"), effect_sql("treatment_changed"))
                         .where(Decision.status == "finalised")).all()
    assert rows == [(w.decision.id, 1, 0)]
    assert ctx.case_records.readiness(w.zhou, w.case.id) is not None
    with pytest.raises(ValidationError):
        ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                             treatment_place="this", mdt_effect={"diagnosis_changed": "maybe"})


def test_recorded_executions_come_back_for_correction_to_their_doctor_only(ctx, w):
    [recent] = ctx.my_work.recent_executions(w.zhou)
    assert (recent.id, recent.status, recent.due_on, recent.overdue) == (w.decision.id, "executed", date.today(),
                                                                        False)
    assert ctx.my_work.recent_executions(w.lin) == ()
    assert ctx.my_work.recent_executions(w.zhou, today=date.today() + timedelta(days=91)) == ()
