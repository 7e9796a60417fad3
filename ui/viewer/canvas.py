"""The viewer's drawing surface: one image scaled to fit (or zoomed and panned), overlay text, marks.

It knows nothing about DICOM: the viewer hands it a QImage and the lines to print. Left-drag pans (or
draws with the measuring tool, ui.viewer.measure_tool), right-drag asks the host to change the window,
the wheel asks the host to scroll (Ctrl+wheel zooms).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.05, 40.0
WHEEL_STEP = 120  # one notch


class Canvas(QWidget):
    def __init__(self, host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerCanvas")
        self.host = host  # ImageViewer: step(), window_drag_started(), window_dragged()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.image: QImage | None = None
        self.scale: float | None = None  # None: fit to the window
        self.pan = QPointF(0, 0)
        self.quarter = 0  # quarter turns clockwise (R)
        self.flipped = False  # mirrored left-right on screen (H)
        self.overlay_visible = True
        self.top_left: list[str] = []
        self.bottom_left: list[str] = []
        self.bottom_right: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (text, colour), top right; shown even without the overlay
        self.message = ""  # centred, instead of an image (an error)
        self.active = False  # the pane the toolbar and series browser act on (side by side): framed
        self.on_paint = None  # called after each paint (the viewer records which slice was shown)
        self.tool = None  # measurements: press/move/release(pos) -> handled, paint(painter); in image coords
        self._drag: str | None = None
        self._last = QPoint()
        self._wheel_rest = 0

    # -- geometry ---------------------------------------------------------------------------------

    def shown_size(self) -> tuple[int, int]:
        """(width, height) of the image as shown: swapped by a quarter turn."""
        w, h = self.image.width(), self.image.height()
        return (h, w) if self.quarter % 2 else (w, h)

    def fit_scale(self) -> float:
        if self.image is None or self.image.isNull():
            return 1.0
        w, h = self.shown_size()
        return min(self.width() / w, self.height() / h)

    def effective_scale(self) -> float:
        return self.fit_scale() if self.scale is None else self.scale

    def image_rect(self) -> QRectF:
        """Where the image (rotated, flipped) lies on the widget."""
        s = self.effective_scale()
        w, h = (n * s for n in self.shown_size())
        return QRectF((self.width() - w) / 2 + self.pan.x(), (self.height() - h) / 2 + self.pan.y(), w, h)

    def orientation(self) -> QTransform:
        """The quarter turns (clockwise) then the horizontal flip, about the image's own origin."""
        t = QTransform().rotate(90 * self.quarter)
        return t * QTransform.fromScale(-1, 1) if self.flipped else t

    def oriented(self, image: QImage | None) -> QImage | None:
        """`image` turned and flipped as on screen."""
        if image is None or not (self.quarter or self.flipped):
            return image
        return image.transformed(self.orientation())

    def view_transform(self) -> QTransform:
        """Image coordinates (x = column, y = row) to widget coordinates: centre, turn, flip, zoom, pan."""
        s = self.effective_scale()
        centre = self.image_rect().center()
        return (QTransform.fromTranslate(-self.image.width() / 2, -self.image.height() / 2) * self.orientation()
                * QTransform.fromScale(s, s) * QTransform.fromTranslate(centre.x(), centre.y()))

    def rotate(self, quarters: int = 1) -> None:
        self.quarter = (self.quarter + quarters) % 4
        self.update()

    def flip(self) -> None:
        self.flipped = not self.flipped
        self.update()

    def set_fit(self) -> None:
        self.scale, self.pan = None, QPointF(0, 0)
        self.update()

    def set_actual_size(self) -> None:
        self.scale, self.pan = 1.0, QPointF(0, 0)
        self.update()

    def zoom(self, factor: float) -> None:
        self.scale = min(ZOOM_MAX, max(ZOOM_MIN, self.effective_scale() * factor))
        self.update()

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        self._fill_around(p)
        if self.image is not None and not self.image.isNull():
            smooth = self.effective_scale() != 1.0
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            p.setTransform(self.view_transform())
            p.drawImage(QRectF(0, 0, self.image.width(), self.image.height()), self.image)
            p.resetTransform()
            if self.tool is not None:
                self.tool.paint(p)
        if self.message:
            p.setPen(QColor("#ffcc66"))
            p.drawText(self.rect().adjusted(24, 24, -24, -24),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        if self.overlay_visible:
            self._text(p, self.top_left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "#ffffff")
            self._text(p, self.bottom_left, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, "#ffffff")
            zoom = [f"{round(self.effective_scale() * 100)}%"] if self.image is not None else []
            self._text(p, self.bottom_right + zoom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                       "#ffffff")
        if self.active:
            p.setPen(QColor("#4dabf7"))
            p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        top = 8
        for text, colour in self.marks:
            top += self._line(p, text, Qt.AlignmentFlag.AlignRight, top, colour)
        p.end()
        if self.on_paint is not None:
            self.on_paint()

    def _fill_around(self, p: QPainter) -> None:
        """Black where the image will not cover: filling the whole widget first costs ~3 ms at full HD."""
        black = QColor("#000000")
        if self.image is None or self.image.isNull() or self.image.hasAlphaChannel():
            p.fillRect(self.rect(), black)
            return
        r = self.image_rect()
        left, top = max(0, math.ceil(r.left())), max(0, math.ceil(r.top()))
        right, bottom = min(self.width(), math.floor(r.right())), min(self.height(), math.floor(r.bottom()))
        if right <= left or bottom <= top:
            p.fillRect(self.rect(), black)
            return
        w, h = self.width(), self.height()
        for band in (QRect(0, 0, w, top), QRect(0, bottom, w, h - bottom), QRect(0, top, left, bottom - top),
                     QRect(right, top, w - right, bottom - top)):
            if band.width() > 0 and band.height() > 0:
                p.fillRect(band, black)

    def _text(self, p: QPainter, lines: list[str], align, colour: str) -> None:
        height = self.fontMetrics().height()
        if align & Qt.AlignmentFlag.AlignBottom:
            top = self.height() - 8 - height * len(lines)
        else:
            top = 8
        for line in lines:
            top += self._line(p, line, align & ~(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom),
                              top, colour)

    def _line(self, p: QPainter, text: str, align, top: int, colour: str) -> int:
        height = self.fontMetrics().height()
        rect = self.rect().adjusted(10, 0, -10, 0)
        rect.setTop(top)
        rect.setHeight(height)
        p.setPen(QColor(0, 0, 0, 220))  # a shadow keeps the text readable on bright images
        p.drawText(rect.translated(1, 1), align | Qt.AlignmentFlag.AlignVCenter, text)
        p.setPen(QColor(colour))
        p.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)
        return height

    # -- mouse ------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._last = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.tool is not None \
                and self.tool.press(event.position()):
            self._drag = "tool"
        elif event.button() == Qt.MouseButton.LeftButton:
            self._drag = "pan"
        elif event.button() == Qt.MouseButton.RightButton:
            self._drag = "window"
            self.host.window_drag_started()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self.tool is not None and self._drag in (None, "tool") and self.tool.move(event.position()):
            pass
        elif self._drag == "pan":
            delta = pos - self._last
            self._last = pos
            if self.scale is None:
                self.scale = self.fit_scale()
            self.pan += QPointF(delta)
            self.update()
        elif self._drag == "window":
            self.host.window_dragged(pos.x() - self._last.x(), pos.y() - self._last.y())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag == "tool" and self.tool is not None:
            self.tool.release(event.position())
        self._drag = None
        event.accept()

    def contextMenuEvent(self, event) -> None:
        event.accept()  # the right button adjusts the window here

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel_rest += event.angleDelta().y()
        steps = int(self._wheel_rest / WHEEL_STEP)
        self._wheel_rest -= steps * WHEEL_STEP
        if steps:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.zoom(ZOOM_STEP ** steps)
            else:
                self.host.step(-steps)  # wheel towards you (negative): the next slice
        event.accept()
