"""The `print` command (wired into the parser by app.__main__).

    python -m app print (--case CASE_NO | --meeting ID) [--printer NAME] [--copies N] [--duplex]

A case prints its decision (the latest signed version, or the marked draft); a meeting prints its agenda
and then every decision of the meeting. The PDFs go to CUPS with `lp`, their signature stamps flattened
into the page so that any printer driver puts them on paper; without --printer the CUPS default queue is
used. Every document sent is an audit event by user "cli" (a secretary's rights: reading and printing).
Exit codes as everywhere: 0 ok, 1 failure with a message, 2 usage.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.config import DataDir

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 999:
        raise argparse.ArgumentTypeError(f"not a number of copies from 1 to 999: {text!r}")
    return value


def add_parsers(sub, data_dir_arg: Callable, user_args: Callable) -> None:
    """Declare `print`. `user_args` is unused: printing runs as the read-only command-line user."""
    p = sub.add_parser("print", help="print a case's decision, or a meeting's agenda and decisions, via CUPS")
    data_dir_arg(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", metavar="CASE_NO", help="print this case's decision")
    which.add_argument("--meeting", type=int, metavar="ID", help="print this meeting's agenda and decisions")
    p.add_argument("--printer", metavar="NAME", default=None, help="CUPS queue (default: the CUPS default)")
    p.add_argument("--copies", type=_positive, default=1, metavar="N", help="copies of each document (1-999)")
    p.add_argument("--duplex", action="store_true", help="print on both sides (long edge), if the printer can")


def cmd_print(args, data_dir: DataDir) -> int:
    from app.context import open_context
    from app.records import CLI_READER

    ctx = open_context(data_dir, lock=False)
    try:
        if args.case:
            items = ctx.printing.case_items(CLI_READER, args.case)
        else:
            items = ctx.printing.meeting_items(CLI_READER, args.meeting)
        jobs = ctx.printing.print_with_cups(CLI_READER, items, args.printer, args.copies, args.duplex)
    finally:
        ctx.close()
    for item, job in zip(items, jobs, strict=True):
        draft = "" if item.signed or item.kind != "plan" else "  (draft: not signed)"
        print(f"{job.job_id}\t{job.printer}\t{job.copies} copy(ies)\t{item.title}{draft}")
    print(f"{len(jobs)} document(s) sent to {jobs[0].printer}" if jobs else "nothing to print")
    return EXIT_OK


COMMANDS: dict[str, Callable[..., int]] = {"print": cmd_print}
