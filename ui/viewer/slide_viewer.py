"""SlideViewer: pathology photos, large images and whole-slide images in one tile viewer.

    viewer = SlideViewer(session, case_id); viewer.open_attachment(attachment_id)

Opening runs on the ops worker (the service opens the file; a large photo without a pyramid gets one the
first time) and brings back the overview, so the whole picture is on screen at once; tiles of finer
levels follow from the tile readers (slide_tiles). Zoom: wheel (about the cursor), +/-; pan: left-drag,
arrow keys; fit (F), 1:1 (1); arrow (A: drag tail to head) and text (T: click) annotations saved with the
case in full-resolution pixels; right-click an annotation to delete it; scale bar (B) when the microns per
pixel are known; export the view to PNG (Ctrl+E).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.security.permissions import allowed
from ui import ops
from ui.errors import describe
from ui.qt_compat import emit
from ui.viewer.slide_canvas import ZOOM_STEP, SlideCanvas
from ui.viewer.slide_marks import distance_to
from ui.viewer.slide_tiles import to_qimage

OVERVIEW_SIDE = 1024  # the level shown at once: whole, at most this many pixels on its long side
PAN_STEP = 0.15  # arrow keys move the view by this share of its size
PICK_DISTANCE = 10.0  # screen pixels from an annotation that still count as on it


def _open(ctx, actor, attachment_id: int):
    """On the worker: the reader, its overview and the saved annotations."""
    source = ctx.slides.open(actor, attachment_id)
    try:
        level, pixels = source.overview(OVERVIEW_SIDE)
        notes = [a for a in ctx.annotations.for_image(actor, attachment_id, 0) if a.kind in ("arrow", "text")]
        return attachment_id, source, level, to_qimage(pixels), notes
    except BaseException:
        source.close()
        raise


class SlideViewer(QWidget):
    opened = Signal(int)  # attachment id, once its overview is on screen
    failed = Signal(str)

    def __init__(self, session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideViewer")
        self.setWindowTitle(self.tr("Pathology viewer"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session, self.case_id = session, case_id
        self.can_annotate = allowed(session.actor, "attachment.add")
        self.attachment_id: int | None = None
        self.tool: str | None = None  # None (pan) | "arrow" | "text"
        self._retired: list = []  # sources replaced while tile reads may still use them: closed at the end
        self.canvas = SlideCanvas(self, self)
        self.status = QLabel(self)
        self.status.setObjectName("slideStatus")
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, text, tip in (
            ("fit", self.tr("Fit (F)"), self.tr("Show the whole slide")),
            ("actual", self.tr("1:1 (1)"), self.tr("One scanned pixel per screen pixel")),
            ("zoom_in", self.tr("Zoom in (+)"), self.tr("Zoom in about the centre")),
            ("zoom_out", self.tr("Zoom out (-)"), self.tr("Zoom out about the centre")),
            ("arrow", self.tr("Arrow (A)"), self.tr("Drag from the tail to the tip; saved with the case")),
            ("text", self.tr("Text (T)"), self.tr("Click where the note goes; saved with the case")),
            ("scale", self.tr("Scale bar (B)"), self.tr("Show or hide the scale bar")),
            ("export", self.tr("Export PNG (Ctrl+E)"), self.tr("Save the view as a PNG picture")),
        ):
            b = QPushButton(text, self)
            b.setObjectName(f"slide_{name}")
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(b)
            self.buttons[name] = b
        bar.addStretch(1)
        for name in ("arrow", "text", "scale"):
            self.buttons[name].setCheckable(True)
        self.buttons["scale"].setChecked(True)
        self.buttons["arrow"].setEnabled(self.can_annotate)
        self.buttons["text"].setEnabled(self.can_annotate)
        self.buttons["fit"].clicked.connect(self.canvas.fit)
        self.buttons["actual"].clicked.connect(lambda: self.canvas.zoom_to(1.0))
        self.buttons["zoom_in"].clicked.connect(lambda: self.canvas.zoom_by(ZOOM_STEP))
        self.buttons["zoom_out"].clicked.connect(lambda: self.canvas.zoom_by(1 / ZOOM_STEP))
        self.buttons["arrow"].clicked.connect(lambda on: self.set_tool("arrow" if on else None))
        self.buttons["text"].clicked.connect(lambda on: self.set_tool("text" if on else None))
        self.buttons["scale"].toggled.connect(self._scale_bar)
        self.buttons["export"].clicked.connect(self._export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)
        self.resize(1100, 760)

    # -- opening ----------------------------------------------------------------------------------

    def open_attachment(self, attachment_id: int) -> None:
        self._retire()
        self.attachment_id = int(attachment_id)
        self.canvas.message = self.tr("Opening… (a large image without a pyramid is prepared once; this can "
                                      "take a few seconds)")
        self.status.setText("")
        self.canvas.update()
        ctx, actor = self.session.ctx, self.session.actor
        ops.run(lambda: _open(ctx, actor, attachment_id), self._opened, self._open_failed, owner=self)

    def _opened(self, result) -> None:
        attachment_id, source, level, overview, notes = result
        if attachment_id != self.attachment_id:
            source.close()  # another picture was asked for meanwhile
            return
        self.canvas.set_source(source, level, overview)
        self.canvas.annotations = list(notes)
        self.view_changed()
        emit(self.opened, attachment_id)

    def _open_failed(self, exc: BaseException) -> None:
        message, _details = describe(exc)
        self.canvas.set_source(None)
        self.canvas.message = message
        self.status.setText(message)
        emit(self.failed, message)

    def _retire(self) -> None:
        if self.canvas.source is not None:
            self._retired.append(self.canvas.source)
            self.canvas.set_source(None)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shut()
        super().closeEvent(event)

    def shut(self) -> None:
        """Stop the tile readers, then close every reader this viewer opened (one still opening is closed
        when it arrives). The viewer can open a picture again afterwards."""
        self.attachment_id = None
        self._retire()
        self.canvas.loader.close()
        for source in self._retired:
            source.close()
        self._retired.clear()

    # -- view -------------------------------------------------------------------------------------

    def view_changed(self) -> None:
        src = self.canvas.source
        if src is None:
            return
        parts = [f"{src.width}×{src.height}", self.tr("zoom {percent}%").format(
            percent=f"{self.canvas.effective_scale() * 100:.3g}"),
            self.tr("level {level} of {count}").format(level=self.canvas.level() + 1, count=len(src.levels))]
        parts.append(f"{src.mpp:.3g} µm/px" if src.mpp else self.tr("no scale (microns per pixel unknown)"))
        self.status.setText("   ".join(parts))

    def _scale_bar(self, on: bool) -> None:
        self.canvas.scale_bar_visible = on
        self.canvas.update()

    def export_png(self, path: str) -> bool:
        return self.canvas.grab().save(path, "PNG")

    def _export(self) -> None:
        if self.canvas.source is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export view"), "slide.png", self.tr("PNG (*.png)"))
        if path and not self.export_png(path if path.lower().endswith(".png") else path + ".png"):
            QMessageBox.warning(self, self.tr("Export view"), self.tr("The picture could not be saved there."))

    # -- annotations ------------------------------------------------------------------------------

    def set_tool(self, tool: str | None) -> None:
        self.tool = tool if self.can_annotate else None
        self.buttons["arrow"].setChecked(self.tool == "arrow")
        self.buttons["text"].setChecked(self.tool == "text")
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if self.tool else Qt.CursorShape.ArrowCursor)

    def tool_press(self, point: QPointF) -> bool:
        if self.canvas.source is None or self.tool is None:
            return False
        if self.tool == "arrow":
            self.canvas.draft = (point, point)
        else:
            text, ok = QInputDialog.getText(self, self.tr("Text annotation"), self.tr("Note:"))
            if ok and text.strip():
                self.add_annotation("text", [point], text.strip())
        return True

    def tool_move(self, point: QPointF) -> None:
        if self.canvas.draft is not None:
            self.canvas.draft = (self.canvas.draft[0], point)
            self.canvas.update()

    def tool_release(self, point: QPointF) -> None:
        draft, self.canvas.draft = self.canvas.draft, None
        if draft is None:
            return
        tail, head = self.canvas.to_screen(draft[0]), self.canvas.to_screen(point)
        if (tail - head).manhattanLength() >= 8:  # a click is not an arrow
            self.add_annotation("arrow", [draft[0], point])
        self.canvas.update()

    def add_annotation(self, kind: str, pts: list[QPointF], text: str = "") -> None:
        """Save an arrow (tail, head) or a text (anchor) in full-resolution pixels; shown once saved."""
        ctx, actor, aid = self.session.ctx, self.session.actor, self.attachment_id
        geometry = {"points": [[round(p.x(), 1), round(p.y(), 1)] for p in pts]}
        ops.run(lambda: ctx.annotations.add(actor, aid, 0, kind, geometry, text), self._added, owner=self)

    def _added(self, record) -> None:
        if record.attachment_id == self.attachment_id:
            self.canvas.annotations.append(record)
            self.canvas.update()

    def context_at(self, point: QPointF, global_pos) -> None:
        near = self.annotation_at(self.canvas.to_screen(point))
        if near is None or not self.can_annotate:
            return
        menu = QMenu(self)
        delete = menu.addAction(self.tr("Delete annotation"))
        if menu.exec(global_pos) is delete and self._confirm_delete():
            self.delete_annotation(near.id)

    def annotation_at(self, screen: QPointF):
        best = min(self.canvas.annotations, key=lambda a: distance_to(a, self.canvas, screen), default=None)
        return best if best is not None and distance_to(best, self.canvas, screen) <= PICK_DISTANCE else None

    def _confirm_delete(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete annotation"),
                                      self.tr("Delete this annotation from the case?"))
        return answer == QMessageBox.StandardButton.Yes

    def delete_annotation(self, annotation_id: int) -> None:
        ctx, actor = self.session.ctx, self.session.actor
        ops.run(lambda: ctx.annotations.delete(actor, annotation_id), self._deleted, owner=self)

    def _deleted(self, record) -> None:
        self.canvas.annotations = [a for a in self.canvas.annotations if a.id != record.id]
        self.canvas.update()

    # -- keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, c = event.key(), self.canvas
        steps = {Qt.Key.Key_Left: (1, 0), Qt.Key.Key_Right: (-1, 0), Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
        if key in steps:
            dx, dy = steps[key]
            c.pan_by(dx * c.width() * PAN_STEP, dy * c.height() * PAN_STEP)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            c.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            c.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_F:
            c.fit()
        elif key == Qt.Key.Key_1:
            c.zoom_to(1.0)
        elif key == Qt.Key.Key_A:
            self.set_tool(None if self.tool == "arrow" else "arrow")
        elif key == Qt.Key.Key_T:
            self.set_tool(None if self.tool == "text" else "text")
        elif key == Qt.Key.Key_B:
            self.buttons["scale"].toggle()
        elif key == Qt.Key.Key_Escape and (self.tool or c.draft):
            c.draft = None
            self.set_tool(None)
            c.update()
        elif key == Qt.Key.Key_E and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._export()
        else:
            super().keyPressEvent(event)
