"""A small two-column table of counts (deviation reasons, attendance per expert or discipline) under a title.
A card whose rows count cases says so (`lists_cases`): a click on a row, or Enter, asks for them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.qt_compat import emit

VISIBLE_ROWS = 8  # more rows scroll inside the card


class CountCard(QFrame):
    rowActivated = Signal(int)

    def __init__(self, title: str, what: str, count: str, empty: str, parent: QWidget | None = None,
                 lists_cases: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("statsCard")
        self._empty = empty
        self.title = QLabel(title)
        self.title.setObjectName("statsCardTitle")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([what, count])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        row_height = int(self.fontMetrics().height() * 1.6)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setFixedHeight(row_height * (VISIBLE_ROWS + 1) + 6)
        if lists_cases:
            self.table.cellClicked.connect(lambda row, _col: emit(self.rowActivated, row))
            self.table.cellActivated.connect(lambda row, _col: emit(self.rowActivated, row))
            self.table.setCursor(Qt.CursorShape.PointingHandCursor)
            self.table.setToolTip(self.tr("Click a row (or press Enter on it) to list its cases."))
        self.note = QLabel()
        self.note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.note)

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        self.table.setRowCount(len(rows))
        for r, (name, n) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            count = QTableWidgetItem(str(n))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 1, count)
        self.note.setText("" if rows else self._empty)

    def rows(self) -> list[tuple[str, int]]:
        return [(self.table.item(r, 0).text(), int(self.table.item(r, 1).text()))
                for r in range(self.table.rowCount())]
