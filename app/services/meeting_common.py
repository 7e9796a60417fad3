"""What the team, meeting, agenda, attendance and decision services share, inside one session.

Everything here takes the caller's session: a service call is one transaction, so a case transition made
while building the agenda commits or rolls back with it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.quorum import Attendee, evaluate
from app.domain.vocab import label
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import QuorumStatus
from app.records import Actor
from app.services import audit_chain
from db.base import utcnow
from db.models import (
    AgendaItem,
    Attendance,
    Case,
    Decision,
    Discipline,
    Discussion,
    Meeting,
    Team,
)

OPEN_MEETING = ("planned", "in_progress")


def transition(ctx, s: Session, actor: Actor, c: Case, to_status: str, note: str = "") -> None:
    """A workflow transition in the caller's transaction (the one implementation lives with the cases)."""
    from app.services.cases import apply_transition

    apply_transition(ctx, s, actor, c, to_status, note)


def audit(ctx, s: Session, actor: Actor, action: str, entity: str, entity_id: int | None, *,
          case: Case | None = None, old: dict | None = None, new: dict | None = None, note: str = "") -> None:
    """An audit event for a meeting record; a write by a real user also ends the folder's demo-only state."""
    ctx.setup.mark_real_data(s)
    audit_chain.record(s, actor, action, entity, entity_id, old=old, new=new, note=note,
                       case_id=case.id if case else None, patient_id=case.patient_id if case else None)


def fetch(s: Session, model, row_id: int, missing: str):
    """The row, or NotFound with `missing` ("… {id} does not exist.") when there is none."""
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(missing, id=row_id)
    return row


def get_team(s: Session, team_id: int) -> Team:
    return fetch(s, Team, team_id, N("errors", "Team {id} does not exist."))


def get_meeting(s: Session, meeting_id: int) -> Meeting:
    return fetch(s, Meeting, meeting_id, N("errors", "Meeting {id} does not exist."))


def get_item(s: Session, item_id: int) -> AgendaItem:
    return fetch(s, AgendaItem, item_id, N("errors", "Agenda item {id} does not exist."))


def get_case(s: Session, case_id: int) -> Case:
    return fetch(s, Case, case_id, N("errors", "Case {id} does not exist."))


def get_decision(s: Session, decision_id: int) -> Decision:
    return fetch(s, Decision, decision_id, N("errors", "Decision {id} does not exist."))


def require_open(m: Meeting) -> None:
    """Planned or running meetings can be changed; closed and cancelled ones are the record."""
    if m.status not in OPEN_MEETING:
        raise ConflictError(N("errors", "This meeting is {status}; it can no longer be changed."),
                            status=label("meeting_status", m.status))


def require_running(m: Meeting) -> None:
    if m.status != "in_progress":
        raise ConflictError(N("errors", "The meeting has not been started (or is already closed)."))


def discipline_codes(s: Session) -> dict[int, str]:
    return dict(s.execute(select(Discipline.id, Discipline.code)).all())


def discipline_id(s: Session, code: str) -> int | None:
    if not code:
        return None
    found = s.execute(select(Discipline.id).where(Discipline.code == code)).scalar()
    if found is None:
        raise ValidationError(N("errors", "Unknown discipline: {code}."), field="discipline", code=code)
    return found


def is_first_pre_treatment(s: Session, item: AgendaItem, c: Case) -> bool:
    """A pre-treatment case never discussed before (in another meeting or agenda item)."""
    if c.conference_type != "pre_treatment":
        return False
    earlier = s.scalar(select(func.count(Discussion.id)).where(
        Discussion.case_id == c.id, (Discussion.agenda_item_id != item.id) | Discussion.agenda_item_id.is_(None)))
    return not earlier


def present_attendees(s: Session, m: Meeting) -> list[Attendee]:
    """Who is in the room now; once the meeting is closed, everyone who signed in (the record's quorum)."""
    codes = discipline_codes(s)
    q = select(Attendance).where(Attendance.meeting_id == m.id, Attendance.signed_in_at.is_not(None))
    if m.status != "closed":
        q = q.where(Attendance.left_at.is_(None))
    rows = s.execute(q).scalars()
    return [Attendee(codes.get(a.discipline_id, ""), a.title, a.role) for a in rows]


def quorum_status(s: Session, m: Meeting, first_pre_treatment: bool = False) -> QuorumStatus:
    result = evaluate(m.team.quorum_rule or {}, present_attendees(s, m), first_pre_treatment)
    reason = m.quorum_override_reason or ""
    may = result.met or result.mode == "warn" or bool(reason)
    return QuorumStatus(result, reason, may, not result.met and may, first_pre_treatment)


def require_quorum(s: Session, m: Meeting, first_pre_treatment: bool = False) -> QuorumStatus:
    """Refuse to proceed while a blocking quorum is not met and the chair has given no reason."""
    q = quorum_status(s, m, first_pre_treatment)
    if not q.may_proceed:
        raise ValidationError(
            N("errors", "The quorum is not met: {reasons} Record the chair's reason to proceed anyway."),
            field="quorum_override_reason", reasons=" ".join(q.result.messages()))
    return q


def now():
    return utcnow()
