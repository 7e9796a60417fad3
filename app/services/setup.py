"""First run: the hospital, its reference data and the administrator account."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.reference import DEPARTMENTS, DISCIPLINES
from app.errors import ConflictError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor, HospitalInfo
from app.security.passwords import check_policy, hash_password
from app.services import audit_chain
from app.services.auth import actor_of
from app.services.base import Service
from app.services.users import validate_username
from db.migrate import head_revision
from db.models import Department, Discipline, HospitalSettings, User


class SetupService(Service):
    def is_initialised(self) -> bool:
        with self.db.read() as s:
            return s.get(HospitalSettings, 1) is not None

    def initialise(self, hospital_name: str, admin_username: str, admin_password: str,
                   admin_display_name: str = "", *, demo: bool = False) -> Actor:
        hospital_name = hospital_name.strip()
        if not hospital_name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the hospital name."), field="hospital")
        if len(hospital_name) > 200:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The hospital name is too long."), field="hospital")
        validate_username(admin_username)
        check_policy(admin_password, admin_username)
        with self.db.session() as s:
            if s.get(HospitalSettings, 1) is not None or s.scalar(select(func.count(User.id))):
                raise ConflictError(
                    QT_TRANSLATE_NOOP("errors", "This data folder is already set up. Nothing was changed.")
                )
            s.add(HospitalSettings(id=1, name=hospital_name, is_demo=demo, options={}))
            for code, zh, en in DEPARTMENTS:
                s.add(Department(code=code, name=zh, name_en=en))
            for i, (code, zh, en) in enumerate(DISCIPLINES):
                s.add(Discipline(code=code, name=zh, name_en=en, sort_order=i))
            admin = User(username=admin_username.strip(), display_name=admin_display_name.strip() or
                         admin_username.strip(), role="admin", title="other",
                         password_hash=hash_password(admin_password))
            s.add(admin)
            s.flush()
            actor = actor_of(admin)
            audit_chain.record(s, actor, "create", "hospital", 1, new={"name": hospital_name, "demo": demo})
            audit_chain.record(s, actor, "create", "user", admin.id,
                               new={"username": admin.username, "role": "admin"})
            return actor

    def info(self) -> HospitalInfo:
        with self.db.read() as s:
            h = s.get(HospitalSettings, 1)
            if h is None:
                return HospitalInfo("", "", False, head_revision())
            return HospitalInfo(h.name, h.name_en, h.is_demo, head_revision())

    def mark_real_data(self, s) -> None:
        """Called inside any write by a real user: the folder no longer holds only demo data."""
        h = s.get(HospitalSettings, 1)
        if h is not None and h.is_demo:
            h.is_demo = False
