"""`python -m app render`: one attachment as a PNG, the picture the viewer shows (same pipeline, defaults).

Opens the data folder without the instance lock, so it runs next to an open app; the picture written is an
export of a patient's image and is recorded in the audit trail (like a printed document).
Photos and slides: `--region X,Y,W,H --level L` renders a rectangle given in full-resolution (level 0)
pixels at the resolution of pyramid level L; with `--region`, `--level` is that pyramid level (default 0),
without it `--level` is the window level of `--window`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from app.imaging.presets import PRESET_NAMES, PRESETS

EXIT_OK, EXIT_FAIL = 0, 1
MAX_SIDE = 16384


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*[xX×*]\s*(\d+)\s*", text)
    if not m or not (0 < int(m[1]) <= MAX_SIDE and 0 < int(m[2]) <= MAX_SIDE):
        raise argparse.ArgumentTypeError(f"expected WxH with sides 1..{MAX_SIDE}, e.g. 512x512: {text!r}")
    return int(m[1]), int(m[2])


def _frame(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a frame number (0 or more): {text!r}")
    return n


def _width(text: str) -> float:
    try:
        w = float(text)
    except ValueError:
        w = 0.0
    if not 0 < w < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a window width above 0: {text!r}")
    return w


def _region(text: str) -> tuple[int, int, int, int]:
    m = re.fullmatch(r"\s*(-?\d+)\s*,\s*(-?\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*", text)
    if not m or int(m[3]) == 0 or int(m[4]) == 0:
        raise argparse.ArgumentTypeError(f"expected X,Y,W,H in full-resolution pixels, e.g. 0,0,2000,1500: {text!r}")
    return int(m[1]), int(m[2]), int(m[3]), int(m[4])


def _level(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"expected a number: {text!r}")
    return value


def add_parser(sub, data_dir_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    presets = ", ".join(f"{k} {w:g}/{lvl:g}" for k, (w, lvl) in PRESETS.items())
    p = sub.add_parser(
        "render", help="render an attachment (DICOM frame or photo) to a PNG, as the viewer shows it",
        description="Render one attachment to a PNG with the viewer's pipeline and defaults: the file's "
                    "first window, else its VOI LUT, else the full range. CT presets (width/level): "
                    f"{presets}; 'file' = the header's window, 'full' = the data's full range.")
    data_dir_arg(p)
    p.add_argument("--attachment", required=True, type=int, metavar="ID", help="attachment id")
    p.add_argument("--frame", type=_frame, default=0, metavar="N",
                   help="frame of a multi-frame image, counted from 0 (default 0)")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--preset", choices=PRESET_NAMES, metavar="NAME",
                        help="window preset: " + ", ".join(PRESET_NAMES))
    choice.add_argument("--window", type=_width, metavar="W", help="window width (with --level)")
    p.add_argument("--level", type=_level, metavar="L",
                   help="window level, i.e. centre (with --window); with --region: the pyramid level (0 = full "
                        "resolution)")
    p.add_argument("--region", type=_region, metavar="X,Y,W,H",
                   help="photos and slides: the rectangle in full-resolution pixels to render")
    p.add_argument("--size", type=_size, metavar="WxH", help="fit inside W×H pixels, keeping the aspect ratio")
    p.add_argument("--overlay", action="store_true",
                   help="draw modality, series, frame and window (never the patient's identity)")
    p.add_argument("--out", required=True, metavar="FILE.png", help="PNG file to write")
    p.set_defaults(render_parser=p)


def run(args: argparse.Namespace, data_dir) -> int:
    if args.region is not None:
        if args.window is not None or args.preset is not None or args.overlay or args.frame:
            args.render_parser.error("--region goes with --level, --size and --out only")
        if args.level is not None and (args.level < 0 or args.level != int(args.level)):
            args.render_parser.error("with --region, --level is a pyramid level: 0, 1, 2...")
    elif (args.window is None) != (args.level is None):
        args.render_parser.error("--window and --level go together")  # exits with status 2
    from app.context import open_context
    from app.records import CLI_READER

    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"error: the folder for {out} does not exist", file=sys.stderr)
        return EXIT_FAIL
    window = (args.level, args.window) if args.window is not None else None
    ctx = open_context(data_dir, lock=False)
    try:
        if args.region is not None:
            im = ctx.slides.render_region(CLI_READER, args.attachment, args.region, int(args.level or 0), args.size)
            what = {"region": list(args.region), "level": int(args.level or 0)}
        else:
            im = ctx.rendering.render_attachment(CLI_READER, args.attachment, frame=args.frame, preset=args.preset,
                                                 window=window, size=args.size, overlay=args.overlay)
            what = {"frame": args.frame, "preset": args.preset, "window": list(window) if window else None,
                    "overlay": args.overlay}
        try:
            ctx.rendering.save_png(CLI_READER, args.attachment, im, out, what)
        except OSError as e:
            print(f"error: cannot write {out}: {e.strerror or e}", file=sys.stderr)
            return EXIT_FAIL
    finally:
        ctx.close()
    print(f"wrote {out} ({im.width}×{im.height}, {'colour' if im.mode == 'RGB' else 'grey'})")
    return EXIT_OK
