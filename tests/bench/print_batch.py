"""Batch-printing benchmark (issue 6): 20 signed decisions to the cups-pdf queue, time per document.

    .venv/bin/python tests/bench/print_batch.py [--documents 20] [--skip-gui] [--skip-cli]

A real decision (3 A4 pages, Chinese text, 6 signers with handwritten stamps) is made and signed through
the services in a throw-away data folder; the batch prints that document N times, as a meeting's batch
would. Two paths, each timed on the app's side (until every job is handed to CUPS) and end to end (until
cups-pdf has written every file; cups-pdf runs Ghostscript, a real printer's driver differs):
  * command line: ctx.printing.print_with_cups — pdfium flattens the stamps into the page, `lp` queues it;
  * GUI: QPrinter + QPainter painting pdfium's 300 dpi rasters (what the print preview's Print does).
Needs CUPS (run as root, it starts cupsd and makes the MDT_TEST_PDF queue like the tests do).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "unit"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402  (only its MonkeyPatch, to reuse the test factories)
from cups_queue import printer_queue, signature_boxes, stamp_pixels  # noqa: E402


def signed_plan(root: Path):
    """(ctx, admin, document record, pdf bytes) of a decision signed by every signer it names."""
    from cli_helpers import ADMIN_PASSWORD
    from meeting_factory import PASSWORD
    from plan_factory import finalised_plan
    from test_print_cli import _scribble

    from app.config import DataDir
    from app.context import open_context

    mp = pytest.MonkeyPatch()
    mp.setattr("app.signing.secret_box.TIME_COST", 1)
    mp.setattr("app.signing.secret_box.MEMORY_KIB", 64)
    ctx = open_context(DataDir(root / "data"), create=True)
    ctx.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
    admin = ctx.auth.login("admin", ADMIN_PASSWORD)
    plan = finalised_plan(ctx, admin, mp, root, key_images=4)
    ctx.credentials.create_hospital_ca(admin, "bench-passphrase")
    doc = ctx.documents.start_signing(plan.h.chair, plan.decision.id)
    by_id = {a.user_id: a for a in plan.h.actors.values()}
    signers = [by_id[g.user_id] for g in doc.signatures]
    for actor in signers:
        ctx.credentials.request(actor, PASSWORD)
        ctx.handwriting.enrol(actor, PASSWORD, _scribble())
    ctx.credentials.issue_pending(admin, "bench-passphrase")
    for actor in signers:
        doc = ctx.documents.sign(actor, doc.id, PASSWORD)
    return ctx, admin, doc, ctx.documents.pdf_bytes(admin, doc.id)


def report(label: str, n: int, app_s: float, total_s: float) -> None:
    print(f"{label:12} app side {app_s:6.2f} s = {app_s / n * 1000:6.0f} ms/document;   "
          f"until every file is printed {total_s:6.2f} s = {total_s / n:5.2f} s/document")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=20)
    ap.add_argument("--skip-gui", action="store_true")
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()
    queue, reason = printer_queue()
    if queue is None:
        print(f"cannot run: {reason}")
        return 1
    from app.printing.items import PrintItem
    from app.printing.raster import page_sizes

    with tempfile.TemporaryDirectory(prefix="mdt-print-bench-") as tmp:
        t0 = time.perf_counter()
        ctx, admin, doc, pdf = signed_plan(Path(tmp))
        boxes = signature_boxes(pdf)
        print(f"document: {len(page_sizes(pdf))} pages, {len(pdf) / 1024:.0f} KiB, {len(boxes)} signature stamps "
              f"(made and signed in {time.perf_counter() - t0:.1f} s); {args.documents} documents per batch; "
              f"queue {queue.name}")
        items = [PrintItem(f"bench {n:02d} {doc.doc_no}", pdf, "plan", document_id=doc.id, case_id=doc.case_id,
                           signed=True) for n in range(args.documents)]
        try:
            if not args.skip_cli:
                before = queue.outputs()
                t = time.perf_counter()
                ctx.printing.print_with_cups(admin, items, queue.name)
                app_s = time.perf_counter() - t
                printed = queue.wait_for_new(before, len(items), timeout=600)
                report("lp (CLI)", len(items), app_s, time.perf_counter() - t)
                ink = stamp_pixels(printed[-1], boxes)
                print(f"{'':12} stamps on the last printed file: {sum(n > 200 for n in ink)}/{len(boxes)}")
            if not args.skip_gui:
                from PySide6.QtWidgets import QApplication

                from ui.printing.qt_print import make_printer, print_item

                app = QApplication.instance() or QApplication([])  # noqa: F841 - QPrinter needs it
                before = queue.outputs()
                t = time.perf_counter()
                printer = make_printer(queue.name)
                for item in items:
                    print_item(printer, item)
                    ctx.printing.record(admin, item, printer=queue.name)
                app_s = time.perf_counter() - t
                printed = queue.wait_for_new(before, len(items), timeout=900)
                report("QPrinter", len(items), app_s, time.perf_counter() - t)
                ink = stamp_pixels(printed[-1], boxes)
                print(f"{'':12} stamps on the last printed file: {sum(n > 200 for n in ink)}/{len(boxes)}")
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
