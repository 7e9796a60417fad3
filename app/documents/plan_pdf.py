"""The treatment-plan PDF (多学科诊疗（MDT）意见书): Chinese A4, every page carrying page x/y, document
number, version and the verification QR code; a draft carries a diagonal "草稿 / 未签署" mark.

Layout only: the signing service adds the PAdES signatures into the boxes reported in `BuiltPdf`.
Content per DOMAIN.md §8, in the order of a printed hospital consultation record.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import HRFlowable

from app.documents.cjk_text import CjkParagraph
from app.documents.content import PlanContent
from app.documents.fonts import FONT, register_font
from app.documents.key_image_render import key_image_grid
from app.documents.labels import GUIDELINES, STAGE_SYSTEMS, TREAT_WHERE, discipline, zh
from app.documents.page_furniture import GREY, INK, Furniture, furniture_canvas
from app.documents.signature_blocks import SignatureBox, SignerSlot, signature_rows, signers_for
from app.documents.styles import HEAD_BG, LABEL_BG, grid_table, p, styles

__all__ = ["BuiltPdf", "SignatureBox", "SignerSlot", "build_plan_pdf", "signers_for"]

TITLE = "多学科诊疗（MDT）意见书"
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 22 * mm, 34 * mm
CONTENT_W = A4[0] - 2 * MARGIN_X
DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class BuiltPdf:
    pdf: bytes
    signature_boxes: tuple[SignatureBox, ...]
    page_count: int


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals, as section headings count (一、… 十、十一、… 二十一、)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return DIGITS[ones]
    return (DIGITS[tens] if tens > 1 else "") + "十" + (DIGITS[ones] if ones else "")


def fmt_dt(dt) -> str:
    return dt.strftime("%Y-%m-%d %H:%M") if dt else ""


def local(dt: datetime | None) -> datetime | None:
    """A naive-UTC time of the record as local wall-clock time (what people read on paper)."""
    return dt.replace(tzinfo=UTC).astimezone().replace(tzinfo=None) if dt is not None else None


def fmt_d(d) -> str:
    return d.strftime("%Y-%m-%d") if d else ""


def stage_line(c: PlanContent) -> str:
    d = c.diagnosis
    tnm = f"{d.stage_prefix}{d.stage_t}{d.stage_n}{d.stage_m}" if (d.stage_t or d.stage_n or d.stage_m) else ""
    group = f"{d.stage_group}期" if d.stage_group else ""
    text = " ".join(x for x in (tnm, group) if x)
    if not text:
        return ""
    system = STAGE_SYSTEMS.get(d.stage_system, d.stage_system)
    edition = f" 第{d.stage_edition}版" if d.stage_edition and d.stage_system in ("AJCC", "") else ""
    return f"{text}（{system}{edition}）" if system or edition else text


def diagnosis_line(c: PlanContent) -> str:
    d = c.diagnosis
    name = d.icd10_name or zh("tumour_type", c.tumour_type)
    return f"{name}（ICD-10 {d.icd10_code}）" if d.icd10_code else name


class _Sections:
    """Numbered section headings (一、二、…) that stay with what follows them."""

    def __init__(self) -> None:
        self.n = 0

    def heading(self, text: str) -> list:
        self.n += 1
        return [CondPageBreak(22 * mm), CjkParagraph([(f"{chinese_number(self.n)}、{text}", True)], styles()["h1"]),
                HRFlowable(width="100%", thickness=0.5, color=GREY, spaceBefore=0, spaceAfter=3)]


def field(label: str, text: str, style: str = "item") -> CjkParagraph:
    return CjkParagraph([(f"{label}：", True), (text or "无", False)], styles()[style])


def _head(c: PlanContent, doc_no: str, version: int, logo: bytes | None) -> list:
    out = []
    if logo:
        try:
            img = Image(io.BytesIO(logo))
            scale = 14 * mm / img.imageHeight
            img.drawWidth, img.drawHeight = img.imageWidth * scale, 14 * mm
            out.append(img)
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the record being printed
            pass
    out.append(p(c.hospital, "hospital"))
    if c.hospital_en:
        out.append(p(c.hospital_en, "hospital_en"))
    out.append(p([(TITLE, True)], "title"))
    out.append(p(f"文档编号：{doc_no}    版本：第 {version} 版    病例号：{c.case_no}", "docline"))
    if c.decision.amends_version:
        out.append(p(f"本版为对第 {c.decision.amends_version} 版的修订，修订原因：{c.decision.amendment_reason}",
                     "notice"))
    return out


def _patient_block(c: PlanContent) -> list:
    pt = c.patient
    age = f"{pt.age}岁" if pt.age is not None else ""
    lw, vw = 19 * mm, (CONTENT_W - 3 * 19 * mm) / 3
    rows = [[p("姓名", "cell_label"), p(pt.name, "cell"), p("性别", "cell_label"), p(zh("sex", pt.sex), "cell"),
             p("年龄", "cell_label"), p(age, "cell")],
            [p("住院号", "cell_label"), p(pt.hospital_number, "cell"), p("门诊号", "cell_label"),
             p(pt.outpatient_number, "cell"), p("讨论类型", "cell_label"), p(zh("conference_type", c.conference_type),
                                                                        "cell")],
            [p("申请科室", "cell_label"), p(c.summary.department, "cell"), p("申请医生", "cell_label"),
             p(c.summary.applicant, "cell"), p("申请日期", "cell_label"), p(fmt_d(c.summary.applied_on), "cell")]]
    return [grid_table(rows, [lw, vw] * 3, [("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
                                           ("BACKGROUND", (2, 0), (2, -1), LABEL_BG),
                                           ("BACKGROUND", (4, 0), (4, -1), LABEL_BG)])]


def _meeting_block(c: PlanContent, sec: _Sections) -> list:
    m = c.meeting
    out = sec.heading("会议信息")
    if m is None:
        out.append(field("讨论时间", fmt_dt(local(c.discussed_at)) or "会外讨论"))
        return out
    lw, vw = 19 * mm, (CONTENT_W - 2 * 19 * mm) / 2
    when = fmt_dt(m.scheduled_at)
    if m.started_at:
        ended = local(m.ended_at)
        when = f"{fmt_dt(local(m.started_at))} 至 {ended.strftime('%H:%M') if ended else ''}".rstrip(" 至")
    rows = [[p("会议时间", "cell_label"), p(when, "cell"), p("会议地点", "cell_label"), p(m.place, "cell")],
            [p("MDT团队", "cell_label"), p(m.team, "cell"), p("讨论次序", "cell_label"),
             p(f"本病例第 {c.discussion_sequence} 次", "cell")],
            [p("主持人", "cell_label"), p(m.chair, "cell"), p("记录人", "cell_label"), p(m.recorder, "cell")]]
    out.append(grid_table(rows, [lw, vw, lw, vw], [("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
                                                   ("BACKGROUND", (2, 0), (2, -1), LABEL_BG)]))
    if m.attendees:
        out.append(Spacer(1, 2.5 * mm))
        head = [p(x, "cell_label") for x in ("序号", "姓名", "科室", "学科", "职称", "签到时间")]
        rows = [head] + [[p(str(i), "cell"), p(a.name, "cell"),
                          p(" ".join(x for x in (a.organisation, a.department) if x), "cell"),
                          p(discipline(a.discipline), "cell"), p(zh("title", a.title), "cell"),
                          p(fmt_dt(local(a.signed_in_at)), "cell")] for i, a in enumerate(m.attendees, 1)]
        widths = [11 * mm, 24 * mm, 44 * mm, 25 * mm, 28 * mm, CONTENT_W - 132 * mm]
        out.append(grid_table(rows, widths, [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)], repeat_rows=1))
        out.append(Spacer(1, 1 * mm))
        out.append(p(f"参会专家共 {len(m.attendees)} 人（以签到记录为准）。", "small"))
    return out


def _summary(c: PlanContent, sec: _Sections) -> list:
    s = c.summary
    out = sec.heading("讨论目的与提请讨论的问题")
    out += [field("讨论目的", s.purpose), field("提请讨论的问题", s.question)]
    out += sec.heading("病情摘要")
    status = "；".join(x for x in (f"ECOG {s.ecog}分" if s.ecog is not None else "",
                                   f"KPS {s.kps}分" if s.kps is not None else "") if x)
    for label, text in (("主诉", s.chief_complaint), ("现病史", s.history), ("合并症", s.comorbidities),
                        ("体能状态", status), ("既往治疗", s.prior_treatment)):
        if text:
            out.append(field(label, text))
    out.append(field("影像学检查", "；".join(s.imaging)))
    d = c.diagnosis
    histology = d.histology_name + (f"（ICD-O-3 {d.histology_code}）" if d.histology_code else "")
    histology = " ".join(x for x in (histology, f"分级 {d.grade}" if d.grade else "") if x)
    out.append(field("病理学检查", "；".join(x for x in (histology, *s.pathology) if x)))
    out.append(field("分子病理", "；".join(f"{k} {v}" for k, v in s.biomarkers)))
    out += sec.heading("诊断与分期")
    out.append(field("临床诊断", diagnosis_line(c)))
    if d.primary_site:
        out.append(field("原发部位", d.primary_site))
    out.append(field("分期", stage_line(c) or "未分期"))
    return out


def _opinions(c: PlanContent, sec: _Sections) -> list:
    out = sec.heading("各学科专家意见")
    if not c.opinions:
        out.append(p("无", "item"))
    for o in c.opinions:
        who = "，".join(x for x in (o.author, zh("title", o.title)) if x)
        label = f"{discipline(o.discipline)}（{who}）" if o.discipline else who
        out.append(field(label, o.text))
    return out


ADVISORY_TITLE = "上级医院会诊意见（参考）"
ADVISORY_NOTE = "以上为上级医院远程会诊意见，仅供参考；诊疗决定由本院MDT团队作出并签署（远程会诊意见为建议性质）。"


def _advisory(c: PlanContent, sec: _Sections) -> list:
    """Advice from an upper-level hospital, apart from the team's own opinions and decision (1999 notice)."""
    if not c.external_opinions:
        return []
    out = sec.heading(ADVISORY_TITLE)
    for e in c.external_opinions:
        when = fmt_d(local(e.written_at))
        who = "，".join(x for x in (e.author, when, "签名已验证" if e.signed else "") if x)
        out.append(field(f"{e.hospital}（{who}）" if who else e.hospital, e.text))
    out.append(p(ADVISORY_NOTE, "small"))
    return out


