"""Bundled, offline, searchable Chinese code lists for tumour diagnoses.

- ICD-10 chapter II neoplasms (WHO ICD-10 2019 categories C00–C97, D00–D48, no ICD-10-CM additions such as
  C7A/C7B) with the 4-character subcategories used in county oncology; Chinese titles in the style of the
  national clinical version (国家临床版), whose longer codes extend these WHO codes.
- ICD-O-3 morphology: the commonly used histology codes (e.g. 8140/3 腺癌，NOS).

Lookups normalise what a clerk types (``c34.1``, ``C341``, ``Ｃ３４．１``; ``8140/3``, ``81403``,
``M8140/3``). Searches match code prefixes, Chinese substrings, full pinyin and pinyin initials at
syllable starts (``zhichang``, ``zc`` -> 直肠), clerks' everyday terms (肺癌, 乳腺癌, 鳞癌, GIST) and
English words (``rectum``).
The tables load on first use (~0.15 s, plus ~0.3 s if pypinyin is not loaded yet); a later search takes ~1 ms.
"""

from __future__ import annotations

import re
import threading

from app.domain.codes._aliases import ICD10_ALIASES, ICDO3_ALIASES
from app.domain.codes._index import Code, CodeTable, fold, inherited, read_tsv

__all__ = [
    "Code",
    "all_icd10",
    "all_icdo3",
    "icd10",
    "icdo3",
    "is_neoplasm_code",
    "search_icd10",
    "search_icdo3",
]

ICD10_FILE = "icd10_neoplasms.tsv"
ICDO3_FILE = "icdo3_morphology.tsv"

_ICD10_TEXT = re.compile(r"([A-Z])(\d{0,2})(?:\.?([0-9A-Z]*))")
_ICDO3_TEXT = re.compile(r"(\d{1,4})(?:/(\d?))?")


def _icd10_key(text: str) -> str | None:
    """The canonical form of a (partial) ICD-10 code: C34.1 from c34.1 / C341 / Ｃ３４．１, C34 from C34.;
    None when the text cannot be the start of a code. Longer national-clinical codes keep their tail."""
    s = "".join(fold(text).upper().split())
    m = _ICD10_TEXT.fullmatch(s)
    if not m:
        return None
    letter, number, tail = m.groups()
    if tail and len(number) < 2:
        return None
    return f"{letter}{number}.{tail}" if tail else f"{letter}{number}"


def _icdo3_key(text: str) -> str | None:
    """The canonical form of a (partial) ICD-O-3 morphology code: 8140/3 from 81403, M8140/3, M-8140-3."""
    s = "".join(fold(text).upper().split())
    s = s.removeprefix("M").removeprefix("-").replace("-", "/")
    if re.fullmatch(r"\d{5}", s):
        s = f"{s[:4]}/{s[4]}"
    m = _ICDO3_TEXT.fullmatch(s)
    if not m or ("/" in s and len(m.group(1)) != 4):
        return None
    return s


_lock = threading.Lock()
_tables: dict[str, CodeTable] = {}


def _table(name: str) -> CodeTable:
    table = _tables.get(name)
    if table is None:
        with _lock:
            table = _tables.get(name)
            if table is None:
                if name == ICD10_FILE:
                    table = CodeTable(read_tsv(__name__, name), _icd10_key, inherited(ICD10_ALIASES))
                else:
                    table = CodeTable(read_tsv(__name__, name), _icdo3_key, inherited(ICDO3_ALIASES))
                _tables[name] = table
    return table


def icd10(code: str) -> Code | None:
    """The ICD-10 neoplasm entry for exactly this code (case, dot and width ignored), else None."""
    return _table(ICD10_FILE).get(code)


def icdo3(code: str) -> Code | None:
    """The ICD-O-3 morphology entry for exactly this code ("8140/3" or "81403"), else None."""
    return _table(ICDO3_FILE).get(code)


def search_icd10(text: str, limit: int = 50) -> list[Code]:
    """ICD-10 neoplasm codes matching `text`, best first: exact code, code prefix, title starting with the
    text (Chinese, pinyin or initials), then other matches; shorter codes first at equal rank."""
    return _table(ICD10_FILE).search(text, limit)


def search_icdo3(text: str, limit: int = 50) -> list[Code]:
    """ICD-O-3 morphology codes matching `text`, ranked like search_icd10."""
    return _table(ICDO3_FILE).search(text, limit)


def all_icd10() -> tuple[Code, ...]:
    """Every bundled ICD-10 entry, in code order (for pick lists)."""
    return _table(ICD10_FILE).rows


def all_icdo3() -> tuple[Code, ...]:
    """Every bundled ICD-O-3 entry, in code order."""
    return _table(ICDO3_FILE).rows


def is_neoplasm_code(code: str) -> bool:
    """Whether `code` has the form of an ICD-10 code in chapter II, C00–C97 or D00–D48 (national-clinical
    extensions such as C34.100x001 included). It does not check that the code exists: use icd10() for that."""
    key = _icd10_key(code) if isinstance(code, str) else None
    if not key or not re.fullmatch(r"[A-Z]\d{2}(\.[0-9A-Z]+)?", key):
        return False
    letter, number = key[0], int(key[1:3])
    return (letter == "C" and number <= 97) or (letter == "D" and number <= 48)
