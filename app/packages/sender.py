"""Who sent a package: the manifest signed with the exporting user's key, checked up to a trusted root.

The signature covers the exact manifest bytes, and the manifest lists every file with its SHA-256 and size,
so one signature vouches for the whole package. The signer's certificate chain travels in the signature
entry; the receiver accepts it only when it ends at a root this installation trusts (its own hospital
root, a licensed CA it trusts for its own signers, or a partner hospital's root the administrator imported).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from app.i18n import QT_TRANSLATE_NOOP as N
from app.packages.errors import PackageTampered, PackageUntrusted


@dataclass(frozen=True)
class SenderCheck:
    name: str  # the certificate's common name
    organisation: str
    fingerprint: str  # SHA-256 of the signer's certificate, colon hex
    root_fingerprint: str  # empty when no trusted root issued the chain
    trusted: bool = True
    problem: str = ""  # why it is not trusted (English; the service raises the translated error)


def _algorithm(key):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return (ec.ECDSA(hashes.SHA256()),)
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        return padding.PKCS1v15(), hashes.SHA256()
    raise ValueError(f"unsupported key type {type(key).__name__}")


def sign(manifest: bytes, key_der: bytes, chain_pem: list[str]) -> dict:
    from cryptography.hazmat.primitives.serialization import load_der_private_key

    key = load_der_private_key(key_der, None)
    return {"algorithm": "sha256", "signature": base64.b64encode(key.sign(manifest, *_algorithm(key))).decode(),
            "chain": chain_pem}


def _attr(cert, oid) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def verify(manifest: bytes, signature: dict, trusted_roots: list[str], signed_at: datetime) -> SenderCheck:
    """Who signed; PackageTampered when the signature does not match. `trusted` says if the chain ends at a
    trusted root (see `refuse`)."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.x509.oid import NameOID

    from app.signing import ca

    try:
        chain = [x509.load_pem_x509_certificate(p.encode("ascii")) for p in signature["chain"]]
        sig = base64.b64decode(signature["signature"], validate=True)
        leaf = chain[0]
        leaf.public_key().verify(sig, manifest, *_algorithm(leaf.public_key()))
    except (InvalidSignature, ValueError, KeyError, TypeError, IndexError):
        raise PackageTampered(N("errors", "The package's signature does not match its content: it was altered "
                                          "after the sender signed it. Nothing was imported.")) from None
    name, org = _attr(leaf, NameOID.COMMON_NAME), _attr(leaf, NameOID.ORGANIZATION_NAME)
    roots = [x509.load_pem_x509_certificate(p.encode("ascii")) for p in trusted_roots]
    from cryptography.hazmat.primitives.serialization import Encoding

    leaf_fp = ca.fingerprint(leaf.public_bytes(Encoding.PEM).decode("ascii"))
    untrusted = SenderCheck(name, org, leaf_fp, "", False, "untrusted")
    try:
        for cert, issuer in zip(chain, chain[1:], strict=False):
            cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return untrusted
    top = chain[-1]
    root = next((r for r in roots if r == top), None)
    if root is None:
        for r in roots:
            try:
                top.verify_directly_issued_by(r)
                root = r
                break
            except (InvalidSignature, ValueError, TypeError):
                continue
    if root is None:
        return untrusted
    for cert in chain:
        if not (cert.not_valid_before_utc.replace(tzinfo=None) <= signed_at
                <= cert.not_valid_after_utc.replace(tzinfo=None)):
            return SenderCheck(name, org, leaf_fp, "", False, "expired")
    return SenderCheck(name, org, leaf_fp, ca.fingerprint(root.public_bytes(Encoding.PEM).decode("ascii")))


def refuse(check: SenderCheck) -> None:
    """Raise the error that says why the sender is not accepted (nothing when it is)."""
    if check.problem == "expired":
        raise PackageUntrusted(N("errors", "The sender's certificate ({name}) was not valid when the package was "
                                           "made. Nothing was imported."), name=check.name)
    if not check.trusted:
        raise PackageUntrusted(N("errors", "The package was signed by {name} of {organisation}, whose hospital is "
                                           "not trusted by this installation (certificate {fingerprint}). The "
                                           "administrator imports that hospital's root certificate first. Nothing "
                                           "was imported."),
                               name=check.name, organisation=check.organisation or "?", fingerprint=check.fingerprint)
