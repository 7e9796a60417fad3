"""AJCC 8 lung: every T x N cell with M0, every M1 subcategory, unknown categories."""

import pytest

from app.domain.staging import StagingInput, compute_stage, m_categories, n_categories, t_categories

# Transcribed from the AJCC 8th edition lung stage-group table, laid out T (rows) x N (columns).
# "-" = the table has no group for that combination.
GRID = """
        N0    N1    N2    N3
T0      -     -     -     -
Tis     0     -     -     -
T1mi    IA1   IIB   IIIA  IIIB
T1a     IA1   IIB   IIIA  IIIB
T1b     IA2   IIB   IIIA  IIIB
T1c     IA3   IIB   IIIA  IIIB
T2a     IB    IIB   IIIA  IIIB
T2b     IIA   IIB   IIIA  IIIB
T3      IIB   IIIA  IIIB  IIIC
T4      IIIA  IIIA  IIIB  IIIC
"""


def cells(text):
    rows = [line.split() for line in text.strip().splitlines()]
    return [(row[0], col, None if value == "-" else value)
            for row in rows[1:] for col, value in zip(rows[0], row[1:], strict=True)]


def stage(t, n, m, prefix="c", **extra):
    return compute_stage(StagingInput("lung", prefix, t, n, m, extra))


@pytest.mark.parametrize("t,n,expected", cells(GRID))
def test_every_m0_cell(t, n, expected):
    result = stage(t, n, "M0")
    assert result.group == expected
    assert result.table == "AJCC 8 lung"
    assert bool(result.message) == (expected is None)


@pytest.mark.parametrize("t", ["TX", "T0", "Tis", "T1mi", "T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4"])
@pytest.mark.parametrize("n", ["NX", "N0", "N1", "N2", "N3"])
@pytest.mark.parametrize("m,expected", [("M1a", "IVA"), ("M1b", "IVA"), ("M1c", "IVB")])
def test_any_t_any_n_m1(t, n, m, expected):
    assert stage(t, n, m).group == expected


@pytest.mark.parametrize("prefix", ["c", "p", "yc", "yp"])
def test_same_table_for_every_prefix(prefix):
    assert stage("T2b", "N0", "M0", prefix).group == "IIA"


def test_occult_carcinoma():
    assert stage("TX", "N0", "M0").group == "Occult carcinoma"


@pytest.mark.parametrize("t,n,m,expected", [
    ("T1", "N1", "M0", "IIB"),   # every T1 subcategory gives IIB
    ("T2", "N2", "M0", "IIIA"),
    ("T4", "NX", "M1c", "IVB"),
    ("TX", "N3", "M1a", "IVA"),
])
def test_grouping_and_unknown_categories_when_the_table_decides(t, n, m, expected):
    assert stage(t, n, m).group == expected


@pytest.mark.parametrize("t,n,m,possible", [
    ("T1", "N0", "M0", "IA1, IA2 or IA3"),
    ("TX", "N1", "M0", "IIB or IIIA"),
    ("T4", "NX", "M0", "IIIA, IIIB or IIIC"),
    ("T1a", "N0", "M1", "IVA or IVB"),
])
def test_undecidable(t, n, m, possible):
    result = stage(t, n, m)
    assert result.group is None and possible in result.message


def test_pick_lists():
    assert t_categories("lung") == ["TX", "T0", "Tis", "T1mi", "T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4"]
    assert n_categories("lung") == ["NX", "N0", "N1", "N2", "N3"]
    assert m_categories("lung") == ["M0", "M1a", "M1b", "M1c"]
