"""Chinese line breaking with the kinsoku rule, and the paragraph flowable that uses it.

reportlab's `wordWrap='CJK'` lets a line start with "，；：？！" (its no-line-start list lacks the full-width
forms) and hangs at most one closer. Here the text is cut into unbreakable units first: a closing mark is
glued to the character before it and an opening mark to the character after it, a Latin word or number
("EGFR", "T2aN0M0", "3.5cm") stays whole. Lines are then filled greedily with units, so no line can start
with a closer or end with an opener: the character before a closer moves down with it (oidashi).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus.flowables import Flowable

from app.documents.fonts import FONT, register_font

# Never at the start of a line: closing brackets and quotes, stops, commas, colons, the ellipsis, % ...
CLOSERS = frozenset(
    "，。；：？！、）」』》〉】〕］｝〗〙〛…‥％‰℃”’・·．｡､｣ﾞﾟ!%),.:;?]}>〃々ー"
    "\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff3d\uff5d\uff60\u3001\u3002"
)
# Never at the end of a line: opening brackets and quotes, currency and number signs.
OPENERS = frozenset("（「『《〈【〔［｛〖〘〚“‘([{<￥＄£$#＃№\uff08\uff3b\uff5b\uff5f")
# Runs of these stay together (a dash or an ellipsis is never split over two lines).
REPEAT_JOIN = frozenset("—…‥")
_WORD_INNER = frozenset("-./+_:'&@")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in _WORD_INNER)


@lru_cache(maxsize=8192)
def char_width(ch: str) -> float:
    """Advance width of `ch` in thousandths of an em."""
    from reportlab.pdfbase import pdfmetrics

    register_font()
    return pdfmetrics.stringWidth(ch, FONT, 1000)


# A unit: characters and their bold flags, never broken unless wider than a whole line.
@dataclass
class _Unit:
    chars: list[str]
    bold: list[bool]
    space: bool = False  # a breakable space: dropped at either end of a line
    newline: bool = False  # a hard line break

    def width(self) -> float:
        return sum(char_width(c) for c in self.chars)


Runs = Sequence[tuple[str, bool]]


def _units(runs: Runs) -> list[_Unit]:
    out: list[_Unit] = []
    pending_open: _Unit | None = None  # openers waiting for the character they belong to

    def attach_to_previous() -> _Unit | None:
        if out and not out[-1].space and not out[-1].newline:
            return out[-1]
        return None

    for text, bold in runs:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        for ch in text:
            if ch == "\n":
                if pending_open:
                    out.append(pending_open)
                    pending_open = None
                out.append(_Unit([], [], newline=True))
                continue
            if ch in (" ", "\u3000", "\u00a0"):
                if pending_open:
                    out.append(pending_open)
                    pending_open = None
                if out and out[-1].space:  # a run of spaces is one break opportunity, drawn at full width
                    out[-1].chars.append(" ")
                    out[-1].bold.append(bold)
                    continue
                out.append(_Unit([" "], [bold], space=True))
                continue
            if ch in OPENERS:
                if pending_open is None:
                    pending_open = _Unit([], [])
                pending_open.chars.append(ch)
                pending_open.bold.append(bold)
                continue
            prev = attach_to_previous()
            if pending_open is None and prev is not None and (
                ch in CLOSERS
                or (ch in REPEAT_JOIN and prev.chars[-1] == ch)
                or (_is_word_char(ch) and _is_word_char(prev.chars[-1]))
            ):
                prev.chars.append(ch)
                prev.bold.append(bold)
                continue
            unit = pending_open or _Unit([], [])
            pending_open = None
            unit.chars.append(ch)
            unit.bold.append(bold)
            out.append(unit)
    if pending_open:
        out.append(pending_open)
    return out


@dataclass(frozen=True)
class Line:
    chars: str
    bold: tuple[bool, ...]
    width: float  # in thousandths of an em
    last: bool  # the last line of a paragraph (or before a hard break): never justified


def break_lines(runs: Runs | str, max_em: float) -> list[Line]:
    """Break text into lines at most `max_em` thousandths of an em wide, obeying the kinsoku rule."""
    if isinstance(runs, str):
        runs = [(runs, False)]
    lines: list[Line] = []
    chars: list[str] = []
    bold: list[bool] = []
    width = 0.0

    def finish(last: bool) -> None:
        nonlocal chars, bold, width
        while chars and chars[-1] == " ":  # a trailing space is not part of the line
            width -= char_width(chars.pop())
            bold.pop()
        lines.append(Line("".join(chars), tuple(bold), width, last))
        chars, bold, width = [], [], 0.0

    for u in _units(runs):
        if u.newline:
            finish(True)
            continue
        if u.space and not chars:
            continue
        w = u.width()
        if width + w <= max_em + 1e-6:
            chars += u.chars
            bold += u.bold
            width += w
            continue
        if u.space:
            finish(False)
            continue
        if chars:
            finish(False)
        if w <= max_em:
            chars, bold, width = list(u.chars), list(u.bold), w
            continue
        # Wider than a whole line (a long number or URL): cut it, still never before a closer.
        for i, ch in enumerate(u.chars):
            cw = char_width(ch)
            if chars and width + cw > max_em:
                carry: list[tuple[str, bool]] = []
                # the new line must not start with a closer: the characters before it move down too
                while len(chars) > 1 and (carry[0][0] if carry else ch) in CLOSERS:
                    carry.insert(0, (chars.pop(), bold.pop()))
                width -= sum(char_width(c) for c, _ in carry)
                finish(False)
                chars, bold = [c for c, _ in carry], [b for _, b in carry]
                width = sum(char_width(c) for c in chars)
            chars.append(ch)
            bold.append(u.bold[i])
            width += cw
    if chars or not lines:
        finish(True)
    else:
        lines[-1] = Line(lines[-1].chars, lines[-1].bold, lines[-1].width, True)
    return lines


class CjkParagraph(Flowable):
    """A paragraph of Chinese (and Latin) text in the bundled font, broken with the kinsoku rule.

    `runs` is plain text or a sequence of (text, bold) pieces; bold is drawn by stroking the outline, the
    font having no bold face. It splits over pages line by line (keeping two lines together at either end
    when it can), so long text flows without clipping. The style is a reportlab ParagraphStyle: fontSize,
    leading, textColor, leftIndent, rightIndent, alignment, spaceBefore and spaceAfter are used."""

    def __init__(self, runs: Runs | str, style, *, justify: bool = True, _lines: list[Line] | None = None):
        super().__init__()
        self.runs = [(runs, False)] if isinstance(runs, str) else list(runs)
        self.style = style
        self.justify = justify
        self._lines = _lines
        self._fixed = _lines is not None  # a piece of a split paragraph keeps the lines it was cut with
        self._wrapped_for: float | None = None

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)

    def _inner(self, avail_width: float) -> float:
        return max((avail_width or 0) - self.style.leftIndent - self.style.rightIndent, self.style.fontSize)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        if not self._fixed and self._wrapped_for != availWidth:
            max_em = self._inner(availWidth) * 1000.0 / self.style.fontSize
            self._lines = break_lines(self.runs, max_em)
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        if self._wrapped_for is not None and self._wrapped_for < availWidth:
            # reportlab's Table splits a cell with the full column width but lays it out less its padding
            availWidth = self._wrapped_for  # noqa: N806
        self.wrap(availWidth, availHeight)
        lines = self._lines
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) >= 4:  # no widow or orphan lines when the paragraph is long enough
            fit = min(fit, len(lines) - 2)
            if fit < 2:
                return []
        if fit <= 0:
            return []
        head = CjkParagraph(self.runs, self.style, justify=self.justify, _lines=lines[:fit])
        tail = CjkParagraph(self.runs, _no_space_before(self.style), justify=self.justify, _lines=lines[fit:])
        head.style = _no_space_after(self.style)
        return [head, tail]

    def draw(self):
        # One text object for the whole paragraph (font set once, lines placed by Td), and the text render
        # mode or character spacing changed only when it differs: the PDF stays small and quick to write.
        st = self.style
        c = self.canv
        size = st.fontSize
        inner = self._inner(self.width)
        c.saveState()
        c.setFillColor(st.textColor)
        c.setStrokeColor(st.textColor)
        c.setLineWidth(size * 0.035)
        t = c.beginText(0, 0)
        t.setFont(FONT, size)
        mode, char_space = 0, 0.0
        prev_x, prev_y = 0.0, 0.0
        y = self.height - st.leading + (st.leading - size) / 2 + size * 0.12
        for line in self._lines:
            w = line.width * size / 1000.0
            x = st.leftIndent
            spacing = 0.0
            if st.alignment == TA_CENTER:
                x += (inner - w) / 2
            elif st.alignment == TA_RIGHT:
                x += inner - w
            elif self.justify and not line.last and len(line.chars) > 1:
                extra = inner - w
                if 0 < extra < size * 1.5:
                    spacing = round(extra / (len(line.chars) - 1), 3)
            if spacing != char_space:
                t.setCharSpace(spacing)
                char_space = spacing
            t.moveCursor(x - prev_x, prev_y - y)  # reportlab's moveCursor counts y downwards
            prev_x, prev_y = x, y
            start = 0
            for i in range(1, len(line.chars) + 1):
                if i == len(line.chars) or line.bold[i] != line.bold[start]:
                    want = 2 if line.bold[start] else 0
                    if want != mode:
                        t.setTextRenderMode(want)
                        mode = want
                    t.textOut(line.chars[start:i])
                    start = i
            y -= st.leading
        c.drawText(t)
        c.restoreState()


def _no_space_before(style):
    if not style.spaceBefore:
        return style
    return style.clone(style.name + "-cont", spaceBefore=0)


def _no_space_after(style):
    if not style.spaceAfter:
        return style
    return style.clone(style.name + "-head", spaceAfter=0)
