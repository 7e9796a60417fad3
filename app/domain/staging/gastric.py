"""Stomach, AJCC 8th edition chapter 17: separate clinical, pathological and post-neoadjuvant tables.

c and yc use the clinical (cTNM) table, p the pathological (pTNM) table and yp the
post-neoadjuvant (ypTNM) table.
"""

from __future__ import annotations

from .common import Axis, RuleTable, Site

T = Axis("T", "TX T0 Tis T1a T1b T2 T3 T4a T4b", {"T1": "T1a T1b", "T4": "T4a T4b"})
N = Axis("N", "NX N0 N1 N2 N3a N3b", {"N3": "N3a N3b"})
M = Axis("M", "M0 M1", unknown=False)

CLINICAL = RuleTable("AJCC 8 stomach clinical", T, N, M, """
    *        | *         | M1 | IVB
    Tis      | N0        | M0 | 0
    T1 T2    | N0        | M0 | I
    T1 T2    | N1 N2 N3  | M0 | IIA
    T3 T4a   | N0        | M0 | IIB
    T3 T4a   | N1 N2 N3  | M0 | III
    T4b      | *         | M0 | IVA
""")

PATHOLOGICAL = RuleTable("AJCC 8 stomach pathological", T, N, M, """
    *        | *        | M1 | IV
    Tis      | N0       | M0 | 0
    T1       | N0       | M0 | IA
    T1       | N1       | M0 | IB
    T2       | N0       | M0 | IB
    T1       | N2       | M0 | IIA
    T2       | N1       | M0 | IIA
    T3       | N0       | M0 | IIA
    T1       | N3a      | M0 | IIB
    T2       | N2       | M0 | IIB
    T3       | N1       | M0 | IIB
    T4a      | N0       | M0 | IIB
    T2       | N3a      | M0 | IIIA
    T3       | N2       | M0 | IIIA
    T4a      | N1 N2    | M0 | IIIA
    T4b      | N0       | M0 | IIIA
    T1 T2    | N3b      | M0 | IIIB
    T3 T4a   | N3a      | M0 | IIIB
    T4b      | N1 N2    | M0 | IIIB
    T3 T4a   | N3b      | M0 | IIIC
    T4b      | N3a N3b  | M0 | IIIC
""")

POST_NEOADJUVANT = RuleTable("AJCC 8 stomach post-neoadjuvant", T, N, M, """
    *        | *        | M1 | IV
    T1 T2    | N0       | M0 | I
    T1       | N1       | M0 | I
    T3       | N0       | M0 | II
    T2       | N1       | M0 | II
    T1       | N2       | M0 | II
    T4a      | N0       | M0 | II
    T3       | N1       | M0 | II
    T2       | N2       | M0 | II
    T1       | N3       | M0 | II
    T4a      | N1       | M0 | III
    T3       | N2       | M0 | III
    T2       | N3       | M0 | III
    T4b      | N0 N1    | M0 | III
    T4a      | N2       | M0 | III
    T3       | N3       | M0 | III
    T4b      | N2 N3    | M0 | III
    T4a      | N3       | M0 | III
""")

_BY_PREFIX = {"c": CLINICAL, "yc": CLINICAL, "p": PATHOLOGICAL, "yp": POST_NEOADJUVANT}


def _lookup(prefix, t, n, m, values):
    table = _BY_PREFIX[prefix]
    return table.name, table.lookup(t, n, m)


SITE = Site("gastric", "Stomach", T, N, M, _lookup)
