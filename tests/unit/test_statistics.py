"""Every figure of the statistics on hand-built data (tests/unit/stats_world.py) whose values are known."""

import pytest
from stats_world import END, START, TODAY, build

from app.closed_loop_records import StatsFilter
from app.errors import PermissionDenied, ValidationError
from app.records import Actor


@pytest.fixture
def world(ctx):
    return build(ctx)


def _by_key(report):
    return {i.key: i for i in report.indicators}


# key: (numerator, denominator, value, cases behind, cases in the numerator)
EXPECTED = {
    "coverage": (5, 6, 5 / 6, "ABCEIK", "ABCEK"),
    "before_treatment": (4, 6, 4 / 6, "ABCDEK", "ACEK"),
    "days_to_discussion": (6, 6, 8.0, "ABCDEK", None),  # 3 4 7 9 10 19
    "days_to_treatment": (3, 3, 7.0, "AEK", None),  # 5 7 10; B treated before the meeting is left out
    "within_72h": (1, 2, 0.5, "CD", "C"),
    "quorum": (2, 3, 2 / 3, "ABCDEK", "ABEK"),
    "ctnm": (3, 4, 0.75, "ACEK", "ACK"),
    "pathology": (2, 3, 2 / 3, "BEK", "EK"),
    "implemented": (4, 5, 0.8, "ABDEK", "ABEK"),
    "awaiting_execution": (2, 2, 2.0, "AC", None),
    "followup_1": (1, 3, 1 / 3, "ABC", "A"),
    "followup_3": (1, 1, 1.0, "A", "A"),
    "followup_6": (0, 0, None, "", ""),
    "rediscussion": (1, 7, 1 / 7, "ABCDEK", "A"),
    "diagnosis_changed": (1, 3, 1 / 3, "AEK", "E"),  # D recorded only the treatment
    "treatment_changed": (2, 4, 0.5, "ADEK", "AE"),
    "treated_locally": (3, 4, 0.75, "ABEK", "ABK"),
    "referrals": (1, 1, 1.0, "E", None),
    "referral_turnaround": (1, 1, 10.0, "E", None),
}


def test_every_indicator_has_its_known_value_and_the_cases_behind_it(ctx, admin, world):
    f = StatsFilter(START, END)
    got = _by_key(ctx.statistics.report(admin, f, today=TODAY))
    assert set(got) == set(EXPECTED)
    letters = {v: k for k, v in world.ids.items()}
    for key, (num, den, value, behind, hits) in EXPECTED.items():
        ind = got[key]
        assert (ind.numerator, ind.denominator) == (num, den), key
        assert ind.value == pytest.approx(value) if value is not None else ind.value is None, key
        assert ind.definition and ind.title, key
        ids = ctx.statistics.case_ids(admin, f, key, today=TODAY)
        assert "".join(sorted(letters[i] for i in ids)) == behind, key
        if hits is not None:
            ids = ctx.statistics.case_ids(admin, f, key, numerator=True, today=TODAY)
            assert "".join(sorted(letters[i] for i in ids)) == hits, key
    assert got["treated_locally"].target == 0.8
    # The report's one-scan figures agree with each indicator computed on its own.
    for key, ind in got.items():
        assert ctx.statistics.indicator(admin, f, key, today=TODAY) == ind, key


