"""Viewer benchmark (issue 4): a 200-slice JPEG 2000 lossless 512×512 CT; does decoding stall the GUI?

Targets: first image ≤ 0.5 s; the longest GUI-thread stall while the rest decodes ≤ 50 ms, measured as the
largest gap between the ticks of a 5 ms QTimer on the GUI thread. Compares how the frames decode:

  process1  one worker process: the viewer's way on a 2-core PC (cores - 1 workers; the slice on screen
            decodes on the thread until the worker is up)
  process2  two worker processes
  thread    everything on the decoding thread (pylibjpeg-openjpeg holds the GIL while it decodes a frame)

    .venv/bin/python tests/bench/j2k_stall.py [--slices 200] [--runs 3] [--modes process1,process2,thread]
"""

from __future__ import annotations

import os
import sys
import time

from viewer_common import all_ready, application, args, data_dir_with_series, median, run_until, session


def one_run(app, ctx, actor, case_id, ids, mode: str) -> tuple[float, float, float, float]:
    from PySide6.QtCore import QTimer

    import app.imaging.decode_pool as dp
    from app.imaging.byte_cache import shared_cache
    from ui.viewer import ImageViewer

    if dp._shared is not None:  # noqa: SLF001 - a fresh pool per run: worker start-up is part of opening
        dp._shared.shutdown()  # noqa: SLF001
    dp._shared = dp.DecodePool(processes=2 if mode == "process2" else 1)  # noqa: SLF001
    shared_cache().clear()
    viewer = ImageViewer(session(ctx, actor), case_id)
    viewer.resize(1920, 1080)
    viewer.show()
    run_until(app, lambda: viewer.browser.count() > 0, timeout=10)
    if mode == "thread":
        submit = viewer.loader.pool.submit
        viewer.loader.pool.submit = lambda path, frame, in_process=False: submit(path, frame, False)
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(timer.timerType().PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    shown: list[float] = []
    viewer.sliceShown.connect(lambda _i: shown.append(time.perf_counter()) if not shown else None)
    timer.start(5)
    t0 = time.perf_counter()
    viewer.open_series(ids)
    run_until(app, lambda: bool(shown), timeout=60, poll_ms=5)
    run_until(app, all_ready(viewer), timeout=300, poll_ms=5)
    t_all = time.perf_counter()
    timer.stop()
    after_first = [t for t in ticks if t >= shown[0]]
    gaps = [b - a for a, b in zip(after_first, after_first[1:], strict=False)]
    viewer.close()
    viewer.deleteLater()
    return shown[0] - t0, t_all - t0, max(gaps, default=0.0), sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0.0


def main() -> int:
    a = args(__doc__.splitlines()[0], 200,
             lambda ap: ap.add_argument("--modes", default="process1,process2,thread"))
    ctx, actor, case_id, ids = data_dir_with_series(a.work, "ct-j2k", a.slices, j2k=True)
    app = application()
    print(f"{len(ids)} JPEG 2000 lossless slices; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    one_run(app, ctx, actor, case_id, ids[:20], "thread")  # warm the page cache and the imports
    for mode in a.modes.split(","):
        rows = [one_run(app, ctx, actor, case_id, ids, mode) for _ in range(a.runs)]
        first, total, stall, p99 = (median([r[i] for r in rows]) for i in range(4))
        print(f"{mode:9} first image {first:.3f} s (target 0.5)  all ready {total:.2f} s  longest GUI stall "
              f"{stall * 1000:.0f} ms (target 50)  p99 gap {p99 * 1000:.0f} ms  [median of {a.runs}]")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
