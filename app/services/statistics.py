"""MDT figures for medical affairs: cases per month / team / tumour type / applying department, the
DOMAIN.md §6 indicators with their definitions, and attendance for performance reviews.

Each number is one aggregate query; the cases behind a number are a second query run only when asked
(`case_ids`), so the screen refreshes fast on a hospital's whole history.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import and_, case, distinct, func, literal, select, union_all
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
TABLES = ("month", "team", "tumour_type", "department")


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
        total, hits = s.execute(select(func.count(distinct(rows.c.unit)),
                                       func.count(distinct(rows.c.unit)).filter(rows.c.hit == 1))).one()
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


def _discussion_figures(s: Session, f: StatsFilter) -> dict:
    """Every discussion-based figure from one scan of the joined cohort (a CTE SQLite materialises once, as
    it is read several times): grouped by month, team, tumour type, department and deviation reason with a
    unit/hit flag per figure summed; and one histogram of the day counts per median, in the same statement."""
    shares = [sp for sp in SPECS if sp.cohort in DISCUSSION_COHORTS and sp.kind != "median"]
    flags = []
    for i, sp in enumerate(shares):
        unit = sp.unit_condition()
        flags.append((case((unit, 1), else_=0) if unit is not None else literal(1)).label(f"u{i}"))
        hit = (and_(unit, sp.hit()) if unit is not None else sp.hit()) if sp.hit else None
        flags.append((case((hit, 1), else_=0) if hit is not None else literal(0)).label(f"h{i}"))
    medians = [sp for sp in SPECS if sp.cohort in DISCUSSION_COHORTS and sp.kind == "median"]
    days = [case((sp.unit_condition(), sp.days()), else_=None).label(f"d{i}") for i, sp in enumerate(medians)]
    reason = case((Decision.execution_status.in_(("partly", "not")), Decision.deviation_reason), else_=None)
    cohort = q.discussions(f, func.substr(q.disc_day(), 1, 7).label("month"), Case.team_id.label("team"),
                           Case.tumour_type.label("tumour"), Case.department_id.label("dept"), reason.label("reason"),
                           *flags, *days, bare=True).cte("cohort")
    c = cohort.c
    keys = [c.month, c.team, c.tumour, c.dept, c.reason]
    parts = [select(literal(-1), *keys, func.count(), *[func.sum(c[fl.name]) for fl in flags]).group_by(*keys)]
    for i, d in enumerate(days):
        col = c[d.name]
        parts.append(select(literal(i), col, *[literal(None)] * 4, func.count(), *[literal(0)] * len(flags))
                     .where(col.is_not(None)).group_by(col))
    tables = {t: {} for t in ("month", "team", "tumour_type", "department", "reason")}
    totals = [0] * len(flags)
    hist = [{} for _ in medians]
    for row in s.execute(union_all(*parts)):
        part, n = row[0], row[6]
        if part >= 0:
            hist[part][row[1]] = hist[part].get(row[1], 0) + n
            continue
        for table, key in zip(tables, row[1:6], strict=True):
            if table != "reason" or key is not None:
                tables[table][key] = tables[table].get(key, 0) + n
        for i, v in enumerate(row[7:]):
            totals[i] += v or 0
    figures = {sp.key: (totals[2 * i + 1], totals[2 * i]) for i, sp in enumerate(shares)}
    for sp, h in zip(medians, hist, strict=True):
        figures[sp.key] = h
    return {"figures": figures, "tables": tables}


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
            .where(q.date_between(FollowUp.due_on, f.start, last, f), FollowUp.months_after.in_(FOLLOWUP_MONTHS))
            .group_by(FollowUp.months_after))
    filters = q.case_filters(f)
    if filters:  # the join to the cases only when a filter needs it
        stmt = stmt.join(Case, FollowUp.case_id == Case.id).where(*filters)
    return {m: (hits or 0, n) for m, n, hits in s.execute(stmt)}


def _report_indicators(s: Session, f: StatsFilter, today: date, figures: dict) -> list[Indicator]:
    followups = _followup_figures(s, f, today)
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
            out.append(_indicator(s, sp, f, today))
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
            disc = _discussion_figures(s, f)
            tables = _count_rows(s, f, disc["tables"])
            return StatsReport(
                f, tuple(tables["month"]), tuple(tables["team"]), tuple(tables["tumour_type"]),
                tuple(tables["department"]), tuple(_report_indicators(s, f, today, disc["figures"])),
                tuple(tables["reason"]), tuple(_attendance(s, f, False)), tuple(_attendance(s, f, True)))

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

    def count_case_ids(self, actor: Actor, f: StatsFilter, table: str, key: str) -> list[int]:
        """The cases behind one row of a count table (month "YYYY-MM", team name, tumour type, department)."""
        self.require(actor, "stats.view")
        check_filter(f)
        if table not in TABLES:
            raise ValidationError(N("errors", "Unknown statistics table: {name}."), field="table", name=table)
        cohort = q.discussions(f, Case.team_id.label("team"), Case.tumour_type.label("tumour"),
                               Case.department_id.label("dept")).subquery()
        stmt = select(cohort.c.case_id).distinct()
        if table == "month":
            stmt = stmt.where(func.substr(cohort.c.day, 1, 7) == key)
        elif table == "tumour_type":
            stmt = stmt.where(cohort.c.tumour == key)
        elif table == "team":
            stmt = stmt.join(Team, Team.id == cohort.c.team).where(Team.name == key)
        else:
            stmt = stmt.join(Department, Department.id == cohort.c.dept).where(Department.name == key)
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
