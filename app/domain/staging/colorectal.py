"""Colon and rectum, AJCC 8th edition chapter 20: one table for every prefix. N1c counts as N1."""

from __future__ import annotations

from .common import Axis, RuleTable, Site

T = Axis("T", "TX T0 Tis T1 T2 T3 T4a T4b", {"T4": "T4a T4b"})
N = Axis("N", "NX N0 N1a N1b N1c N2a N2b", {"N1": "N1a N1b N1c", "N2": "N2a N2b"})
M = Axis("M", "M0 M1a M1b M1c", {"M1": "M1a M1b M1c"}, unknown=False)

TABLE = RuleTable("AJCC 8 colorectal", T, N, M, """
    *       | *      | M1a | IVA
    *       | *      | M1b | IVB
    *       | *      | M1c | IVC
    Tis     | N0     | M0  | 0
    T1 T2   | N0     | M0  | I
    T3      | N0     | M0  | IIA
    T4a     | N0     | M0  | IIB
    T4b     | N0     | M0  | IIC
    T1 T2   | N1     | M0  | IIIA
    T1      | N2a    | M0  | IIIA
    T3 T4a  | N1     | M0  | IIIB
    T2 T3   | N2a    | M0  | IIIB
    T1 T2   | N2b    | M0  | IIIB
    T4a     | N2a    | M0  | IIIC
    T3 T4a  | N2b    | M0  | IIIC
    T4b     | N1 N2  | M0  | IIIC
""")


def _lookup(prefix, t, n, m, values):
    return TABLE.name, TABLE.lookup(t, n, m)


SITE = Site("colorectal", "Colon and rectum", T, N, M, _lookup)
