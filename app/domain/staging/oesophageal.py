"""Oesophagus and oesophagogastric junction, AJCC 8th edition chapter 16.

Squamous cell carcinoma and adenocarcinoma have their own clinical (cTNM) and pathological
(pTNM) tables; the post-neoadjuvant (ypTNM) table is shared. The pathological tables need the
grade (G1-G3, GX) and, for squamous cell carcinoma, the location of the tumour's epicentre
(upper, middle, lower, X). AJCC 8 has no ycTNM table: yc uses the clinical table.
"""

from __future__ import annotations

from .common import Axis, RuleTable, Site

T = Axis("T", "TX T0 Tis T1a T1b T2 T3 T4a T4b", {"T1": "T1a T1b", "T4": "T4a T4b"})
N = Axis("N", "NX N0 N1 N2 N3")
M = Axis("M", "M0 M1", unknown=False)

CLINICAL = {
    "squamous": RuleTable("AJCC 8 oesophagus clinical squamous", T, N, M, """
        *          | *         | M1 | IVB
        *          | N3        | M0 | IVA
        Tis        | N0        | M0 | 0
        T1         | N0 N1     | M0 | I
        T2         | N0 N1     | M0 | II
        T3         | N0        | M0 | II
        T3         | N1        | M0 | III
        T1 T2 T3   | N2        | M0 | III
        T4         | N0 N1 N2  | M0 | IVA
    """),
    "adenocarcinoma": RuleTable("AJCC 8 oesophagus clinical adenocarcinoma", T, N, M, """
        *              | *         | M1 | IVB
        *              | N3        | M0 | IVA
        Tis            | N0        | M0 | 0
        T1             | N0        | M0 | I
        T1             | N1        | M0 | IIA
        T2             | N0        | M0 | IIB
        T2             | N1        | M0 | III
        T3 T4a         | N0 N1     | M0 | III
        T1 T2 T3 T4a   | N2        | M0 | IVA
        T4b            | N0 N1 N2  | M0 | IVA
    """),
}

# The rows for an unknown grade (GX) or location (X) come first: the published T3 N0 rows
# "any grade, lower -> IIA" and "GX, any location -> IIB" overlap for GX + lower; the explicit
# GX row is applied (IIB).
PATHOLOGICAL = {
    "squamous": RuleTable("AJCC 8 oesophagus pathological squamous", T, N, M, """
        *     | *         | M1 | IVB
        *     | N3        | M0 | IVA
        Tis   | N0        | M0 | 0
        T1a   | N0        | M0 | grade 1 X                            | IA
        T1a   | N0        | M0 | grade 2 3                            | IB
        T1b   | N0        | M0 | IB
        T2    | N0        | M0 | grade 1                              | IB
        T2    | N0        | M0 | grade 2 3 X                          | IIA
        T3    | N0        | M0 | grade X                              | IIB
        T3    | N0        | M0 | location X                           | IIB
        T3    | N0        | M0 | location lower                       | IIA
        T3    | N0        | M0 | grade 1   | location upper middle    | IIA
        T3    | N0        | M0 | grade 2 3 | location upper middle    | IIB
        T1    | N1        | M0 | IIB
        T1    | N2        | M0 | IIIA
        T2    | N1        | M0 | IIIA
        T2    | N2        | M0 | IIIB
        T3    | N1 N2     | M0 | IIIB
        T4a   | N0 N1     | M0 | IIIB
        T4a   | N2        | M0 | IVA
        T4b   | N0 N1 N2  | M0 | IVA
    """),
    "adenocarcinoma": RuleTable("AJCC 8 oesophagus pathological adenocarcinoma", T, N, M, """
        *     | *         | M1 | IVB
        *     | N3        | M0 | IVA
        Tis   | N0        | M0 | 0
        T1a   | N0        | M0 | grade 1 X    | IA
        T1a   | N0        | M0 | grade 2      | IB
        T1b   | N0        | M0 | grade 1 2 X  | IB
        T1    | N0        | M0 | grade 3      | IC
        T2    | N0        | M0 | grade 1 2    | IC
        T2    | N0        | M0 | grade 3 X    | IIA
        T1    | N1        | M0 | IIB
        T3    | N0        | M0 | IIB
        T1    | N2        | M0 | IIIA
        T2    | N1        | M0 | IIIA
        T2    | N2        | M0 | IIIB
        T3    | N1 N2     | M0 | IIIB
        T4a   | N0 N1     | M0 | IIIB
        T4a   | N2        | M0 | IVA
        T4b   | N0 N1 N2  | M0 | IVA
    """),
}

# Same for both cell types. "T0-2" and "T0-3" are read as including Tis.
POST_NEOADJUVANT = RuleTable("AJCC 8 oesophagus post-neoadjuvant", T, N, M, """
    *                 | *         | M1 | IVB
    *                 | N3        | M0 | IVA
    T0 Tis T1 T2      | N0        | M0 | I
    T3                | N0        | M0 | II
    T0 Tis T1 T2      | N1        | M0 | IIIA
    T3                | N1        | M0 | IIIB
    T0 Tis T1 T2 T3   | N2        | M0 | IIIB
    T4a               | N0        | M0 | IIIB
    T4a               | N1 N2     | M0 | IVA
    T4b               | N0 N1 N2  | M0 | IVA
""")


def _factors(prefix: str) -> tuple[str, ...]:
    if prefix == "yp":
        return ()
    if prefix == "p":
        return ("histology", "grade", "location")
    return ("histology",)


def _lookup(prefix, t, n, m, values):
    if prefix == "yp":
        table = POST_NEOADJUVANT
    else:
        tables = PATHOLOGICAL if prefix == "p" else CLINICAL
        table = tables[values["histology"]]
    return table.name, table.lookup(t, n, m, values)


def _special(prefix, t, n, m):
    # The ypTNM table prints "T4a NX M0 -> IVA" as a cell of its own.
    if prefix == "yp" and (t, n, m) == ("T4a", "NX", "M0"):
        return POST_NEOADJUVANT.name, "IVA"
    return None


def _note(prefix: str) -> str:
    return "AJCC 8 has no ycTNM stage groups for the oesophagus; the clinical table was used" \
        if prefix == "yc" else ""


SITE = Site("oesophageal", "Oesophagus and oesophagogastric junction", T, N, M, _lookup,
            factors=_factors, special=_special, note=_note)
