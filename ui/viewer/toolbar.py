"""The viewer's buttons: each says its key, so the keyboard is learnt by using the mouse."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.imaging.presets import FILE, FULL, PRESETS
from ui.viewer import compare
from ui.widgets.flow_layout import FlowLayout

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
    ("series", QT_TRANSLATE_NOOP("ImageViewer", "Series (B)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Show or hide the series of this case; [ and ] open the previous or next")),
    ("compare", QT_TRANSLATE_NOOP("ImageViewer", "Side by side (S)"),
     QT_TRANSLATE_NOOP("ImageViewer", "A second pane for another series (the prior); click a series to load it "
                                      "into the framed pane")),
    ("link", QT_TRANSLATE_NOOP("ImageViewer", "Linked (Ctrl+L)"),
     QT_TRANSLATE_NOOP("ImageViewer", "Scroll and window both panes together, by slice position; line up the "
                                      "same anatomy first, then link")),
)
PANE_ONLY = ("length", "angle", "ellipse", "cine")  # what a side-by-side pane shows of its own
MAIN_ONLY = ("series", "compare", "link")


PRESET_LABELS = {FILE: QT_TRANSLATE_NOOP("ImageViewer", "File window"),
                 FULL: QT_TRANSLATE_NOOP("ImageViewer", "Full range"), "lung": QT_TRANSLATE_NOOP("ImageViewer", "Lung"),
                 "mediastinum": QT_TRANSLATE_NOOP("ImageViewer", "Mediastinum"),
                 "soft_tissue": QT_TRANSLATE_NOOP("ImageViewer", "Soft tissue"),
                 "bone": QT_TRANSLATE_NOOP("ImageViewer", "Bone"), "brain": QT_TRANSLATE_NOOP("ImageViewer", "Brain"),
                 "liver": QT_TRANSLATE_NOOP("ImageViewer", "Liver"),
                 "abdomen": QT_TRANSLATE_NOOP("ImageViewer", "Abdomen")}


def preset_names() -> dict[str, str]:
    def name(code: str) -> str:
        return QCoreApplication.translate("ImageViewer", PRESET_LABELS[code]) if code in PRESET_LABELS else code

    return {code: f"{name(code)} {PRESETS[code][0]:g}/{PRESETS[code][1]:g}" if code in PRESETS else name(code)
            for code in (FILE, FULL, *PRESETS)}


def build_preset_combo(viewer) -> QComboBox:
    combo = QComboBox(viewer)
    combo.setObjectName("presetCombo")
    combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    combo.setToolTip(QCoreApplication.translate("ImageViewer",
                                                "Window presets; right-drag on the image changes the window"))
    for code, name in preset_names().items():
        combo.addItem(name, code)
    combo.activated.connect(lambda i: viewer.set_preset(combo.itemData(i)))
    if viewer.is_pane:
        combo.hide()  # the main viewer's presets act on both panes while they are linked
    return combo


def build_toolbar(viewer) -> dict[str, QPushButton]:
    canvas = viewer.canvas
    actions = {"fit": canvas.set_fit, "actual": canvas.set_actual_size, "invert": viewer.toggle_invert,
               "overlay": viewer.toggle_overlay, "cine": viewer.cine.toggle,
               "length": lambda: viewer.measure.toggle("length"),
               "angle": lambda: viewer.measure.toggle("angle"),
               "ellipse": lambda: viewer.measure.toggle("ellipse"), "key": viewer.mark_key_image, "export": viewer.export_png,
               "copy": viewer.copy_to_clipboard,
               "series": lambda: viewer.browser.toggle() if viewer.browser is not None else None,
               "compare": lambda: compare.toggle_side_by_side(viewer),
               "link": lambda: compare.toggle_link(viewer)}
    buttons = {}
    for name, text, tip in SPECS:
        if viewer.is_pane and name not in PANE_ONLY:
            continue
        b = QPushButton(QCoreApplication.translate("ImageViewer", text))
        b.setObjectName(f"viewer_{name}")
        b.setToolTip(QCoreApplication.translate("ImageViewer", tip))
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the viewer
        b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never clipped
        b.clicked.connect(lambda _checked=False, a=actions[name]: a())
        buttons[name] = b
    for name in ("length", "angle", "ellipse", "cine", "compare", "link"):
        if name in buttons:  # shows the tool in use; the viewer keeps it in step with the keys
            buttons[name].setCheckable(True)
    if "key" in buttons:
        buttons["key"].setEnabled(viewer.can_mark)
    if "link" in buttons:
        buttons["link"].setVisible(False)  # only side by side
    return buttons


BELOW = ("length", "angle", "ellipse", "cine")  # beside the status line, under the image


def lay_out(viewer) -> None:
    """Presets and buttons (wrapping on a narrow window) above; the series, the image pane(s); each pane's
    status line with its measuring tools below its image."""
    tools = QHBoxLayout()
    tools.setSpacing(4)
    tools.addWidget(viewer.status, 1)
    tool_box = QWidget()  # the measuring tools wrap under each other when two panes share the width
    tool_flow = FlowLayout(tool_box, spacing=4)
    tool_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    tools.addWidget(tool_box)
    pane_box = QWidget()
    pane_box.setObjectName("viewerPaneBox")
    column = QVBoxLayout(pane_box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(6)
    column.addWidget(viewer.canvas, 1)
    column.addLayout(tools)
    layout = QVBoxLayout(viewer)
    layout.setContentsMargins(0, 0, 0, 0) if viewer.is_pane else layout.setContentsMargins(6, 6, 6, 6)
    layout.setSpacing(6)
    bar = FlowLayout(spacing=4)
    if not viewer.is_pane:
        bar.addWidget(viewer.preset_combo)
    for name, b in viewer.buttons.items():
        (tool_flow if name in BELOW else bar).addWidget(b)
    if viewer.is_pane:
        layout.addWidget(pane_box, 1)
        return
    layout.addLayout(bar)
    middle = QHBoxLayout()
    middle.setSpacing(6)
    middle.addWidget(viewer.browser)
    viewer.splitter = QSplitter(Qt.Orientation.Horizontal)
    viewer.splitter.setObjectName("viewerSplitter")
    viewer.splitter.setChildrenCollapsible(False)
    viewer.splitter.addWidget(pane_box)
    middle.addWidget(viewer.splitter, 1)
    layout.addLayout(middle, 1)
