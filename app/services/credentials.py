"""The hospital CA and each signer's key and certificate.

Flow (电子签名法 §13 (1)(2)): the administrator creates the hospital CA once (its key sealed with a CA
passphrase only they know); a signer makes their own key pair, sealed with THEIR password, and files a
certificate request; the administrator issues the pending requests with the CA passphrase. A PKCS#12 file
from a licensed CA can take the place of the in-house key (its CA root must then be trusted, `trust_root`).
The hospital also holds an Ed25519 verification key that signs the codes printed on each page.
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.document_records import CredentialStatus
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from app.services.handwriting import check_password, user_or_fail
from app.signing import ca, user_keys, verification_code
from db.base import utcnow
from db.models import HospitalSettings, User, UserCredential

MIN_CA_PASSPHRASE = 10
NO_CA = N("errors", "The hospital CA has not been created yet. The administrator creates it under Settings.")


def settings_row(s: Session) -> HospitalSettings:
    h = s.get(HospitalSettings, 1)
    if h is None:
        raise NotFound(N("errors", "This data folder has not been set up yet."))
    return h


def active_credential(s: Session, user_id: int) -> UserCredential | None:
    """The newest unrevoked credential that holds a certificate (not a pending request)."""
    rows = s.execute(select(UserCredential).where(UserCredential.user_id == user_id,
                                                  UserCredential.revoked_at.is_(None))
                     .order_by(UserCredential.id.desc())).scalars()
    return next((c for c in rows if c.fingerprint_sha256), None)


def pending_request(s: Session, user_id: int) -> UserCredential | None:
    return s.execute(select(UserCredential).where(
        UserCredential.user_id == user_id, UserCredential.revoked_at.is_(None), UserCredential.fingerprint_sha256 == "",
    ).order_by(UserCredential.id.desc())).scalars().first()


def trust_roots(s: Session) -> list[str]:
    h = s.get(HospitalSettings, 1)
    if h is None:
        return []
    extra = list((h.options or {}).get("trusted_roots", []))
    return ([h.ca_cert_pem] if h.ca_cert_pem else []) + extra


def verification_keys(s: Session, create: bool = False) -> tuple[str, str] | None:
    """(private, public) of the hospital's code-signing key; made on first use when `create`."""
    h = settings_row(s)
    opts = dict(h.options or {})
    if "verification_key" not in opts:
        if not create:
            return None
        opts["verification_key"], opts["verification_public_key"] = verification_code.new_key()
        h.options = opts  # a new dict: the JSON column notices the change
    return opts["verification_key"], opts["verification_public_key"]


def _revoke_others(s: Session, user_id: int, keep: UserCredential) -> None:
    for c in s.execute(select(UserCredential).where(UserCredential.user_id == user_id,
                                                    UserCredential.revoked_at.is_(None))).scalars():
        if c.id != keep.id:
            c.revoked_at = utcnow()


