"""Readiness checklists per tumour type: present, stale or missing, from evidence a clerk can see."""

from datetime import date, timedelta

from app.domain.readiness import CaseFacts, Evidence, evaluate
from app.domain.templates import TEMPLATES

TODAY = date(2026, 11, 23)
COMPLETE_FIELDS = {"purpose": "治疗决策", "question": "手术还是同步放化疗？", "icd10_code": "C34.1",
                   "histology_code": "8140/3", "ecog": 1, "stage_t": "T2a", "stage_n": "N1", "stage_m": "M0"}


def test_the_eight_county_tumour_types_have_templates():
    assert set(TEMPLATES) == {"lung", "gastric", "colorectal", "liver", "oesophageal", "breast", "cervical",
                              "nasopharyngeal"}
    assert all(t.workup for t in TEMPLATES.values())


def test_an_empty_lung_case_lists_everything_missing():
    r = evaluate(CaseFacts("lung", {}), TODAY)
    assert not r.ready
    assert set(r.missing_fields) == {"purpose", "question", "icd10_code", "performance_status", "stage",
                                     "histology_code"}
    assert {i.code for i in r.items if i.state == "missing"} == {
        "pathology", "chest_ct", "brain_imaging", "tumour_markers", "driver_genes"}


def test_a_complete_lung_case_is_ready():
    evidence = (Evidence("imaging", "CT", TODAY - timedelta(days=5)), Evidence("imaging", "MR", TODAY),
                Evidence("report", "", TODAY - timedelta(days=3)))
    r = evaluate(CaseFacts("lung", COMPLETE_FIELDS, {"EGFR": "19del", "ALK": "阴性"}, evidence), TODAY)
    assert r.ready, r


def test_old_imaging_is_stale_and_a_ct_does_not_count_as_a_pelvic_mri():
    evidence = (Evidence("imaging", "CT", TODAY - timedelta(days=90)),)
    r = evaluate(CaseFacts("colorectal", COMPLETE_FIELDS, {}, evidence), TODAY)
    states = {i.code: i.state for i in r.items}
    assert states["cap_ct"] == "stale"
    assert states["pelvic_mri"] == "missing"


def test_a_hand_confirmation_counts_with_its_date():
    workup = {"tumour_markers": {"present": True, "on": (TODAY - timedelta(days=2)).isoformat(),
                                 "note": "CEA 12.3 ng/ml (LIS)"}}
    r = evaluate(CaseFacts("gastric", COMPLETE_FIELDS, {}, (), workup), TODAY)
    item = next(i for i in r.items if i.code == "tumour_markers")
    assert (item.state, item.detail) == ("present", "CEA 12.3 ng/ml (LIS)")
