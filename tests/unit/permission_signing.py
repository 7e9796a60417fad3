"""Signing, printing and credential states for the role x action table (tests/unit/permission_table.py).

Each `prepare` runs on a fresh copy of the permission world as the administrator; where a state needs
other people to act first (signers enrolling, requesting and signing), they act as themselves.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from functools import cache

from meeting_factory import PASSWORD

from app.records import Actor

CA_PASSPHRASE = "ca-passphrase-2026"


def scribble() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (240, 90), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(10, 70), (60, 15), (120, 80), (230, 20)], fill=(20, 20, 160, 255), width=8)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@cache
def licensed_root_pem() -> str:
    """A licensed CA's root, as the administrator would trust it."""
    from app.signing import ca

    return ca.create_root("省电子认证中心", "licensed-ca-2026").cert_pem


@cache
def pkcs12_file(password: str) -> bytes:
    """A signer's key and certificate from a licensed CA, as a .p12 file."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "周海涛")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365)).sign(key, hashes.SHA256()))
    return pkcs12.serialize_key_and_certificates(b"signer", key, cert, None,
                                                 BestAvailableEncryption(password.encode()))


def people(ctx, admin) -> dict[int, Actor]:
    return {u.id: Actor(u.id, u.username, u.display_name, u.role) for u in ctx.users.list(admin)}


def with_ca(ctx, w, admin, _out) -> None:
    ctx.credentials.create_hospital_ca(admin, CA_PASSPHRASE)


def with_request(ctx, w, admin, out) -> None:
    with_ca(ctx, w, admin, out)
    ctx.credentials.request(w.actors["physician"], PASSWORD)


def started(ctx, w, admin, _out) -> None:
    """The finalised decision's document, laid out with every signer's empty field."""
    ctx.documents.start_signing(w.actors["chair"], w.final_decision_id)


def document_id(ctx, w) -> int:
    return ctx.documents.for_decision(w.actors["admin"], w.final_decision_id).id


def only_the_chair_left(ctx, w, admin, out) -> None:
    """Every signer enrolled and certified; all but the chair (who seals) have signed."""
    with_ca(ctx, w, admin, out)
    doc = ctx.documents.start_signing(w.actors["chair"], w.final_decision_id)
    by_id = people(ctx, admin)
    signers = [by_id[g.user_id] for g in doc.signatures]
    for actor in signers:
        ctx.handwriting.enrol(actor, PASSWORD, scribble())
        ctx.credentials.request(actor, PASSWORD)
    ctx.credentials.issue_pending(admin, CA_PASSPHRASE)
    for actor in signers[:-1]:
        ctx.documents.sign(actor, doc.id, PASSWORD)


def case_no_of_final(ctx, w) -> str:
    admin = w.actors["admin"]
    return ctx.case_records.get(admin, ctx.decisions.get(admin, w.final_decision_id).case_id).case_no


def print_on_cups(ctx, w, actor, _out):
    """A real CUPS queue (tests/cups_queue.py); skipped, saying why, where CUPS cannot run."""
    import pytest
    from cups_queue import exclusive_use, printer_queue

    item = ctx.printing.agenda_item(w.actors["admin"], w.planned_id)
    with exclusive_use():
        q, reason = printer_queue()
        if q is None:
            pytest.skip(reason)
        before = q.outputs()
        try:
            ctx.printing.print_with_cups(actor, [item], q.name)
            q.wait_for_new(before, 1)
        finally:
            q.remove_new(before)
