"""Pages of a PDF as images at print resolution, and a flattened copy for printers that take PDF.

pdfium draws a signature's appearance (the stamp) only with its form environment set up; both
functions here do that. pypdfium2 is not thread-safe: every call holds `_PDFIUM` for its whole run.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP as N

POINTS_PER_INCH = 72.0
_PDFIUM = threading.Lock()


class UnreadablePdf(AppError):
    pass


@dataclass(frozen=True)
class RenderedPage:
    """One page as 32-bit pixels, byte order B, G, R, unused (Qt's Format_RGB32 on every PC we run on)."""

    index: int
    width_pt: float
    height_pt: float
    pixels: bytes  # white paper, the stamps drawn
    width: int
    height: int
    stride: int

    def pil(self):
        from PIL import Image

        return Image.frombuffer("RGB", (self.width, self.height), self.pixels, "raw", "BGRX", self.stride, 1)


def _open(pdf: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as e:
        raise UnreadablePdf(N("errors", "This file is not a readable PDF document."), details=str(e)) from None


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Every page's (width, height) in points."""
    with _PDFIUM:
        doc = _open(pdf)
        try:
            return [tuple(doc.get_page_size(i)) for i in range(len(doc))]
        finally:
            doc.close()


def render_pages(pdf: bytes, dpi: float, pages: Sequence[int] | None = None) -> Iterator[RenderedPage]:
    """Render the pages (all, or those listed) at `dpi`, with the form layer that holds the stamps.

    A generator: each page is rendered when asked for, so a printer can take page 1 while page 2 renders.
    The lock is taken per page, so a preview and a print job may interleave without sharing pdfium.
    """
    scale = dpi / POINTS_PER_INCH
    with _PDFIUM:
        doc = _open(pdf)
        doc.init_forms()
        count = len(doc)
    try:
        for index in (range(count) if pages is None else pages):
            with _PDFIUM:
                page = doc[index]
                try:
                    width, height = page.get_size()
                    bitmap = page.render(scale=scale, may_draw_forms=True, fill_color=(255, 255, 255, 255),
                                         prefer_bgrx=True)
                    try:
                        pixels, size = bytes(bitmap.buffer), (bitmap.width, bitmap.height, bitmap.stride)
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            yield RenderedPage(index, width, height, pixels, *size)
    finally:
        with _PDFIUM:
            doc.close()


def flatten_for_print(pdf: bytes) -> bytes:
    """A copy whose stamps are part of the page content, for print paths that ignore form fields.

    The copy's signatures no longer verify (it is not the signed file): it is meant for paper only.
    """
    import pypdfium2.raw as pdfium_c

    with _PDFIUM:
        doc = _open(pdf)
        try:
            doc.init_forms()
            for index in range(len(doc)):
                page = doc[index]
                try:
                    pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT)
                finally:
                    page.close()
            out = io.BytesIO()
            doc.save(out)
            return out.getvalue()
        finally:
            doc.close()
