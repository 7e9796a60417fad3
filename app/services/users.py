"""User accounts: list, create, disable. A user who appears in records is disabled, never deleted."""

from __future__ import annotations

import re

from sqlalchemy import delete, exists, select

from app.domain.vocab import ROLES, TITLES
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor, UserRow
from app.security.passwords import check_policy, hash_password
from app.services import audit_chain
from app.services.base import Service
from db.base import Base
from db.models import AuditEvent, Department, Draft, User

_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")


def validate_username(username: str) -> None:
    if not _USERNAME.match(username.strip()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A user name has 2-64 letters, digits, '.', '_' or '-'."),
            field="username",
        )


def _referencing_columns():
    """Every column of every table that points at users.id (found from the schema, so new tables count)."""
    users_id = User.__table__.c.id
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.references(User.__table__) and fk.column is users_id and table is not Draft.__table__:
                yield fk.parent


def _in_records(s, user_id: int) -> bool:
    """Did this user act (audit trail) or is the user named by any record (author, attendee, signer...)?"""
    if s.scalar(select(exists().where(AuditEvent.user_id == user_id))):
        return True
    return any(s.scalar(select(exists().where(col == user_id))) for col in _referencing_columns())


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
        check_policy(password, username)
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

    def _target(self, s, user_id: int) -> User:
        u = s.get(User, user_id)
        if u is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This user does not exist (any more)."))
        return u

    def set_active(self, actor: Actor, user_id: int, active: bool) -> UserRow:
        """Disable (cannot log in; stays in every record) or enable again."""
        self.require(actor, "user.manage")
        with self.db.session() as s:
            u = self._target(s, user_id)
            if not active and u.id == actor.user_id:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "You cannot disable your own account."))
            if u.is_active != active:
                u.is_active = active
                if active:
                    u.failed_logins, u.locked_until = 0, None
                audit_chain.record(s, actor, "enable" if active else "disable", "user", u.id,
                                   old={"is_active": not active}, new={"is_active": active})
            return _row(u)

    def reset_password(self, actor: Actor, user_id: int, temporary_password: str) -> UserRow:
        """A temporary password the user must replace at the next login; also lifts a lockout."""
        self.require(actor, "user.manage")
        with self.db.session() as s:
            u = self._target(s, user_id)
            check_policy(temporary_password, u.username)
            from app.signing.rekey import forget_user_secrets

            # Nobody can open the boxes sealed with the forgotten password: the key is revoked and the
            # handwriting dropped; the user enrols again and requests a new key.
            forget_user_secrets(s, u.id)
            u.password_hash = hash_password(temporary_password)
            u.must_change_password = True
            u.failed_logins, u.locked_until = 0, None
            audit_chain.record(s, actor, "password_reset", "user", u.id, note="sealed signing secrets dropped")
            return _row(u)

    def can_delete(self, actor: Actor, user_id: int) -> bool:
        self.require(actor, "user.manage")
        with self.db.read() as s:
            return user_id != actor.user_id and not _in_records(s, self._target(s, user_id).id)

    def delete(self, actor: Actor, user_id: int) -> None:
        """Only an account nobody's records mention (created by mistake, never used); otherwise disable it."""
        self.require(actor, "user.manage")
        with self.db.session() as s:
            u = self._target(s, user_id)
            if u.id == actor.user_id:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "You cannot delete your own account."))
            if _in_records(s, u.id):
                raise ConflictError(
                    QT_TRANSLATE_NOOP("errors", "{name} appears in the records and cannot be deleted (the "
                                                "records must keep who did what). Disable the account "
                                                "instead: a disabled user cannot log in."),
                    name=u.display_name,
                )
            s.execute(delete(Draft).where(Draft.user_id == u.id))
            audit_chain.record(s, actor, "delete", "user", u.id,
                               old={"username": u.username, "display_name": u.display_name, "role": u.role})
            s.delete(u)
