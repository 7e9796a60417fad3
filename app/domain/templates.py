"""Case templates per tumour type: which fields and which work-up items a case needs before a meeting.

A work-up item is satisfied by evidence: an attachment (label and, for imaging, modality), a structured
field (histology, a biomarker), or a hand confirmation recorded on the case (`Case.workup`), e.g. tumour
markers seen in the hospital's lab system.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import QT_TRANSLATE_NOOP as N

CTX = "templates"


@dataclass(frozen=True)
class WorkupItem:
    code: str
    label: str  # English source text, translated in the UI
    attachment_label: str = ""  # imaging | pathology | report
    modalities: tuple[str, ...] = ()  # DICOM modalities that satisfy it (CT, MR, PT...)
    field: str = ""  # a case field that satisfies it when filled (e.g. histology_code)
    biomarkers: tuple[str, ...] = ()  # every one must be recorded
    max_age_days: int | None = 42  # older evidence is "stale" (DOMAIN.md §4 readiness)


@dataclass(frozen=True)
class Template:
    tumour_type: str
    required_fields: tuple[str, ...]
    workup: tuple[WorkupItem, ...]
    biomarkers: tuple[str, ...] = ()  # offered as structured fields in the form


COMMON_FIELDS = ("purpose", "question", "icd10_code", "performance_status", "stage")

PATHOLOGY = WorkupItem("pathology", N("templates", "Pathology confirmation"), attachment_label="pathology",
                       field="histology_code", max_age_days=None)


def _imaging(code: str, label: str, *modalities: str) -> WorkupItem:
    return WorkupItem(code, label, attachment_label="imaging", modalities=modalities)


def _markers(label: str) -> WorkupItem:
    return WorkupItem("tumour_markers", label, attachment_label="report", max_age_days=30)


TEMPLATES: dict[str, Template] = {
    "lung": Template("lung", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        _imaging("chest_ct", N("templates", "Chest CT (enhanced) for staging"), "CT"),
        _imaging("brain_imaging", N("templates", "Brain MRI or CT for staging"), "MR", "CT"),
        _markers(N("templates", "Tumour markers (CEA, CYFRA21-1, NSE)")),
        WorkupItem("driver_genes", N("templates", "Driver genes (EGFR, ALK) for non-squamous cancer"),
                   biomarkers=("EGFR", "ALK"), max_age_days=None),
    ), ("EGFR", "ALK", "ROS1", "KRAS", "BRAF", "PD-L1")),
    "gastric": Template("gastric", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        _imaging("abdominal_ct", N("templates", "Chest, abdomen and pelvis CT (enhanced)"), "CT"),
        _markers(N("templates", "Tumour markers (CEA, CA19-9, CA72-4)")),
        WorkupItem("her2", N("templates", "HER2 status"), biomarkers=("HER2",), max_age_days=None),
    ), ("HER2", "MSI/MMR", "PD-L1", "Claudin18.2")),
    "colorectal": Template("colorectal", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        _imaging("cap_ct", N("templates", "Chest, abdomen and pelvis CT (enhanced)"), "CT"),
        _imaging("pelvic_mri", N("templates", "Pelvic MRI (rectal cancer)"), "MR"),
        _markers(N("templates", "Tumour markers (CEA, CA19-9)")),
        WorkupItem("mmr", N("templates", "MSI/MMR status"), biomarkers=("MSI/MMR",), max_age_days=None),
    ), ("MSI/MMR", "KRAS", "NRAS", "BRAF", "HER2")),
    "liver": Template("liver", COMMON_FIELDS, (
        _imaging("liver_imaging", N("templates", "Enhanced liver CT or MRI"), "CT", "MR"),
        WorkupItem("afp", N("templates", "AFP and PIVKA-II"), attachment_label="report", max_age_days=30),
        WorkupItem("liver_function", N("templates", "Liver function (Child-Pugh) and HBV/HCV status"),
                   attachment_label="report", max_age_days=30),
    ), ("AFP", "PIVKA-II", "HBV-DNA")),
    "oesophageal": Template("oesophageal", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        _imaging("chest_ct", N("templates", "Neck, chest and abdomen CT (enhanced)"), "CT"),
        WorkupItem("endoscopy", N("templates", "Endoscopy report (with ultrasound where available)"),
                   attachment_label="report"),
        _markers(N("templates", "Tumour markers (SCC, CEA)")),
    ), ("PD-L1", "HER2")),
    "breast": Template("breast", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        WorkupItem("receptors", N("templates", "ER, PR, HER2 and Ki-67"), biomarkers=("ER", "PR", "HER2", "Ki-67"),
                   max_age_days=None),
        _imaging("breast_imaging", N("templates", "Breast ultrasound, mammography or MRI"), "US", "MG", "MR"),
        _imaging("staging_imaging", N("templates", "Chest CT and abdominal imaging for staging"), "CT", "US", "MR"),
    ), ("ER", "PR", "HER2", "Ki-67", "BRCA1/2")),
    "cervical": Template("cervical", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        _imaging("pelvic_mri", N("templates", "Pelvic MRI (enhanced)"), "MR"),
        _imaging("staging_ct", N("templates", "Chest and abdomen CT for staging"), "CT", "PT"),
        _markers(N("templates", "SCC antigen and HPV status")),
    ), ("HPV", "PD-L1")),
    "nasopharyngeal": Template("nasopharyngeal", COMMON_FIELDS + ("histology_code",), (
        PATHOLOGY,
        _imaging("np_mri", N("templates", "Nasopharynx and neck MRI (enhanced)"), "MR"),
        _imaging("staging_ct", N("templates", "Chest CT and abdominal imaging for staging"), "CT", "PT", "US"),
        WorkupItem("ebv", N("templates", "Plasma EBV DNA"), attachment_label="report", max_age_days=30),
    ), ("EBV-DNA",)),
}

GENERIC = Template("", COMMON_FIELDS, (PATHOLOGY,))


def template_for(tumour_type: str) -> Template:
    return TEMPLATES.get(tumour_type, GENERIC)
