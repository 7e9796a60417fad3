"""A real CUPS queue that prints into PDF files (cups-pdf), for the printing tests and the print benchmark.

`printer_queue()` starts the scheduler when it is not running and creates the queue MDT_TEST_PDF, whose
cups-pdf output goes to OUT (a per-queue cups-pdf config file, so nothing of the machine's own PDF printer
changes). It returns (queue, "") or (None, the reason it cannot) — scripts/test.sh installs `cups` and
`printer-driver-cups-pdf` when it may (root or password-less sudo).

What reaches the paper is checked by rendering the printed PDF WITHOUT pdfium's form layer: only what is
in the page content itself, as a printer would put it on paper.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

QUEUE = "MDT_TEST_PDF"
OUT = Path("/var/spool/cups-pdf/MDT_TEST")
CONF = Path(f"/etc/cups/cups-pdf-{QUEUE}.conf")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
INSET = 6  # points
LOCK = Path(tempfile.gettempdir()) / "mdt-desk-cups-test.lock"


@dataclass(frozen=True)
class Queue:
    name: str
    out: Path

    def outputs(self) -> set[Path]:
        return set(self.out.glob("*.pdf"))

    def remove_new(self, before: set[Path]) -> None:
        """Delete what cups-pdf wrote since `before` (the tests' printouts do not pile up)."""
        for path in self.outputs() - before:
            path.unlink(missing_ok=True)

    def wait_for_new(self, before: set[Path], count: int, timeout: float = 90.0) -> list[Path]:
        """The `count` PDFs cups-pdf wrote since `before` was taken, once written completely (sorted by age)."""
        sizes: dict[Path, int] = {}
        done: list[Path] = []

        def written() -> bool:
            nonlocal sizes
            new = sorted(self.outputs() - before, key=lambda p: p.stat().st_mtime)
            if len(new) < count or _jobs_pending(self.name):
                return False
            now = {p: p.stat().st_size for p in new}
            settled, sizes = now == sizes and all(now.values()), now
            done[:] = new
            return settled

        if poll_until(written, timeout):
            return done
        raise AssertionError(f"cups-pdf wrote {len(self.outputs() - before)} of {count} file(s) in {timeout} s "
                             f"(see /var/log/cups/error_log)")


POLL_S = 0.2


def poll_until(condition, timeout: float) -> bool:
    """Ask `condition()` every POLL_S seconds until it holds or `timeout` passes. CUPS and the cups-pdf
    backend are other processes with no event to wait on (no Qt signal, no blocking call in lp/lpstat):
    asking again is the only way to learn that the scheduler is up or a printout is complete."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(POLL_S)
    return condition()


def _run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "LC_ALL": "C"})


def _jobs_pending(queue: str) -> bool:
    return bool(_run("lpstat", "-W", "not-completed", "-o", queue).stdout.strip())


def _scheduler_running() -> bool:
    return "scheduler is running" in _run("lpstat", "-r").stdout


def _cups_pdf_driver() -> str | None:
    for line in _run("lpinfo", "-m", timeout=60).stdout.splitlines():
        model = line.split(" ", 1)[0]
        if "cups-pdf" in model.lower():
            return model
    return None


@contextmanager
def exclusive_use():
    """Hold the queue against other test processes (pytest-xdist workers) until the block ends."""
    with open(LOCK, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def printer_queue() -> tuple[Queue | None, str]:
    missing = [t for t in ("lp", "lpstat", "lpadmin", "lpinfo", "cupsd") if shutil.which(t) is None]
    if missing or not BACKEND.exists():
        return None, (f"CUPS with cups-pdf is not installed (missing: {' '.join(missing) or BACKEND}); "
                      "scripts/test.sh installs cups and printer-driver-cups-pdf when run as root")
    root = os.geteuid() == 0
    if not _scheduler_running():
        if not root:
            return None, "the CUPS scheduler is not running and only root may start it here"
        _run("cupsd")  # daemonises itself
        if not poll_until(_scheduler_running, 15):
            return None, "cupsd did not start (see /var/log/cups/error_log)"
    device = _run("lpstat", "-v", QUEUE).stdout
    if f"cups-pdf:/{QUEUE}" not in device:
        if not root:
            return None, f"the test queue {QUEUE} does not exist and only root may create it"
        driver = _cups_pdf_driver()
        if driver is None:
            return None, "CUPS lists no cups-pdf driver (lpinfo -m)"
        OUT.mkdir(parents=True, exist_ok=True)
        CONF.write_text(f"Out {OUT}\nAnonDirName {OUT}\nLabel 2\n")  # Label 2: file names end in -job_N
        made = _run("lpadmin", "-p", QUEUE, "-E", "-v", f"cups-pdf:/{QUEUE}", "-m", driver)
        if made.returncode != 0:
            return None, f"lpadmin could not create the queue: {made.stderr.strip()}"
    _run("cupsenable", QUEUE)
    _run("cupsaccept", QUEUE)
    return Queue(QUEUE, OUT), ""


def ink(image) -> int:
    """How many pixels of an image are clearly not white paper."""
    return sum(image.convert("L").histogram()[:200])


def stamp_pixels(pdf_path: Path, boxes, dpi: float = 100.0) -> list[int]:
    """Per signature box, how many ink (non-white) pixels the printed page shows inside it.

    The box is shrunk by INSET points first, so a printed frame around an empty box does not count.
    """
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))  # no init_forms(): only what is on the paper counts
    counts = []
    try:
        for page_index, (x1, y1, x2, y2) in boxes:
            page = doc[page_index]
            _, height = page.get_size()
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
            s = dpi / 72
            x1, y1, x2, y2 = x1 + INSET, y1 + INSET, x2 - INSET, y2 - INSET
            region = image.crop((int(x1 * s), int((height - y2) * s), int(x2 * s), int((height - y1) * s)))
            counts.append(ink(region))
    finally:
        doc.close()
    return counts


def signature_boxes(pdf: bytes) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(page index, rectangle in points) of every form widget — in a plan PDF, the signature boxes."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(pdf)
    boxes = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            for n in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
                annot = pdfium_c.FPDFPage_GetAnnot(page.raw, n)
                try:
                    if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                        rect = pdfium_c.FS_RECTF()
                        pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
                        boxes.append((index, (rect.left, rect.bottom, rect.right, rect.top)))
                finally:
                    pdfium_c.FPDFPage_CloseAnnot(annot)
    finally:
        doc.close()
    return boxes
