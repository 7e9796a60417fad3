"""User accounts: list, create, disable. A user who appears in records is disabled, never deleted."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.domain.vocab import ROLES, TITLES
from app.errors import ConflictError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor, UserRow
from app.security.passwords import check_policy, hash_password
from app.services import audit_chain
from app.services.base import Service
from db.models import Department, User

_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")


def validate_username(username: str) -> None:
    if not _USERNAME.match(username.strip()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A user name has 2-64 letters, digits, '.', '_' or '-'."),
            field="username",
        )


def _row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.display_name, u.role, u.title,
                   u.department.name if u.department else "", u.is_active)


class UserService(Service):
    def list(self, actor: Actor) -> list[UserRow]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return [_row(u) for u in s.execute(select(User).order_by(User.username)).scalars()]

    def create(self, actor: Actor, username: str, display_name: str, role: str, password: str, *,
               title: str = "", department_code: str = "", must_change_password: bool = True) -> UserRow:
        self.require(actor, "user.manage")
        validate_username(username)
        if role not in ROLES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown role: {role}."), field="role", role=role)
        if title and title not in TITLES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown title: {title}."), field="title",
                                  title=title)
        if not display_name.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the person's name."), field="display_name")
        check_policy(password)
        with self.db.session() as s:
            if s.execute(select(User.id).where(User.username == username.strip())).first():
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "The user name {username} is taken."),
                                    username=username)
            dept = None
            if department_code:
                dept = s.execute(select(Department).where(Department.code == department_code)).scalar_one_or_none()
                if dept is None:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown department: {code}."),
                                          field="department", code=department_code)
            u = User(username=username.strip(), display_name=display_name.strip(), role=role, title=title,
                     department=dept, password_hash=hash_password(password),
                     must_change_password=must_change_password)
            s.add(u)
            s.flush()
            audit_chain.record(s, actor, "create", "user", u.id,
                               new={"username": u.username, "role": role, "title": title})
            return _row(u)
