"""Cell editors of the action items: the responsible person from a picker (the meeting's attendees first, then
every user; a name can still be typed) and the due date from a date field."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyledItemDelegate, QTableWidget, QWidget

from app.i18n import QT_TRANSLATE_NOOP as N
from ui.meetings.capture.common import tr

USER_ROLE = Qt.ItemDataRole.UserRole
DEPARTMENT_COLUMN = 2
Index = QModelIndex | QPersistentModelIndex


class Person(NamedTuple):
    user_id: int | None  # None: a guest without an account
    name: str
    department: str
    attending: bool  # in the meeting now (listed first)


def people_for(attendance, users) -> list[Person]:
    """Attendees who signed in, then the other active users, each once (by account, else by name)."""
    out: list[Person] = []
    seen: set = set()
    for a in attendance:
        key = a.user_id if a.user_id is not None else a.name
        if a.signed_in_at is not None and key not in seen:
            seen.add(key)
            out.append(Person(a.user_id, a.name, a.department, True))
    for u in sorted(users, key=lambda u: u.display_name):
        if u.is_active and u.id not in seen and u.role != "viewer":
            seen.add(u.id)
            out.append(Person(u.id, u.display_name, u.department, False))
    return out


def person_label(p: Person) -> str:
    return f"{p.name} · {p.department}" if p.department else p.name


class ResponsibleDelegate(QStyledItemDelegate):
    """An editable combo box of people; choosing one fills in the department if it is still empty."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.people: list[Person] = []

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        combo.setObjectName("responsiblePicker")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        first_other = next((i for i, p in enumerate(self.people) if not p.attending), None)
        for i, p in enumerate(self.people):
            if i == first_other and i > 0:
                combo.insertSeparator(combo.count())
            combo.addItem(person_label(p), i)
        combo.view().setMinimumWidth(combo.fontMetrics().horizontalAdvance("会") * 14)
        combo.setToolTip(tr(N("MeetingCapture", "Attendees first, then every user; or type a name")))
        return combo

    def setEditorData(self, editor: QComboBox, index: Index) -> None:  # noqa: N802 - Qt override
        name, user_id = index.data() or "", index.data(USER_ROLE)
        at = next((i for i, p in enumerate(self.people) if p.user_id is not None and p.user_id == user_id), None)
        if at is None:
            at = next((i for i, p in enumerate(self.people) if p.name == name), None)
        if at is not None:
            editor.setCurrentIndex(editor.findData(at))
        else:
            editor.setCurrentIndex(-1)
            editor.setEditText(name)

    def setModelData(self, editor: QComboBox, model, index: Index) -> None:  # noqa: N802 - Qt override
        text = editor.currentText().strip()
        chosen = editor.currentData()
        person = self.people[chosen] if isinstance(chosen, int) and person_label(self.people[chosen]) == text else None
        if person is None:  # typed by hand: a name without an account
            model.setData(index, None, USER_ROLE)
            model.setData(index, text)
            return
        model.setData(index, person.user_id, USER_ROLE)
        model.setData(index, person.name)
        department = model.index(index.row(), DEPARTMENT_COLUMN)
        if not (department.data() or "").strip() and person.department:
            model.setData(department, person.department)


class DueDateDelegate(QStyledItemDelegate):
    """A date field (calendar pop-up, arrow keys); an empty cell starts two weeks from today."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802 - Qt override
        edit = QDateEdit(parent)
        edit.setObjectName("dueDateEdit")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def setEditorData(self, editor: QDateEdit, index: Index) -> None:  # noqa: N802 - Qt override
        try:
            when = date.fromisoformat((index.data() or "").strip())
        except ValueError:
            when = date.today() + timedelta(days=14)
        editor.setDate(QDate(when.year, when.month, when.day))

    def setModelData(self, editor: QDateEdit, model, index: Index) -> None:  # noqa: N802 - Qt override
        model.setData(index, editor.date().toString("yyyy-MM-dd"))
