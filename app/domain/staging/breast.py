"""Breast, AJCC 8th edition chapter 48 (as updated in 2018).

Three tables: the anatomic stage groups, the clinical prognostic stage groups (cTNM) and the
pathological prognostic stage groups (pTNM, surgery as first treatment). The prognostic tables
need grade, ER, PR and HER2; without them the anatomic group is returned and the missing factors
listed. After neoadjuvant therapy (yc, yp) the prognostic tables do not apply and the anatomic
table is used. T1 includes T1mi; N1 (in the T0/T1 rows) excludes N1mi; N0(i+)/N0(mol+) and
M0(i+) count as N0 and M0.
"""

from __future__ import annotations

from .common import Axis, RuleTable, Site

T = Axis("T", "TX T0 Tis T1mi T1a T1b T1c T2 T3 T4a T4b T4c T4d",
         {"T1": "T1mi T1a T1b T1c", "T4": "T4a T4b T4c T4d"}, hidden="T1 T4")
N = Axis("N", "NX N0 N1mi N1 N1a N1b N1c N2 N2a N2b N3 N3a N3b N3c",
         {"N1": "N1a N1b N1c", "N2": "N2a N2b", "N3": "N3a N3b N3c"})
M = Axis("M", "M0 M1", unknown=False)

ANATOMIC = RuleTable("AJCC 8 breast anatomic", T, N, M, """
    *         | *                | M1 | IV
    Tis       | N0               | M0 | 0
    T1        | N0               | M0 | IA
    T0 T1     | N1mi             | M0 | IB
    T0 T1     | N1               | M0 | IIA
    T2        | N0               | M0 | IIA
    T2        | N1mi N1          | M0 | IIB
    T3        | N0               | M0 | IIB
    T0 T1 T2  | N2               | M0 | IIIA
    T3        | N1mi N1 N2       | M0 | IIIA
    T4        | N0 N1mi N1 N2    | M0 | IIIB
    *         | N3               | M0 | IIIC
""")

# The row blocks of both prognostic tables (A-E, named here for the code only).
BLOCKS = RuleTable("AJCC 8 breast prognostic blocks", T, N, M, """
    *         | *                | M1 | IV
    Tis       | N0               | M0 | 0
    T1        | N0               | M0 | A
    T0 T1     | N1mi             | M0 | A
    T0 T1     | N1               | M0 | B
    T2        | N0               | M0 | B
    T2        | N1mi N1          | M0 | C
    T3        | N0               | M0 | C
    T0 T1 T2  | N2               | M0 | D
    T3        | N1mi N1 N2       | M0 | D
    T4        | N0 N1mi N1 N2    | M0 | E
    *         | N3               | M0 | E
""")

# Per block and grade, eight groups in the printed order:
# HER2+ (ER+PR+, ER+PR-, ER-PR+, ER-PR-), then HER2- (same four).
_RECEPTORS = [(her2, er, pr) for her2 in "+-" for er, pr in (("+", "+"), ("+", "-"), ("-", "+"), ("-", "-"))]

CLINICAL_PROGNOSTIC = {
    "A": {"1": "IA IA IA IA    IA IA IA IB",
          "2": "IA IA IA IA    IA IA IA IB",
          "3": "IA IA IA IA    IA IB IB IB"},
    "B": {"1": "IB IIA IIA IIA    IB IIA IIA IIA",
          "2": "IB IIA IIA IIA    IB IIA IIA IIB",
          "3": "IB IIA IIA IIA    IIA IIB IIB IIB"},
    "C": {"1": "IB IIA IIA IIB    IIA IIB IIB IIB",
          "2": "IB IIA IIA IIB    IIA IIB IIB IIIB",
          "3": "IB IIB IIB IIB    IIB IIIA IIIA IIIB"},
    "D": {"1": "IIA IIIA IIIA IIIA    IIA IIIA IIIA IIIB",
          "2": "IIA IIIA IIIA IIIA    IIA IIIA IIIA IIIB",
          "3": "IIB IIIA IIIA IIIA    IIIA IIIB IIIB IIIC"},
    "E": {"1": "IIIA IIIB IIIB IIIB    IIIB IIIB IIIB IIIC",
          "2": "IIIA IIIB IIIB IIIB    IIIB IIIB IIIB IIIC",
          "3": "IIIB IIIB IIIB IIIB    IIIB IIIC IIIC IIIC"},
}

