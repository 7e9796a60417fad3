"""Measuring in the viewer: length in mm with Pixel Spacing, "uncalibrated" without, ellipse mean in HU."""

import numpy as np
import pydicom
from PySide6.QtCore import QPoint, QPointF, Qt
from test_attachments_data import make_case, make_series
from viewer_helpers import attach_file, drag, make_detector_image, open_viewer, stored_path

from app.imaging import measure as m


def _screen(viewer, x: float, y: float) -> QPoint:
    q = viewer.measure.to_screen((x, y))
    return QPoint(round(q.x()), round(q.y()))


def _series(session, tmp_path, n: int, size: int):
    case_id = make_case(session)
    make_series(tmp_path / "cd" / "S1", n, size=size)
    session.ctx.attachment_import.import_paths(session.actor, case_id, [tmp_path / "cd"])
    [series] = session.ctx.attachment_browse.series_for_case(session.actor, case_id)
    return case_id, series.attachment_ids


def test_a_length_drawn_with_the_mouse_is_labelled_in_mm_to_a_tenth(qtbot, ui_session, tmp_path):
    case_id, ids = _series(ui_session, tmp_path, 2, 640)  # Pixel Spacing 320/640 = 0.5 mm
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    viewer.canvas.set_actual_size()  # one image pixel per screen pixel: a 200-pixel drag is 100.0 mm
    qtbot.keyClick(viewer, Qt.Key.Key_L)
    assert viewer.measure.mode == "length"
    start = _screen(viewer, 150, 200)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, start, start + QPoint(200, 0))
    [item] = viewer.measure.current()
    assert item.kind == "length" and item.unit == "mm"
    assert abs(item.value - 100.0) < 0.05
    assert item.lines == ["100.0 mm"]
    assert viewer.canvas.pan == QPointF(0, 0)  # drawing does not pan
    # a diagonal, then zoomed: the stored points are in image coordinates and follow the zoom
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    a, b = _screen(viewer, 100, 100), _screen(viewer, 130, 140)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, a, b)
    second = viewer.measure.current()[1]
    (x0, y0), (x1, y1) = second.points
    assert second.value == m.length((x0, y0), (x1, y1), (0.5, 0.5))
    assert abs(second.value - 25.0) < 0.5  # 50 px at 0.5 mm, to screen rounding
    assert second.lines == [f"{second.value:.1f} mm"]
    viewer.canvas.grab().save(str(tmp_path / "length.png"))
    # per slice: the next slice has none; back again, they are there
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    assert viewer.measure.current() == []
    qtbot.keyClick(viewer, Qt.Key.Key_Up)
    assert len(viewer.measure.current()) == 2
    # Delete removes the selected (the last drawn); Esc leaves the tool
    qtbot.keyClick(viewer, Qt.Key.Key_Delete)
    assert viewer.measure.current() == [item]
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert viewer.measure.mode is None


def test_escape_cancels_a_measurement_being_drawn(qtbot, ui_session, tmp_path):
    case_id, ids = _series(ui_session, tmp_path, 2, 64)
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    qtbot.keyClick(viewer, Qt.Key.Key_A)
    a, b = _screen(viewer, 10, 30), _screen(viewer, 30, 30)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, a, b)  # the first arm
    assert len(viewer.measure.pending) == 3
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert viewer.measure.pending == [] and viewer.measure.current() == [] and viewer.measure.mode == "angle"


def test_an_angle_drawn_as_a_right_angle_reads_90_degrees(qtbot, ui_session, tmp_path):
    case_id, ids = _series(ui_session, tmp_path, 2, 64)
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    viewer.canvas.scale = 8.0
    viewer.canvas.update()
    qtbot.keyClick(viewer, Qt.Key.Key_A)
    vertex = _screen(viewer, 30, 30)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, vertex + QPoint(80, 0), vertex)
    qtbot.mouseClick(viewer.canvas, Qt.MouseButton.LeftButton, pos=vertex + QPoint(0, -80))
    [item] = viewer.measure.current()
    assert item.kind == "angle" and abs(item.value - 90.0) < 0.01 and item.lines == ["90.0°"]


