"""The fields of an MDT decision and its action items: checked on entry, and complete before finalising."""

from __future__ import annotations

from datetime import date

from app.domain.patient_rules import clean_text
from app.domain.vocab import CONFERENCE_TYPES, INTENT, MODALITIES
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N

GUIDELINES = ("CACA", "CSCO", "NCCN")
TREAT_WHERE = ("local", "refer_upward")
TEXT_LIMITS = {
    "chair_summary": 8000, "plan_text": 8000, "alternatives": 4000, "patient_preference": 4000,
    "dissent": 4000, "further_workup": 4000, "guideline_version": 40, "referral_target": 200,
}
CHOICES = {"intent": ("", *INTENT), "guideline": ("", *GUIDELINES), "treat_where": TREAT_WHERE}
DECISION_FIELDS = (*TEXT_LIMITS, *CHOICES, "modalities", "rediscussion_on")
ACTION_FIELDS = ("description", "responsible_user_id", "responsible_name", "department", "due_on")
OPINION_LIMIT = 8000


def _date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(N("errors", "Enter a date as YYYY-MM-DD."), field=field) from None


def validate_decision_fields(values: dict) -> dict:
    out: dict = {}
    for name, value in values.items():
        if name not in DECISION_FIELDS:
            raise ValidationError(N("errors", "Unknown decision field: {name}."), field=name, name=name)
        if name in TEXT_LIMITS:
            out[name] = clean_text(value if value is not None else "", TEXT_LIMITS[name], name)
        elif name in CHOICES:
            if (value or "") not in CHOICES[name]:
                raise ValidationError(N("errors", "Choose a value from the list."), field=name)
            out[name] = value or ("local" if name == "treat_where" else "")
        elif name == "modalities":
            chosen = list(dict.fromkeys(value or ()))
            if any(m not in MODALITIES for m in chosen):
                raise ValidationError(N("errors", "Choose a value from the list."), field=name)
            out[name] = chosen
        else:
            out[name] = _date(value, name)
    return out


def validate_conference_type(value: str) -> str:
    if value not in CONFERENCE_TYPES:
        raise ValidationError(N("errors", "Choose a value from the list."), field="conference_type")
    return value


def validate_action(values: dict) -> dict:
    unknown = [k for k in values if k not in ACTION_FIELDS and k != "id"]
    if unknown:
        raise ValidationError(N("errors", "Unknown action field: {name}."), field="actions", name=unknown[0])
    description = clean_text(values.get("description"), 2000, "actions")
    if not description:
        raise ValidationError(N("errors", "Each action needs a description of what is to be done."),
                              field="actions")
    who = values.get("responsible_user_id")
    if who is not None and (isinstance(who, bool) or not isinstance(who, int)):
        raise ValidationError(N("errors", "Choose a value from the list."), field="actions")
    return {"description": description, "responsible_user_id": who,
            "responsible_name": clean_text(values.get("responsible_name"), 100, "actions"),
            "department": clean_text(values.get("department"), 100, "actions"),
            "due_on": _date(values.get("due_on"), "actions")}


def validate_opinion_text(text) -> str:
    return clean_text(text if text is not None else "", OPINION_LIMIT, "opinions")


def check_complete(fields: dict) -> None:
    """A decision is finalised only with the chair's summary, a plan, and where to if referred."""
    if not (fields.get("chair_summary") or "").strip():
        raise ValidationError(N("errors", "Enter the chair's summary before finalising."), field="chair_summary")
    if not fields.get("modalities") and not (fields.get("plan_text") or "").strip():
        raise ValidationError(N("errors", "Choose the recommended treatment or describe the plan before "
                                          "finalising."), field="modalities")
    if fields.get("treat_where") == "refer_upward" and not (fields.get("referral_target") or "").strip():
        raise ValidationError(N("errors", "Enter the hospital the patient is referred to."),
                              field="referral_target")
