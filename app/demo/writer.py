"""State shared while the demo is written: the session, lookups by code and username, the audit helper."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.people import PatientMaker
from app.records import Actor
from app.services import audit_chain
from db.blobs import BlobStore
from db.models import Department, Discipline, Team, TeamMember, User


def utc(local: datetime) -> datetime:
    """Local wall-clock time (how the plan is made) as the naive UTC the database stores."""
    return local.astimezone(UTC).replace(tzinfo=None)


class DemoWriter:
    def __init__(self, s: Session, blobs: BlobStore, rng: random.Random, today: date, now: datetime) -> None:
        self.s = s
        self.blobs = blobs
        self.rng = rng
        self.today = today
        self.now = now
        self.departments = {d.code: d for d in s.execute(select(Department)).scalars()}
        self.disciplines = {d.code: d for d in s.execute(select(Discipline)).scalars()}
        self._department_names = {d.id: d.name for d in self.departments.values()}
        self.users: dict[str, User] = {}
        self.teams: list[Team] = []
        self.members: list[list[TeamMember]] = []  # per team, chair first, guest last
        self.actor: Actor | None = None
        self.patients_maker = PatientMaker(rng)

    def department_name(self, department_id: int | None) -> str:
        return self._department_names.get(department_id, "") if department_id else ""

    def user_in(self, department_code: str) -> User | None:
        dept = self.departments.get(department_code)
        return next((u for u in self.users.values() if dept and u.department_id == dept.id
                     and u.role in ("physician", "chair")), None)

    def audit(self, entity: str, entity_id: int, *, case_id: int | None = None, patient_id: int | None = None,
              new: dict | None = None) -> None:
        audit_chain.record(self.s, self.actor, "create", entity, entity_id, case_id=case_id,
                           patient_id=patient_id, new=new, note="demo data")
