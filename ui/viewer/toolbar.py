"""The viewer's buttons: each says its key, so the keyboard is learnt by using the mouse."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy

from app.i18n import QT_TRANSLATE_NOOP

SPECS = (  # name, text, tooltip (context "ImageViewer", as the viewer's own tr())
    ("fit", QT_TRANSLATE_NOOP("ImageViewer", "Fit (F)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Fit the image to the window")),
    ("actual", QT_TRANSLATE_NOOP("ImageViewer", "1:1 (1)"),
     QT_TRANSLATE_NOOP("ImageViewer", "One image pixel per screen pixel")),
    ("invert", QT_TRANSLATE_NOOP("ImageViewer", "Invert (I)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Show the image inverted")),
    ("overlay", QT_TRANSLATE_NOOP("ImageViewer", "Overlay (O)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Show or hide the slice, position and window text")),
    ("key", QT_TRANSLATE_NOOP("ImageViewer", "Key image (K)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Mark this image, with its window, as a key image for the meeting")),
    ("export", QT_TRANSLATE_NOOP("ImageViewer", "Export PNG (Ctrl+E)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Save the image as shown (without zoom) to a PNG file")),
    ("copy", QT_TRANSLATE_NOOP("ImageViewer", "Copy (Ctrl+C)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Copy the image as shown to the clipboard")),
)


def build_toolbar(viewer) -> dict[str, QPushButton]:
    canvas = viewer.canvas
    actions = {"fit": canvas.set_fit, "actual": canvas.set_actual_size, "invert": viewer.toggle_invert,
               "overlay": viewer.toggle_overlay, "key": viewer.mark_key_image, "export": viewer.export_png,
               "copy": viewer.copy_to_clipboard}
    buttons = {}
    for name, text, tip in SPECS:
        b = QPushButton(QCoreApplication.translate("ImageViewer", text))
        b.setObjectName(f"viewer_{name}")
        b.setToolTip(QCoreApplication.translate("ImageViewer", tip))
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the viewer
        b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never clipped
        b.clicked.connect(lambda _checked=False, a=actions[name]: a())
        buttons[name] = b
    buttons["key"].setEnabled(viewer.can_mark)
    return buttons
