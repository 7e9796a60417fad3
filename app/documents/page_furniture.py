"""What every page of a generated document carries: header, footer with page x/y, QR code, draft mark.

The canvas keeps each finished page until the document is complete, so the footer can say "共 y 页"
without building the document twice; the QR code is drawn once as a form XObject and placed on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.documents.fonts import FONT

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#5c5c5c")
RULE = colors.HexColor("#8c8c8c")
DRAFT_RED = colors.HexColor("#c0392b")
QR_SIZE = 22 * mm  # a signed payload of ~160 characters: modules of ~0.4 mm, easy for a phone camera


@dataclass(frozen=True)
class Furniture:
    """Per-document text of the page furniture."""

    hospital: str
    title: str  # short title in the header of every page
    doc_no: str = ""
    version: int | None = None
    verification_payload: str = ""  # what the QR code holds
    verification_code: str = ""  # the short code printed beside it
    draft: bool = False
    note: str = ""  # left of the footer when there is no document number (the agenda: confidentiality)
    margin_x: float = 20 * mm
    footer_height: float = 24 * mm


def furniture_canvas(furniture: Furniture):
    """A canvas class for `doc.build(canvasmaker=...)` that draws `furniture` on every page."""

    class FurnitureCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            qr = _define_qr(self, furniture.verification_payload) if furniture.verification_payload else None
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                draw_furniture(self, furniture, number, total, qr)
                Canvas.showPage(self)
            Canvas.save(self)

    return FurnitureCanvas


def _define_qr(c: Canvas, payload: str) -> str:
    """The QR code as a form XObject; modules drawn as merged runs of rectangles (no graphics renderer:
    its default Helvetica state would leak an unembedded font into the file)."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.version = qr.calculate_version()
    # One fixed mask pattern: any of the eight is a valid code; scoring all eight (make()) costs ~0.1 s.
    qr.makeImpl(False, 2)
    n = qr.getModuleCount()
    module = QR_SIZE / n
    name = "verificationQR"
    c.beginForm(name, 0, 0, QR_SIZE, QR_SIZE)
    c.setFillColor(colors.black)
    path = c.beginPath()
    for row in range(n):
        col = 0
        while col < n:
            if not qr.isDark(row, col):
                col += 1
                continue
            start = col
            while col < n and qr.isDark(row, col):
                col += 1
            path.rect(start * module, (n - 1 - row) * module, (col - start) * module, module)
    c.drawPath(path, stroke=0, fill=1)
    c.endForm()
    return name


def draw_furniture(c: Canvas, f: Furniture, number: int, total: int, qr: str | None) -> None:
    width, height = c._pagesize
    left, right = f.margin_x, width - f.margin_x
    c.saveState()
    c.setStrokeColor(RULE)
    if number > 1:  # running header: page 1 carries the full title block instead
        top = height - 12 * mm
        c.setFillColor(GREY)
        c.setFont(FONT, 8)
        c.drawString(left, top, f.hospital)
        c.drawRightString(right, top, f.title)
        c.setLineWidth(0.6)
        c.line(left, top - 2.2 * mm, right, top - 2.2 * mm)
        c.setLineWidth(0.3)
        c.line(left, top - 2.9 * mm, right, top - 2.9 * mm)
    # footer: rule, QR code, code, document number and version, page x / y
    base = 10 * mm
    block = QR_SIZE if qr else 5 * mm  # a document without a QR code gets a one-line footer
    c.setLineWidth(0.4)
    c.line(left, base + block + 2.5 * mm, right, base + block + 2.5 * mm)
    text_x = left
    if qr:
        c.saveState()
        c.translate(left, base)
        c.doForm(qr)
        c.restoreState()
        text_x = left + QR_SIZE + 3 * mm
    first = base + block - 3.2 * mm
    c.setFillColor(INK)
    c.setFont(FONT, 8.5)
    line1 = []
    if f.doc_no:
        line1.append(f"文档编号：{f.doc_no}")
    if f.version is not None:
        line1.append(f"版本：第 {f.version} 版")
    c.drawString(text_x, first, "    ".join(line1) or f.note)
    if f.verification_code:
        c.drawString(text_x, first - 5 * mm, f"验证码：{f.verification_code}")
        c.setFillColor(GREY)
        c.setFont(FONT, 7)
        c.drawString(text_x, base + 1.2 * mm, "扫描二维码或在系统中输入验证码，可核对本页与电子记录是否一致")
    c.setFillColor(INK)
    c.setFont(FONT, 9)
    c.drawRightString(right, first, f"第 {number} 页 / 共 {total} 页")
    if f.draft:
        c.setFillColor(DRAFT_RED)
        c.setFont(FONT, 8.5)
        c.drawRightString(right, first - 5 * mm, "草稿 · 未签署")
    c.restoreState()
    if f.draft:
        draw_draft_mark(c, width, height)


def draw_draft_mark(c: Canvas, width: float, height: float) -> None:
    """The diagonal "草稿 / 未签署" mark: outlined and tinted, so the page stays readable through it and
    no one can take it for a signed copy."""
    c.saveState()
    c.setFillColor(DRAFT_RED)
    c.setStrokeColor(DRAFT_RED)
    c.setFillAlpha(0.2)
    c.setStrokeAlpha(0.6)
    c.setLineWidth(0.8)
    c.translate(width / 2, height / 2)
    c.rotate(52)
    for text, size, y in (("草稿 / 未签署", 76, 8 * mm), ("DRAFT – NOT SIGNED", 34, -16 * mm)):
        t = c.beginText()
        t.setFont(FONT, size)
        t.setTextRenderMode(2)  # fill and stroke
        t.setTextOrigin(-c.stringWidth(text, FONT, size) / 2, y)
        t.textOut(text)
        c.drawText(t)
    c.restoreState()
