"""The CUPS command-line tools: which printers there are, which is the default, and `lp` to print.

The command line prints through these (the GUI goes through QPrinter, which talks to CUPS itself).
Every call has a timeout: a hung scheduler must give an error, never a frozen command.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP as N

TIMEOUT = 30.0
DUPLEX_VALUES = ("DuplexNoTumble", "DuplexTumble", "two-sided-long-edge")


class PrintError(AppError):
    pass


@dataclass(frozen=True)
class PrintJob:
    printer: str
    job_id: str  # "QUEUE-123", as `lp` and `lpstat` name it
    copies: int
    duplex: bool


def available() -> bool:
    return shutil.which("lp") is not None and shutil.which("lpstat") is not None


def _run(args: list[str], data: bytes | None = None) -> str:
    if shutil.which(args[0]) is None:
        raise PrintError(N("errors", "Printing is not set up on this computer (CUPS `{tool}` was not found)."),
                         tool=args[0])
    try:
        done = subprocess.run(args, input=data, capture_output=True, timeout=TIMEOUT,
                              env={**os.environ, "LC_ALL": "C", "LANG": "C"})  # English, parseable
    except subprocess.TimeoutExpired:
        raise PrintError(N("errors", "The print system did not answer within {seconds} seconds."),
                         seconds=int(TIMEOUT)) from None
    out = done.stdout.decode("utf-8", "replace")
    if done.returncode != 0:
        raise PrintError(N("errors", "The print system refused: {reason}"),
                         reason=done.stderr.decode("utf-8", "replace").strip() or out.strip())
    return out


def printers() -> list[str]:
    """The names of the print queues, in the order CUPS lists them (none: an empty list)."""
    try:
        out = _run(["lpstat", "-e"])
    except PrintError:
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


def default_printer() -> str | None:
    """The CUPS default queue (the user's `lpoptions -d` or the system one), None when there is none."""
    try:
        out = _run(["lpstat", "-d"])
    except PrintError:
        return None
    match = re.search(r"system default destination:\s*(\S+)", out)
    return match.group(1) if match else None


def supports_duplex(printer: str) -> bool:
    """True when the queue's driver offers two-sided printing."""
    try:
        out = _run(["lpoptions", "-p", printer, "-l"])
    except PrintError:
        return False
    for line in out.splitlines():
        name, _, values = line.partition(":")
        if name.split("/")[0].strip() in ("Duplex", "sides"):
            return any(v.lstrip("*") in DUPLEX_VALUES for v in values.split())
    return False


def submit(pdf: bytes, printer: str, copies: int = 1, duplex: bool = False, title: str = "") -> PrintJob:
    """Queue a PDF (read by `lp` from standard input) and return the job CUPS created."""
    if copies < 1:
        raise PrintError(N("errors", "The number of copies must be at least 1."))
    if printer not in printers():
        raise PrintError(N("errors", "There is no printer named {printer}."), printer=printer)
    args = ["lp", "-d", printer, "-n", str(copies)]
    if title:
        args += ["-t", title]
    if duplex:
        args += ["-o", "sides=two-sided-long-edge"]
    out = _run(args, data=pdf)
    match = re.search(r"request id is (\S+)", out)
    return PrintJob(printer, match.group(1) if match else "", copies, duplex)


def job_done(job_id: str) -> bool:
    """True once the job has left the queue (printed, or given up by CUPS)."""
    out = _run(["lpstat", "-W", "not-completed", "-o", job_id.rsplit("-", 1)[0]])
    return not any(line.split()[:1] == [job_id] for line in out.splitlines())
