"""AJCC 8 breast: anatomic, clinical prognostic and pathological prognostic stage groups."""

import pytest

from app.domain.staging import StagingInput, compute_stage, n_categories, t_categories, validate

# Anatomic stage groups, transcribed T (rows) x N (columns); "-" = no group.
ANATOMIC = """
        N0    N1mi  N1a   N1b   N1c   N2a   N2b   N3a   N3b   N3c
T0      -     IB    IIA   IIA   IIA   IIIA  IIIA  IIIC  IIIC  IIIC
Tis     0     -     -     -     -     -     -     IIIC  IIIC  IIIC
T1mi    IA    IB    IIA   IIA   IIA   IIIA  IIIA  IIIC  IIIC  IIIC
T1a     IA    IB    IIA   IIA   IIA   IIIA  IIIA  IIIC  IIIC  IIIC
T1b     IA    IB    IIA   IIA   IIA   IIIA  IIIA  IIIC  IIIC  IIIC
T1c     IA    IB    IIA   IIA   IIA   IIIA  IIIA  IIIC  IIIC  IIIC
T2      IIA   IIB   IIB   IIB   IIB   IIIA  IIIA  IIIC  IIIC  IIIC
T3      IIB   IIIA  IIIA  IIIA  IIIA  IIIA  IIIA  IIIC  IIIC  IIIC
T4a     IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIC  IIIC  IIIC
T4b     IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIC  IIIC  IIIC
T4c     IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIC  IIIC  IIIC
T4d     IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIB  IIIC  IIIC  IIIC
"""

# The prognostic tables print five blocks of TNM combinations; columns A-E below are those blocks:
#   A: T1 N0, T0 N1mi, T1 N1mi          B: T0 N1, T1 N1, T2 N0      C: T2 N1 (incl. N1mi), T3 N0
#   D: T0-T2 N2, T3 N1 (incl. N1mi), T3 N2                          E: T4 N0-N2, any T N3
# Representative TNM combinations for each block (every printed combination is represented):
BLOCKS = {
    "A": [("T1mi", "N0"), ("T1c", "N0"), ("T0", "N1mi"), ("T1b", "N1mi")],
    "B": [("T0", "N1a"), ("T1a", "N1"), ("T1c", "N1c"), ("T2", "N0")],
    "C": [("T2", "N1mi"), ("T2", "N1b"), ("T3", "N0")],
    "D": [("T0", "N2a"), ("T1c", "N2b"), ("T2", "N2"), ("T3", "N1mi"), ("T3", "N1c"), ("T3", "N2a")],
    "E": [("T4a", "N0"), ("T4d", "N1mi"), ("T4b", "N1"), ("T4c", "N2b"), ("T1b", "N3a"), ("T0", "N3c")],
}

# Rows: grade, HER2, ER, PR. Transcribed from the AJCC 8th edition (2018 update) tables.
CLINICAL = """
G HER2 ER PR   A     B     C     D     E
1  +   +  +    IA    IB    IB    IIA   IIIA
1  +   +  -    IA    IIA   IIA   IIIA  IIIB
1  +   -  +    IA    IIA   IIA   IIIA  IIIB
1  +   -  -    IA    IIA   IIB   IIIA  IIIB
1  -   +  +    IA    IB    IIA   IIA   IIIB
1  -   +  -    IA    IIA   IIB   IIIA  IIIB
1  -   -  +    IA    IIA   IIB   IIIA  IIIB
1  -   -  -    IB    IIA   IIB   IIIB  IIIC
2  +   +  +    IA    IB    IB    IIA   IIIA
2  +   +  -    IA    IIA   IIA   IIIA  IIIB
2  +   -  +    IA    IIA   IIA   IIIA  IIIB
2  +   -  -    IA    IIA   IIB   IIIA  IIIB
2  -   +  +    IA    IB    IIA   IIA   IIIB
2  -   +  -    IA    IIA   IIB   IIIA  IIIB
2  -   -  +    IA    IIA   IIB   IIIA  IIIB
2  -   -  -    IB    IIB   IIIB  IIIB  IIIC
3  +   +  +    IA    IB    IB    IIB   IIIB
3  +   +  -    IA    IIA   IIB   IIIA  IIIB
3  +   -  +    IA    IIA   IIB   IIIA  IIIB
3  +   -  -    IA    IIA   IIB   IIIA  IIIB
3  -   +  +    IA    IIA   IIB   IIIA  IIIB
3  -   +  -    IB    IIB   IIIA  IIIB  IIIC
3  -   -  +    IB    IIB   IIIA  IIIB  IIIC
3  -   -  -    IB    IIB   IIIB  IIIC  IIIC
"""

