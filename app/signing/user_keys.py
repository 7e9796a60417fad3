"""A signer's own key: made on their PC, sealed with their password, certified through a request.

The private key never exists unsealed outside a signing call (电子签名法 §13 (1)(2): it belongs to the
signer alone and only they control it). A PKCS#12 file from a licensed CA takes the same place: its key is
re-sealed under the user's password and its certificate chain kept with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.signing import secret_box

KEY_PURPOSE = b"user-signing-key:"
CSR_MARK = "-----BEGIN CERTIFICATE REQUEST-----"


def purpose(user_id: int) -> bytes:
    """Bound into each sealed key: a key row copied onto another user cannot be opened as theirs."""
    return KEY_PURPOSE + str(user_id).encode("ascii")


@dataclass(frozen=True)
class NewRequest:
    request_pem: str
    key_sealed: bytes


@dataclass(frozen=True)
class Imported:
    chain_pem: str  # the signer's certificate first, then the CA certificates the file carried
    key_sealed: bytes


def make_request(user_id: int, common_name: str, password: str) -> NewRequest:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])]))
           .sign(key, hashes.SHA256()))
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return NewRequest(csr.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                      secret_box.seal(password, key_der, purpose(user_id)))


def open_key_der(user_id: int, key_sealed: bytes, password: str) -> bytes:
    """PKCS#8 DER of the user's private key; secret_box.WrongPassword when the password is wrong."""
    return secret_box.open_box(password, key_sealed, purpose(user_id))


def import_pkcs12(user_id: int, data: bytes, p12_password: str, password: str) -> Imported:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, p12_password.encode("utf-8") or None)
    except ValueError:
        raise ValidationError(N("errors", "This PKCS#12 file cannot be opened: wrong file password, or not a "
                                          "PKCS#12 (.p12/.pfx) file."), field="p12") from None
    if key is None or cert is None:
        raise ValidationError(N("errors", "This PKCS#12 file holds no signing key with its certificate."),
                              field="p12")
    pem = serialization.Encoding.PEM
    chain = cert.public_bytes(pem).decode("ascii") + "".join(c.public_bytes(pem).decode("ascii")
                                                              for c in extra or ())
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return Imported(chain, secret_box.seal(password, key_der, purpose(user_id)))


def split_pem_chain(chain_pem: str) -> list[str]:
    end = "-----END CERTIFICATE-----"
    return [part.strip() + "\n" + end + "\n" for part in chain_pem.split(end) if part.strip()]
