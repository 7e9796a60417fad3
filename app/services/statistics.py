"""MDT figures for medical affairs: cases per month / team / tumour type / applying department, the
DOMAIN.md §6 indicators with their definitions, and attendance for performance reviews.

The report is a handful of aggregate passes run side by side (the discussion figures in slices of the
period's discussions, follow-ups, applications, meetings, attendance); the cases behind a number are a
second query run only when asked (`case_ids`), so the screen refreshes in under a second at 100,000 cases
(tests/bench/stats.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import and_, case, distinct, func, literal, or_, select
from sqlalchemy.orm import Session

from app.closed_loop_records import CountRow, Indicator, StatsFilter, StatsReport
from app.domain.vocab import label
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services import stats_cohorts as q
from app.services.base import Service
from app.services.stats_indicators import BY_KEY, SPECS, Spec
from db.models import Attendance, Case, Decision, Department, Discipline, FollowUp, Meeting, Team

EXPORT_FORMATS = (".xlsx", ".csv", ".pdf")
TABLES = ("month", "team", "tumour_type", "department", "reason")


def months_between(start: date, end: date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def check_filter(f: StatsFilter) -> None:
    if f.end < f.start:
        raise ValidationError(N("errors", "The period ends before it starts."), field="to")


def _indicator(s: Session, spec: Spec, f: StatsFilter, today: date) -> Indicator:
    rows = spec.rows(f, today).subquery()
    if spec.kind == "share":
        # A case is one row of its applications; other cohorts may list a unit once per case it joins.
        unit = rows.c.unit if spec.cohort == "applications" else distinct(rows.c.unit)
        total, hits = s.execute(select(func.count(unit), func.count(unit).filter(rows.c.hit == 1))).one()
        return Indicator(spec.key, spec.title, spec.definition, "share", hits / total if total else None, hits,
                         total, spec.target)
    if spec.kind == "count":
        n = s.scalar(select(func.count(distinct(rows.c.unit))))
        return Indicator(spec.key, spec.title, spec.definition, "count", float(n), n, n, spec.target)
    n = s.scalar(select(func.count()).select_from(rows))
    value = None
    if n:
        # SQLite has no median: the middle one or two values of the sorted column.
        middle = s.execute(select(rows.c.days).order_by(rows.c.days).offset((n - 1) // 2)
                           .limit(1 if n % 2 else 2)).scalars().all()
        value = sum(middle) / len(middle)
    return Indicator(spec.key, spec.title, spec.definition, "median", value, n, n, spec.target)


DISCUSSION_COHORTS = ("disc", "first", "decided")
FOLLOWUP_MONTHS = tuple(sp.months for sp in SPECS if sp.cohort == "followup")


def _median(histogram: dict[float, int]) -> float | None:
    n = sum(histogram.values())
    if not n:
        return None
    wanted, seen, picked = sorted({(n - 1) // 2, n // 2}), 0, []
    for value in sorted(histogram):
        count = histogram[value]
        picked += [value for pos in wanted if seen <= pos < seen + count]
        seen += count
    return sum(picked) / len(picked)


def per_discussion(stmt):
    """The per-discussion values as a subquery SQLite streams into the grouping. `LIMIT -1` (no limit) keeps
    it from merging the two: merged, its sorter would carry every column the figures read instead of the few
    values computed from them (a third less work at 100,000 cases; tests/bench/stats.py)."""
    return stmt.limit(-1).subquery()


# A unit and its hit are counted in one sum: hits in the high 32 bits, units in the low (one CASE per figure
# instead of two halves the work per row; a period would need 2^31 discussions to overflow).
HIT = 1 << 32


# The deviation reason of a decision carried out only in part or not at all (the "deviation reasons" table).
DEVIATION = case((Decision.execution_status.in_(("partly", "not")), Decision.deviation_reason), else_=None)


def _discussion_flags():
    shares = [sp for sp in SPECS if sp.cohort in DISCUSSION_COHORTS and sp.kind != "median"]
    flags = []
    for sp in shares:
        unit, hit = sp.unit_condition(), sp.hit() if sp.hit else None
        counted = case((hit, HIT + 1), else_=1) if hit is not None else literal(1)
        flags.append(case((unit, counted), else_=0) if unit is not None else counted)
    return shares, flags


def _discussion_counts(s: Session, f: StatsFilter, ids: tuple[int, int] | None = None) -> dict:
    """The count tables (month, team, tumour type, department, deviation reason) and the numerator and
    denominator of every discussion-based share, from one grouped pass over the period's discussions.
    Not a CTE read several times: SQLite would write the whole cohort to a temporary table first, which
    costs more than the pass itself."""
    shares, flags = _discussion_flags()
    keys = [func.substr(q.disc_day(), 1, 7), Case.team_id, Case.tumour_type, Case.department_id, DEVIATION]
    rows = per_discussion(q.discussions(f, *[k.label(f"k{i}") for i, k in enumerate(keys)],
                                        *[fl.label(f"f{i}") for i, fl in enumerate(flags)], bare=True, ids=ids))
    by = [rows.c[f"k{i}"] for i in range(len(keys))]
    stmt = select(*by, func.count(), *[func.sum(rows.c[f"f{i}"]) for i in range(len(flags))]).group_by(*by)
    tables = {t: {} for t in ("month", "team", "tumour_type", "department", "reason")}
    totals = [0] * len(flags)
    for row in s.execute(stmt):
        n = row[5]
        for table, key in zip(tables, row[:5], strict=True):
            if table != "reason" or key is not None:
                tables[table][key] = tables[table].get(key, 0) + n
        for i, v in enumerate(row[6:]):
            totals[i] += v or 0
    figures = {sp.key: (t >> 32, t & (HIT - 1)) for sp, t in zip(shares, totals, strict=True)}
    return {"figures": figures, "tables": tables}


def _discussion_medians(s: Session, f: StatsFilter, ids: tuple[int, int] | None = None
                        ) -> dict[str, dict[float, int]]:
    """One histogram of day counts per median figure, from a second pass grouped by the day counts (few
    distinct values, so few rows come back)."""
    medians = [sp for sp in SPECS if sp.cohort in DISCUSSION_COHORTS and sp.kind == "median"]
    days = [case((sp.unit_condition(), sp.days()), else_=None).label(f"d{i}") for i, sp in enumerate(medians)]
    rows = per_discussion(q.discussions(f, *days, bare=True, ids=ids))
    by = [rows.c[d.name] for d in days]
    hist: list[dict[float, int]] = [{} for _ in medians]
    for row in s.execute(select(*by, func.count()).group_by(*by)):
        for h, value in zip(hist, row[:-1], strict=True):
            if value is not None:
                h[value] = h.get(value, 0) + row[-1]
    return {sp.key: h for sp, h in zip(medians, hist, strict=True)}


def split_ids(first: int | None, last: int | None, n: int) -> list[tuple[int, int]]:
    """[first, last] cut into up to n consecutive slices (discussion ids grow with time, so the period's
    discussions spread evenly over them); none when the period holds no discussion."""
    if first is None or last is None:
        return []
    size = last - first + 1
    n = max(1, min(n, size))
    bounds = [first + size * i // n for i in range(n + 1)]
    return [(a, b - 1) for a, b in zip(bounds, bounds[1:], strict=False)]


def merge_counts(parts: list[dict]) -> dict:
    tables: dict[str, dict] = {t: {} for t in parts[0]["tables"]}
    figures: dict[str, tuple[int, int]] = {}
    for part in parts:
        for t, rows in part["tables"].items():
            for k, v in rows.items():
                tables[t][k] = tables[t].get(k, 0) + v
        for key, (hits, total) in part["figures"].items():
            h, n = figures.get(key, (0, 0))
            figures[key] = (h + hits, n + total)
    return {"tables": tables, "figures": figures}


def merge_histograms(parts: list[dict]) -> dict:
    out: dict[str, dict] = {}
    for part in parts:
        for key, hist in part.items():
            into = out.setdefault(key, {})
            for value, count in hist.items():
                into[value] = into.get(value, 0) + count
    return out


# Old meeting-room PCs have two to four cores; more threads than that only queue.
WORKERS = max(1, min(4, os.cpu_count() or 1))
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(WORKERS, thread_name_prefix="stats")
        return _POOL


def _count_rows(s: Session, f: StatsFilter, tables: dict) -> dict[str, list[CountRow]]:
    months = tables["month"]
    teams = dict(s.execute(select(Team.id, Team.name)).all())
    depts = dict(s.execute(select(Department.id, Department.name)).all())

    def ordered(rows):
        return sorted(rows, key=lambda r: (-r.count, r.key))

    return {
        "month": [CountRow(m, m, months.get(m, 0)) for m in months_between(f.start, f.end)],
        "team": ordered(CountRow(teams.get(k, ""), teams.get(k, ""), n) for k, n in tables["team"].items()),
        "tumour_type": ordered(CountRow(k or "", label("tumour_type", k) or "", n)
                               for k, n in tables["tumour_type"].items()),
        "department": ordered(CountRow(depts.get(k, ""), depts.get(k, ""), n)
                              for k, n in tables["department"].items()),
        "reason": ordered(CountRow(k or "", k or "", n) for k, n in tables["reason"].items()),
    }


def _followup_figures(s: Session, f: StatsFilter, today: date) -> dict[int, tuple[int, int]]:
    last = min(f.end, today)
    done = and_(FollowUp.done_at.is_not(None), FollowUp.lost_reason == "")
    stmt = (select(FollowUp.months_after, func.count(), func.sum(case((done, 1), else_=0)))
            .where(FollowUp.months_after.in_(FOLLOWUP_MONTHS), FollowUp.due_on >= f.start, FollowUp.due_on <= last)
            .group_by(FollowUp.months_after))
    filters = q.case_filters(f)
    if filters:  # the join to the cases only when a filter needs it
        stmt = stmt.join(Case, FollowUp.case_id == Case.id).where(*filters)
    return {m: (hits or 0, n) for m, n, hits in s.execute(stmt)}


def _report_indicators(figures: dict, followups: dict, others: dict[str, Indicator]) -> list[Indicator]:
    out = []
    for sp in SPECS:
        if sp.cohort == "followup":
            hits, total = followups.get(sp.months, (0, 0))
        elif sp.cohort in DISCUSSION_COHORTS:
            got = figures[sp.key]
            if sp.kind == "median":
                n = sum(got.values())
                out.append(Indicator(sp.key, sp.title, sp.definition, "median", _median(got), n, n, sp.target))
                continue
            hits, total = got
        else:
            out.append(others[sp.key])
            continue
        if sp.kind == "count":
            out.append(Indicator(sp.key, sp.title, sp.definition, "count", float(total), total, total, sp.target))
        else:
            out.append(Indicator(sp.key, sp.title, sp.definition, "share", hits / total if total else None, hits,
                                 total, sp.target))
    return out


def _attendance(s: Session, f: StatsFilter, by_discipline: bool) -> list[CountRow]:
    conds = [Attendance.signed_in_at.is_not(None), Meeting.status != "cancelled",
             q.in_period(func.date(Meeting.scheduled_at), f)]
    if f.team_id is not None:
        conds.append(Meeting.team_id == f.team_id)
    if by_discipline:
        stmt = (select(Discipline.code, Discipline.name, func.count(distinct(Attendance.meeting_id)))
                .select_from(Attendance).join(Meeting, Attendance.meeting_id == Meeting.id)
                .outerjoin(Discipline, Discipline.id == Attendance.discipline_id)
                .where(*conds).group_by(Discipline.code, Discipline.name))
    else:
        stmt = (select(Attendance.name, Attendance.department, func.count(distinct(Attendance.meeting_id)))
                .select_from(Attendance).join(Meeting, Attendance.meeting_id == Meeting.id)
                .where(*conds).group_by(Attendance.name, Attendance.department))
    rows = [CountRow(k or "", lab or "", n) for k, lab, n in s.execute(stmt).all()]
    if not by_discipline:  # the department tells two people of the same name apart
        rows = [CountRow(r.key, f"{r.key}（{r.label}）" if r.label else r.key, r.count) for r in rows]
    return sorted(rows, key=lambda r: (-r.count, r.key))


class StatisticsService(Service):
    def report(self, actor: Actor, f: StatsFilter, today: date | None = None) -> StatsReport:
        self.require(actor, "stats.view")
        check_filter(f)
        today = today or date.today()
        with self.db.read() as s:
            parts = split_ids(*s.execute(q.discussion_id_range(f)).one(), WORKERS) or [(0, -1)]
        others = [sp for sp in SPECS if sp.cohort not in DISCUSSION_COHORTS and sp.cohort != "followup"]
        jobs = [*[partial(_discussion_counts, f=f, ids=p) for p in parts],
                *[partial(_discussion_medians, f=f, ids=p) for p in parts],
                partial(_followup_figures, f=f, today=today),
                *[partial(_indicator, spec=sp, f=f, today=today) for sp in others],
                partial(_attendance, f=f, by_discipline=False), partial(_attendance, f=f, by_discipline=True)]
        results = self._in_parallel(jobs)
        n = len(parts)
        disc = merge_counts(results[:n])
        disc["figures"].update(merge_histograms(results[n:2 * n]))
        followups = results[2 * n]
        indicators = {sp.key: r for sp, r in zip(others, results[2 * n + 1:-2], strict=True)}
        people, disciplines = results[-2:]
        with self.db.read() as s:
            tables = _count_rows(s, f, disc["tables"])
        return StatsReport(
            f, tuple(tables["month"]), tuple(tables["team"]), tuple(tables["tumour_type"]),
            tuple(tables["department"]), tuple(_report_indicators(disc["figures"], followups, indicators)),
            tuple(tables["reason"]), tuple(people), tuple(disciplines))

    def _in_parallel(self, jobs: list) -> list:
        """Each job (a function of a read session) on its own connection, at once: SQLite runs queries of
        several connections on several cores (Python lets go of the GIL while SQLite works). Each job reads
        its own snapshot; a save landing in between can move a figure by that one record, as if the refresh
        had come a moment later for that figure."""

        def run(job):
            with self.db.read() as s:
                return job(s)

        if len(jobs) == 1 or WORKERS == 1:
            return [run(job) for job in jobs]
        return list(_pool().map(run, jobs))

    def indicator(self, actor: Actor, f: StatsFilter, key: str, today: date | None = None) -> Indicator:
        self.require(actor, "stats.view")
        check_filter(f)
        with self.db.read() as s:
            return _indicator(s, _spec(key), f, today or date.today())

    def case_ids(self, actor: Actor, f: StatsFilter, key: str, numerator: bool = False,
                 today: date | None = None) -> list[int]:
        """The cases behind an indicator (all counted ones, or only those in its numerator), sorted."""
        self.require(actor, "stats.view")
        check_filter(f)
        rows = _spec(key).rows(f, today or date.today()).subquery()
        stmt = select(rows.c.case_id).distinct().where(rows.c.case_id.is_not(None))
        if numerator and "hit" in rows.c:
            stmt = stmt.where(rows.c.hit == 1)
        with self.db.read() as s:
            return sorted(s.execute(stmt).scalars())

    def count_case_ids(self, actor: Actor, f: StatsFilter, table: str, key: str | Sequence[str]) -> list[int]:
        """The cases behind one row of a count table (month "YYYY-MM", team name, tumour type, department
        name, deviation reason; "" is the row of cases without one), or behind several rows at once (a
        chart's "other" bar)."""
        self.require(actor, "stats.view")
        check_filter(f)
        if table not in TABLES:
            raise ValidationError(N("errors", "Unknown statistics table: {name}."), field="table", name=table)
        keys = [key] if isinstance(key, str) else list(key)
        cohort = q.discussions(f, Case.team_id.label("team"), Case.tumour_type.label("tumour"),
                               Case.department_id.label("dept"), DEVIATION.label("reason")).subquery()
        stmt = select(cohort.c.case_id).distinct()
        if table == "month":
            stmt = stmt.where(func.substr(cohort.c.day, 1, 7).in_(keys))
        elif table == "tumour_type":
            stmt = stmt.where(or_(cohort.c.tumour.in_(keys), and_(literal("" in keys), cohort.c.tumour.is_(None))))
        elif table == "reason":
            stmt = stmt.where(cohort.c.reason.in_(keys))
        elif table == "team":
            stmt = stmt.join(Team, Team.id == cohort.c.team).where(Team.name.in_(keys))
        else:
            stmt = (stmt.outerjoin(Department, Department.id == cohort.c.dept)
                    .where(or_(Department.name.in_(keys), and_(literal("" in keys), Department.id.is_(None)))))
        with self.db.read() as s:
            return sorted(s.execute(stmt).scalars())

    def team_name(self, actor: Actor, team_id: int | None) -> str:
        self.require(actor, "stats.view")
        if team_id is None:
            return ""
        with self.db.read() as s:
            t = s.get(Team, team_id)
            if t is None:
                raise NotFound(N("errors", "Team {id} does not exist."), id=team_id)
            return t.name

    def export(self, actor: Actor, f: StatsFilter, path: Path, today: date | None = None) -> StatsReport:
        """Write the report as .xlsx, .csv or .pdf (by the file's suffix); the export is audited."""
        from app.documents.stats_files import write_csv, write_xlsx
        from app.documents.stats_pdf import build_stats_pdf

        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in EXPORT_FORMATS:
            raise ValidationError(N("errors", "Export to .xlsx, .csv or .pdf (not {name})."), field="out",
                                  name=path.name)
        report = self.report(actor, f, today)
        team = self.team_name(actor, f.team_id)
        if suffix == ".xlsx":
            write_xlsx(report, path, team)
        elif suffix == ".csv":
            write_csv(report, path, team)
        else:
            path.write_bytes(build_stats_pdf(report, self.ctx.setup.info().name, team))
        with self.db.session() as s:
            audit_chain.record(s, actor, "export", "statistics", None,
                               new={"file": path.name, "from": f.start, "to": f.end, "team": f.team_id,
                                    "tumour_type": f.tumour_type})
        return report


def _spec(key: str) -> Spec:
    if key not in BY_KEY:
        raise NotFound(N("errors", "Unknown indicator: {name}."), name=key)
    return BY_KEY[key]
