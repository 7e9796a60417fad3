"""Export buttons of the statistics screen: Excel, CSV and PDF through the service's own export (the same
files `python -m app stats --out` writes), on the worker, with a busy bar while the file is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.closed_loop_records import StatsFilter
from ui import ops
from ui.errors import show_error
from ui.qt_compat import emit

FORMATS = (".xlsx", ".csv", ".pdf")


class ExportBar(QWidget):
    exported = Signal(object)  # the Path written

    def __init__(self, export: Callable[[StatsFilter, Path], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._export = export
        self.filter: StatsFilter | None = None
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setObjectName("statsBusy")
        self.busy.setRange(0, 0)  # how long reportlab takes is not known in advance: a busy bar
        self.busy.setFixedWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        row.addWidget(self.status)
        row.addWidget(self.busy)
        texts = {".xlsx": self.tr("E&xcel…"), ".csv": self.tr("&CSV…"), ".pdf": self.tr("PDF &report…")}
        keys = {".xlsx": "Ctrl+Shift+X", ".csv": "Ctrl+Shift+C", ".pdf": "Ctrl+Shift+P"}
        for suffix in FORMATS:
            button = QPushButton(texts[suffix])
            button.setObjectName(f"statsExport{suffix[1:].title()}")
            button.setShortcut(QKeySequence(keys[suffix]))
            button.setToolTip(self.tr("Export the figures shown (%1)").replace("%1", keys[suffix]))
            button.clicked.connect(lambda _=False, s=suffix: self.export(s))
            row.addWidget(button)
            self.buttons[suffix] = button
        self.set_enabled(False)

    def set_enabled(self, enabled: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(enabled)

    def ask_path(self, suffix: str) -> Path | None:
        """Where to write the file (tests replace this)."""
        f = self.filter
        name = f"MDT统计-{f.start:%Y%m%d}-{f.end:%Y%m%d}{suffix}" if f else f"MDT统计-{date.today():%Y%m%d}{suffix}"
        filters = {".xlsx": self.tr("Excel workbooks (*.xlsx)"), ".csv": self.tr("CSV files (*.csv)"),
                   ".pdf": self.tr("PDF documents (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the statistics"), str(Path.home() / name),
                                              filters[suffix])
        return Path(path) if path else None

    def export(self, suffix: str) -> None:
        if self.filter is None:
            return
        path = self.ask_path(suffix)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.set_enabled(False)
        self.busy.show()
        self.status.setText(self.tr("Writing %1…").replace("%1", path.name))
        export, f = self._export, self.filter
        ops.run(lambda: export(f, path), lambda _r: self._done(path), self._failed, owner=self)

    def _done(self, path: Path) -> None:
        self.busy.hide()
        self.set_enabled(True)
        self.status.setText(self.tr("Written: %1").replace("%1", str(path)))
        emit(self.exported, path)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.set_enabled(True)
        self.status.setText("")
        show_error(exc, self)
