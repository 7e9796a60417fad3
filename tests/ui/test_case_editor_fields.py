"""The case editor's form: what is typed reaches the service; wrong entries are said next to their field."""

from PySide6.QtCore import Qt
from test_case_editor_support import (
    fake_panel,
    fields_of,
    open_editor,
    save_and_wait,
    type_into,
)

from app.errors import ValidationError

FIXTURES = (fake_panel, open_editor)  # found by name by pytest


def test_edits_on_every_tab_are_saved_through_the_service(qtbot, open_editor, ui_session):
    editor = open_editor("MDT2026-0003")  # a draft colorectal case with few fields
    assert editor.heading.text().startswith("MDT2026-0003") and "王芳" in editor.heading.text()
    assert not editor.is_dirty()
    r, c, d = editor.referral, editor.clinical, editor.diagnosis
    r.conference_type.setCurrentIndex(r.conference_type.findData("pre_treatment"))
    type_into(qtbot, r.purpose, "明确新辅助治疗方案")
    type_into(qtbot, r.question, "中位直肠癌，是否需要新辅助放化疗？")
    r.is_external.setChecked(True)
    type_into(qtbot, c.history, "便血2月，肠镜示直肠肿物。")
    type_into(qtbot, c.ecog, "1")
    type_into(qtbot, c.kps, "80")
    type_into(qtbot, d.primary_site, "直肠中段")
    d.biomarkers.inputs["KRAS"].setText("野生型")
    d.biomarkers.add_other("CEA", "12.5 ng/ml")
    d.staging.t.setCurrentText("T3")
    d.staging.n.setCurrentText("N1")
    d.staging.m.setCurrentText("M0")
    assert editor.is_dirty() and editor.windowTitle().startswith("* ")
    save_and_wait(qtbot, editor)
    saved = fields_of(ui_session, "MDT2026-0003")
    assert saved["conference_type"] == "pre_treatment"
    assert saved["purpose"] == "明确新辅助治疗方案"
    assert saved["question"] == "中位直肠癌，是否需要新辅助放化疗？"
    assert saved["is_external"] is True and saved["consent_external"] is False
    assert saved["history"] == "便血2月，肠镜示直肠肿物。"
    assert (saved["ecog"], saved["kps"]) == (1, 80)
    assert saved["primary_site"] == "直肠中段"
    assert saved["biomarkers"] == {"KRAS": "野生型", "CEA": "12.5 ng/ml"}
    assert (saved["stage_t"], saved["stage_n"], saved["stage_m"], saved["stage_group"]) == ("T3", "N1", "M0", "IIIB")
    assert (saved["stage_system"], saved["stage_edition"]) == ("AJCC", "8")
    assert not editor.is_dirty() and not editor.windowTitle().startswith("*")


def test_ecog_out_of_range_is_said_next_to_the_field(qtbot, open_editor, ui_session):
    editor = open_editor("MDT2026-0003")
    before = editor.detail.updated_at
    editor.tabs.setCurrentWidget(editor.referral)
    type_into(qtbot, editor.clinical.ecog, "7")
    assert not editor.save()  # refused before any service call
    error = editor.clinical.findChild(type(editor.state_label), "error_ecog")
    assert error.isVisible() and "ECOG" in error.text() and "5" in error.text()
    assert editor.tabs.currentWidget() is editor.clinical
    assert fields_of(ui_session, "MDT2026-0003")["ecog"] is None
    assert editor.detail.updated_at == before
    type_into(qtbot, editor.clinical.ecog, "2")
    qtbot.waitUntil(lambda: not error.isVisible(), timeout=3_000)  # checked again as it is typed
    assert editor.clinical.ecog_meaning.text()  # what ECOG 2 means


def test_kps_must_be_in_steps_of_ten(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    type_into(qtbot, editor.clinical.kps, "85")
    error = editor.clinical.findChild(type(editor.state_label), "error_kps")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=3_000)  # on entry, without saving
    assert "10" in error.text() and not error.isHidden()


