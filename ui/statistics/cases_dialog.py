"""The cases behind a figure: the list medical affairs checks a number against; Enter or a double click
opens a case in its editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.records import CaseRow
from ui import ops
from ui.qt_compat import emit

MAX_ROWS = 2000  # a list longer than this is not read row by row; the count says how many there are
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CasesDialog(QDialog):
    caseActivated = Signal(int)

    def __init__(self, title: str, load: Callable[[bool], list[int]], rows: Callable[[list[int]], list[CaseRow]],
                 numerator: bool, can_narrow: bool, parent: QWidget | None = None) -> None:
        """`load(numerator)` gives the case ids (on the worker), `rows(ids)` their list rows."""
        super().__init__(parent)
        self.setObjectName("statsCases")
        self.setWindowTitle(title)
        self._load, self._rows = load, rows
        self._generation = 0
        self.case_ids: list[int] = []
        self.heading = QLabel(title)
        self.heading.setObjectName("statsCardTitle")
        self.heading.setWordWrap(True)
        self.narrow = QCheckBox(self.tr("&Only the cases that meet the indicator"))
        self.narrow.setObjectName("statsNarrow")
        self.narrow.setChecked(numerator)
        self.narrow.setVisible(can_narrow)
        self.narrow.toggled.connect(lambda _: self.reload())
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("statsCaseTable")
        self.table.setHorizontalHeaderLabels([self.tr("Case no."), self.tr("Patient"), self.tr("Tumour type"),
                                              self.tr("Diagnosis"), self.tr("Team"), self.tr("Status"),
                                              self.tr("Applied on")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("&Open case"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.narrow)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("病")
        self.resize(em * 64, em * 36)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation, numerator = self._generation, self.narrow.isChecked()
        load, rows = self._load, self._rows

        def fetch() -> tuple[list[int], list[CaseRow]]:
            ids = load(numerator)
            return ids, rows(ids[:MAX_ROWS])

        self.count.setText(self.tr("Loading…"))
        ops.run(fetch, lambda got: self._arrived(generation, *got), owner=self)

    def _arrived(self, generation: int, ids: list[int], rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return  # the checkbox changed meanwhile: a newer list is on its way
        self.case_ids = ids
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.case_no, row.patient_name, label("tumour_type", row.tumour_type), row.diagnosis, row.team,
                     label("case_status", row.status), row.applied_on.isoformat() if row.applied_on else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, row.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        text = self.tr("Cases: %1").replace("%1", str(len(ids)))
        if len(ids) > len(rows):
            text += " " + self.tr("(the first %1 are listed)").replace("%1", str(len(rows)))
        self.count.setText(text)

    def shown_case_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(CASE_ID_ROLE) for r in range(self.table.rowCount())]

    def open_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            emit(self.caseActivated, self.table.item(row, 0).data(CASE_ID_ROLE))
