"""Importing a patient list (.csv or .xlsx) with progress, a stop button and a report for every row.

    PatientImportDialog.run_for(session, parent)   # the ImportReport, or None (cancelled or stopped)

Tests set the file with `set_path()`, call `start()` and wait for `importDone`.

Stopping: `PatientImportService.import_file` has no cancel parameter, but it calls `progress(row)` after
each row, and each row is its own transaction. The progress function raises `ImportCancelled` once a stop
is asked for, so the import ends between two rows: the rows before are saved, the rest is not read. The
service's per-row results of a stopped import are lost with its exception, so only the last row is said.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services.patient_import import ImportReport
from ui import ops
from ui.errors import show_error
from ui.geometry import GeometryStore
from ui.patients.fields import grow_to_fit
from ui.patients.import_report import COLUMNS, SAMPLES, ImportReportModel
from ui.qt_compat import emit
from ui.widgets.forms import InlineError
from ui.widgets.heading import Heading

GEOMETRY_KEY = "patientImport"
LAST_DIR_KEY = "patientImport/last_dir"
PROGRESS_EVERY_S = 0.1  # at most ten progress messages a second, however fast the rows go


class ImportCancelled(Exception):
    """Raised by the progress function, in the worker, to end the import between two rows."""

    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


@dataclass(frozen=True)
class ImportStopped:
    last_row: int  # the last row of the file that was processed (and, if valid, saved)


class PatientImportDialog(QDialog):
    importDone = Signal(object)  # ImportReport, ImportStopped, or the exception that ended the import

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientImportDialog")
        self.setWindowTitle(self.tr("Import a patient list"))
        self._session = session
        self._geometry = GeometryStore(session.data_dir)
        self._cancel = threading.Event()
        self._running = False
        self._close_when_done = False
        self.report: ImportReport | None = None
        self.stopped: ImportStopped | None = None

        intro = QLabel(self.tr(
            "A .csv or Excel (.xlsx) file whose first row names the columns: 姓名 (name), 性别 (sex), "
            "出生日期 (birth date), 身份证号 (ID number), 住院号, 门诊号, 电话 (phone), 地址 (address), "
            "医保类型 (insurance). UTF-8 and GB18030 files both work. Patients already registered (same ID "
            "or inpatient number) are not registered twice."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Choose a .csv or .xlsx file"))
        self.path_edit.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Choose file…"))
        browse.setObjectName("browseButton")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)  # the service does not say how many rows there are: a busy bar
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.summary = Heading("", scale=1.1)
        self.summary.setObjectName("importSummary")
        self.summary.hide()
        self.unknown = QLabel()
        self.unknown.setObjectName("hint")
        self.unknown.setWordWrap(True)
        self.unknown.hide()
        self.error = InlineError()

        self.model = ImportReportModel(self)
        self.table = QTableView()
        self.table.setObjectName("importReport")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        metrics, headers = self.table.fontMetrics(), self.model.headers()
        for i, key in enumerate(COLUMNS[:-1]):
            texts = [SAMPLES[key], headers[key]] + (
                [self.model.status_text(s) for s in ("created", "duplicate", "rejected")] if key == "status" else [])
            self.table.setColumnWidth(i, max(metrics.horizontalAdvance(t) for t in texts) + 28)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setObjectName("startImport")
        self.start_button.clicked.connect(self.start)
        self.stop_button = self.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button.setObjectName("stopImport")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(Heading(self.tr("Import a patient list"), scale=1.25))
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.unknown)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.start_button.setDefault(True)  # now that it is inside the dialog, which then knows it
        self.resize(self.fontMetrics().horizontalAdvance("病") * 60, 560)
        self._geometry.restore(self, GEOMETRY_KEY)
        self._path_changed()

    @classmethod
    def run_for(cls, session, parent: QWidget | None = None) -> ImportReport | None:
        dialog = cls(session, parent)
        try:
            dialog.exec()
            return dialog.report
        finally:
            dialog.deleteLater()

    # -- choosing the file ------------------------------------------------------------------------

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def choose_file(self) -> None:
        start = self._geometry.value(LAST_DIR_KEY, str(Path.home()))
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a patient list"), start,
            self.tr("Patient lists (*.csv *.xlsx);;All files (*)"))
        if chosen:
            self._geometry.set_value(LAST_DIR_KEY, str(Path(chosen).parent))
            self.set_path(chosen)

    def _path_changed(self, _text: str = "") -> None:
        self.error.clear_message()
        self.start_button.setEnabled(not self._running and self.path() is not None)

    # -- importing --------------------------------------------------------------------------------

    def start(self) -> None:
        path = self.path()
        if self._running or path is None:
            return
        if not path.is_file():
            self.error.show_message(self.tr("The file {path} does not exist.").format(path=path))
            return
        self._cancel.clear()
        self.report, self.stopped = None, None
        self.model.set_report(None)
        self.summary.hide()
        self.unknown.hide()
        self.error.clear_message()
        self._set_running(True)
        self.status.setText(self.tr("Reading {name}…").format(name=path.name))

        relay = ops.progress_relay(self._progress, owner=self)
        cancel, service, actor = self._cancel, self._session.ctx.patient_import, self._session.actor
        last = [0.0]

        def progress(row: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY_S:
                last[0] = now
                relay(row)
            if cancel.is_set():
                raise ImportCancelled(row)

        def work():
            try:
                return service.import_file(actor, path, progress)
            except ImportCancelled as stop:
                return ImportStopped(stop.row)

        ops.run(work, self._done, self._failed, owner=self)

    def stop(self) -> None:
        """Ask the import to end after the row it is on."""
        if self._running:
            self._cancel.set()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the current row…"))

    def is_running(self) -> bool:
        return self._running

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        self.start_button.setEnabled(not running and self.path() is not None)
        self.path_edit.setEnabled(not running)

    def _progress(self, row: int) -> None:
        if self._running and not self._cancel.is_set():
            self.status.setText(self.tr("Importing: row {row} done…").format(row=row))

    def _done(self, outcome) -> None:
        self._set_running(False)
        if isinstance(outcome, ImportStopped):
            self.stopped = outcome
            self.status.setText(self.tr(
                "Stopped after row {row}: the rows up to it were imported (new patients are saved); the rows "
                "after it were not read.").format(row=outcome.last_row))
        else:
            self.show_report(outcome)
            self.start_button.setEnabled(False)  # the same file again would only give duplicates
        emit(self.importDone, outcome)
        self._close_if_asked()

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.status.clear()
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
        else:
            show_error(exc, self)
        emit(self.importDone, exc)
        self._close_if_asked()

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.model.set_report(report)
        self.status.setText(self.tr("{n} row(s) read from {name}.").format(
            n=len(report.rows), name=self.path().name if self.path() else ""))
        self.summary.setText(self.tr("Created {created}, duplicates {duplicate}, rejected {rejected}").format(
            created=report.count("created"), duplicate=report.count("duplicate"),
            rejected=report.count("rejected")))
        self.summary.show()
        if report.unknown_columns:
            self.unknown.setText(self.tr("Columns not recognised (ignored): {columns}").format(
                columns=self.tr(", ").join(report.unknown_columns)))
        self.unknown.setVisible(bool(report.unknown_columns))
        first_problem = next((i for i, r in enumerate(report.rows) if r.status == "rejected"), None)
        if first_problem is not None:
            self.table.scrollTo(self.model.index(first_problem, 0))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)
        return handled

    # -- closing ----------------------------------------------------------------------------------

    def _close_if_asked(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def reject(self) -> None:
        if self._running:  # closing stops the import first; the dialog closes when it has ended
            self._close_when_done = True
            self.stop()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._geometry.save(self, GEOMETRY_KEY)
        super().done(result)
