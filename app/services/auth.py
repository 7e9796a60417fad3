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
from app.services.account_settings import read_policy
from app.services.base import Service
from db.base import utcnow
from db.models import User


@cache
def _dummy_hash() -> str:
    return hash_password("not-a-real-password-0")


BAD_LOGIN = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")
LOCKED = QT_TRANSLATE_NOOP(
    "errors", "Too many wrong passwords: this account is locked for {minutes} more minutes."
)


def actor_of(u: User) -> Actor:
    return Actor(u.id, u.username, u.display_name, u.role, u.must_change_password)


class AuthService(Service):
    def login(self, username: str, password: str) -> Actor:
        return self._authenticate(username, password, "login")

    def unlock(self, actor: Actor, password: str) -> Actor:
        """The idle lock: the same user's password again. Failures count towards the lockout like a login."""
        return self._authenticate(actor.username, password, "unlock")

    def _authenticate(self, username: str, password: str, action: str) -> Actor:
        failure: str | None = None
        minutes = 0
        with self.db.session() as s:
            policy = read_policy(s)
            u = s.execute(select(User).where(User.username == username.strip())).scalar_one_or_none()
            now = utcnow()
            if u is None:
                verify_password(_dummy_hash(), password)  # same cost as a real check: user names stay secret
                audit_chain.record(s, None, f"{action}_failed", "user", username=username.strip()[:64],
                                   note="unknown user")
                failure = BAD_LOGIN
            elif not u.is_active:
                audit_chain.record(s, None, f"{action}_failed", "user", u.id, username=u.username,
                                   note="disabled")
                failure = QT_TRANSLATE_NOOP("errors", "This account is disabled. Ask the administrator.")
            elif u.locked_until and u.locked_until > now:
                minutes = max(1, int((u.locked_until - now).total_seconds() // 60) + 1)
                audit_chain.record(s, None, f"{action}_failed", "user", u.id, username=u.username,
                                   note="locked")
                failure = LOCKED
            elif not verify_password(u.password_hash, password):
                u.failed_logins += 1
                audit_chain.record(s, None, f"{action}_failed", "user", u.id, username=u.username,
                                   note="wrong password")
                failure = BAD_LOGIN
                if u.failed_logins >= policy.lockout_attempts:
                    u.locked_until = now + timedelta(minutes=policy.lockout_minutes)
                    u.failed_logins = 0
                    minutes = policy.lockout_minutes
                    audit_chain.record(s, None, "account_locked", "user", u.id, username=u.username,
                                       new={"locked_until": u.locked_until},
                                       note=f"{policy.lockout_attempts} wrong passwords")
                    failure = LOCKED
            else:
                u.failed_logins = 0
                u.locked_until = None
                if action == "login":
                    u.last_login_at = now
                actor = actor_of(u)
                audit_chain.record(s, actor, action, "user", u.id)
                return actor
        # The failed attempt is committed above before the error leaves: lockout counts must persist.
        raise AuthenticationError(failure, minutes=minutes)

    def change_password(self, actor: Actor, old_password: str, new_password: str) -> Actor:
        """The user's own change (forced after the admin created or reset the account, or by choice)."""
        check_policy(new_password, actor.username)
        with self.db.session() as s:
            u = s.get(User, actor.user_id)
            if u is None or not verify_password(u.password_hash, old_password):
                raise AuthenticationError(QT_TRANSLATE_NOOP("errors", "The current password is wrong."))
            if old_password == new_password:
                raise AuthenticationError(
                    QT_TRANSLATE_NOOP("errors", "The new password must differ from the current one.")
                )
            from app.signing.rekey import rekey_user_secrets  # cryptography loads only when needed

            # Same transaction: the signing key and handwriting follow the password, or nothing changes.
            resealed = rekey_user_secrets(s, u.id, old_password, new_password)
            u.password_hash = hash_password(new_password)
            u.must_change_password = False
            audit_chain.record(s, actor, "password_change", "user", u.id, new={"secrets_resealed": resealed})
            return actor_of(u)
