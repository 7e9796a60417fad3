"""The `plan` and `verify` commands (wired into the parser by app.__main__).

    python -m app plan --case CASE_NO [--discussion N] --out FILE.pdf
    python -m app verify FILE.pdf [--json]

`plan` writes the signed document of the decision in force, or (not yet signed) a draft marked 草稿/未签署;
it is recorded in the audit trail as an export by user "cli". `verify` exits 0 only when every signature is
valid, trusted by this data folder's hospital root and the file was not modified after signing; otherwise
it exits 1 and says what is wrong. Exit codes as everywhere: 0 ok, 1 failure with a message, 2 usage.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.config import DataDir
from app.records import CLI_READER

EXIT_OK, EXIT_FAIL = 0, 1


def add_parsers(sub, data_dir_arg: Callable, user_args: Callable) -> None:
    """Declare both sub-commands. `user_args` is unused: neither logs a user in."""
    plan = sub.add_parser("plan", help="write a case's treatment-plan PDF (signed version, else the marked draft)")
    data_dir_arg(plan)
    plan.add_argument("--case", required=True, metavar="CASE_NO")
    plan.add_argument("--discussion", type=int, default=None, metavar="N",
                      help="which discussion of the case (1, 2, ...; default: the latest)")
    plan.add_argument("--out", required=True, metavar="FILE.pdf")

    verify = sub.add_parser("verify", help="check every signature of a signed PDF against this hospital's root")
    data_dir_arg(verify)
    verify.add_argument("file", metavar="FILE.pdf")
    verify.add_argument("--json", action="store_true")


def cmd_plan(args, data_dir: DataDir) -> int:
    from app.context import open_context

    if args.discussion is not None and args.discussion < 1:
        print("error: --discussion counts from 1.", file=sys.stderr)
        return EXIT_FAIL
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"error: no such folder: {out.parent}", file=sys.stderr)
        return EXIT_FAIL
    ctx = open_context(data_dir, lock=False)
    try:
        result = ctx.documents.plan_pdf(CLI_READER, args.case, args.discussion)
    finally:
        ctx.close()
    tmp = out.with_name(f".{out.name}.part")
    tmp.write_bytes(result.pdf)
    tmp.replace(out)
    if result.signed:
        d = result.document
        print(f"wrote {out}: {d.doc_no} version {d.version}, signed by "
              f"{'、'.join(s.name for s in d.signatures)} (sealed {d.sealed_at:%Y-%m-%d %H:%M} UTC)")
    else:
        print(f"wrote {out}: DRAFT of case {result.case_no} discussion {result.discussion} — not signed "
              "(marked 草稿/未签署)")
    return EXIT_OK


def _when(dt) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S %z") if dt else ""


def cmd_verify(args, data_dir: DataDir) -> int:
    from app.context import open_context

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return EXIT_FAIL
    data = path.read_bytes()
    ctx = open_context(data_dir, lock=False)
    try:
        report = ctx.documents.verify(data)
        root = ctx.credentials.root_fingerprint() if ctx.credentials.hospital_ca_exists() else ""
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({
            "file": str(path), "ok": report.ok, "root_fingerprint": root,
            "signers": [{"name": s.name, "time": _when(s.signed_at), "valid": s.valid, "trusted": s.trusted,
                         "intact": s.intact, "problem": s.problem, "field": s.field_name}
                        for s in report.signers],
            "unsigned": list(report.unsigned_fields), "problems": list(report.problems)},
            ensure_ascii=False, indent=2))
    else:
        print(f"{path}: {len(report.signers)} signature(s)")
        for s in report.signers:
            flags = ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in
                              (("valid", s.valid), ("trusted", s.trusted), ("intact", s.intact)))
            print(f"  {'ok  ' if s.ok else 'FAIL'} {s.name}  {_when(s.signed_at)}  ({flags})")
        if report.ok:
            print(f"ok: every signature is valid, trusted by this hospital's root ({root}) and the file is "
                  "unmodified")
        else:
            print("NOT VERIFIED:", file=sys.stderr)
            for p in report.problems:
                print(f"  - {p}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAIL


COMMANDS: dict[str, Callable[..., int]] = {"plan": cmd_plan, "verify": cmd_verify}
