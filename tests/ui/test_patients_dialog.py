"""Registering a patient: the ID number is checked as it is typed, cross-checked, and duplicates are offered.

Assertions look at field states and at what the services stored, or accept either language: the Chinese
strings of ui/patients are merged into the catalogue by the lead (resources/i18n/pending/patients.json).
"""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QDialog

from app.domain import idcard
from ui import ops
from ui.patients.id_check import check_id_number
from ui.patients.patient_dialog import PatientDialog

BORN = date(1990, 3, 7)
GOOD_ID = idcard.make("110101", BORN, 12, "F")  # a woman born 1990-03-07
BAD_ID = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")  # the check digit no longer matches


@pytest.fixture
def dialog(qtbot, ui_session):
    d = PatientDialog(ui_session)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def stored(session, text):
    """What the database holds, asked on the worker like the GUI does."""
    return ops.call(lambda: session.ctx.patients.search(session.actor, text))


def type_into(qtbot, widget, text):
    """Typed as a clerk types: keys for ASCII, the input method's commit for Chinese (QTest cannot key it)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QCoreApplication.sendEvent(widget, event)


def test_id_check_says_why_a_number_is_wrong():
    assert check_id_number("").state == "empty"
    partial = check_id_number("11010119900307")
    assert partial.state == "partial" and "14" in partial.message
    assert check_id_number("110101A99003071209").state == "invalid"
    assert check_id_number("110101199013071209").state == "invalid"  # month 13
    assert "1990-13" not in check_id_number("110101199013071209").message
    assert check_id_number(BAD_ID).state == "invalid"
    good = check_id_number(GOOD_ID.lower() if GOOD_ID.endswith("X") else GOOD_ID)
    assert good.state == "valid" and good.info.birth_date == BORN and good.info.sex == "F"


def test_invalid_id_shows_an_inline_reason_and_blocks_saving(qtbot, dialog, ui_session):
    type_into(qtbot, dialog.name, "王小红")
    type_into(qtbot, dialog.id_number, BAD_ID)
    error = dialog.id_status.error
    assert error.isVisible()
    assert "17" in error.text()  # the check digit against the other 17 (either language)
    assert not dialog.id_status.offer.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.is_idle(), "nothing may reach the service with an invalid ID number"
    assert dialog.isVisible() and dialog.result_patient is None
    assert dialog.id_status.error.isVisible()
    assert dialog.focusWidget() is dialog.id_number
    assert stored(ui_session, "王小红") == []


def test_a_short_id_number_blocks_saving_with_its_length(qtbot, dialog):
    type_into(qtbot, dialog.name, "王小红")
    type_into(qtbot, dialog.id_number, "11010119900307")
    assert dialog.id_status.hint.isVisible() and "14" in dialog.id_status.hint.text()
    dialog.save()
    assert ops.is_idle()
    assert dialog.id_status.error.isVisible() and "14" in dialog.id_status.error.text()


def test_a_valid_id_offers_birth_date_and_sex_and_fills_them_on_click(qtbot, dialog):
    type_into(qtbot, dialog.id_number, GOOD_ID)
    offer = dialog.id_status.offer
    assert offer.isVisible()
    assert "1990-03-07" in offer.text() and ("女" in offer.text() or "Female" in offer.text())
    assert dialog.sex.currentData() == "U" and dialog.birth.value() is None  # offered, not imposed

    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert dialog.sex.currentData() == "F"
    assert dialog.birth.value() == BORN
    assert not dialog.birth.unknown.isChecked()
    assert not offer.isVisible() and dialog.id_status.ok.isVisible()


def test_mismatched_sex_blocks_saving_with_the_message(qtbot, dialog, ui_session):
    type_into(qtbot, dialog.name, "王小红")
    type_into(qtbot, dialog.id_number, GOOD_ID)
    dialog.sex.setCurrentIndex(dialog.sex.findData("M"))
    sex_error = dialog.boxes["sex"].error
    assert sex_error.isVisible()
    assert "女" in sex_error.text() or "Female" in sex_error.text()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ops.is_idle() and dialog.isVisible() and dialog.result_patient is None
    assert sex_error.isVisible()
    assert stored(ui_session, "王小红") == []

    dialog.birth.set_value(date(1991, 3, 7))
    assert dialog.boxes["birth_date"].error.isVisible()
    assert "1990-03-07" in dialog.boxes["birth_date"].error.text()

    qtbot.mouseClick(dialog.id_status.offer, Qt.MouseButton.LeftButton)  # take the ID number's facts
    assert not sex_error.isVisible() and not dialog.boxes["birth_date"].error.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = saved.args[0]
    assert (row.name, row.sex, row.birth_date, row.id_number) == ("王小红", "F", BORN, GOOD_ID)
    assert dialog.result_patient == row and dialog.result() == QDialog.DialogCode.Accepted
    assert [p.id for p in stored(ui_session, "王小红")] == [row.id]


def test_a_duplicate_inpatient_number_offers_the_registered_patient(qtbot, dialog, ui_session):
    zhang = stored(ui_session, "ZY0001")[0]
    type_into(qtbot, dialog.name, "张三丰")
    type_into(qtbot, dialog.hospital_number, "ZY0001")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.duplicate.isVisible(), timeout=10_000)
    text = dialog.duplicate.text.text()
    assert "张三" in text and "ZY0001" in text
    assert dialog.duplicate.use_button.isVisible()
    assert dialog.result_patient is None and dialog.isVisible()

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.duplicate.use_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].id == zhang.id
    assert dialog.result_patient == zhang
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored(ui_session, "张三丰") == []


def test_a_service_validation_error_shows_next_to_its_field(qtbot, dialog):
    type_into(qtbot, dialog.name, "王小红")
    type_into(qtbot, dialog.phone, "12345")
    dialog.save()
    phone_error = dialog.boxes["phone"].error
    qtbot.waitUntil(phone_error.isVisible, timeout=10_000)
    assert "11" in phone_error.text()  # "a mobile number has 11 digits", either language
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.phone, "6")
    assert not phone_error.isVisible()  # typing in the field takes its error away


def test_enter_saves(qtbot, dialog):
    type_into(qtbot, dialog.name, "刘洋")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert saved.args[0].name == "刘洋" and saved.args[0].sex == "U"


def test_escape_asks_before_discarding_what_was_typed(qtbot, dialog, monkeypatch):
    answers = []

    def confirm(answer):
        def ask():
            answers.append(answer)
            return answer
        return ask

    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible() and answers == []

    dialog.show()
    type_into(qtbot, dialog.name, "刘")
    monkeypatch.setattr(dialog, "confirm_discard", confirm(False))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == [False]
    monkeypatch.setattr(dialog, "confirm_discard", confirm(True))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == [False, True]
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.result_patient is None


def test_pasting_a_full_address_fills_its_parts(qtbot, dialog):
    QGuiApplication.clipboard().setText("河南省周口市郸城县汲冢镇王庄村3组")
    dialog.address.paste.setFocus()
    qtbot.keySequence(dialog.address.paste, QKeySequence.StandardKey.Paste)
    assert dialog.address.values() == {"province": "河南省", "city": "周口市", "county": "郸城县",
                                       "township": "汲冢镇", "address_detail": "王庄村3组"}
    type_into(qtbot, dialog.name, "刘洋")
    dialog.insurance.setCurrentIndex(dialog.insurance.findData("新农合"))
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save()
    assert saved.args[0].address == "河南省周口市郸城县汲冢镇王庄村3组"


def test_unknown_birth_date_is_not_a_date(qtbot, dialog):
    assert dialog.birth.unknown.isChecked() and dialog.birth.value() is None
    dialog.birth.unknown.setChecked(False)
    dialog.birth.edit.setDate(dialog.birth.edit.date().addYears(5))
    chosen = dialog.birth.value()
    assert chosen is not None
    dialog.birth.unknown.setChecked(True)
    assert dialog.birth.value() is None and not dialog.birth.edit.isEnabled()
    dialog.birth.unknown.setChecked(False)
    assert dialog.birth.value() == chosen  # unticking brings back the date that was there


def test_editing_loads_the_patient_and_saves_changes(qtbot, ui_session):
    zhang = stored(ui_session, "ZY0001")[0]
    d = PatientDialog(ui_session, patient_id=zhang.id)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.is_loaded, timeout=10_000)
    assert d.name.text() == "张三" and d.hospital_number.text() == "ZY0001"
    assert d.birth.value() == zhang.birth_date and d.sex.currentData() == "M"
    assert not d.is_dirty()
    type_into(qtbot, d.phone, "13912345678")
    with qtbot.waitSignal(d.saved, timeout=10_000) as saved:
        d.save()
    assert saved.args[0].id == zhang.id and saved.args[0].phone == "13912345678"


def test_editing_to_another_patients_number_offers_no_swap(qtbot, ui_session):
    zhang = stored(ui_session, "ZY0001")[0]
    d = PatientDialog(ui_session, patient_id=zhang.id)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.is_loaded, timeout=10_000)
    d.hospital_number.setText("ZY0002")
    d.save()
    qtbot.waitUntil(d.duplicate.isVisible, timeout=10_000)
    assert "李四" in d.duplicate.text.text()
    assert not d.duplicate.use_button.isVisible()  # editing 张三 must not turn into picking 李四


def test_tab_goes_down_the_identity_column_first(qtbot, dialog):
    dialog.activateWindow()
    dialog.name.setFocus()
    order = []
    for _ in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    # the hidden offer and the disabled date ("not known" is ticked) are skipped
    assert order == [dialog.id_number, dialog.sex, dialog.birth.unknown]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.hospital_number
