"""Meetings: scheduling, running (start, current case, close) and the secretary's views and record."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.patient_rules import clean_text
from app.errors import ConflictError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import ItemRecord, MeetingDetail, MeetingRecord, QuorumStatus
from app.records import Actor, MeetingRow
from app.security.redaction import masked_in
from app.services.base import Service
from app.services.capture import record_listed_in
from app.services.meeting_common import (
    audit,
    get_case,
    get_item,
    get_meeting,
    get_team,
    now,
    quorum_status,
    require_open,
    require_quorum,
    require_running,
    transition,
)
from app.services.meeting_rows import agenda_row, discussion_of_item, discussion_row, meeting_detail
from db.models import AgendaItem, Attendance, Meeting, Team, TeamMember

STEPPABLE = ("pending", "discussed")


def _minutes(value: int, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(N("errors", "Enter a whole number of minutes from {low} to {high}."), field=field,
                              low=low, high=high)
    return value


def _member_of(s: Session, team_id: int, member_id: int | None, field: str) -> int | None:
    if member_id is None:
        return None
    m = s.get(TeamMember, member_id)
    if m is None or m.team_id != team_id or not m.active:
        raise ValidationError(N("errors", "Choose an active member of this team."), field=field)
    return m.id


def _first_member(s: Session, team_id: int, role: str) -> int | None:
    return s.execute(select(TeamMember.id).where(TeamMember.team_id == team_id, TeamMember.team_role == role,
                                                 TeamMember.active.is_(True)).order_by(TeamMember.id)).scalar()


def _ordered(s: Session, meeting_id: int) -> list[AgendaItem]:
    return list(s.execute(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                          .order_by(AgendaItem.position, AgendaItem.id)).scalars())


class MeetingService(Service):
    # ---- lists and views -------------------------------------------------------------------------
    def _rows(self, *where, ascending: bool = False) -> list[MeetingRow]:
        agenda = (select(AgendaItem.meeting_id, func.count(AgendaItem.id).label("n"))
                  .group_by(AgendaItem.meeting_id).subquery())
        present = (select(Attendance.meeting_id, func.count(Attendance.id).label("n"))
                   .where(Attendance.signed_in_at.is_not(None)).group_by(Attendance.meeting_id).subquery())
        order = Meeting.scheduled_at.asc() if ascending else Meeting.scheduled_at.desc()
        stmt = (
            select(Meeting, Team.name, func.coalesce(agenda.c.n, 0), func.coalesce(present.c.n, 0))
            .join(Team, Meeting.team_id == Team.id)
            .outerjoin(agenda, agenda.c.meeting_id == Meeting.id)
            .outerjoin(present, present.c.meeting_id == Meeting.id)
            .where(*where)
            .order_by(order)
        )
        with self.db.read() as s:
            return [MeetingRow(m.id, team, m.scheduled_at, m.place, m.status, n_agenda, n_present)
                    for m, team, n_agenda, n_present in s.execute(stmt)]

    def list(self, actor: Actor) -> list[MeetingRow]:
        self.require(actor, "case.view")
        return self._rows()

    def today(self, actor: Actor, on: date | None = None) -> list[MeetingRow]:
        """Today's meetings (local date), earliest first, cancelled ones left out."""
        self.require(actor, "case.view")
        day = on or date.today()
        start = datetime.combine(day, datetime.min.time())
        return self._rows(Meeting.scheduled_at >= start, Meeting.scheduled_at < start + timedelta(days=1),
                          Meeting.status != "cancelled", ascending=True)

    def upcoming(self, actor: Actor, days: int = 60, after: datetime | None = None) -> list[MeetingRow]:
        """Planned meetings from now (local wall clock) for `days` days, earliest first."""
        self.require(actor, "case.view")
        start = after or datetime.now()
        return self._rows(Meeting.status == "planned", Meeting.scheduled_at >= start,
                          Meeting.scheduled_at < start + timedelta(days=days), ascending=True)

    def get(self, actor: Actor, meeting_id: int) -> MeetingDetail:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return masked_in(actor, s, meeting_detail(s, get_meeting(s, meeting_id)))

    def record(self, actor: Actor, meeting_id: int) -> MeetingRecord:
        """Attendance with times, each case with its opinions and every decision version, durations."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            m = get_meeting(s, meeting_id)
            items = []
            for i in _ordered(s, m.id):
                d = discussion_of_item(s, i.id)
                items.append(ItemRecord(agenda_row(s, i), discussion_row(s, d) if d else None))
            return masked_in(actor, s, MeetingRecord(meeting_detail(s, m), tuple(items)))

    # ---- scheduling ------------------------------------------------------------------------------
    def schedule(self, actor: Actor, team_id: int, scheduled_at: datetime, place: str = "",
                 duration_minutes: int = 90, *, chair_member_id: int | None = None,
                 secretary_member_id: int | None = None, notes: str = "") -> MeetingDetail:
        """A planned meeting at a local wall-clock time; chair and secretary default to the team's."""
        self.require(actor, "meeting.manage")
        if not isinstance(scheduled_at, datetime):
            raise ValidationError(N("errors", "Enter the date and time of the meeting."), field="scheduled_at")
        duration = _minutes(duration_minutes, "duration_minutes", 10, 600)
        with self.db.session() as s:
            t = get_team(s, team_id)
            if not t.active:
                raise ConflictError(N("errors", "This team is no longer active."))
            m = Meeting(team_id=t.id, scheduled_at=scheduled_at.replace(tzinfo=None, microsecond=0),
                        duration_minutes=duration, place=clean_text(place, 100, "place") or t.default_place,
                        status="planned", notes=clean_text(notes, 4000, "notes"),
                        chair_member_id=_member_of(s, t.id, chair_member_id, "chair_member_id")
                        or _first_member(s, t.id, "chair"),
                        secretary_member_id=_member_of(s, t.id, secretary_member_id, "secretary_member_id")
                        or _first_member(s, t.id, "secretary"))
            s.add(m)
            s.flush()
            audit(self.ctx, s, actor, "create", "meeting", m.id,
                  new={"team": t.name, "scheduled_at": m.scheduled_at, "place": m.place, "duration": duration,
                       "chair_member_id": m.chair_member_id, "secretary_member_id": m.secretary_member_id})
            return meeting_detail(s, m)

    def update(self, actor: Actor, meeting_id: int, **fields) -> MeetingDetail:
        """Change scheduled_at (while planned), place, duration_minutes, chair/secretary member, notes."""
        self.require(actor, "meeting.manage")
        allowed = ("scheduled_at", "place", "duration_minutes", "chair_member_id", "secretary_member_id", "notes")
        for key in fields:
            if key not in allowed:
                raise ValidationError(N("errors", "Unknown meeting field: {name}."), field=key, name=key)
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            values: dict = {}
            if "scheduled_at" in fields:
                if m.status != "planned" or not isinstance(fields["scheduled_at"], datetime):
                    raise ValidationError(N("errors", "Only a planned meeting can be moved to another time."),
                                          field="scheduled_at")
                values["scheduled_at"] = fields["scheduled_at"].replace(tzinfo=None, microsecond=0)
            if "place" in fields:
                values["place"] = clean_text(fields["place"], 100, "place")
            if "duration_minutes" in fields:
                values["duration_minutes"] = _minutes(fields["duration_minutes"], "duration_minutes", 10, 600)
            for key in ("chair_member_id", "secretary_member_id"):
                if key in fields:
                    values[key] = _member_of(s, m.team_id, fields[key], key)
            if "notes" in fields:
                values["notes"] = clean_text(fields["notes"], 4000, "notes")
            old = {k: getattr(m, k) for k in values}
            for k, v in values.items():
                setattr(m, k, v)
            changed = {k: v for k, v in values.items() if old[k] != v}
            if changed:
                audit(self.ctx, s, actor, "update", "meeting", m.id,
                      old={k: old[k] for k in changed}, new=changed)
            return meeting_detail(s, m)

    def cancel(self, actor: Actor, meeting_id: int, reason: str) -> MeetingDetail:
        """A planned meeting is called off: its cases go back to waiting (agenda items withdrawn)."""
        self.require(actor, "meeting.manage")
        why = clean_text(reason, 2000, "reason")
        if not why:
            raise ValidationError(N("errors", "Enter the reason."), field="reason")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            if m.status != "planned":
                raise ConflictError(N("errors", "Only a planned meeting can be cancelled."))
            for i in _ordered(s, m.id):
                if i.status == "pending":
                    c = get_case(s, i.case_id)
                    i.status, i.postpone_reason = "withdrawn", why
                    if c.status == "scheduled":
                        transition(self.ctx, s, actor, c, "approved", note=why)
            m.status = "cancelled"
            audit(self.ctx, s, actor, "cancel", "meeting", m.id, old={"status": "planned"},
                  new={"status": "cancelled"}, note=why)
            return meeting_detail(s, m)

    # ---- running the meeting ---------------------------------------------------------------------
    def override_quorum(self, actor: Actor, meeting_id: int, reason: str) -> QuorumStatus:
        """Record the chair's reason to proceed without a quorum (printed on the meeting record)."""
        self.require(actor, "meeting.manage")
        why = clean_text(reason, 2000, "quorum_override_reason")
        if not why:
            raise ValidationError(N("errors", "Enter the chair's reason for proceeding without a quorum."),
                                  field="quorum_override_reason")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            old = m.quorum_override_reason
            m.quorum_override_reason = why
            q = quorum_status(s, m)
            audit(self.ctx, s, actor, "quorum_override", "meeting", m.id, old={"reason": old},
                  new={"reason": why, "quorum_met": q.result.met, "unmet": list(q.result.codes)})
            return q

    def start(self, actor: Actor, meeting_id: int, override_reason: str = "") -> MeetingDetail:
        """planned -> in_progress. A blocking, unmet quorum needs the chair's reason (here or recorded)."""
        self.require(actor, "meeting.manage")
        why = clean_text(override_reason, 2000, "quorum_override_reason")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            if m.status != "planned":
                raise ConflictError(N("errors", "This meeting has already been started."))
            if why:
                m.quorum_override_reason = why
            q = require_quorum(s, m)
            at = now()
            m.status, m.started_at = "in_progress", at
            first = next((i for i in _ordered(s, m.id) if i.status == "pending" and i.track == "discuss"), None)
            if first is not None:
                m.current_agenda_item_id = first.id
                first.started_at = first.started_at or at
            audit(self.ctx, s, actor, "start", "meeting", m.id, old={"status": "planned"},
                  new={"status": "in_progress", "started_at": at, "quorum_met": q.result.met,
                       "unmet": list(q.result.codes), "override_reason": m.quorum_override_reason,
                       "current_agenda_item_id": m.current_agenda_item_id})
            return meeting_detail(s, m)

    def set_current(self, actor: Actor, meeting_id: int, item_id: int | None) -> MeetingDetail:
        """Show this case now; persisted, so a restarted app resumes at the same case."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_running(m)
            self._move(s, actor, m, get_item(s, item_id) if item_id is not None else None)
            return meeting_detail(s, m)

    def step(self, actor: Actor, meeting_id: int, delta: int = 1) -> MeetingDetail:
        """Next (+1) or previous (-1) case to discuss; stays put at either end of the agenda."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_running(m)
            items = [i for i in _ordered(s, m.id) if i.track == "discuss" and i.status in STEPPABLE]
            ids = [i.id for i in items]
            if items:
                if m.current_agenda_item_id in ids:
                    there = min(max(ids.index(m.current_agenda_item_id) + delta, 0), len(items) - 1)
                else:  # nothing shown yet (or the shown case was postponed): start from an end
                    there = 0 if delta > 0 else len(items) - 1
                if items[there].id != m.current_agenda_item_id:
                    self._move(s, actor, m, items[there])
            return meeting_detail(s, m)

    def _move(self, s: Session, actor: Actor, m: Meeting, item: AgendaItem | None) -> None:
        if item is not None and (item.meeting_id != m.id or item.status not in STEPPABLE):
            raise ValidationError(N("errors", "This case is not on the meeting's agenda (or was postponed)."),
                                  field="agenda_item_id")
        at = now()
        previous = s.get(AgendaItem, m.current_agenda_item_id) if m.current_agenda_item_id else None
        if previous is not None and previous.status == "pending" and previous.started_at:
            previous.ended_at = at
        old = m.current_agenda_item_id
        m.current_agenda_item_id = item.id if item else None
        if item is not None and item.started_at is None:
            item.started_at = at
        audit(self.ctx, s, actor, "current_item", "meeting", m.id, old={"current_agenda_item_id": old},
              new={"current_agenda_item_id": m.current_agenda_item_id})

    def close(self, actor: Actor, meeting_id: int) -> MeetingRecord:
        """in_progress -> closed. Cases not reached must be postponed or withdrawn first; listed cases
        still pending get their standard decision recorded (as a draft for the chair to finalise)."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_running(m)
            items = _ordered(s, m.id)
            waiting = [i for i in items if i.status == "pending" and i.track == "discuss"]
            if waiting:
                raise ConflictError(N("errors", "{n} cases on the agenda have not been discussed: mark them "
                                                "discussed, postpone or withdraw them first."), n=len(waiting))
            for i in items:
                if i.status == "pending" and i.track == "listed":
                    record_listed_in(self.ctx, s, actor, m, i)
            at = now()
            current = s.get(AgendaItem, m.current_agenda_item_id) if m.current_agenda_item_id else None
            if current is not None and current.started_at and current.ended_at is None:
                current.ended_at = at
            m.status, m.ended_at, m.current_agenda_item_id = "closed", at, None
            audit(self.ctx, s, actor, "close", "meeting", m.id, old={"status": "in_progress"},
                  new={"status": "closed", "ended_at": at})
        return self.record(actor, meeting_id)
