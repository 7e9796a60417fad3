"""The signing workflow through the services: a finalised decision, six attendees sign in turn, then the
file verifies; wrong passwords change nothing; an amendment makes a new version and supersedes the old."""

import hashlib

import pytest
from meeting_factory import PASSWORD
from signing_world import cheap_kdf, handwriting_png, replace_page_text, sign_all, signing_hospital  # noqa: F401
from sqlalchemy import func, select

from app.errors import ConflictError, PermissionDenied
from app.signing.secret_box import WrongPassword
from db.models import AuditEvent, Document, Signature


@pytest.fixture
def world(ctx, admin, monkeypatch, tmp_path):
    return signing_hospital(ctx, admin, monkeypatch, tmp_path)


def snapshot(ctx):
    with ctx.db.read() as s:
        docs = [(d.id, d.status, d.sha256, d.sealed_at) for d in s.execute(select(Document)).scalars()]
        sigs = [(g.id, g.signed_at, g.sha256_after) for g in s.execute(select(Signature)).scalars()]
        events = s.scalar(select(func.count(AuditEvent.id)))
    return docs, sigs, events, sorted(ctx.blobs.all_hashes())


def test_six_attendees_sign_in_turn_and_the_file_verifies(ctx, world):
    doc = ctx.documents.start_signing(world.h.chair, world.decision.id)
    assert doc.status == "signing" and [s.role for s in doc.signatures] == ["expert"] * 4 + ["recorder", "chair"]
    unsigned = ctx.documents.verify(ctx.blobs.read_bytes(doc.sha256))
    assert not unsigned.ok and len(unsigned.unsigned_fields) == 6  # every field exists before the first signature
    assert [d.id for d in ctx.documents.pending_for(world.h.actors["zhou"])] == [doc.id]
    doc = sign_all(ctx, world, doc)
    assert doc.status == "signed" and doc.sealed_at is not None and not doc.waiting_for
    pdf = ctx.documents.pdf_bytes(world.h.chair, doc.id)
    assert hashlib.sha256(pdf).hexdigest() == doc.sha256
    report = ctx.documents.verify(pdf)
    assert report.ok, report.problems
    assert [s.name for s in report.signers] == ["周海涛", "林秀英", "黄振华", "罗建平", "刘秘书", "陈主任"]
    assert ctx.documents.pending_for(world.h.actors["zhou"]) == []
    with pytest.raises(ConflictError):  # sealed: never signed (or rewritten) again
        ctx.documents.sign(world.h.chair, doc.id, PASSWORD)
    with ctx.db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action).where(AuditEvent.entity == "document"))]
    assert actions.count("sign") == 6 and "create" in actions and "export" in actions


def test_a_wrong_password_changes_nothing(ctx, world):
    doc = ctx.documents.start_signing(world.h.chair, world.decision.id)
    before = snapshot(ctx)
    with pytest.raises(WrongPassword):
        ctx.documents.sign(world.h.actors["zhou"], doc.id, "Not-the-password1")
    assert snapshot(ctx) == before


def test_a_signer_reads_the_document_before_signing_without_an_export_and_a_stranger_cannot(ctx, world):
    doc = ctx.documents.start_signing(world.h.chair, world.decision.id)
    zhou = world.h.actors["zhou"]
    before = snapshot(ctx)
    assert hashlib.sha256(ctx.documents.to_sign(zhou, doc.id)).hexdigest() == doc.sha256
    assert snapshot(ctx) == before, "reading what one is about to sign is not audited as an export"
    outsider = ctx.users.create(ctx.auth.login("admin", "Admin2026!"), "wang", "王医生", "physician", PASSWORD,
                                must_change_password=False)
    from meeting_factory import actor

    with pytest.raises(PermissionDenied):
        ctx.documents.to_sign(actor(outsider), doc.id)
    doc = sign_all(ctx, world, doc)
    with pytest.raises(PermissionDenied):  # signed by everyone: now only a (recorded) export gives the file
        ctx.documents.to_sign(zhou, doc.id)


def test_the_chair_signs_last_and_strangers_not_at_all(ctx, world):
    doc = ctx.documents.start_signing(world.h.chair, world.decision.id)
    with pytest.raises(ConflictError, match="chair signs last"):
        ctx.documents.sign(world.h.chair, doc.id, PASSWORD)
    outsider = ctx.users.create(ctx.auth.login("admin", "Admin2026!"), "wang", "王医生", "physician", PASSWORD,
                                must_change_password=False)
    from meeting_factory import actor

    with pytest.raises(PermissionDenied):
        ctx.documents.sign(actor(outsider), doc.id, PASSWORD)
    # the experts sign in any order
    doc = sign_all(ctx, world, doc, ["luo", "zhou", "liu", "huang", "lin", "chen"])
    assert ctx.documents.verify(ctx.blobs.read_bytes(doc.sha256)).ok


