"""The viewer beyond scrolling: key images that outlive a restart, photos, uncalibrated images, broken files,
the panel's double-click, Chinese on screen, and the byte-capped cache."""

import os

import numpy as np
from PySide6.QtCore import Qt
from test_attachments_data import make_case, make_photo, make_series
from viewer_helpers import (
    attach_file,
    attach_series,
    make_detector_image,
    open_viewer,
)

from app.context import open_context
from ui import ops
from ui.qt_compat import emit
from ui.session import Session
from ui.viewer import ImageViewer
from ui.viewer.loader import FrameCache


def test_k_saves_a_key_image_with_the_window_and_it_survives_a_restart(qtbot, ui_session, sample_ctx,
                                                                       sample_dir, tmp_path):
    case_id, ids = attach_series(ui_session, tmp_path)
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    for _ in range(5):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    emit(viewer.preset_combo.activated, viewer.preset_combo.findData("lung"))
    with qtbot.waitSignal(viewer.keyImageAdded, timeout=10_000) as sig:
        qtbot.keyClick(viewer, Qt.Key.Key_K)
    [record] = sample_ctx.key_images.list_for_case(ui_session.actor, case_id)
    assert record.id == sig.args[0]
    assert (record.attachment_id, record.frame, record.window_center, record.window_width) == (ids[5], 0, -600, 1500)
    assert any(text == "★ Key image" or "关键" in text for text, _ in viewer.canvas.marks)
    viewer.close()
    ops.shutdown()
    sample_ctx.close()

    again = open_context(sample_dir)
    try:
        [kept] = again.key_images.list_for_case(ui_session.actor, case_id)
        assert (kept.id, kept.attachment_id, kept.window_center, kept.window_width) == (record.id, ids[5], -600, 1500)
        session = Session(again, ui_session.actor, again.setup.info())
        second = open_viewer(qtbot, session, case_id, ids)
        assert not second.canvas.marks  # slice 1 is not a key image
        for _ in range(5):
            qtbot.keyClick(second, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: len(second.canvas.marks) == 1 and second.is_loaded(), timeout=10_000)
        second.close()
        ops.shutdown()
    finally:
        again.close()


def test_a_reader_cannot_mark_key_images(qtbot, ui_session, sample_ctx, tmp_path):
    from app.records import Actor

    case_id, ids = attach_series(ui_session, tmp_path, n=3)
    actor = Actor(None, "reader", "只读", "viewer")  # the "viewer" role reads and never writes
    viewer = open_viewer(qtbot, Session(sample_ctx, actor, ui_session.hospital), case_id, ids)
    assert not viewer.buttons["key"].isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_K)
    assert viewer.status.text()
    assert sample_ctx.key_images.list_for_case(ui_session.actor, case_id) == []


def test_a_photo_opens_upright_without_a_window(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    photo = attach_file(ui_session, case_id, make_photo(tmp_path / "病理" / "HE.jpg", (320, 240)))
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=photo)
    image = viewer.current_image()
    assert (image.width(), image.height()) == (320, 240)
    assert viewer.current_window() is None and viewer.count == 1
    assert any("320×240" in line for line in viewer.canvas.top_left)
    assert viewer.canvas.marks == []
    out = viewer.export_png(tmp_path / "photo.png")
    assert out is not None and out.exists()


def test_only_imager_pixel_spacing_is_marked_uncalibrated(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    dx = attach_file(ui_session, case_id, make_detector_image(tmp_path / "dx" / "chest.dcm"))
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=dx)
    texts = [text for text, _ in viewer.canvas.marks]
    assert texts == ["Uncalibrated: no pixel spacing in the patient"] or any("未校准" in t for t in texts)
    assert viewer.current_window() is not None  # full range of a file without a window


def test_a_calibrated_series_has_no_uncalibrated_mark(qtbot, ui_session, tmp_path):
    case_id, ids = attach_series(ui_session, tmp_path, n=2)
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    assert viewer.canvas.marks == []


