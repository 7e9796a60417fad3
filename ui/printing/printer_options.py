"""Printer, copies and two-sided printing: the choices above the Print button."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QSpinBox, QWidget


class PrinterOptions(QWidget):
    """The printers Qt knows (the system default first chosen); duplex only where the printer offers it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer = QComboBox()
        self.printer.setObjectName("printerChoice")
        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 99)
        self.duplex = QCheckBox(self.tr("Print on &both sides"))
        self.duplex.setObjectName("duplex")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Printer:"), self.printer)
        form.addRow(self.tr("&Copies:"), self.copies)
        form.addRow("", self.duplex)
        self.printer.currentIndexChanged.connect(self._printer_changed)
        self.reload()

    def reload(self) -> None:
        default = QPrinterInfo.defaultPrinterName()
        names = sorted(QPrinterInfo.availablePrinterNames())
        self.printer.blockSignals(True)
        self.printer.clear()
        for name in names:
            shown = self.tr("%1 (default)").replace("%1", name) if name == default else name
            self.printer.addItem(shown, name)
        if default in names:
            self.printer.setCurrentIndex(names.index(default))
        self.printer.blockSignals(False)
        self.printer.setEnabled(bool(names))
        if not names:
            self.printer.addItem(self.tr("No printer is installed"), None)
        self._printer_changed()

    def select(self, name: str) -> bool:
        index = self.printer.findData(name)
        if index >= 0:
            self.printer.setCurrentIndex(index)
        return index >= 0

    def printer_name(self) -> str | None:
        return self.printer.currentData()

    def _printer_changed(self) -> None:
        name = self.printer_name()
        modes = QPrinterInfo.printerInfo(name).supportedDuplexModes() if name else []
        can = QPrinter.DuplexMode.DuplexLongSide in modes
        self.duplex.setEnabled(can)
        if not can:
            self.duplex.setChecked(False)
        self.duplex.setToolTip("" if can else self.tr("This printer cannot print on both sides."))
