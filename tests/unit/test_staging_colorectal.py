"""AJCC 8 colon and rectum: every T x N cell with M0, M1a/b/c, N1c, unknown categories."""

import pytest

from app.domain.staging import StagingInput, compute_stage

# Transcribed from the AJCC 8th edition colorectal stage-group table; "-" = no group.
GRID = """
        N0    N1a   N1b   N1c   N2a   N2b
T0      -     -     -     -     -     -
Tis     0     -     -     -     -     -
T1      I     IIIA  IIIA  IIIA  IIIA  IIIB
T2      I     IIIA  IIIA  IIIA  IIIB  IIIB
T3      IIA   IIIB  IIIB  IIIB  IIIB  IIIC
T4a     IIB   IIIB  IIIB  IIIB  IIIC  IIIC
T4b     IIC   IIIC  IIIC  IIIC  IIIC  IIIC
"""


def cells(text):
    rows = [line.split() for line in text.strip().splitlines()]
    return [(row[0], col, None if value == "-" else value)
            for row in rows[1:] for col, value in zip(rows[0], row[1:], strict=True)]


def stage(t, n, m, prefix="p"):
    return compute_stage(StagingInput("colorectal", prefix, t, n, m, {}))


@pytest.mark.parametrize("t,n,expected", cells(GRID))
def test_every_m0_cell(t, n, expected):
    result = stage(t, n, "M0")
    assert result.group == expected
    assert result.table == "AJCC 8 colorectal"


@pytest.mark.parametrize("t", ["TX", "T0", "Tis", "T1", "T2", "T3", "T4a", "T4b"])
@pytest.mark.parametrize("n", ["NX", "N0", "N1a", "N1c", "N2b"])
@pytest.mark.parametrize("m,expected", [("M1a", "IVA"), ("M1b", "IVB"), ("M1c", "IVC")])
def test_m1_subcategories(t, n, m, expected):
    assert stage(t, n, m).group == expected


@pytest.mark.parametrize("t,n,expected", [
    ("T2", "N1", "IIIA"),    # N1 (a, b or c) decides
    ("T4b", "N2", "IIIC"),
    ("T4", "N2b", "IIIC"),   # T4a and T4b agree here
    ("T3", "N1", "IIIB"),
])
def test_grouping_categories(t, n, expected):
    assert stage(t, n, "M0").group == expected


@pytest.mark.parametrize("t,n,m", [("T4", "N0", "M0"), ("T1", "N2", "M0"), ("TX", "N0", "M0"),
                                   ("T3", "N0", "M1")])
def test_undecidable(t, n, m):
    result = stage(t, n, m)
    assert result.group is None and "could be" in result.message
