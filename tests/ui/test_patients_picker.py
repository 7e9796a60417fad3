"""Choosing a patient: search as you type (pinyin, initials, numbers), Enter or double-click picks."""

from datetime import date

import pytest
import ui_data
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.domain import idcard
from app.records import PatientRow
from ui import ops
from ui.patients.patient_dialog import PatientDialog
from ui.patients.patient_picker import PatientPicker
from ui.patients.patient_table import COLUMNS


@pytest.fixture
def picker(qtbot, ui_session):
    p = PatientPicker(ui_session)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: not p.is_searching(), timeout=10_000)
    return p


def names(p):
    return [p.model.rows[r].name for r in range(p.model.rowCount())]


def search(qtbot, p, text):
    with qtbot.waitSignal(p.resultsShown, timeout=10_000):
        p.search.clear()
        qtbot.keyClicks(p.search, text)  # typed, debounced, then one query


def cell(p, row, key):
    return p.model.index(row, COLUMNS.index(key)).data()


def test_lists_patients_on_opening(picker):
    assert sorted(names(picker)) == sorted(n for n, *_ in ui_data.PATIENTS)
    assert picker.table.currentIndex().row() == 0  # Enter would pick the highlighted first row


@pytest.mark.parametrize("text", ["zs", "zhangsan", "ZS", "ZY0001", "张"])
def test_finds_zhang_san(qtbot, picker, text):
    search(qtbot, picker, text) if text.isascii() else picker.search.setText(text)
    qtbot.waitUntil(lambda: not picker.is_searching(), timeout=10_000)
    assert names(picker) == ["张三"]
    assert cell(picker, 0, "hospital_number") == "ZY0001"
    assert cell(picker, 0, "birth_date") == "1960-05-01"
    assert cell(picker, 0, "sex") in ("男", "Male")


def test_finds_by_id_number_and_shows_it_masked(qtbot, picker, ui_session):
    number = idcard.make("110101", date(1990, 3, 7), 12, "F")
    ops.call(lambda: ui_session.ctx.patients.create(ui_session.actor, name="刘洋", sex="F", id_number=number))
    search(qtbot, picker, number[:12])
    assert names(picker) == ["刘洋"]
    shown = cell(picker, 0, "id_number")
    assert shown == number[:6] + "********" + number[-4:]


def test_enter_picks_the_highlighted_patient(qtbot, picker):
    search(qtbot, picker, "zs")
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picked.args[0].name == "张三"
    assert picker.result_patient.hospital_number == "ZY0001"
    assert picker.result() == QDialog.DialogCode.Accepted


def test_enter_before_the_answer_picks_a_single_match(qtbot, picker):
    with qtbot.waitSignal(picker.picked, timeout=10_000) as picked:
        qtbot.keyClicks(picker.search, "ZY0002")
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # the debounce has not fired yet
    assert picked.args[0].name == "李四"


def test_enter_before_the_answer_waits_when_several_match(qtbot, picker):
    with qtbot.waitSignal(picker.resultsShown, timeout=10_000):
        qtbot.keyClicks(picker.search, "ZY")
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.result_patient is None
    assert picker.model.rowCount() == len(ui_data.PATIENTS)


def test_arrow_keys_in_the_search_box_move_the_highlight(qtbot, picker):
    first, second = picker.model.rows[0], picker.model.rows[1]
    assert picker.table.currentIndex().row() == 0
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.table.currentIndex().row() == 1
    assert picker.search.hasFocus() or QApplication.focusWidget() in (None, picker.search)
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker.search, Qt.Key.Key_Enter)
    assert picked.args[0] == second != first


def test_enter_in_the_table_picks_the_current_row(qtbot, picker):
    picker.table.setFocus()
    picker.table.selectRow(2)
    third = picker.model.rows[2]
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    assert picked.args[0] == third


def test_double_click_picks(qtbot, picker):
    search(qtbot, picker, "wf")
    rect = picker.table.visualRect(picker.model.index(0, 0))
    qtbot.mouseClick(picker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.isVisible()  # one click only highlights
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.mouseDClick(picker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picked.args[0].name == "王芳"


def test_no_match_says_so(qtbot, picker):
    search(qtbot, picker, "ZZZ999")
    assert picker.model.rowCount() == 0
    assert picker.count_label.text()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # nothing to pick: stays open
    assert picker.isVisible() and picker.result_patient is None


def test_register_new_patient_picks_the_new_one(qtbot, picker, monkeypatch):
    new = PatientRow(99, "刘洋", "F", None, None, "ZY0099", "", "")
    calls = []

    def fake_ask(cls, session, parent=None, patient_id=None):
        calls.append((session, parent, patient_id))
        return new

    monkeypatch.setattr(PatientDialog, "ask", classmethod(fake_ask))
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    assert picked.args[0] is new and picker.result_patient is new
    assert calls == [(picker._session, picker, None)]


def test_register_new_patient_cancelled_keeps_the_picker_open(qtbot, picker, monkeypatch):
    monkeypatch.setattr(PatientDialog, "ask", classmethod(lambda cls, session, parent=None, patient_id=None: None))
    qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    assert picker.isVisible() and picker.result_patient is None


def test_ask_returns_the_chosen_patient(qtbot, ui_session):
    """The real modal loop, as the case editor calls it: type a number, Enter."""

    def drive():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PatientPicker)
        dialog.search.setText("ZY0004")
        dialog.pick_current()

    QTimer.singleShot(0, drive)
    row = PatientPicker.ask(ui_session)
    assert row is not None and row.name == "赵敏"


def test_ask_returns_none_when_cancelled(qtbot, ui_session):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert PatientPicker.ask(ui_session) is None
