"""Masked identity for roles that may read cases but not know whose they are (PIPL art. 28).

The services apply it to what they return to a viewer, so no screen, export or command can show more.
张三丰 → 张*丰, ID 110***********1234, phone 138****5678, inpatient no. ZY****01; the address is withheld.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from app.records import Actor, PatientRow

MASKED_ROLES = frozenset({"viewer"})


def sees_masked(actor: Actor) -> bool:
    return actor.role in MASKED_ROLES


def mask_name(name: str) -> str:
    n = (name or "").strip()
    if len(n) <= 1:
        return n
    if len(n) == 2:
        return n[0] + "*"
    return n[0] + "*" + n[-1]


def mask_digits(value: str | None, head: int, tail: int) -> str | None:
    if value is None:
        return None
    v = value.strip()
    if len(v) <= head + tail:
        return "*" * len(v)
    return v[:head] + "*" * (len(v) - head - tail) + v[-tail:]


def masked_patient(p: PatientRow) -> PatientRow:
    return replace(
        p, name=mask_name(p.name), id_number=mask_digits(p.id_number, 3, 4), phone=mask_digits(p.phone, 3, 4) or "",
        hospital_number=mask_digits(p.hospital_number, 2, 2),
        outpatient_number=mask_digits(p.outpatient_number, 2, 2), birth_date=None,
        address="***" if p.address else "", province="", city="", county="", township="",
        address_detail="",
    )


def patient_for(actor: Actor, p: PatientRow) -> PatientRow:
    return masked_patient(p) if sees_masked(actor) else p


def _masked(value):
    if isinstance(value, PatientRow):
        return masked_patient(value)
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_masked(v) for v in value)
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if f.name == "patient_name" and isinstance(v, str):
                changes[f.name] = mask_name(v)
            elif isinstance(v, list | tuple | dict | PatientRow) or (is_dataclass(v) and not isinstance(v, type)):
                changes[f.name] = _masked(v)
        return replace(value, **changes) if changes else value
    return value


def masked_for(actor: Actor, value):
    """A record, or lists, tuples and dicts of records, with every patient name and PatientRow masked when
    the actor's role sees masked identity; unchanged otherwise."""
    return _masked(value) if sees_masked(actor) else value