def test_an_appended_page_update_is_reported_and_audited(ctx, world):
    doc = sign_all(ctx, world, ctx.documents.start_signing(world.h.chair, world.decision.id))
    report = ctx.documents.verify(replace_page_text(ctx.blobs.read_bytes(doc.sha256)))
    assert not report.ok and any("modified after this signature" in p for p in report.problems)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "verify_failed")) == 1


def test_an_amendment_makes_a_new_version_and_keeps_the_old(ctx, admin, world):
    old = sign_all(ctx, world, ctx.documents.start_signing(world.h.chair, world.decision.id))
    old_bytes = ctx.blobs.read_bytes(old.sha256)
    printed = ctx.documents.plan_pdf(world.h.secretary, world.case.case_no)
    assert printed.signed and printed.pdf == old_bytes
    amended = ctx.decisions.amend(world.h.chair, world.decision.id, "补充术后辅助治疗方案",
                                  plan_text="胸腔镜右肺上叶切除；术后奥希替尼辅助治疗三年。")
    ctx.decisions.finalise(world.h.chair, amended.id)
    assert ctx.documents.get(admin, old.id).status == "superseded"  # at once, before the new one is started
    draft = ctx.documents.plan_pdf(world.h.secretary, world.case.case_no)
    assert not draft.signed and draft.document is None  # the version in force is not signed yet
    new = ctx.documents.start_signing(world.h.chair, amended.id)
    assert (new.doc_no, new.version, new.supersedes_id) == (old.doc_no, 2, old.id)
    assert ctx.documents.get(admin, old.id).status == "superseded"
    assert ctx.blobs.read_bytes(old.sha256) == old_bytes  # still retrievable, byte for byte
    with pytest.raises(ConflictError):
        ctx.documents.sign(world.h.actors["zhou"], old.id, PASSWORD)
    sign_all(ctx, world, new)
    assert ctx.documents.plan_pdf(world.h.secretary, world.case.case_no).document.id == new.id


def test_the_printed_code_matches_the_record(ctx, world):
    from app.services.credentials import verification_keys
    from app.signing import verification_code

    doc = ctx.documents.start_signing(world.h.chair, world.decision.id)
    with ctx.db.read() as s:
        private, _ = verification_keys(s)
    payload, code = verification_code.make(private, doc.doc_no, doc.version, doc.record_hash)
    assert ctx.documents.check_code(payload).status == "unsigned"
    sign_all(ctx, world, doc)
    assert ctx.documents.check_code(payload).matches
    typed = ctx.documents.check_code(code.lower())
    assert typed.matches and typed.case_no == world.case.case_no
    other, _ = verification_code.new_key()
    forged, _ = verification_code.make(other, doc.doc_no, doc.version, doc.record_hash)
    assert ctx.documents.check_code(forged).status == "forged"
    changed, _ = verification_code.make(private, doc.doc_no, doc.version, "00" * 32)
    assert ctx.documents.check_code(changed).status == "changed"


def test_a_password_change_rekeys_the_signing_secrets(ctx, world):
    from app.signing.rekey import rekey_user_secrets

    zhou = world.h.actors["zhou"]
    with ctx.db.session() as s:
        assert rekey_user_secrets(s, zhou.user_id, PASSWORD, "Changed2026!") == 2
    with pytest.raises(WrongPassword):
        ctx.handwriting.image(zhou, PASSWORD)
    assert ctx.handwriting.image(zhou, "Changed2026!") == handwriting_png()
    doc = ctx.documents.start_signing(world.h.chair, world.decision.id)
    assert ctx.documents.sign(zhou, doc.id, "Changed2026!").signatures[0].signed_at is not None


def test_a_signer_with_a_licensed_cas_pkcs12_is_trusted_once_the_admin_trusts_that_root(ctx, admin, world):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from app.signing import ca, user_keys

    zhou = world.h.actors["zhou"]
    licensed = ca.create_root("某电子认证服务有限公司", "licensed-ca-pass")
    req = user_keys.make_request(zhou.user_id, "周海涛", "tmp-pass-1")
    cert = ca.issue(licensed.cert_pem, ca.open_root_key(licensed.key_sealed, "licensed-ca-pass"), req.request_pem,
                    common_name="周海涛", organisation="某电子认证服务有限公司", user_id=zhou.user_id)
    key = serialization.load_der_private_key(user_keys.open_key_der(zhou.user_id, req.key_sealed, "tmp-pass-1"),
                                             None)
    p12 = pkcs12.serialize_key_and_certificates(b"zhou", key, ca.certificate(cert), [ca.certificate(licensed.cert_pem)],
                                                BestAvailableEncryption(b"p12-pass"))
    ctx.credentials.import_pkcs12(zhou, p12, "p12-pass", PASSWORD)
    doc = sign_all(ctx, world, ctx.documents.start_signing(world.h.chair, world.decision.id))
    pdf = ctx.blobs.read_bytes(doc.sha256)
    report = ctx.documents.verify(pdf)
    assert not report.ok and [s.trusted for s in report.signers] == [False] + [True] * 5
    ctx.credentials.trust_root(admin, licensed.cert_pem)
    assert ctx.documents.verify(pdf).ok
