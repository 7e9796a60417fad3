"""`python -m app print`: a decision signed through the real signing services, printed by CUPS (cups-pdf).

The printed file must show every signer's stamp in its box (rendered without pdfium's form layer: only
what is on the paper counts), and every document sent must be in the audit trail.
"""

import pytest
from cli_helpers import run_cli
from cups_queue import signature_boxes, stamp_pixels
from meeting_factory import PASSWORD
from plan_factory import finalised_plan
from sqlalchemy import select

from db.models import AuditEvent

MIN_INK = 200
CA_PASSPHRASE = "ca-passphrase-1"


def _scribble() -> bytes:
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (360, 140), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(15, 110), (90, 25), (160, 120), (230, 35), (345, 95)], fill=(20, 20, 160, 255),
                             width=12)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def signed_case(ctx, admin, monkeypatch, tmp_path):
    """A finalised decision signed by every signer it names (the chair last), with handwritten stamps."""
    monkeypatch.setattr("app.signing.secret_box.TIME_COST", 1)
    monkeypatch.setattr("app.signing.secret_box.MEMORY_KIB", 64)
    plan = finalised_plan(ctx, admin, monkeypatch, tmp_path, key_images=0)
    ctx.credentials.create_hospital_ca(admin, CA_PASSPHRASE)
    doc = ctx.documents.start_signing(plan.h.chair, plan.decision.id)
    by_id = {a.user_id: a for a in plan.h.actors.values()}
    signers = [by_id[g.user_id] for g in doc.signatures]
    for actor in signers:
        ctx.credentials.request(actor, PASSWORD)
        ctx.handwriting.enrol(actor, PASSWORD, _scribble())
    ctx.credentials.issue_pending(admin, CA_PASSPHRASE)
    for actor in signers:
        doc = ctx.documents.sign(actor, doc.id, PASSWORD)
    assert doc.signed and len(doc.signatures) >= 2
    plan.document = doc
    return plan


def _prints(ctx):
    with ctx.db.read() as s:
        return [(e.entity, e.entity_id, e.username, e.new)
                for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "print").order_by(AuditEvent.id))]


def test_a_signed_decision_prints_with_every_stamp(ctx, signed_case, queue):
    case_no, root = signed_case.document.case_no, str(ctx.data_dir.root)
    before = queue.outputs()
    r = run_cli("print", "--case", case_no, "--printer", queue.name, "--copies", "1", "--data-dir", root)
    assert r.returncode == 0, r.stderr
    assert queue.name + "-" in r.stdout and "1 document(s) sent" in r.stdout
    [printed] = queue.wait_for_new(before, 1)
    boxes = signature_boxes(ctx.documents.pdf_bytes(signed_case.h.chair, signed_case.document.id))
    assert len(boxes) == len(signed_case.document.signatures)
    assert all(n > MIN_INK for n in stamp_pixels(printed, boxes)), "a signature stamp is missing on paper"
    [(entity, entity_id, user, new)] = _prints(ctx)
    assert (entity, entity_id, user) == ("document", signed_case.document.id, "cli")
    assert new["printer"] == queue.name and new["copies"] == 1 and new["signed"] is True

    # A meeting prints its agenda first, then every decision of the meeting; without --printer, on the CUPS
    # default destination (here the user's, as CUPS reads LPDEST).
    before = queue.outputs()
    r = run_cli("print", "--meeting", str(signed_case.meeting.id), "--data-dir", root, env={"LPDEST": queue.name})
    assert r.returncode == 0, r.stderr
    assert "2 document(s) sent to " + queue.name in r.stdout
    printed = queue.wait_for_new(before, 2)
    [plan] = [p for p in printed if "opinion" in p.name]  # cups-pdf names the file after the job title
    assert all(n > MIN_INK for n in stamp_pixels(plan, boxes))
    events = _prints(ctx)
    assert [e[0] for e in events] == ["document", "meeting", "document"] and events[1][3]["kind"] == "agenda"
    assert all(e[3]["printer"] == queue.name for e in events)

    # Failures say what is wrong and print (and audit) nothing.
    r = run_cli("print", "--case", case_no, "--printer", "NO_SUCH_PRINTER", "--data-dir", root)
    assert r.returncode == 1 and "no printer named NO_SUCH_PRINTER" in r.stderr
    r = run_cli("print", "--case", "NO-SUCH-CASE", "--printer", queue.name, "--data-dir", root)
    assert r.returncode == 1 and "NO-SUCH-CASE" in r.stderr
    assert len(_prints(ctx)) == 3


def test_usage_errors_exit_2(ctx):
    root = str(ctx.data_dir.root)
    assert run_cli("print", "--data-dir", root).returncode == 2  # neither --case nor --meeting
    assert run_cli("print", "--case", "A", "--meeting", "1", "--data-dir", root).returncode == 2
    assert run_cli("print", "--case", "A", "--copies", "0", "--data-dir", root).returncode == 2