class CredentialService(Service):
    def hospital_ca_exists(self) -> bool:
        with self.db.read() as s:
            h = s.get(HospitalSettings, 1)
            return h is not None and bool(h.ca_cert_pem)

    def create_hospital_ca(self, actor: Actor, passphrase: str) -> str:
        """Create the root (once); returns its SHA-256 fingerprint."""
        self.require(actor, "credentials.manage")
        if len(passphrase) < MIN_CA_PASSPHRASE:
            raise ValidationError(N("errors", "The CA passphrase must have at least {n} characters."),
                                  field="passphrase", n=MIN_CA_PASSPHRASE)
        with self.db.read() as s:
            h = settings_row(s)
            if h.ca_cert_pem:
                raise ConflictError(N("errors", "The hospital CA already exists."))
            hospital = h.name
        root = ca.create_root(hospital, passphrase)
        with self.db.session() as s:
            h = settings_row(s)
            if h.ca_cert_pem:
                raise ConflictError(N("errors", "The hospital CA already exists."))
            h.ca_cert_pem, h.ca_key_encrypted = root.cert_pem, root.key_sealed
            verification_keys(s, create=True)
            audit_chain.record(s, actor, "ca_create", "hospital_settings", h.id, new={"fingerprint": root.fingerprint})
        return root.fingerprint

    def root_certificate_pem(self) -> str:
        with self.db.read() as s:
            pem = settings_row(s).ca_cert_pem
        if not pem:
            raise NotFound(NO_CA)
        return pem

    def root_fingerprint(self) -> str:
        return ca.fingerprint(self.root_certificate_pem())

    def trust_root(self, actor: Actor, cert_pem: str) -> str:
        """Also trust a licensed CA's root (for signers who imported its PKCS#12); returns its fingerprint."""
        self.require(actor, "credentials.manage")
        try:
            cert = ca.certificate(cert_pem)
        except ValueError:
            raise ValidationError(N("errors", "This is not a PEM certificate."), field="certificate") from None
        from cryptography.hazmat.primitives.serialization import Encoding

        pem = cert.public_bytes(Encoding.PEM).decode("ascii")
        fp = ca.fingerprint(pem)
        with self.db.session() as s:
            h = settings_row(s)
            opts = dict(h.options or {})
            roots = list(opts.get("trusted_roots", []))
            if pem not in roots:
                roots.append(pem)
                opts["trusted_roots"] = roots
                h.options = opts
                audit_chain.record(s, actor, "trust_root", "hospital_settings", h.id, new={"fingerprint": fp})
        return fp

    def request(self, actor: Actor, password: str) -> None:
        """The signer's own key pair, sealed with their password, and a certificate request for the admin."""
        self.require(actor, "document.sign")
        with self.db.read() as s:
            u = user_or_fail(s, actor.user_id)
            check_password(u, password)
            name = u.display_name
        req = user_keys.make_request(actor.user_id, name, password)
        with self.db.session() as s:
            old = pending_request(s, actor.user_id)
            if old is not None:
                old.revoked_at = utcnow()
            c = UserCredential(user_id=actor.user_id, kind="inhouse", cert_pem=req.request_pem,
                               key_encrypted=req.key_sealed, fingerprint_sha256="")
            s.add(c)
            s.flush()
            audit_chain.record(s, actor, "credential_request", "user_credential", c.id,
                               new={"user": actor.username})

    def issue_pending(self, actor: Actor, ca_passphrase: str) -> int:
        """Issue a certificate for every pending request; returns how many. Wrong passphrase: nothing changes."""
        self.require(actor, "credentials.manage")
        with self.db.read() as s:
            h = settings_row(s)
            if not h.ca_cert_pem:
                raise NotFound(NO_CA)
            root_pem, sealed, hospital = h.ca_cert_pem, h.ca_key_encrypted, h.name
        root_key = ca.open_root_key(sealed, ca_passphrase)
        issued = 0
        with self.db.session() as s:
            rows = s.execute(select(UserCredential).where(UserCredential.revoked_at.is_(None),
                                                          UserCredential.fingerprint_sha256 == "")
                             .order_by(UserCredential.id)).scalars().all()
            for c in rows:
                u = s.get(User, c.user_id)
                if u is None or not u.is_active or not c.cert_pem.startswith(user_keys.CSR_MARK):
                    continue
                c.cert_pem = ca.issue(root_pem, root_key, c.cert_pem, common_name=u.display_name,
                                      organisation=hospital, user_id=u.id)
                c.fingerprint_sha256 = ca.fingerprint_hex(c.cert_pem)
                c.created_at = utcnow()
                _revoke_others(s, u.id, c)
                audit_chain.record(s, actor, "credential_issue", "user_credential", c.id,
                                   new={"user": u.username, "fingerprint": c.fingerprint_sha256})
                issued += 1
        return issued

    def import_pkcs12(self, actor: Actor, p12_bytes: bytes, p12_password: str, password: str) -> None:
        self.require(actor, "document.sign")
        with self.db.read() as s:
            check_password(user_or_fail(s, actor.user_id), password)
        imported = user_keys.import_pkcs12(actor.user_id, p12_bytes, p12_password, password)
        leaf = user_keys.split_pem_chain(imported.chain_pem)[0]
        with self.db.session() as s:
            c = UserCredential(user_id=actor.user_id, kind="pkcs12", cert_pem=imported.chain_pem,
                               key_encrypted=imported.key_sealed, fingerprint_sha256=ca.fingerprint_hex(leaf))
            s.add(c)
            s.flush()
            _revoke_others(s, actor.user_id, c)
            audit_chain.record(s, actor, "credential_import", "user_credential", c.id,
                               new={"user": actor.username, "fingerprint": c.fingerprint_sha256})

    def status(self, user_id: int) -> CredentialStatus:
        with self.db.read() as s:
            c = active_credential(s, user_id)
            if c is None:
                return CredentialStatus("pending" if pending_request(s, user_id) is not None else "none")
            cert = ca.certificate(user_keys.split_pem_chain(c.cert_pem)[0])
            cn = cert.subject.rfc4514_string()
            return CredentialStatus("active", ca.fingerprint(user_keys.split_pem_chain(c.cert_pem)[0]),
                                    cert.not_valid_after_utc.astimezone(UTC).replace(tzinfo=None), c.kind, cn)
