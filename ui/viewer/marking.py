"""Key images (K) saved to the case with the window on screen, and the view exported as PNG or copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from app.i18n import QT_TRANSLATE_NOOP
from ui import ops
from ui.errors import show_error
from ui.qt_compat import emit

CANNOT_MARK = QT_TRANSLATE_NOOP("ImageViewer", "Your role cannot mark key images.")
WAIT_MARK = QT_TRANSLATE_NOOP("ImageViewer", "Wait until the image is shown, then mark it.")
MARKED = QT_TRANSLATE_NOOP("ImageViewer", "Marked as a key image for the meeting.")
NOTHING = QT_TRANSLATE_NOOP("ImageViewer", "Nothing to export yet.")
EXPORT_TITLE = QT_TRANSLATE_NOOP("ImageViewer", "Export the image")
PNG_FILTER = QT_TRANSLATE_NOOP("ImageViewer", "PNG image (*.png)")
NOT_SAVED = QT_TRANSLATE_NOOP("ImageViewer", "The image could not be saved to {path}.")
SAVED = QT_TRANSLATE_NOOP("ImageViewer", "Saved to {path}.")
COPIED = QT_TRANSLATE_NOOP("ImageViewer", "Copied to the clipboard.")


def tr(text: str) -> str:
    return QCoreApplication.translate("ImageViewer", text)


def load_key_marks(viewer) -> None:
    ki, actor, case_id = viewer.session.ctx.key_images, viewer.session.actor, viewer.case_id

    def arrived(records) -> None:
        viewer.key_marks = {(r.attachment_id, r.frame) for r in records}
        viewer.refresh_overlay()

    ops.run(lambda: ki.list_for_case(actor, case_id), arrived, lambda _exc: None, owner=viewer)


def mark_key_image(viewer) -> None:
    """Save the slice on screen as a key image of the case, with the window/level on screen."""
    key = viewer.current_key
    if not viewer.can_mark:
        viewer.status.setText(tr(CANNOT_MARK))
        return
    if key is None or not viewer.is_loaded():
        viewer.status.setText(tr(WAIT_MARK))
        return
    window = viewer.current_window()
    center, width = window if window else (None, None)
    ki, actor, case_id = viewer.session.ctx.key_images, viewer.session.actor, viewer.case_id

    def saved(kid: int) -> None:
        viewer.key_marks.add(key)
        viewer.status.setText(tr(MARKED))
        viewer.refresh_overlay()
        emit(viewer.keyImageAdded, kid)

    ops.run(lambda: ki.add(actor, case_id, key[0], key[1], center, width), saved,
            lambda exc: show_error(exc, viewer), owner=viewer)


def current_image(viewer) -> QImage | None:
    """The slice on screen at its own resolution, window, turn and flip (no zoom, no overlay)."""
    if not viewer.is_loaded():
        return None
    image = viewer.canvas.oriented(viewer.picture(viewer.current_key))
    if image is None:
        return None
    item = viewer.loader.get(viewer.current_key)
    grey = getattr(item, "color", None) is False or getattr(item, "ndim", 0) == 2
    # a copy with its own pixels (not the viewer's buffer); grey stays grey in the PNG
    return image.convertToFormat(QImage.Format.Format_Grayscale8) if grey else image.copy()


def export_png(viewer, path: Path | str | None = None) -> Path | None:
    image = current_image(viewer)
    if image is None:
        viewer.status.setText(tr(NOTHING))
        return None
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(viewer, tr(EXPORT_TITLE), "", tr(PNG_FILTER))
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(".png") else chosen + ".png"
    if not image.save(str(path), "PNG"):
        viewer.status.setText(tr(NOT_SAVED).format(path=path))
        return None
    viewer.status.setText(tr(SAVED).format(path=path))
    return Path(path)


def copy_to_clipboard(viewer) -> bool:
    image = current_image(viewer)
    if image is None:
        return False
    QGuiApplication.clipboard().setImage(image)
    viewer.status.setText(tr(COPIED))
    return True
