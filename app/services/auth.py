"""Logging in: argon2id verification, lockout after repeated failures, every attempt audited."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from sqlalchemy import select

from app.errors import AuthenticationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor
from app.security.passwords import check_policy, hash_password, verify_password
from app.services import audit_chain
from app.services.base import Service
from db.base import utcnow
from db.models import User

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)

@cache
def _dummy_hash() -> str:
    return hash_password("not-a-real-password-0")


BAD_LOGIN = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")


def actor_of(u: User) -> Actor:
    return Actor(u.id, u.username, u.display_name, u.role, u.must_change_password)


class AuthService(Service):
    def login(self, username: str, password: str) -> Actor:
        failure: str | None = None
        minutes = 0
        with self.db.session() as s:
            u = s.execute(select(User).where(User.username == username.strip())).scalar_one_or_none()
            now = utcnow()
            if u is None:
                verify_password(_dummy_hash(), password)  # same cost as a real check: user names stay secret
                audit_chain.record(s, None, "login_failed", "user", username=username.strip()[:64],
                                   note="unknown user")
                failure = BAD_LOGIN
            elif not u.is_active:
                audit_chain.record(s, None, "login_failed", "user", u.id, username=u.username, note="disabled")
                failure = QT_TRANSLATE_NOOP("errors", "This account is disabled. Ask the administrator.")
            elif u.locked_until and u.locked_until > now:
                minutes = max(1, int((u.locked_until - now).total_seconds() // 60) + 1)
                audit_chain.record(s, None, "login_failed", "user", u.id, username=u.username, note="locked")
                failure = QT_TRANSLATE_NOOP(
                    "errors", "Too many wrong passwords: this account is locked for {minutes} more minutes."
                )
            elif not verify_password(u.password_hash, password):
                u.failed_logins += 1
                note = "wrong password"
                if u.failed_logins >= MAX_FAILURES:
                    u.locked_until = now + LOCKOUT
                    u.failed_logins = 0
                    note = "wrong password; locked"
                audit_chain.record(s, None, "login_failed", "user", u.id, username=u.username, note=note)
                failure = BAD_LOGIN
            else:
                u.failed_logins = 0
                u.locked_until = None
                u.last_login_at = now
                actor = actor_of(u)
                audit_chain.record(s, actor, "login", "user", u.id)
                return actor
        # The failed attempt is committed above before the error leaves: lockout counts must persist.
        raise AuthenticationError(failure, minutes=minutes)

    def change_password(self, actor: Actor, old_password: str, new_password: str) -> Actor:
        check_policy(new_password)
        with self.db.session() as s:
            u = s.get(User, actor.user_id)
            if u is None or not verify_password(u.password_hash, old_password):
                raise AuthenticationError(QT_TRANSLATE_NOOP("errors", "The current password is wrong."))
            if old_password == new_password:
                raise AuthenticationError(
                    QT_TRANSLATE_NOOP("errors", "The new password must differ from the current one.")
                )
            u.password_hash = hash_password(new_password)
            u.must_change_password = False
            audit_chain.record(s, actor, "password_change", "user", u.id)
            return actor_of(u)
