"""Small pictures drawn in code (no image files to ship): star, warning, document and placeholder tiles."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

STAR_GOLD = QColor("#e0a100")
STAR_EMPTY = QColor("#9aa8b5")
TILE_BORDER = QColor("#c9d3dc")


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pix, painter


def star_icon(filled: bool, size: int = 24) -> QIcon:
    pix, p = _canvas(size)
    centre, outer, inner = QPointF(size / 2, size / 2 + size * 0.03), size * 0.46, size * 0.19
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(a), centre.y() + r * math.sin(a)))
    p.setPen(QPen(STAR_GOLD if filled else STAR_EMPTY, max(1.0, size / 16)))
    p.setBrush(STAR_GOLD if filled else Qt.GlobalColor.transparent)
    p.drawPolygon(QPolygonF(points))
    p.end()
    return QIcon(pix)


def warning_icon(size: int = 22) -> QIcon:
    pix, p = _canvas(size)
    m = size * 0.06
    path = QPainterPath()
    path.moveTo(size / 2, m)
    path.lineTo(size - m, size - m * 1.5)
    path.lineTo(m, size - m * 1.5)
    path.closeSubpath()
    p.setPen(QPen(QColor("#b86e00"), max(1.0, size / 18)))
    p.setBrush(QColor("#f5b400"))
    p.drawPath(path)
    p.setPen(QPen(QColor("#3a2500"), max(1.5, size / 9), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(size / 2, size * 0.36), QPointF(size / 2, size * 0.62))
    p.drawPoint(QPointF(size / 2, size * 0.76))
    p.end()
    return QIcon(pix)


def _tile(size: int) -> tuple[QPixmap, QPainter]:
    pix, p = _canvas(size)
    p.setPen(QPen(TILE_BORDER, 1))
    p.setBrush(QColor("#f3f6f9"))
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 4, 4)
    return pix, p


def document_tile(size: int, badge: str, colour: str) -> QPixmap:
    """A page with a coloured band naming the type ("PDF"), for files without a picture."""
    pix, p = _tile(size)
    page = QRectF(size * 0.25, size * 0.12, size * 0.5, size * 0.76)
    p.setPen(QPen(QColor("#8896a3"), 1))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(page)
    p.setPen(QPen(QColor("#c5ced6"), 1))
    for i in range(4):
        y = page.top() + page.height() * (0.2 + 0.12 * i)
        p.drawLine(QPointF(page.left() + 4, y), QPointF(page.right() - 4, y))
    if badge:
        band = QRectF(size * 0.14, size * 0.58, size * 0.72, size * 0.22)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawRoundedRect(band, 2, 2)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(7, int(band.height() * 0.72)))
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        p.drawText(band, Qt.AlignmentFlag.AlignCenter, badge)
    p.end()
    return pix


def placeholder_tile(size: int) -> QPixmap:
    """Shown until the preview arrives: a quiet tile with three dots."""
    pix, p = _tile(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#b5c1cc"))
    r = max(2.0, size / 22)
    for i in (-1, 0, 1):
        p.drawEllipse(QPointF(size / 2 + i * r * 3.2, size / 2), r, r)
    p.end()
    return pix


def fit_tile(image: QImage, size: int) -> QPixmap:
    """A preview scaled into a square tile on black (medical images read best on black), centred."""
    pix, p = _canvas(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#101418"))
    p.drawRoundedRect(QRectF(0, 0, size, size), 4, 4)
    if not image.isNull():
        scaled = image.scaled(QSize(size - 2, size - 2), Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        p.drawImage(QPointF((size - scaled.width()) / 2, (size - scaled.height()) / 2), scaled)
    p.end()
    return pix
