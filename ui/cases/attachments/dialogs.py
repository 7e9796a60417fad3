"""The three dialogs of an import: another patient's images?, progress with cancel, and the results."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.records import FoundPatient
from ui.cases.attachments import icons
from ui.cases.attachments.outcome import ImportOutcome, display_name
from ui.cases.attachments.texts import is_not_material, reason_text, status_name, summary
from ui.errors import test_mode
from ui.qt_compat import emit
from ui.widgets.heading import Heading

STATUS_ORDER = {"rejected": 0, "warned": 1, "skipped": 2, "duplicate": 3, "imported": 4}


def _order(result) -> int:
    if result.status == "rejected":
        return STATUS_ORDER["skipped" if is_not_material(result.reason) else "rejected"]
    return STATUS_ORDER["warned" if result.status == "imported" and result.warnings else result.status]


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip or text)
    return item


class PatientMismatchDialog(QDialog):
    """Lists the patients named in the DICOM files who are not the case's patient; import anyway?"""

    def __init__(self, patients: list[FoundPatient], case_patient: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("patientMismatch")
        self.setWindowTitle(self.tr("Check the patient"))
        cjk = self.fontMetrics().horizontalAdvance("病")
        icon = QLabel()
        icon.setPixmap(icons.warning_icon(40).pixmap(QSize(40, 40)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = Heading(self.tr("The patient of these images is not the patient of this case"), 1.15)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(icon)
        top.addWidget(heading, 1)
        self.table = _table([self.tr("Name in the images"), self.tr("Patient ID in the images"),
                             self.tr("Files")])
        self.table.setObjectName("mismatchTable")
        for p in patients:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _cell(p.name.replace("^", " ").strip() or self.tr("(no name)")))
            self.table.setItem(row, 1, _cell(p.patient_id or self.tr("(no ID)")))
            count = _cell(str(p.files))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, count)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rows = min(max(len(patients), 1), 6)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + rows * self.table.verticalHeader().defaultSectionSize() + 4)
        case_line = QLabel(self.tr("Patient of this case: {patient}").format(patient=case_patient))
        case_line.setObjectName("casePatient")
        case_line.setVisible(bool(case_patient))
        note = QLabel(self.tr("Check the name and ID on the disc. If you import them anyway, these files are "
                              "marked with a warning in the case."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)  # the safe answer is the one Enter gives
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(case_line)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(cjk * 34)
        self.cancel_button.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, patients: list[FoundPatient], case_patient: str = "") -> bool:
        """True: import anyway. Tests monkeypatch this (the real one waits for a person)."""
        if test_mode():
            raise RuntimeError("PatientMismatchDialog.ask would wait for a person: monkeypatch it in the test")
        return cls(patients, case_patient, parent).exec() == QDialog.DialogCode.Accepted


