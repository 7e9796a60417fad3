"""Follow-up at 1/3/6/12 months (or the team's schedule), contacts, lost to follow-up, re-discussion."""

from datetime import date, timedelta

import pytest
from closed_loop_factory import decided
from meeting_factory import audited

from app.errors import PermissionDenied, ValidationError
from app.services.followups import add_months


def test_months_are_added_to_the_calendar_day():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_planning_follows_the_team_schedule_once_and_records_the_visits(ctx, admin, monkeypatch):
    w = decided(ctx, admin, monkeypatch)
    ctx.teams.update(admin, w.h.team.id, followup_months=[3, 6])
    planned = audited(ctx, ctx.followups.plan, w.zhou, w.decision.id)
    assert [f.months_after for f in planned] == [3, 6]
    base = w.decision.finalised_at.date()
    assert [f.due_on for f in planned] == [add_months(base, 3), add_months(base, 6)]
    assert all(f.responsible_user_id == w.zhou.user_id for f in planned)  # the requesting doctor
    assert len(ctx.followups.plan(w.zhou, w.decision.id)) == 2  # planning again adds nothing

    first, second = planned
    done = audited(ctx, ctx.followups.record, w.zhou, first.id, contact="phone", vital_status="alive",
                   disease_status="ned", outcome="术后恢复良好", treatment_change="",
                   on=date.today() - timedelta(days=1))
    assert (done.contact, done.vital_status, done.disease_status, done.outcome, done.lost) == (
        "phone", "alive", "ned", "术后恢复良好", False)
    assert done.done_at.date() == date.today() - timedelta(days=1)
    lost = audited(ctx, ctx.followups.mark_lost, w.zhou, second.id, "电话停机，地址变更")
    assert lost.lost and lost.vital_status == "unknown" and lost.done_at is not None
    with pytest.raises(ValidationError):
        ctx.followups.mark_lost(w.zhou, second.id, "  ")
    with pytest.raises(ValidationError) as err:
        ctx.followups.record(w.zhou, first.id, contact="letter", vital_status="alive")
    assert err.value.field == "contact"
    with pytest.raises(PermissionDenied):
        ctx.followups.record(w.h.secretary, first.id, contact="visit", vital_status="alive")


def test_rediscussion_sends_the_case_back_with_its_history(ctx, admin, monkeypatch):
    w = decided(ctx, admin, monkeypatch)
    # A finalised, unsigned case cannot be sent back yet; once signed and implementing it can.
    with pytest.raises(ValidationError):
        ctx.followups.rediscuss(w.zhou, w.case.id, "术后病理升期")
    from app.services.meeting_common import transition
    from db.models import Case

    with ctx.db.session() as s:
        transition(ctx, s, w.zhou, s.get(Case, w.case.id), "signed")
    audited(ctx, ctx.followups.rediscuss, w.zhou, w.case.id, "术后病理升期，需讨论辅助治疗")
    assert ctx.case_records.get(w.zhou, w.case.id).status == "rediscussion"
    assert len(ctx.decisions.discussions(w.zhou, w.case.id)) == 1  # the earlier discussion stays linked