PATHOLOGICAL_PROGNOSTIC = {
    "A": {"1": "IA IA IA IA    IA IA IA IA",
          "2": "IA IA IA IA    IA IA IA IB",
          "3": "IA IA IA IA    IA IA IA IB"},
    "B": {"1": "IA IB IB IIA    IA IB IB IIA",
          "2": "IA IB IB IIA    IA IIA IIA IIA",
          "3": "IA IIA IIA IIA    IB IIA IIA IIA"},
    "C": {"1": "IA IIB IIB IIB    IA IIB IIB IIB",
          "2": "IB IIB IIB IIB    IB IIB IIB IIB",
          "3": "IB IIB IIB IIB    IIA IIB IIB IIIA"},
    "D": {"1": "IB IIIA IIIA IIIA    IB IIIA IIIA IIIA",
          "2": "IB IIIA IIIA IIIA    IB IIIA IIIA IIIB",
          "3": "IIA IIIA IIIA IIIA    IIB IIIA IIIA IIIC"},
    "E": {"1": "IIIA IIIB IIIB IIIB    IIIA IIIB IIIB IIIB",
          "2": "IIIA IIIB IIIB IIIB    IIIA IIIB IIIB IIIC",
          "3": "IIIB IIIB IIIB IIIB    IIIC IIIC IIIC IIIC"},
}

_PROGNOSTIC = {"c": ("AJCC 8 breast clinical prognostic", CLINICAL_PROGNOSTIC),
               "p": ("AJCC 8 breast pathological prognostic", PATHOLOGICAL_PROGNOSTIC)}
_FACTORS = ("grade", "er", "pr", "her2")
_T1_T2 = frozenset(T.expand("T1") + ("T2",))


def _prognostic_group(matrix, block: str, values) -> str:
    row = matrix[block][values["grade"]].split()
    return row[_RECEPTORS.index((values["her2"], values["er"], values["pr"]))]


def _lookup(prefix, t, n, m, values):
    if prefix not in _PROGNOSTIC:
        return _anatomic(prefix, t, n, m, values)
    name, matrix = _PROGNOSTIC[prefix]
    block = BLOCKS.lookup(t, n, m)
    if block is None or block in {"0", "IV"}:
        return name, block
    score = values.get("oncotype")
    # Pathological stage only: T1-T2 N0 M0, ER-positive, HER2-negative with a 21-gene recurrence
    # score below 11 is placed in stage IA whatever the grade and PR.
    if (prefix == "p" and score is not None and float(score) < 11 and t in _T1_T2 and n == "N0"
            and values["er"] == "+" and values["her2"] == "-"):
        return name, "IA"
    return name, _prognostic_group(matrix, block, values)


def _anatomic(prefix, t, n, m, values):
    return ANATOMIC.name, ANATOMIC.lookup(t, n, m)


def _factors(prefix: str) -> tuple[str, ...]:
    return _FACTORS if prefix in _PROGNOSTIC else ()


def _optional(prefix: str) -> tuple[str, ...]:
    return ("oncotype",) if prefix == "p" else ()


def _note(prefix: str) -> str:
    if prefix in {"yc", "yp"}:
        return ("Prognostic stage groups do not apply after neoadjuvant therapy; "
                "the anatomic stage group is given")
    return ""


SITE = Site("breast", "Breast", T, N, M, _lookup, factors=_factors, optional=_optional,
            fallback=_anatomic, unknown_is_missing=True, note=_note)
