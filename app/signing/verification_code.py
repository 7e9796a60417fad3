"""The verification code printed on every page: doc number, version and record hash, signed by the hospital.

The QR code sits inside the signed page, so it cannot hold the hash of the final file (DOMAIN.md §8); it
holds the SHA-256 of the canonical decision record instead, signed with the hospital's Ed25519
verification key. Scanning it proves the sheet was issued by this hospital for that record version; the
app then compares the hash with the record it holds. The short code (12 Crockford base-32 characters, from
the signature) is what a clerk types when there is no scanner.

Payload: "MDTV1|<doc_no>|<version>|<record hash, base64url>|<signature, base64url>" (~170 characters: a
version-8 QR at level M).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

PREFIX = "MDTV1"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_RE = re.compile(r"^[0-9A-Z]{12}$")


@dataclass(frozen=True)
class Payload:
    doc_no: str
    version: int
    record_hash: str  # hex
    signature: bytes


def new_key() -> tuple[str, str]:
    """(private, public) as base64 of the raw 32-byte Ed25519 keys."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    pub = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii"), base64.b64encode(pub).decode("ascii")


def _message(doc_no: str, version: int, record_hash: str) -> bytes:
    return f"{PREFIX}|{doc_no}|{version}|{record_hash.lower()}".encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make(private_b64: str, doc_no: str, version: int, record_hash: str) -> tuple[str, str]:
    """(QR payload, short code) for one document version."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    signature = key.sign(_message(doc_no, version, record_hash))
    payload = "|".join((PREFIX, doc_no, str(version), _b64(bytes.fromhex(record_hash)), _b64(signature)))
    return payload, short_code(signature)


def short_code(signature: bytes) -> str:
    n = int.from_bytes(hashlib.sha256(signature).digest()[:8], "big") >> 4  # 60 bits = 12 characters
    chars = "".join(_CROCKFORD[(n >> (5 * i)) & 31] for i in reversed(range(12)))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def normalise_code(text: str) -> str | None:
    """A typed short code in canonical form (Crockford: O->0, I/L->1, dashes and spaces ignored), or None."""
    t = re.sub(r"[\s\-_.·]", "", text.upper()).replace("O", "0").replace("I", "1").replace("L", "1")
    if not _CODE_RE.match(t) or "U" in t:
        return None
    return f"{t[:4]}-{t[4:8]}-{t[8:]}"


def parse(text: str) -> Payload | None:
    parts = text.strip().split("|")
    if len(parts) != 5 or parts[0] != PREFIX or not parts[2].isdigit():
        return None
    try:
        digest, signature = _unb64(parts[3]), _unb64(parts[4])
    except ValueError:
        return None
    if len(digest) != 32 or len(signature) != 64:
        return None
    return Payload(parts[1], int(parts[2]), digest.hex(), signature)


def authentic(public_b64: str, p: Payload) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64)).verify(
            p.signature, _message(p.doc_no, p.version, p.record_hash))
    except (InvalidSignature, ValueError):
        return False
    return True


def signature_of(private_b64: str, doc_no: str, version: int, record_hash: str) -> bytes:
    """Ed25519 is deterministic: the same record gives the same signature, so a short code can be re-derived."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return key.sign(_message(doc_no, version, record_hash))
