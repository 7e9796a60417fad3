"""The statistics filters: the period (the last twelve months unless chosen), the team, the tumour type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from app.closed_loop_records import StatsFilter
from app.domain.vocab import codes, label
from app.records import TeamRow
from ui.qt_compat import emit

CHANGE_DELAY_MS = 300  # typing a date fires on every digit: wait for the user to stop


def default_period(today: date) -> tuple[date, date]:
    """The twelve whole months up to today: from the first of the month a year minus eleven months ago."""
    y, m = today.year - 1, today.month + 1
    if m == 13:
        y, m = y + 1, 1
    return date(y, m, 1), today


class StatsFilterBar(QWidget):
    changed = Signal()  # after the user stopped changing a filter

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        start, end = default_period(today)
        self.date_from = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_from.setObjectName("statsFrom")
        self.date_to = QDateEdit(QDate(end.year, end.month, end.day))
        self.date_to.setObjectName("statsTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.team = QComboBox()
        self.team.setObjectName("statsTeam")
        self.team.addItem(self.tr("All teams"), None)
        self.tumour = QComboBox()
        self.tumour.setObjectName("statsTumour")
        self.tumour.addItem(self.tr("All tumour types"), "")
        for code in codes("tumour_type"):
            self.tumour.addItem(label("tumour_type", code), code)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for text, widget in ((self.tr("Fro&m"), self.date_from), (self.tr("T&o"), self.date_to),
                             (self.tr("T&eam"), self.team), (self.tr("T&umour type"), self.tumour)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            row.addSpacing(6)
        row.addStretch(1)

        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(CHANGE_DELAY_MS)
        self._delay.timeout.connect(lambda: emit(self.changed))
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged, self.team.currentIndexChanged,
                       self.tumour.currentIndexChanged):
            signal.connect(lambda *_: self._delay.start())

    def set_teams(self, teams: list[TeamRow]) -> None:
        chosen = self.team.currentData()
        self.team.blockSignals(True)
        while self.team.count() > 1:
            self.team.removeItem(1)
        for t in teams:
            self.team.addItem(t.name, t.id)
        found = self.team.findData(chosen)
        self.team.setCurrentIndex(found if found >= 0 else 0)
        self.team.blockSignals(False)

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def current(self) -> StatsFilter:
        return StatsFilter(self.date_from.date().toPython(), self.date_to.date().toPython(),
                           self.team.currentData(), self.tumour.currentData() or "")

    def pending(self) -> bool:
        return self._delay.isActive()

    def settle(self) -> None:
        """Forget a change not yet announced (the caller refreshes itself)."""
        self._delay.stop()
