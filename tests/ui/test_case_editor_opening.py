"""Reaching the editor: from the case list (Enter, double-click, New case), and at login for unsaved drafts."""

import sys
import types
from datetime import date, timedelta

import pytest
import ui_data
from PySide6.QtCore import Qt
from test_case_editor_support import PICKER_MODULE, fake_panel, type_into

from ui.cases.case_table_model import COLUMN_INDEX
from ui.cases.editor.autosave import ENTITY
from ui.cases.editor.dialogs import PendingDraftsDialog, UnsavedChangesDialog
from ui.cases.editor.window import CaseEditor
from ui.main_window import MainWindow

FIXTURES = (fake_panel,)


@pytest.fixture
def window(qtbot, ui_session, fake_panel):
    w = MainWindow(ui_session)
    qtbot.addWidget(w, before_close_func=lambda w: [setattr(e, "_force_close", True) for e in w.editors()])
    w.show()
    qtbot.waitUntil(lambda: w.view("cases").is_loaded, timeout=10_000)
    return w


def loaded_editor(qtbot, window) -> CaseEditor:
    qtbot.waitUntil(lambda: bool(window.editors()), timeout=10_000)
    editor = window.editors()[-1]
    qtbot.waitUntil(lambda: editor.detail is not None and editor.baseline is not None, timeout=10_000)
    return editor


def test_enter_on_a_row_opens_the_case_in_its_editor(qtbot, window):
    cases = window.view("cases")
    cases.table.setFocus()
    cases.table.selectRow(0)
    case_id = cases.model.case_id(0)
    qtbot.keyClick(cases.table, Qt.Key.Key_Return)
    editor = loaded_editor(qtbot, window)
    assert editor.case_id == case_id and editor.isVisible() and editor.isWindow()
    assert editor.heading.text().startswith("MDT2026-0005")
    # the same case again: the same window, not a second one
    qtbot.keyClick(cases.table, Qt.Key.Key_Return)
    assert window.editors() == [editor]


def test_double_click_opens_the_case(qtbot, window):
    cases = window.view("cases")
    rect = cases.table.visualRect(cases.model.index(1, COLUMN_INDEX["patient"]))
    qtbot.mouseClick(cases.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(cases.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = loaded_editor(qtbot, window)
    assert editor.case_id == cases.model.case_id(1)


def test_saving_in_the_editor_refreshes_the_list(qtbot, window, ui_session):
    window.open_case(ui_session.ctx.case_records.id_of("MDT2026-0003"))
    editor = loaded_editor(qtbot, window)
    cases = window.view("cases")
    editor.diagnosis.tumour_type.setCurrentIndex(editor.diagnosis.tumour_type.findData("lung"))
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        assert editor.save()
    qtbot.waitUntil(lambda: cases.model.is_block_loaded(0), timeout=10_000)
    row = cases.model.ids().index(editor.case_id)
    assert cases.model.case_row(row).tumour_type == "lung"


def test_new_case_picks_a_patient_creates_a_draft_and_opens_it(qtbot, window, ui_session, monkeypatch):
    zhang = next(p for p in ui_session.ctx.patients.search(ui_session.actor, "张三"))
    asked = []

    class Picker:
        @classmethod
        def ask(cls, session, parent=None):
            asked.append(session)
            return zhang

    monkeypatch.setitem(sys.modules, PICKER_MODULE, types.SimpleNamespace(PatientPicker=Picker))
    cases = window.view("cases")
    assert cases.new_button.isVisible()
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.new_button.click()
    editor = loaded_editor(qtbot, window)
    assert asked == [window.session]
    assert editor.detail.patient.id == zhang.id and editor.detail.status == "draft"
    assert cases.model.rowCount() == len(ui_data.CASES) + 1


def test_new_case_does_nothing_when_no_patient_is_picked(qtbot, window, monkeypatch):
    picker = types.SimpleNamespace(PatientPicker=types.SimpleNamespace(ask=lambda session, parent=None: None))
    monkeypatch.setitem(sys.modules, PICKER_MODULE, picker)
    window.view("cases").new_button.click()
    assert window.editors() == []


def test_team_and_date_filters(qtbot, window):
    cases = window.view("cases")
    qtbot.waitUntil(lambda: cases.team_filter.count() == 3, timeout=10_000)
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.team_filter.setCurrentIndex(cases.team_filter.findText("胸部肿瘤MDT"))
    assert cases.model.rowCount() == 3  # 0001, 0004, 0006
    assert cases.current_query().team_id == cases.team_filter.currentData()
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.team_filter.setCurrentIndex(0)
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.period_filter.setCurrentIndex(cases.period_filter.findData("custom"))
    assert cases.date_from.isVisible() and cases.date_to.isVisible()
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.date_from.setDate(date(2026, 3, 1))
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.date_to.setDate(date(2026, 3, 6))
    assert cases.current_query().date_from == date(2026, 3, 1)
    assert cases.model.rowCount() == 2  # applied on 2026-03-02 and 03-05
    with qtbot.waitSignal(cases.model.idsLoaded, timeout=10_000):
        cases.period_filter.setCurrentIndex(cases.period_filter.findData("30"))
    assert not cases.date_from.isVisible()
    assert cases.current_query().date_from == date.today() - timedelta(days=30)


def test_drafts_left_from_last_time_are_offered_at_login(qtbot, ui_session, fake_panel, monkeypatch):
    case_id = ui_session.ctx.case_records.id_of("MDT2026-0003")
    ui_session.ctx.drafts.save(ui_session.actor, ENTITY, case_id,
                               {"fields": {"history": "上次没保存的病史"}, "saved_at": "2026-03-01T10:00:00"})
    offered = []
    monkeypatch.setattr(PendingDraftsDialog, "ask", classmethod(lambda cls, parent, names: offered.append(names)
                                                                or True))
    from ui.cases.editor.dialogs import RestoreDraftDialog

    monkeypatch.setattr(RestoreDraftDialog, "ask", classmethod(lambda cls, parent, at, changed: True))
    w = MainWindow(ui_session)
    qtbot.addWidget(w, before_close_func=lambda w: [setattr(e, "_force_close", True) for e in w.editors()])
    w.show()
    editor = loaded_editor(qtbot, w)
    assert offered == [["MDT2026-0003　王芳"]]
    assert editor.case_id == case_id and editor.clinical.history.text() == "上次没保存的病史"


def test_closing_the_main_window_asks_about_unsaved_cases(qtbot, window, ui_session, monkeypatch):
    window.open_case(ui_session.ctx.case_records.id_of("MDT2026-0003"))
    editor = loaded_editor(qtbot, window)
    type_into(qtbot, editor.clinical.comorbidities, "COPD")
    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: "cancel"))
    assert not window.close() and window.isVisible() and editor.isVisible()
    window.logout_action.trigger()
    assert not window.logging_out and window.isVisible()
    monkeypatch.setattr(UnsavedChangesDialog, "ask", classmethod(lambda cls, parent: "discard"))
    assert window.close()
