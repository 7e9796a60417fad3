"""Printing through a real CUPS queue (cups-pdf): the signature stamps must reach the paper.

The queue is created (and the scheduler started) by tests/cups_queue.py; the tests skip, saying why, only
where CUPS cannot be installed or started (scripts/test.sh installs it when run as root).
"""

import pytest
from cups_queue import ink, stamp_pixels
from signed_pdfs import signed_pdf
from sqlalchemy import select

from app.printing import cups
from app.printing.items import PrintItem
from app.printing.raster import render_pages
from db.models import AuditEvent

MIN_INK = 200  # pixels at 100 dpi: a stamp has thousands, an empty box none


@pytest.fixture(scope="module")
def signed():
    return signed_pdf(signers=2)


def _events(ctx, action):
    with ctx.db.read() as s:
        return [(e.entity, e.entity_id, e.username, e.new)
                for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))]


def test_the_test_queue_is_listed(queue):
    assert queue.name in cups.printers()
    assert cups.supports_duplex(queue.name) is False  # cups-pdf offers no two-sided printing
    assert cups.supports_duplex("NO_SUCH_PRINTER") is False


def test_pdfium_with_forms_draws_the_stamps_that_a_plain_rendering_leaves_out(signed, tmp_path):
    plain = tmp_path / "signed.pdf"
    plain.write_bytes(signed.data)
    assert stamp_pixels(plain, signed.boxes) == [0, 0]  # stamps live in form fields, not in the page
    page = next(render_pages(signed.data, dpi=72))
    x1, y1, x2, y2 = signed.boxes[0][1]
    inside = page.pil().crop((x1 + 6, round(page.height_pt) - y2 + 6, x2 - 6, round(page.height_pt) - y1 - 6))
    assert ink(inside) > 50


def test_lp_puts_every_signature_stamp_on_paper_and_audits_the_print(ctx, admin, queue, signed):
    item = PrintItem("MDT意见书 测试-0001 第1版", signed.data, "plan", document_id=None, meeting_id=7, signed=True)
    before = queue.outputs()
    jobs = ctx.printing.print_with_cups(admin, [item], queue.name, copies=1)
    assert jobs[0].job_id.startswith(queue.name + "-")
    [printed] = queue.wait_for_new(before, 1)
    assert all(n > MIN_INK for n in stamp_pixels(printed, signed.boxes)), "a signature stamp is missing on paper"
    [(entity, entity_id, user, new)] = _events(ctx, "print")
    assert (entity, entity_id, user) == ("meeting", 7, "admin")
    assert new["printer"] == queue.name and new["copies"] == 1 and new["what"] == item.title and new["pages"] == 1


def test_an_unknown_printer_is_refused_and_nothing_is_audited(ctx, admin, queue, signed):
    item = PrintItem("x", signed.data, "plan", document_id=None, meeting_id=1)
    with pytest.raises(cups.PrintError, match="no printer named NO_SUCH_PRINTER"):
        ctx.printing.print_with_cups(admin, [item], "NO_SUCH_PRINTER")
    assert _events(ctx, "print") == []


def test_an_export_is_audited_with_its_file(ctx, admin, signed):
    item = PrintItem("导出", signed.data, "plan", document_id=None, meeting_id=3)
    ctx.printing.record(admin, item, file="/tmp/x.pdf")
    [(_, _, _, new)] = _events(ctx, "export")
    assert new["file"] == "/tmp/x.pdf" and "printer" not in new
