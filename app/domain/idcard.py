"""身份证号 (GB 11643-1999): check digit, birth date and sex."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    sex: str  # M | F
    region: str  # first six digits (administrative division code)


def parse(number: str) -> IdInfo | None:
    """The facts an ID number encodes, or None when it is not a valid 18-digit number."""
    n = number.strip().upper()
    if len(n) != 18 or not n[:17].isdigit() or n[17] not in "0123456789X":
        return None
    if check_digit(n[:17]) != n[17]:
        return None
    try:
        born = date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        return None
    if born.year < 1880 or born > date.today():
        return None
    return IdInfo(n, born, "M" if int(n[16]) % 2 else "F", n[:6])


def make(region: str, born: date, sequence: int, sex: str) -> str:
    """A valid number for `region` (6 digits), birth date, a 2-digit sequence and sex (demo data, tests)."""
    seq = f"{sequence % 100:02d}{(1 if sex == 'M' else 0) + 2 * ((sequence // 100) % 5)}"
    first17 = f"{region}{born:%Y%m%d}{seq}"
    return first17 + check_digit(first17)
