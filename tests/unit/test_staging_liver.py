"""AJCC 8 liver (hepatocellular carcinoma)."""

import pytest

from app.domain.staging import StagingInput, compute_stage

GRID = """
        N0    N1
T0      -     IVA
T1a     IA    IVA
T1b     IB    IVA
T2      II    IVA
T3      IIIA  IVA
T4      IIIB  IVA
"""


def cells(text):
    rows = [line.split() for line in text.strip().splitlines()]
    return [(row[0], col, None if value == "-" else value)
            for row in rows[1:] for col, value in zip(rows[0], row[1:], strict=True)]


def stage(t, n, m):
    return compute_stage(StagingInput("liver", "c", t, n, m, {}))


@pytest.mark.parametrize("t,n,expected", cells(GRID))
def test_every_m0_cell(t, n, expected):
    result = stage(t, n, "M0")
    assert result.group == expected
    assert result.table == "AJCC 8 liver"


@pytest.mark.parametrize("t", ["TX", "T0", "T1a", "T1b", "T2", "T3", "T4"])
@pytest.mark.parametrize("n", ["NX", "N0", "N1"])
def test_m1_is_ivb(t, n):
    assert stage(t, n, "M1").group == "IVB"


def test_unknown_t_with_nodes_is_iva():
    assert stage("TX", "N1", "M0").group == "IVA"


def test_t1_without_subcategory_is_undecidable():
    result = stage("T1", "N0", "M0")
    assert result.group is None and "IA or IB" in result.message
