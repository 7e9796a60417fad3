"""Encryption under a password: argon2id derives an AES-256-GCM key; the parameters travel in the header.

Used for the private signing keys, the handwritten signature images and the hospital CA key. The cost
(argon2id, 19 MiB, t=2: OWASP's minimum profile) is paid on every unlock, so a signature (key + image)
costs two derivations; the argon2 login hash of the same password is not weaker, so nothing here is the
cheapest way to attack a stolen database.

Layout: b"MDTB" | version 1 | time_cost | memory KiB (4 bytes BE) | parallelism | salt 16 | nonce 12 | sealed.
The header is bound to the ciphertext as associated data, together with the caller's `purpose`, so a
sealed key cannot be passed off as a sealed image or moved to another user's row.
"""

from __future__ import annotations

import os
import struct
import unicodedata

from app.errors import AuthenticationError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N

MAGIC = b"MDTB"
VERSION = 1
_HEADER = struct.Struct(">4sBBIB16s12s")
# Test hook: tests lower the cost through this module attribute; stored boxes keep their own parameters.
TIME_COST, MEMORY_KIB, PARALLELISM = 2, 19 * 1024, 1

WRONG_PASSWORD = N("errors", "The password is wrong. Nothing was changed.")


class WrongPassword(AuthenticationError):
    """The password does not open this box (or the box was altered: AES-GCM cannot tell which)."""


def _key(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return hash_secret_raw(secret, salt, time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism,
                           hash_len=32, type=Type.ID)


def seal(password: str, plaintext: bytes, purpose: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not password:
        raise ValidationError(N("errors", "Enter your password."), field="password")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(MAGIC, VERSION, TIME_COST, MEMORY_KIB, PARALLELISM, salt, nonce)
    key = _key(password, salt, TIME_COST, MEMORY_KIB, PARALLELISM)
    return header + AESGCM(key).encrypt(nonce, plaintext, header + purpose)


def open_box(password: str, box: bytes, purpose: bytes) -> bytes:
    """The plaintext; WrongPassword when the password (or the purpose, or a byte of the box) is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(box) < _HEADER.size + 16:
        raise WrongPassword(WRONG_PASSWORD, details="sealed data too short")
    magic, version, t, m, p, salt, nonce = _HEADER.unpack_from(box)
    if magic != MAGIC or version != VERSION or not (1 <= t <= 10 and 8 <= m <= 1 << 21 and 1 <= p <= 16):
        raise WrongPassword(WRONG_PASSWORD, details="not a sealed box of this version")
    header = box[:_HEADER.size]
    try:
        return AESGCM(_key(password, salt, t, m, p)).decrypt(nonce, box[_HEADER.size:], header + purpose)
    except InvalidTag:
        raise WrongPassword(WRONG_PASSWORD) from None


def reseal(old_password: str, new_password: str, box: bytes, purpose: bytes) -> bytes:
    return seal(new_password, open_box(old_password, box, purpose), purpose)
