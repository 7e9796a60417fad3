"""The hospital's account rules: lockout after failed logins and the idle auto-lock, set by the admin.

Kept in HospitalSettings.options (no schema change), so a backup carries them with the data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from db.models import HospitalSettings

# (key in options, default, lowest, highest)
LIMITS = {
    "lockout_attempts": (5, 3, 20),
    "lockout_minutes": (15, 1, 1440),
    "idle_lock_minutes": (10, 1, 240),
}


@dataclass(frozen=True)
class AccountPolicy:
    lockout_attempts: int = LIMITS["lockout_attempts"][0]
    lockout_minutes: int = LIMITS["lockout_minutes"][0]
    idle_lock_minutes: int = LIMITS["idle_lock_minutes"][0]


def policy_from(options: dict | None) -> AccountPolicy:
    """Stored values, each falling back to its default when missing or out of range (a hand-edited row)."""
    options = options or {}
    values = {}
    for key, (default, low, high) in LIMITS.items():
        v = options.get(key, default)
        values[key] = v if isinstance(v, int) and not isinstance(v, bool) and low <= v <= high else default
    return AccountPolicy(**values)


def read_policy(s) -> AccountPolicy:
    h = s.get(HospitalSettings, 1)
    return policy_from(h.options if h else None)


class AccountSettingsService(Service):
    def policy(self) -> AccountPolicy:
        """Needed before anyone logs in (lockout) and by every session (idle lock): no permission asked."""
        with self.db.read() as s:
            return read_policy(s)

    def update(self, actor: Actor, **values: int) -> AccountPolicy:
        self.require(actor, "settings.manage")
        for key, value in values.items():
            if key not in LIMITS:
                raise KeyError(key)
            _, low, high = LIMITS[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Enter a whole number from {low} to {high}."),
                    field=key, low=low, high=high,
                )
        with self.db.session() as s:
            h = s.get(HospitalSettings, 1)
            before = read_policy(s)
            after = AccountPolicy(**{**asdict(before), **values})
            old, new = audit_chain.diff(asdict(before), asdict(after))
            if new:
                # A new dict: SQLAlchemy notices a replaced JSON value, not one changed in place.
                h.options = {**(h.options or {}), **new}
                audit_chain.record(s, actor, "update", "settings", 1, old=old, new=new, note="account policy")
            return after
