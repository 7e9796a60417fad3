"""The meetings screen: on the left every meeting (running, coming soonest first, then past ones), today's
meetings named above them; on the right the chosen meeting (`MeetingDetailPanel`)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.records import Actor, MeetingRow
from app.security.permissions import allowed
from ui import ops
from ui.cases.case_format import format_datetime
from ui.meetings.meeting_detail import MeetingDetailPanel
from ui.meetings.meeting_dialogs import ScheduleDialog
from ui.meetings.meeting_tools import MeetingTools
from ui.qt_compat import emit
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
    caseActivated = Signal(int)  # Enter on an agenda row: the main window opens the case

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None, session=None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingList")
        self._ctx, self._actor = ctx, actor
        self.tools = MeetingTools(session) if session is not None else None
        self._wanted: int | None = None  # the meeting to select once the list is back
        self.model = MeetingTableModel(self)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("meetingCount")
        self.summary.setWordWrap(True)
        self.today = QLabel()
        self.today.setObjectName("todayMeetings")
        self.today.setWordWrap(True)
        self.schedule_button = QPushButton(self.tr("Sch&edule meeting…"))
        self.schedule_button.setObjectName("scheduleMeeting")
        self.schedule_button.setEnabled(allowed(actor, "meeting.manage"))
        self.schedule_button.clicked.connect(self.schedule)
        self.teams_button = QPushButton(self.tr("&Teams…"))
        self.teams_button.setObjectName("openTeams")
        self.teams_button.setToolTip(self.tr("MDT teams: members, roles and the quorum rule"))
        self.teams_button.clicked.connect(self.open_teams)
        self.waiting_button = QPushButton(self.tr("&Waiting cases…"))
        self.waiting_button.setObjectName("openWaiting")
        self.waiting_button.setToolTip(self.tr("Cases waiting for a meeting, per team"))
        self.waiting_button.clicked.connect(self.open_waiting)
        self.table = QTableView()
        self.table.setObjectName("meetingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few hundred rows at most
        header.setStretchLastSection(False)
        self.table.setColumnHidden(KEYS.index("place"), True)  # the detail names it; the list stays narrow
        self.table.selectionModel().currentRowChanged.connect(self._chosen)

        self.detail = MeetingDetailPanel(ctx, actor)
        self.detail.meetingChanged.connect(self.refresh)
        self.detail.shown.connect(self._detail_shown)
        self._listed = False
        self.detail.caseActivated.connect(self._open_case)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(Heading(self.tr("Meetings")), 1)
        title_row.addWidget(self.schedule_button)
        left_layout.addLayout(title_row)
        views_row = QHBoxLayout()
        views_row.addWidget(self.waiting_button)
        views_row.addWidget(self.teams_button)
        views_row.addStretch(1)
        left_layout.addLayout(views_row)
        left.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 33)
        left_layout.addWidget(self.today)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.table, 1)
        if self.tools is not None:
            left_layout.addWidget(self.tools)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.addWidget(self.splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        meetings, actor = self._ctx.meetings, self._actor
        ops.run(lambda: (meetings.list(actor), meetings.today(actor)), self._arrived, owner=self)

    def _arrived(self, answer: tuple[list[MeetingRow], list[MeetingRow]]) -> None:
        rows, today = answer
        now = datetime.now()
        ordered = upcoming_first(rows, now)
        keep = self._wanted if self._wanted is not None else self.detail.meeting_id
        self._wanted = None
        self.model.set_rows(ordered)
        self.detail.meetings = ordered
        coming = sum(1 for r in rows if is_coming(r, now))
        if rows:
            self.summary.setText(self.tr("%n meeting(s), ", "", len(rows)) +
                                 self.tr("%n still to come.", "", coming))
        else:
            self.summary.setText(self.tr("No meetings yet. The MDT secretary schedules them."))
        self.today.setText(self._today_text(today))
        ids = [r.id for r in ordered]
        self._listed = True
        if keep in ids:
            self.select_meeting(keep)
        elif ordered:
            self.table.selectRow(0)
        else:
            self.mark_loaded()

    def _detail_shown(self) -> None:
        """Loaded (screenshot mode waits for it) once the list and the first chosen meeting are on screen."""
        if self.tools is not None:
            d = self.detail.detail
            self.tools.set_meeting(d.id if d else None, d.status if d else "")
        if self._listed and (self.detail.detail is not None or self.model.rowCount() == 0):
            self.mark_loaded()

    def _today_text(self, today: list[MeetingRow]) -> str:
        if not today:
            return self.tr("No meeting today.")
        names = "；".join(f"{r.scheduled_at:%H:%M} {r.team}（{label('meeting_status', r.status)}）" for r in today)
        return self.tr("Today: %1").replace("%1", names)

    def select_meeting(self, meeting_id: int) -> None:
        for r in range(self.model.rowCount()):
            if self.model.meeting(r).id == meeting_id:
                current = self.table.currentIndex()
                if current.isValid() and current.row() == r:
                    if self.detail.meeting_id != meeting_id:
                        self.detail.show_meeting(meeting_id)
                    return
                self.table.selectRow(r)
                return

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            meeting_id = self.model.meeting(current.row()).id
            if meeting_id != self.detail.meeting_id:
                self.detail.show_meeting(meeting_id)

    def _open_case(self, case_id: int) -> None:
        emit(self.caseActivated, case_id)
        window = self.window()
        if window is not self and hasattr(window, "open_case"):
            window.open_case(case_id)

    def open_teams(self):
        from ui.teams import open_teams

        return open_teams(self._ctx, self._actor, self.window())

    def open_waiting(self):
        from PySide6.QtCore import Qt

        from ui.meetings.waiting_view import WaitingCasesView

        view = WaitingCasesView(self._ctx, self._actor, self)
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.caseActivated.connect(self._open_case)
        view.show()
        return view

    def schedule(self) -> None:
        teams, actor = self._ctx.teams, self._actor
        ops.run(lambda: teams.list(actor), self._ask_schedule, owner=self)

    def _ask_schedule(self, teams) -> None:
        values = ScheduleDialog.ask(self, list(teams))
        if values is None:
            return
        meetings, actor = self._ctx.meetings, self._actor

        def scheduled(detail) -> None:
            self._wanted = detail.id
            self.refresh()

        ops.run(lambda: meetings.schedule(actor, **values), scheduled, owner=self)
