"""The DOMAIN.md §6 indicators as a table: the figure, what it was computed from, the target and the
definition right next to it. A click on a figure (or Enter on its row) asks for the cases behind it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.closed_loop_records import Indicator
from ui.qt_compat import emit

COL_TITLE, COL_VALUE, COL_BASIS, COL_TARGET, COL_DEFINITION = range(5)
CLICKABLE = (COL_VALUE, COL_BASIS)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
LINK = QColor("#1f5fae")
BELOW_TARGET = QColor("#b23b2e")


def definition_text(ind: Indicator) -> str:
    return QCoreApplication.translate("statistics", ind.definition)


def title_text(ind: Indicator) -> str:
    return QCoreApplication.translate("statistics", ind.title)


class IndicatorTable(QTableWidget):
    casesRequested = Signal(str, bool)  # indicator key, numerator only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("statsIndicators")
        self.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Value"), self.tr("Counted"),
                                        self.tr("Target"), self.tr("Definition")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        em = self.fontMetrics().horizontalAdvance("病")
        for col, width in ((COL_TITLE, 15), (COL_VALUE, 6), (COL_BASIS, 7), (COL_TARGET, 4)):
            self.setColumnWidth(col, em * width)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DEFINITION, QHeaderView.ResizeMode.Stretch)
        self.cellClicked.connect(self._clicked)
        self.indicators: list[Indicator] = []

    def set_indicators(self, indicators: list[Indicator]) -> None:
        self.indicators = list(indicators)
        self.setRowCount(len(indicators))
        for row, ind in enumerate(indicators):
            cells = (title_text(ind), self.value_text(ind), self.basis_text(ind), self.target_text(ind),
                     definition_text(ind))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, ind.key)
                if col in CLICKABLE and ind.denominator:
                    item.setForeground(LINK)
                    item.setToolTip(self.tr("Click to list the cases behind this figure"))
                    font = item.font()
                    font.setUnderline(True)
                    item.setFont(font)
                if col in (COL_VALUE, COL_BASIS, COL_TARGET):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == COL_VALUE and _below_target(ind):
                    item.setForeground(BELOW_TARGET)
                if col == COL_DEFINITION:
                    item.setToolTip(text)
                self.setItem(row, col, item)
        self.resizeRowsToContents()
        self.fit_height()

    def fit_height(self) -> None:
        """The table shows every indicator; the page scrolls, not the table."""
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.rowCount():
            self.resizeRowsToContents()  # the definitions wrap differently at another width
            self.fit_height()

    def value_text(self, ind: Indicator) -> str:
        if ind.value is None:
            return "—"
        if ind.kind == "share":
            return f"{ind.value * 100:.1f}%"
        if ind.kind == "median":
            return self.tr("%1 d").replace("%1", f"{ind.value:g}")
        return str(int(ind.value))

    def basis_text(self, ind: Indicator) -> str:
        if ind.kind == "share":
            return f"{ind.numerator} / {ind.denominator}"
        return str(ind.denominator)

    def target_text(self, ind: Indicator) -> str:
        return f"≥{ind.target * 100:.0f}%" if ind.target is not None else ""

    def _clicked(self, row: int, col: int) -> None:
        if col in CLICKABLE and 0 <= row < len(self.indicators):
            self.request(row, numerator=col == COL_VALUE)

    def request(self, row: int, numerator: bool = False) -> None:
        ind = self.indicators[row]
        if ind.denominator:
            emit(self.casesRequested, ind.key, numerator and ind.kind == "share")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.request(self.currentRow())
            return
        super().keyPressEvent(event)


def _below_target(ind: Indicator) -> bool:
    return ind.target is not None and ind.value is not None and ind.value < ind.target
