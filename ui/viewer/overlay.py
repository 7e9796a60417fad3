"""What the viewer prints over the image: series, slice n/N, position, window; marks. No patient identity."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP
from app.imaging.dicom_display import Frame, spacing

IMAGE = QT_TRANSLATE_NOOP("ImageViewer", "Image {n}/{total}")
FRAME = QT_TRANSLATE_NOOP("ImageViewer", "Frame {n}/{total}")
POSITION = QT_TRANSLATE_NOOP("ImageViewer", "Position {mm} mm")
UNCALIBRATED = QT_TRANSLATE_NOOP("ImageViewer", "Uncalibrated: no pixel spacing in the patient")
PHOTO = QT_TRANSLATE_NOOP("ImageViewer", "Photo {w}×{h}")
WINDOW = QT_TRANSLATE_NOOP("ImageViewer", "W {width}  L {center}")
VOI_LUT = QT_TRANSLATE_NOOP("ImageViewer", "VOI LUT of the file")
INVERTED = QT_TRANSLATE_NOOP("ImageViewer", "Inverted")
KEY_IMAGE = QT_TRANSLATE_NOOP("ImageViewer", "★ Key image")
LOADING = QT_TRANSLATE_NOOP("ImageViewer", "Loading…")
ROTATED = QT_TRANSLATE_NOOP("ImageViewer", "Rotated {degrees}°")
FLIPPED = QT_TRANSLATE_NOOP("ImageViewer", "Flipped left-right")
CINE = QT_TRANSLATE_NOOP("ImageViewer", "Cine {fps} images/s (+/-)")
GAP_HERE = QT_TRANSLATE_NOOP("ImageViewer", "Missing slices: a gap of {mm} mm (about {n}) next to this image")
GAPS = QT_TRANSLATE_NOOP("ImageViewer", "Series incomplete: {count} gap(s) in the slice positions")
LINKED = QT_TRANSLATE_NOOP("ImageViewer", "Linked")
UNLINKED = QT_TRANSLATE_NOOP("ImageViewer", "Not linked")


def tr(text: str) -> str:
    return QCoreApplication.translate("ImageViewer", text)


def overlay_lines(viewer, loading: bool = False) -> None:
    """Fill the canvas's text for the slice requested (its number, even while a neighbour is shown)."""
    canvas = viewer.canvas
    key = viewer.current_key
    item = viewer.loader.get(key)
    top, bottom_left, bottom_right, marks = [], [], [], []
    if key is not None:
        bottom_left.append(tr(IMAGE).format(n=viewer.index + 1, total=viewer.count))
    if isinstance(item, Frame):
        from ui.viewer.viewer import slice_position

        top.append(f"{item.modality} {item.series_description}".strip())
        if item.count > 1:
            top.append(tr(FRAME).format(n=item.index + 1, total=item.count))
        top.append(f"{item.columns}×{item.rows}")
        position = slice_position(item.header)
        if position is not None:
            bottom_left.append(tr(POSITION).format(mm=f"{position:.1f}"))
        if not spacing(item.header).calibrated:
            marks.append((tr(UNCALIBRATED), "#ffa94d"))
    elif isinstance(item, np.ndarray):
        top.append(tr(PHOTO).format(w=item.shape[1], h=item.shape[0]))
    window = viewer.shown_window
    if window is not None and window.kind == "window" and not loading:
        bottom_right.append(tr(WINDOW).format(width=f"{window.width:.6g}", center=f"{window.center:.6g}"))
    elif window is not None and window.kind == "voi_lut":
        bottom_right.append(tr(VOI_LUT))
    if viewer.invert:
        marks.append((tr(INVERTED), "#ffffff"))
    if key is not None and key in viewer.key_marks:
        marks.append((tr(KEY_IMAGE), "#ffd43b"))
    if canvas.quarter:
        marks.append((tr(ROTATED).format(degrees=90 * canvas.quarter), "#ffa94d"))
    if canvas.flipped:
        marks.append((tr(FLIPPED), "#ffa94d"))
    cine = getattr(viewer, "cine", None)
    if cine is not None and cine.active:
        marks.append((tr(CINE).format(fps=cine.fps), "#74c0fc"))
    for gap in viewer.gaps:
        if viewer.index in (gap.index - 1, gap.index):
            marks.append((tr(GAP_HERE).format(mm=f"{gap.step_mm:.1f}", n=gap.missing), "#ff6b6b"))
    if viewer.gaps:
        bottom_left.append(tr(GAPS).format(count=len(viewer.gaps)))
    link = (viewer.host or viewer).link
    if link is not None:
        marks.append((tr(LINKED) if link.enabled else tr(UNLINKED), "#74c0fc" if link.enabled else "#adb5bd"))
    if loading:
        marks.append((tr(LOADING), "#ffe066"))
    canvas.top_left, canvas.bottom_left, canvas.bottom_right, canvas.marks = top, bottom_left, bottom_right, marks
