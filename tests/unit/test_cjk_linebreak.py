"""Chinese line breaking: no line starts with closing punctuation or ends with opening punctuation.

Texts are built so that a closer falls exactly on a line boundary (reportlab's wordWrap='CJK' starts the
next line with "，；：？！" there), then the lines are read back from the PDF with `pdftotext -layout`.
"""

import subprocess

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from app.documents.cjk_text import CLOSERS, OPENERS, CjkParagraph, break_lines
from app.documents.fonts import FONT, register_font

BOUNDARY_CLOSERS = "，。；：？！、）」』》〉】…％”"
BOUNDARY_OPENERS = "（「『《〈【“"
PER_LINE = 30  # full-width characters per line at the width used below


def closer_texts() -> list[str]:
    return [("甲" * PER_LINE) + ch + ("乙" * 10) for ch in BOUNDARY_CLOSERS] + [
        ("甲" * (PER_LINE - 1)) + "。）" + ("乙" * 8),  # two closers in a row
        ("甲" * (PER_LINE - 1)) + "……" + "乙" * 8,  # an ellipsis is never split
        ("甲" * (PER_LINE - 6)) + "ABC " + "EGFR突变，阳性" + "乙" * 6,  # a Latin word stays whole
    ]


def opener_texts() -> list[str]:
    return [("甲" * (PER_LINE - 1)) + ch + "乙丙" + "丁" * 10 for ch in BOUNDARY_OPENERS]


@pytest.mark.parametrize("text", closer_texts() + opener_texts(), ids=lambda t: f"{t[PER_LINE - 1:PER_LINE + 2]}")
def test_break_lines_keeps_punctuation_with_its_character(text):
    lines = break_lines(text, PER_LINE * 1000)
    assert "".join(line.chars for line in lines).replace(" ", "") == text.replace(" ", "")
    assert len(lines) >= 2
    for line in lines:
        assert line.chars and line.chars[0] not in CLOSERS, [x.chars for x in lines]
        assert line.chars[-1] not in OPENERS, [x.chars for x in lines]
        assert line.width <= PER_LINE * 1000 + 1e-6
    if "……" in text:
        assert any("……" in line.chars for line in lines)


def test_a_line_of_only_closers_still_makes_progress():
    lines = break_lines("。" * 50, 10_000)
    assert "".join(x.chars for x in lines) == "。" * 50


def test_hard_line_breaks_are_kept():
    assert [x.chars for x in break_lines("第一行\n第二行", 50_000)] == ["第一行", "第二行"]


def _layout_lines(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_no_pdf_line_starts_with_a_closer_or_ends_with_an_opener(tmp_path):
    register_font()
    size = 10
    style = ParagraphStyle("t", fontName=FONT, fontSize=size, leading=16, spaceAfter=6)
    path = tmp_path / "lines.pdf"
    width = PER_LINE * size + 0.5  # exactly PER_LINE full-width characters fit
    margin = (A4[0] - width) / 2 - 6  # the frame pads 6 pt on each side
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=20 * mm,
                            bottomMargin=20 * mm, initialFontName=FONT)
    texts = closer_texts() + opener_texts()
    doc.build([CjkParagraph(t, style) for t in texts])
    lines = _layout_lines(path)
    joined = "".join("".join(lines).split())
    for t in texts:  # every text is in the PDF, whole and in order
        assert "".join(t.split()) in joined
    starts = [line for line in lines if line[0] in CLOSERS]
    ends = [line for line in lines if line[-1] in OPENERS]
    assert not starts and not ends, (starts, ends)
    # the boundary really was hit: the character before each closer moved down with it
    assert any(line.startswith("甲，") for line in lines)


def test_a_word_longer_than_the_line_is_cut_and_nothing_is_lost():
    url = "https://example.org/" + "a1b2c3" * 40
    lines = break_lines(f"见报告：{url}。", 20_000)
    assert "".join(x.chars for x in lines) == f"见报告：{url}。"
    assert all(x.width <= 20_000 + 1e-6 for x in lines) and len(lines) > 3
    assert not [x for x in lines if x.chars[0] in CLOSERS]
