"""Lung (non-small cell carcinoma), AJCC 8th edition chapter 36: one table for every prefix."""

from __future__ import annotations

from .common import Axis, RuleTable, Site

T = Axis("T", "TX T0 Tis T1mi T1a T1b T1c T2a T2b T3 T4",
         {"T1": "T1mi T1a T1b T1c", "T2": "T2a T2b"})
N = Axis("N", "NX N0 N1 N2 N3")
M = Axis("M", "M0 M1a M1b M1c", {"M1": "M1a M1b M1c"}, unknown=False)

TABLE = RuleTable("AJCC 8 lung", T, N, M, """
    *         | *        | M1a M1b | IVA
    *         | *        | M1c     | IVB
    Tis       | N0       | M0      | 0
    T1mi T1a  | N0       | M0      | IA1
    T1b       | N0       | M0      | IA2
    T1c       | N0       | M0      | IA3
    T2a       | N0       | M0      | IB
    T2b       | N0       | M0      | IIA
    T1 T2     | N1       | M0      | IIB
    T3        | N0       | M0      | IIB
    T1 T2     | N2       | M0      | IIIA
    T3        | N1       | M0      | IIIA
    T4        | N0 N1    | M0      | IIIA
    T1 T2     | N3       | M0      | IIIB
    T3 T4     | N2       | M0      | IIIB
    T3 T4     | N3       | M0      | IIIC
""")


def _lookup(prefix, t, n, m, values):
    return TABLE.name, TABLE.lookup(t, n, m)


def _special(prefix, t, n, m):
    # The table prints this cell with TX itself: cancer cells in sputum or washings, no tumour seen.
    if (t, n, m) == ("TX", "N0", "M0"):
        return TABLE.name, "Occult carcinoma"
    return None


SITE = Site("lung", "Lung (non-small cell carcinoma)", T, N, M, _lookup, special=_special)
