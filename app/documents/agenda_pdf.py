"""The meeting agenda PDF (MDT讨论会议程): meeting, team, time and place, the cases in order with their
question, presenter and planned minutes, and the total time. An internal document: names are not masked,
so it says so on every page."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from app.documents.content import AgendaContent, AgendaEntry
from app.documents.fonts import FONT, register_font
from app.documents.labels import zh
from app.documents.page_furniture import Furniture, furniture_canvas
from app.documents.styles import HEAD_BG, LABEL_BG, grid_table, p

TITLE = "多学科诊疗（MDT）讨论会议程"
MARGIN_X = 18 * mm
CONTENT_W = A4[0] - 2 * MARGIN_X
WEEKDAYS = "一二三四五六日"
STATUS = {"discussed": "已讨论", "postponed": "已推迟", "withdrawn": "已撤回"}


def _when(c: AgendaContent) -> str:
    d = c.scheduled_at
    return f"{d:%Y-%m-%d}（星期{WEEKDAYS[d.weekday()]}）{d:%H:%M}，预计 {c.duration_minutes} 分钟"


def _patient(e: AgendaEntry) -> str:
    bits = [zh("sex", e.sex), f"{e.age}岁" if e.age is not None else ""]
    return f"{e.patient_name}\n{' '.join(b for b in bits if b)}"


def _diagnosis(e: AgendaEntry) -> str:
    name = e.diagnosis or zh("tumour_type", e.tumour_type)
    lines = [name, e.stage, zh("conference_type", e.conference_type)]
    if e.urgency == "urgent":
        lines.append("【加急】")
    return "\n".join(x for x in lines if x)


def _rows(entries) -> list:
    head = [p(x, "cell_label") for x in ("序号", "病例号", "患者", "诊断 / 分期", "提请讨论的问题", "汇报人", "时长")]
    rows = [head]
    for e in entries:
        minutes = f"{e.minutes} 分钟" if e.track == "discuss" else "备案"
        if e.status in STATUS:
            minutes += f"\n{STATUS[e.status]}"
        presenter = "\n".join(x for x in (e.presenter, e.department) if x)
        rows.append([p(str(e.position), "cell"), p(e.case_no, "cell"), p(_patient(e), "cell"),
                     p(_diagnosis(e), "cell"), p(e.question or "—", "cell"), p(presenter, "cell"),
                     p(minutes, "cell")])
    return rows


def build_agenda_pdf(content: AgendaContent, *, data_dir=None) -> bytes:
    """The agenda as PDF bytes; `data_dir` is accepted for symmetry, nothing is written to disk."""
    register_font()
    story = [p(content.hospital, "hospital"), p([(TITLE, True)], "title"),
             p(f"会议编号：{content.meeting_id}", "docline")]
    lw, vw = 18 * mm, (CONTENT_W - 36 * mm) / 2
    info = [[p("MDT团队", "cell_label"), p(content.team, "cell"), p("会议地点", "cell_label"), p(content.place, "cell")],
            [p("会议时间", "cell_label"), p(_when(content), "cell"), p("主持人", "cell_label"),
             p(content.chair, "cell")],
            [p("病例数", "cell_label"), p(f"{len(content.entries)} 例", "cell"), p("记录人", "cell_label"),
             p(content.recorder, "cell")]]
    story.append(grid_table(info, [lw, vw, lw, vw], [("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
                                                     ("BACKGROUND", (2, 0), (2, -1), LABEL_BG)]))
    if content.members:
        people = "；".join(" ".join(x for x in (name, dept, zh("title", title)) if x)
                          for name, dept, title in content.members)
        story += [Spacer(1, 2 * mm), p([("参会人员：", True), (people, False)], "item")]
    story.append(Spacer(1, 3 * mm))
    widths = [10 * mm, 27 * mm, 20 * mm, 33 * mm, CONTENT_W - 130 * mm, 22 * mm, 18 * mm]
    story.append(grid_table(_rows(content.entries), widths,
                            [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "TOP")],
                            repeat_rows=1))
    listed = sum(1 for e in content.entries if e.track != "discuss")
    total = f"预计讨论时间合计 {content.total_minutes} 分钟"
    if listed:
        total += f"（另有 {listed} 例备案病例不占讨论时间）"
    story += [Spacer(1, 2 * mm), p([(total, True)], "item"),
              p("本议程含患者信息，仅供院内MDT会议使用，请勿外传；会后请交回或按规定销毁。", "small")]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=22 * mm,
                            bottomMargin=22 * mm, title=f"{TITLE} {content.team} {content.scheduled_at:%Y-%m-%d}",
                            author=content.hospital, creator="MDT Desk", initialFontName=FONT)
    furniture = Furniture(content.hospital, TITLE, note="内部资料 注意保密", margin_x=MARGIN_X)
    doc.build(story, canvasmaker=furniture_canvas(furniture))
    return buf.getvalue()
