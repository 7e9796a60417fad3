"""Up to four key images side by side, each with what it shows and the window/level it was marked at.

The pictures arrive as JPEG (rendered by the viewer pipeline in app.services.plan_content); reportlab
embeds a JPEG as it is, without decoding and re-compressing it, which keeps the build fast.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, Table
from reportlab.platypus.flowables import Flowable

from app.documents.content import KeyImageInfo
from app.documents.fonts import FONT
from app.documents.styles import base_table_style, p

MAX_BOX = 58 * mm


def _window_text(k: KeyImageInfo) -> str:
    if k.window_center is None or k.window_width is None:
        return ""
    return f"窗宽 {k.window_width:g}  窗位 {k.window_center:g}"


class _Unavailable(Flowable):
    """Where a picture could not be rendered (file missing or damaged): a grey square that says so."""

    def __init__(self, side: float):
        super().__init__()
        self.width = self.height = side

    def draw(self):
        c = self.canv
        c.saveState()
        c.setFillColor(colors.HexColor("#eeeeee"))
        c.setStrokeColor(colors.HexColor("#9a9a9a"))
        c.rect(0, 0, self.width, self.height, fill=1)
        c.setFillColor(colors.HexColor("#5c5c5c"))
        c.setFont(FONT, 8)
        c.drawCentredString(self.width / 2, self.height / 2, "图像无法显示")
        c.restoreState()


def _cell(k: KeyImageInfo, n: int, box: float) -> list:
    if k.jpeg and k.width and k.height:
        scale = min(box / k.width, box / k.height)
        img = Image(io.BytesIO(k.jpeg), width=k.width * scale, height=k.height * scale)
    else:
        img = _Unavailable(box)
    cell = [img, p(f"图{n}  {k.caption}", "caption")]
    for extra in (_window_text(k), k.note):
        if extra:
            cell.append(p(extra, "caption"))
    return cell


def key_image_grid(images: tuple[KeyImageInfo, ...], width: float) -> Table | None:
    """One row: up to four pictures side by side, as on a radiology report sheet."""
    if not images:
        return None
    cols = len(images)
    box = min(MAX_BOX, width / cols - 3 * mm)
    t = Table([[_cell(k, n, box) for n, k in enumerate(images, 1)]], colWidths=[width / cols] * cols,
              hAlign="CENTER")
    t.setStyle(base_table_style([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)],
                                grid=False))
    return t