def test_counts_per_month_team_tumour_and_department(ctx, admin, world):
    r = ctx.statistics.report(admin, StatsFilter(START, END), today=TODAY)
    assert [(c.key, c.count) for c in r.per_month] == [("2026-03", 2), ("2026-04", 2), ("2026-05", 3)]
    assert [(c.key, c.count) for c in r.per_team] == [("肺癌MDT", 5), ("胃肠MDT", 2)]
    assert [(c.key, c.count) for c in r.per_tumour_type] == [("lung", 5), ("gastric", 2)]
    assert r.per_tumour_type[0].label == "Lung cancer"
    assert sorted(c.count for c in r.per_department) == [3, 4]
    assert [(c.key, c.count) for c in r.deviation_reasons] == [("patient_wish", 1)]
    # attendance counts meetings signed into; the cancelled meeting and the invited-only do not count
    assert [(c.key, c.count) for c in r.expert_attendance] == [("陈主任", 3), ("周海涛", 1), ("林秀英", 1)]
    assert r.expert_attendance[0].label == "陈主任（肿瘤科）"
    assert [(c.key, c.count) for c in r.discipline_attendance] == [
        ("medical_oncology", 3), ("radiology", 1), ("surgery", 1)]
    letters = {v: k for k, v in world.ids.items()}
    may = ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "month", "2026-05")
    assert sorted(letters[i] for i in may) == ["A", "E", "K"]
    team = ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "team", "胃肠MDT")
    assert sorted(letters[i] for i in team) == ["C", "D"]
    # several rows at once (a chart's "other" bar) is the union of their cases
    both = ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "team", ["胃肠MDT", "肺癌MDT"])
    assert both == sorted(set(team) | set(ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "team",
                                                                          "肺癌MDT")))
    wish = ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "reason", "patient_wish")
    assert [letters[i] for i in wish] == ["D"]
    depts = [c.key for c in r.per_department]
    assert sorted(ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "department", depts)) == sorted(
        {i for d in depts for i in ctx.statistics.count_case_ids(admin, StatsFilter(START, END), "department", d)})


def test_team_and_tumour_filters(ctx, admin, world):
    lung = ctx.statistics.report(admin, StatsFilter(START, END, team_id=world.teams["lung"]), today=TODAY)
    assert [c.count for c in lung.per_month] == [2, 0, 3]
    got = _by_key(lung)
    assert (got["quorum"].numerator, got["quorum"].denominator) == (2, 2)
    assert [(c.key, c.count) for c in lung.expert_attendance][0] == ("陈主任", 2)
    gastric = _by_key(ctx.statistics.report(admin, StatsFilter(START, END, tumour_type="gastric"), today=TODAY))
    assert (gastric["before_treatment"].numerator, gastric["before_treatment"].denominator) == (1, 2)
    assert (gastric["coverage"].numerator, gastric["coverage"].denominator) == (1, 2)


def test_an_empty_period_gives_no_values_and_nobody_outside_the_matrix_sees_figures(ctx, admin, world):
    from datetime import date

    r = ctx.statistics.report(admin, StatsFilter(date(2025, 1, 1), date(2025, 1, 31)), today=TODAY)
    assert all(i.value in (None, 0.0) for i in r.indicators)
    assert [c.count for c in r.per_month] == [0]
    with pytest.raises(ValidationError):
        ctx.statistics.report(admin, StatsFilter(END, START))
    with pytest.raises(PermissionDenied):
        ctx.statistics.report(Actor(None, "v", "viewer", "viewer"), StatsFilter(START, END))


def test_the_discussions_are_sliced_for_parallel_passes_without_gap_or_overlap():
    from app.services.statistics import split_ids

    assert split_ids(None, None, 4) == []  # no discussion in the period
    assert split_ids(5, 5, 4) == [(5, 5)]
    for first, last, n in ((1, 10, 3), (100, 150_000, 4), (7, 8, 2)):
        slices = split_ids(first, last, n)
        assert slices[0][0] == first and slices[-1][1] == last and len(slices) == n
        assert all(a[1] + 1 == b[0] for a, b in zip(slices, slices[1:], strict=False))


def test_the_report_is_the_same_counted_in_one_pass_or_in_slices(ctx, admin, world, monkeypatch):
    from app.services import statistics

    f = StatsFilter(START, END)
    monkeypatch.setattr(statistics, "WORKERS", 3)  # three slices on any machine
    sliced = ctx.statistics.report(admin, f, today=TODAY)
    monkeypatch.setattr(statistics, "WORKERS", 1)
    assert ctx.statistics.report(admin, f, today=TODAY) == sliced
