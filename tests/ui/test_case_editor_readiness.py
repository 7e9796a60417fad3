"""Readiness and submission: the checklist follows the material and the fields; an incomplete case is
submitted only with a reason, which the timeline keeps."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from test_case_editor_support import fake_panel, fields_of, open_editor, photo, save_and_wait, type_into

from app.domain.vocab import label
from ui.cases.editor.dialogs import ConfirmWorkupDialog, SubmitDialog

FIXTURES = (fake_panel, open_editor)


def refreshed(qtbot, editor, action) -> None:
    with qtbot.waitSignal(editor.readinessShown, timeout=10_000):
        action()


def test_the_checklist_follows_attachments_fields_and_hand_confirmations(
        qtbot, open_editor, ui_session, fake_panel, tmp_path, monkeypatch):
    editor = open_editor("MDT2026-0003")  # draft colorectal case: little filled in, nothing attached
    tab = editor.readiness
    assert editor.tabs.widget(3) is editor.material and fake_panel.made[-1].case_id == editor.case_id
    assert tab.states() == {"pathology": "missing", "cap_ct": "missing", "pelvic_mri": "missing",
                            "tumour_markers": "missing", "mmr": "missing"}
    assert set(tab.readiness.missing_fields) == {"purpose", "question", "performance_status", "stage", "histology_code"}
    assert tab.fields_box.findChild(QLabel) is not None and not tab.readiness.ready
    assert "(" in editor.tabs.tabText(editor.tabs.indexOf(tab))  # the number of missing items

    # a pathology photo arrives through the Material tab: the panel says so, the checklist follows
    ctx = ui_session.ctx
    slide = Path(photo(tmp_path / "slide.jpg"))
    results = ctx.attachment_import.import_paths(ui_session.actor, editor.case_id, [slide], label="pathology")
    assert [r.status for r in results] == ["imported"]
    refreshed(qtbot, editor, fake_panel.made[-1].changed.emit)
    assert tab.states()["pathology"] == "present"

    # fields: the MMR status is a biomarker of the colorectal template
    editor.diagnosis.biomarkers.inputs["MSI/MMR"].setText("pMMR")
    assert not tab.unsaved_note.isHidden()  # says the checklist counts saved values
    with qtbot.waitSignal(editor.readinessShown, timeout=10_000):
        save_and_wait(qtbot, editor)
    assert tab.states()["mmr"] == "present" and tab.unsaved_note.isHidden()

    # tumour markers seen in the lab system: confirmed by hand with a date and a note
    seen = date.today() - timedelta(days=3)
    asked = []
    monkeypatch.setattr(ConfirmWorkupDialog, "ask",
                        classmethod(lambda cls, parent, item: asked.append(item) or (seen, "检验系统 CEA 3.2")))
    refreshed(qtbot, editor, tab.buttons["tumour_markers"].click)
    assert asked and asked[0] == tab.table.item(3, 1).text()
    assert tab.states()["tumour_markers"] == "present"
    assert "CEA 3.2" in tab.table.item(3, 2).text()
    workup = fields_of(ui_session, "MDT2026-0003")["workup"]
    assert workup["tumour_markers"] == {"present": True, "on": seen.isoformat(), "note": "检验系统 CEA 3.2",
                                        "by": ui_session.actor.display_name}


def test_an_old_hand_confirmation_is_out_of_date(qtbot, open_editor, monkeypatch):
    editor = open_editor("MDT2026-0003")
    old = date.today() - timedelta(days=90)
    monkeypatch.setattr(ConfirmWorkupDialog, "ask", classmethod(lambda cls, parent, item: (old, "")))
    refreshed(qtbot, editor, editor.readiness.buttons["tumour_markers"].click)
    assert editor.readiness.states()["tumour_markers"] == "stale"


def test_a_missing_field_leads_to_its_place(open_editor):
    editor = open_editor("MDT2026-0003")
    row = editor.readiness.fields_box.findChild(QWidget, "missing_performance_status")
    row.findChild(type(editor.save_button)).click()
    assert editor.tabs.currentWidget() is editor.clinical


@pytest.mark.parametrize("answer", [None, ""])
def test_an_incomplete_case_without_a_reason_is_not_submitted(qtbot, open_editor, ui_session, monkeypatch, answer):
    editor = open_editor("MDT2026-0003")
    shown = []
    monkeypatch.setattr(SubmitDialog, "ask", classmethod(lambda cls, parent, r: shown.append(r) or answer))
    with qtbot.waitSignal(editor.readinessShown, timeout=10_000):
        editor.submit_button.click()
    assert shown and not shown[0].ready
    assert ui_session.ctx.case_records.get(ui_session.actor, editor.case_id).status == "draft"
    assert editor.submit_button.isEnabled()


def test_an_incomplete_case_is_submitted_with_its_reason_in_the_timeline(qtbot, open_editor, ui_session, monkeypatch):
    editor = open_editor("MDT2026-0003")
    type_into(qtbot, editor.referral.question, "病情进展快，先讨论再补充影像")
    reason = "患者出血加重，需尽快讨论；盆腔MRI已预约"
    shown = []
    monkeypatch.setattr(SubmitDialog, "ask", classmethod(lambda cls, parent, r: shown.append(r) or reason))
    with qtbot.waitSignal(editor.statusChanged, timeout=10_000):
        editor.submit_button.click()  # unsaved text is saved first
    qtbot.waitUntil(lambda: editor.detail.status == "submitted", timeout=10_000)
    detail = ui_session.ctx.case_records.get(ui_session.actor, editor.case_id)
    assert detail.status == "submitted" and detail.fields["question"] == "病情进展快，先讨论再补充影像"
    assert detail.timeline[-1].to_status == "submitted" and detail.timeline[-1].note == reason
    assert editor.status_chip.text() == label("case_status", "submitted")
    last = editor.timeline.rows()[-1]
    assert last[3] == reason and label("case_status", "submitted") in last[1]
    assert not editor.submit_button.isEnabled()
    qtbot.waitUntil(lambda: editor.readiness.override.text().endswith(reason), timeout=10_000)


def test_the_submit_dialog_needs_a_reason_for_an_incomplete_case(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    dialog = SubmitDialog(editor.readiness.readiness, editor)
    qtbot.addWidget(dialog)
    assert dialog.reason is not None and not dialog.ok.isEnabled()
    assert dialog.findChild(QLabel, "missingList").text().count("\n") >= 4
    type_into(qtbot, dialog.reason, "急诊")
    assert dialog.ok.isEnabled() and dialog.reason_text() == "急诊"


def test_the_attachments_panel_is_embedded_and_its_changes_refresh_the_checklist(qtbot, ui_session):
    panel_module = pytest.importorskip("ui.cases.attachments.panel")
    from ui.cases.editor.window import CaseEditor

    editor = CaseEditor(ui_session, ui_session.ctx.case_records.id_of("MDT2026-0003"))
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_force_close", True))
    with qtbot.waitSignals([editor.loaded, editor.readinessShown], timeout=10_000):
        editor.show()
    panel = editor.material.panel
    assert isinstance(panel, panel_module.AttachmentPanel) and panel.case_id == editor.case_id
    with qtbot.waitSignal(editor.readinessShown, timeout=10_000):
        panel.changed.emit()
