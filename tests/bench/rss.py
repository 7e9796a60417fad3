"""Memory benchmark (issue 4): peak RSS of the app process with the 400-slice 512×512 CT open in the viewer,
every slice decoded (the whole-slide half of the issue's 600 MB target is measured by the slide viewer's
own benchmark). Prints the RSS before opening, with the series held, and the peak.

    .venv/bin/python tests/bench/rss.py [--slices 400]
"""

from __future__ import annotations

import sys

from viewer_common import all_ready, application, args, data_dir_with_series, peak_rss_mb, run_until, session


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    a = args(__doc__.splitlines()[0], 400)
    ctx, actor, case_id, ids = data_dir_with_series(a.work, "ct", a.slices)
    app = application()
    from app.imaging.byte_cache import shared_cache
    from ui.viewer import ImageViewer

    viewer = ImageViewer(session(ctx, actor), case_id)
    viewer.resize(1920, 1080)
    viewer.show()
    run_until(app, lambda: viewer.browser.count() > 0, timeout=10)
    before = rss_mb()
    viewer.open_series(ids)
    run_until(app, all_ready(viewer), timeout=120)
    for _ in range(viewer.count - 1):  # scroll through once: every slice rendered and painted
        viewer.step(1)
    run_until(app, lambda: True, timeout=0.2)
    cache = shared_cache()
    print(f"RSS before opening {before:.0f} MB; with {len(ids)} slices held {rss_mb():.0f} MB "
          f"(decoded frames {cache.bytes / 2**20:.0f} MB, cap {cache.cap / 2**20:.0f} MB); peak {peak_rss_mb():.0f} MB")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
