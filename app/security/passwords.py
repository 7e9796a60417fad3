"""argon2id password hashing and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP

# argon2-cffi's defaults are RFC 9106's low-memory profile (argon2id, 64 MiB, t=3): right for old PCs.
_hasher = PasswordHasher()

MIN_LENGTH = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_policy(password: str, username: str = "") -> None:
    """Length >= MIN_LENGTH, at least one letter and one digit, and not the user name (any case, reversed)."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must have at least {n} characters."),
            field="password", n=MIN_LENGTH,
        )
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must contain both letters and digits."),
            field="password",
        )
    name = username.strip().casefold()
    if name and name in (password.casefold(), password.casefold()[::-1]):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must not be the user name."),
            field="password",
        )
