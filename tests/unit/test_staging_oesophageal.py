"""AJCC 8 oesophagus: clinical and pathological tables per cell type, the shared ypTNM table."""

import pytest

from app.domain.staging import StagingInput, compute_stage

SQUAMOUS = {"histology": "squamous"}
ADENO = {"histology": "adenocarcinoma"}

# cTNM, transcribed T (rows) x N (columns); "-" = no group.
CLINICAL_SQUAMOUS = """
        N0    N1    N2    N3
T0      -     -     -     IVA
Tis     0     -     -     IVA
T1a     I     I     III   IVA
T1b     I     I     III   IVA
T2      II    II    III   IVA
T3      II    III   III   IVA
T4a     IVA   IVA   IVA   IVA
T4b     IVA   IVA   IVA   IVA
"""

CLINICAL_ADENO = """
        N0    N1    N2    N3
T0      -     -     -     IVA
Tis     0     -     -     IVA
T1a     I     IIA   IVA   IVA
T1b     I     IIA   IVA   IVA
T2      IIB   III   IVA   IVA
T3      III   III   IVA   IVA
T4a     III   III   IVA   IVA
T4b     IVA   IVA   IVA   IVA
"""

# pTNM with nodes (and T4 N0): the same in both cell types and independent of grade/location.
PATHOLOGICAL_NODES = """
        N1    N2    N3
T0      -     -     IVA
Tis     -     -     IVA
T1a     IIB   IIIA  IVA
T1b     IIB   IIIA  IVA
T2      IIIA  IIIB  IVA
T3      IIIB  IIIB  IVA
T4a     IIIB  IVA   IVA
T4b     IVA   IVA   IVA
"""

# pTNM N0 M0 squamous cell carcinoma: grade (rows) x location (columns), per T.
PATHOLOGICAL_SQUAMOUS_N0 = {
    "T1a": """
        upper  middle  lower  X
    1   IA     IA      IA     IA
    2   IB     IB      IB     IB
    3   IB     IB      IB     IB
    X   IA     IA      IA     IA
    """,
    "T1b": """
        upper  middle  lower  X
    1   IB     IB      IB     IB
    2   IB     IB      IB     IB
    3   IB     IB      IB     IB
    X   IB     IB      IB     IB
    """,
    "T2": """
        upper  middle  lower  X
    1   IB     IB      IB     IB
    2   IIA    IIA     IIA    IIA
    3   IIA    IIA     IIA    IIA
    X   IIA    IIA     IIA    IIA
    """,
    "T3": """
        upper  middle  lower  X
    1   IIA    IIA     IIA    IIB
    2   IIB    IIB     IIA    IIB
    3   IIB    IIB     IIA    IIB
    X   IIB    IIB     IIB    IIB
    """,
}

# pTNM N0 M0 adenocarcinoma: T (rows) x grade (columns).
PATHOLOGICAL_ADENO_N0 = """
        1     2     3     X
T1a     IA    IB    IC    IA
T1b     IB    IB    IC    IB
T2      IC    IC    IIA   IIA
T3      IIB   IIB   IIB   IIB
"""

POST_NEOADJUVANT = """
        N0    N1    N2    N3
T0      I     IIIA  IIIB  IVA
Tis     I     IIIA  IIIB  IVA
T1a     I     IIIA  IIIB  IVA
T1b     I     IIIA  IIIB  IVA
T2      I     IIIA  IIIB  IVA
T3      II    IIIB  IIIB  IVA
T4a     IIIB  IVA   IVA   IVA
T4b     IVA   IVA   IVA   IVA
"""


def cells(text):
    rows = [line.split() for line in text.strip().splitlines()]
    return [(row[0], col, None if value == "-" else value)
            for row in rows[1:] for col, value in zip(rows[0], row[1:], strict=True)]


def stage(prefix, t, n, m="M0", **extra):
    return compute_stage(StagingInput("oesophageal", prefix, t, n, m, extra))


@pytest.mark.parametrize("prefix", ["c", "yc"])
@pytest.mark.parametrize("t,n,expected", cells(CLINICAL_SQUAMOUS))
def test_clinical_squamous(prefix, t, n, expected):
    result = stage(prefix, t, n, **SQUAMOUS)
    assert result.group == expected
    assert result.table == "AJCC 8 oesophagus clinical squamous"


@pytest.mark.parametrize("t,n,expected", cells(CLINICAL_ADENO))
def test_clinical_adenocarcinoma(t, n, expected):
    result = stage("c", t, n, **ADENO)
    assert result.group == expected
    assert result.table == "AJCC 8 oesophagus clinical adenocarcinoma"


@pytest.mark.parametrize("histology", ["squamous", "adenocarcinoma"])
@pytest.mark.parametrize("grade", ["1", "3", "X"])
@pytest.mark.parametrize("t,n,expected", cells(PATHOLOGICAL_NODES))
def test_pathological_with_nodes(histology, grade, t, n, expected):
    result = stage("p", t, n, histology=histology, grade=grade, location="middle")
    assert result.group == expected
    assert result.table == f"AJCC 8 oesophagus pathological {histology}"


