"""Choosing a patient: search as you type (name, pinyin, initials, inpatient no., ID number), Enter picks.

    row = PatientPicker.ask(session, parent)   # PatientRow, or None when cancelled

Enter picks the highlighted row (the first one after each search; ↑/↓ move it from the search box). Enter
pressed before the search has answered picks when exactly one patient matches, otherwise it highlights the
first and waits. "Register a new patient" opens PatientDialog and picks the patient it returns.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.records import PatientRow
from ui import ops
from ui.errors import show_error
from ui.geometry import GeometryStore
from ui.patients.patient_dialog import PatientDialog
from ui.patients.patient_table import COLUMNS, SAMPLES, PatientTableModel
from ui.qt_compat import emit
from ui.widgets.forms import InlineError

SEARCH_DELAY_MS = 250
LIMIT = 200
GEOMETRY_KEY = "patientPicker"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PatientPicker(QDialog):
    picked = Signal(object)  # the chosen PatientRow
    resultsShown = Signal(int)  # a search answered: how many rows are shown

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientPicker")
        self.setWindowTitle(self.tr("Choose a patient"))
        self._session = session
        self._geometry = GeometryStore(session.data_dir)
        self.result_patient: PatientRow | None = None
        self._generation = 0  # answers to an older search are dropped
        self._answered = 0
        self._pick_single = False  # Enter came before the answer: pick when exactly one matches

        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin (zhangsan or zs), inpatient/outpatient no. or ID number"))
        self.search.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        self.model = PatientTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("patientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.doubleClicked.connect(self._double_clicked)
        self._fit_columns()

        self.error = InlineError()
        self.buttons = QDialogButtonBox()
        self.new_button = QPushButton(self.tr("Register a new patient…"))
        self.new_button.setObjectName("registerPatient")
        self.choose_button = self.buttons.addButton(self.tr("Choose"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.choose_button.setObjectName("chooseButton")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.new_button.clicked.connect(self.register_new)
        self.choose_button.clicked.connect(self.pick_current)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.choose_button.setDefault(True)  # now that it is inside the dialog, which then knows it
        self.resize(max(self.table_width() + 40, 760), 520)
        self._geometry.restore(self, GEOMETRY_KEY)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.setFocus()
        self.run_search()

    @classmethod
    def ask(cls, session, parent: QWidget | None = None) -> PatientRow | None:
        dialog = cls(session, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_patient if accepted else None
        finally:
            dialog.deleteLater()

    # -- layout -----------------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        headers = self.model.headers()
        for i, key in enumerate(COLUMNS):
            width = max(metrics.horizontalAdvance(SAMPLES[key]), metrics.horizontalAdvance(headers[key]))
            self.table.setColumnWidth(i, width + 28)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def table_width(self) -> int:
        return sum(self.table.columnWidth(i) for i in range(len(COLUMNS)))

    # -- searching --------------------------------------------------------------------------------

    def is_searching(self) -> bool:
        return self._debounce.isActive() or self._answered != self._generation

    def run_search(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation, text = self._generation, self.search.text().strip()
        service, actor = self._session.ctx.patients, self._session.actor
        self.count_label.setText(self.tr("Searching…"))
        ops.run(lambda: service.search(actor, text, limit=LIMIT),
                lambda rows: self._answer(generation, rows),
                lambda exc: self._failed(generation, exc), owner=self)

    def _answer(self, generation: int, rows: list[PatientRow]) -> None:
        if generation != self._generation:
            return
        self._answered = generation
        self.error.clear_message()
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        if not rows:
            self.count_label.setText(self.tr("No patient found: register a new one?"))
        elif len(rows) >= LIMIT:
            self.count_label.setText(self.tr("First {n} patients: type more to narrow").format(n=len(rows)))
        else:
            self.count_label.setText(self.tr("{n} patient(s)").format(n=len(rows)))
        pick_single, self._pick_single = self._pick_single, False
        emit(self.resultsShown, len(rows))
        if pick_single and len(rows) == 1:
            self.pick_row(0)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._answered = generation
        self._pick_single = False
        self.count_label.clear()
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
        else:
            show_error(exc, self)

    # -- picking ----------------------------------------------------------------------------------

    def pick_current(self) -> None:
        if self.is_searching():
            self._pick_single = True  # the rows on screen are for an older text: wait for the answer
            if self._debounce.isActive():
                self.run_search()
            return
        index = self.table.currentIndex()
        self.pick_row(index.row() if index.isValid() else (0 if self.model.rowCount() == 1 else -1))

    def pick_row(self, row: int) -> None:
        patient = self.model.patient(row)
        if patient is not None:
            self._finish(patient)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.pick_row(index.row())

    def _finish(self, patient: PatientRow) -> None:
        self.result_patient = patient
        emit(self.picked, patient)
        self.accept()

    def register_new(self) -> None:
        patient = PatientDialog.ask(self._session, self)
        if patient is not None:
            self._finish(patient)

    # -- keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A focused button takes Enter itself; from the search box or the table, Enter picks.
        if event.key() in _ENTER:
            self.pick_current()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑/↓/PgUp/PgDn in the search box move the highlighted row."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            QCoreApplication.sendEvent(self.table, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self._debounce.stop()
        self._geometry.save(self, GEOMETRY_KEY)
        super().done(result)