def test_a_too_long_question_is_said_next_to_it(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    editor.referral.question.setPlainText("问" * 2001)
    editor.tabs.setCurrentWidget(editor.diagnosis)
    assert not editor.save()
    error = editor.referral.findChild(type(editor.state_label), "error_question")
    assert error.isVisible() and "2000" in error.text()
    assert editor.tabs.currentWidget() is editor.referral


def test_a_refusal_by_the_service_lands_under_its_field(qtbot, open_editor, monkeypatch):
    editor = open_editor("MDT2026-0003")
    monkeypatch.setattr(editor, "field_errors", lambda values: {})  # let the service be the judge

    def refuse(*args, **kwargs):
        raise ValidationError("The primary site is not plausible.", field="primary_site")

    monkeypatch.setattr(editor.ctx.case_records, "update", refuse)
    type_into(qtbot, editor.diagnosis.primary_site, "肺")
    editor.tabs.setCurrentWidget(editor.referral)
    assert editor.save()
    error = editor.diagnosis.findChild(type(editor.state_label), "error_primary_site")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == "The primary site is not plausible."
    assert editor.tabs.currentWidget() is editor.diagnosis
    assert editor.is_dirty()  # nothing typed is lost


def test_icd10_picker_finds_lung_cancer_by_pinyin_and_chinese(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    picker = editor.diagnosis.icd10
    type_into(qtbot, picker.code, "feiai")
    assert picker.suggestions()[0] == "C34"
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3_000)
    popup.setCurrentIndex(picker.completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == ("C34", "支气管和肺恶性肿瘤")
    assert not popup.isVisible()
    type_into(qtbot, picker.code, "肺")
    assert {"C34.1", "C34.3"} <= set(picker.suggestions())
    picker.choose(picker.suggestions().index("C34.1"))
    assert picker.value() == ("C34.1", "肺上叶恶性肿瘤")
    type_into(qtbot, picker.code, "zc")
    assert "C20" in picker.suggestions()


def test_picking_a_diagnosis_offers_its_tumour_type_when_none_is_chosen(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    d = editor.diagnosis
    d.tumour_type.setCurrentIndex(0)
    type_into(qtbot, d.icd10.code, "C34")
    d.icd10.choose(0)
    assert d.tumour() == "lung"
    assert set(d.biomarkers.inputs) == {"EGFR", "ALK", "ROS1", "KRAS", "BRAF", "PD-L1"}


def test_histology_picker_searches_icd_o_3(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    picker = editor.diagnosis.histology
    type_into(qtbot, picker.code, "xianai")
    assert "8140/3" in picker.suggestions()
    picker.choose(picker.suggestions().index("8140/3"))
    assert picker.value() == ("8140/3", "腺癌，NOS")


def test_an_unknown_code_is_questioned_on_entry(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    editor.tabs.setCurrentWidget(editor.diagnosis)
    type_into(qtbot, editor.diagnosis.icd10.code, "X99")
    editor.diagnosis.icd10.code.editingFinished.emit()  # what Qt sends when the focus leaves
    error = editor.diagnosis.findChild(type(editor.state_label), "error_icd10_code")
    assert error.isVisible() and "C00" in error.text()


def test_changing_the_tumour_type_keeps_the_biomarkers_typed(qtbot, open_editor):
    editor = open_editor("MDT2026-0003")
    d = editor.diagnosis
    d.biomarkers.inputs["KRAS"].setText("G12C")
    d.tumour_type.setCurrentIndex(d.tumour_type.findData("breast"))
    assert set(d.biomarkers.inputs) == {"ER", "PR", "HER2", "Ki-67", "BRCA1/2"}
    assert d.biomarkers.values() == {"KRAS": "G12C"}  # moved to the free table, not lost
    assert d.biomarkers.other_rows() == [("KRAS", "G12C")]
