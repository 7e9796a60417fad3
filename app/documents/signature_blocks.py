"""Signature blocks: printed name, role, title and department, an empty stamp box and a line for the time.

Two blocks side by side per row; a row is one flowable, so a block is never split over a page break. When
a row is drawn it reports where each box landed (page and PDF points), which is exactly where the signing
service puts the visible PAdES stamp.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from app.documents.fonts import FONT
from app.documents.page_furniture import GREY, INK

BOX_W, BOX_H = 60 * mm, 25 * mm
ROLE_LABELS = {"chair": "主持人", "recorder": "记录人", "expert": "参会专家"}
BOX_LINE = colors.HexColor("#9a9a9a")


@dataclass(frozen=True)
class SignerSlot:
    field_name: str  # the PDF signature field this signer signs
    user_id: int | None
    name: str
    role: str  # chair | recorder | expert
    title: str = ""  # 职称 as printed (a label, e.g. 主任医师)
    department: str = ""


@dataclass(frozen=True)
class SignatureBox:
    field_name: str
    page_index: int  # 0-based
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom-left


class SignatureRow(Flowable):
    """Up to two signature blocks side by side."""

    GAP = 8 * mm
    HEIGHT = 9.5 * mm + BOX_H + 9 * mm

    def __init__(self, slots: tuple[SignerSlot, ...], sink: list[SignatureBox]):
        super().__init__()
        self.slots = slots
        self.sink = sink

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self.width = availWidth
        self.height = self.HEIGHT
        return self.width, self.height

    def draw(self):
        c = self.canv
        block_w = (self.width - self.GAP) / 2
        for i, slot in enumerate(self.slots):
            self._block(c, i * (block_w + self.GAP), block_w, slot)

    def _block(self, c, x: float, w: float, slot: SignerSlot) -> None:
        top = self.height
        c.saveState()
        c.setFillColor(GREY)
        c.setFont(FONT, 8.5)
        role = ROLE_LABELS.get(slot.role, slot.role)
        c.drawString(x, top - 4 * mm, role)
        c.setFillColor(INK)
        c.setFont(FONT, 11)
        c.drawString(x + 14 * mm, top - 4 * mm, slot.name)
        c.setFillColor(GREY)
        c.setFont(FONT, 8)
        detail = "  ".join(t for t in (slot.title, slot.department) if t)
        c.drawString(x + 14 * mm, top - 8 * mm, detail)
        box_y = top - 9.5 * mm - BOX_H
        c.setStrokeColor(BOX_LINE)
        c.setLineWidth(0.5)
        c.setDash(2, 1.5)
        c.rect(x, box_y, BOX_W, BOX_H)
        c.setDash()
        c.setFillColor(GREY)
        c.setFont(FONT, 8)
        line_y = box_y - 5.5 * mm
        c.drawString(x, line_y, "签署时间：")
        c.setStrokeColor(INK)
        c.setLineWidth(0.4)
        c.line(x + 14 * mm, line_y - 1, x + BOX_W, line_y - 1)
        c.restoreState()
        x1, y1 = c.absolutePosition(x, box_y)
        x2, y2 = c.absolutePosition(x + BOX_W, box_y + BOX_H)
        self.sink.append(SignatureBox(slot.field_name, c.getPageNumber() - 1,
                                      (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2))))


def signature_rows(slots, sink: list[SignatureBox]) -> list[SignatureRow]:
    slots = tuple(slots)
    return [SignatureRow(slots[i:i + 2], sink) for i in range(0, len(slots), 2)]


def signers_for(content, policy: str) -> list[SignerSlot]:
    """Who signs a plan under a team's sign policy (chair_only | chair_recorder | all_experts), in order:
    the chair, the recorder, then every other attendee with an account (a guest without one cannot hold a
    signing key). Field names are stable per user, so a new version gets the same fields."""
    from app.documents.labels import zh

    m = content.meeting
    if m is None:
        return []
    by_user = {a.user_id: a for a in m.attendees if a.user_id}

    def slot(user_id: int | None, name: str, role: str) -> SignerSlot:
        a = by_user.get(user_id)
        title = zh("title", a.title) if a else ""
        return SignerSlot(f"sig_{role}_{user_id or 0}", user_id, name, role, title, a.department if a else "")

    out = []
    if m.chair:
        out.append(slot(m.chair_user_id, m.chair, "chair"))
    if policy in ("chair_recorder", "all_experts") and m.recorder:
        out.append(slot(m.recorder_user_id, m.recorder, "recorder"))
    if policy == "all_experts":
        taken = {m.chair_user_id, m.recorder_user_id}
        out += [slot(a.user_id, a.name, "expert") for a in m.attendees
                if a.user_id and a.user_id not in taken and a.role != "secretary"]
    return out
