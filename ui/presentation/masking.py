"""What the audience may read about a patient: masked name, sex and age only (PIPL art. 28, DOMAIN.md §5).

Pure functions, no widgets: the audience window builds every text it shows through them.
"""

from __future__ import annotations

from datetime import date

from app.records import PatientRow


def mask_name(name: str) -> str:
    """张三丰 → 张*丰, 欧阳春华 → 欧*华, 张三 → 张*: first character, a star, last character."""
    n = (name or "").strip()
    if len(n) <= 1:
        return n
    if len(n) == 2:
        return n[0] + "*"
    return n[0] + "*" + n[-1]


def mask_digits(value: str | None, head: int, tail: int) -> str:
    """110***********1234 (head 3, tail 4) or 138****5678: enough to tell apart, not to copy."""
    v = (value or "").strip()
    if len(v) <= head + tail:
        return "*" * len(v)
    return v[:head] + "*" * (len(v) - head - tail) + v[-tail:]


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def identifiers(p: PatientRow) -> list[str]:
    """Every identifying string of the patient that must never reach the audience while masked."""
    out = [p.name, p.id_number, p.hospital_number, p.outpatient_number, p.phone, p.address, p.address_detail]
    return [s for s in (x.strip() for x in out if x) if len(s) >= 2]


def scrub(text: str, p: PatientRow | None, masked: bool) -> str:
    """Free text (a question, a history, a key-image note) with the patient's identifiers masked out."""
    if not text or p is None or not masked:
        return text or ""
    repl = {
        p.name: mask_name(p.name),
        p.id_number: mask_digits(p.id_number, 3, 4),
        p.phone: mask_digits(p.phone, 3, 4),
        p.hospital_number: mask_digits(p.hospital_number, 2, 2),
        p.outpatient_number: mask_digits(p.outpatient_number, 2, 2),
        p.address: "***",
        p.address_detail: "***",
    }
    for real, shown in sorted(((k.strip(), v) for k, v in repl.items() if k and len(k.strip()) >= 2),
                              key=lambda kv: -len(kv[0])):
        text = text.replace(real, shown)
    return text


def shorten(text: str, limit: int) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[: limit - 1].rstrip("，,。；; ") + "…"
