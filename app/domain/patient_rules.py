"""Validation of patient identity fields, with messages a clerk understands."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain import idcard
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N

_PHONE = re.compile(r"^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$")
_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,39}$")
SEXES = ("M", "F", "U")
MAX_NAME = 50


def clean_text(value: str | None, limit: int, field: str, multiline: bool = False) -> str:
    """Strip, refuse control characters and oversize text (they would corrupt printed records).

    `multiline` fields (history, summaries) keep line breaks and tabs, normalised to "\n".
    """
    text = (value or "").strip()
    allowed = "\n\t" if multiline else ""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text):
        raise ValidationError(N("errors", "This field contains invisible control characters."), field=field)
    if any(unicodedata.category(ch) == "Cs" for ch in text):  # a lone surrogate: not storable as UTF-8
        raise ValidationError(N("errors", "This field contains characters that are not valid text."), field=field)
    if len(text) > limit:
        raise ValidationError(N("errors", "This field is too long (at most {n} characters)."), field=field, n=limit)
    return text


@dataclass(frozen=True)
class PatientFields:
    name: str
    sex: str
    birth_date: date | None
    id_number: str | None
    hospital_number: str | None
    outpatient_number: str | None
    phone: str
    province: str
    city: str
    county: str
    township: str
    address_detail: str
    insurance: str


def validate_patient(*, name: str, sex: str, birth_date: date | None = None, id_number: str | None = None,
                     hospital_number: str | None = None, outpatient_number: str | None = None, phone: str = "",
                     province: str = "", city: str = "", county: str = "", township: str = "",
                     address_detail: str = "", insurance: str = "") -> PatientFields:
    name = clean_text(name, MAX_NAME, "name")
    if not name:
        raise ValidationError(N("errors", "Enter the patient's name."), field="name")
    if sex not in SEXES:
        raise ValidationError(N("errors", "Choose the patient's sex."), field="sex")
    if birth_date is not None:
        if birth_date > date.today():
            raise ValidationError(N("errors", "The birth date is in the future."), field="birth_date")
        if birth_date.year < 1890:
            raise ValidationError(N("errors", "The birth date is too far in the past."), field="birth_date")
    idn = (id_number or "").strip().upper() or None
    if idn:
        info = idcard.parse(idn)
        if info is None:
            raise ValidationError(
                N("errors", "The ID number is not valid: 18 characters, and the last one (check digit) "
                            "must match the others."), field="id_number")
        if birth_date is not None and birth_date != info.birth_date:
            raise ValidationError(
                N("errors", "The birth date does not match the ID number ({date})."),
                field="birth_date", date=info.birth_date.isoformat())
        if sex in ("M", "F") and sex != info.sex:
            raise ValidationError(N("errors", "The sex does not match the ID number."), field="sex")
        birth_date = info.birth_date
        if sex == "U":
            sex = info.sex
    numbers = {}
    for field, value in (("hospital_number", hospital_number), ("outpatient_number", outpatient_number)):
        v = (value or "").strip() or None
        if v and not _NUMBER.match(v):
            raise ValidationError(N("errors", "A hospital or outpatient number has letters, digits and "
                                              "'-' only (at most 40)."), field=field)
        numbers[field] = v
    phone = clean_text(phone, 30, "phone")
    if phone and not _PHONE.match(phone.replace(" ", "")):
        raise ValidationError(
            N("errors", "The phone number is not valid (a mobile number has 11 digits starting with 1)."),
            field="phone")
    return PatientFields(
        name=name, sex=sex, birth_date=birth_date, id_number=idn, phone=phone.replace(" ", ""),
        province=clean_text(province, 50, "province"), city=clean_text(city, 50, "city"),
        county=clean_text(county, 50, "county"), township=clean_text(township, 50, "township"),
        address_detail=clean_text(address_detail, 200, "address_detail"),
        insurance=clean_text(insurance, 30, "insurance"), **numbers,
    )
