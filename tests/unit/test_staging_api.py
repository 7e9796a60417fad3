"""The staging package's API: sites, normalisation of categories, invalid input, validate()."""

import pytest

from app.domain.staging import (
    SITES,
    StageResult,
    StagingInput,
    compute_stage,
    extra_factors,
    m_categories,
    n_categories,
    t_categories,
    validate,
)


def lung(t, n="N0", m="M0", prefix="c"):
    return compute_stage(StagingInput("lung", prefix, t, n, m, {}))


def test_sites():
    assert set(SITES) == {"lung", "breast", "colorectal", "gastric", "oesophageal", "liver"}
    assert all(isinstance(name, str) and name for name in SITES.values())


@pytest.mark.parametrize("site", ["lung", "breast", "colorectal", "gastric", "oesophageal", "liver"])
def test_every_pick_list_entry_is_accepted(site):
    for t in t_categories(site):
        for n in n_categories(site):
            for m in m_categories(site):
                result = compute_stage(StagingInput(site, "c", t, n, m, {}))
                assert isinstance(result, StageResult)
                assert "does not exist" not in result.message


@pytest.mark.parametrize("raw", ["T2a", "cT2a", "pT2a", "ypT2a", "ycT2a", "2a", "2A", "t2a", "T2A", " cT2a ",
                                 "c T2a"])
def test_t_normalisation(raw):
    assert lung(raw).group == "IB"


@pytest.mark.parametrize("t,expected", [("Tis", "0"), ("tis", "0"), ("is", "0"), ("cTis(AIS)", "0"),
                                        ("T1mi", "IA1"), ("T1MI", "IA1"), ("T1a(mi)", "IA1"), ("1c", "IA3"),
                                        ("x", "Occult carcinoma"), ("TX", "Occult carcinoma")])
def test_t_spellings(t, expected):
    assert lung(t).group == expected


@pytest.mark.parametrize("n,m", [("N0", "M1A"), ("0", "1a"), ("cN0", "cM1a"), ("pn0", "m1a")])
def test_n_and_m_normalisation(n, m):
    assert lung("T1a", n, m).group == "IVA"


@pytest.mark.parametrize("site,t,n,m,text", [
    ("lung", "T5", "N0", "M0", "T category 'T5' does not exist for lung"),
    ("lung", "T2", "N4", "M0", "N category 'N4' does not exist for lung"),
    ("lung", "T2a", "N0", "M2", "M category 'M2' does not exist for lung"),
    ("lung", "T1d", "N0", "M0", "T category 'T1d' does not exist for lung"),
    ("lung", "T2a", "N1a", "M0", "N category 'N1a' does not exist for lung"),
    ("breast", "T2a", "N0", "M0", "T category 'T2a' does not exist for breast"),
    ("liver", "Tis", "N0", "M0", "T category 'Tis' does not exist for liver"),
    ("gastric", "T2", "N3c", "M0", "N category 'N3c' does not exist for gastric"),
    ("oesophageal", "T2", "N0", "M1a", "M category 'M1a' does not exist for oesophageal"),
    ("lung", "N1", "N0", "M0", "'N1' is not a T category"),
    ("lung", "", "N0", "M0", "The T category is missing"),
    ("lung", "T1a", "N0", "MX", "MX is not used in AJCC 8"),
])
def test_invalid_categories(site, t, n, m, text):
    result = compute_stage(StagingInput(site, "c", t, n, m, {}))
    assert result.group is None
    assert text in result.message


def test_invalid_prefix_and_site():
    assert "prefix" in compute_stage(StagingInput("lung", "x", "T1a", "N0", "M0", {})).message
    result = compute_stage(StagingInput("pancreas", "c", "T1", "N0", "M0", {}))
    assert result.group is None and "pancreas" in result.message
    with pytest.raises(ValueError):
        t_categories("pancreas")


@pytest.mark.parametrize("prefix", ["C", "P", "YC", "yP"])
def test_prefix_is_case_insensitive(prefix):
    assert lung("T1b", prefix=prefix).group == "IA2"


def test_site_aliases():
    assert compute_stage(StagingInput("Esophagus", "yp", "T3", "N0", "M0", {})).group == "II"
    assert compute_stage(StagingInput("stomach", "p", "T1", "N0", "M0", {})).group == "IA"


def test_extra_is_optional():
    assert compute_stage(StagingInput("lung", "c", "T1a", "N0", "M0")).group == "IA1"


def test_extra_factors():
    assert extra_factors("lung", "c") == ()
    assert extra_factors("breast", "c") == ("grade", "er", "pr", "her2")
    assert extra_factors("breast", "p") == ("grade", "er", "pr", "her2", "oncotype")
    assert extra_factors("breast", "yp") == ()
    assert extra_factors("oesophageal", "p") == ("histology", "grade", "location")
    assert extra_factors("oesophageal", "yp") == ()


# --- validate ---


def test_validate_catches_an_inconsistent_group():
    inp = StagingInput("lung", "c", "cT2a", "N0", "M0", {})
    assert validate(inp, "IIIA") == "The stage group IIIA does not match T2a N0 M0 (IB) for lung"


@pytest.mark.parametrize("entered", ["IB", "ib", "Stage IB", "stage Ib", "1B", "ⅠB", "IB期"])
def test_validate_accepts_spellings_of_the_same_group(entered):
    assert validate(StagingInput("lung", "c", "T2a", "N0", "M0", {}), entered) is None


def test_validate_accepts_a_bare_main_stage():
    inp = StagingInput("lung", "c", "T1a", "N0", "M1c", {})
    assert validate(inp, "IV") is None
    assert validate(inp, "IVA") is not None
    assert validate(StagingInput("colorectal", "p", "T3", "N1a", "M0", {}), "III") is None
    assert validate(StagingInput("colorectal", "p", "T3", "N1a", "M0", {}), "II") is not None


def test_validate_is_silent_when_nothing_can_be_computed():
    assert validate(StagingInput("lung", "c", "TX", "N1", "M0", {}), "IIIA") is None
    assert validate(StagingInput("lung", "c", "T9", "N1", "M0", {}), "IIIA") is None
    assert validate(StagingInput("oesophageal", "p", "T2", "N0", "M0", {}), "IIA") is None


def test_validate_other_sites():
    inp = StagingInput("oesophageal", "p", "T3", "N0", "M0",
                       {"histology": "squamous", "grade": 2, "location": "upper"})
    assert validate(inp, "IIB") is None
    assert validate(inp, "IIA") == "The stage group IIA does not match T3 N0 M0 (IIB) for oesophageal"
    assert validate(StagingInput("gastric", "yp", "T3", "N2", "M0", {}), "IIIC") is not None
    assert validate(StagingInput("liver", "c", "T1b", "N0", "M0", {}), "IB") is None