def test_an_imager_pixel_spacing_image_is_measured_in_pixels_marked_uncalibrated(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    aid = attach_file(ui_session, case_id, make_detector_image(tmp_path / "dx" / "DX1.dcm"))
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=aid)
    viewer.canvas.set_actual_size()
    qtbot.keyClick(viewer, Qt.Key.Key_L)
    start = _screen(viewer, 10, 20)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, start, start + QPoint(40, 0))
    [item] = viewer.measure.current()
    assert item.unit == "px" and abs(item.value - 40.0) < 1e-6
    label = " ".join(item.lines)
    assert "40.0" in label and "mm" not in label and ("uncalibrated" in label or "未校准" in label)
    qtbot.keyClick(viewer, Qt.Key.Key_E)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, _screen(viewer, 10, 10), _screen(viewer, 30, 30))
    ellipse = viewer.measure.current()[1]
    assert ellipse.stats.unit == "px" and not any("mm" in line for line in ellipse.lines)
    assert "uncalibrated" in ellipse.lines[-1] or "未校准" in ellipse.lines[-1]


def test_an_ellipse_on_ct_shows_the_mean_hu_of_the_region(qtbot, ui_session, tmp_path):
    case_id, ids = _series(ui_session, tmp_path, 2, 64)  # 5 mm pixels, slope 1, intercept -1024
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    viewer.canvas.scale = 6.0
    viewer.canvas.update()
    qtbot.keyClick(viewer, Qt.Key.Key_E)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, _screen(viewer, 20, 22), _screen(viewer, 44, 40))
    [item] = viewer.measure.current()
    assert item.kind == "ellipse" and item.unit == "HU"
    ds = pydicom.dcmread(stored_path(ui_session.ctx, ids[0]))
    hu = ds.pixel_array.astype(float) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
    (x0, y0), (x1, y1) = item.points
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, abs(x1 - x0) / 2, abs(y1 - y0) / 2
    rows, cols = np.mgrid[0:64, 0:64]
    region = ((cols + 0.5 - cx) / rx) ** 2 + ((rows + 0.5 - cy) / ry) ** 2 <= 1
    assert region.sum() > 50
    assert item.value == np.float64(hu[region].mean()).item() or abs(item.value - hu[region].mean()) < 1e-9
    assert item.lines[0].startswith(f"Mean {hu[region].mean():.1f}") or f"{hu[region].mean():.1f}" in item.lines[0]
    assert "HU" in item.lines[0]
    assert item.stats.area == region.sum() * 25.0 and "mm²" in item.lines[-1]
    viewer.canvas.grab().save(str(tmp_path / "ellipse.png"))


def _pending_translator(folder):
    """A QTranslator from resources/i18n/pending/measure.json; None once merged into the catalogue."""
    import json
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    from ui.i18n import build_qm

    pending = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "pending" / "measure.json"
    if not pending.exists():
        return None
    root = ET.Element("TS", version="2.1", language="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "ImageViewer"
    for item in json.loads(pending.read_text(encoding="utf-8")):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = item["source"]
        ET.SubElement(message, "translation").text = item["translation"]
    ts = folder / "measure_pending.ts"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    translator = QTranslator()
    assert translator.load(str(build_qm(ts)))
    return translator


def test_in_chinese_the_uncalibrated_label_says_so_and_never_mm(qtbot, ui_session, tmp_path):
    from PySide6.QtCore import QCoreApplication

    translator = _pending_translator(tmp_path)
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    try:
        case_id = make_case(ui_session)
        aid = attach_file(ui_session, case_id, make_detector_image(tmp_path / "dx" / "DX1.dcm"))
        viewer = open_viewer(qtbot, ui_session, case_id, attachment=aid)
        assert viewer.buttons["length"].text() == "测长 (L)"
        qtbot.keyClick(viewer, Qt.Key.Key_L)
        start = _screen(viewer, 10, 20)
        drag(viewer.canvas, Qt.MouseButton.LeftButton, start, start + QPoint(30, 0))
        [item] = viewer.measure.current()
        assert "未校准" in item.lines[0] and "mm" not in item.lines[0]
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)


