"""The hospital CA: a self-signed ECDSA P-256 root that issues the signers' certificates.

The root key is sealed with the administrator's CA passphrase (secret_box), so issuing a certificate
needs that passphrase; signing never does. Users' keys never pass through here: the CA only sees the
certificate request each user made with their own key (user_keys.make_request).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.signing import secret_box

ROOT_YEARS = 20
USER_YEARS = 5
CA_PURPOSE = b"hospital-ca-key"


@dataclass(frozen=True)
class NewRoot:
    cert_pem: str
    key_sealed: bytes
    fingerprint: str


def _name(common_name: str, organisation: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"), x509.NameAttribute(NameOID.ORGANIZATION_NAME,
                                                                                   organisation[:64])]
    return x509.Name(attrs + [x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])])


def fingerprint(cert_pem: str) -> str:
    """SHA-256 of the DER certificate as colon hex (the form Windows and Acrobat show)."""
    der = certificate(cert_pem).public_bytes(_der())
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def fingerprint_hex(cert_pem: str) -> str:
    return fingerprint(cert_pem).replace(":", "").lower()


def _der():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def certificate(pem: str):
    from cryptography import x509

    return x509.load_pem_x509_certificate(pem.encode("ascii"))


def create_root(hospital: str, passphrase: str, *, now: datetime | None = None) -> NewRoot:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(f"{hospital} MDT 根证书", hospital)
    public = key.public_key()
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=365 * ROOT_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                                         key_cert_sign=True, crl_sign=True, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(key, hashes.SHA256()))
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return NewRoot(pem, secret_box.seal(passphrase, key_der, CA_PURPOSE), fingerprint(pem))


def open_root_key(key_sealed: bytes, passphrase: str):
    from cryptography.hazmat.primitives import serialization

    return serialization.load_der_private_key(secret_box.open_box(passphrase, key_sealed, CA_PURPOSE), None)


def issue(root_pem: str, root_key, request_pem: str, *, common_name: str, organisation: str,
          user_id: int, now: datetime | None = None) -> str:
    """A signing certificate for the key in `request_pem` (whose self-signature proves the user holds it)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    now = now or datetime.now(UTC)
    csr = x509.load_pem_x509_csr(request_pem.encode("ascii"))
    if not csr.is_signature_valid:
        raise ValueError("the certificate request's signature does not match its key")
    root = certificate(root_pem)
    public = csr.public_key()
    subject = x509.Name([*_name(common_name, organisation),
                         x509.NameAttribute(NameOID.USER_ID, str(user_id))])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(root.subject).public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1))
            .not_valid_after(min(now + timedelta(days=365 * USER_YEARS), root.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            # non-repudiation (content commitment): the key signs documents, not TLS sessions
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