@pytest.mark.parametrize("histology", ["squamous", "adenocarcinoma"])
@pytest.mark.parametrize("t,expected", [("Tis", "0"), ("T4a", "IIIB"), ("T4b", "IVA"), ("T0", None)])
def test_pathological_n0_without_grade_rows(histology, t, expected):
    assert stage("p", t, "N0", histology=histology, grade="2", location="upper").group == expected


@pytest.mark.parametrize("t,grade,location,expected", [
    (t, grade, location, expected)
    for t, grid in PATHOLOGICAL_SQUAMOUS_N0.items()
    for grade, location, expected in cells(grid)
])
def test_pathological_squamous_n0(t, grade, location, expected):
    result = stage("p", t, "N0", histology="squamous", grade=grade, location=location)
    assert result.group == expected
    assert result.missing == ()


@pytest.mark.parametrize("t,grade,expected", cells(PATHOLOGICAL_ADENO_N0))
def test_pathological_adenocarcinoma_n0(t, grade, expected):
    assert stage("p", t, "N0", histology="adenocarcinoma", grade=grade).group == expected


@pytest.mark.parametrize("histology", ["squamous", "adenocarcinoma", None])
@pytest.mark.parametrize("t,n,expected", cells(POST_NEOADJUVANT))
def test_post_neoadjuvant(histology, t, n, expected):
    result = stage("yp", t, n, histology=histology)
    assert result.group == expected
    assert result.table == "AJCC 8 oesophagus post-neoadjuvant"


def test_post_neoadjuvant_t4a_nx_is_printed_as_iva():
    assert stage("yp", "T4a", "NX").group == "IVA"


@pytest.mark.parametrize("prefix,expected", [("c", "IVB"), ("p", "IVB"), ("yp", "IVB"), ("yc", "IVB")])
@pytest.mark.parametrize("t", ["TX", "T0", "Tis", "T1a", "T3", "T4b"])
def test_m1_without_any_factor(prefix, expected, t):
    assert stage(prefix, t, "NX", "M1").group == expected


# --- missing factors ---


def test_grade_missing():
    result = stage("p", "T1a", "N0", histology="squamous")
    assert (result.group, result.missing) == (None, ("grade",))
    assert "grade" in result.message


def test_location_missing():
    result = stage("p", "T3", "N0", histology="squamous", grade=2)
    assert (result.group, result.missing) == (None, ("location",))


def test_grade_and_location_missing():
    assert stage("p", "T3", "N0", histology="squamous").missing == ("grade", "location")


def test_histology_missing():
    result = stage("c", "T2", "N0")
    assert (result.group, result.missing) == (None, ("histology",))
    result = stage("p", "T2", "N0")
    assert (result.group, result.missing) == (None, ("histology", "grade"))


@pytest.mark.parametrize("prefix,t,n,extra,expected", [
    ("c", "T4b", "N0", {}, "IVA"),                                    # both cell types agree
    ("c", "T1b", "N3", {}, "IVA"),
    ("p", "T1b", "N0", {"histology": "squamous"}, "IB"),              # every grade gives IB
    ("p", "T3", "N0", {"histology": "squamous", "grade": 1}, "IIA"),  # G1: any location IIA
    ("p", "T3", "N0", {"histology": "squamous", "location": "X"}, "IIB"),
    ("p", "T3", "N0", {"histology": "adenocarcinoma"}, "IIB"),        # no grade/location needed
    ("p", "T2", "N1", {}, "IIIA"),
])
def test_factors_not_needed_for_the_cell(prefix, t, n, extra, expected):
    result = stage(prefix, t, n, **extra)
    assert (result.group, result.missing) == (expected, ())


@pytest.mark.parametrize("extra,spelling", [
    ({"histology": "SCC", "grade": "G2", "location": "Lower"}, "IIA"),
    ({"histology": "鳞癌", "grade": 3, "location": "下段"}, "IIA"),
    ({"histology": "adenosquamous", "grade": "g1", "location": "upper"}, "IIA"),
])
def test_factor_spellings(extra, spelling):
    assert stage("p", "T3", "N0", **extra).group == spelling


@pytest.mark.parametrize("extra,word", [
    ({"histology": "sarcoma"}, "histology"),
    ({"histology": "squamous", "grade": 4}, "grade"),
    ({"histology": "squamous", "grade": 1, "location": "left"}, "location"),
])
def test_invalid_factor_values(extra, word):
    result = stage("p", "T3", "N0", **extra)
    assert result.group is None and word in result.message


def test_yc_uses_the_clinical_table_and_says_so():
    result = stage("yc", "T3", "N1", **ADENO)
    assert result.group == "III" and "clinical" in result.message
