"""Viewer benchmark (issue 4): open a 400-slice uncompressed 512×512 CT from the store in a 1920×1080 viewer.

Targets on the 2-core machine: first image painted ≤ 0.2 s; every slice decoded and ready ≤ 1 s.
Times run from `open_series` (the viewer already on screen, page cache warm after one untimed run); the
decoded-frame cache is emptied before each run. Also prints the peak RSS with the series held.

    .venv/bin/python tests/bench/viewer_open.py [--slices 400] [--runs 5] [--j2k]
"""

from __future__ import annotations

import os
import sys
import time

from viewer_common import (
    all_ready,
    application,
    args,
    data_dir_with_series,
    median,
    peak_rss_mb,
    run_until,
    session,
)


def main() -> int:
    a = args(__doc__.splitlines()[0], 400, lambda ap: ap.add_argument("--j2k", action="store_true"))
    name = "ct-j2k" if a.j2k else "ct"
    ctx, actor, case_id, ids = data_dir_with_series(a.work, name, a.slices, j2k=a.j2k)
    app = application()
    from app.imaging.byte_cache import shared_cache
    from ui.viewer import ImageViewer

    firsts, alls, cpus = [], [], []
    load = os.getloadavg()[0]
    for run in range(a.runs + 1):
        shared_cache().clear()
        viewer = ImageViewer(session(ctx, actor), case_id)
        viewer.resize(1920, 1080)
        viewer.show()
        run_until(app, lambda v=viewer: v.browser.count() > 0, timeout=10)
        shown: list[float] = []
        viewer.sliceShown.connect(lambda _i, s=shown: s.append(time.perf_counter()) if not s else None)
        t0, c0 = time.perf_counter(), time.process_time()
        viewer.open_series(ids)
        run_until(app, lambda s=shown: bool(s), timeout=30)
        run_until(app, all_ready(viewer), timeout=60, poll_ms=5)
        t_all, cpu = time.perf_counter(), time.process_time() - c0
        if run:  # the first run warms the page cache and the imports
            firsts.append(shown[0] - t0)
            alls.append(t_all - t0)
            cpus.append(cpu)
            print(f"run {run}: first image {shown[0] - t0:.3f} s, all {len(ids)} slices ready {t_all - t0:.3f} s "
                  f"(CPU of this process {cpu:.3f} s)")
        if run < a.runs:
            viewer.close()
            viewer.deleteLater()
    from app.imaging.decode_pool import decode

    paths = [str(s.path) for s in ctx.image_sources.sources(actor, ids)]
    t, c = time.perf_counter(), time.process_time()
    for path in paths:
        decode(path, 0)
    print(f"for scale, the same {len(paths)} slices decoded in a plain loop on one thread: "
          f"{time.perf_counter() - t:.3f} s wall, {time.process_time() - c:.3f} s CPU")
    held = shared_cache()
    print(f"{len(ids)} slices ({'JPEG 2000' if a.j2k else 'uncompressed'}), {held.bytes / 2**20:.0f} MB decoded in "
          f"the cache (cap {held.cap / 2**20:.0f} MB)")
    print(f"median first image painted: {median(firsts):.3f} s   (target {0.5 if a.j2k else 0.2} s)")
    print(f"median all slices ready:    {median(alls):.3f} s   (target {'-' if a.j2k else '1.0 s'})")
    print(f"median CPU time of the app process while opening: {median(cpus):.3f} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB   (load average at start {load:.1f} on {os.cpu_count()} cores)")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
