"""The command line and the one composition root. Only the gui path imports ui (lazily).

Exit codes are a contract: 0 ok, 1 failure with a message, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict

from app import APP_NAME, __version__
from app.cli_backup import COMMANDS as BACKUP_COMMANDS
from app.cli_documents import COMMANDS as DOCUMENT_COMMANDS
from app.cli_packages import COMMANDS as PACKAGE_COMMANDS
from app.cli_print import COMMANDS as PRINT_COMMANDS
from app.cli_stats import COMMANDS as STATS_COMMANDS
from app.config import DataDir, resolve_data_dir
from app.errors import AppError

VIEWS = ("cases", "meetings", "followup", "stats", "admin", "presentation")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _data_dir_arg(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Accepted before and after the sub-command; the sub-command's copy must not reset the top one.
    p.add_argument("--data-dir", metavar="D", default=None if top else argparse.SUPPRESS,
                   help="data folder (default: per-user data dir, or $MDT_DESK_DATA)")


def _user_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, metavar="U")
    p.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the user's password from the first line of standard input")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description=f"{APP_NAME} 多学科诊疗工作台")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _data_dir_arg(parser, top=True)
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="user interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="start the desktop application (default)")
    _data_dir_arg(gui)
    gui.add_argument("--lang", choices=("zh_CN", "en"), default=argparse.SUPPRESS)
    gui.add_argument("--screenshot", metavar="FILE.png", help="render the main window to a PNG and exit")
    gui.add_argument("--view", choices=VIEWS, default="cases", help="screen shown in the screenshot")

    init = sub.add_parser("init", help="create the database and the administrator account")
    _data_dir_arg(init)
    init.add_argument("--hospital", required=True, metavar="NAME")
    init.add_argument("--admin", required=True, metavar="USER")
    init.add_argument("--password-stdin", action="store_true", required=True,
                      help="read the administrator's password from the first line of standard input")

    demo = sub.add_parser("demo", help="fill a new data folder with demonstration data")
    _data_dir_arg(demo)

    imp = sub.add_parser("import-patients", help="import a patient list (.csv or .xlsx)")
    _data_dir_arg(imp)
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx")
    _user_args(imp)
    imp.add_argument("--json", action="store_true")

    attach = sub.add_parser("attach", help="attach files, folders or a whole CD/USB stick to a case")
    _data_dir_arg(attach)
    attach.add_argument("--case", required=True, metavar="CASE_NO")
    attach.add_argument("paths", nargs="+", metavar="PATH")
    _user_args(attach)
    attach.add_argument("--json", action="store_true")

    cases = sub.add_parser("cases", help="search cases (the same search as the case list)")
    _data_dir_arg(cases)
    cases.add_argument("--search", default="", metavar="TEXT")
    cases.add_argument("--status", default="", metavar="S")
    cases.add_argument("--json", action="store_true")

    patients = sub.add_parser("patients", help="search patients")
    _data_dir_arg(patients)
    patients.add_argument("--search", default="", metavar="TEXT")
    patients.add_argument("--json", action="store_true")

    check = sub.add_parser("check", help="check database, stored files and audit trail")
    _data_dir_arg(check)
    check.add_argument("--json", action="store_true")

    from app.cli_render import add_parser as add_render_parser

    add_render_parser(sub, _data_dir_arg)
    from app.cli_backup import add_parsers as add_backup_parsers

    add_backup_parsers(sub, _data_dir_arg, _user_args)
    from app.cli_print import add_parsers as add_print_parsers

    add_print_parsers(sub, _data_dir_arg, _user_args)
    from app.cli_documents import add_parsers as add_document_parsers

    add_document_parsers(sub, _data_dir_arg, _user_args)
    from app.cli_packages import add_parsers as add_package_parsers

    add_package_parsers(sub, _data_dir_arg, _user_args)
    from app.cli_stats import add_parsers as add_stats_parsers

    add_stats_parsers(sub, _data_dir_arg, _user_args)
    return parser


def _read_secret_line() -> str:
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def cmd_init(args, data_dir: DataDir) -> int:
    from app.context import open_context

    if data_dir.is_initialised():
        print(f"error: {data_dir.root} is already initialised; nothing was changed.", file=sys.stderr)
        return EXIT_FAIL
    password = _read_secret_line()
    if not password:
        print("error: no password on standard input.", file=sys.stderr)
        return EXIT_FAIL
    from app.security.passwords import check_policy
    from app.services.users import validate_username

    # Validate before creating anything, so a rejected init leaves no half-made data folder.
    validate_username(args.admin)
    check_policy(password, args.admin)
    if not args.hospital.strip():
        print("error: the hospital name is empty.", file=sys.stderr)
        return EXIT_FAIL
    ctx = open_context(data_dir, create=True)
    try:
        ctx.setup.initialise(args.hospital, args.admin, password)
    finally:
        ctx.close()
    print(f"initialised {data_dir.root} for {args.hospital.strip()} (administrator: {args.admin})")
    return EXIT_OK


def cmd_demo(args, data_dir: DataDir) -> int:
    from app.context import open_context
    from app.demo import populate

    ctx = open_context(data_dir, create=not data_dir.is_initialised())
    try:
        summary = populate(ctx, progress=lambda msg: print(msg, file=sys.stderr))
    finally:
        ctx.close()
    print(f"demo data added to {data_dir.root}: " + ", ".join(
        f"{k} {v}" for k, v in asdict(summary).items() if isinstance(v, int)))
    return EXIT_OK


def _login(ctx, username: str):
    return ctx.auth.login(username, _read_secret_line())


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_import_patients(args, data_dir: DataDir) -> int:
    from pathlib import Path

    from app.context import open_context

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return EXIT_FAIL
    ctx = open_context(data_dir)
    try:
        actor = _login(ctx, args.user)
        report = ctx.patient_import.import_file(actor, path)
    finally:
        ctx.close()
    if args.json:
        _print_json({"rows": [asdict(r) for r in report.rows], "unknown_columns": list(report.unknown_columns)})
    else:
        for r in report.rows:
            extra = f" patient {r.patient_id}" if r.patient_id else ""
            print(f"row {r.row}: {r.status}{extra} {r.name} {r.reason}".rstrip())
        if report.unknown_columns:
            print("unknown columns (ignored): " + ", ".join(report.unknown_columns))
        print(f"created {report.count('created')}, duplicate {report.count('duplicate')}, "
              f"rejected {report.count('rejected')}")
    return EXIT_OK


def cmd_attach(args, data_dir: DataDir) -> int:
    from pathlib import Path

    from app.context import open_context

    ctx = open_context(data_dir)
    try:
        actor = _login(ctx, args.user)
        case_id = ctx.case_records.id_of(args.case)
        results = ctx.attachment_import.import_paths(actor, case_id, [Path(p) for p in args.paths])
    finally:
        ctx.close()
    if args.json:
        _print_json([{"path": r.path, "status": r.status, "attachment_id": r.attachment_id, "kind": r.kind,
                      "reason": r.reason, "warnings": list(r.warnings)} for r in results])
    else:
        for r in results:
            detail = r.reason or "; ".join(r.warnings)
            print(f"{r.status:9} {r.kind or '-':6} {r.path}" + (f"  ({detail})" if detail else ""))
        counts = {s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "rejected")}
        print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return EXIT_OK


def cmd_cases(args, data_dir: DataDir) -> int:
    from app.context import open_context
    from app.records import CLI_READER
    from app.services.cases import CaseQuery

    ctx = open_context(data_dir, lock=False)
    try:
        ids = ctx.cases.search_ids(CLI_READER, CaseQuery(text=args.search, status=args.status))
        rows = ctx.cases.rows(CLI_READER, ids)
    finally:
        ctx.close()
    if args.json:
        _print_json([asdict(r) for r in rows])
    else:
        for r in rows:
            print(f"{r.case_no}\t{r.patient_name}\t{r.status}\t{r.diagnosis}\t{r.team}")
        print(f"{len(rows)} case(s)")
    return EXIT_OK


def cmd_patients(args, data_dir: DataDir) -> int:
    from app.context import open_context
    from app.records import CLI_READER

    ctx = open_context(data_dir, lock=False)
    try:
        rows = ctx.patients.search(CLI_READER, args.search, limit=100_000)
    finally:
        ctx.close()
    if args.json:
        _print_json([asdict(r) for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.name}\t{r.hospital_number or ''}\t{r.birth_date or ''}")
        print(f"{len(rows)} patient(s)")
    return EXIT_OK


def cmd_check(args, data_dir: DataDir) -> int:
    from app.services.integrity import check_data_dir

    report = check_data_dir(data_dir)
    if args.json:
        out = {
            "ok": report.ok,
            "data_dir": str(data_dir.root),
            "schema_revision": report.schema_revision,
            "head_revision": report.head_revision,
            "counts": report.counts,
            "problems": [asdict(p) for p in report.problems],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"data dir: {data_dir.root}")
        print(f"schema:   {report.schema_revision or '-'} (this version: {report.head_revision})")
        for k, v in report.counts.items():
            print(f"  {k}: {v}")
        if report.ok:
            print("ok: no problems found")
        else:
            print(f"{len(report.problems)} problem(s):")
            for p in report.problems:
                print(f"  [{p.area}] {p.message}")
    return EXIT_OK if report.ok else EXIT_FAIL


def cmd_render(args, data_dir: DataDir) -> int:
    from app.cli_render import run

    return run(args, data_dir)


def cmd_gui(args, data_dir: DataDir) -> int:
    import os

    if args.screenshot:
        # A screenshot needs no screen: render offscreen unless the caller chose a platform.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.main import run

    args.data_dir = data_dir
    return run(args)


COMMANDS: dict[str, Callable[..., int]] = {
    "gui": cmd_gui,
    "init": cmd_init,
    "demo": cmd_demo,
    "check": cmd_check,
    "import-patients": cmd_import_patients,
    "attach": cmd_attach,
    "cases": cmd_cases,
    "patients": cmd_patients,
    "render": cmd_render,
    **BACKUP_COMMANDS,
    **PRINT_COMMANDS,
    **DOCUMENT_COMMANDS,
    **PACKAGE_COMMANDS,
    **STATS_COMMANDS,
}


def _setup_cli_logging() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    if command == "gui" and not hasattr(args, "screenshot"):
        args.screenshot, args.view = None, "cases"
    _setup_cli_logging()
    data_dir = DataDir(resolve_data_dir(args.data_dir))
    try:
        return COMMANDS[command](args, data_dir)
    except AppError as e:
        print(f"error: {e}", file=sys.stderr)
        if e.details:
            print(f"  ({e.details})", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
