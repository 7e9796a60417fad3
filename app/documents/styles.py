"""Text styles and table helpers of the generated documents: one font everywhere, A4, 20 mm margins.

Every style and every table style names the bundled font, so no Helvetica can leak in (DOMAIN.md §8).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from app.documents.cjk_text import CjkParagraph
from app.documents.fonts import FONT, register_font
from app.documents.page_furniture import GREY, INK

LABEL_BG = colors.HexColor("#f0f0f0")
GRID = colors.HexColor("#7a7a7a")
HEAD_BG = colors.HexColor("#e4e4e4")


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_font()

    def st(name, size, leading, **kw):
        return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=leading, textColor=kw.pop("color", INK),
                              **kw)

    return {
        "hospital": st("hospital", 16, 22, alignment=TA_CENTER),
        "hospital_en": st("hospital_en", 8.5, 11, alignment=TA_CENTER, color=GREY),
        "title": st("title", 19, 26, alignment=TA_CENTER, spaceBefore=2, spaceAfter=1),
        "docline": st("docline", 9, 13, alignment=TA_CENTER, color=GREY, spaceAfter=4),
        "h1": st("h1", 11.5, 15, spaceBefore=7, spaceAfter=2),
        "body": st("body", 10, 14.5, spaceAfter=1.5),
        "item": st("item", 10, 14.5, leftIndent=2 * mm, spaceAfter=1),
        "cell": st("cell", 9.5, 13.5),
        "cell_label": st("cell_label", 9.5, 13.5, color=GREY),
        "small": st("small", 8, 11, color=GREY),
        "caption": st("caption", 8, 11, alignment=TA_CENTER, color=INK),
        "notice": st("notice", 9, 13, color=GREY, spaceBefore=3),
    }


def p(text, style: str = "body", **kw) -> CjkParagraph:
    return CjkParagraph(text, styles()[style], **kw)


def base_table_style(extra=(), grid: bool = True) -> TableStyle:
    """A table style with the bundled font set for every cell (tables default to Helvetica otherwise)."""
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if grid:
        cmds += [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BOX", (0, 0), (-1, -1), 0.9, INK)]
    return TableStyle(cmds + list(extra))


def grid_table(rows, widths, extra=(), repeat_rows: int = 0, grid: bool = True) -> Table:
    # splitInRow: a cell holding very long text (a 2000-character question) continues on the next page
    t = Table(rows, colWidths=widths, repeatRows=repeat_rows, hAlign="LEFT", splitInRow=1)
    t.setStyle(base_table_style(extra, grid))
    return t
