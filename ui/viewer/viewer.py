"""ImageViewer: a DICOM series (or one image, or a photo) for the meeting, decoded off the GUI thread.

    viewer = ImageViewer(session, case_id); viewer.open_series(series.attachment_ids)

Stack scroll by wheel, Up/Down, Page Up/Down (one slice per step; every step is painted, none skipped),
Home/End; window/level by right-drag (horizontal: width, vertical: level) or a preset; zoom (Ctrl+wheel,
+/-), pan (left-drag), fit (F), 1:1 (1); invert (I); overlay (O; never the patient's identity); key image
(K, with the window on screen); export to PNG (Ctrl+E) and to the clipboard (Ctrl+C);
length (L), angle (A), ellipse ROI (E), Esc cancels, Delete removes the selected one (measure_tool);
cine (C; +/- its rate while it plays), rotate (R, Shift+R), flip (H) in playback. The GUI thread only
re-windows an already decoded frame (app.imaging.dicom_display.display) and paints.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QWidget

from app.imaging import dicom_display as dd
from app.imaging.presets import FILE, FULL, PRESETS
from app.security.permissions import allowed
from ui import ops
from ui.errors import describe, show_error
from ui.qt_compat import emit
from ui.viewer.canvas import ZOOM_STEP, Canvas
from ui.viewer.loader import DEFAULT_CAP, Key, SliceLoader
from ui.viewer.measure_tool import MeasureTool
from ui.viewer.playback import Cine, handle_key
from ui.viewer.toolbar import build_toolbar, lay_out


def to_qimage(array: np.ndarray) -> QImage:
    array = np.ascontiguousarray(array)
    h, w = array.shape[:2]
    fmt = QImage.Format.Format_RGB888 if array.ndim == 3 else QImage.Format.Format_Grayscale8
    return QImage(array.data, w, h, array.strides[0], fmt).copy()


def slice_position(header) -> float | None:
    ipp, iop = header.get("ImagePositionPatient"), header.get("ImageOrientationPatient")
    try:
        normal = np.cross(np.array(iop[:3], float), np.array(iop[3:6], float))
        return float(np.dot(normal, np.array(ipp[:3], float)))
    except (TypeError, ValueError, IndexError):
        return None


class ImageViewer(QWidget):
    sliceShown = Signal(int)  # the index now on screen with its own pixels (not a neighbour while loading)
    keyImageAdded = Signal(int)  # key image id
    failed = Signal(str)

    def __init__(self, session, case_id: int, parent: QWidget | None = None, *, cache_bytes: int = DEFAULT_CAP):
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setWindowTitle(self.tr("Image viewer"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session, self.case_id = session, case_id
        self.can_mark = allowed(session.actor, "attachment.add")
        self.slices: list[Key] = []
        self.kinds: dict[int, str] = {}
        self.index = 0
        self.direction = 1
        self.window: tuple[float, float] | None = None  # (center, width) set by a drag; else the preset
        self.preset = FILE
        self.invert = False
        self.painted: deque[tuple[int, bool]] = deque(maxlen=5000)  # (index, its own pixels) per paint
        self.shown_window: dd.Window | None = None
        self.key_marks: set[Key] = set()
        self._memo: tuple | None = None
        self._drag_start: tuple[float, float, float] | None = None
        self.cine = Cine(self)
        self.loader = SliceLoader(self, self._decode, self._loaded, self._failed, cache_bytes)

        self.canvas = Canvas(self, self)
        self.canvas.on_paint = self._painted
        self.measure = MeasureTool(self)
        self.canvas.tool = self.measure
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("presetCombo")
        self.preset_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preset_combo.setToolTip(self.tr("Window presets; right-drag on the image changes the window"))
        for code, name in self.preset_names().items():
            self.preset_combo.addItem(name, code)
        self.preset_combo.activated.connect(lambda i: self.set_preset(self.preset_combo.itemData(i)))
        self.status = QLabel()
        self.status.setObjectName("viewerStatus")
        self.buttons = build_toolbar(self)
        lay_out(self)  # buttons above the image; status, measuring tools and cine below it
        self.resize(1000, 760)
        self._load_key_marks()

    def preset_names(self) -> dict[str, str]:
        names = {FILE: self.tr("File window"), FULL: self.tr("Full range"), "lung": self.tr("Lung"),
                 "mediastinum": self.tr("Mediastinum"), "soft_tissue": self.tr("Soft tissue"),
                 "bone": self.tr("Bone"), "brain": self.tr("Brain"), "liver": self.tr("Liver"),
                 "abdomen": self.tr("Abdomen")}
        return {code: f"{names.get(code, code)} {PRESETS[code][0]:g}/{PRESETS[code][1]:g}" if code in PRESETS
                else names[code] for code in (FILE, FULL, *PRESETS)}

    # -- opening ----------------------------------------------------------------------------------

    def open_series(self, attachment_ids: list[int]) -> None:
        """Show the slices `attachment_ids` (anatomical order, as the browse service gives it)."""
        self._open([(int(a), 0) for a in attachment_ids], "dicom")

    def open_attachment(self, attachment_id: int) -> None:
        """One attachment: a DICOM image (every frame of a multi-frame file) or a photo."""
        self._open([(int(attachment_id), 0)], None)

    def _open(self, slices: list[Key], kind: str | None) -> None:
        self.cine.stop()
        self.loader.reset()
        self.slices, self.index, self.direction = slices, 0, 1
        self.kinds = {aid: kind for aid, _ in slices} if kind else {}
        self._memo = None
        self.measure.clear()
        self.canvas.quarter, self.canvas.flipped = 0, False
        self.canvas.set_fit()
        self._show()

    @property
    def count(self) -> int:
        return len(self.slices)

    @property
    def current_key(self) -> Key | None:
        return self.slices[self.index] if self.slices else None

    def is_loaded(self) -> bool:
        """The slice asked for is on screen with its own pixels."""
        return self.current_key is not None and self.current_key in self.loader.cache

    def _decode(self, key: Key):
        """On the worker: a Frame for DICOM, an RGB/grey array for a photo."""
        ctx, actor = self.session.ctx, self.session.actor
        aid, frame = key
        kind = self.kinds.get(aid)
        if kind is None:
            rows = ctx.attachment_browse.list_for_case(actor, self.case_id)
            kind = next((r.kind for r in rows if r.id == aid), "dicom")
        if kind == "photo":
            return np.asarray(ctx.rendering.render_attachment(actor, aid))
        return ctx.rendering.load_frame(actor, aid, frame)

    def _loaded(self, key: Key, item) -> None:
        aid, frame = key
        self.kinds.setdefault(aid, "photo" if isinstance(item, np.ndarray) else "dicom")
        if isinstance(item, dd.Frame) and item.count > 1 and self.slices == [(aid, 0)]:
            self.slices = [(aid, f) for f in range(item.count)]  # a multi-frame file: its frames are the stack
        if key == self.current_key:
            self._show()
        else:
            self._update_overlay()
            self.canvas.update()

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

    def go_to(self, index: int) -> None:
        if not self.slices:
            return
        index = max(0, min(self.count - 1, index))
        if index != self.index:
            self.direction = 1 if index > self.index else -1
            self.index = index
            self._show()

    def _nearest_loaded(self) -> Key | None:
        for d in range(1, self.count):
            for i in (self.index - d * self.direction, self.index + d * self.direction):
                if 0 <= i < self.count and self.slices[i] in self.loader.cache:
                    return self.slices[i]
        return None

    def _show(self) -> None:
        """Put the current slice (or, while it decodes, its nearest decoded neighbour) on screen now."""
        key = self.current_key
        if key is None:
            return
        self.loader.want(self.slices, self.index, self.direction)
        own = key in self.loader.cache
        error = self.loader.failed.get(key)
        source = key if own else (None if error else self._nearest_loaded())
        self.canvas.message = describe(error)[0] if error else ""
        self.canvas.image = self._picture(source) if source is not None else None
        self._update_overlay(loading=not own and error is None)
        self.canvas.repaint() if self.canvas.isVisible() else self.canvas.update()
        if own:
            emit(self.sliceShown, self.index)
        elif error is not None:
            emit(self.failed, self.canvas.message)

    def _painted(self) -> None:
        if self.slices:
            self.painted.append((self.index, self.current_key in self.loader.cache))

    # -- window / level ---------------------------------------------------------------------------

    def _picture(self, key: Key) -> QImage | None:
        memo = (key, self.window, self.preset, self.invert)
        if self._memo is not None and self._memo[0] == memo:
            self.shown_window = self._memo[2]
            return self._memo[1]
        item = self.loader.cache.get(key)
        if item is None:
            return None
        if isinstance(item, np.ndarray):  # a photo: shown as it is (inverted on request)
            image, win = to_qimage(255 - item if self.invert else item), None
        else:
            try:
                shown = dd.display(item, window=self.window, preset=None if self.window else self.preset,
                                   invert=self.invert)
            except Exception as e:  # a header the pipeline cannot follow: say so, do not crash
                self.canvas.message = describe(e)[0]
                return None
            image, win = to_qimage(shown.array), shown.window
        self._memo = (memo, image, win)
        self.shown_window = win
        return image

    def current_frame(self):
        item = self.loader.cache.get(self.current_key) if self.current_key else None
        return item if isinstance(item, dd.Frame) else None

    def current_window(self) -> tuple[float, float] | None:
        """(center, width) of what is on screen, None for colour shown as stored, photos and VOI LUTs."""
        w = self.shown_window
        return (w.center, w.width) if w is not None and w.kind == "window" else None

    def set_window(self, center: float, width: float) -> None:
        self.window = (float(center), max(1e-3, float(width)))
        self.preset_combo.setCurrentIndex(-1)
        self._show()

    def set_preset(self, code: str) -> None:
        self.window, self.preset = None, code
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(code)))
        self._show()

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

    # -- overlay ----------------------------------------------------------------------------------

    def refresh_overlay(self) -> None:
        self._update_overlay(loading=not self.is_loaded())
        self.canvas.update()

    def _update_overlay(self, loading: bool = False) -> None:
        from ui.viewer.overlay import overlay_lines

        overlay_lines(self, loading)

    # -- key images, export -----------------------------------------------------------------------

    def _load_key_marks(self) -> None:
        ki, actor, case_id = self.session.ctx.key_images, self.session.actor, self.case_id

        def arrived(records) -> None:
            self.key_marks = {(r.attachment_id, r.frame) for r in records}
            self._update_overlay(loading=not self.is_loaded())
            self.canvas.update()

        ops.run(lambda: ki.list_for_case(actor, case_id), arrived, lambda _exc: None, owner=self)

    def mark_key_image(self) -> None:
        """Save the slice on screen as a key image of the case, with the window/level on screen."""
        key = self.current_key
        if not self.can_mark:
            self.status.setText(self.tr("Your role cannot mark key images."))
            return
        if key is None or not self.is_loaded():
            self.status.setText(self.tr("Wait until the image is shown, then mark it."))
            return
        window = self.current_window()
        center, width = window if window else (None, None)
        ki, actor, case_id = self.session.ctx.key_images, self.session.actor, self.case_id

        def saved(kid: int) -> None:
            self.key_marks.add(key)
            self.status.setText(self.tr("Marked as a key image for the meeting."))
            self._update_overlay()
            self.canvas.update()
            emit(self.keyImageAdded, kid)

        ops.run(lambda: ki.add(actor, case_id, key[0], key[1], center, width), saved,
                lambda exc: show_error(exc, self), owner=self)

    def current_image(self) -> QImage | None:
        """The slice on screen at its own resolution, window, turn and flip (no zoom, no overlay)."""
        return self.canvas.oriented(self._picture(self.current_key)) if self.is_loaded() else None

    def export_png(self, path: Path | str | None = None) -> Path | None:
        image = self.current_image()
        if image is None:
            self.status.setText(self.tr("Nothing to export yet."))
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the image"), "",
                                                    self.tr("PNG image (*.png)"))
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".png") else chosen + ".png"
        if not image.save(str(path), "PNG"):
            self.status.setText(self.tr("The image could not be saved to {path}.").format(path=path))
            return None
        self.status.setText(self.tr("Saved to {path}.").format(path=path))
        return Path(path)

    def copy_to_clipboard(self) -> bool:
        image = self.current_image()
        if image is None:
            return False
        QGuiApplication.clipboard().setImage(image)
        self.status.setText(self.tr("Copied to the clipboard."))
        return True

    # -- keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        K = Qt.Key
        if handle_key(self, event):  # cine, turn/flip, measuring tools (ui.viewer.playback)
            pass
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_to_clipboard()
        elif ctrl and key == K.Key_E:
            self.export_png()
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
        else:
            super().keyPressEvent(event)
            return
        event.accept()
