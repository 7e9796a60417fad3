"""The `stats` command (wired into the parser by app.__main__): the statistics screen's numbers.

    python -m app stats --from YYYY-MM-DD --to YYYY-MM-DD [--team T] (--out FILE.xlsx|FILE.csv|FILE.pdf | --json)

`--team` takes a team's name or id. The figures are aggregates (no patient names); the command runs as the
command-line operator, and a written file is recorded in the audit trail like an export from the screen.
Exit codes as everywhere: 0 ok, 1 failure with a message, 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path

from app.config import DataDir
from app.records import Actor

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2

CLI_OPERATOR = Actor(None, "cli", "command line", "admin")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _out(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in (".xlsx", ".csv", ".pdf"):
        raise argparse.ArgumentTypeError(f"--out must end in .xlsx, .csv or .pdf: {text!r}")
    return path


def add_parsers(sub, data_dir_arg: Callable, user_args: Callable) -> None:
    """`user_args` is unused: the figures are aggregates, read as the command-line operator."""
    stats = sub.add_parser("stats", help="MDT statistics and quality indicators for a period")
    data_dir_arg(stats)
    stats.add_argument("--from", dest="start", required=True, type=_day, metavar="YYYY-MM-DD")
    stats.add_argument("--to", dest="end", required=True, type=_day, metavar="YYYY-MM-DD")
    stats.add_argument("--team", default="", metavar="T", help="a team's name or id (default: all teams)")
    out = stats.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", type=_out, metavar="FILE.xlsx|FILE.csv|FILE.pdf")
    out.add_argument("--json", action="store_true")


def report_json(report) -> dict:
    data = asdict(report)
    data["filter"] = {"from": report.filter.start.isoformat(), "to": report.filter.end.isoformat(),
                      "team_id": report.filter.team_id, "tumour_type": report.filter.tumour_type}
    return data


def cmd_stats(args, data_dir: DataDir) -> int:
    from app.closed_loop_records import StatsFilter
    from app.context import open_context

    if args.end < args.start:
        print("error: --to is before --from.", file=sys.stderr)
        return EXIT_USAGE
    ctx = open_context(data_dir, lock=False)
    try:
        team_id = None
        if args.team:
            teams = ctx.teams.list(CLI_OPERATOR)
            found = [t for t in teams if t.name == args.team or str(t.id) == args.team.strip()]
            if not found:
                names = "、".join(t.name for t in teams) or "-"
                print(f"error: no team {args.team!r} (teams: {names}).", file=sys.stderr)
                return EXIT_FAIL
            team_id = found[0].id
        f = StatsFilter(args.start, args.end, team_id)
        if args.json:
            report = ctx.statistics.report(CLI_OPERATOR, f)
            print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
        else:
            ctx.statistics.export(CLI_OPERATOR, f, args.out)
            print(f"wrote {args.out}")
    finally:
        ctx.close()
    return EXIT_OK


COMMANDS: dict[str, Callable[..., int]] = {"stats": cmd_stats}
