"""Rotation of automatic local backups: 7 daily, 4 weekly, 12 monthly, on tables of dates."""

from datetime import date, datetime, timedelta

import pytest

from app.services.backup_service import rotate

TODAY = date(2026, 11, 23)  # a Monday


def days_back(n: int) -> list[date]:
    return [TODAY - timedelta(days=i) for i in range(n)]


def kept(dates, today=TODAY) -> set:
    items = [(d, d) for d in dates]
    doomed = set(rotate(items, today))
    return {d for d in dates if d not in doomed}


def test_a_year_and_more_of_daily_backups_keeps_7_plus_4_plus_12():
    expected = {
        # daily: the last 7 days
        date(2026, 11, 23), date(2026, 11, 22), date(2026, 11, 21), date(2026, 11, 20), date(2026, 11, 19),
        date(2026, 11, 18), date(2026, 11, 17),
        # weekly: the Sundays of the 4 weeks before (this week and last week are covered by the dailies)
        date(2026, 11, 15), date(2026, 11, 8), date(2026, 11, 1), date(2026, 10, 25),
        # monthly: the last day of each of the 12 months before this one
        date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31), date(2026, 7, 31), date(2026, 6, 30),
        date(2026, 5, 31), date(2026, 4, 30), date(2026, 3, 31), date(2026, 2, 28), date(2026, 1, 31),
        date(2025, 12, 31), date(2025, 11, 30),
    }
    assert kept(days_back(400)) == expected


@pytest.mark.parametrize("dates, expected_kept", [
    ([], set()),
    ([TODAY], {TODAY}),
    # three weeks of dailies: 7 days, then the newest of each of the two earlier weeks
    (days_back(21), set(days_back(7)) | {date(2026, 11, 15), date(2026, 11, 8)}),
    # a PC left unused for a long time: old backups are not deleted just for being old
    ([date(2024, 3, 1), date(2025, 1, 5), date(2025, 1, 6), TODAY],
     {date(2024, 3, 1), date(2025, 1, 5), date(2025, 1, 6), TODAY}),
    # one backup per month for two years: 7 "daily" periods, then 4 weeks, then 12 months
    ([date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10) for m in range(1, 24)],
     {date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10) for m in range(1, 24)}),
])
def test_rotation_table(dates, expected_kept):
    assert kept(dates) == expected_kept


def test_only_the_newest_backup_of_a_day_counts_as_that_days_backup():
    times = [datetime(2026, 11, 23, h) for h in (8, 12, 18)] + [datetime(2026, 11, 22, 18)]
    doomed = rotate([(t, t) for t in times], TODAY)
    assert sorted(doomed) == [datetime(2026, 11, 23, 8), datetime(2026, 11, 23, 12)]


def test_backups_dated_in_the_future_are_never_deleted_and_do_not_take_a_slot():
    future = [TODAY + timedelta(days=400), TODAY + timedelta(days=401)]
    assert kept(future + days_back(7)) == set(future) | set(days_back(7))


def test_counts_are_configurable_and_files_are_returned_as_given():
    files = [(f"daily-{d:%Y%m%d}.sqlite", d) for d in days_back(10)]
    assert rotate(files, TODAY, daily=3, weekly=0, monthly=0) == [name for name, _ in files[3:]]