PATHOLOGICAL = """
G HER2 ER PR   A     B     C     D     E
1  +   +  +    IA    IA    IA    IB    IIIA
1  +   +  -    IA    IB    IIB   IIIA  IIIB
1  +   -  +    IA    IB    IIB   IIIA  IIIB
1  +   -  -    IA    IIA   IIB   IIIA  IIIB
1  -   +  +    IA    IA    IA    IB    IIIA
1  -   +  -    IA    IB    IIB   IIIA  IIIB
1  -   -  +    IA    IB    IIB   IIIA  IIIB
1  -   -  -    IA    IIA   IIB   IIIA  IIIB
2  +   +  +    IA    IA    IB    IB    IIIA
2  +   +  -    IA    IB    IIB   IIIA  IIIB
2  +   -  +    IA    IB    IIB   IIIA  IIIB
2  +   -  -    IA    IIA   IIB   IIIA  IIIB
2  -   +  +    IA    IA    IB    IB    IIIA
2  -   +  -    IA    IIA   IIB   IIIA  IIIB
2  -   -  +    IA    IIA   IIB   IIIA  IIIB
2  -   -  -    IB    IIA   IIB   IIIB  IIIC
3  +   +  +    IA    IA    IB    IIA   IIIB
3  +   +  -    IA    IIA   IIB   IIIA  IIIB
3  +   -  +    IA    IIA   IIB   IIIA  IIIB
3  +   -  -    IA    IIA   IIB   IIIA  IIIB
3  -   +  +    IA    IB    IIA   IIB   IIIC
3  -   +  -    IA    IIA   IIB   IIIA  IIIC
3  -   -  +    IA    IIA   IIB   IIIA  IIIC
3  -   -  -    IB    IIA   IIIA  IIIC  IIIC
"""


def anatomic_cells():
    rows = [line.split() for line in ANATOMIC.strip().splitlines()]
    return [(row[0], col, None if value == "-" else value)
            for row in rows[1:] for col, value in zip(rows[0], row[1:], strict=True)]


def prognostic_cells(text):
    rows = [line.split() for line in text.strip().splitlines()]
    out = []
    for grade, her2, er, pr, *groups in rows[1:]:
        for block, expected in zip(rows[0][4:], groups, strict=True):
            for t, n in BLOCKS[block]:
                out.append(pytest.param(t, n, {"grade": grade, "her2": her2, "er": er, "pr": pr}, expected,
                                        id=f"{t}-{n}-G{grade}-HER2{her2}-ER{er}-PR{pr}"))
    return out


def stage(prefix, t, n, m="M0", **extra):
    return compute_stage(StagingInput("breast", prefix, t, n, m, extra))


ALL = {"grade": 2, "er": "+", "pr": "+", "her2": "-"}


@pytest.mark.parametrize("prefix", ["c", "p", "yc", "yp"])
@pytest.mark.parametrize("t,n,expected", anatomic_cells())
def test_anatomic_table(prefix, t, n, expected):
    result = stage(prefix, t, n)   # no factors: anatomic group for c/p, anatomic table for yc/yp
    assert result.group == expected
    assert result.table == "AJCC 8 breast anatomic"


@pytest.mark.parametrize("t,n,extra,expected", prognostic_cells(CLINICAL))
def test_clinical_prognostic_table(t, n, extra, expected):
    result = stage("c", t, n, **extra)
    assert (result.group, result.missing) == (expected, ())
    assert result.table == "AJCC 8 breast clinical prognostic"


@pytest.mark.parametrize("t,n,extra,expected", prognostic_cells(PATHOLOGICAL))
def test_pathological_prognostic_table(t, n, extra, expected):
    result = stage("p", t, n, **extra)
    assert (result.group, result.missing) == (expected, ())
    assert result.table == "AJCC 8 breast pathological prognostic"


@pytest.mark.parametrize("prefix", ["c", "p"])
def test_prognostic_stage_0_and_iv(prefix):
    assert stage(prefix, "Tis", "N0", **ALL).group == "0"
    assert stage(prefix, "T2", "N1", "M1", **ALL).group == "IV"


@pytest.mark.parametrize("prefix", ["c", "p", "yc", "yp"])
@pytest.mark.parametrize("t", ["TX", "T0", "Tis", "T1mi", "T2", "T4d"])
@pytest.mark.parametrize("n", ["NX", "N0", "N1mi", "N3c"])
def test_m1_is_iv(prefix, t, n):
    assert stage(prefix, t, n, "M1").group == "IV"
    assert stage(prefix, t, n, "M1", **ALL).group == "IV"


@pytest.mark.parametrize("t,n,expected", [("T1", "N0", "IA"), ("T4", "N2", "IIIB"), ("T2", "N1", "IIB"),
                                          ("T3", "N2", "IIIA"), ("TX", "N3", "IIIC")])
def test_grouping_categories(t, n, expected):
    assert stage("c", t, n).group == expected


@pytest.mark.parametrize("n,m", [("N0(i+)", "M0"), ("N0(mol+)", "M0"), ("N0", "M0(i+)"),
                                 ("pN0(i-)", "cM0(i+)")])
