"""ImageViewer: a DICOM series (or one image, or a photo) for the meeting, decoded off the GUI thread.

    viewer = ImageViewer(session, case_id); viewer.open_series(series.attachment_ids)

Stack scroll by wheel, Up/Down, Page Up/Down (one slice per step; every step is painted, none skipped),
Home/End; window/level by right-drag (horizontal: width, vertical: level) or a preset; zoom (Ctrl+wheel,
+/-), pan (left-drag), fit (F), 1:1 (1); invert (I); overlay (O; never the patient's identity); key image
(K, with the window on screen); export to PNG (Ctrl+E) and to the clipboard (Ctrl+C);
length (L), angle (A), ellipse ROI (E), saved with the case; Esc cancels, Delete removes the selected one,
Ctrl+Z brings it back (measure_tool, saved_measurements); cine (C), rotate (R, Shift+R), flip (H)
(playback); the case's series beside the image (B; [ and ] step through them, series_browser); side by side
with linked scrolling (S, Ctrl+L; compare). The GUI thread only re-windows an already decoded frame
(app.imaging.dicom_display.display) and paints; decoding is the loader's.
"""

from __future__ import annotations

from collections import deque

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from app.config import load_settings
from app.imaging import dicom_display as dd
from app.imaging.byte_cache import cap_from_setting
from app.imaging.presets import FILE
from app.imaging.series_geometry import gaps
from app.security.permissions import allowed
from ui import ops
from ui.errors import describe
from ui.qt_compat import emit
from ui.viewer import compare, marking, saved_measurements
from ui.viewer.canvas import ZOOM_STEP, Canvas
from ui.viewer.loader import Key, SliceLoader
from ui.viewer.measure_tool import MeasureTool
from ui.viewer.playback import Cine, handle_key
from ui.viewer.toolbar import build_preset_combo, build_toolbar, lay_out


def to_qimage(array: np.ndarray) -> QImage:
    """An RGB32 image (the format Qt's raster engine scales and paints fastest; grey 8-bit is ~4× slower)
    sharing the memory of `array` (uint32 0xFFRRGGBB), which it keeps alive; 8-bit arrays are converted."""
    array = np.ascontiguousarray(array if array.dtype == np.uint32 else dd.to_rgb32(array))
    h, w = array.shape[:2]
    image = QImage(array.data, w, h, array.strides[0], QImage.Format.Format_RGB32)
    image._pixels = array  # noqa: SLF001 - the buffer must live as long as the image
    return image


def slice_position(header) -> float | None:
    ipp, iop = header.get("ImagePositionPatient"), header.get("ImageOrientationPatient")
    try:
        normal = np.cross(np.array(iop[:3], float), np.array(iop[3:6], float))
        return float(np.dot(normal, np.array(ipp[:3], float)))
    except (TypeError, ValueError, IndexError):
        return None


