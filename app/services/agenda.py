"""The agenda: cases waiting for a meeting, adding them (case -> scheduled), order, minutes, listed cases,
postponing to another meeting with the history kept, withdrawing."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.patient_rules import clean_text
from app.errors import ConflictError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import AgendaItemRow, CandidateCase, MeetingDetail
from app.records import Actor
from app.security.redaction import masked_in
from app.services.base import Service
from app.services.capture import drop_discussion_in
from app.services.meeting_common import (
    audit,
    get_case,
    get_item,
    get_meeting,
    get_team,
    require_open,
    transition,
)
from app.services.meeting_rows import agenda_row, candidate_row, meeting_detail
from db.models import AgendaItem, Case, Meeting, Patient, Team

WAITING = ("submitted", "approved", "rediscussion")
TRACKS = ("discuss", "listed")


def _minutes(value, low: int = 1, high: int = 240) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(N("errors", "Enter a whole number of minutes from {low} to {high}."), field="minutes",
                              low=low, high=high)
    return value


def _waiting_query(team: Team | None):
    q = (select(Case, Patient.name).join(Patient, Case.patient_id == Patient.id).where(Case.status.in_(WAITING))
         .order_by(Case.urgency.desc(), Case.submitted_at, Case.applied_on, Case.id))  # urgent sorts first
    if team is not None:
        q = q.where(or_(Case.team_id == team.id,
                        Case.team_id.is_(None) & Case.tumour_type.in_(list(team.tumour_types or ()))))
    return q


def _pending_item(s: Session, item_id: int) -> tuple[AgendaItem, Meeting]:
    item = get_item(s, item_id)
    m = get_meeting(s, item.meeting_id)
    require_open(m)
    if item.status != "pending":
        raise ConflictError(N("errors", "This case is not waiting to be discussed."))
    return item, m


def _append(s: Session, meeting_id: int, case_id: int, **values) -> AgendaItem:
    last = s.scalar(select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id))
    item = AgendaItem(meeting_id=meeting_id, case_id=case_id, position=(last + 1) if last is not None else 0,
                      status="pending", **values)
    s.add(item)
    s.flush()
    return item


class AgendaService(Service):
    def waiting(self, actor: Actor, team_id: int | None = None) -> list[CandidateCase]:
        """Cases waiting for a meeting (submitted, approved, re-discussion): the team's own, and cases
        without a team whose tumour type the team covers; urgent first, then by submission."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            team = get_team(s, team_id) if team_id is not None else None
            return masked_in(actor, s, [candidate_row(s, c, name) for c, name in s.execute(_waiting_query(team))])

    def waiting_by_team(self, actor: Actor) -> dict[int | None, list[CandidateCase]]:
        """The secretary's overview: active team id -> its waiting cases; None -> cases no team covers."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            teams = list(s.execute(select(Team).where(Team.active.is_(True)).order_by(Team.name)).scalars())
            out: dict[int | None, list[CandidateCase]] = {t.id: [] for t in teams}
            out[None] = []
            for c, name in s.execute(_waiting_query(None)):
                if c.team_id in out and c.team_id is not None:
                    key = c.team_id
                else:
                    key = next((t.id for t in teams if c.team_id is None and c.tumour_type in (t.tumour_types or ())),
                               None)
                out[key].append(candidate_row(s, c, name))
            return masked_in(actor, s, out)

    def candidates(self, actor: Actor, meeting_id: int) -> list[CandidateCase]:
        """What the secretary can put on this meeting's agenda."""
        with self.db.read() as s:
            team_id = get_meeting(s, meeting_id).team_id
        return self.waiting(actor, team_id)

    def add(self, actor: Actor, meeting_id: int, case_id: int, minutes: int = 10, *, track: str = "discuss",
            standard_decision: str = "") -> AgendaItemRow:
        """Put a waiting case on the agenda (case -> scheduled). A case that is not ready is accepted and
        flagged (AgendaItemRow.ready / missing). A listed case needs its standard decision and no minutes."""
        self.require(actor, "meeting.manage")
        if track not in TRACKS:
            raise ValidationError(N("errors", "Choose a value from the list."), field="track")
        standard = clean_text(standard_decision, 8000, "standard_decision")
        if track == "listed" and not standard:
            raise ValidationError(N("errors", "A listed case needs the standard decision it is recorded with."),
                                  field="standard_decision")
        minutes = 0 if track == "listed" else _minutes(minutes)
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            c = get_case(s, case_id)
            if c.status not in WAITING:
                raise ConflictError(N("errors", "Case {case_no} is not waiting for a meeting (it is already on an "
                                                "agenda, or not yet submitted)."), case_no=c.case_no)
            if c.team_id is not None and c.team_id != m.team_id:
                raise ValidationError(N("errors", "Case {case_no} belongs to another team."), field="case_id",
                                      case_no=c.case_no)
            new_team = c.team_id is None
            c.team_id = m.team_id
            item = _append(s, m.id, c.id, minutes=minutes, track=track, standard_decision=standard)
            transition(self.ctx, s, actor, c, "scheduled", note=f"{m.scheduled_at:%Y-%m-%d %H:%M} {m.team.name}")
            audit(self.ctx, s, actor, "create", "agenda_item", item.id, case=c,
                  new={"meeting": m.id, "position": item.position, "minutes": minutes, "track": track,
                       "standard_decision": standard, **({"case_team_id": m.team_id} if new_team else {})})
            return agenda_row(s, item)

    def set_minutes(self, actor: Actor, item_id: int, minutes: int) -> AgendaItemRow:
        self.require(actor, "meeting.manage")
        minutes = _minutes(minutes)
        with self.db.session() as s:
            item, m = _pending_item(s, item_id)
            if item.track == "listed":
                raise ValidationError(N("errors", "A listed case takes no meeting time."), field="minutes")
            if item.minutes != minutes:
                audit(self.ctx, s, actor, "update", "agenda_item", item.id, case=get_case(s, item.case_id),
                      old={"minutes": item.minutes}, new={"minutes": minutes})
                item.minutes = minutes
            return agenda_row(s, item)

    def set_track(self, actor: Actor, item_id: int, track: str, standard_decision: str = "") -> AgendaItemRow:
        """Switch a pending case between discussion and the listed (standard decision) track."""
        self.require(actor, "meeting.manage")
        if track not in TRACKS:
            raise ValidationError(N("errors", "Choose a value from the list."), field="track")
        standard = clean_text(standard_decision, 8000, "standard_decision")
        if track == "listed" and not standard:
            raise ValidationError(N("errors", "A listed case needs the standard decision it is recorded with."),
                                  field="standard_decision")
        with self.db.session() as s:
            item, m = _pending_item(s, item_id)
            old = {"track": item.track, "standard_decision": item.standard_decision, "minutes": item.minutes}
            item.track, item.standard_decision = track, standard
            item.minutes = 0 if track == "listed" else (item.minutes or 10)
            new = {"track": item.track, "standard_decision": item.standard_decision, "minutes": item.minutes}
            if new != old:
                audit(self.ctx, s, actor, "update", "agenda_item", item.id, case=get_case(s, item.case_id),
                      old=old, new=new)
            return agenda_row(s, item)

    def reorder(self, actor: Actor, meeting_id: int, item_ids: list[int]) -> MeetingDetail:
        """The complete new order (drag and drop): every item of the meeting exactly once."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            items = {i.id: i for i in s.execute(select(AgendaItem).where(AgendaItem.meeting_id == m.id)).scalars()}
            if sorted(item_ids) != sorted(items):
                raise ValidationError(N("errors", "The new order must list every case of the agenda once."),
                                      field="item_ids")
            old = [i.id for i in sorted(items.values(), key=lambda i: (i.position, i.id))]
            for pos, iid in enumerate(item_ids):
                items[iid].position = pos
            if old != list(item_ids):
                audit(self.ctx, s, actor, "reorder", "meeting", m.id, old={"order": old},
                      new={"order": list(item_ids)})
            return meeting_detail(s, m)

    def postpone(self, actor: Actor, item_id: int, reason: str, to_meeting_id: int | None = None) -> AgendaItemRow:
        """Move a case to another meeting of the team (a new agenda item there), or with no meeting back
        to the waiting list (case -> approved). The old item stays, marked postponed, with the reason."""
        self.require(actor, "meeting.manage")
        why = clean_text(reason, 2000, "postpone_reason")
        if not why:
            raise ValidationError(N("errors", "Enter the reason."), field="postpone_reason")
        with self.db.session() as s:
            item, m = _pending_item(s, item_id)
            c = get_case(s, item.case_id)
            target = None
            if to_meeting_id is not None:
                target = get_meeting(s, to_meeting_id)
                if target.id == m.id or target.team_id != m.team_id or target.status != "planned":
                    raise ValidationError(N("errors", "Choose another planned meeting of the same team."),
                                          field="to_meeting_id")
            drop_discussion_in(self.ctx, s, actor, item)
            item.status, item.postpone_reason = "postponed", why
            item.postponed_to_meeting_id = target.id if target else None
            if m.current_agenda_item_id == item.id:
                m.current_agenda_item_id = None
            moved = None
            if target is not None:
                moved = _append(s, target.id, c.id, minutes=item.minutes, track=item.track,
                                standard_decision=item.standard_decision)
            else:
                transition(self.ctx, s, actor, c, "approved", note=why)
            audit(self.ctx, s, actor, "postpone", "agenda_item", item.id, case=c, old={"status": "pending"},
                  new={"status": "postponed", "to_meeting": target.id if target else None,
                       "new_agenda_item": moved.id if moved else None}, note=why)
            return agenda_row(s, moved or item)

    def withdraw(self, actor: Actor, item_id: int, reason: str) -> AgendaItemRow:
        """Take a case off the agenda (back to waiting: case -> approved), with the reason."""
        self.require(actor, "meeting.manage")
        why = clean_text(reason, 2000, "postpone_reason")
        if not why:
            raise ValidationError(N("errors", "Enter the reason."), field="postpone_reason")
        with self.db.session() as s:
            item, m = _pending_item(s, item_id)
            c = get_case(s, item.case_id)
            drop_discussion_in(self.ctx, s, actor, item)
            item.status, item.postpone_reason = "withdrawn", why
            if m.current_agenda_item_id == item.id:
                m.current_agenda_item_id = None
            transition(self.ctx, s, actor, c, "approved", note=why)
            audit(self.ctx, s, actor, "withdraw", "agenda_item", item.id, case=c, old={"status": "pending"},
                  new={"status": "withdrawn"}, note=why)
            return agenda_row(s, item)

    def case_history(self, actor: Actor, case_id: int) -> list[AgendaItemRow]:
        """Every agenda item the case has had, in order: postponements and where they led."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            get_case(s, case_id)
            return masked_in(actor, s, [agenda_row(s, i) for i in s.execute(
                select(AgendaItem).where(AgendaItem.case_id == case_id).order_by(AgendaItem.id)).scalars()])
