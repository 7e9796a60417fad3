"""The hospital CA, signers' keys and certificates, handwriting: who may do what, and wrong secrets change
nothing."""


import pytest
from meeting_factory import PASSWORD, fast_passwords
from signing_world import cheap_kdf, handwriting_png  # noqa: F401
from sqlalchemy import func, select

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.signing.secret_box import WrongPassword
from db.models import AuditEvent, HospitalSettings, User, UserCredential

CA = "ca-passphrase-1"


@pytest.fixture
def doctor(ctx, admin, monkeypatch):
    from meeting_factory import actor

    fast_passwords(monkeypatch)
    return actor(ctx.users.create(admin, "zhou", "周海涛", "physician", PASSWORD, must_change_password=False))


def state(ctx):
    with ctx.db.read() as s:
        h = s.get(HospitalSettings, 1)
        return (h.ca_cert_pem, h.ca_key_encrypted, dict(h.options or {}),
                [(c.id, c.cert_pem, c.key_encrypted, c.revoked_at) for c in s.execute(select(UserCredential))
                 .scalars()], [u.signature_encrypted for u in s.execute(select(User)).scalars()],
                s.scalar(select(func.count(AuditEvent.id))))


def test_the_admin_creates_the_ca_once_and_exports_its_root(ctx, admin, doctor):
    assert not ctx.credentials.hospital_ca_exists()
    with pytest.raises(PermissionDenied):
        ctx.credentials.create_hospital_ca(doctor, CA)
    with pytest.raises(ValidationError):
        ctx.credentials.create_hospital_ca(admin, "short")
    fp = ctx.credentials.create_hospital_ca(admin, CA)
    assert ctx.credentials.hospital_ca_exists() and fp == ctx.credentials.root_fingerprint()
    assert len(fp.split(":")) == 32 and fp == fp.upper()
    assert ctx.credentials.root_certificate_pem().startswith("-----BEGIN CERTIFICATE-----")
    with pytest.raises(ConflictError):
        ctx.credentials.create_hospital_ca(admin, CA)


def test_request_then_issue_with_the_ca_passphrase(ctx, admin, doctor):
    ctx.credentials.create_hospital_ca(admin, CA)
    assert ctx.credentials.status(doctor.user_id).state == "none"
    before = state(ctx)
    with pytest.raises(WrongPassword):
        ctx.credentials.request(doctor, "Wrong-password-1")
    assert state(ctx) == before
    ctx.credentials.request(doctor, PASSWORD)
    assert ctx.credentials.status(doctor.user_id).state == "pending"
    before = state(ctx)
    with pytest.raises(WrongPassword):
        ctx.credentials.issue_pending(admin, "not-the-ca-passphrase")
    assert state(ctx) == before
    assert ctx.credentials.issue_pending(admin, CA) == 1
    st = ctx.credentials.status(doctor.user_id)
    assert st.state == "active" and st.kind == "inhouse" and "周海涛" in st.subject and st.not_after


def test_handwriting_is_sealed_with_the_users_password(ctx, doctor):
    assert not ctx.handwriting.has(doctor.user_id)
    before = state(ctx)
    with pytest.raises(WrongPassword):
        ctx.handwriting.enrol(doctor, "Wrong-password-1", handwriting_png())
    with pytest.raises(ValidationError):
        ctx.handwriting.enrol(doctor, PASSWORD, b"GIF89a not a png")
    assert state(ctx) == before
    ctx.handwriting.enrol(doctor, PASSWORD, handwriting_png())
    assert ctx.handwriting.has(doctor.user_id)
    with ctx.db.read() as s:
        assert handwriting_png() not in s.get(User, doctor.user_id).signature_encrypted
    with pytest.raises(WrongPassword):
        ctx.handwriting.image(doctor, "Wrong-password-1")
    assert ctx.handwriting.image(doctor, PASSWORD) == handwriting_png()


def test_a_licensed_cas_pkcs12_replaces_the_inhouse_key(ctx, admin, doctor):
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from app.signing import ca, user_keys

    licensed = ca.create_root("某CA公司", "licensed-ca-pass")
    req = user_keys.make_request(doctor.user_id, "周海涛", "tmp-pass-1")
    cert_pem = ca.issue(licensed.cert_pem, ca.open_root_key(licensed.key_sealed, "licensed-ca-pass"),
                        req.request_pem, common_name="周海涛", organisation="某CA公司", user_id=doctor.user_id)
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_der_private_key(user_keys.open_key_der(doctor.user_id, req.key_sealed, "tmp-pass-1"),
                                             None)
    p12 = pkcs12.serialize_key_and_certificates(b"zhou", key, ca.certificate(cert_pem),
                                                [ca.certificate(licensed.cert_pem)],
                                                BestAvailableEncryption(b"p12-pass"))
    before = state(ctx)
    with pytest.raises(ValidationError):
        ctx.credentials.import_pkcs12(doctor, p12, "wrong", PASSWORD)
    assert state(ctx) == before
    ctx.credentials.import_pkcs12(doctor, p12, "p12-pass", PASSWORD)
    st = ctx.credentials.status(doctor.user_id)
    assert st.state == "active" and st.kind == "pkcs12" and st.fingerprint == ca.fingerprint(cert_pem)
    assert ctx.credentials.trust_root(admin, licensed.cert_pem) == licensed.fingerprint
