"""Print preview: the documents of a print job (one, or a whole meeting), their pages, printer and copies.

The pages shown are pdfium renderings with the signature stamps, the same renderer the printer gets, so
what the clerk checks here is what comes out. Printing runs on a thread of its own (QPainter may paint on
a QPrinter off the GUI thread), so the database worker stays free; the dialog keeps the QPrinter until the
job is done. Every print and every export is recorded in the audit trail by the printing service.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.printing.items import PrintItem
from app.printing.raster import render_pages
from ui import ops
from ui.errors import show_error
from ui.printing.page_view import RENDER_DPI, PageView
from ui.printing.printer_options import PrinterOptions
from ui.printing.qt_print import make_printer, print_item, to_qimage
from ui.qt_compat import emit
from ui.widgets.forms import InlineError


class PrintPreviewDialog(QDialog):
    printed = Signal(int)  # documents sent to the printer

    def __init__(self, session, items: list[PrintItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview"))
        self.session = session
        self.items = list(items)
        self.printer = None  # the QPrinter of the running job: Qt crashes if it goes before the job ends
        self._pages: dict[int, list] = {}
        self._busy = False
        self._thread: threading.Thread | None = None

        self.documents = QListWidget()
        self.documents.setObjectName("printDocuments")
        for item in self.items:
            self.documents.addItem(item.title)
        self.documents.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 18)
        documents_label = QLabel(self.tr("&Documents to print:"))
        documents_label.setBuddy(self.documents)
        self.pages = PageView()
        self.options = PrinterOptions()
        self.summary = QLabel(self.tr("%1 document(s); each is printed as its own job.")
                              .replace("%1", str(len(self.items))))
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.error = InlineError()

        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.print_button.setToolTip(self.tr("Print every document in the list (Ctrl+P)"))
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(self.tr("Save the selected document as a PDF file (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.print_all)
        self.export_button.clicked.connect(self.export_current)
        self.close_button.clicked.connect(self.reject)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(documents_label)
        column.addWidget(self.documents, 1)
        column.addWidget(self.summary)
        column.addWidget(self.options)
        column.addWidget(self.status)
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for keys, slot in (((QKeySequence.StandardKey.Print,), self.print_all),
                           ((QKeySequence.StandardKey.Save,), self.export_current),
                           ((QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")), self.pages.zoom_in),
                           ((QKeySequence.StandardKey.ZoomOut,), self.pages.zoom_out)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        self.documents.currentRowChanged.connect(self._show_document)
        self.resize(1100, 780)
        if self.items:
            self.documents.setCurrentRow(0)
        else:
            self.pages.show_message(self.tr("There is nothing to print."))
            self.print_button.setEnabled(False)
            self.export_button.setEnabled(False)

    # -- preview ---------------------------------------------------------------------------------

    def _show_document(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        if row in self._pages:
            self.pages.show_pages(self._pages[row])
            return
        self.pages.show_message(self.tr("Drawing the pages…"))
        pdf = self.items[row].pdf

        def render() -> list:
            return list(render_pages(pdf, RENDER_DPI))

        def shown(pages: list) -> None:
            self._pages[row] = [to_qimage(page) for page in pages]
            if self.documents.currentRow() == row:
                self.pages.show_pages(self._pages[row])

        def failed(exc: BaseException) -> None:
            self.pages.show_message(self.tr("This document cannot be shown."))
            show_error(exc, self)

        ops.run(render, shown, failed, owner=self)

    def preview_ready(self, row: int | None = None) -> bool:
        return (self.documents.currentRow() if row is None else row) in self._pages

    # -- printing --------------------------------------------------------------------------------

    def print_all(self) -> None:
        if self._busy or not self.items:
            return
        name = self.options.printer_name()
        if not name:
            self.error.show_message(self.tr("No printer is installed on this computer. Ask IT to add one, "
                                            "or export the PDF and print it elsewhere."))
            return
        self.error.clear_message()
        copies, duplex = self.options.copies.value(), self.options.duplex.isChecked()
        try:
            self.printer = make_printer(name, copies, duplex)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, the dialog stays usable
            show_error(exc, self)
            return
        self._set_busy(True)
        printer, ctx, actor, items = self.printer, self.session.ctx, self.session.actor, self.items
        template = self.tr("Printing %1 of %2: %3")

        def record(item) -> None:  # on the database worker, in the order the documents were printed
            ops.run(lambda: ctx.printing.record(actor, item, printer=name, copies=copies, duplex=duplex), None,
                    self._print_failed, owner=self)

        def heard(news) -> None:  # on the GUI thread
            kind, value = news
            if kind == "printing":
                self.status.setText(value)
            elif kind == "printed":
                record(value)
            elif kind == "done":
                ops.run(lambda: value, self._printed, self._print_failed, owner=self)  # after the records
            else:
                self._print_failed(value)

        tell = ops.progress_relay(heard, self)

        def job() -> None:
            try:
                for n, item in enumerate(items, start=1):
                    tell(("printing", template.replace("%1", str(n)).replace("%2", str(len(items)))
                          .replace("%3", item.title)))
                    print_item(printer, item)
                    tell(("printed", item))
            except Exception as exc:  # noqa: BLE001 - reported to the clerk on the GUI thread
                tell(("failed", exc))
            else:
                tell(("done", len(items)))

        # Its own thread, not the database worker: a batch takes minutes and the app must keep working.
        self._thread = threading.Thread(target=job, name="mdt-print", daemon=True)
        self._thread.start()

    def _printed(self, count: int) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("%1 document(s) sent to %2.").replace("%1", str(count))
                            .replace("%2", self.printer.printerName()))
        emit(self.printed, count)

    def _print_failed(self, exc: BaseException) -> None:
        if not self._busy:
            return  # already reported (a later audit record of the same batch failing too)
        self._set_busy(False)
        self.status.setText(self.tr("Printing stopped."))
        show_error(exc, self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.print_button, self.export_button, self.options):
            widget.setEnabled(not busy)

    def busy(self) -> bool:
        return self._busy

    # -- export ----------------------------------------------------------------------------------

    def ask_save_path(self, suggested: str) -> str:
        """The file to export to ("" when cancelled); tests replace this."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), suggested, self.tr("PDF files (*.pdf)"))
        return path

    def export_current(self) -> None:
        row = self.documents.currentRow()
        if self._busy or not 0 <= row < len(self.items):
            return
        item = self.items[row]
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in item.title).strip("_") or "document"
        path = self.ask_save_path(str(Path.home() / f"{safe}.pdf"))
        if not path:
            return
        ctx, actor = self.session.ctx, self.session.actor

        def export() -> str:
            Path(path).write_bytes(item.pdf)  # the stored bytes: the signatures stay verifiable
            ctx.printing.record(actor, item, file=path)
            return path

        ops.run(export, lambda p: self.status.setText(self.tr("Saved as %1").replace("%1", p)), owner=self)

    def closeEvent(self, event) -> None:
        if self._busy:
            event.ignore()  # the job still needs its printer
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def open_print_preview(session, items: list[PrintItem], parent: QWidget | None) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(session, items, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
