"""Each user's handwritten signature image, sealed with their own password (usable only after they log in).

The image is what the stamp shows next to the cryptographic signature; on its own it proves nothing
(电子签名法 §13), so it is kept as carefully as the key it accompanies.
"""

from __future__ import annotations

import io

from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.security.passwords import verify_password
from app.services import audit_chain
from app.services.base import Service
from app.signing import secret_box
from app.signing.rekey import handwriting_purpose
from db.models import User

MAX_PNG = 2 * 1024 * 1024
MAX_SIDE = 2000


def check_png(png: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    bad = ValidationError(N("errors", "The handwritten signature must be a PNG image (at most 2 MB)."),
                          field="signature")
    if not png or len(png) > MAX_PNG or not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise bad
    try:
        with Image.open(io.BytesIO(png)) as img:
            img.verify()
            w, h = img.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise bad from None
    if not (8 <= w <= MAX_SIDE and 8 <= h <= MAX_SIDE):
        raise bad


def user_or_fail(s, user_id: int | None) -> User:
    u = s.get(User, user_id) if user_id is not None else None
    if u is None:
        raise NotFound(N("errors", "User {id} does not exist."), id=user_id)
    return u


def check_password(u: User, password: str) -> None:
    """The user's login password, checked before sealing anything with it (rekey keeps them in step)."""
    if not verify_password(u.password_hash, password):
        raise secret_box.WrongPassword(secret_box.WRONG_PASSWORD)


class HandwritingService(Service):
    def enrol(self, actor: Actor, password: str, png: bytes) -> None:
        """Store (or replace) the actor's own handwritten signature, sealed with their password."""
        self.require(actor, "document.sign")  # a stamp image only people who sign need to hold
        check_png(png)
        with self.db.read() as s:
            check_password(user_or_fail(s, actor.user_id), password)
        sealed = secret_box.seal(password, png, handwriting_purpose(actor.user_id))
        with self.db.session() as s:
            u = user_or_fail(s, actor.user_id)
            replaced = u.signature_encrypted is not None
            u.signature_encrypted = sealed
            audit_chain.record(s, actor, "handwriting_enrol", "user", u.id, new={"replaced": replaced,
                                                                               "bytes": len(png)})

    def has(self, user_id: int) -> bool:
        with self.db.read() as s:
            u = s.get(User, user_id)
            return u is not None and u.signature_encrypted is not None

    def image(self, actor: Actor, password: str) -> bytes:
        """The actor's own PNG; WrongPassword (nothing changes) when the password does not open it."""
        with self.db.read() as s:
            sealed = user_or_fail(s, actor.user_id).signature_encrypted
        if sealed is None:
            raise NotFound(N("errors", "You have not enrolled a handwritten signature yet."))
        return secret_box.open_box(password, sealed, handwriting_purpose(actor.user_id))