def test_cine_plays_every_slice_in_order_and_plus_minus_change_its_rate(qtbot, ui_session, tmp_path):
    from viewer_helpers import painted_sequence

    case_id, ids = _series(ui_session, tmp_path, 8, 64)
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    scale = viewer.canvas.effective_scale()
    viewer.painted.clear()
    qtbot.keyClick(viewer, Qt.Key.Key_C)
    assert viewer.cine.active and viewer.buttons["cine"].isChecked()
    assert any("10" in text for text, _ in viewer.canvas.marks)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.cine.fps == 15 and viewer.cine.timer.interval() == round(1000 / 15)
    assert viewer.canvas.effective_scale() == scale  # + is the rate while cine plays, not the zoom
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.cine.fps == 9
    viewer.cine.set_rate(30)
    qtbot.waitUntil(lambda: 0 in painted_sequence(viewer)[1:], timeout=10_000)  # round the loop once
    qtbot.keyClick(viewer, Qt.Key.Key_C)
    assert not viewer.cine.active and not viewer.buttons["cine"].isChecked()
    seq = painted_sequence(viewer)
    loop = seq[: seq.index(0, 1) + 1]
    assert loop == [0, 1, 2, 3, 4, 5, 6, 7, 0]  # every slice, in order, none skipped, then round again
    viewer.cine.set_rate(100)
    assert viewer.cine.fps == 30


def test_rotate_and_flip_turn_the_image_and_its_measurements_and_say_so(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    aid = attach_file(ui_session, case_id, make_detector_image(tmp_path / "dx" / "DX1.dcm"))  # 64 wide, 48 high
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=aid)
    original = viewer.current_image()
    qtbot.keyClick(viewer, Qt.Key.Key_L)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, _screen(viewer, 10, 20), _screen(viewer, 50, 20))
    [item] = viewer.measure.current()
    before = item.value
    qtbot.keyClick(viewer, Qt.Key.Key_R)  # a quarter turn clockwise
    assert viewer.canvas.quarter == 1 and any("90" in text for text, _ in viewer.canvas.marks)
    turned = viewer.current_image()
    assert (turned.width(), turned.height()) == (48, 64)
    assert turned.pixelColor(47, 0) == original.pixelColor(0, 0)  # top-left goes top-right
    assert turned.pixelColor(0, 0) == original.pixelColor(0, 47)  # bottom-left goes top-left
    centre, s = viewer.canvas.image_rect().center(), viewer.canvas.effective_scale()
    q = viewer.measure.to_screen((10, 20))  # (dx, dy) = (-22, -4) from the image centre turns to (4, -22)
    assert abs(q.x() - (centre.x() + 4 * s)) < 1e-6 and abs(q.y() - (centre.y() - 22 * s)) < 1e-6
    x, y = viewer.measure.to_image(q)
    assert abs(x - 10) < 1e-6 and abs(y - 20) < 1e-6
    # drawn on the turned image: a vertical stroke on screen is a horizontal one in the image
    drag(viewer.canvas, Qt.MouseButton.LeftButton, _screen(viewer, 10, 30), _screen(viewer, 40, 30))
    assert abs(viewer.measure.current()[1].value - 30.0) < 0.5 and item.value == before
    qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert viewer.canvas.flipped and len(viewer.canvas.marks) >= 3
    mirrored = viewer.current_image()
    assert mirrored.pixelColor(0, 0) == turned.pixelColor(47, 0)
    q = viewer.measure.to_screen((10, 20))
    assert abs(q.x() - (centre.x() - 4 * s)) < 1e-6
    viewer.grab().save(str(tmp_path / "turned.png"))
    qtbot.keyClick(viewer, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert viewer.canvas.quarter == 0 and not viewer.canvas.flipped and viewer.current_image() == original
