"""Staging in the editor: the AJCC 8 group computed live, missing factors said, hand-entered groups checked."""

from test_case_editor_support import fake_panel, fields_of, open_editor, save_and_wait

from app.domain.staging import StagingInput, compute_stage

FIXTURES = (fake_panel, open_editor)


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text} is not offered"
    combo.setCurrentIndex(index)


def set_tnm(staging, prefix: str, t: str, n: str, m: str) -> None:
    staging.prefix.setCurrentIndex(staging.prefix.findData(prefix))
    choose(staging.t, t)
    choose(staging.n, n)
    choose(staging.m, m)


def test_lung_t2a_n1_m0_is_stage_iib(open_editor):
    editor = open_editor("MDT2026-0003")
    d = editor.diagnosis
    d.tumour_type.setCurrentIndex(d.tumour_type.findData("lung"))
    set_tnm(d.staging, "c", "T2a", "N1", "M0")
    result = d.staging.result
    assert (result.group, result.table, result.missing) == ("IIB", "AJCC 8 lung", ())
    assert "IIB" in d.staging.computed.text() and d.staging.words.table_label("AJCC 8 lung") in d.staging.computed.text()
    assert d.staging.group.text() == "IIB" and d.staging.group.isReadOnly()
    assert editor.form_values()["stage_group"] == "IIB"
    choose(d.staging.n, "N2")
    assert d.staging.result.group == "IIIA" and "IIIA" in d.staging.computed.text()


def test_breast_without_receptors_gives_the_anatomic_stage_and_says_what_is_missing(open_editor):
    editor = open_editor("MDT2026-0003")
    d = editor.diagnosis
    d.tumour_type.setCurrentIndex(d.tumour_type.findData("breast"))
    set_tnm(d.staging, "c", "T2", "N1", "M0")
    s = d.staging
    assert s.result.group == "IIB" and s.result.table == "AJCC 8 breast anatomic"
    assert set(s.result.missing) == {"grade", "er", "pr", "her2"}
    assert set(s.factor_inputs) == {"grade", "er", "pr", "her2"}  # inputs for the factors the table needs
    assert not s.factors_box.isHidden()
    for name in ("ER", "PR", "HER2", s.words.factor_label("grade")):
        assert name in s.message.text()
    # the receptors typed as biomarkers are taken over on request
    d.grade.setEditText("G2")
    d.biomarkers.inputs["ER"].setText("阳性")
    d.biomarkers.inputs["PR"].setText("阳性")
    d.biomarkers.inputs["HER2"].setText("0")
    assert s.fill_factors() == 4
    assert s.factor_values() == {"grade": "2", "er": "+", "pr": "+", "her2": "-"}
    assert s.result.missing == () and s.result.table == "AJCC 8 breast clinical prognostic"
    expected = compute_stage(StagingInput("breast", "c", "T2", "N1", "M0", s.factor_values())).group
    assert expected and s.result.group == expected and expected in s.computed.text()
    assert s.message.text() == ""


def test_a_hand_entered_group_that_contradicts_tnm_is_shown_and_not_saved(qtbot, open_editor, ui_session):
    editor = open_editor("MDT2026-0003")
    d = editor.diagnosis
    d.tumour_type.setCurrentIndex(d.tumour_type.findData("lung"))
    set_tnm(d.staging, "c", "T2a", "N1", "M0")
    d.staging.by_hand.setChecked(True)
    assert not d.staging.group.isReadOnly()
    d.staging.group.setText("IA1")
    error = d.staging.errors["stage_group"]
    assert "IA1" in error.text() and "IIB" in error.text()
    assert not editor.save()
    assert editor.tabs.currentWidget() is d
    assert fields_of(ui_session, "MDT2026-0003")["stage_group"] == ""
    d.staging.group.setText("II")  # the main stage of IIB agrees
    assert error.text() == ""
    save_and_wait(qtbot, editor)
    assert fields_of(ui_session, "MDT2026-0003")["stage_group"] == "II"


def test_other_sites_and_systems_are_entered_by_hand(qtbot, open_editor, ui_session):
    editor = open_editor("MDT2026-0003")
    d = editor.diagnosis
    d.tumour_type.setCurrentIndex(d.tumour_type.findData("cervical"))
    s = d.staging
    assert s.t.isEditable() and not s.by_hand.isVisibleTo(editor) and not s.group.isReadOnly()
    s.system.setEditText("FIGO")
    s.edition.setText("2018")
    s.t.setEditText("T2b")
    s.n.setEditText("N1")
    s.m.setEditText("M0")
    s.group.setText("IIIC1r")
    save_and_wait(qtbot, editor)
    saved = fields_of(ui_session, "MDT2026-0003")
    assert (saved["stage_system"], saved["stage_edition"], saved["stage_t"], saved["stage_group"]) == \
        ("FIGO", "2018", "T2b", "IIIC1r")


def test_a_stored_stage_is_shown_as_computed_without_changing_anything(open_editor):
    editor = open_editor("MDT2026-0001")  # lung cT2a N1 M0 IIB in the sample data
    s = editor.diagnosis.staging
    assert s.tnm() == ("T2a", "N1", "M0") and s.result.group == "IIB"
    assert not s.by_hand.isChecked()
    assert not editor.is_dirty()


def test_a_stored_group_that_differs_from_the_computed_one_stays_a_hand_entry(open_editor):
    editor = open_editor("MDT2026-0002")  # gastric cT3 N1 M0 stored as "III" (computed: III)
    s = editor.diagnosis.staging
    assert s.result.group == "III" and not s.by_hand.isChecked()
    editor2 = open_editor("MDT2026-0005")  # gastric cT2 N0 M0 stored as "IB" while AJCC 8 gives I
    s2 = editor2.diagnosis.staging
    assert s2.result.group == "I"
    assert s2.by_hand.isChecked() and s2.group.text() == "IB"
    assert not editor2.is_dirty()
