"""Biomarkers: one input per marker the tumour type's template asks for, plus a free table of others."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.qt_compat import emit


class BiomarkerEditor(QWidget):
    """`values()` is the case's `biomarkers` dict: marker name -> result text (empty results left out)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("biomarkers")
        self._names: tuple[str, ...] = ()
        self.inputs: dict[str, QLineEdit] = {}
        self._read_only = False

        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)

        self.others = QTableWidget(0, 2)
        self.others.setObjectName("otherBiomarkers")
        self.others.setHorizontalHeaderLabels([self.tr("Other marker"), self.tr("Result")])
        self.others.verticalHeader().setVisible(False)
        self.others.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.others.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.others.setColumnWidth(0, self.fontMetrics().horizontalAdvance("病") * 9)
        self.others.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.others.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.others.itemChanged.connect(lambda _item: emit(self.changed))
        self.add_button = QPushButton(self.tr("Add marker"))
        self.add_button.setObjectName("addBiomarker")
        self.add_button.clicked.connect(self.add_other)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeBiomarker")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.grid_box)
        layout.addWidget(self.others)
        layout.addLayout(buttons)
        self._fit_table()

    def _fit_table(self) -> None:
        rows = max(3, self.others.rowCount() + 1)
        height = self.others.horizontalHeader().sizeHint().height() + rows * self.others.verticalHeader()\
            .defaultSectionSize() + 6
        self.others.setFixedHeight(height)

    # -- the template's markers ------------------------------------------------------------------

    def set_template(self, names: tuple[str, ...]) -> None:
        """Offer inputs for `names`; results typed for markers no longer offered move to the free table."""
        if tuple(names) == self._names:
            return
        current = self.values()
        self._names = tuple(names)
        for edit in self.inputs.values():
            edit.deleteLater()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.inputs = {}
        columns = 2
        for i, name in enumerate(self._names):
            edit = QLineEdit()
            edit.setObjectName(f"biomarker_{name}")
            edit.setPlaceholderText(self.placeholder(name))
            edit.setReadOnly(self._read_only)
            edit.textChanged.connect(lambda _t: emit(self.changed))
            caption = QLabel(name)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(caption, i // columns, (i % columns) * 2)
            self.grid.addWidget(edit, i // columns, (i % columns) * 2 + 1)
            self.inputs[name] = edit
        for c in range(columns):
            self.grid.setColumnStretch(c * 2 + 1, 1)
        self.grid_box.setVisible(bool(self._names))
        self.set_values(current)

    def placeholder(self, name: str) -> str:
        hints = {
            "EGFR": self.tr("e.g. exon 19 deletion / wild type"),
            "ALK": self.tr("positive / negative"),
            "ROS1": self.tr("positive / negative"),
            "PD-L1": self.tr("e.g. TPS 50% / CPS 10"),
            "ER": self.tr("e.g. positive 90%"),
            "PR": self.tr("e.g. positive 30%"),
            "HER2": self.tr("0 / 1+ / 2+ (FISH −/+) / 3+"),
            "Ki-67": self.tr("e.g. 30%"),
            "MSI/MMR": self.tr("MSI-H / MSS, dMMR / pMMR"),
        }
        return hints.get(name, self.tr("result"))

    # -- the free table --------------------------------------------------------------------------

    def add_other(self, name: str = "", value: str = "") -> None:
        self.others.blockSignals(True)
        row = self.others.rowCount()
        self.others.insertRow(row)
        self.others.setItem(row, 0, QTableWidgetItem(name if isinstance(name, str) else ""))
        self.others.setItem(row, 1, QTableWidgetItem(value))
        self.others.blockSignals(False)
        self._fit_table()
        if not name:
            self.others.setCurrentCell(row, 0)
            self.others.editItem(self.others.item(row, 0))
        emit(self.changed)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.others.selectedIndexes()}, reverse=True)
        for r in rows:
            self.others.removeRow(r)
        if rows:
            self._fit_table()
            emit(self.changed)

    def other_rows(self) -> list[tuple[str, str]]:
        out = []
        for r in range(self.others.rowCount()):
            name, value = self.others.item(r, 0), self.others.item(r, 1)
            out.append(((name.text() if name else "").strip(), (value.text() if value else "").strip()))
        return out

    # -- values ----------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        out = {name: edit.text().strip() for name, edit in self.inputs.items() if edit.text().strip()}
        for name, value in self.other_rows():
            if name and (value or name not in out):
                out.setdefault(name, value)
        return out

    def set_values(self, values: dict) -> None:
        values = {str(k): "" if v is None else str(v) for k, v in (values or {}).items()}
        for name, edit in self.inputs.items():
            edit.blockSignals(True)
            edit.setText(values.get(name, ""))
            edit.blockSignals(False)
        self.others.blockSignals(True)
        self.others.setRowCount(0)
        for name, value in values.items():
            if name not in self.inputs:
                row = self.others.rowCount()
                self.others.insertRow(row)
                self.others.setItem(row, 0, QTableWidgetItem(name))
                self.others.setItem(row, 1, QTableWidgetItem(value))
        self.others.blockSignals(False)
        self._fit_table()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for edit in self.inputs.values():
            edit.setReadOnly(read_only)
        self.others.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                    else QAbstractItemView.EditTrigger.AllEditTriggers)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
