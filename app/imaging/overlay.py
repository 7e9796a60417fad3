"""Text drawn over a rendered image (modality, series, frame, W/L), with the bundled CJK font.

Patient identity is never drawn here: an exported picture leaves the meeting room (privacy default).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont

FONT_NAME = "wqy-microhei.ttf"


def fonts_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    path = fonts_dir() / FONT_NAME
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)  # Latin only; the bundle always carries the font


def draw_overlay(im: Image.Image, top_left: list[str], bottom_left: list[str] = ()) -> Image.Image:
    """A copy of `im` with light text (dark outline) in the corners; empty lines are skipped."""
    from PIL import ImageDraw

    out = im.copy()
    size = max(11, round(min(out.size) / 28))
    font, margin, stroke = _font(size), max(3, size // 3), max(1, size // 10)
    light, dark = (255, 0) if out.mode == "L" else ((255, 255, 224), (0, 0, 0))
    draw = ImageDraw.Draw(out)
    step = round(size * 1.25)
    y = margin
    for line in (t for t in top_left if t):
        draw.text((margin, y), line, font=font, fill=light, stroke_width=stroke, stroke_fill=dark)
        y += step
    lines = [t for t in bottom_left if t]
    y = out.height - margin - step * len(lines)
    for line in lines:
        draw.text((margin, y), line, font=font, fill=light, stroke_width=stroke, stroke_fill=dark)
        y += step
    return out
