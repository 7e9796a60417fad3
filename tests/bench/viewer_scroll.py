"""Viewer benchmark (issue 4): scroll through a 400-slice 512×512 CT at 1920×1080, one slice per step.

Target: per-slice render (window/level to 8 bits, QImage) + paint ≤ 8 ms median; zero skipped slices
(every index painted with its own pixels, in order). The series is fully decoded before timing starts,
so this measures what the GUI thread does per step, as when a radiologist scrolls a loaded stack.

    .venv/bin/python tests/bench/viewer_scroll.py [--slices 400] [--runs 3] [--preset lung]
"""

from __future__ import annotations

import os
import sys
import time

from viewer_common import application, args, data_dir_with_series, median, run_until, session


def main() -> int:
    a = args(__doc__.splitlines()[0], 400, lambda ap: ap.add_argument("--preset", default=""))
    ctx, actor, case_id, ids = data_dir_with_series(a.work, "ct", a.slices)
    app = application()
    from ui.viewer import ImageViewer

    viewer = ImageViewer(session(ctx, actor), case_id)
    viewer.resize(1920, 1080)
    viewer.show()
    viewer.open_series(ids)
    run_until(app, lambda: all(viewer.loader.has(k) for k in viewer.slices) and viewer.is_loaded(), timeout=120)
    if a.preset:
        viewer.set_preset(a.preset)
    print(f"canvas {viewer.canvas.width()}×{viewer.canvas.height()}, {viewer.count} slices decoded; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    times: list[float] = []
    cpu: list[float] = []
    skipped = 0
    for run in range(a.runs):
        viewer.go_to(0 if run % 2 == 0 else viewer.count - 1)
        viewer.painted.clear()
        step = 1 if run % 2 == 0 else -1
        for _ in range(viewer.count - 1):
            t, c = time.perf_counter(), time.thread_time()
            viewer.step(step)  # window/level, QImage, synchronous repaint of the canvas
            times.append(time.perf_counter() - t)
            cpu.append(time.thread_time() - c)
        order = [i for i, own in viewer.painted if own]
        expected = list(range(1, viewer.count)) if step > 0 else list(range(viewer.count - 2, -1, -1))
        skipped += len(set(expected) - set(order)) + sum(1 for _i, own in viewer.painted if not own)
        run_until(app, lambda: True, timeout=0.1)
    times.sort()
    ms = [t * 1000 for t in times]
    print(f"{len(ms)} steps: median {median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms, "
          f"max {ms[-1]:.2f} ms   (target median ≤ 8 ms)")
    print(f"CPU time of the GUI thread per step: median {median(cpu) * 1000:.2f} ms (wall time above includes "
          f"waiting for a core when the machine is busy)")
    print(f"skipped or stand-in slices painted: {skipped}   (target 0)")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
