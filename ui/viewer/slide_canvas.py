"""The slide viewer's drawing surface: the pyramid's tiles at the level the zoom needs, over coarser ones.

View state: `scale` (screen pixels per full-resolution pixel) and `centre` (full-resolution pixels).
Painting draws the cached tiles of the level the zoom needs; where one is still missing, the same area
from a cached tile up to two levels coarser, else from the overview (a level small enough to hold whole,
always in memory), so a blurry picture sharpens in place as tiles arrive. Missing tiles are asked for, the
centre first. Left-drag pans (or draws with the active tool),
the wheel zooms about the cursor.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.imaging.slides import TILE, SlideSource
from ui.viewer.slide_marks import paint_annotations, paint_scale_bar
from ui.viewer.slide_tiles import TileKey, TileLoader

ZOOM_STEP = 1.25
MAX_SCALE = 4.0  # 400 %: beyond that nothing new is seen
BACKGROUND = QColor(40, 40, 44)


class SlideCanvas(QWidget):
    def __init__(self, host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideCanvas")
        self.host = host  # SlideViewer: tool_press/move/release(point), view_changed()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)
        self.source: SlideSource | None = None
        self.overview: QImage | None = None
        self.overview_level = 0
        self.loader = TileLoader(self, self._tile_arrived)
        self.scale: float | None = None  # None: fit
        self.centre = QPointF(0, 0)
        self.annotations: list = []  # AnnotationRecord (kind arrow | text), level-0 geometry
        self.draft: tuple[QPointF, QPointF] | None = None  # an arrow being drawn
        self.message = ""
        self.scale_bar_visible = True
        self.painted_level: int | None = None
        self._drag: str | None = None
        self._last = QPoint()
        self._wheel_rest = 0

    # -- content ----------------------------------------------------------------------------------

    def set_source(self, source: SlideSource | None, overview_level: int = 0, overview: QImage | None = None):
        self.loader.set_source(source)
        self.source, self.overview, self.overview_level = source, overview, overview_level
        self.message = ""
        self.annotations, self.draft = [], None
        if source is not None:
            self.fit()
        self.update()

    # -- geometry ---------------------------------------------------------------------------------

    def fit_scale(self) -> float:
        if self.source is None:
            return 1.0
        return min(self.width() / self.source.width, self.height() / self.source.height)

    def effective_scale(self) -> float:
        return self.fit_scale() if self.scale is None else self.scale

    def to_screen(self, p: QPointF) -> QPointF:
        s = self.effective_scale()
        return QPointF((p.x() - self.centre.x()) * s + self.width() / 2, (p.y() - self.centre.y()) * s
                       + self.height() / 2)

    def to_image(self, p: QPointF) -> QPointF:
        s = self.effective_scale()
        return QPointF((p.x() - self.width() / 2) / s + self.centre.x(),
                       (p.y() - self.height() / 2) / s + self.centre.y())

    def visible_rect(self) -> QRectF:
        """The part of the full-resolution image on screen (may reach outside the image)."""
        return QRectF(self.to_image(QPointF(0, 0)), self.to_image(QPointF(self.width(), self.height())))

    def fit(self) -> None:
        self.scale = None
        if self.source is not None:
            self.centre = QPointF(self.source.width / 2, self.source.height / 2)
        self._changed()

    def zoom_to(self, scale: float, anchor: QPointF | None = None) -> None:
        """Zoom keeping the image point under `anchor` (widget coordinates; default the centre) in place."""
        if self.source is None:
            return
        scale = max(min(self.fit_scale() / 2, 1.0), min(MAX_SCALE, scale))
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        fixed = self.to_image(anchor)
        self.scale = scale
        self.centre = QPointF(fixed.x() - (anchor.x() - self.width() / 2) / scale,
                              fixed.y() - (anchor.y() - self.height() / 2) / scale)
        self._changed()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.zoom_to(self.effective_scale() * factor, anchor)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) screen pixels; the image never leaves the view entirely."""
        if self.source is None:
            return
        s = self.effective_scale()
        self.scale = s
        x = min(max(self.centre.x() - dx / s, 0), self.source.width)
        y = min(max(self.centre.y() - dy / s, 0), self.source.height)
        self.centre = QPointF(x, y)
        self._changed()

    def _changed(self) -> None:
        self.update()
        if self.host is not None:
            self.host.view_changed()

    def level(self) -> int:
        return self.source.best_level(1.0 / self.effective_scale()) if self.source is not None else 0

    def tiles_for(self, level: int) -> list[TileKey]:
        """The tiles of `level` on screen, nearest the centre first."""
        lv = self.source.levels[level]
        r, step = self.visible_rect(), TILE * lv.downsample
        cols, rows = self.source.tile_grid(level)
        c0, c1 = max(0, math.floor(r.left() / step)), min(cols - 1, math.floor(r.right() / step))
        r0, r1 = max(0, math.floor(r.top() / step)), min(rows - 1, math.floor(r.bottom() / step))
        cx, cy = self.centre.x() / step - 0.5, self.centre.y() / step - 0.5
        keys = [(level, c, rw) for rw in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        return sorted(keys, key=lambda k: (k[1] - cx) ** 2 + (k[2] - cy) ** 2)

    def _tile_rect(self, level: int, col: int, row: int, image: QImage) -> QRect:
        """Screen rectangle of a tile, edges rounded so neighbours meet without a hairline."""
        ds = self.source.levels[level].downsample
        a = self.to_screen(QPointF(col * TILE * ds, row * TILE * ds))
        b = self.to_screen(QPointF((col * TILE + image.width()) * ds, (row * TILE + image.height()) * ds))
        return QRect(QPoint(round(a.x()), round(a.y())), QPoint(round(b.x()) - 1, round(b.y()) - 1))

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        if self.source is None:
            self._paint_message(p)
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        level = self.level()
        if level >= self.overview_level:  # the overview is as sharp as this zoom needs
            self._paint_stand_in(p, QRectF(0, 0, self.source.width, self.source.height))
        else:
            wanted = self.tiles_for(level)
            for key in wanted:
                image = self.loader.get(key)
                if image is not None:
                    p.drawImage(self._tile_rect(*key, image), image)
                else:  # until it arrives: the same area from a coarser tile, else from the overview
                    self._paint_stand_in(p, self._tile_area(key))
            self.loader.want(wanted)
        self.painted_level = level
        paint_annotations(p, self, self.annotations, self.draft)
        if self.scale_bar_visible and self.source.mpp:
            paint_scale_bar(p, self, self.source.mpp)
        self._paint_message(p)
        p.end()

    def _tile_area(self, key: TileKey) -> QRectF:
        """The full-resolution rectangle a tile covers."""
        level, col, row = key
        lv = self.source.levels[level]
        step = TILE * lv.downsample
        return QRectF(col * step, row * step, min(step, lv.width * lv.downsample - col * step),
                      min(step, lv.height * lv.downsample - row * step))

    def _paint_stand_in(self, p: QPainter, area: QRectF) -> None:
        """Paint the full-resolution `area` from the finest cached coarser tile that covers it (at most two
        levels up), else from the overview: only that area is scaled, so a sharp view costs plain blits."""
        level = self.level()
        for coarser in range(level + 1, min(level + 3, self.overview_level)):
            ds = self.source.levels[coarser].downsample
            col, row = int(area.center().x() // (TILE * ds)), int(area.center().y() // (TILE * ds))
            image = self.loader.get((coarser, col, row))
            if image is None:
                continue
            origin = QPointF(col * TILE * ds, row * TILE * ds)
            cover = QRectF(origin, QPointF(origin.x() + image.width() * ds, origin.y() + image.height() * ds))
            part = area.intersected(cover)
            if part == area:
                self._draw_part(p, image, part, origin, ds)
                return
        if self.overview is not None:
            self._draw_part(p, self.overview, area, QPointF(0, 0), self.source.levels[self.overview_level].downsample)

    def _draw_part(self, p: QPainter, image: QImage, area: QRectF, origin: QPointF, ds: float) -> None:
        source = QRectF((area.left() - origin.x()) / ds, (area.top() - origin.y()) / ds, area.width() / ds,
                        area.height() / ds)
        target = QRectF(self.to_screen(area.topLeft()), self.to_screen(area.bottomRight()))
        p.drawImage(target, image, source)

    def _paint_message(self, p: QPainter) -> None:
        if self.message:
            p.setPen(QColor(235, 235, 235))
            p.drawText(self.rect().adjusted(20, 20, -20, -20), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.message)

    def _tile_arrived(self, key: TileKey) -> None:
        if self.source is not None and key[0] <= self.level() + 2:
            self.update()

    def is_sharp(self) -> bool:
        """Every tile the current zoom needs is on screen (or the overview is already that sharp)."""
        if self.source is None:
            return False
        level = self.level()
        return level >= self.overview_level or all(self.loader.has(k) for k in self.tiles_for(level))

    # -- mouse ------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = self.to_image(event.position())
        if event.button() == Qt.MouseButton.LeftButton:
            if self.host is not None and self.host.tool_press(point):
                self._drag = "tool"
            else:
                self._drag = "pan"
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif event.button() == Qt.MouseButton.RightButton and self.host is not None:
            self.host.context_at(point, event.globalPosition().toPoint())
        self._last = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        if self._drag == "pan":
            d = pos - self._last
            self.pan_by(d.x(), d.y())
        elif self._drag == "tool":
            self.host.tool_move(self.to_image(event.position()))
        self._last = pos

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag == "tool":
            self.host.tool_release(self.to_image(event.position()))
        self._drag = None
        self.unsetCursor()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self._wheel_rest += event.angleDelta().y()
        notches = math.trunc(self._wheel_rest / 120)  # high-resolution wheels send parts of a notch
        self._wheel_rest -= notches * 120
        if notches:
            self.zoom_by(ZOOM_STEP ** notches, event.position())
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.update()
