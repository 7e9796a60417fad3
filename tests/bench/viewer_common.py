"""What the viewer benchmarks share: a data dir holding one case with a CT series (400 uncompressed slices
512×512, or JPEG 2000 lossless), an offscreen Qt application and a session. Data is built once and kept
under --work (default /tmp/mdt-desk-bench)."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "Admin2026!"


def args(description: str, slices: int, extra=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--slices", type=int, default=slices)
    ap.add_argument("--work", type=Path, default=Path("/tmp/mdt-desk-bench"))
    ap.add_argument("--runs", type=int, default=5)
    if extra:
        extra(ap)
    return ap.parse_args()


def make_j2k_series(folder: Path, n: int) -> None:
    """n JPEG 2000 lossless 512×512 CT slices with CT-like noise (a flat phantom compresses unrealistically)."""
    import numpy as np
    import pydicom
    from import_ct import make_series
    from pydicom.uid import JPEG2000Lossless

    make_series(folder, n)
    rng = np.random.default_rng(7)
    noise = [rng.normal(0, 12, (512, 512)).astype(np.int16) for _ in range(4)]
    for i, path in enumerate(sorted(folder.iterdir())):
        ds = pydicom.dcmread(path)
        pixels = np.clip(ds.pixel_array.astype(np.int32) + noise[i % 4], 0, 4000).astype(np.int16)
        ds.compress(JPEG2000Lossless, pixels, encoding_plugin="pylibjpeg")
        ds.save_as(path, enforce_file_format=True)


def data_dir_with_series(work: Path, name: str, slices: int, j2k: bool = False):
    """(ctx, actor, case id, attachment ids) for a case holding the series, imported once and reused."""
    from import_ct import make_series

    from app.config import DataDir
    from app.context import open_context

    source = work / f"{name}-{slices}"
    if not source.exists():
        t = time.perf_counter()
        tmp = source.with_name(source.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        (make_j2k_series if j2k else make_series)(tmp, slices)
        tmp.rename(source)
        print(f"made {slices} slices in {time.perf_counter() - t:.1f} s at {source}")
    data = DataDir(work / f"viewer-data-{name}-{slices}")
    if not data.is_initialised():
        shutil.rmtree(data.root, ignore_errors=True)
        ctx = open_context(data, create=True)
        actor = ctx.setup.initialise("基准测试医院", "admin", PASSWORD)
        patient = ctx.patients.create(actor, name="张三", sex="M", hospital_number="ZY001")
        case = ctx.case_records.create(actor, patient.id, tumour_type="lung")
        ctx.attachment_import.import_paths(actor, case.id, [source])
        ctx.close()
    ctx = open_context(data)
    actor = ctx.auth.login("admin", PASSWORD)
    [case_id] = [c for c in _case_ids(ctx, actor)]
    [series] = ctx.attachment_browse.series_for_case(actor, case_id)
    return ctx, actor, case_id, list(series.attachment_ids)


def _case_ids(ctx, actor) -> list[int]:
    from sqlalchemy import select

    from db.models import Case

    with ctx.db.read() as s:
        return list(s.scalars(select(Case.id)))


def application():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def session(ctx, actor):
    from ui.session import Session

    return Session(ctx, actor, ctx.setup.info())


def run_until(app, done, timeout: float = 30.0, poll_ms: int = 1) -> bool:
    """Run the Qt event loop until done() is true (checked every poll_ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    deadline = time.perf_counter() + timeout

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start(poll_ms)
    if not done():
        loop.exec()
    timer.stop()
    return done()


def all_ready(viewer):
    """A cheap test for "every slice decoded" to poll each millisecond (a full scan each time would cost
    the app process more CPU than the decoding it waits for)."""
    state = {"next": 0}

    def done() -> bool:
        while state["next"] < viewer.count and viewer.loader.has(viewer.slices[state["next"]]):
            state["next"] += 1
        return viewer.count > 0 and state["next"] == viewer.count

    return done


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
