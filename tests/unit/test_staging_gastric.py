"""AJCC 8 stomach: clinical (c, yc), pathological (p) and post-neoadjuvant (yp) tables."""

import pytest

from app.domain.staging import StagingInput, compute_stage, n_categories

# The three published stomach tables, transcribed T (rows) x N (columns); "-" = no group.
CLINICAL = """
        N0    N1    N2    N3a   N3b
T0      -     -     -     -     -
Tis     0     -     -     -     -
T1a     I     IIA   IIA   IIA   IIA
T1b     I     IIA   IIA   IIA   IIA
T2      I     IIA   IIA   IIA   IIA
T3      IIB   III   III   III   III
T4a     IIB   III   III   III   III
T4b     IVA   IVA   IVA   IVA   IVA
"""

PATHOLOGICAL = """
        N0    N1    N2    N3a   N3b
T0      -     -     -     -     -
Tis     0     -     -     -     -
T1a     IA    IB    IIA   IIB   IIIB
T1b     IA    IB    IIA   IIB   IIIB
T2      IB    IIA   IIB   IIIA  IIIB
T3      IIA   IIB   IIIA  IIIB  IIIC
T4a     IIB   IIIA  IIIA  IIIB  IIIC
T4b     IIIA  IIIB  IIIB  IIIC  IIIC
"""

POST_NEOADJUVANT = """
        N0    N1    N2    N3a   N3b
T0      -     -     -     -     -
Tis     -     -     -     -     -
T1a     I     I     II    II    II
T1b     I     I     II    II    II
T2      I     II    II    III   III
T3      II    II    III   III   III
T4a     II    III   III   III   III
T4b     III   III   III   III   III
"""


def cells(text):
    rows = [line.split() for line in text.strip().splitlines()]
    return [(row[0], col, None if value == "-" else value)
            for row in rows[1:] for col, value in zip(rows[0], row[1:], strict=True)]


def stage(prefix, t, n, m):
    return compute_stage(StagingInput("gastric", prefix, t, n, m, {}))


@pytest.mark.parametrize("prefix", ["c", "yc"])
@pytest.mark.parametrize("t,n,expected", cells(CLINICAL))
def test_clinical_table(prefix, t, n, expected):
    result = stage(prefix, t, n, "M0")
    assert result.group == expected
    assert result.table == "AJCC 8 stomach clinical"


@pytest.mark.parametrize("t,n,expected", cells(PATHOLOGICAL))
def test_pathological_table(t, n, expected):
    result = stage("p", t, n, "M0")
    assert result.group == expected
    assert result.table == "AJCC 8 stomach pathological"


@pytest.mark.parametrize("t,n,expected", cells(POST_NEOADJUVANT))
def test_post_neoadjuvant_table(t, n, expected):
    result = stage("yp", t, n, "M0")
    assert result.group == expected
    assert result.table == "AJCC 8 stomach post-neoadjuvant"


@pytest.mark.parametrize("prefix,expected", [("c", "IVB"), ("yc", "IVB"), ("p", "IV"), ("yp", "IV")])
@pytest.mark.parametrize("t", ["TX", "T0", "Tis", "T1a", "T2", "T4b"])
@pytest.mark.parametrize("n", ["NX", "N0", "N3b"])
def test_m1(prefix, expected, t, n):
    assert stage(prefix, t, n, "M1").group == expected


@pytest.mark.parametrize("prefix,t,n,expected", [
    ("c", "T1", "N3", "IIA"),   # grouping categories that the table still decides
    ("c", "T4b", "NX", "IVA"),
    ("p", "T4b", "N3", "IIIC"),
    ("yp", "T2", "N3", "III"),
])
def test_grouping_categories(prefix, t, n, expected):
    assert stage(prefix, t, n, "M0").group == expected


def test_n3_needs_a_or_b_for_the_pathological_table():
    result = stage("p", "T1a", "N3", "M0")
    assert result.group is None and "IIB or IIIB" in result.message


def test_tables_differ_for_the_same_tnm():
    assert [stage(p, "T2", "N1", "M0").group for p in ("c", "p", "yp")] == ["IIA", "IIA", "II"]
    assert [stage(p, "T4a", "N0", "M0").group for p in ("c", "p", "yp")] == ["IIB", "IIB", "II"]
    assert [stage(p, "T4b", "N0", "M0").group for p in ("c", "p", "yp")] == ["IVA", "IIIA", "III"]


def test_pick_list():
    assert n_categories("gastric") == ["NX", "N0", "N1", "N2", "N3a", "N3b"]
