"""MDT teams as lists for filters and case forms (membership and quorum grow with the meetings issue)."""

from __future__ import annotations

from sqlalchemy import select

from app.records import Actor, TeamRow
from app.services.base import Service
from db.models import Team


class TeamService(Service):
    def list(self, actor: Actor) -> list[TeamRow]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return [TeamRow(t.id, t.name, tuple(t.tumour_types or ()))
                    for t in s.execute(select(Team).where(Team.active.is_(True)).order_by(Team.name)).scalars()]
