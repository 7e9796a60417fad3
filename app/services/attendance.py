"""Attendance: invitations copied from the team, guests, sign-in (签到) with the time, leaving early, and
the live quorum of the meeting or of one case."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.patient_rules import clean_text
from app.domain.vocab import TITLES
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import AttendanceRow, QuorumStatus
from app.records import Actor
from app.security.permissions import allowed
from app.services.base import Service
from app.services.meeting_common import (
    audit,
    discipline_id,
    get_case,
    get_item,
    get_meeting,
    is_first_pre_treatment,
    now,
    quorum_status,
    require_open,
)
from app.services.meeting_rows import attendance_rows
from db.models import Attendance, Department, Meeting, Opinion, TeamMember, User

CLOCK_SLACK = timedelta(minutes=5)  # a sign-in time may be a little ahead of this PC's clock, no more


def _row(s: Session, a: Attendance) -> AttendanceRow:
    s.flush()
    return next(r for r in attendance_rows(s, s.get(Meeting, a.meeting_id)) if r.id == a.id)


def _attendance(s: Session, attendance_id: int) -> Attendance:
    a = s.get(Attendance, attendance_id)
    if a is None:
        raise NotFound(N("errors", "Attendee {id} does not exist."), id=attendance_id)
    return a


def _time(at: datetime | None) -> datetime:
    """A given time (naive UTC, e.g. typed in afterwards from the paper list) or now."""
    t = now()
    if at is None:
        return t
    if not isinstance(at, datetime) or at.tzinfo is not None or at > t + CLOCK_SLACK:
        raise ValidationError(N("errors", "The time cannot be in the future."), field="at")
    return at.replace(microsecond=0)


def _copy(member: TeamMember, meeting_id: int) -> Attendance:
    return Attendance(meeting_id=meeting_id, member_id=member.id, user_id=member.user_id, name=member.name,
                      department=member.department, discipline_id=member.discipline_id, title=member.title,
                      role=member.team_role, is_guest=member.team_role == "guest")


class AttendanceService(Service):
    def list(self, actor: Actor, meeting_id: int) -> tuple[AttendanceRow, ...]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return attendance_rows(s, get_meeting(s, meeting_id))

    def invite(self, actor: Actor, meeting_id: int, member_ids: list[int] | None = None) -> tuple[AttendanceRow, ...]:
        """Copy team members into the attendance list (None: every active member except guests). Members
        already invited are skipped, so inviting twice changes nothing."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            q = select(TeamMember).where(TeamMember.team_id == m.team_id, TeamMember.active.is_(True))
            if member_ids is None:
                members = list(s.execute(q.where(TeamMember.team_role != "guest")).scalars())
            else:
                members = list(s.execute(q.where(TeamMember.id.in_(member_ids))).scalars())
                if len(members) != len(set(member_ids)):
                    raise ValidationError(N("errors", "Choose an active member of this team."), field="member_ids")
            invited = set(s.execute(select(Attendance.member_id).where(Attendance.meeting_id == m.id)).scalars())
            for mem in members:
                if mem.id in invited:
                    continue
                a = _copy(mem, m.id)
                s.add(a)
                s.flush()
                audit(self.ctx, s, actor, "invite", "attendance", a.id,
                      new={"meeting": m.id, "member": mem.id, "name": a.name, "role": a.role})
            return attendance_rows(s, m)

    def invite_user(self, actor: Actor, meeting_id: int, user_id: int, discipline: str = "") -> AttendanceRow:
        """An expert with an account who is not on the team (attends as a core member, never as chair)."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            u = s.get(User, user_id)
            if u is None:
                raise NotFound(N("errors", "User {id} does not exist."), id=user_id)
            if s.execute(select(Attendance.id).where(Attendance.meeting_id == m.id,
                                                     Attendance.user_id == u.id)).first():
                raise ConflictError(N("errors", "{name} is already invited."), name=u.display_name)
            dept = s.get(Department, u.department_id).name if u.department_id else ""
            a = Attendance(meeting_id=m.id, user_id=u.id, name=u.display_name, department=dept,
                           discipline_id=discipline_id(s, discipline) if discipline else u.discipline_id,
                           title=u.title, role="core", is_guest=False)
            s.add(a)
            s.flush()
            audit(self.ctx, s, actor, "invite", "attendance", a.id, new={"meeting": m.id, "user": u.id,
                                                                         "name": a.name})
            return _row(s, a)

    def add_guest(self, actor: Actor, meeting_id: int, name: str, *, department: str = "", discipline: str = "",
                  title: str = "", organisation: str = "") -> AttendanceRow:
        """A guest without an account (e.g. an upper-level hospital's expert joining by video). The
        attendance row has no organisation column: it is kept in front of the department."""
        self.require(actor, "meeting.manage")
        who = clean_text(name, 100, "name")
        if not who:
            raise ValidationError(N("errors", "Enter the person's name."), field="name")
        if title and title not in TITLES:
            raise ValidationError(N("errors", "Unknown title: {title}."), field="title", title=title)
        dept = " ".join(x for x in (clean_text(organisation, 60, "organisation"),
                                    clean_text(department, 40, "department")) if x)
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            a = Attendance(meeting_id=m.id, name=who, department=dept, discipline_id=discipline_id(s, discipline),
                           title=title, role="guest", is_guest=True)
            s.add(a)
            s.flush()
            audit(self.ctx, s, actor, "invite", "attendance", a.id,
                  new={"meeting": m.id, "name": who, "department": dept, "guest": True})
            return _row(s, a)

    def remove(self, actor: Actor, attendance_id: int) -> None:
        """Uninvite someone who has not signed in (and gave no opinion)."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            a = _attendance(s, attendance_id)
            require_open(s.get(Meeting, a.meeting_id))
            spoke = s.scalar(select(func.count(Opinion.id)).where(Opinion.attendance_id == a.id))
            if a.signed_in_at is not None or spoke:
                raise ConflictError(N("errors", "{name} has signed in; record leaving instead."), name=a.name)
            audit(self.ctx, s, actor, "delete", "attendance", a.id, old={"meeting": a.meeting_id, "name": a.name})
            s.delete(a)

    def sign_in(self, actor: Actor, attendance_id: int, at: datetime | None = None) -> AttendanceRow:
        """签到: by the secretary (attendance.record) or by the attendee's own account. Signing in again
        keeps the first time."""
        with self.db.session() as s:
            a = _attendance(s, attendance_id)
            self._may_record(actor, a)
            require_open(s.get(Meeting, a.meeting_id))
            if a.signed_in_at is None:
                a.signed_in_at, a.signed_in_by, a.left_at = _time(at), actor.user_id, None
                audit(self.ctx, s, actor, "sign_in", "attendance", a.id,
                      new={"meeting": a.meeting_id, "name": a.name, "signed_in_at": a.signed_in_at,
                           "self": actor.user_id is not None and actor.user_id == a.user_id})
            return _row(s, a)

    def sign_in_self(self, actor: Actor, meeting_id: int) -> AttendanceRow:
        """An expert logged in on the meeting PC signs themself in (added if they are on the team)."""
        with self.db.session() as s:
            m = get_meeting(s, meeting_id)
            require_open(m)
            a = s.execute(select(Attendance).where(Attendance.meeting_id == m.id,
                                                   Attendance.user_id == actor.user_id)).scalar()
            if a is None:
                mem = s.execute(select(TeamMember).where(
                    TeamMember.team_id == m.team_id, TeamMember.user_id == actor.user_id,
                    TeamMember.active.is_(True))).scalar() if actor.user_id else None
                if mem is None:
                    raise PermissionDenied(N("errors", "You are not invited to this meeting."))
                a = _copy(mem, m.id)
                s.add(a)
                s.flush()
                audit(self.ctx, s, actor, "invite", "attendance", a.id,
                      new={"meeting": m.id, "member": mem.id, "name": a.name, "role": a.role})
            attendance_id = a.id
        return self.sign_in(actor, attendance_id)

    def undo_sign_in(self, actor: Actor, attendance_id: int) -> AttendanceRow:
        """Correct a sign-in made by mistake (the audit trail keeps it)."""
        self.require(actor, "attendance.record")
        with self.db.session() as s:
            a = _attendance(s, attendance_id)
            require_open(s.get(Meeting, a.meeting_id))
            if s.scalar(select(func.count(Opinion.id)).where(Opinion.attendance_id == a.id)):
                raise ConflictError(N("errors", "{name} has given an opinion in this meeting."), name=a.name)
            if a.signed_in_at is not None:
                audit(self.ctx, s, actor, "undo_sign_in", "attendance", a.id,
                      old={"signed_in_at": a.signed_in_at, "left_at": a.left_at}, new={"signed_in_at": None})
                a.signed_in_at, a.signed_in_by, a.left_at = None, None, None
            return _row(s, a)

    def leave(self, actor: Actor, attendance_id: int, at: datetime | None = None) -> AttendanceRow:
        """Leaving before the end (early leave); the quorum is counted without them from then on."""
        with self.db.session() as s:
            a = _attendance(s, attendance_id)
            self._may_record(actor, a)
            require_open(s.get(Meeting, a.meeting_id))
            if a.signed_in_at is None:
                raise ConflictError(N("errors", "{name} has not signed in to this meeting."), name=a.name)
            when = _time(at)
            if when < a.signed_in_at:
                raise ValidationError(N("errors", "Leaving cannot be before signing in."), field="at")
            audit(self.ctx, s, actor, "leave", "attendance", a.id, old={"left_at": a.left_at},
                  new={"left_at": when})
            a.left_at = when
            return _row(s, a)

    def quorum(self, actor: Actor, meeting_id: int, agenda_item_id: int | None = None) -> QuorumStatus:
        """Live quorum of the people present now: for the meeting, or for one case on its agenda (a first
        pre-treatment discussion also needs pathology and radiology)."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            m = get_meeting(s, meeting_id)
            first = False
            if agenda_item_id is not None:
                item = get_item(s, agenda_item_id)
                if item.meeting_id != m.id:
                    raise ValidationError(N("errors", "This case is not on the meeting's agenda (or was "
                                                      "postponed)."), field="agenda_item_id")
                first = is_first_pre_treatment(s, item, get_case(s, item.case_id))
            return quorum_status(s, m, first)

    @staticmethod
    def _may_record(actor: Actor, a: Attendance) -> None:
        own = actor.user_id is not None and actor.user_id == a.user_id
        if not own and not allowed(actor, "attendance.record"):
            raise PermissionDenied(N("errors", "Your role does not allow this action ({action})."),
                                   action="attendance.record")
