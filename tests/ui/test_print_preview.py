"""The print preview: pages with their signature stamps, printer choice, and the real GUI print path.

Printing goes through QPrinter to the cups-pdf test queue (tests/cups_queue.py); the printed PDF is
rendered without pdfium's form layer and every signature box must hold the stamp's ink.
"""

import pytest
from cups_queue import ink, stamp_pixels
from PIL import Image
from PySide6.QtCore import Qt
from shots import save_shot
from signed_pdfs import signed_pdf
from sqlalchemy import select

from app.printing.items import PrintItem
from db.models import AuditEvent
from ui.printing.page_view import RENDER_DPI
from ui.printing.print_preview import PrintPreviewDialog
from ui.session import Session

MIN_INK = 200


@pytest.fixture(scope="module")
def signed():
    return signed_pdf(signers=2)


@pytest.fixture
def session(sample_ctx, doctor_actor):
    return Session(sample_ctx, doctor_actor, sample_ctx.setup.info())


def _dialog(qtbot, session, items):
    dialog = PrintPreviewDialog(session, items)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_ready(), timeout=15000)
    return dialog


def _prints(ctx):
    with ctx.db.read() as s:
        return [e.new for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "print"))]


def test_the_preview_shows_every_signature_stamp(qtbot, session, signed):
    item = PrintItem("MDT意见书 测试-0001 第1版", signed.data, "plan", meeting_id=1, signed=True)
    dialog = _dialog(qtbot, session, [item])
    [page] = dialog.pages.images()
    scale = RENDER_DPI / 72
    for _, (x1, y1, x2, y2) in signed.boxes:
        box = page.copy(int((x1 + 6) * scale), int((842 - y2 + 6) * scale), int((x2 - x1 - 12) * scale),
                        int((y2 - y1 - 12) * scale))
        rgb = box.convertToFormat(box.Format.Format_RGB888)
        pil = Image.frombytes("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
                              rgb.bytesPerLine())
        assert ink(pil) > MIN_INK
    assert dialog.pages.page_labels(), "the page is on screen"
    width = dialog.pages.page_labels()[0].pixmap().width()
    qtbot.keyClick(dialog.documents, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.page_labels()[0].pixmap().width() > width, "Ctrl+= zooms in"


def test_a_batch_lists_every_document_and_shows_the_one_chosen(qtbot, session, signed):
    items = [PrintItem(f"文书 {n}", signed_pdf(signers=1, pages=n).data, "plan", meeting_id=1) for n in (1, 2)]
    dialog = _dialog(qtbot, session, items)
    assert dialog.documents.count() == 2
    dialog.documents.setCurrentRow(1)
    qtbot.waitUntil(lambda: dialog.preview_ready(1), timeout=15000)
    assert len(dialog.pages.images()) == 2
    assert "2" in dialog.summary.text()


def test_export_writes_the_signed_file_unchanged_and_audits_it(qtbot, session, signed, tmp_path, monkeypatch):
    item = PrintItem("MDT意见书", signed.data, "plan", meeting_id=1, signed=True)
    dialog = _dialog(qtbot, session, [item])
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(dialog, "ask_save_path", lambda suggested: str(target))
    dialog.export_current()
    qtbot.waitUntil(lambda: target.exists() and "out.pdf" in dialog.status.text(), timeout=10000)
    assert target.read_bytes() == signed.data
    with session.ctx.db.read() as s:
        [event] = s.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        assert event.new["file"] == str(target) and event.username == "lidoc"


def test_printing_through_qprinter_puts_the_stamps_on_paper(qtbot, session, signed, queue):
    items = [PrintItem("MDT意见书 甲", signed.data, "plan", meeting_id=1, signed=True),
             PrintItem("MDT意见书 乙", signed.data, "plan", meeting_id=1, signed=True)]
    dialog = _dialog(qtbot, session, items)
    assert dialog.options.select(queue.name)
    assert not dialog.options.duplex.isEnabled(), "cups-pdf cannot print two-sided"
    before = queue.outputs()
    with qtbot.waitSignal(dialog.printed, timeout=60000) as sent:
        qtbot.keyClick(dialog.documents, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert sent.args == [2]
    assert dialog.printer is not None, "the dialog keeps its QPrinter"
    printed = queue.wait_for_new(before, 2)
    for path in printed:
        assert all(n > MIN_INK for n in stamp_pixels(path, signed.boxes)), f"a stamp is missing in {path.name}"
    events = _prints(session.ctx)
    assert [e["what"] for e in events] == ["MDT意见书 甲", "MDT意见书 乙"]
    assert all(e["printer"] == queue.name and e["copies"] == 1 for e in events)
    save_shot(dialog, "print-preview.png")
