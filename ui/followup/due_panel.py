"""The secretary's list: every follow-up due in a period (done, lost or still open), per team, with the
doctor responsible, so nobody has to keep a spreadsheet of who is to be called."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.closed_loop_records import DueFollowUp
from app.records import Actor
from ui import ops
from ui.followup.execution_dialog import pydate, qdate
from ui.followup.table_view import WorkTable
from ui.followup.tables import PeriodModel
from ui.qt_compat import emit


class DuePanel(QWidget):
    loaded = Signal()

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsDue")
        self._ctx, self._actor = ctx, actor
        today = date.today()
        self.date_from = self._date("dueFrom", today - timedelta(days=30))
        self.date_to = self._date("dueTo", today + timedelta(days=30))
        self.team = QComboBox()
        self.team.setObjectName("dueTeam")
        self.team.addItem(self.tr("All teams"), None)
        self.show_button = QPushButton(self.tr("Sho&w"))
        self.show_button.setObjectName("showDue")
        self.show_button.clicked.connect(self.refresh)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("dueSummary")
        self.model = PeriodModel(self)
        self.table = WorkTable(self.model, "dueTable")
        bar = QHBoxLayout()
        for text, w in ((self.tr("Fro&m"), self.date_from), (self.tr("&To"), self.date_to),
                        (self.tr("T&eam"), self.team)):
            label = QLabel(text)
            label.setBuddy(w)
            bar.addWidget(label)
            bar.addWidget(w)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        teams, who = ctx.teams, actor
        ops.run(lambda: teams.list(who), self._teams_arrived, owner=self)

    def _date(self, name: str, d: date) -> QDateEdit:
        edit = QDateEdit(qdate(d))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _teams_arrived(self, teams) -> None:
        for t in teams:
            self.team.addItem(t.name, t.id)
        self.refresh()

    def period(self) -> tuple[date, date]:
        return pydate(self.date_from.date()), pydate(self.date_to.date())

    def refresh(self) -> None:
        start, end = self.period()
        team_id = self.team.currentData()
        followups, actor = self._ctx.followups, self._actor
        ops.run(lambda: followups.due(actor, start, end, team_id), self._arrived, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.summary.setText("")
        show_error(exc, self)

    def _arrived(self, rows: list[DueFollowUp]) -> None:
        self.model.set_rows(rows)
        open_ = sum(1 for r in rows if r.done_at is None)
        overdue = sum(1 for r in rows if r.overdue)
        if rows:
            self.summary.setText(self.tr("%1 follow-up(s) due in the period: %2 done, %3 open, %4 overdue.")
                                 .replace("%1", str(len(rows))).replace("%2", str(len(rows) - open_))
                                 .replace("%3", str(open_)).replace("%4", str(overdue)))
            self.table.selectRow(0)
        else:
            self.summary.setText(self.tr("No follow-up falls due in this period."))
        emit(self.loaded)

    def current(self) -> DueFollowUp | None:
        row = self.table.current_row()
        return self.model.row_at(row) if row >= 0 else None
