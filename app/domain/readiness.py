"""The readiness checklist: is the case complete enough to be decided on in the meeting?"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.templates import WorkupItem, template_for
from app.i18n import QT_TRANSLATE_NOOP as N

FIELD_LABELS = {
    "purpose": N("templates", "Purpose of the MDT"),
    "question": N("templates", "Question to the team"),
    "icd10_code": N("templates", "Diagnosis (ICD-10)"),
    "histology_code": N("templates", "Histology (ICD-O-3)"),
    "performance_status": N("templates", "ECOG or KPS"),
    "stage": N("templates", "Stage (T, N, M)"),
}


@dataclass(frozen=True)
class Evidence:
    label: str  # attachment label: imaging | pathology | report | other
    modality: str = ""
    on: date | None = None


@dataclass(frozen=True)
class CaseFacts:
    tumour_type: str
    fields: dict[str, object]
    biomarkers: dict[str, object] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    workup: dict[str, dict] = field(default_factory=dict)  # hand confirmations (Case.workup)


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str
    state: str  # present | stale | missing
    detail: str = ""


@dataclass(frozen=True)
class Readiness:
    items: tuple[ChecklistItem, ...]
    missing_fields: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.missing_fields and all(i.state == "present" for i in self.items)

    @property
    def missing(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.state != "present")


def _field_filled(facts: CaseFacts, name: str) -> bool:
    f = facts.fields
    if name == "performance_status":
        return f.get("ecog") is not None or f.get("kps") is not None
    if name == "stage":
        return bool(f.get("stage_group") or (f.get("stage_t") and f.get("stage_n") and f.get("stage_m")))
    value = f.get(name)
    return value is not None and str(value).strip() != ""


def _age_state(item: WorkupItem, on: date | None, today: date) -> str:
    if item.max_age_days is None or on is None:
        return "present"
    return "stale" if (today - on).days > item.max_age_days else "present"


def _evaluate(item: WorkupItem, facts: CaseFacts, today: date) -> ChecklistItem:
    confirmed = facts.workup.get(item.code) or {}
    if confirmed.get("present"):
        on = date.fromisoformat(confirmed["on"]) if confirmed.get("on") else None
        return ChecklistItem(item.code, item.label, _age_state(item, on, today), confirmed.get("note", ""))
    if item.field and _field_filled(facts, item.field):
        return ChecklistItem(item.code, item.label, "present", item.field)
    if item.biomarkers:
        recorded = [b for b in item.biomarkers if str(facts.biomarkers.get(b, "")).strip()]
        if len(recorded) == len(item.biomarkers):
            return ChecklistItem(item.code, item.label, "present", ", ".join(recorded))
    if item.attachment_label:
        matches = [e for e in facts.evidence if e.label == item.attachment_label
                   and (not item.modalities or e.modality in item.modalities)]
        if matches:
            newest = max((e.on for e in matches if e.on), default=None)
            return ChecklistItem(item.code, item.label, _age_state(item, newest, today),
                                 newest.isoformat() if newest else "")
    return ChecklistItem(item.code, item.label, "missing")


def evaluate(facts: CaseFacts, today: date | None = None) -> Readiness:
    today = today or date.today()
    template = template_for(facts.tumour_type)
    missing_fields = tuple(f for f in template.required_fields if not _field_filled(facts, f))
    items = tuple(_evaluate(item, facts, today) for item in template.workup)
    return Readiness(items, missing_fields)
