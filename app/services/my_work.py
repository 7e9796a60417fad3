""""My work": what a user has to do now — open action items, decisions awaiting their execution status,
follow-ups falling due. Everything disappears from the list the moment it is done.

Only the decision version in force counts: an amendment copies the action items, and the superseded
copies must not show up twice.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import or_, select

from app.closed_loop_records import MyWork, WorkItem
from app.domain.closed_loop import DUE_SOON_DAYS, EXECUTION_GRACE_DAYS
from app.records import Actor
from app.security.masking import mask_name, sees_masked
from app.services.base import Service
from db.models import ActionItem, Case, Decision, Discussion, FollowUp, Patient


class MyWorkService(Service):
    def for_user(self, actor: Actor, today: date | None = None) -> MyWork:
        """The acting user's own list (open items due within a week, overdue ones flagged)."""
        self.require(actor, "case.view")
        today = today or date.today()
        soon = today + timedelta(days=DUE_SOON_DAYS)
        uid = actor.user_id
        show = mask_name if sees_masked(actor) else (lambda n: n)
        with self.db.read() as s:
            actions = s.execute(
                select(ActionItem.id, ActionItem.description, ActionItem.due_on, Case.id, Case.case_no,
                       Patient.name)
                .join(Decision, ActionItem.decision_id == Decision.id)
                .join(Discussion, Decision.discussion_id == Discussion.id)
                .join(Case, Discussion.case_id == Case.id).join(Patient, Case.patient_id == Patient.id)
                .where(ActionItem.responsible_user_id == uid, ActionItem.done_at.is_(None),
                       Decision.status == "finalised",
                       or_(ActionItem.due_on.is_(None), ActionItem.due_on <= soon))
                .order_by(ActionItem.due_on, ActionItem.id)).all()
            executions = s.execute(
                select(Decision.id, Decision.plan_text, Decision.finalised_at, Case.id, Case.case_no, Patient.name)
                .join(Discussion, Decision.discussion_id == Discussion.id)
                .join(Case, Discussion.case_id == Case.id).join(Patient, Case.patient_id == Patient.id)
                .where(Decision.status == "finalised", Decision.execution_status == "pending",
                       Case.status.notin_(("cancelled", "closed")),
                       or_(Case.applicant_id == uid, (Case.applicant_id.is_(None)) & (Case.created_by == uid)))
                .order_by(Decision.finalised_at, Decision.id)).all()
            followups = s.execute(
                select(FollowUp.id, FollowUp.months_after, FollowUp.due_on, Case.id, Case.case_no, Patient.name)
                .join(Case, FollowUp.case_id == Case.id).join(Patient, Case.patient_id == Patient.id)
                .where(FollowUp.responsible_user_id == uid, FollowUp.done_at.is_(None), FollowUp.due_on <= soon,
                       Case.status != "cancelled")
                .order_by(FollowUp.due_on, FollowUp.id)).all()
        return MyWork(
            tuple(WorkItem("action", i, cid, no, show(name), text, due, due is not None and due < today)
                  for i, text, due, cid, no, name in actions),
            tuple(WorkItem("execution", i, cid, no, show(name), text,
                           (at.date() + timedelta(days=EXECUTION_GRACE_DAYS)) if at else None,
                           bool(at) and at.date() + timedelta(days=EXECUTION_GRACE_DAYS) < today)
                  for i, text, at, cid, no, name in executions),
            tuple(WorkItem("followup", i, cid, no, show(name), str(months or ""), due, due < today)
                  for i, months, due, cid, no, name in followups))

    def recent_executions(self, actor: Actor, days: int = 90, today: date | None = None) -> tuple[WorkItem, ...]:
        """The acting doctor's decisions whose execution was recorded in the last `days` days (latest first),
        so a status can be corrected and what the MDT changed added later. `due_on` is the recording day."""
        self.require(actor, "case.view")
        since = (today or date.today()) - timedelta(days=days)
        uid = actor.user_id
        show = mask_name if sees_masked(actor) else (lambda n: n)
        with self.db.read() as s:
            rows = s.execute(
                select(Decision.id, Decision.plan_text, Decision.execution_recorded_at, Decision.execution_status,
                       Case.id, Case.case_no, Patient.name)
                .join(Discussion, Decision.discussion_id == Discussion.id)
                .join(Case, Discussion.case_id == Case.id).join(Patient, Case.patient_id == Patient.id)
                .where(Decision.status == "finalised", Decision.execution_status != "pending",
                       Decision.execution_recorded_at >= datetime.combine(since, datetime.min.time()),
                       or_(Case.applicant_id == uid, (Case.applicant_id.is_(None)) & (Case.created_by == uid)))
                .order_by(Decision.execution_recorded_at.desc(), Decision.id)).all()
        return tuple(WorkItem("execution", i, cid, no, show(name), text, at.date() if at else None, False, status)
                     for i, text, at, status, cid, no, name in rows)