def _decision(c: PlanContent, sec: _Sections) -> list:
    dec = c.decision
    out = sec.heading("主持人总结")
    out.append(p(dec.chair_summary or "无", "item"))
    out += sec.heading("诊疗建议")
    modalities = [zh("modality", x) for x in dec.modalities]
    if modalities:
        first = f"首选：{modalities[0]}" + (f"；联合/其他：{'、'.join(modalities[1:])}" if modalities[1:] else "")
        out.append(field("推荐治疗方式", first))
    out.append(field("具体方案", dec.plan_text))
    if dec.alternatives:
        out.append(field("备选方案", dec.alternatives))
    out.append(field("治疗目的", zh("intent", dec.intent)))
    basis = " ".join(x for x in (GUIDELINES.get(dec.guideline, dec.guideline), dec.guideline_version) if x)
    out.append(field("指南依据", basis))
    where = TREAT_WHERE.get(dec.treat_where, dec.treat_where)
    if dec.treat_where == "refer_upward" and dec.referral_target:
        where += f"（{dec.referral_target}）"
    out.append(field("治疗地点", where))
    if dec.further_workup:
        out.append(field("需进一步检查", dec.further_workup))
    if dec.dissent:
        out.append(field("不同意见", dec.dissent))
    out += sec.heading("患者及家属意愿")
    out.append(p(dec.patient_preference or "未记录", "item"))
    heading = sec.heading("执行安排")
    tail = [field("再次讨论日期", fmt_d(dec.rediscussion_on) or "视病情而定")]
    if dec.actions:
        head = [p(x, "cell_label") for x in ("事项", "负责人", "科室", "完成期限")]
        rows = [head] + [[p(a.description, "cell"), p(a.responsible, "cell"), p(a.department, "cell"),
                          p(fmt_d(a.due_on), "cell")] for a in dec.actions]
        table = grid_table(rows, [CONTENT_W - 80 * mm, 24 * mm, 30 * mm, 26 * mm],
                           [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)], repeat_rows=1)
        tail = [table, Spacer(1, 2 * mm)] + tail
    if len(dec.actions) <= 6:  # a short list stays with its heading; a long one flows with its header row
        return out + heading[:1] + [KeepTogether(heading[1:] + tail)]
    return out + heading + tail


