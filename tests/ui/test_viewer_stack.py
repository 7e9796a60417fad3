"""The viewer on a 20-slice CT series: first slice, scrolling one slice per step, window/level, export."""

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from viewer_helpers import attach_series, drag, open_viewer, painted_sequence, stored_path, wheel

from app.imaging.dicom_display import load_frame, render
from ui.qt_compat import emit


@pytest.fixture
def series(ui_session, tmp_path):
    return attach_series(ui_session, tmp_path)


@pytest.fixture
def viewer(qtbot, ui_session, series):
    case_id, ids = series
    return open_viewer(qtbot, ui_session, case_id, ids)


def test_opening_paints_the_first_slice_with_the_file_window(viewer, series):
    assert viewer.count == 20 and viewer.index == 0 and viewer.current_key == (series[1][0], 0)
    assert viewer.painted and viewer.painted[-1] == (0, True)
    assert viewer.current_window() == (40.0, 400.0)
    assert viewer.canvas.image is not None and viewer.canvas.image.width() == 64
    assert "图像 1/20" in viewer.canvas.bottom_left[0] or "1/20" in viewer.canvas.bottom_left[0]
    assert not any("SUN" in line or "孙丽" in line for line in viewer.canvas.top_left)  # no patient identity
    assert viewer.canvas.marks == []  # calibrated, not loading


def test_the_wheel_moves_one_slice_per_notch_and_never_skips(qtbot, viewer):
    for expected in range(1, 20):
        wheel(viewer.canvas, -1)
        assert viewer.index == expected
    wheel(viewer.canvas, -1)
    assert viewer.index == 19  # the last slice stays
    assert painted_sequence(viewer) == list(range(20))
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.painted[-1] == (19, True)
    viewer.painted.clear()
    wheel(viewer.canvas, 3)  # a fast flick of three notches: three slices, each painted
    assert viewer.index == 16 and painted_sequence(viewer) == [18, 17, 16]


def test_arrows_and_page_keys_move_one_slice_each_home_and_end_jump(qtbot, viewer):
    for expected in range(1, 20):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
        assert viewer.index == expected
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    assert viewer.index == 19
    assert painted_sequence(viewer) == list(range(20))
    for expected in range(18, 13, -1):
        qtbot.keyClick(viewer, Qt.Key.Key_Up)
        assert viewer.index == expected
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert viewer.index == 13
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.index == 14
    qtbot.keyClick(viewer, Qt.Key.Key_Home)
    assert viewer.index == 0
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    assert viewer.index == 19
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.painted[-1] == (19, True)


def test_every_slice_is_shown_with_its_own_pixels_in_the_end(qtbot, viewer, series):
    shown = []
    viewer.sliceShown.connect(shown.append)
    for _ in range(19):
        qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert shown[-1] == 19
    assert viewer.current_key == (series[1][19], 0)
    qtbot.waitUntil(lambda: viewer.loader.in_flight is None, timeout=10_000)
    assert all(viewer.loader.has(k) for k in viewer.slices)  # the whole series decoded in the background
    assert all(viewer.loader.get(k).pixels.nbytes == 64 * 64 * 2 for k in viewer.slices)


def test_right_drag_changes_width_horizontally_and_level_vertically(viewer):
    centre = QPoint(viewer.canvas.width() // 2, viewer.canvas.height() // 2)
    drag(viewer.canvas, Qt.MouseButton.RightButton, centre, centre + QPoint(100, 0))
    center, width = viewer.current_window()
    assert center == pytest.approx(40.0) and width > 400
    drag(viewer.canvas, Qt.MouseButton.RightButton, centre, centre + QPoint(0, -50))
    center2, width2 = viewer.current_window()
    assert width2 == pytest.approx(width) and center2 < 40
    assert viewer.preset_combo.currentIndex() == -1  # no preset matches a dragged window
    assert any(f"{width2:.6g}" in line for line in viewer.canvas.bottom_right)


def test_the_lung_preset_sets_1500_over_minus_600_and_file_restores(viewer):
    combo = viewer.preset_combo
    emit(combo.activated, combo.findData("lung"))
    assert viewer.current_window() == (-600.0, 1500.0)
    assert viewer.canvas.bottom_right[0] == "W 1500  L -600" or "1500" in viewer.canvas.bottom_right[0]
    emit(combo.activated, combo.findData("file"))
    assert viewer.current_window() == (40.0, 400.0)


def test_zoom_pan_fit_and_actual_size(qtbot, viewer):
    fit = viewer.canvas.effective_scale()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.canvas.effective_scale() == pytest.approx(fit * 1.25)
    before = viewer.canvas.image_rect().topLeft()
    drag(viewer.canvas, Qt.MouseButton.LeftButton, QPoint(100, 100), QPoint(130, 90))
    after = viewer.canvas.image_rect().topLeft()
    assert (after - before).x() == pytest.approx(30) and (after - before).y() == pytest.approx(-10)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.canvas.effective_scale() == 1.0
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert viewer.canvas.effective_scale() == pytest.approx(fit)
    wheel(viewer.canvas, 1, Qt.KeyboardModifier.ControlModifier)
    assert viewer.canvas.effective_scale() == pytest.approx(fit * 1.25) and viewer.index == 0


def test_invert_and_overlay_toggle(qtbot, viewer):
    before = viewer.current_image().copy()
    qtbot.keyClick(viewer, Qt.Key.Key_I)
    after = viewer.current_image()
    assert after.pixelColor(32, 32).red() == 255 - before.pixelColor(32, 32).red()
    qtbot.keyClick(viewer, Qt.Key.Key_O)
    assert not viewer.canvas.overlay_visible
    qtbot.keyClick(viewer, Qt.Key.Key_O)
    assert viewer.canvas.overlay_visible


def test_exported_png_equals_an_independent_render_of_the_slice_and_window(qtbot, ui_session, viewer, series,
                                                                           tmp_path):
    for _ in range(7):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    viewer.set_window(-300, 1100)
    out = viewer.export_png(tmp_path / "导出.png")
    assert out is not None and out.exists()
    exported = np.asarray(Image.open(out))
    frame = load_frame(stored_path(ui_session.ctx, series[1][7]), 0)
    reference = np.asarray(render(frame, window=(-300, 1100)))
    assert exported.shape == reference.shape == (64, 64)
    assert np.array_equal(exported, reference)
    assert exported.std() > 0  # a picture, not a flat field


def test_copy_puts_the_image_on_the_clipboard(qtbot, viewer):
    from PySide6.QtGui import QGuiApplication

    qtbot.keyClick(viewer, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    image = QGuiApplication.clipboard().image()
    assert image.width() == 64 and image.height() == 64


def test_ctrl_e_asks_for_a_path_and_saves(qtbot, viewer, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "view"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(viewer, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "view.png").exists()
