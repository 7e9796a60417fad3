"""How a case row's fields read on screen (shared by the list and the summary)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from app.domain.vocab import label
from app.records import CaseRow


def format_date(d: date | None) -> str:
    return d.isoformat() if d else ""


def format_datetime(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M") if dt else ""


def sex_age(row: CaseRow) -> str:
    sex = label("sex", row.patient_sex)
    if row.patient_age is None:
        return sex
    return QCoreApplication.translate("CaseFormat", "{sex} / {age}").format(sex=sex, age=row.patient_age)


def urgency(row: CaseRow) -> str:
    return label("urgency", row.urgency)