def build_plan_pdf(content: PlanContent, *, doc_no: str, version: int, signers: Sequence[SignerSlot], draft: bool,
                   verification_payload: str, verification_code: str, hospital_logo: bytes | None = None,
                   data_dir=None) -> BuiltPdf:
    """Lay out the plan; the PDF bytes, where each signer's stamp box landed, and the page count.

    `data_dir` is accepted for symmetry with the other builders; nothing is written to disk."""
    register_font()
    sec = _Sections()
    story = _head(content, doc_no, version, hospital_logo or content.logo)
    story += _patient_block(content)
    story += _meeting_block(content, sec)
    story += _summary(content, sec)
    grid = key_image_grid(content.key_images, CONTENT_W)
    if grid is not None:
        story += sec.heading("关键影像")
        story.append(grid)
    story += _opinions(content, sec)
    story += _advisory(content, sec)
    story += _decision(content, sec)
    story.append(Spacer(1, 2 * mm))
    story.append(p("本意见书经MDT讨论形成，供临床诊疗参考；具体实施以主管医师与患者充分沟通后的决定为准。", "small"))
    boxes: list[SignatureBox] = []
    if signers:
        rows = signature_rows(signers, boxes)
        heading = sec.heading("签名")
        story += heading[:1] + [KeepTogether(heading[1:] + [rows[0]])] + rows[1:]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM, title=f"{TITLE} {doc_no}", author=content.hospital,
                            subject=f"{content.case_no} v{version}", creator="MDT Desk", initialFontName=FONT)
    furniture = Furniture(content.hospital, TITLE, doc_no, version, verification_payload, verification_code, draft)
    counter = _PageCounter()
    doc.build(story, canvasmaker=furniture_canvas(furniture), onFirstPage=counter, onLaterPages=counter)
    return BuiltPdf(buf.getvalue(), tuple(boxes), counter.pages)


class _PageCounter:
    def __init__(self) -> None:
        self.pages = 0

    def __call__(self, canv, doc) -> None:
        self.pages += 1
        canv.setFont(FONT, 10)
        canv.setFillColor(INK)
