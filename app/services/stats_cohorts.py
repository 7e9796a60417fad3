"""The SQL building blocks of the statistics: which discussions, decisions and follow-ups a period holds.

Every figure is an aggregate over one of these selects, so 100,000 cases cost a few index scans, never a
row-by-row load. Dates: a discussion's day is its meeting's local date (the wall-clock date people mean by
"discussed on"), else the day it was recorded.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, and_, case, cast, exists, func, or_, select
from sqlalchemy.sql import Select

from app.closed_loop_records import StatsFilter
from db.models import Attachment, Case, Decision, Discussion, FollowUp, Meeting

# Anticancer treatments that are not surgery (CA-xx-03 asks for pathology before these).
NON_SURGICAL = ("radiotherapy", "chemotherapy", "targeted", "immunotherapy", "endocrine", "interventional")


def day_text(d: date) -> str:
    return d.isoformat()


def disc_day():
    return Discussion.day  # kept by triggers (migration 0002): the meeting's local date, else the recorded day


def has_modality(code: str):
    """A JSON list column holds the code (stored as text like ["surgery", "targeted"])."""
    return cast(Decision.modalities, String).like(f'%"{code}"%')


def case_filters(f: StatsFilter) -> list:
    conds = []
    if f.team_id is not None:
        conds.append(Case.team_id == f.team_id)
    if f.tumour_type:
        conds.append(Case.tumour_type == f.tumour_type)
    return conds


# Over a long period, fetching rows one by one through a date index is slower than reading the table straight
# through (applications of a year at 100,000 cases: 0.4 s through the index, 0.09 s scanned; discussions
# likewise; tests/bench/stats.py). Comparing the text cast keeps SQLite's planner off the index then.
INDEX_DAYS = 62


def date_between(column, start: date, end: date, f: StatsFilter):
    if (f.end - f.start).days <= INDEX_DAYS:
        return and_(column >= start, column <= end)
    text = cast(column, String)  # stored as ISO text: compared as text, in the same order
    return and_(text >= day_text(start), text <= day_text(end))


def in_period(expr, f: StatsFilter):
    return and_(expr >= day_text(f.start), expr <= day_text(f.end))


def discussions(f: StatsFilter, *columns, first_only: bool = False, decided: bool = False,
                bare: bool = False, ids: tuple[int, int] | None = None) -> Select:
    """Discussions held in the period (the cohort of most figures), with the decision in force joined when
    `decided` (discussions without a finalised decision drop out), else outer-joined. `bare` selects only
    the given columns (for grouped aggregates); `ids` (first, last) narrows to a slice of the discussions,
    for passes run side by side."""
    base = () if bare else (Case.id.label("case_id"), Discussion.id.label("unit"), disc_day().label("day"))
    stmt = select(*base, *columns).select_from(Discussion).join(Case, Discussion.case_id == Case.id)
    on = and_(Decision.discussion_id == Discussion.id, Decision.status == "finalised")
    stmt = stmt.join(Decision, on) if decided else stmt.outerjoin(Decision, on)
    conds = [date_between(disc_day(), f.start, f.end, f), *case_filters(f)]
    if first_only:
        conds.append(Discussion.sequence == 1)
    if ids is not None:
        conds.append(Discussion.id.between(*ids))
    return stmt.where(*conds)


def discussion_id_range(f: StatsFilter) -> Select:
    """First and last id of the period's discussions (read from the day index alone)."""
    return select(func.min(Discussion.id), func.max(Discussion.id)).where(
        and_(Discussion.day >= day_text(f.start), Discussion.day <= day_text(f.end)))


def treated_before_meeting():
    return and_(Decision.treatment_started_on.is_not(None), Decision.treatment_started_on < disc_day())


def days_between(later, earlier):
    return (func.julianday(later) - func.julianday(earlier)).label("days")


def flag(cond):
    return case((cond, 1), else_=0).label("hit")


def pathology_known():
    return or_(Case.histology_code != "", Case.histology_name != "",
               exists().where(Attachment.case_id == Case.id, Attachment.label == "pathology"))


def non_surgical_treatment():
    return and_(~has_modality("surgery"), or_(*[has_modality(m) for m in NON_SURGICAL]))


def meetings(f: StatsFilter) -> Select:
    """Closed meetings in the period, with the cases discussed in them (for the list behind the figure)."""
    day = func.date(Meeting.scheduled_at)
    stmt = (select(Discussion.case_id.label("case_id"), Meeting.id.label("unit"),
                   flag(Meeting.quorum_override_reason == ""))
            .select_from(Meeting).outerjoin(Discussion, Discussion.meeting_id == Meeting.id)
            .where(Meeting.status == "closed", in_period(day, f)))
    if f.team_id is not None:
        stmt = stmt.where(Meeting.team_id == f.team_id)
    return stmt


def followups(f: StatsFilter, months: int, today: date) -> Select:
    """Follow-ups of the given interval that fell due in the period (and by today). A case cancelled while
    waiting for re-discussion keeps its follow-ups: the patient still has to be seen."""
    last = min(f.end, today)
    return (select(FollowUp.case_id.label("case_id"), FollowUp.id.label("unit"),
                   flag(and_(FollowUp.done_at.is_not(None), FollowUp.lost_reason == "")))
            .select_from(FollowUp).join(Case, FollowUp.case_id == Case.id)
            .where(FollowUp.months_after == months, FollowUp.due_on >= f.start, FollowUp.due_on <= last,
                   *case_filters(f)))


def applications(f: StatsFilter) -> Select:
    """New cancer patients referred: pre-treatment applications with a malignant code, applied in the period."""
    discussed = exists().where(Discussion.case_id == Case.id, Discussion.discussed_at.is_not(None))
    return (select(Case.id.label("case_id"), Case.id.label("unit"), flag(discussed))
            .where(Case.conference_type == "pre_treatment", Case.icd10_code.like("C%"),
                   Case.status != "draft", date_between(Case.applied_on, f.start, f.end, f),
                   *case_filters(f)))