class ImportProgressDialog(QDialog):
    """n of N files, the current file, and Cancel; closing the window also means Cancel."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(self.tr("Adding attachments"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        cjk = self.fontMetrics().horizontalAdvance("病")
        self.stage = QLabel()
        self.stage.setObjectName("importStage")
        self.file = QLabel(" ")
        self.file.setObjectName("hint")
        self.file.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addWidget(self.file)
        layout.addLayout(row)
        self._file_width = cjk * 30
        self.setFixedWidth(self._file_width + 48)
        self.cancelling = False

    def show_checking(self) -> None:
        self.stage.setText(self.tr("Reading the patient details in the images…"))
        self.bar.setRange(0, 0)  # busy: the number of files is not known yet

    def show_progress(self, done: int, total: int, path: str) -> None:
        if self.cancelling:
            return
        self.stage.setText(self.tr("Importing file {n} of {total}").format(n=done, total=total))
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        name = display_name(path) if path else " "
        self.file.setText(self.file.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, self._file_width))
        self.file.setToolTip(path)

    def request_cancel(self) -> None:
        if self.cancelling:
            return
        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Stopping after the current file… the files already imported stay."))
        emit(self.cancelRequested)

    def reject(self) -> None:  # Esc or the window's close button: cancel, and wait for the worker to stop
        self.request_cancel()

    def finish(self) -> None:
        self.done(QDialog.DialogCode.Accepted)


class ImportResultsDialog(QDialog):
    """Every file with its result; the problems first, and by default only them."""

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResults")
        self.setWindowTitle(self.tr("Import results"))
        self.outcome = outcome
        cjk = self.fontMetrics().horizontalAdvance("病")
        self.summary = Heading(summary(outcome.imported, outcome.duplicate, outcome.rejected), 1.1)
        self.summary.setObjectName("importSummary")
        notes = []
        if outcome.cancelled:
            notes.append(self.tr("The import was cancelled: {n} file(s) were not read. The files already "
                                 "imported stay in the case.").format(n=outcome.not_reached))
        if outcome.warned:
            notes.append(self.tr("{n} imported file(s) carry a warning: check them in the case.")
                         .format(n=outcome.warned))
        skipped = sum(1 for r in outcome.results if r.status == "rejected" and is_not_material(r.reason))
        if skipped:
            notes.append(self.tr("{n} of the files not imported are no images, photos or PDF (for example the "
                                 "viewer program on a disc); they are listed last.").format(n=skipped))
        self.note = QLabel("\n".join(notes))
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(notes))
        self.table = _table([self.tr("File"), self.tr("Result"), self.tr("Reason or warning")])
        self.table.setObjectName("resultsTable")
        self._fill()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, cjk * 14)
        self.details = QLabel()
        self.details.setObjectName("resultDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.currentCellChanged.connect(self._show_details)
        self.problems_only = QCheckBox(self.tr("Show only files with a problem"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self._filter)
        self.problems_only.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self.copy_button = buttons.addButton(self.tr("Copy list"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAutoDefault(False)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.problems_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(cjk * 52, cjk * 32)
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)

    def _fill(self) -> None:
        warning = icons.warning_icon(18)
        for r in sorted(self.outcome.results, key=_order):
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = _cell(display_name(r.path), r.path)
            name.setData(Qt.ItemDataRole.UserRole, r.status)
            self.table.setItem(row, 0, name)
            status = _cell(status_name(r.status))
            if (r.status == "rejected" and not is_not_material(r.reason)) or r.warnings:
                status.setIcon(warning)
            self.table.setItem(row, 1, status)
            reason = reason_text(r.reason) if r.reason else "\n".join(reason_text(w) for w in r.warnings)
            self.table.setItem(row, 2, _cell(reason.replace("\n", "；"), reason))

    def _show_details(self, row: int, *_args) -> None:
        item = self.table.item(row, 2) if row >= 0 else None
        name = self.table.item(row, 0) if row >= 0 else None
        text = item.toolTip() if item is not None else ""
        self.details.setText(f"{name.toolTip()}\n{text}".strip() if name is not None else "")

    def _filter(self, problems_only: bool) -> None:
        for row in range(self.table.rowCount()):
            status = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            has_note = bool(self.table.item(row, 2).text())
            self.table.setRowHidden(row, problems_only and status != "rejected" and not has_note)

    def rows(self) -> list[tuple[str, str, str]]:
        """(path, status code, shown reason) for every file, as listed."""
        return [(self.table.item(r, 0).toolTip(), self.table.item(r, 0).data(Qt.ItemDataRole.UserRole),
                 self.table.item(r, 2).toolTip()) for r in range(self.table.rowCount())]

    def copy_to_clipboard(self) -> None:
        lines = [self.summary.text()]
        lines += ["\t".join((path, status_name(status), reason.replace("\n", " "))) for path, status, reason
                  in self.rows()]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
        self.copy_button.setText(self.tr("Copied"))

    @classmethod
    def present(cls, parent: QWidget | None, outcome: ImportOutcome) -> ImportResultsDialog:
        """Open (window-modal, without waiting) and return the dialog."""
        dialog = cls(outcome, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
