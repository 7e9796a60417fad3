"""Printing through QPrinter: pdfium draws each page (signature stamps included), QPainter puts it on paper.

QtPdf's own renderer leaves signature boxes empty (DOMAIN.md §8), so pages are rasterised by
app.printing.raster at print resolution and painted as images. QPainter may paint on a QPrinter outside
the GUI thread, so a batch can print on the worker while the window stays responsive. The caller keeps
the QPrinter alive for as long as it prints (a temporary one crashes Qt's print engine).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.printing.items import PrintItem
from app.printing.raster import RenderedPage, page_sizes, render_pages

PRINT_DPI = 300  # sharp for text and stamps; 600+ only multiplies the data sent to the printer


class QtPrintError(AppError):
    pass


def to_qimage(page: RenderedPage, copy: bool = True) -> QImage:
    """The page's pixels as a QImage; without `copy` it borrows them (keep `page` alive while it is used)."""
    image = QImage(page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB32)
    return image.copy() if copy else image


def make_printer(name: str, copies: int = 1, duplex: bool = False) -> QPrinter:
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise QtPrintError(N("errors", "There is no printer named {printer}."), printer=name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setFullPage(True)  # the PDF brings its own margins
    printer.setCopyCount(copies)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if duplex else QPrinter.DuplexMode.DuplexNone)
    return printer


def _set_page(printer: QPrinter, width_pt: float, height_pt: float) -> None:
    size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if width_pt > height_pt else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))


def print_item(printer: QPrinter, item: PrintItem, progress: Callable[[int, int], None] | None = None) -> int:
    """Print one document as one job on `printer`; returns the number of pages sent."""
    sizes = page_sizes(item.pdf)
    if not sizes:
        return 0
    printer.setDocName(item.title)
    _set_page(printer, *sizes[0])
    dpi = min(printer.resolution(), PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise QtPrintError(N("errors", "The printer {printer} could not be opened."), printer=printer.printerName())
    # Lossless: Qt would otherwise JPEG-compress each page, smearing small print and the stamps.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        for page in render_pages(item.pdf, dpi):
            if page.index:
                _set_page(printer, page.width_pt, page.height_pt)
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, to_qimage(page, copy=False))
            if progress:
                progress(page.index + 1, len(sizes))
    finally:
        painter.end()
    return len(sizes)