def test_a_damaged_file_shows_a_message_not_a_crash(qtbot, ui_session, tmp_path):
    case_id, ids = attach_series(ui_session, tmp_path, n=3)
    viewer = ImageViewer(ui_session, case_id)
    qtbot.addWidget(viewer)
    viewer.show()
    messages = []
    viewer.failed.connect(messages.append)
    viewer.open_series([ids[0], 999_999])
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert viewer.canvas.message and viewer.canvas.image is None
    assert viewer.index == 1


def test_double_click_in_the_panel_opens_the_series_in_the_viewer(qtbot, ui_session, tmp_path):
    from ui.cases.editor.material_tab import MaterialTab

    case_id = make_case(ui_session)
    make_series(tmp_path / "cd", 4)
    ui_session.ctx.attachment_import.import_paths(ui_session.actor, case_id, [tmp_path / "cd"])
    tab = MaterialTab(ui_session, case_id)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.panel
    qtbot.waitUntil(lambda: panel.is_loaded and len(panel.entries()) == 1, timeout=10_000)
    [entry] = panel.entries()
    index = panel.model.index_of(entry.key)
    with qtbot.waitSignal(panel.openRequested, timeout=5_000) as sig:
        emit(panel.tree.activated, index)
    assert sig.args[0] == entry.key.removeprefix("series:")
    qtbot.waitUntil(lambda: tab.viewer is not None and tab.viewer.is_loaded(), timeout=10_000)
    assert tab.viewer.slices == [(i, 0) for i in entry.attachment_ids]
    assert tab.viewer.isWindow()
    tab.viewer.close()


def test_the_cache_drops_the_least_recently_used_beyond_its_cap():
    cache = FrameCache(cap=3 * 100)
    for i in range(3):
        cache.put((i, 0), np.zeros(100, np.uint8))
    cache.get((0, 0))  # used: (1, 0) is now the oldest
    cache.put((3, 0), np.zeros(100, np.uint8))
    assert (1, 0) not in cache and {(0, 0), (2, 0), (3, 0)} == {k for k in [(0, 0), (2, 0), (3, 0)] if k in cache}
    assert cache.bytes == 300
    cache.put((4, 0), np.zeros(1000, np.uint8))  # bigger than the cap alone: kept, the rest goes
    assert len(cache) == 1 and cache.bytes == 1000


def test_screenshot_in_chinese(qtbot, ui_session, tmp_path):
    case_id, ids = attach_series(ui_session, tmp_path, n=20, size=128)
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    viewer.resize(1000, 700)
    for _ in range(9):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.buttons["key"].text() == "关键图像 (K)"
    assert viewer.canvas.bottom_left[0] == "图像 10/20"
    viewer.layout().activate()
    assert viewer.width() <= 1000  # fits a 1024-pixel projector
    for b in viewer.buttons.values():  # nothing clipped: every button is as wide as its text needs
        assert b.width() >= b.sizeHint().width(), b.text()
    shot = os.environ.get("MDT_VIEWER_SHOT") or str(tmp_path / "viewer.png")  # set it to look at the screen
    assert viewer.grab().save(shot)


def test_a_multi_frame_file_scrolls_through_its_frames(qtbot, ui_session, tmp_path):
    import shutil
    from pathlib import Path

    import pydicom

    source = Path(pydicom.__file__).parent / "data" / "test_files" / "rtdose.dcm"  # 15 dose frames
    case_id = make_case(ui_session)
    copy = tmp_path / "rt" / "rtdose.dcm"
    copy.parent.mkdir()
    shutil.copy(source, copy)
    aid = attach_file(ui_session, case_id, copy)
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=aid)
    assert viewer.count == 15 and viewer.current_key == (aid, 0)
    for expected in range(1, 15):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
        assert viewer.index == expected
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.current_key == (aid, 14)
    assert any("15/15" in line for line in viewer.canvas.top_left + viewer.canvas.bottom_left)
