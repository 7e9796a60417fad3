"""A pad to write one's signature on with a mouse, a pen or a graphics tablet.

Strokes are kept as points in the pad's own 0..1 coordinates with the pen pressure (a tablet's
QTabletEvent reports it; mouse and touch give a steady middle value), so the drawing survives resizing and
exports at a fixed size: a transparent PNG of EXPORT_SIZE, the ink dark blue like a signing pen.
Undo removes the last stroke, redo brings it back, clear empties the pad (and can itself be undone).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import QWidget

from ui.qt_compat import emit

EXPORT_SIZE = QSize(600, 240)  # 5:2, what the stamps in the plan's signature boxes expect
INK = QColor(18, 30, 110)
MOUSE_PRESSURE = 0.5
Point = tuple[float, float, float]  # x, y in 0..1 of the pad, pressure 0..1


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, True)
        self.setFixedSize(EXPORT_SIZE)  # the export's own shape: nothing is stretched on the way out
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[Point]] = []
        self._history: list[list[list[Point]]] = []  # the stroke lists undo goes back to
        self._future: list[list[list[Point]]] = []  # what redo brings back
        self._current: list[Point] | None = None

    # -- state -----------------------------------------------------------------------------------

    def strokes(self) -> list[list[Point]]:
        return [list(s) for s in self._strokes]

    def is_empty(self) -> bool:
        return not any(len(s) for s in self._strokes)

    def can_undo(self) -> bool:
        return bool(self._history)

    def can_redo(self) -> bool:
        return bool(self._future)

    def _commit(self, strokes: list[list[Point]]) -> None:
        self._history.append(self._strokes)
        self._future.clear()
        self._strokes = strokes
        self.update()
        emit(self.changed)

    def clear(self) -> None:
        if not self.is_empty():
            self._commit([])

    def undo(self) -> None:
        if self._history:
            self._future.append(self._strokes)
            self._strokes = self._history.pop()
            self.update()
            emit(self.changed)

    def redo(self) -> None:
        if self._future:
            self._history.append(self._strokes)
            self._strokes = self._future.pop()
            self.update()
            emit(self.changed)

    # -- input -----------------------------------------------------------------------------------

    def _norm(self, pos: QPointF, pressure: float) -> Point:
        w, h = max(1, self.width()), max(1, self.height())
        return (min(1.0, max(0.0, pos.x() / w)), min(1.0, max(0.0, pos.y() / h)),
                min(1.0, max(0.05, pressure)))

    def _begin(self, pos: QPointF, pressure: float) -> None:
        self._current = [self._norm(pos, pressure)]
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is not None:
            self._current.append(self._norm(pos, pressure))
            self.update()

    def _end(self) -> None:
        stroke, self._current = self._current, None
        if stroke:
            if len(stroke) == 1:
                stroke.append(stroke[0])  # a dot: a stroke of zero length still leaves ink
            self._commit([*self._strokes, stroke])

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted: Qt then sends no synthesized mouse event for the same movement.
        pressure = event.pressure() if event.pressure() > 0 else MOUSE_PRESSURE
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove and event.buttons():
            self._extend(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    # -- drawing ---------------------------------------------------------------------------------

    def _draw(self, painter: QPainter, width: float, height: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = height / 40  # a line about as thick as a pen stroke on the printed box
        strokes = self._strokes + ([self._current] if self._current else [])
        for stroke in strokes:
            for (x1, y1, p1), (x2, y2, p2) in zip(stroke, stroke[1:], strict=False):
                pen = QPen(INK, base * (0.4 + 1.2 * (p1 + p2) / 2), Qt.PenStyle.SolidLine,
                           Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine(QPointF(x1 * width, y1 * height), QPointF(x2 * width, y2 * height))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        guide = QPen(QColor(180, 180, 180), 1, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        baseline = self.height() * 0.78
        painter.drawLine(QPointF(12, baseline), QPointF(self.width() - 12, baseline))
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        self._draw(painter, self.width(), self.height())
        painter.end()

    def to_image(self) -> QImage:
        image = QImage(EXPORT_SIZE, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._draw(painter, EXPORT_SIZE.width(), EXPORT_SIZE.height())
        painter.end()
        return image

    def to_png(self) -> bytes:
        """The signature as a transparent PNG of EXPORT_SIZE (the ink only, no guide line)."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
