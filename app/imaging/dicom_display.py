"""The DICOM display pipeline: stored values -> modality LUT -> VOI -> presentation -> 8-bit image.

One path for the viewer, thumbnails, key images and `python -m app render`; pure numpy + pydicom, no Qt.
Order as in PS3.4 N.2: modality LUT (Rescale Slope/Intercept or Modality LUT Sequence), VOI (a window with
the file's VOI LUT Function, or the VOI LUT Sequence), then the presentation: MONOCHROME1 (or Presentation
LUT Shape INVERSE) shows high values dark. Colour (RGB, YBR converted on decoding, palette applied) is
shown as stored unless a window is asked for. Reading and frames: app.imaging.dicom_frame.

Integer frames go through a lookup table over their value span (one gather per pixel; moving the window
only rebuilds a table of at most 65,536 entries); other frames are computed pixel by pixel with the same
functions, so both paths give identical values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from app.imaging.dicom_frame import (
    FileWindow,
    Frame,
    FrameOutOfRange,
    NoPixelData,
    Spacing,
    frame_from_dataset,
    load_frame,
    read_dataset,
    spacing,
)
from app.imaging.presets import FILE, FULL, PRESET_NAMES, PRESETS

if TYPE_CHECKING:
    from PIL import Image

__all__ = [  # the pipeline in one place: reading (dicom_frame), presets, windows, images
    "PRESETS", "PRESET_NAMES", "Display", "FileWindow", "Frame", "FrameOutOfRange", "NoPixelData", "Spacing",
    "UnknownPreset", "Window", "display", "fit", "frame_from_dataset", "load_frame", "read_dataset", "render",
    "resolve_window", "spacing", "to_image", "window_values",
]

LUT_MAX_ENTRIES = 1 << 16


class UnknownPreset(ValueError):
    pass


@dataclass(frozen=True)
class Window:
    """The VOI one render used: what the overlay prints and where the viewer starts a window drag."""

    kind: str  # "window" | "voi_lut" | "identity" (colour shown as stored)
    center: float | None = None
    width: float | None = None
    function: str = "LINEAR"
    source: str = ""  # "explicit", a preset name, "file", "full", "voi_lut", "colour"

    def label(self) -> str:
        if self.kind == "window":
            return f"W {self.width:.6g}  L {self.center:.6g}"
        return "VOI LUT" if self.kind == "voi_lut" else ""


@dataclass(frozen=True)
class Display:
    array: np.ndarray  # uint8, H×W (grey) or H×W×3 (RGB)
    window: Window


# -------------------------------------------------------------------------------------------- windowing


def _full(frame: Frame) -> Window:
    lo, hi = frame.value_range
    return Window("window", (lo + hi) / 2, hi - lo, "LINEAR_EXACT", FULL)


def resolve_window(frame: Frame, window: tuple[float, float] | None = None, preset: str | None = None) -> Window:
    """The VOI to use: an explicit (center, width), a preset name, else the file's own choice.

    Default (the same as the preset "file"), as the issue's contract and most viewers have it: the file's
    first Window Center/Width, else its VOI LUT Sequence, else the full range of the modality-LUT output.
    Colour frames are shown as stored unless a window or a CT preset is asked for.
    """
    if window is not None and preset is not None:
        raise ValueError("give a window or a preset, not both")
    function = "LINEAR" if frame.color else frame.voi_function
    if window is not None:
        center, width = float(window[0]), float(window[1])
        if not (math.isfinite(center) and math.isfinite(width) and width > 0):
            raise ValueError(f"bad window: center {window[0]}, width {window[1]}")
        return Window("window", center, width, function, "explicit")
    name = preset.strip().lower() if preset is not None else None
    if name in PRESETS:
        width, level = PRESETS[name]
        return Window("window", float(level), float(width), function, name)
    if name not in (None, FILE, FULL):
        raise UnknownPreset(f"unknown preset {preset!r}; known: {', '.join((FILE, FULL, *PRESETS))}")
    if frame.color:
        return Window("identity", source="colour")
    if name == FULL:
        return _full(frame)
    if frame.windows:
        first = frame.windows[0]
        return Window("window", first.center, first.width, function, FILE)
    if frame.voi_lut_max is not None:
        return Window("voi_lut", source="voi_lut")
    return _full(frame)


def window_values(x: np.ndarray, center: float, width: float, function: str = "LINEAR") -> np.ndarray:
    """PS3.3 C.11.2.1.2.1 (LINEAR) and C.11.2.1.3 (LINEAR_EXACT, SIGMOID) onto 0..255, as float64."""
    x = np.asarray(x, dtype=np.float64)
    if function == "SIGMOID":
        if width <= 0:
            return np.where(x > center, 255.0, 0.0)
        return 255.0 / (1.0 + np.exp(np.clip(-4.0 * (x - center) / width, -700, 700)))
    if function == "LINEAR_EXACT":
        c, w = center, width
    else:  # LINEAR: x <= c - 0.5 - (w-1)/2 -> 0; x > c - 0.5 + (w-1)/2 -> 255; between, linear
        c, w = center - 0.5, width - 1.0
    if w <= 0:
        return np.where(x > c, 255.0, 0.0)
    y = (x - c) * (1.0 / w) + 0.5
    np.clip(y, 0.0, 1.0, out=y)
    y *= 255.0
    return y


def _to_uint8(y: np.ndarray) -> np.ndarray:
    return np.rint(y).astype(np.uint8)


def _mono_values(frame: Frame, x: np.ndarray, win: Window) -> np.ndarray:
    from pydicom.pixels import apply_modality_lut, apply_voi

    values = apply_modality_lut(x, frame.header)
    if win.kind == "voi_lut":
        lut = frame.header.VOILUTSequence[0]
        entries = int(lut.LUTDescriptor[0]) or 1 << 16
        first = int(lut.LUTDescriptor[1])
        ints = np.clip(np.rint(values), first, first + entries - 1).astype(np.int64)
        return _to_uint8(apply_voi(ints, frame.header) * (255.0 / frame.voi_lut_max))
    return _to_uint8(window_values(values, win.center, win.width, win.function))


def _mono_table(frame: Frame, win: Window) -> np.ndarray | None:
    """The 8-bit value of every stored value from the frame's minimum up, None when a table does not pay."""
    raw = frame.pixels
    if raw.dtype.kind in "iu":
        lo, hi = frame.raw_range
        span = hi - lo + 1
        if span <= LUT_MAX_ENTRIES and span < raw.size:
            return _mono_values(frame, np.arange(lo, hi + 1, dtype=np.int64), win)
    return None


