"""The `backup`, `restore` and `audit` commands (wired into the parser by app.__main__).

    python -m app backup --out FILE --passphrase-stdin
    python -m app restore FILE --passphrase-stdin [--replace]
    python -m app audit [--user U] [--case CASE_NO] [--since DATE] [--json]

Exit codes as everywhere: 0 ok, 1 failure with a message (AppErrors are reported by app.__main__), 2 usage.
`backup` runs without the instance lock (the online backup API is safe next to a running app) and is
recorded in the audit trail as user "cli": whoever can read the data folder could copy it anyway.
`restore` takes the lock, so it refuses to run while the app has the folder open.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app.config import DataDir
from app.records import Actor

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2

CLI_OPERATOR = Actor(None, "cli", "command line", "admin")


def _since(text: str) -> datetime:
    """A local date or date-time -> naive UTC, as stored."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM): {text!r}") from None
    return value.astimezone(UTC).replace(tzinfo=None)


def add_parsers(sub, data_dir_arg: Callable, user_args: Callable) -> None:
    """Declare the three sub-commands. `user_args` is unused: none of them logs a user in."""
    backup = sub.add_parser("backup", help="write an encrypted backup (database + stored files) to a file")
    data_dir_arg(backup)
    backup.add_argument("--out", required=True, metavar="FILE",
                        help="the backup file to write (an existing folder: a dated name is chosen in it)")
    backup.add_argument("--passphrase-stdin", action="store_true", required=True,
                        help="read the passphrase (at least 8 characters) from the first line of standard input")

    restore = sub.add_parser("restore", help="restore an encrypted backup into the data folder")
    data_dir_arg(restore)
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--passphrase-stdin", action="store_true", required=True,
                         help="read the passphrase from the first line of standard input")
    restore.add_argument("--replace", action="store_true",
                         help="replace the data already in the folder (a safety backup of it is kept first)")

    audit = sub.add_parser("audit", help="list the audit trail and verify its hash chain")
    data_dir_arg(audit)
    audit.add_argument("--user", default="", metavar="U", help="only events by this user name")
    audit.add_argument("--case", default="", metavar="CASE_NO", help="only events about this case")
    audit.add_argument("--since", type=_since, default=None, metavar="DATE",
                       help="only events at or after this local date (YYYY-MM-DD[THH:MM])")
    audit.add_argument("--json", action="store_true")


def _read_secret_line() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def _progress(label: str):
    """Percentages on a terminal; nothing when stderr is a pipe or a file."""
    if not sys.stderr.isatty():
        return None
    shown = [-1]

    def report(done: int, total: int) -> None:
        pct = int(done * 100 / total) if total else 100
        if pct != shown[0]:
            shown[0] = pct
            print(f"\r{label} {pct:3d}%", end="" if pct < 100 else "\n", file=sys.stderr, flush=True)

    return report


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def cmd_backup(args, data_dir: DataDir) -> int:
    from app.context import open_context
    from app.services.backup_archive import MIN_PASSPHRASE

    passphrase = _read_secret_line()
    if len(passphrase) < MIN_PASSPHRASE:
        print(f"error: the passphrase must have at least {MIN_PASSPHRASE} characters (first line of standard "
              "input); nothing was written.", file=sys.stderr)
        return EXIT_FAIL
    ctx = open_context(data_dir, lock=False)
    try:
        r = ctx.backups.backup(CLI_OPERATOR, Path(args.out), passphrase, progress=_progress("backup"))
    finally:
        ctx.close()
    where = "outside the data folder" if r.offsite else "inside the data folder (not a copy off this PC)"
    print(f"backup written to {r.path} ({_mb(r.size)}, {r.files} stored file(s), {r.seconds:.1f} s), {where}")
    return EXIT_OK


def cmd_restore(args, data_dir: DataDir) -> int:
    from app.services.backup_restore import restore

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return EXIT_FAIL
    passphrase = _read_secret_line()
    if not passphrase:
        print("error: no passphrase on standard input; nothing was changed.", file=sys.stderr)
        return EXIT_FAIL
    r = restore(path, passphrase, data_dir, replace=args.replace, progress=_progress("restore"))
    counts = ", ".join(f"{k} {v}" for k, v in r.info.counts.items())
    print(f"restored the backup of {r.info.hospital} made {r.info.created_at} into {r.target} "
          f"({counts}; {r.seconds:.1f} s)")
    if r.safety_backup:
        print(f"the data that was replaced is kept in {r.safety_backup}")
    return EXIT_OK


def audit_rows(s, user: str = "", case_no: str = "", since: datetime | None = None) -> list[dict] | None:
    """Audit events matching every given filter, oldest first; None when `case_no` names no case."""
    from app.services.audit_query import AuditFilter, case_exists, matching_ids, rows_of

    if case_no and not case_exists(s, case_no):
        return None
    ids = matching_ids(s, AuditFilter(user=user, case_no=case_no, since=since, descending=False))
    rows = []
    for i in range(0, len(ids), 2000):  # SQLite limits the parameters of one IN (...)
        rows += [{"id": r.id, "at": r.at.isoformat(timespec="seconds"), "username": r.username,
                  "action": r.action, "entity": r.entity, "entity_id": r.entity_id, "case_no": r.case_no or None,
                  "old": r.old, "new": r.new, "note": r.note} for r in rows_of(s, ids[i:i + 2000])]
    return rows


def _short(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def cmd_audit(args, data_dir: DataDir) -> int:
    from sqlalchemy.orm import Session

    from app.services import audit_head
    from app.services.audit_chain import verify_chain
    from db.engine import make_readonly_engine
    from db.sqlite_file import inspect_file

    if not data_dir.is_initialised():
        print(f"error: no database in {data_dir.root}", file=sys.stderr)
        return EXIT_FAIL
    state = inspect_file(data_dir.db_path, check_integrity=False)
    if state.kind != "versioned":
        print(f"error: {data_dir.db_path} is not a readable MDT Desk database ({state.kind}) {state.detail}",
              file=sys.stderr)
        return EXIT_FAIL
    engine = make_readonly_engine(data_dir.db_path)  # read-only: listing never changes a byte
    try:
        with Session(engine) as s:
            rows = audit_rows(s, args.user, args.case, args.since)
            problems = verify_chain(s) + audit_head.verify(s, data_dir.root) if rows is not None else []
    finally:
        engine.dispose()
    if rows is None:
        print(f"error: no case {args.case}", file=sys.stderr)
        return EXIT_FAIL
    if args.json:
        print(json.dumps({"events": rows, "count": len(rows),
                          "chain": {"ok": not problems,
                                    "problems": [{"ref": p.ref, "message": p.message} for p in problems]}},
                         ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    for r in rows:
        entity = f"{r['entity']}#{r['entity_id']}" if r["entity_id"] is not None else r["entity"]
        change = " -> ".join(x for x in (_short(r["old"]), _short(r["new"])) if x)
        print("\t".join(str(x) for x in (r["id"], r["at"], r["username"] or "-", r["action"], entity or "-",
                                          r["case_no"] or "-", change, r["note"])).rstrip())
    print(f"{len(rows)} event(s)")
    if problems:
        print(f"audit chain BROKEN: {len(problems)} problem(s) (run `check`):")
        for p in problems:
            print(f"  {p.message}")
    else:
        print("audit chain: ok (every event verified)")
    return EXIT_OK


COMMANDS: dict[str, Callable[..., int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
}
