"""Decisions after capture: editing drafts, finalising by the chair, amendments that keep every version.

A finalised version is read-only (DOMAIN.md §5: no silent edits). A correction is a new version that
`amends_decision_id` the old one with a required reason; the old one becomes "superseded" only when the
chair finalises the amendment, so there is always exactly one version in force, and every version stays
readable.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.decision_fields import (
    DECISION_FIELDS,
    check_complete,
    validate_action,
    validate_decision_fields,
)
from app.domain.patient_rules import clean_text
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import DecisionRow, DiscussionRow
from app.records import Actor
from app.security.redaction import redacted_for
from app.services.base import Service
from app.services.capture import apply_decision, mark_discussed_in
from app.services.meeting_common import audit, get_case, get_decision, now, transition
from app.services.meeting_rows import decision_row, discussion_row
from db.models import ActionItem, AgendaItem, Decision, Discussion, Meeting, TeamMember

FINAL = N("errors", "This decision has been finalised and can no longer be edited. Correct it with an amendment.")


def chair_users(s: Session, d: Discussion) -> set[int]:
    """Who may finalise: the user of the meeting's chair, and the team's active chair members."""
    if d.meeting_id is None:
        return set()
    m = s.get(Meeting, d.meeting_id)
    users = set()
    if m.chair_member_id:
        chair = s.get(TeamMember, m.chair_member_id)
        if chair is not None and chair.user_id:
            users.add(chair.user_id)
    users.update(u for u in s.execute(select(TeamMember.user_id).where(
        TeamMember.team_id == m.team_id, TeamMember.team_role == "chair", TeamMember.active.is_(True))).scalars()
        if u)
    return users


class DecisionService(Service):
    def get(self, actor: Actor, decision_id: int) -> DecisionRow:
        self.require(actor, "case.view")
        with self.db.read() as s:
            dec = get_decision(s, decision_id)
            case_id = s.get(Discussion, dec.discussion_id).case_id
            return redacted_for(actor, s, [case_id], decision_row(s, dec, case_id))

    def discussions(self, actor: Actor, case_id: int) -> list[DiscussionRow]:
        """Every discussion of a case, oldest first, each with its opinions and all decision versions."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            get_case(s, case_id)
            rows = [discussion_row(s, d) for d in s.execute(select(Discussion).where(Discussion.case_id == case_id)
                                                            .order_by(Discussion.sequence, Discussion.id)).scalars()]
            return redacted_for(actor, s, [case_id], rows)

    def update(self, actor: Actor, decision_id: int, *, actions: list[dict] | None = None, **fields) -> DecisionRow:
        """Edit a draft (after the meeting, or an amendment before it is finalised)."""
        self.require(actor, "decision.edit")
        values = validate_decision_fields(fields)
        wanted = [validate_action(a) for a in actions] if actions is not None else None
        with self.db.session() as s:
            dec = get_decision(s, decision_id)
            if dec.status != "draft":
                raise ConflictError(FINAL)
            d = s.get(Discussion, dec.discussion_id)
            apply_decision(self.ctx, s, actor, dec, get_case(s, d.case_id), values, wanted)
            return decision_row(s, dec, d.case_id)

    def finalise(self, actor: Actor, decision_id: int) -> DecisionRow:
        """The chair makes the draft final: read-only from now on; the case moves to "decision finalised".

        Finalising during the meeting also marks the case discussed. Finalising an amendment supersedes the
        version it amends."""
        self.require(actor, "decision.finalise")
        with self.db.session() as s:
            dec = get_decision(s, decision_id)
            if dec.status != "draft":
                raise ConflictError(FINAL)
            d = s.get(Discussion, dec.discussion_id)
            if d.meeting_id is not None and actor.user_id not in chair_users(s, d):
                raise PermissionDenied(N("errors", "Only the chair of this meeting can finalise its decisions."))
            check_complete({k: getattr(dec, k) for k in DECISION_FIELDS})
            c = get_case(s, d.case_id)
            item = s.get(AgendaItem, d.agenda_item_id) if d.agenda_item_id else None
            if item is not None and item.status == "pending":
                mark_discussed_in(self.ctx, s, actor, item, timed=item.track == "discuss")
            at = now()
            dec.status, dec.finalised_at, dec.finalised_by, dec.updated_at = "finalised", at, actor.user_id, at
            superseded = None
            if dec.amends_decision_id:
                old = s.get(Decision, dec.amends_decision_id)
                old.status, superseded = "superseded", old.id
                audit(self.ctx, s, actor, "supersede", "decision", old.id, case=c, old={"status": "finalised"},
                      new={"status": "superseded", "by": dec.id})
            audit(self.ctx, s, actor, "finalise", "decision", dec.id, case=c, old={"status": "draft"},
                  new={"status": "finalised", "version": dec.version, "finalised_at": at,
                       "supersedes": superseded})
            if c.status == "discussed":
                transition(self.ctx, s, actor, c, "finalised")
            return decision_row(s, dec, c.id)

    def amend(self, actor: Actor, decision_id: int, reason: str, *, actions: list[dict] | None = None,
              **fields) -> DecisionRow:
        """A new draft version copying the finalised one, with the corrections and the required reason."""
        self.require(actor, "decision.edit")
        why = clean_text(reason, 2000, "amendment_reason")
        if not why:
            raise ValidationError(N("errors", "Enter the reason for the amendment."), field="amendment_reason")
        values = validate_decision_fields(fields)
        wanted = [validate_action(a) for a in actions] if actions is not None else None
        with self.db.session() as s:
            old = get_decision(s, decision_id)
            if old.status != "finalised":
                raise ConflictError(N("errors", "Only the finalised version in force can be amended; edit a "
                                                "draft directly."))
            pending = s.scalar(select(func.count(Decision.id)).where(Decision.discussion_id == old.discussion_id,
                                                                    Decision.status == "draft"))
            if pending:
                raise ConflictError(N("errors", "An amendment of this decision is already waiting to be "
                                                "finalised."))
            last = s.scalar(select(func.max(Decision.version)).where(Decision.discussion_id == old.discussion_id))
            new = Decision(discussion_id=old.discussion_id, version=last + 1, status="draft",
                           amends_decision_id=old.id, amendment_reason=why,
                           **{k: getattr(old, k) for k in DECISION_FIELDS})
            s.add(new)
            s.flush()
            for a in old.actions:
                s.add(ActionItem(decision_id=new.id, description=a.description,
                                 responsible_user_id=a.responsible_user_id, responsible_name=a.responsible_name,
                                 department=a.department, due_on=a.due_on, done_at=a.done_at, done_by=a.done_by))
            s.flush()
            d = s.get(Discussion, old.discussion_id)
            c = get_case(s, d.case_id)
            audit(self.ctx, s, actor, "amend", "decision", new.id, case=c,
                  new={"amends": old.id, "version": new.version, "reason": why})
            if values or wanted is not None:
                apply_decision(self.ctx, s, actor, new, c, values, wanted)
            return decision_row(s, new, c.id)

    def discard_amendment(self, actor: Actor, decision_id: int) -> None:
        """Drop an amendment that was started but not finalised (the version in force stays as it is)."""
        self.require(actor, "decision.edit")
        with self.db.session() as s:
            dec = get_decision(s, decision_id)
            if dec.status != "draft" or not dec.amends_decision_id:
                raise ConflictError(N("errors", "Only an amendment that is not finalised can be discarded."))
            d = s.get(Discussion, dec.discussion_id)
            for a in list(dec.actions):
                s.delete(a)
            audit(self.ctx, s, actor, "delete", "decision", dec.id, case=get_case(s, d.case_id),
                  old={"version": dec.version, "amends": dec.amends_decision_id, "reason": dec.amendment_reason})
            s.delete(dec)