class ImageViewer(QWidget):
    sliceShown = Signal(int)  # the index now on screen with its own pixels (not a neighbour while loading)
    indexChanged = Signal(int)  # the slice asked for changed (linked panes follow)
    windowChanged = Signal()  # window or preset changed by the user (linked panes follow)
    keyImageAdded = Signal(int)  # key image id
    failed = Signal(str)

    def __init__(self, session, case_id: int, parent: QWidget | None = None, *, pane: bool = False):
        super().__init__(parent)
        self.setObjectName("imageViewerPane" if pane else "imageViewer")
        self.setWindowTitle(self.tr("Image viewer"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session, self.case_id, self.is_pane = session, case_id, pane
        self.can_mark = allowed(session.actor, "attachment.add")
        self.slices: list[Key] = []
        self.positions: list[float | None] = []  # per slice, from import (mm along the normal)
        self.gaps: list = []  # app.imaging.series_geometry.Gap
        self.attachment_ids: tuple[int, ...] = ()
        self.index = 0
        self.direction = 1
        self.window: tuple[float, float] | None = None  # (center, width) set by a drag; else the preset
        self.preset = FILE
        self.invert = False
        self.painted: deque[tuple[int, bool]] = deque(maxlen=5000)  # (index, its own pixels) per paint
        self.shown_window: dd.Window | None = None
        self.key_marks: set[Key] = set()
        self.sources_error: BaseException | None = None
        self.host: ImageViewer | None = None  # the main viewer, for a side-by-side pane
        self.partner: ImageViewer | None = None
        self.link: compare.PaneLink | None = None
        self.active: ImageViewer = self
        self._memo: tuple | None = None
        self._drag_start: tuple[float, float, float] | None = None
        self._opened = 0
        self.cine = Cine(self)
        self.loader = SliceLoader(self, self._decode_photo, self._loaded, self._failed)
        self.loader.cache.set_cap(cap_from_setting(load_settings(session.data_dir).get("image_cache_mb")))

        self.canvas = Canvas(self, self)
        self.canvas.on_paint = self._painted
        self.measure = MeasureTool(self)
        self.canvas.tool = self.measure
        self.preset_combo = build_preset_combo(self)
        self.status = QLabel()
        self.status.setObjectName("viewerStatus")
        self.browser = None
        if not pane:
            from ui.viewer.series_browser import SeriesBrowser

            self.browser = SeriesBrowser(session, case_id, self)
            self.browser.chosen.connect(lambda row: self.active.open_series(list(row.attachment_ids)))
            self.browser.loaded.connect(self._highlight_series)
        self.buttons = build_toolbar(self)
        lay_out(self)  # buttons above the image; status, measuring tools and cine below it
        if not pane:
            self.resize(1000, 760)
            self.browser.load()
        marking.load_key_marks(self)

    # -- opening ----------------------------------------------------------------------------------

    def open_series(self, attachment_ids: list[int]) -> None:
        """Show the slices `attachment_ids` (anatomical order, as the browse service gives it)."""
        self._open([int(a) for a in attachment_ids])

    def open_attachment(self, attachment_id: int) -> None:
        """One attachment: a DICOM image (every frame of a multi-frame file) or a photo."""
        self._open([int(attachment_id)])

    def _open(self, ids: list[int]) -> None:
        self.cine.stop()
        self.loader.reset()
        self._opened += 1
        self.attachment_ids = tuple(ids)
        self.slices, self.index, self.direction = [(a, 0) for a in ids], 0, 1
        self.positions, self.gaps, self.sources_error = [None] * len(ids), [], None
        self._memo = None
        self.measure.clear()
        self.canvas.quarter, self.canvas.flipped = 0, False
        self.canvas.set_fit()
        (self.host or self)._highlight_series()
        opened, ctx, actor = self._opened, self.session.ctx, self.session.actor

        def arrived(sources) -> None:
            if opened == self._opened:
                self._sources_arrived(sources)

        def failed(exc: BaseException) -> None:
            if opened == self._opened:
                self.sources_error = exc
                self._show()

        ops.run(lambda: ctx.image_sources.sources(actor, ids), arrived, failed, owner=self)
        self._show()

    def _sources_arrived(self, sources) -> None:
        self.loader.set_sources(sources)
        by_id = {s.attachment_id: s for s in sources}
        if len(self.slices) == 1 and self.slices[0][0] in by_id and by_id[self.slices[0][0]].frames > 1:
            self.slices = [(self.slices[0][0], f) for f in range(by_id[self.slices[0][0]].frames)]
            self.positions = [None] * len(self.slices)  # a multi-frame file: its frames are the stack
        else:
            self.positions = [by_id[a].slice_position if a in by_id else None for a, _ in self.slices]
        self.gaps = gaps(self.positions)
        saved_measurements.load(self)
        self._show()
        compare.opened(self.host or self, self)

    def _highlight_series(self) -> None:
        if self.browser is not None:
            self.browser.highlight(self.browser.uid_of(self.active.attachment_ids))

    @property
    def count(self) -> int:
        return len(self.slices)

    @property
    def current_key(self) -> Key | None:
        return self.slices[self.index] if self.slices else None

    def is_loaded(self) -> bool:
        """The slice asked for is on screen with its own pixels."""
        return self.loader.has(self.current_key)

    def _decode_photo(self, key: Key):
        """On the ops worker: a photo (or anything not DICOM) through the render service."""
        return np.asarray(self.session.ctx.rendering.render_attachment(self.session.actor, key[0]))

    def _loaded(self, key: Key, item) -> None:
        if key == self.current_key:  # others change nothing on screen: no repaint per background decode
            self._show()

    def _failed(self, key: Key, exc: BaseException) -> None:
        if key == self.current_key:
            self._show()

    # -- scrolling --------------------------------------------------------------------------------

    def step(self, n: int) -> None:
        """Move |n| slices, one at a time, painting each (a fast wheel never skips a slice)."""
        sign = 1 if n > 0 else -1
        for _ in range(abs(n)):
            if not 0 <= self.index + sign < self.count:
                break
            self.direction = sign
            self.index += sign
            self._show()
            emit(self.indexChanged, self.index)

    def go_to(self, index: int) -> None:
        if not self.slices:
            return
        index = max(0, min(self.count - 1, index))
        if index != self.index:
            self.direction = 1 if index > self.index else -1
            self.index = index
            self._show()
            emit(self.indexChanged, self.index)

    def _nearest_loaded(self) -> Key | None:
        for d in range(1, min(self.count, 64)):
            for i in (self.index - d * self.direction, self.index + d * self.direction):
                if 0 <= i < self.count and self.loader.has(self.slices[i]):
                    return self.slices[i]
        return None

    def _show(self) -> None:
        """Put the current slice (or, while it decodes, its nearest decoded neighbour) on screen now."""
        key = self.current_key
        if key is None:
            return
        self.loader.want(self.slices, self.index, self.direction)
        own = self.loader.has(key)
        error = self.loader.failed.get(key) or self.sources_error
        source = key if own else (None if error else self._nearest_loaded())
        self.canvas.message = describe(error)[0] if error else ""
        self.canvas.image = self.picture(source) if source is not None else None
        self._update_overlay(loading=not own and error is None)
        self.canvas.repaint() if self.canvas.isVisible() else self.canvas.update()
        if own:
            emit(self.sliceShown, self.index)
        elif error is not None:
            emit(self.failed, self.canvas.message)

    def _painted(self) -> None:
        if self.slices:
            self.painted.append((self.index, self.loader.has(self.current_key)))

    # -- window / level ---------------------------------------------------------------------------

    def picture(self, key: Key | None) -> QImage | None:
        memo = (key, self.window, self.preset, self.invert)
        if self._memo is not None and self._memo[0] == memo:
            self.shown_window = self._memo[2]
            return self._memo[1]
        item = self.loader.get(key)
        if item is None:
            return None
        if isinstance(item, np.ndarray):  # a photo: shown as it is (inverted on request)
            image, win = to_qimage(255 - item if self.invert else item), None
        else:
            try:
                shown = dd.display(item, window=self.window, preset=None if self.window else self.preset,
                                   invert=self.invert, rgb32=True)
            except Exception as e:  # a header the pipeline cannot follow: say so, do not crash
                self.canvas.message = describe(e)[0]
                return None
            image, win = to_qimage(shown.array), shown.window
        self._memo = (memo, image, win)
        self.shown_window = win
        return image

    def current_frame(self):
        item = self.loader.get(self.current_key)
        return item if isinstance(item, dd.Frame) else None

    def current_window(self) -> tuple[float, float] | None:
        """(center, width) of what is on screen, None for colour shown as stored, photos and VOI LUTs."""
        w = self.shown_window
        return (w.center, w.width) if w is not None and w.kind == "window" else None

    def set_window(self, center: float, width: float) -> None:
        self.window = (float(center), max(1e-3, float(width)))
        self.preset_combo.setCurrentIndex(-1)
        self._show()
        emit(self.windowChanged)

    def set_preset(self, code: str) -> None:
        self.window, self.preset = None, code
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(code)))
        self._show()
        emit(self.windowChanged)

    def window_drag_started(self) -> None:
        frame = self.current_frame()
        if frame is None:
            self._drag_start = None
            return
        lo, hi = frame.value_range
        center, width = self.current_window() or ((lo + hi) / 2, max(hi - lo, 1.0))
        self._drag_start = (center, width, max((hi - lo) / 512, 0.05))

    def window_dragged(self, dx: int, dy: int) -> None:
        if self._drag_start is not None:
            center, width, per_pixel = self._drag_start
            self.set_window(center + dy * per_pixel, max(per_pixel, width + dx * per_pixel))

    def toggle_invert(self) -> None:
        self.invert = not self.invert
        self._show()

    def toggle_overlay(self) -> None:
        self.canvas.overlay_visible = not self.canvas.overlay_visible
        self.canvas.update()

    # -- overlay, panes -----------------------------------------------------------------------------

    def refresh_overlay(self, loading: bool | None = None) -> None:
        self._update_overlay(loading=not self.is_loaded() if loading is None else loading)
        self.canvas.update()

    def _update_overlay(self, loading: bool = False) -> None:
        from ui.viewer.overlay import overlay_lines

        overlay_lines(self, loading)

    def focusInEvent(self, event) -> None:  # noqa: N802
        if self.host is not None:
            compare.set_active(self.host, self)
        elif self.partner is not None:
            compare.set_active(self, self)
        super().focusInEvent(event)

    # -- key images, export (ui.viewer.marking) ----------------------------------------------------

    def mark_key_image(self) -> None:
        marking.mark_key_image(self)

    def current_image(self) -> QImage | None:
        return marking.current_image(self)

    def export_png(self, path=None):
        return marking.export_png(self, path)

    def copy_to_clipboard(self) -> bool:
        return marking.copy_to_clipboard(self)

    # -- keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        K = Qt.Key
        main = self.host or self
        if handle_key(self, event):  # cine, turn/flip, measuring tools (ui.viewer.playback)
            pass
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_to_clipboard()
        elif event.matches(QKeySequence.StandardKey.Undo):
            saved_measurements.undo_delete(self)
        elif ctrl and key == K.Key_E:
            self.export_png()
        elif ctrl and key == K.Key_L:
            compare.toggle_link(main)
        elif key in (K.Key_Up, K.Key_PageUp):
            self.step(-1)
        elif key in (K.Key_Down, K.Key_PageDown):
            self.step(1)
        elif key == K.Key_Home:
            self.go_to(0)
        elif key == K.Key_End:
            self.go_to(self.count - 1)
        elif key in (K.Key_Plus, K.Key_Equal):
            self.canvas.zoom(ZOOM_STEP)
        elif key == K.Key_Minus:
            self.canvas.zoom(1 / ZOOM_STEP)
        elif key == K.Key_F:
            self.canvas.set_fit()
        elif key == K.Key_1:
            self.canvas.set_actual_size()
        elif key == K.Key_I:
            self.toggle_invert()
        elif key == K.Key_O:
            self.toggle_overlay()
        elif key == K.Key_K and not event.isAutoRepeat():
            self.mark_key_image()
        elif key == K.Key_S and not ctrl:
            compare.toggle_side_by_side(main)
        elif key == K.Key_B and main.browser is not None:
            main.browser.toggle()
        elif key in (K.Key_BracketLeft, K.Key_BracketRight) and main.browser is not None:
            row = main.browser.neighbour(1 if key == K.Key_BracketRight else -1)
            if row is not None:
                self.open_series(list(row.attachment_ids))
        else:
            super().keyPressEvent(event)
            return
        event.accept()
