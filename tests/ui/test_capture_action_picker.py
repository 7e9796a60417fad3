"""Action items: the responsible person picked from the attendees (then every user), department filled in,
due date from a date field; what is saved carries the user's account."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit
from test_capture_support import open_console, running

from app.records import UserRow
from ui.meetings.capture.action_editors import Person, people_for


def _editor(qtbot, table, row: int, col: int, kind):
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the standard "edit this cell" key
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), kind)
                    or isinstance(QApplication.focusWidget().parent(), kind))
    w = QApplication.focusWidget()
    return w if isinstance(w, kind) else w.parent()


def test_attendees_come_first_then_every_user():
    class A:  # an attendance row, as much of it as the picker reads
        def __init__(self, user_id, name, dept, signed):
            self.user_id, self.name, self.department, self.signed_in_at = user_id, name, dept, signed

    users = [UserRow(1, "a", "安医生", "physician", "attending", "外科", True),
             UserRow(2, "b", "白主任", "chair", "chief", "肿瘤科", True),
             UserRow(3, "c", "陈停用", "physician", "", "", False),
             UserRow(4, "d", "旁听", "viewer", "", "", True)]
    attendance = [A(2, "白主任", "肿瘤科", "10:00"), A(None, "邵明哲", "胸外科", "10:01"), A(1, "安医生", "外科", None)]
    assert people_for(attendance, users) == [Person(2, "白主任", "肿瘤科", True), Person(None, "邵明哲", "胸外科", True),
                                             Person(1, "安医生", "外科", False)]


def test_responsible_person_department_and_due_date_are_picked(qtbot, sample_ctx, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    c = open_console(qtbot, sample_ctx, t.h.secretary, t.meeting.id)
    actions = c.form.actions
    people = actions.responsible.people
    assert [p.name for p in people if p.attending] == ["陈主任", "刘秘书", "周海涛", "林秀英", "黄振华", "罗建平"]
    assert [p.name for p in people[6:]] == ["李医生", "王管理"]  # then the users not in the room

    row = actions.add_row()
    actions.table.item(row, 0).setText("术前肺功能检查")
    combo = _editor(qtbot, actions.table, row, 1, QComboBox)
    assert combo.itemText(0).startswith(people[0].name)
    huang = next(i for i, p in enumerate(people) if p.name == "黄振华")
    combo.setCurrentIndex(combo.findData(huang))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.table.item(row, 1).text() == "黄振华")
    assert actions.table.item(row, 2).text() == "病理科"  # the department comes from the account

    edit = _editor(qtbot, actions.table, row, 3, QDateEdit)
    assert edit.date() == QDate.currentDate().addDays(14)
    due = date.today() + timedelta(days=7)
    edit.setDate(QDate(due.year, due.month, due.day))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.table.item(row, 3).text() == due.isoformat())

    qtbot.keyClick(c, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(sample_ctx.capture.capture(t.h.secretary, t.items[0]).draft.actions))
    [a] = sample_ctx.capture.capture(t.h.secretary, t.items[0]).draft.actions
    assert (a.description, a.responsible_user_id, a.responsible_name, a.department, a.due_on) == (
        "术前肺功能检查", t.h.users["huang"].id, "黄振华", "病理科", due)

    combo = _editor(qtbot, actions.table, row, 1, QComboBox)  # a name typed by hand has no account
    combo.setEditText("县医院张医生")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions.values()[0]["responsible_name"] == "县医院张医生")
    assert actions.values()[0]["responsible_user_id"] is None
    c.close()
