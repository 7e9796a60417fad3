"""What the slide viewer draws over the picture: arrow and text annotations, the scale bar.

Annotation geometry is in full-resolution pixels: an arrow is {"points": [[tail x, y], [head x, y]]},
a text {"points": [[x, y]]} with the note in the annotation's text. Both keep their screen size while
zooming, so they stay readable on a projector.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

ARROW = QColor(255, 214, 0)
OUTLINE = QColor(0, 0, 0, 200)
HEAD = 16.0  # arrowhead length on screen


def nice_length(max_microns: float) -> float:
    """The longest 1, 2 or 5 × 10^k microns not above `max_microns`."""
    if max_microns <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(max_microns))
    return max(m * power for m in (1, 2, 5) if m * power <= max_microns)


def length_label(microns: float) -> str:
    if microns >= 1000:
        return f"{microns / 1000:g} mm"
    return f"{microns:g} µm"


def paint_scale_bar(p: QPainter, canvas, mpp: float) -> None:
    """A bar of a round length, about a sixth of the view wide, bottom left."""
    per_screen_px = mpp / canvas.effective_scale()
    microns = nice_length(per_screen_px * max(80.0, canvas.width() / 6))
    if microns <= 0:
        return
    length = microns / per_screen_px
    x, y = 16.0, canvas.height() - 20.0
    label = length_label(microns)
    font = QFont(p.font())
    font.setPointSizeF(max(9.0, font.pointSizeF()))
    p.setFont(font)
    fm = QFontMetricsF(font)
    box = QRectF(x - 8, y - fm.height() - 12, max(length, fm.horizontalAdvance(label)) + 16, fm.height() + 22)
    p.fillRect(box, QColor(255, 255, 255, 200))
    p.fillRect(QRectF(x, y - 4, length, 6), QColor(20, 20, 20))
    p.setPen(QColor(20, 20, 20))
    p.drawText(QRectF(x, y - fm.height() - 8, box.width(), fm.height()), Qt.AlignmentFlag.AlignLeft, label)


def _arrow_path(tail: QPointF, head: QPointF) -> QPainterPath:
    path = QPainterPath(tail)
    path.lineTo(head)
    angle = math.atan2(head.y() - tail.y(), head.x() - tail.x())
    wing = math.radians(28)
    left = QPointF(head.x() - HEAD * math.cos(angle - wing), head.y() - HEAD * math.sin(angle - wing))
    right = QPointF(head.x() - HEAD * math.cos(angle + wing), head.y() - HEAD * math.sin(angle + wing))
    path.addPolygon(QPolygonF([head, left, right, head]))
    return path


def _paint_arrow(p: QPainter, tail: QPointF, head: QPointF) -> None:
    path = _arrow_path(tail, head)
    p.setPen(QPen(OUTLINE, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.drawPath(path)
    p.setPen(QPen(ARROW, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(ARROW)
    p.drawPath(path)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _paint_text(p: QPainter, at: QPointF, text: str) -> None:
    fm = QFontMetricsF(p.font())
    rect = fm.boundingRect(QRectF(0, 0, 360, 1000), Qt.TextFlag.TextWordWrap, text)
    box = QRectF(at.x(), at.y(), rect.width() + 12, rect.height() + 8)
    p.fillRect(box, QColor(0, 0, 0, 170))
    p.fillRect(QRectF(at.x() - 3, at.y() - 3, 6, 6), ARROW)
    p.setPen(ARROW)
    p.drawText(box.adjusted(6, 4, -6, -4), Qt.TextFlag.TextWordWrap, text)


def points(annotation) -> list[QPointF]:
    return [QPointF(float(x), float(y)) for x, y in annotation.geometry.get("points", [])]


def paint_annotations(p: QPainter, canvas, annotations: list, draft: tuple[QPointF, QPointF] | None) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for a in annotations:
        pts = [canvas.to_screen(q) for q in points(a)]
        if a.kind == "arrow" and len(pts) == 2:
            _paint_arrow(p, pts[0], pts[1])
        elif a.kind == "text" and pts:
            _paint_text(p, pts[0], a.text)
    if draft is not None:
        _paint_arrow(p, canvas.to_screen(draft[0]), canvas.to_screen(draft[1]))


def distance_to(annotation, canvas, screen: QPointF) -> float:
    """Screen distance from `screen` to the annotation (its segment, or its text anchor)."""
    pts = [canvas.to_screen(q) for q in points(annotation)]
    if not pts:
        return math.inf
    if len(pts) == 1:
        return math.hypot(screen.x() - pts[0].x(), screen.y() - pts[0].y())
    a, b = pts[0], pts[1]
    dx, dy = b.x() - a.x(), b.y() - a.y()
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((screen.x() - a.x()) * dx + (screen.y() - a.y()) * dy)
                                                / (dx * dx + dy * dy)))
    return math.hypot(screen.x() - a.x() - t * dx, screen.y() - a.y() - t * dy)
