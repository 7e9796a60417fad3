"""Coded vocabularies with their display labels (English source text, translated through Qt Linguist).

Codes are what is stored; labels are what people read. `label(kind, code)` gives the label in the user's
language (Chinese by default in the GUI) once the UI has installed its translator.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import translate

CTX = "vocab"

ROLES = {
    "admin": N("vocab", "Administrator"),
    "chair": N("vocab", "Chair"),
    "physician": N("vocab", "Physician"),
    "secretary": N("vocab", "Secretary"),
    "viewer": N("vocab", "Viewer"),
}

CASE_STATUSES = {
    "draft": N("vocab", "Draft"),
    "submitted": N("vocab", "Submitted"),
    "approved": N("vocab", "Approved"),
    "returned": N("vocab", "Returned for more information"),
    "scheduled": N("vocab", "Scheduled"),
    "discussed": N("vocab", "Discussed"),
    "finalised": N("vocab", "Decision finalised"),
    "signed": N("vocab", "Signed"),
    "implementing": N("vocab", "Implementing"),
    "closed": N("vocab", "Closed"),
    "rediscussion": N("vocab", "Re-discussion"),
    "cancelled": N("vocab", "Cancelled"),
}

TUMOUR_TYPES = {
    "lung": N("vocab", "Lung cancer"),
    "gastric": N("vocab", "Gastric cancer"),
    "colorectal": N("vocab", "Colorectal cancer"),
    "liver": N("vocab", "Liver cancer"),
    "oesophageal": N("vocab", "Oesophageal cancer"),
    "breast": N("vocab", "Breast cancer"),
    "cervical": N("vocab", "Cervical cancer"),
    "nasopharyngeal": N("vocab", "Nasopharyngeal cancer"),
}

CONFERENCE_TYPES = {
    "pre_treatment": N("vocab", "Pre-treatment"),
    "post_operative": N("vocab", "Post-operative"),
    "post_treatment": N("vocab", "Post-treatment"),
    "recurrence": N("vocab", "Recurrence"),
}

URGENCY = {"routine": N("vocab", "Routine"), "urgent": N("vocab", "Urgent")}

SEX = {"M": N("vocab", "Male"), "F": N("vocab", "Female"), "U": N("vocab", "Unknown")}

TITLES = {  # 职称, ordered by grade
    "resident": N("vocab", "Resident physician"),
    "attending": N("vocab", "Attending physician"),
    "associate_chief": N("vocab", "Associate chief physician"),
    "chief": N("vocab", "Chief physician"),
    "nurse": N("vocab", "Nurse"),
    "charge_nurse": N("vocab", "Nurse-in-charge"),
    "pharmacist": N("vocab", "Pharmacist"),
    "other": N("vocab", "Other"),
}
# The physicians' ladder used by quorum rules ("attending or above"); nurses and pharmacists are not on it.
TITLE_GRADE = {"resident": 1, "attending": 2, "associate_chief": 3, "chief": 4,
               "nurse": 0, "charge_nurse": 0, "pharmacist": 0, "other": 0}

MEETING_STATUSES = {
    "planned": N("vocab", "Planned"),
    "in_progress": N("vocab", "In progress"),
    "closed": N("vocab", "Closed"),
    "cancelled": N("vocab", "Cancelled"),
}

TEAM_ROLES = {
    "chair": N("vocab", "Chair"),
    "secretary": N("vocab", "Secretary"),
    "core": N("vocab", "Core member"),
    "guest": N("vocab", "Guest"),
}

MODALITIES = {
    "surgery": N("vocab", "Surgery"),
    "radiotherapy": N("vocab", "Radiotherapy"),
    "chemotherapy": N("vocab", "Chemotherapy"),
    "targeted": N("vocab", "Targeted therapy"),
    "immunotherapy": N("vocab", "Immunotherapy"),
    "endocrine": N("vocab", "Endocrine therapy"),
    "interventional": N("vocab", "Interventional therapy"),
    "tcm": N("vocab", "Traditional Chinese medicine"),
    "supportive": N("vocab", "Best supportive care"),
    "observation": N("vocab", "Observation"),
    "trial": N("vocab", "Clinical trial"),
    "workup": N("vocab", "Further work-up"),
}

INTENT = {"curative": N("vocab", "Curative"), "palliative": N("vocab", "Palliative")}

_KINDS = {
    "role": ROLES, "case_status": CASE_STATUSES, "tumour_type": TUMOUR_TYPES,
    "conference_type": CONFERENCE_TYPES, "urgency": URGENCY, "sex": SEX, "title": TITLES,
    "meeting_status": MEETING_STATUSES, "team_role": TEAM_ROLES, "modality": MODALITIES, "intent": INTENT,
}


def label(kind: str, code: str | None) -> str:
    if not code:
        return ""
    text = _KINDS[kind].get(code)
    return translate(CTX, text) if text else code


def codes(kind: str) -> list[str]:
    return list(_KINDS[kind])
