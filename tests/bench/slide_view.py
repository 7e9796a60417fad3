"""Slide viewer benchmark: the 100-megapixel pyramidal slide and a 100-megapixel photo (not a pytest test).

    .venv/bin/python tests/bench/slide_view.py [--work DIR] [--pans 200]

What it does (offscreen Qt, canvas 1920×1080)
  1. Makes (once, cached in --work, default /tmp/mdt-desk-bench/slides) the demo's whole-slide image
     (12000×9000 pyramidal JPEG TIFF, app.demo.pathology.make_whole_slide, timed) and a 12000×9000 JPEG
     photo without a pyramid cut from it; stores both in a fresh data folder.
  2. First view of the slide: from `open_attachment` to the overview painted (target ≤ 0.5 s); then 1:1
     zoom and the time until every tile on screen is sharp.
  3. Repaint during pan with cached tiles: at 1:1 and at 25 % the view moves back and forth by 1-40 screen
     pixels inside what is cached; each `repaint()` (a synchronous paint) is timed (target ≤ 16 ms), as
     wall time and as the GUI thread's CPU time (steady when other work shares the machine).
  4. The photo: first open (its pyramid is built once into the data folder's cache), then a second open
     (the built pyramid is reused; target ≤ 0.5 s).
  5. RSS: current and peak of this process.
The event loop runs under `app.exec()`, driven by timers: no processEvents.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "Admin2026!"


def rss_mb() -> tuple[float, float]:
    with open("/proc/self/statm") as f:
        current = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_inputs(work: Path) -> tuple[Path, Path]:
    from PIL import Image

    from app.demo.pathology import make_whole_slide
    from app.imaging.slides import open_slide

    work.mkdir(parents=True, exist_ok=True)
    slide, photo = work / "wsi.tif", work / "photo100mp.jpg"
    if not slide.exists():
        t = time.perf_counter()
        make_whole_slide(slide)
        print(f"made the 108-MP pyramidal slide in {time.perf_counter() - t:.2f} s ({slide.stat().st_size / 1e6:.1f} MB)")
    if not photo.exists():
        src = open_slide(slide, "bench", work / "cache")
        im = Image.new("RGB", (src.width, src.height))
        for y in range(0, src.height, 1024):
            im.paste(Image.fromarray(src.read_region(0, 0, y, src.width, min(1024, src.height - y))), (0, y))
        src.close()
        im.save(photo, "JPEG", quality=90)
        del im
        print(f"made the 108-MP photo ({photo.stat().st_size / 1e6:.1f} MB)")
    return slide, photo


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path("/tmp/mdt-desk-bench/slides"))
    ap.add_argument("--pans", type=int, default=200)
    args = ap.parse_args()
    slide_file, photo_file = make_inputs(args.work)

    from PySide6.QtCore import QTimer

    from app.config import DataDir
    from app.context import open_context
    from ui import ops
    from ui.main import create_application
    from ui.session import Session
    from ui.viewer.slide_viewer import SlideViewer

    data = DataDir(args.work / "data")
    shutil.rmtree(data.root, ignore_errors=True)
    ctx = open_context(data, create=True)
    ctx.setup.initialise("测试县人民医院", "admin", PASSWORD, "管理员")
    actor = ctx.auth.login("admin", PASSWORD)
    patient = ctx.patients.create(actor, name="张三", sex="M", hospital_number="B1")
    case = ctx.case_records.create(actor, patient.id, tumour_type="lung")
    slide_id = ctx.attachments.add_file(actor, case.id, slide_file)
    photo_id = ctx.attachments.add_file(actor, case.id, photo_file)
    print(f"RSS before the viewer: {rss_mb()[0]:.0f} MB")

    app = create_application("zh_CN", 11)
    viewer = SlideViewer(Session(ctx, actor, ctx.setup.info()), case.id)
    viewer.resize(1932, 1180)
    viewer.show()
    canvas = viewer.canvas
    results: dict[str, object] = {}
    steps: list = []

    def then(fn):
        steps.append(fn)

    def advance():
        if steps:
            QTimer.singleShot(0, steps.pop(0))
        else:
            app.quit()

    def wait_until(cond, label, started):
        def poll():
            if cond():
                results[label] = time.perf_counter() - started
                advance()
            else:
                QTimer.singleShot(2, poll)
        poll()

    def open_timed(aid, label):
        started = time.perf_counter()
        state = {"painted": False}
        viewer.opened.connect(lambda _a: state.update(painted=True))
        viewer.open_attachment(aid)

        def painted():
            if state["painted"]:
                canvas.repaint()
                results[label] = time.perf_counter() - started
                viewer.opened.disconnect()
                advance()
            else:
                QTimer.singleShot(1, painted)
        painted()

    def sharp_at(scale, label):
        started = time.perf_counter()
        canvas.zoom_to(scale)
        wait_until(canvas.is_sharp, label, started)

    def pan_timing(label):
        times, cpu = [], []
        for i in range(args.pans):
            d = 1 + (i * 7) % 40
            canvas.pan_by(d if i % 2 else -d, (d // 2) if i % 4 < 2 else -(d // 2))
            t, c = time.perf_counter(), time.thread_time()
            canvas.repaint()
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
        results[label] = (statistics.median(times), max(times), sorted(times)[int(0.95 * len(times)) - 1])
        # CPU time of the GUI thread per repaint: the cost itself, without waiting for a busy machine's cores
        results[label.replace("repaint ms (median, max, p95)", "GUI-thread CPU ms (median, max)")] = (
            statistics.median(cpu), max(cpu))
        advance()

    then(lambda: open_timed(slide_id, "slide first view (s)"))
    then(lambda: sharp_at(1.0, "slide 1:1 sharp (s)"))
    then(lambda: pan_timing("pan at 1:1 repaint ms (median, max, p95)"))
    then(lambda: sharp_at(0.25, "slide 25% sharp (s)"))
    then(lambda: pan_timing("pan at 25% repaint ms (median, max, p95)"))
    then(lambda: (results.__setitem__("RSS with the slide open (MB, peak)", rss_mb()), advance()))
    then(lambda: open_timed(photo_id, "photo first open, pyramid built once (s)"))
    then(lambda: open_timed(slide_id, "slide again (s)"))
    then(lambda: open_timed(photo_id, "photo second open, cached pyramid (s)"))
    then(lambda: sharp_at(1.0, "photo 1:1 sharp (s)"))
    then(lambda: pan_timing("photo pan at 1:1 repaint ms (median, max, p95)"))
    then(lambda: (results.__setitem__("RSS at the end (MB, peak)", rss_mb()), advance()))
    advance()
    app.exec()
    viewer.shut()
    ops.shutdown()
    ctx.close()
    for k, v in results.items():
        if isinstance(v, tuple):
            print(f"{k:48} " + " / ".join(f"{x:.1f}" for x in v))
        else:
            print(f"{k:48} {v:.3f}")
    print(f"tile cache cap {canvas.loader.cache.cap / 2**20:.0f} MB, held {canvas.loader.cache.bytes / 2**20:.0f} MB "
          f"in {len(canvas.loader.cache)} tiles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
