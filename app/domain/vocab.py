"""Coded vocabularies with their display labels (English source text, translated through Qt Linguist).

Codes are what is stored; labels are what people read. `label(kind, code)` gives the label in the user's
language (Chinese by default in the GUI) once the UI has installed its translator.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import translate

CTX = "vocab"

ROLES = {
    "admin": N(CTX, "Administrator"),
    "chair": N(CTX, "Chair"),
    "physician": N(CTX, "Physician"),
    "secretary": N(CTX, "Secretary"),
    "viewer": N(CTX, "Viewer"),
}

CASE_STATUSES = {
    "draft": N(CTX, "Draft"),
    "submitted": N(CTX, "Submitted"),
    "approved": N(CTX, "Approved"),
    "returned": N(CTX, "Returned for more information"),
    "scheduled": N(CTX, "Scheduled"),
    "discussed": N(CTX, "Discussed"),
    "finalised": N(CTX, "Decision finalised"),
    "signed": N(CTX, "Signed"),
    "implementing": N(CTX, "Implementing"),
    "closed": N(CTX, "Closed"),
    "rediscussion": N(CTX, "Re-discussion"),
    "cancelled": N(CTX, "Cancelled"),
}

TUMOUR_TYPES = {
    "lung": N(CTX, "Lung cancer"),
    "gastric": N(CTX, "Gastric cancer"),
    "colorectal": N(CTX, "Colorectal cancer"),
    "liver": N(CTX, "Liver cancer"),
    "oesophageal": N(CTX, "Oesophageal cancer"),
    "breast": N(CTX, "Breast cancer"),
    "cervical": N(CTX, "Cervical cancer"),
    "nasopharyngeal": N(CTX, "Nasopharyngeal cancer"),
}

CONFERENCE_TYPES = {
    "pre_treatment": N(CTX, "Pre-treatment"),
    "post_operative": N(CTX, "Post-operative"),
    "post_treatment": N(CTX, "Post-treatment"),
    "recurrence": N(CTX, "Recurrence"),
}

URGENCY = {"routine": N(CTX, "Routine"), "urgent": N(CTX, "Urgent")}

SEX = {"M": N(CTX, "Male"), "F": N(CTX, "Female"), "U": N(CTX, "Unknown")}

TITLES = {  # 职称, ordered by grade
    "resident": N(CTX, "Resident physician"),
    "attending": N(CTX, "Attending physician"),
    "associate_chief": N(CTX, "Associate chief physician"),
    "chief": N(CTX, "Chief physician"),
    "nurse": N(CTX, "Nurse"),
    "charge_nurse": N(CTX, "Nurse-in-charge"),
    "pharmacist": N(CTX, "Pharmacist"),
    "other": N(CTX, "Other"),
}
# The physicians' ladder used by quorum rules ("attending or above"); nurses and pharmacists are not on it.
TITLE_GRADE = {"resident": 1, "attending": 2, "associate_chief": 3, "chief": 4,
               "nurse": 0, "charge_nurse": 0, "pharmacist": 0, "other": 0}

MEETING_STATUSES = {
    "planned": N(CTX, "Planned"),
    "in_progress": N(CTX, "In progress"),
    "closed": N(CTX, "Closed"),
    "cancelled": N(CTX, "Cancelled"),
}

TEAM_ROLES = {
    "chair": N(CTX, "Chair"),
    "secretary": N(CTX, "Secretary"),
    "core": N(CTX, "Core member"),
    "guest": N(CTX, "Guest"),
}

MODALITIES = {
    "surgery": N(CTX, "Surgery"),
    "radiotherapy": N(CTX, "Radiotherapy"),
    "chemotherapy": N(CTX, "Chemotherapy"),
    "targeted": N(CTX, "Targeted therapy"),
    "immunotherapy": N(CTX, "Immunotherapy"),
    "endocrine": N(CTX, "Endocrine therapy"),
    "interventional": N(CTX, "Interventional therapy"),
    "tcm": N(CTX, "Traditional Chinese medicine"),
    "supportive": N(CTX, "Best supportive care"),
    "observation": N(CTX, "Observation"),
    "trial": N(CTX, "Clinical trial"),
    "workup": N(CTX, "Further work-up"),
}

INTENT = {"curative": N(CTX, "Curative"), "palliative": N(CTX, "Palliative")}

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
