"""A damaged file in the store says so in the viewer and the rest of the series still scrolls; missing
slices are marked; a JPEG 2000 series decodes in worker processes and shows the right slices."""

import pytest
from PySide6.QtCore import Qt
from viewer_helpers import open_viewer, stored_path
from viewer_series_data import attach, shown_value, write_series


@pytest.fixture
def series(ui_session, tmp_path):
    write_series(tmp_path / "cd", 6)
    case_id, [row] = attach(ui_session, tmp_path / "cd")
    return case_id, row.attachment_ids


@pytest.mark.parametrize("damage", ["truncated", "garbage", "unsupported"])
def test_a_damaged_slice_shows_a_message_and_the_others_still_scroll(qtbot, ui_session, series, damage):
    case_id, ids = series
    path = stored_path(ui_session.ctx, ids[2])
    data = path.read_bytes()
    path.chmod(0o644)
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00\x01not a dicom file" * 40)
    else:  # a transfer syntax no installed decoder knows
        path.write_bytes(data.replace(b"1.2.840.10008.1.2.1\x00", b"1.2.840.10008.1.2.99", 1))
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    messages = []
    viewer.failed.connect(messages.append)
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert viewer.index == 2 and viewer.canvas.image is None
    assert any(text in viewer.canvas.message for text in ("无法解码", "不是图像", "cannot be decoded", "not an image"))
    viewer.grab()  # paints without raising
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.index == 3 and shown_value(viewer) == 103 and viewer.canvas.message == ""


def test_missing_slices_are_marked_next_to_the_gap(qtbot, ui_session, tmp_path):
    write_series(tmp_path / "cd", 12, spacing=2.5, skip=(5, 6))
    case_id, [row] = attach(ui_session, tmp_path / "cd")
    viewer = open_viewer(qtbot, ui_session, case_id, row.attachment_ids)
    qtbot.waitUntil(lambda: bool(viewer.gaps), timeout=10_000)
    [gap] = viewer.gaps
    assert gap.index == 5 and gap.step_mm == pytest.approx(7.5) and gap.missing == 2
    viewer.refresh_overlay()
    assert any("1" in line and ("不完整" in line or "incomplete" in line) for line in viewer.canvas.bottom_left)
    assert not any("7.5" in text for text, _c in viewer.canvas.marks)  # slice 1: far from the gap
    viewer.go_to(4)
    assert any("7.5" in text for text, _c in viewer.canvas.marks)
    viewer.go_to(5)
    assert any("7.5" in text for text, _c in viewer.canvas.marks)
    viewer.go_to(7)
    assert not any("7.5" in text for text, _c in viewer.canvas.marks)


def test_a_complete_series_has_no_gap_mark(qtbot, ui_session, series):
    case_id, ids = series
    viewer = open_viewer(qtbot, ui_session, case_id, ids)
    qtbot.waitUntil(lambda: viewer.positions[-1] is not None, timeout=10_000)
    assert viewer.gaps == [] and not any("7.5" in t for t, _c in viewer.canvas.marks)


def test_a_jpeg2000_series_decodes_in_worker_processes(qtbot, ui_session, tmp_path):
    write_series(tmp_path / "cd", 8, j2k=True, size=64)
    case_id, [row] = attach(ui_session, tmp_path / "cd")
    damaged = stored_path(ui_session.ctx, row.attachment_ids[6])
    damaged.chmod(0o644)
    damaged.write_bytes(damaged.read_bytes()[:-400])  # the codestream cut short
    viewer = open_viewer(qtbot, ui_session, case_id, row.attachment_ids)
    assert all(s.compressed for s in viewer.loader.sources.values())
    assert shown_value(viewer) == 100
    for expected in range(1, 6):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
        qtbot.waitUntil(viewer.is_loaded, timeout=20_000)
        assert shown_value(viewer) == 100 + expected
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: bool(viewer.canvas.message), timeout=20_000)
    assert viewer.canvas.image is None
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(viewer.is_loaded, timeout=20_000)
    assert shown_value(viewer) == 107
