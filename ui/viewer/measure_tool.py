"""Length (L), angle (A) and ellipse ROI (E) on the viewer's canvas; Esc cancels, Delete removes.

Measurements are kept per slice (the viewer's Key) in image coordinates, so they follow zoom and pan.
A tool draws with the left button: length and ellipse by a drag (or two clicks), angle by a drag for the
first arm and a click for the second (or three clicks). Without a tool, a left click near a measurement
selects it. The values come from app.imaging.measure: millimetres only with Pixel Spacing; otherwise
pixels, labelled "uncalibrated"; ellipse statistics on the modality values (HU for CT).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.i18n import QT_TRANSLATE_NOOP
from app.imaging import measure as m
from app.imaging.dicom_display import Frame, spacing

LENGTH_MM = QT_TRANSLATE_NOOP("ImageViewer", "{value} mm")
LENGTH_PX = QT_TRANSLATE_NOOP("ImageViewer", "{value} px (uncalibrated)")
ANGLE = QT_TRANSLATE_NOOP("ImageViewer", "{value}°")
STATS = QT_TRANSLATE_NOOP("ImageViewer", "Mean {mean}  SD {sd} {unit}")
RANGE = QT_TRANSLATE_NOOP("ImageViewer", "Min {min}  Max {max}")
AREA_MM = QT_TRANSLATE_NOOP("ImageViewer", "Area {value} mm²")
AREA_PX = QT_TRANSLATE_NOOP("ImageViewer", "Area {value} px² (uncalibrated)")
MODE_LENGTH = QT_TRANSLATE_NOOP("ImageViewer", "Length: drag on the image (Esc cancels).")
MODE_ANGLE = QT_TRANSLATE_NOOP("ImageViewer", "Angle: drag the first arm, then click the end of the second.")
MODE_ELLIPSE = QT_TRANSLATE_NOOP("ImageViewer", "Ellipse: drag from corner to corner.")
WAIT = QT_TRANSLATE_NOOP("ImageViewer", "Wait until the image is shown, then measure.")

POINTS = {"length": 2, "angle": 3, "ellipse": 2}
MEASURE_TOOLS = tuple(POINTS)  # also the names of their toolbar buttons
HIT = 8.0  # screen pixels
DRAG = 3.0  # screen pixels: less than this between press and release is a click


def tr(text: str) -> str:
    return QCoreApplication.translate("ImageViewer", text)


@dataclass
class Measurement:
    kind: str  # "length" | "angle" | "ellipse" (as ImageAnnotation.kind)
    points: list[tuple[float, float]]  # image coordinates (x = column, y = row)
    lines: list[str] = field(default_factory=list)  # the label
    value: float = math.nan  # length (mm or px), angle (°) or mean (modality unit)
    unit: str = ""  # "mm" | "px" | "°" | "HU" | ...
    stats: m.EllipseStats | None = None
    saved_id: int | None = None  # its ImageAnnotation, once saved with the case

    def geometry(self) -> dict:
        """What an ImageAnnotation stores (geometry JSON)."""
        if self.kind == "ellipse":
            (cx, cy), (rx, ry) = ellipse_of(self.points)
            return {"centre": [cx, cy], "radii": [rx, ry]}
        return {"points": [list(p) for p in self.points]}


def ellipse_of(points) -> tuple[tuple[float, float], tuple[float, float]]:
    (x0, y0), (x1, y1) = points[0], points[-1]
    return ((x0 + x1) / 2, (y0 + y1) / 2), (abs(x1 - x0) / 2, abs(y1 - y0) / 2)


def _fmt(value: float, digits: int = 1) -> str:
    return "—" if value is None or not math.isfinite(value) else f"{value:.{digits}f}"


class MeasureTool:
    def __init__(self, viewer) -> None:
        self.viewer = viewer
        self.mode: str | None = None
        self.by_key: dict = {}  # Key -> list[Measurement]
        self.selected: Measurement | None = None
        self.pending: list[tuple[float, float]] = []
        self._pending_key = None
        self._press_screen: QPointF | None = None

    # -- state ------------------------------------------------------------------------------------

    @property
    def canvas(self):
        return self.viewer.canvas

    def current(self) -> list[Measurement]:
        key = self.viewer.current_key
        return self.by_key.get(key, []) if key is not None else []

    def set_mode(self, mode: str | None) -> None:
        self.cancel()
        self.mode = mode if mode in POINTS else None
        self.canvas.setMouseTracking(self.mode is not None)
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if self.mode else Qt.CursorShape.ArrowCursor)
        for name in MEASURE_TOOLS:
            button = getattr(self.viewer, "buttons", {}).get(name)
            if button is not None:
                button.setChecked(name == self.mode)
        text = {"length": MODE_LENGTH, "angle": MODE_ANGLE, "ellipse": MODE_ELLIPSE}.get(self.mode or "")
        self.viewer.status.setText(tr(text) if text else "")

    def toggle(self, mode: str) -> None:
        """The tool's key or button: on, or off if it is the one in use."""
        self.set_mode(None if self.mode == mode else mode)

    def cancel(self) -> bool:
        """Drop the measurement being drawn; True if there was one."""
        had = bool(self.pending)
        self.pending, self._pending_key, self._press_screen = [], None, None
        self.canvas.update()
        return had

    def escape(self) -> None:
        """Esc: cancel the drawing; a second Esc leaves the tool."""
        if not self.cancel() and self.mode is not None:
            self.set_mode(None)

    def delete_selected(self) -> bool:
        from ui.viewer import saved_measurements

        for key, items in self.by_key.items():
            if self.selected is not None and any(x is self.selected for x in items):
                gone = self.selected
                items[:] = [x for x in items if x is not gone]
                self.selected = None
                self.canvas.update()
                saved_measurements.deleted(self.viewer, key, gone)
                return True
        return False

    def clear(self) -> None:
        self.by_key.clear()
        self.selected = None
        self.cancel()

    # -- coordinates ------------------------------------------------------------------------------

    def to_image(self, pos: QPointF) -> tuple[float, float]:
        inverse, _ok = self.canvas.view_transform().inverted()
        q = inverse.map(QPointF(pos))
        return (q.x(), q.y())

    def to_screen(self, point) -> QPointF:
        return self.canvas.view_transform().map(QPointF(point[0], point[1]))

    # -- mouse (the canvas calls these; True means handled) -----------------------------------------

    def press(self, pos: QPointF) -> bool:
        if self.mode is None:
            self._select_at(pos)
            return False  # the press still pans
        if not self.viewer.is_loaded() or self.canvas.image is None:
            self.viewer.status.setText(tr(WAIT))
            return True
        key = self.viewer.current_key
        point = self.to_image(pos)
        self._press_screen = QPointF(pos)
        if not self.pending or self._pending_key != key:
            self.pending, self._pending_key = [point, point], key
        else:
            self.pending[-1] = point
            if len(self.pending) >= POINTS[self.mode]:
                self._finish()
            else:
                self.pending.append(point)
        self.canvas.update()
        return True

    def move(self, pos: QPointF) -> bool:
        if self.mode is None:
            return False
        if self.pending and self._pending_key == self.viewer.current_key:
            self.pending[-1] = self.to_image(pos)
            self.canvas.update()
        return True

    def release(self, pos: QPointF) -> bool:
        if self.mode is None:
            return False
        start, self._press_screen = self._press_screen, None
        if not self.pending or start is None:
            return True
        self.pending[-1] = self.to_image(pos)
        dragged = math.hypot(pos.x() - start.x(), pos.y() - start.y()) >= DRAG
        if dragged:
            if len(self.pending) >= POINTS[self.mode]:
                self._finish()
            else:
                self.pending.append(self.pending[-1])
        self.canvas.update()
        return True

    def _select_at(self, pos: QPointF) -> None:
        best, best_d = None, HIT
        for item in self.current():
            for p in item.points:
                q = self.to_screen(p)
                d = math.hypot(q.x() - pos.x(), q.y() - pos.y())
                if d <= best_d:
                    best, best_d = item, d
        if best is not None or self.selected is not None:
            self.selected = best
            self.canvas.update()

    # -- computing --------------------------------------------------------------------------------

    def _finish(self) -> None:
        key, points, mode = self._pending_key, list(self.pending), self.mode
        self.pending, self._pending_key = [], None
        item = self.measure(mode, points)
        if item is None:
            return
        self.by_key.setdefault(key, []).append(item)
        self.selected = item
        self.viewer.status.setText("  ".join(item.lines))
        from ui.viewer import saved_measurements

        saved_measurements.save(self.viewer, key, item)

    def measure(self, kind: str, points, key=None) -> Measurement | None:
        """A measurement of the slice `key` (default: on screen) with its value and label."""
        item = self.viewer.loader.get(self.viewer.current_key if key is None else key)
        frame = item if isinstance(item, Frame) else None
        sp = m.calibrated_spacing(spacing(frame.header)) if frame is not None else None
        out = Measurement(kind, [tuple(map(float, p)) for p in points])
        if kind == "length":
            value = m.length(points[0], points[1], sp)
            out.value, out.unit = value, m.MM if sp else m.PX
            out.lines = [tr(LENGTH_MM if sp else LENGTH_PX).format(value=_fmt(value))]
        elif kind == "angle":
            # angles do not depend on scale; an uncalibrated (detector) spacing still gives the pixel aspect
            aspect = sp
            if aspect is None and frame is not None:
                raw = spacing(frame.header)
                aspect = (raw.row_mm, raw.col_mm) if raw.row_mm else None
            value = m.angle(points[0], points[1], points[2], aspect)
            out.value, out.unit = value, "°"
            out.lines = [tr(ANGLE).format(value=_fmt(value))]
        elif kind == "ellipse":
            centre, radii = ellipse_of(points)
            if radii[0] <= 0 or radii[1] <= 0:
                return None
            values = m.modality_values(frame) if frame is not None else None
            if values is None and isinstance(item, np.ndarray) and item.ndim == 2:
                values = item.astype(np.float64)  # a grey photo: grey levels
            shape = values.shape if values is not None else tuple(getattr(item, "pixels", item).shape[:2])
            stats = m.ellipse_stats(values, centre, radii, sp, shape=shape)
            unit = m.value_unit(frame) if frame is not None else ""
            out.stats, out.value, out.unit = stats, stats.mean, unit
            if values is not None:
                out.lines = [tr(STATS).format(mean=_fmt(stats.mean), sd=_fmt(stats.sd), unit=unit).rstrip(),
                             tr(RANGE).format(min=_fmt(stats.minimum), max=_fmt(stats.maximum))]
            out.lines.append(tr(AREA_MM if sp else AREA_PX).format(value=_fmt(stats.area)))
        else:
            return None
        return out

    # -- painting (the canvas calls this after the image) ------------------------------------------

    def paint(self, p: QPainter) -> None:
        if self.canvas.image is None or not self.viewer.is_loaded():
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for item in self.current():
            if not item.lines:  # saved earlier: its label is worked out once its slice is decoded
                fresh = self.measure(item.kind, item.points)
                if fresh is not None:
                    item.lines, item.value, item.unit, item.stats = fresh.lines, fresh.value, fresh.unit, fresh.stats
            self._draw(p, item.kind, item.points, item.lines, "#ffd43b" if item is self.selected else "#69db7c")
        if self.pending and self._pending_key == self.viewer.current_key:
            self._draw(p, self.mode, self.pending, [], "#74c0fc")
        p.restore()

    def _draw(self, p: QPainter, kind: str, points, lines: list[str], colour: str) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(1.5)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        screen = [self.to_screen(pt) for pt in points]
        if kind == "ellipse":  # drawn in image coordinates under the view's transform (turns, flips)
            (x0, y0), (x1, y1) = points[0], points[-1]
            p.save()
            p.setTransform(self.canvas.view_transform())
            cosmetic = QPen(pen)
            cosmetic.setCosmetic(True)
            p.setPen(cosmetic)
            p.drawEllipse(QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized())
            p.restore()
            corners = [self.to_screen(c) for c in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
            anchor = QPointF(max(c.x() for c in corners) + 6,
                             min(c.y() for c in corners) + p.fontMetrics().ascent())
        else:
            for a, b in zip(screen, screen[1:], strict=False):
                p.drawLine(a, b)
            for q in screen:
                p.drawEllipse(q, 2.5, 2.5)
            anchor = QPointF(screen[-1].x() + 8, screen[-1].y() - 4)
        if not lines:
            return
        height = p.fontMetrics().height()
        for i, line in enumerate(lines):
            at = QPointF(anchor.x(), anchor.y() + i * height)
            p.setPen(QColor(0, 0, 0, 220))
            p.drawText(at + QPointF(1, 1), line)
            p.setPen(QColor(colour))
            p.drawText(at, line)
