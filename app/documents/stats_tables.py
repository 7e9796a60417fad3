"""The statistics report as Chinese tables: the one layout the Excel, CSV and PDF exports all write, so
they show the same numbers as the screen and `stats --json`.

Exports are hospital documents and read in Chinese whatever language the command line runs in: titles and
definitions come from the zh_CN catalogue (context "statistics"), codes through app.documents.labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.closed_loop_records import CountRow, Indicator, StatsReport
from app.documents import labels
from app.documents.fonts import resources_dir
from app.domain.closed_loop import DEVIATION_REASONS
from app.i18n import QT_TRANSLATE_NOOP as N

C = "statistics"
HEAD = {
    "indicators": N("statistics", "Indicators"), "month": N("statistics", "Cases per month"), "team": N("statistics", "Cases per team"),
    "tumour_type": N("statistics", "Cases per tumour type"), "department": N("statistics", "Cases per applying department"),
    "deviations": N("statistics", "Deviation reasons"), "experts": N("statistics", "Expert attendance"),
    "disciplines": N("statistics", "Discipline attendance"), "definitions": N("statistics", "Definitions"),
}
COLS = {
    "indicator": N("statistics", "Indicator"), "value": N("statistics", "Value"), "numerator": N("statistics", "Numerator"),
    "denominator": N("statistics", "Denominator"), "target": N("statistics", "Target"), "definition": N("statistics", "Definition"),
    "month": N("statistics", "Month"), "team": N("statistics", "Team"), "tumour_type": N("statistics", "Tumour type"),
    "department": N("statistics", "Applying department"), "cases": N("statistics", "Cases discussed"), "reason": N("statistics", "Reason"),
    "count": N("statistics", "Count"), "expert": N("statistics", "Expert"), "discipline": N("statistics", "Discipline"),
    "meetings": N("statistics", "Meetings attended"),
}
WORDS = {
    "title": N("statistics", "MDT quality statistics"), "period": N("statistics", "Period"), "all_teams": N("statistics", "All teams"),
    "all_types": N("statistics", "All tumour types"), "days": N("statistics", "days"), "none": N("statistics", "(not recorded)"),
    "cases_note": N("statistics", "A case discussed twice counts twice (each discussion is a presentation to the team)."),
}


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, str]:
    folder = resources_dir() / "i18n"
    qm, ts = folder / "mdt_zh_CN.qm", folder / "mdt_zh_CN.ts"
    out = labels._read_ts(ts, C) if ts.is_file() else {}
    if qm.is_file():
        out.update(labels._read_qm(qm.read_bytes(), C))
    return out


def zh(source: str) -> str:
    return _catalogue().get(source, source)


def zh_vocab(source: str) -> str:
    """A "vocab"-context label (the closed-loop code lists) in Chinese."""
    return labels._catalogue().get(source, source)


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]  # cells: str, int or float (shares as fractions, medians as days)


def value_text(i: Indicator) -> str:
    if i.value is None:
        return "—"
    if i.kind == "share":
        return f"{i.value * 100:.1f}%"
    if i.kind == "median":
        return f"{i.value:g} {zh(WORDS['days'])}"
    return str(int(i.value))


def _counts(key: str, col: str, rows: tuple[CountRow, ...], label=None) -> Sheet:
    lab = label or (lambda r: r.label or zh(WORDS["none"]))
    return Sheet(key, zh(HEAD[key]), (zh(COLS[col]), zh(COLS["cases"])), tuple((lab(r), r.count) for r in rows))


def sheets(r: StatsReport) -> list[Sheet]:
    ind = Sheet("indicators", zh(HEAD["indicators"]),
                tuple(zh(COLS[c]) for c in ("indicator", "value", "numerator", "denominator", "target")),
                tuple((zh(i.title), i.value, i.numerator, i.denominator, i.target) for i in r.indicators))
    reason = {k: zh_vocab(v) for k, v in DEVIATION_REASONS.items()}
    return [
        ind,
        _counts("month", "month", r.per_month),
        _counts("team", "team", r.per_team),
        _counts("tumour_type", "tumour_type", r.per_tumour_type,
                lambda c: labels.zh("tumour_type", c.key) or zh(WORDS["none"])),
        _counts("department", "department", r.per_department),
        Sheet("deviations", zh(HEAD["deviations"]), (zh(COLS["reason"]), zh(COLS["count"])),
              tuple((reason.get(c.key, c.key or zh(WORDS["none"])), c.count) for c in r.deviation_reasons)),
        Sheet("experts", zh(HEAD["experts"]), (zh(COLS["expert"]), zh(COLS["meetings"])),
              tuple((c.label, c.count) for c in r.expert_attendance)),
        Sheet("disciplines", zh(HEAD["disciplines"]), (zh(COLS["discipline"]), zh(COLS["meetings"])),
              tuple((labels.discipline(c.key) if c.key else zh(WORDS["none"]), c.count)
                    for c in r.discipline_attendance)),
        Sheet("definitions", zh(HEAD["definitions"]), (zh(COLS["indicator"]), zh(COLS["definition"])),
              tuple((zh(i.title), zh(i.definition)) for i in r.indicators)),
    ]


def filter_line(r: StatsReport, team_name: str) -> str:
    f = r.filter
    kind = labels.zh("tumour_type", f.tumour_type) if f.tumour_type else zh(WORDS["all_types"])
    return (f"{zh(WORDS['period'])}：{f.start.isoformat()} — {f.end.isoformat()}　"
            f"{team_name or zh(WORDS['all_teams'])}　{kind}")
