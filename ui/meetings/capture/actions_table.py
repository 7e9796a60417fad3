"""The action items of a decision: description, responsible person, department, due date; rows added and removed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import ActionRow
from ui.meetings.capture.action_editors import USER_ROLE, DueDateDelegate, Person, ResponsibleDelegate
from ui.meetings.capture.common import tr
from ui.qt_compat import emit

COLUMNS = ("description", "responsible_name", "department", "due_on")
BAD_DATE = QColor("#fde2e2")


class ActionsTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("actionsTable")
        self.table.setHorizontalHeaderLabels(
            [
                tr(N("MeetingCapture", "What is to be done")),
                tr(N("MeetingCapture", "Responsible")),
                tr(N("MeetingCapture", "Department")),
                tr(N("MeetingCapture", "Due date")),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        char = self.fontMetrics().horizontalAdvance("会")
        for col, chars in ((1, 8), (2, 7), (3, 9)):  # room for a name picked from the list and a date
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, char * chars)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(self._item_changed)
        self.responsible = ResponsibleDelegate(self.table)
        self.table.setItemDelegateForColumn(1, self.responsible)
        self.table.setItemDelegateForColumn(3, DueDateDelegate(self.table))
        self.table.installEventFilter(self)
        # Tab inside a cell being edited moves to the next cell; otherwise it leaves the table.
        self.table.setTabKeyNavigation(False)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr(N("MeetingCapture", "Add action")))
        self.add_button.setObjectName("addAction")
        self.add_button.setToolTip(tr(N("MeetingCapture", "Insert in the table; Ctrl+Delete removes")))
        self.remove_button = QPushButton(tr(N("MeetingCapture", "Remove action")))
        self.remove_button.setObjectName("removeAction")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._loading = False

    def add_row(self, values: dict | None = None) -> int:
        values = values or {}
        self._loading = True
        r = self.table.rowCount()
        self.table.insertRow(r)
        for col, key in enumerate(COLUMNS):
            v = values.get(key)
            cell = QTableWidgetItem(v.isoformat() if isinstance(v, date) else (v or ""))
            if col == 1:
                cell.setData(USER_ROLE, values.get("responsible_user_id"))
            self.table.setItem(r, col, cell)
        self._loading = False
        if not values:
            self.table.setCurrentCell(r, 0)
            if self.table.isVisible():
                self.table.editItem(self.table.item(r, 0))
        return r

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Insert adds an action and starts typing its description; Ctrl+Delete removes the chosen one."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self.add_button.isEnabled():
            if event.key() == Qt.Key.Key_Insert:
                self.add_row()
                self.table.editItem(self.table.item(self.table.currentRow(), 0))
                return True
            if event.key() == Qt.Key.Key_Delete and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def set_people(self, people: list[Person]) -> None:
        """Who the responsible person is picked from: the meeting's attendees first, then every user."""
        self.responsible.people = list(people)

    def remove_selected(self) -> None:
        rows = sorted(
            {i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}, reverse=True
        )
        for r in rows:
            if r >= 0:
                self.table.removeRow(r)
        self._notify()

    def _notify(self) -> None:
        if not self._loading:
            emit(self.changed)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 3:
            ok = _parse_date(item.text()) is not False
            item.setBackground(QBrush() if ok else QBrush(BAD_DATE))
            item.setToolTip("" if ok else tr(N("MeetingCapture", "Enter a date as YYYY-MM-DD.")))
        self._notify()

    def load(self, actions: tuple[ActionRow, ...]) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for a in actions:
            self.add_row({k: getattr(a, k) for k in (*COLUMNS, "responsible_user_id")})
        self._loading = False

    def values(self) -> list[dict]:
        """The complete list; rows without a description are left out (not yet an action)."""
        out = []
        for r in range(self.table.rowCount()):
            cells = [
                (self.table.item(r, c).text().strip() if self.table.item(r, c) else "") for c in range(4)
            ]
            if not cells[0]:
                continue
            due = _parse_date(cells[3])
            who = self.table.item(r, 1).data(USER_ROLE) if self.table.item(r, 1) else None
            out.append(
                {
                    "description": cells[0],
                    "responsible_user_id": who if cells[1] else None,
                    "responsible_name": cells[1],
                    "department": cells[2],
                    "due_on": due.isoformat() if due else None,
                }
            )
        return out

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.table.setEditTriggers(triggers)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)


def _parse_date(text: str) -> date | None | bool:
    """The date, None when empty, False when not a date."""
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return False
