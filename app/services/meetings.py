"""Meetings as the secretary sees them in a list (teams, agenda and attendance grow with the meetings issue)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.records import Actor, MeetingRow
from app.services.base import Service
from db.models import AgendaItem, Attendance, Meeting, Team


class MeetingService(Service):
    def list(self, actor: Actor) -> list[MeetingRow]:
        self.require(actor, "case.view")
        agenda = (select(AgendaItem.meeting_id, func.count(AgendaItem.id).label("n"))
                  .group_by(AgendaItem.meeting_id).subquery())
        present = (select(Attendance.meeting_id, func.count(Attendance.id).label("n"))
                   .where(Attendance.signed_in_at.is_not(None)).group_by(Attendance.meeting_id).subquery())
        stmt = (
            select(Meeting, Team.name, func.coalesce(agenda.c.n, 0), func.coalesce(present.c.n, 0))
            .join(Team, Meeting.team_id == Team.id)
            .outerjoin(agenda, agenda.c.meeting_id == Meeting.id)
            .outerjoin(present, present.c.meeting_id == Meeting.id)
            .order_by(Meeting.scheduled_at.desc())
        )
        with self.db.read() as s:
            return [MeetingRow(m.id, team, m.scheduled_at, m.place, m.status, n_agenda, n_present)
                    for m, team, n_agenda, n_present in s.execute(stmt)]
