"""The viewer's buttons: each says its key, so the keyboard is learnt by using the mouse."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

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
    ("length", QT_TRANSLATE_NOOP("ImageViewer", "Length (L)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Measure a distance: in mm only with the pixel spacing in the patient")),
    ("angle", QT_TRANSLATE_NOOP("ImageViewer", "Angle (A)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Measure an angle: drag one arm, click the end of the other")),
    ("ellipse", QT_TRANSLATE_NOOP("ImageViewer", "Ellipse (E)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Mean, SD and area inside an ellipse (HU on CT)")),
    ("cine", QT_TRANSLATE_NOOP("ImageViewer", "Cine (C)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Play the stack in a loop; +/- change the rate while it plays")),
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
               "overlay": viewer.toggle_overlay, "cine": viewer.cine.toggle,
               "length": lambda: viewer.measure.toggle("length"),
               "angle": lambda: viewer.measure.toggle("angle"),
               "ellipse": lambda: viewer.measure.toggle("ellipse"), "key": viewer.mark_key_image, "export": viewer.export_png,
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
    for name in ("length", "angle", "ellipse", "cine"):
        buttons[name].setCheckable(True)  # shows the tool in use; the viewer keeps it in step with the keys
    buttons["key"].setEnabled(viewer.can_mark)
    return buttons


BELOW = ("length", "angle", "ellipse", "cine")  # beside the status line, under the image


def lay_out(viewer) -> None:
    """The viewer's layout: presets and buttons, the image, then the status line with the tools."""
    bar, tools = QHBoxLayout(), QHBoxLayout()
    bar.setSpacing(4)
    tools.setSpacing(4)
    bar.addWidget(viewer.preset_combo)
    tools.addWidget(viewer.status, 1)
    for name, b in viewer.buttons.items():
        (tools if name in BELOW else bar).addWidget(b)
    bar.addStretch(1)
    layout = QVBoxLayout(viewer)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.setSpacing(6)
    layout.addLayout(bar)
    layout.addWidget(viewer.canvas, 1)
    layout.addLayout(tools)
