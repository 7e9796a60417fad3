"""The meetings screen: every meeting, the coming ones first (soonest on top), then the past ones."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.domain.vocab import label
from app.records import Actor, MeetingRow
from ui import ops
from ui.cases.case_format import format_datetime
from ui.widgets.heading import Heading
from ui.widgets.section import SectionView

Index = QModelIndex | QPersistentModelIndex
KEYS = ("scheduled_at", "team", "place", "status", "agenda_count", "attendee_count")


def is_coming(r: MeetingRow, now: datetime) -> bool:
    return r.status == "planned" and r.scheduled_at >= now


def upcoming_first(rows: list[MeetingRow], now: datetime) -> list[MeetingRow]:
    """Meetings running now, then the coming ones (soonest first), then the rest (latest first)."""
    running = [r for r in rows if r.status == "in_progress"]
    coming = sorted((r for r in rows if r.status != "in_progress" and is_coming(r, now)),
                    key=lambda r: (r.scheduled_at, r.id))
    rest = sorted((r for r in rows if r.status != "in_progress" and not is_coming(r, now)),
                  key=lambda r: (r.scheduled_at, r.id), reverse=True)
    return running + coming + rest


class MeetingTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingRow] = []

    def set_rows(self, rows: list[MeetingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def meeting(self, row: int) -> MeetingRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Date and time"), self.tr("Team"), self.tr("Place"), self.tr("Status"),
                  self.tr("Cases on agenda"), self.tr("Signed in"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = KEYS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("agenda_count", "attendee_count"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        m = self._rows[index.row()]
        if key == "scheduled_at":
            return format_datetime(m.scheduled_at)
        if key == "status":
            return label("meeting_status", m.status)
        return str(getattr(m, key))


class MeetingListView(SectionView):
    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingList")
        self._ctx, self._actor = ctx, actor
        self.model = MeetingTableModel(self)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("meetingCount")
        self.table = QTableView()
        self.table.setObjectName("meetingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few hundred rows at most
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addWidget(Heading(self.tr("Meetings")))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        meetings, actor = self._ctx.meetings, self._actor
        ops.run(lambda: meetings.list(actor), self._arrived, owner=self)

    def _arrived(self, rows: list[MeetingRow]) -> None:
        now = datetime.now()
        ordered = upcoming_first(rows, now)
        self.model.set_rows(ordered)
        coming = sum(1 for r in rows if is_coming(r, now))
        if rows:
            self.summary.setText(self.tr("%n meeting(s), ", "", len(rows)) +
                                 self.tr("%n still to come.", "", coming))
        else:
            self.summary.setText(self.tr("No meetings yet. The MDT secretary schedules them."))
        self.mark_loaded()
