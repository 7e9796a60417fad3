"""How a patient reads on screen: masked ID number, sex label, one-line description."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.vocab import label
from app.records import PatientRow


def mask_id_number(number: str | None) -> str:
    """110101********1234: enough to tell two patients apart on screen, not enough to copy."""
    n = (number or "").strip()
    if len(n) <= 10:
        return n
    return n[:6] + "*" * (len(n) - 10) + n[-4:]


def patient_line(row: PatientRow) -> str:
    """张三（男，1960-05-01，住院号 ZY0001）: what tells a clerk which patient this is."""
    parts = [label("sex", row.sex)]
    if row.birth_date:
        parts.append(row.birth_date.isoformat())
    if row.hospital_number:
        parts.append(QCoreApplication.translate("PatientFormat", "inpatient no. {number}")
                     .format(number=row.hospital_number))
    elif row.id_number:
        parts.append(QCoreApplication.translate("PatientFormat", "ID {number}")
                     .format(number=mask_id_number(row.id_number)))
    sep = QCoreApplication.translate("PatientFormat", ", ")
    return QCoreApplication.translate("PatientFormat", "{name} ({details})").format(
        name=row.name, details=sep.join(parts))
