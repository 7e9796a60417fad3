"""Multi-frame RLE files (pydicom's own test files): every frame shows, in the worker processes and on the
thread; a frame whose RLE data is damaged says so in the viewer and the other frames still show."""

import shutil

import pytest
from pydicom.data import get_testdata_file
from pydicom.encaps import encapsulate, generate_frames
from PySide6.QtCore import Qt
from test_attachments_data import make_case
from viewer_helpers import attach_file, open_viewer

from app.imaging.dicom_frame import read_dataset


def _damaged_last_frame(src, out):
    """The same file with the last frame's RLE header (segment count and offsets) overwritten."""
    ds = read_dataset(src)
    frames = [bytearray(f) for f in generate_frames(ds.PixelData, number_of_frames=int(ds.NumberOfFrames))]
    frames[-1][:64] = bytes(range(200, 255)) + bytes(9)
    ds.PixelData = encapsulate([bytes(f) for f in frames])
    ds.save_as(out)
    return out


@pytest.mark.parametrize("name", ["SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit_2frame.dcm", "rtdose_rle.dcm"])
def test_every_frame_of_a_multiframe_rle_file_shows(qtbot, ui_session, tmp_path, name):
    case_id = make_case(ui_session)
    path = shutil.copy(get_testdata_file(name), tmp_path / name)
    attachment = attach_file(ui_session, case_id, tmp_path / name)
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=attachment)
    assert viewer.count == int(read_dataset(path).NumberOfFrames)
    for expected in range(1, viewer.count):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
        qtbot.waitUntil(viewer.is_loaded, timeout=20_000)
        assert viewer.index == expected and viewer.canvas.image is not None and viewer.canvas.message == ""
    viewer.grab()


def test_a_damaged_later_frame_is_a_message_not_a_crash(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    path = _damaged_last_frame(get_testdata_file("SC_rgb_rle_2frame.dcm"), tmp_path / "damaged_rle.dcm")
    attachment = attach_file(ui_session, case_id, path)
    viewer = open_viewer(qtbot, ui_session, case_id, attachment=attachment)
    messages = []
    viewer.failed.connect(messages.append)
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert viewer.index == 1 and viewer.canvas.image is None
    assert "无法解码" in viewer.canvas.message or "cannot be decoded" in viewer.canvas.message
    viewer.grab()
    qtbot.keyClick(viewer, Qt.Key.Key_Up)
    qtbot.waitUntil(viewer.is_loaded, timeout=20_000)
    assert viewer.index == 0 and viewer.canvas.image is not None and viewer.canvas.message == ""
