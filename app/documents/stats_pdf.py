"""The printable statistics report (MDT质量统计报告): the indicators with their definitions, the case
counts as bar and line charts (reportlab.graphics), attendance; the document machinery of the plans."""

from __future__ import annotations

import io

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

from app.closed_loop_records import StatsReport
from app.documents.fonts import FONT, register_font
from app.documents.page_furniture import Furniture, furniture_canvas
from app.documents.stats_tables import HEAD, WORDS, filter_line, sheets, value_text, zh
from app.documents.styles import HEAD_BG, grid_table, p

MARGIN_X = 18 * mm
CONTENT_W = A4[0] - 2 * MARGIN_X
BAR = colors.HexColor("#3b6ea5")


def _axis_fonts(chart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7.5


def _nice_max(values) -> int:
    top = max(values or [0])
    step = max(1, -(-top // 5))
    return max(5, step * 5)


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = FONT  # the renderer's starting font; its default would embed a Helvetica reference
    return d


def _title(d: Drawing, text: str) -> None:
    d.add(String(0, d.height - 10, text, fontName=FONT, fontSize=9.5))


def month_bars(r: StatsReport) -> Drawing:
    rows = r.per_month
    d = _drawing(CONTENT_W, 62 * mm)
    _title(d, zh(HEAD["month"]))
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 12 * mm, 10 * mm, CONTENT_W - 16 * mm, 42 * mm
    c.data = [[x.count for x in rows] or [0]]
    c.categoryAxis.categoryNames = [x.key[2:] for x in rows] or [""]
    c.valueAxis.valueMin, c.valueAxis.valueMax = 0, _nice_max(c.data[0])
    c.bars[0].fillColor = BAR
    c.barLabels.fontName = FONT
    c.barLabels.fontSize = 7
    c.barLabelFormat = "%d"
    _axis_fonts(c)
    d.add(c)
    return d


def month_line(r: StatsReport) -> Drawing:
    """The same months as a line: the trend people read at a glance in a year's report."""
    rows = r.per_month
    d = _drawing(CONTENT_W, 50 * mm)
    c = HorizontalLineChart()
    c.x, c.y, c.width, c.height = 12 * mm, 8 * mm, CONTENT_W - 16 * mm, 36 * mm
    c.data = [[x.count for x in rows] or [0]]
    c.categoryAxis.categoryNames = [x.key[2:] for x in rows] or [""]
    c.valueAxis.valueMin, c.valueAxis.valueMax = 0, _nice_max(c.data[0])
    c.lines[0].strokeColor = BAR
    c.lines[0].strokeWidth = 1.5
    _axis_fonts(c)
    d.add(c)
    return d


def type_bars(title: str, rows: list[tuple[str, int]]) -> Drawing:
    rows = rows[:12]
    height = max(30 * mm, (len(rows) * 7 + 16) * mm)
    d = _drawing(CONTENT_W, height)
    _title(d, title)
    c = HorizontalBarChart()
    c.x, c.y, c.width, c.height = 40 * mm, 6 * mm, CONTENT_W - 48 * mm, height - 18 * mm
    c.data = [[n for _l, n in reversed(rows)] or [0]]
    c.categoryAxis.categoryNames = [label for label, _n in reversed(rows)] or [""]
    c.valueAxis.valueMin, c.valueAxis.valueMax = 0, _nice_max(c.data[0])
    c.bars[0].fillColor = BAR
    _axis_fonts(c)
    d.add(c)
    return d


def build_stats_pdf(r: StatsReport, hospital: str, team_name: str = "") -> bytes:
    register_font()
    title = zh(WORDS["title"])
    tables = {s.key: s for s in sheets(r)}
    story = [p(hospital, "hospital"), p([(title, True)], "title"), p(filter_line(r, team_name), "docline")]
    ind = tables["indicators"]
    rows = [[p(h, "cell_label") for h in ind.headers[:4]]]
    for i, row in zip(r.indicators, ind.rows, strict=True):
        rows.append([p(row[0], "cell"), p(value_text(i), "cell"), p(str(i.numerator), "cell"),
                     p(str(i.denominator), "cell")])
    story += [p(zh(HEAD["indicators"]), "h1"),
              grid_table(rows, [CONTENT_W - 72 * mm, 28 * mm, 22 * mm, 22 * mm], [("BACKGROUND", (0, 0), (-1, 0),
                                                                                   HEAD_BG)], repeat_rows=1)]
    story += [Spacer(1, 3 * mm), month_bars(r), month_line(r), p(zh(WORDS["cases_note"]), "small")]
    for key in ("tumour_type", "team", "department"):
        sheet = tables[key]
        if sheet.rows:
            story.append(KeepTogether([Spacer(1, 2 * mm), type_bars(sheet.title, list(sheet.rows))]))
    for key in ("deviations", "experts", "disciplines"):
        sheet = tables[key]
        if sheet.rows:
            data = [[p(h, "cell_label") for h in sheet.headers]] + [[p(str(c), "cell") for c in row]
                                                                      for row in sheet.rows]
            story.append(KeepTogether([p(sheet.title, "h1"), grid_table(
                data, [CONTENT_W - 40 * mm, 40 * mm], [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)], repeat_rows=1)]))
    story.append(p(zh(HEAD["definitions"]), "h1"))
    for name, text in tables["definitions"].rows:
        story.append(p([(f"{name}：", True), (text, False)], "item"))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=22 * mm,
                            bottomMargin=22 * mm, title=f"{title} {r.filter.start}—{r.filter.end}",
                            author=hospital, creator="MDT Desk", initialFontName=FONT)
    doc.build(story, canvasmaker=furniture_canvas(Furniture(hospital, title, margin_x=MARGIN_X)))
    return buf.getvalue()
