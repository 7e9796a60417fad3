"""Keeping the user's sealed secrets (handwriting, signing keys) in step with their password.

Call `rekey_user_secrets` inside the password-change transaction, after the old password was verified;
call `forget_user_secrets` when an administrator resets a forgotten password: nobody can open the old
boxes then, so the handwriting must be enrolled again and a new key requested.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.signing import secret_box
from app.signing.user_keys import purpose as key_purpose
from db.base import utcnow
from db.models import User, UserCredential

HANDWRITING_PURPOSE = b"handwriting:"


def handwriting_purpose(user_id: int) -> bytes:
    return HANDWRITING_PURPOSE + str(user_id).encode("ascii")


def rekey_user_secrets(session: Session, user_id: int, old_password: str, new_password: str) -> int:
    """Re-seal the handwriting and every unrevoked key under the new password; returns how many boxes.

    All or nothing: a box the old password cannot open raises secret_box.WrongPassword before any write
    (the caller's transaction then rolls back the password change too)."""
    u = session.get(User, user_id)
    creds = session.execute(select(UserCredential).where(UserCredential.user_id == user_id,
                                                         UserCredential.revoked_at.is_(None))).scalars().all()
    image = (secret_box.reseal(old_password, new_password, u.signature_encrypted, handwriting_purpose(user_id))
             if u is not None and u.signature_encrypted else None)
    keys = [secret_box.reseal(old_password, new_password, c.key_encrypted, key_purpose(user_id)) for c in creds]
    if image is not None:
        u.signature_encrypted = image
    for c, k in zip(creds, keys, strict=True):
        c.key_encrypted = k
    return len(keys) + (image is not None)


def forget_user_secrets(session: Session, user_id: int) -> None:
    u = session.get(User, user_id)
    if u is not None:
        u.signature_encrypted = None
    for c in session.execute(select(UserCredential).where(UserCredential.user_id == user_id,
                                                          UserCredential.revoked_at.is_(None))).scalars():
        c.revoked_at = utcnow()
