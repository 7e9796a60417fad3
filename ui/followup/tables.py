"""Table models of the follow-up section: one per list (action items, decisions awaiting their execution
status, follow-ups due, and the secretary's period list). Overdue rows are tinted and say by how much."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.closed_loop_records import DueFollowUp, WorkItem
from app.domain.closed_loop import EXECUTION_STATUSES
from app.i18n import QT_TRANSLATE_NOOP as N
from ui.cases.case_format import format_date
from ui.followup.labels import (
    DONE_TEXT,
    MUTED_TEXT,
    OVERDUE_BACKGROUND,
    OVERDUE_TEXT,
    code_label,
    due_text,
    months_text,
    one_line,
)
from ui.widgets.record_table import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[object], str]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpTables", text)


class RowsModel(RecordTableModel):
    """Frozen records, one column per (title, cell) pair; `STATUS` is the column that says how due a row is."""

    COLUMNS: tuple[Column, ...] = ()
    STATUS = -1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def titles(self) -> list[str]:
        return [_tr(title) for title, _cell in self.COLUMNS]

    def set_rows(self, rows) -> None:
        self.today = date.today()  # "overdue by N days" counts from the day the list was filled
        super().set_rows(rows)

    def overdue(self, r) -> bool:
        return bool(getattr(r, "overdue", False))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.COLUMNS[index.column()][1](self, r)
        if role == Qt.ItemDataRole.BackgroundRole and self.overdue(r):
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and self.overdue(r):
            return OVERDUE_TEXT
        if index.column() == self.STATUS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self.status_colour(r)
            if role == Qt.ItemDataRole.FontRole and self.overdue(r):
                bold = QFont()
                bold.setBold(True)
                return bold
        return None

    def status_colour(self, r):
        return OVERDUE_TEXT if self.overdue(r) else None


def _due(m: RowsModel, r) -> str:
    return format_date(r.due_on)


def _status(m: RowsModel, r) -> str:
    return due_text(r.due_on, m.today)


class ActionModel(RowsModel):
    COLUMNS = ((N("FollowUpTables", "Due"), _due), (N("FollowUpTables", "Status"), _status),
               (N("FollowUpTables", "Case no."), lambda m, r: r.case_no),
               (N("FollowUpTables", "Patient"), lambda m, r: r.patient_name),
               (N("FollowUpTables", "Action item"), lambda m, r: one_line(r.text, 80)))
    STATUS = 1


def _execution_status(m: RowsModel, r: WorkItem) -> str:
    if r.status:  # already recorded (shown for correction): what was recorded
        return code_label(EXECUTION_STATUSES, r.status)
    return due_text(r.due_on, m.today)


class ExecutionModel(RowsModel):
    COLUMNS = ((N("FollowUpTables", "Due / recorded on"), _due), (N("FollowUpTables", "Status"), _execution_status),
               (N("FollowUpTables", "Case no."), lambda m, r: r.case_no),
               (N("FollowUpTables", "Patient"), lambda m, r: r.patient_name),
               (N("FollowUpTables", "Decision"), lambda m, r: one_line(r.text, 80)))
    STATUS = 1

    def status_colour(self, r: WorkItem):
        return DONE_TEXT if r.status else super().status_colour(r)


class FollowUpModel(RowsModel):
    COLUMNS = ((N("FollowUpTables", "Due"), _due), (N("FollowUpTables", "Status"), _status),
               (N("FollowUpTables", "Case no."), lambda m, r: r.case_no),
               (N("FollowUpTables", "Patient"), lambda m, r: r.patient_name),
               (N("FollowUpTables", "Follow-up"), lambda m, r: months_text(r.text)))
    STATUS = 1


def _period_status(m: RowsModel, r: DueFollowUp) -> str:
    if r.lost:
        return _tr(N("FollowUpTables", "Lost to follow-up"))
    if r.done_at is not None:
        return _tr(N("FollowUpTables", "Done %1")).replace("%1", format_date(r.done_at.date()))
    return due_text(r.due_on, m.today)


class PeriodModel(RowsModel):
    """The secretary's list: every follow-up due in the period, with who is responsible and how it stands."""

    COLUMNS = ((N("FollowUpTables", "Due"), _due), (N("FollowUpTables", "Status"), _period_status),
               (N("FollowUpTables", "Case no."), lambda m, r: r.case_no),
               (N("FollowUpTables", "Patient"), lambda m, r: r.patient_name),
               (N("FollowUpTables", "Team"), lambda m, r: r.team),
               (N("FollowUpTables", "Follow-up"), lambda m, r: months_text(r.months_after)),
               (N("FollowUpTables", "Responsible doctor"), lambda m, r: r.responsible))
    STATUS = 1

    def status_colour(self, r: DueFollowUp):
        if self.overdue(r):
            return OVERDUE_TEXT
        if r.lost:
            return MUTED_TEXT
        return DONE_TEXT if r.done_at is not None else None


def work_case(r: WorkItem | DueFollowUp) -> tuple[int, str]:
    return r.case_id, r.case_no