def test_isolated_tumour_cells_count_as_n0_m0(n, m):
    assert stage("p", "T1c", n, m).group == "IA"


# --- missing factors: anatomic group with the list of what the prognostic table needs ---


@pytest.mark.parametrize("prefix", ["c", "p"])
def test_no_factors_gives_the_anatomic_group(prefix):
    result = stage(prefix, "T2", "N1a")
    assert result.group == "IIB"
    assert result.table == "AJCC 8 breast anatomic"
    assert result.missing == ("grade", "er", "pr", "her2")
    assert "prognostic" in result.message


def test_some_factors_missing():
    result = stage("c", "T2", "N0", grade=3, her2="-")
    assert (result.group, result.missing, result.table) == ("IIA", ("er", "pr"), "AJCC 8 breast anatomic")


def test_unknown_grade_counts_as_missing():
    result = stage("p", "T2", "N0", grade="GX", er="+", pr="+", her2="-")
    assert (result.group, result.missing, result.table) == ("IIA", ("grade",), "AJCC 8 breast anatomic")


@pytest.mark.parametrize("prefix", ["yc", "yp"])
def test_after_neoadjuvant_therapy_only_the_anatomic_table(prefix):
    result = stage(prefix, "T2", "N1a", **ALL)
    assert (result.group, result.missing, result.table) == ("IIB", (), "AJCC 8 breast anatomic")
    assert "neoadjuvant" in result.message


# --- the 21-gene recurrence score (pathological prognostic stage only) ---


@pytest.mark.parametrize("t,n,extra,expected", [
    ("T2", "N0", {"grade": 3, "er": "+", "pr": "+", "her2": "-", "oncotype": 10}, "IA"),
    ("T2", "N0", {"grade": 3, "er": "+", "pr": "-", "her2": "-", "oncotype": "7"}, "IA"),
    ("T1c", "N0", {"grade": 3, "er": "+", "pr": "-", "her2": "-", "oncotype_score": 3}, "IA"),
    ("T2", "N0", {"grade": 3, "er": "+", "pr": "+", "her2": "-", "oncotype": 11}, "IB"),  # not < 11
    ("T2", "N0", {"grade": 3, "er": "-", "pr": "+", "her2": "-", "oncotype": 5}, "IIA"),  # ER-negative
    ("T2", "N0", {"grade": 3, "er": "+", "pr": "-", "her2": "+", "oncotype": 5}, "IIA"),  # HER2-positive
    ("T2", "N1a", {"grade": 3, "er": "+", "pr": "+", "her2": "-", "oncotype": 5}, "IIA"),  # node-positive
    ("T3", "N0", {"grade": 3, "er": "+", "pr": "+", "her2": "-", "oncotype": 5}, "IIA"),  # T3
])
def test_low_recurrence_score(t, n, extra, expected):
    assert stage("p", t, n, **extra).group == expected


def test_recurrence_score_not_used_for_the_clinical_stage():
    assert stage("c", "T2", "N0", grade=3, er="+", pr="+", her2="-", oncotype=5).group == "IIA"


def test_invalid_recurrence_score():
    result = stage("p", "T2", "N0", grade=3, er="+", pr="+", her2="-", oncotype=500)
    assert result.group is None and "oncotype" in result.message


@pytest.mark.parametrize("extra", [{"grade": "G2", "er": "positive", "pr": "neg", "her2": "3+"},
                                   {"grade": "2", "er": "阳性", "pr": "阴性", "her2": True},
                                   {"grade": 2, "er": "POS", "pr": "-", "her2": "positive"}])
def test_factor_spellings(extra):
    assert stage("c", "T2", "N1a", **extra).group == "IIA"


@pytest.mark.parametrize("extra,word", [({**ALL, "her2": "2+"}, "ISH"), ({**ALL, "er": "maybe"}, "er"),
                                        ({**ALL, "grade": 4}, "grade")])
def test_invalid_factor_values(extra, word):
    result = stage("c", "T2", "N1a", **extra)
    assert result.group is None and word in result.message


def test_validate_accepts_the_prognostic_or_the_anatomic_group():
    inp = StagingInput("breast", "c", "T2", "N1a", "M0", {"grade": 3, "er": "+", "pr": "-", "her2": "-"})
    assert compute_stage(inp).group == "IIIA"
    assert validate(inp, "IIIA") is None
    assert validate(inp, "IIB") is None
    expected = "The stage group IA does not match T2 N1a M0 (IIIA; anatomic IIB) for breast"
    assert validate(inp, "IA") == expected


def test_pick_lists():
    assert t_categories("breast")[:4] == ["TX", "T0", "Tis", "T1mi"]
    assert "T4d" in t_categories("breast") and "N1mi" in n_categories("breast")
    assert "N3c" in n_categories("breast")
