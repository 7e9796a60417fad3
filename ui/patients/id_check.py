"""What the ID number field says while the clerk types: progress, the reason it is wrong, or its facts.

Pure apart from translation (GB 11643 rules come from `app.domain.idcard`), so it is tested without widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain import idcard
from app.domain.vocab import label

ID_LENGTH = 18


@dataclass(frozen=True)
class IdCheck:
    state: str  # empty | partial | invalid | valid
    message: str = ""  # the progress hint (partial) or the reason (invalid)
    info: idcard.IdInfo | None = None


def normalise(text: str) -> str:
    return "".join(text.split()).upper()


def _invalid(message: str, **args: object) -> IdCheck:
    return IdCheck("invalid", message.format(**args))


def check_id_number(text: str) -> IdCheck:
    n = normalise(text)
    if not n:
        return IdCheck("empty")
    for pos, ch in enumerate(n[:ID_LENGTH], start=1):
        if not (ch.isdigit() and ch.isascii()) and not (pos == ID_LENGTH and ch == "X"):
            return _invalid(QCoreApplication.translate(
                "PatientIdCheck", "Character {pos} ({ch}) is not a digit: an ID number has 18 digits, only "
                                  "the last one may be X."), pos=pos, ch=ch)
    if len(n) > ID_LENGTH:
        return _invalid(QCoreApplication.translate(
            "PatientIdCheck", "Too long: an ID number has 18 characters ({n} entered)."), n=len(n))
    if len(n) < ID_LENGTH:
        if len(n) == 15:
            return IdCheck("partial", QCoreApplication.translate(
                "PatientIdCheck", "15 digits: this looks like an old ID number. Enter the 18-digit number "
                                  "of the current ID card."))
        return IdCheck("partial", QCoreApplication.translate(
            "PatientIdCheck", "{n} of 18 characters").format(n=len(n)))
    digits = n[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return _invalid(QCoreApplication.translate(
            "PatientIdCheck", "Characters 7–14 should be the birth date, but {digits} is not a date: check "
                              "the number."), digits=digits)
    if born > date.today():
        return _invalid(QCoreApplication.translate(
            "PatientIdCheck", "The birth date in the ID number ({date}) is in the future: check the number."),
            date=born.isoformat())
    if born.year < 1880:
        return _invalid(QCoreApplication.translate(
            "PatientIdCheck", "The birth date in the ID number ({date}) is too far in the past: check the "
                              "number."), date=born.isoformat())
    if idcard.check_digit(n[:17]) != n[17]:
        return _invalid(QCoreApplication.translate(
            "PatientIdCheck", "The check digit (the last character) does not match the other 17: one of the "
                              "characters is mistyped. Compare the number with the ID card digit by digit."))
    info = idcard.parse(n)
    if info is None:  # the rules above mirror idcard.parse; stay safe if they ever drift apart
        return _invalid(QCoreApplication.translate("PatientIdCheck", "This ID number is not valid."))
    return IdCheck("valid", info=info)


def describe_facts(info: idcard.IdInfo) -> str:
    """"1990-03-07, 女": what the number says, in the words the offer button uses."""
    return QCoreApplication.translate("PatientIdCheck", "{date}, {sex}").format(
        date=info.birth_date.isoformat(), sex=label("sex", info.sex))


def mismatches(info: idcard.IdInfo, sex: str, born: date | None) -> dict[str, str]:
    """Where the sex or birth date entered disagree with a valid ID number: {field: message}."""
    found = {}
    if sex in ("M", "F") and sex != info.sex:
        found["sex"] = QCoreApplication.translate(
            "PatientIdCheck", "The sex does not match the ID number, which says {sex}.").format(
            sex=label("sex", info.sex))
    if born is not None and born != info.birth_date:
        found["birth_date"] = QCoreApplication.translate(
            "PatientIdCheck", "The birth date does not match the ID number, which says {date}.").format(
            date=info.birth_date.isoformat())
    return found
