"""Liver (hepatocellular carcinoma), AJCC 8th edition chapter 22: one table for every prefix."""

from __future__ import annotations

from .common import Axis, RuleTable, Site

T = Axis("T", "TX T0 T1a T1b T2 T3 T4", {"T1": "T1a T1b"})
N = Axis("N", "NX N0 N1")
M = Axis("M", "M0 M1", unknown=False)

TABLE = RuleTable("AJCC 8 liver", T, N, M, """
    *    | *   | M1 | IVB
    *    | N1  | M0 | IVA
    T1a  | N0  | M0 | IA
    T1b  | N0  | M0 | IB
    T2   | N0  | M0 | II
    T3   | N0  | M0 | IIIA
    T4   | N0  | M0 | IIIB
""")


def _lookup(prefix, t, n, m, values):
    return TABLE.name, TABLE.lookup(t, n, m)


SITE = Site("liver", "Liver (hepatocellular carcinoma)", T, N, M, _lookup)
