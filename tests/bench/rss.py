"""Memory benchmark (issue 4, target ≤ 600 MB): peak RSS of the app process with the 400-slice 512×512 CT
open in the viewer, every slice decoded, and then the 108-MP whole-slide image open beside it in the slide
viewer and panned across at full resolution. Prints the RSS before opening, with the series held, with the
slide as well, and the peak.

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


def open_slide_beside(app, ctx, actor, case_id, work, ct_viewer) -> None:
    """The 108-MP demo slide in the slide viewer while the CT stays open; panned across at 1:1."""
    from app.demo.pathology import make_whole_slide
    from ui.viewer.slide_viewer import SlideViewer

    path = work / "wsi.tif"
    if not path.exists():
        make_whole_slide(path)
    slide_id = ctx.attachments.add_file(actor, case_id, path)
    viewer = SlideViewer(ct_viewer.session, case_id)
    viewer.resize(1920, 1080)
    viewer.show()
    opened = []
    viewer.opened.connect(opened.append)
    viewer.open_attachment(slide_id)
    run_until(app, lambda: bool(opened), timeout=60)
    viewer.canvas.zoom_to(1.0)
    for _ in range(60):  # a sweep across the tissue: tiles of the finest level decoded and cached
        viewer.canvas.pan_by(-600, -150)
        viewer.canvas.repaint()
        run_until(app, lambda: True, timeout=0.02)
    run_until(app, lambda: True, timeout=0.5)


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
    open_slide_beside(app, ctx, actor, case_id, a.work, viewer)
    print(f"with the whole-slide image open too {rss_mb():.0f} MB; peak {peak_rss_mb():.0f} MB (target 600 MB)")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
