"""时间线 Timeline: every status change of the case, with who and when (DOMAIN.md §3)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.records import StatusEventRow


def local_time(at: datetime | None) -> str:
    """Stored times are naive UTC; people read local time."""
    if at is None:
        return ""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("timelineTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Status"), self.tr("By"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for c in range(3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.table)

    def change_text(self, event: StatusEventRow) -> str:
        to = label("case_status", event.to_status)
        if not event.from_status:
            return self.tr("created as %1").replace("%1", to)
        return f"{label('case_status', event.from_status)} → {to}"

    def show_timeline(self, events: tuple[StatusEventRow, ...]) -> None:
        self.table.setRowCount(len(events))
        for r, e in enumerate(events):
            for c, text in enumerate((local_time(e.at), self.change_text(e), e.actor, e.note)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(4)] for r in range(self.table.rowCount())]
