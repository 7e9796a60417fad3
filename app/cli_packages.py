"""The `package` command: export, import and inspect case packages (wired into the parser by app.__main__).

    python -m app package export --case CASE_NO --out FILE.mdtpkg [--deidentify] --passphrase-stdin --user U
    python -m app package import FILE.mdtpkg --passphrase-stdin --user U [--merge-patient ID]
    python -m app package inspect FILE.mdtpkg --passphrase-stdin [--json]
    python -m app package opinion --case CASE_NO --text-file FILE.txt --out FILE.mdtpkg --passphrase-stdin --user U
    python -m app package mcode --case CASE_NO --out FILE.json [--csv FILE.csv] [--identified]

Standard input: the package passphrase on the first line, then (export, import) the user's password.
Exit codes as everywhere: 0 ok, 1 failure with a message (AppErrors are reported by app.__main__), 2 usage.
An import whose patient matches one already here (ID or hospital number) stops and names the match; it is
merged only with `--merge-patient ID`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from app.config import DataDir
from app.records import CLI_READER

EXIT_OK, EXIT_FAIL = 0, 1


def add_parsers(sub, data_dir_arg: Callable, user_args: Callable) -> None:
    package = sub.add_parser("package", help="case packages for another hospital (encrypted, signed)")
    data_dir_arg(package)
    actions = package.add_subparsers(dest="package_action", metavar="ACTION", required=True)

    export = actions.add_parser("export", help="write a case as an encrypted, signed package")
    data_dir_arg(export)
    export.add_argument("--case", required=True, metavar="CASE_NO")
    export.add_argument("--out", required=True, metavar="FILE.mdtpkg")
    export.add_argument("--deidentify", action="store_true",
                        help="replace the patient's identity by a pseudonym (DICOM PS3.15 basic profile)")
    _secrets(export, with_user=True)

    imp = actions.add_parser("import", help="verify a package and add its case")
    data_dir_arg(imp)
    imp.add_argument("file", metavar="FILE.mdtpkg")
    _secrets(imp, with_user=True)
    imp.add_argument("--merge-patient", type=int, default=None, metavar="ID",
                     help="add the case to this existing patient (the one the package matched)")
    imp.add_argument("--json", action="store_true")

    opinion = actions.add_parser("opinion", help="send advice back on a case that arrived in a package")
    data_dir_arg(opinion)
    opinion.add_argument("--case", required=True, metavar="CASE_NO")
    opinion.add_argument("--text-file", required=True, metavar="FILE.txt", help="the opinion, UTF-8 text")
    opinion.add_argument("--out", required=True, metavar="FILE.mdtpkg")
    _secrets(opinion, with_user=True)

    mcode = actions.add_parser("mcode", help="a case and its decisions for a registry: mCODE (FHIR JSON) and CSV")
    data_dir_arg(mcode)
    mcode.add_argument("--case", required=True, metavar="CASE_NO")
    mcode.add_argument("--out", required=True, metavar="FILE.json")
    mcode.add_argument("--csv", default=None, metavar="FILE.csv")
    mcode.add_argument("--identified", action="store_true",
                       help="keep the patient's identity (needs recorded consent); default: de-identified")

    inspect = actions.add_parser("inspect", help="verify a package and show its sender and content")
    data_dir_arg(inspect)
    inspect.add_argument("file", metavar="FILE.mdtpkg")
    _secrets(inspect, with_user=False)
    inspect.add_argument("--json", action="store_true")


def _secrets(p, with_user: bool) -> None:
    p.add_argument("--passphrase-stdin", action="store_true", required=True,
                   help="read the package passphrase from the first line of standard input" +
                        (" and the user's password from the second" if with_user else ""))
    if with_user:
        p.add_argument("--user", required=True, metavar="U")


def _line() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _describe(c) -> None:
    trust = "trusted" if c.trusted else "NOT TRUSTED here"
    print(f"package {c.package_uuid} made {c.created_at} UTC")
    print(f"sender: {c.sender_name} ({c.sender_user}) of {c.hospital}, certificate {c.sender_fingerprint} ({trust})")
    kind = "de-identified" if c.deidentified else "identified"
    print(f"content ({kind}): patient {c.patient}, case {c.case_no}, {c.diagnosis or '-'}, "
          f"{c.discussions} discussion(s), {c.files} file(s), {c.total_size / 1e6:.1f} MB; every hash verified")
    for w in c.report.get("warnings", []):
        print(f"warning: {w}")
    for m in c.matches:
        print(f"matches patient {m.patient_id} here ({m.name}) by {m.by}")
    if c.already_imported_case:
        print(f"already imported here as case {c.already_imported_case}")


def _open(data_dir: DataDir, lock: bool = True):
    from app.context import open_context

    return open_context(data_dir, lock=lock)


def _mcode(args, data_dir: DataDir) -> int:
    from app.cli_backup import CLI_OPERATOR

    ctx = _open(data_dir, lock=False)
    try:  # like `backup`: recorded as user "cli", whoever can read the data folder could copy it anyway
        bundle, text = ctx.packages.structured_export(CLI_OPERATOR, args.case, deidentify=not args.identified)
    finally:
        ctx.close()
    Path(args.out).write_text(json.dumps(bundle, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.csv:
        Path(args.csv).write_text(text, encoding="utf-8-sig")  # the BOM makes Excel read UTF-8 Chinese
    print(f"wrote {args.out}" + (f" and {args.csv}" if args.csv else "") +
          (" (identified)" if args.identified else " (de-identified)"))
    return EXIT_OK


def cmd_package(args, data_dir: DataDir) -> int:
    if args.package_action == "mcode":
        return _mcode(args, data_dir)
    passphrase = _line()
    if not passphrase:
        print("error: no passphrase on standard input; nothing was done.", file=sys.stderr)
        return EXIT_FAIL
    if args.package_action in ("import", "inspect") and not Path(args.file).is_file():
        print(f"error: no such file: {args.file}", file=sys.stderr)
        return EXIT_FAIL
    if args.package_action == "inspect":
        ctx = _open(data_dir, lock=False)
        try:
            content = ctx.packages.inspect(CLI_READER, Path(args.file), passphrase)
        finally:
            ctx.close()
        if args.json:
            _print_json(asdict(content))
        else:
            _describe(content)
        if not content.trusted:
            print("error: the sender is not trusted by this installation; import would refuse it.", file=sys.stderr)
            return EXIT_FAIL
        return EXIT_OK
    ctx = _open(data_dir)
    try:
        password = _line()
        actor = ctx.auth.login(args.user, password)
        if args.package_action == "opinion":
            text = Path(args.text_file).read_text(encoding="utf-8")
            r = ctx.packages.export_opinion(actor, args.case, text, Path(args.out), passphrase, password)
            print(f"wrote {r.path}: opinion package {r.package_uuid}, {r.size} bytes")
            return EXIT_OK
        if args.package_action == "export":
            out = Path(args.out)
            if not out.parent.is_dir():
                print(f"error: no such folder: {out.parent}", file=sys.stderr)
                return EXIT_FAIL
            r = ctx.packages.export_case(actor, args.case, out, passphrase, password, deidentify=args.deidentify)
            what = f"de-identified as {r.pseudonym}" if r.deidentified else "identified (consent recorded)"
            print(f"wrote {r.path}: package {r.package_uuid}, {r.files} file(s), {r.size / 1e6:.1f} MB, {what}")
            for k, v in r.report.get("removed", {}).items():
                print(f"removed: {k} ×{v}")
            for x in r.report.get("excluded", []):
                print(f"excluded: {x}")
            for w in r.report.get("warnings", []):
                print(f"warning: {w}")
            return EXIT_OK
        r = ctx.packages.import_package(actor, Path(args.file), passphrase, merge_patient_id=args.merge_patient)
    finally:
        ctx.close()
    if args.json:
        _print_json(asdict(r))
    else:
        _describe(r.content)
        if r.status == "already":
            print(f"nothing imported: this package is already case {r.case_no}")
        else:
            where = f"existing patient {r.patient_id}" if r.merged else f"new patient {r.patient_id}"
            print(f"imported as case {r.case_no} ({where}); {r.files_new} new file(s), "
                  f"{r.files_existing} already stored")
    return EXIT_OK


COMMANDS: dict[str, Callable[..., int]] = {"package": cmd_package}