def _mono(frame: Frame, win: Window) -> np.ndarray:
    table = _mono_table(frame, win)
    if table is not None:
        return table.take(np.subtract(frame.pixels, frame.raw_range[0], dtype=np.intp))
    return _mono_values(frame, frame.pixels, win)


def _colour(frame: Frame, win: Window) -> np.ndarray:
    rgb = frame.pixels
    if win.kind == "identity":
        if rgb.dtype == np.uint8 and frame.color_max == 255:
            return rgb
        return _to_uint8(rgb * (255.0 / frame.color_max))
    return _to_uint8(window_values(rgb, win.center, win.width, "LINEAR"))


def display(frame: Frame, window: tuple[float, float] | None = None, preset: str | None = None,
            invert: bool = False, rgb32: bool = False) -> Display:
    """The 8-bit picture of `frame` and the window that made it. `invert` flips what would be shown.

    `rgb32`: the array is H×W uint32 0xFFRRGGBB instead (what a screen paints fastest), made for a grey
    integer frame by one lookup in a 32-bit table rather than an 8-bit image converted afterwards."""
    win = resolve_window(frame, window, preset)
    flip = (frame.inverse and not frame.color) != invert
    if rgb32 and not frame.color:
        table = _mono_table(frame, win)
        if table is not None:
            table = 255 - table if flip else table
            lo = frame.raw_range[0]
            grey32 = table.astype(np.uint32) * np.uint32(0x010101) | np.uint32(0xFF000000)
            return Display(grey32.take(np.subtract(frame.pixels, lo, dtype=np.intp)), win)
    out = _colour(frame, win) if frame.color else _mono(frame, win)
    if flip:
        out = 255 - out
    out = np.ascontiguousarray(out)
    return Display(to_rgb32(out) if rgb32 else out, win)


def to_rgb32(array: np.ndarray) -> np.ndarray:
    """H×W uint32 0xFFRRGGBB from an 8-bit grey (H×W) or RGB (H×W×3) array."""
    if array.ndim == 2:
        return array.astype(np.uint32) * np.uint32(0x010101) | np.uint32(0xFF000000)
    r, g, b = (array[..., i].astype(np.uint32) for i in range(3))
    return (r << 16) | (g << 8) | b | np.uint32(0xFF000000)


def to_image(array: np.ndarray, size: tuple[int, int] | None = None) -> Image.Image:
    """A PIL image of a display array, fitted inside `size` (w, h) keeping the aspect ratio."""
    from PIL import Image

    im = Image.fromarray(array, "RGB" if array.ndim == 3 else "L")
    return fit(im, size) if size else im


def fit(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    from PIL import Image

    w, h = im.size
    scale = min(size[0] / w, size[1] / h)
    target = (max(1, round(w * scale)), max(1, round(h * scale)))
    if target == im.size:
        return im
    if scale < 1:
        return im.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return im.resize(target, Image.Resampling.BILINEAR)


def render(frame: Frame, window: tuple[float, float] | None = None, preset: str | None = None,
           size: tuple[int, int] | None = None, invert: bool = False) -> Image.Image:
    """8-bit L (grey) or RGB image of `frame`; `window` is (center, width)."""
    return to_image(display(frame, window, preset, invert).array, size)
