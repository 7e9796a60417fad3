"""A patient's identifiers taken out of free text for the roles that see masked identity.

Masking the name field is not enough: a doctor writes "张三丰拒绝手术" in the plan, a scanned report is
named "张三丰_病理.pdf", a DICOM series description carries the patient's name or hospital number. For a
viewer every string a service hands out about a case has that case's real name, ID number, phone,
hospital/outpatient number, address and the name in its DICOM files replaced by the masked form.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.records import Actor
from app.security.masking import mask_digits, mask_name, masked_for, sees_masked
from db.models import Attachment, Case, Patient

Pairs = tuple[tuple[str, str], ...]  # (real, masked), longest first
MIN_NUMBER = 4  # a two-digit "hospital number" of test data would blank out dates and doses


def _dicom_names(value: str) -> list[str]:
    """"ZHANG^SANFENG" as stored, and as people write it ("ZHANG SANFENG", "ZHANGSANFENG")."""
    v = value.strip().strip("^")
    if not v:
        return []
    parts = [p for p in v.split("^") if p]
    return list(dict.fromkeys([v, " ".join(parts), "".join(parts), *[p for p in parts if len(p) > 2]]))


def patient_pairs(p: Patient, dicom_names: list[str] = ()) -> Pairs:
    pairs: dict[str, str] = {}
    if p.name and len(p.name.strip()) >= 2:  # one character would blank out ordinary words
        pairs[p.name.strip()] = mask_name(p.name)
    for value, head, tail in ((p.id_number, 3, 4), (p.phone, 3, 4), (p.hospital_number, 2, 2),
                              (p.outpatient_number, 2, 2)):
        if value and len(value.strip()) >= MIN_NUMBER:
            pairs[value.strip()] = mask_digits(value, head, tail)
    if p.address_detail and p.address_detail.strip():
        pairs[p.address_detail.strip()] = "***"
    if p.name_pinyin and len(p.name_pinyin) > 3:  # as a DICOM file or a file name spells it
        for spelled in (p.name_pinyin, p.name_pinyin.upper(), p.name_pinyin.capitalize()):
            pairs.setdefault(spelled, "***")
    for raw in dicom_names:
        for name in _dicom_names(raw):
            pairs.setdefault(name, "***")
    return tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


def case_pairs(s: Session, case_ids) -> Pairs:
    """The identifiers of the patients of these cases (their DICOM files' names included)."""
    ids = {int(i) for i in case_ids if i is not None}
    if not ids:
        return ()
    out: dict[str, str] = {}
    patient_ids = set(s.execute(select(Case.patient_id).where(Case.id.in_(ids))).scalars())
    dicom = [m.get("patient_name_dicom", "") for m in s.execute(
        select(Attachment.meta).where(Attachment.case_id.in_(ids), Attachment.kind == "dicom")).scalars() if m]
    for p in s.execute(select(Patient).where(Patient.id.in_(patient_ids))).scalars():
        out.update(patient_pairs(p, sorted(set(dicom))))
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


def scrub_text(text: str, pairs: Pairs) -> str:
    for real, masked in pairs:
        if real in text:
            text = text.replace(real, masked)
    return text


def scrubbed(value, pairs: Pairs):
    """Every string in a record (dataclasses, lists, tuples, dicts, nested) with the identifiers replaced."""
    if not pairs:
        return value
    if isinstance(value, str):
        return scrub_text(value, pairs)
    if isinstance(value, list):
        return [scrubbed(v, pairs) for v in value]
    if isinstance(value, tuple):
        return tuple(scrubbed(v, pairs) for v in value)
    if isinstance(value, dict):
        return {k: scrubbed(v, pairs) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            v = getattr(value, f.name)
            new = scrubbed(v, pairs)
            if new is not v and new != v:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    return value


def redacted_for(actor: Actor, s: Session, case_ids, value):
    """`value` as the actor may see it: unchanged, or with the cases' patient identifiers masked in every
    string for a role that sees masked identity."""
    if not sees_masked(actor):
        return value
    return scrubbed(value, case_pairs(s, case_ids))


def case_ids_in(value, found: set[int] | None = None) -> set[int]:
    """Every `case_id` a record (and what it nests) names: whose identifiers to look for in its text."""
    found = set() if found is None else found
    if isinstance(value, list | tuple):
        for v in value:
            case_ids_in(v, found)
    elif isinstance(value, dict):
        for v in value.values():
            case_ids_in(v, found)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            v = getattr(value, f.name)
            if f.name == "case_id" and isinstance(v, int):
                found.add(v)
            elif isinstance(v, list | tuple | dict) or (is_dataclass(v) and not isinstance(v, type)):
                case_ids_in(v, found)
    return found


def masked_in(actor: Actor, s: Session, value):
    """`masked_for` (the patient fields) and the free text of every case the value names."""
    if not sees_masked(actor):
        return value
    value = masked_for(actor, value)
    return scrubbed(value, case_pairs(s, case_ids_in(value)))
