"""Side by side: the prior next to the current, scrolled together by slice position (not index), window
linked, each pane with its own overlay; Ctrl+L unlinks, and relinking keeps the offset lined up by hand."""

import pytest
from PySide6.QtCore import Qt
from viewer_helpers import open_viewer
from viewer_series_data import attach, shown_value, write_series


@pytest.fixture
def prior_and_current(ui_session, tmp_path):
    write_series(tmp_path / "cd" / "prior", 10, spacing=5.0, study_date="20250101", description="prior")
    write_series(tmp_path / "cd" / "current", 41, spacing=1.25, study_date="20260101", description="current")
    case_id, rows = attach(ui_session, tmp_path / "cd")
    assert [r.description for r in rows] == ["prior", "current"]
    return case_id, rows


@pytest.fixture
def pair(qtbot, ui_session, prior_and_current):
    case_id, (prior, current) = prior_and_current
    viewer = open_viewer(qtbot, ui_session, case_id, current.attachment_ids)
    qtbot.waitUntil(lambda: viewer.browser.count() == 2, timeout=10_000)
    qtbot.keyClick(viewer, Qt.Key.Key_S)
    pane = viewer.partner
    assert pane is not None and pane.isVisible()
    qtbot.waitUntil(lambda: pane.is_loaded() and pane.positions[0] is not None, timeout=10_000)
    assert pane.attachment_ids == prior.attachment_ids  # the other series of the case
    return viewer, pane


def test_scrolling_one_pane_moves_the_other_to_the_nearest_position(qtbot, pair):
    viewer, pane = pair
    viewer.setFocus()
    for _ in range(20):
        qtbot.keyClick(viewer, Qt.Key.Key_Down)
    assert viewer.index == 20 and viewer.positions[20] == pytest.approx(25.0)
    assert pane.index == 5 and pane.positions[5] == pytest.approx(25.0)  # by position: not slice 20
    qtbot.waitUntil(pane.is_loaded, timeout=10_000)
    assert shown_value(pane) == 105
    qtbot.keyClick(viewer, Qt.Key.Key_Down)  # 26.25 mm: the prior's nearest is still 25 mm
    assert pane.index == 5
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.keyClick(viewer, Qt.Key.Key_Down)  # 28.75 mm: nearer 30 mm
    assert pane.index == 6
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Down)  # the prior drives: 35 mm -> the current's slice 28
    assert pane.index == 7 and viewer.index == 28
    assert any("8/10" in line for line in pane.canvas.bottom_left)  # each pane its own overlay
    assert any("29/41" in line for line in viewer.canvas.bottom_left)


def test_window_and_presets_are_linked_until_unlinked(qtbot, pair):
    viewer, pane = pair
    viewer.set_preset("lung")
    qtbot.waitUntil(pane.is_loaded, timeout=10_000)
    assert pane.current_window() == (-600.0, 1500.0)
    viewer.set_window(50, 350)
    assert pane.current_window() == (50.0, 350.0)
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not viewer.link.enabled and not viewer.buttons["link"].isChecked()
    assert any("未联动" in m or "Not linked" in m for m, _c in viewer.canvas.marks)
    viewer.set_preset("bone")
    assert pane.current_window() == (50.0, 350.0)
    before = pane.index
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    assert pane.index == before


def test_relinking_keeps_the_offset_lined_up_by_hand(qtbot, pair):
    viewer, pane = pair
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # unlink
    viewer.go_to(8)  # 10 mm
    pane.go_to(4)  # 20 mm: the same anatomy, 10 mm further in the prior
    qtbot.keyClick(viewer, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # link again
    assert viewer.link.enabled and viewer.link.offset == pytest.approx(10.0)
    viewer.go_to(16)  # 20 mm -> 30 mm in the prior
    assert pane.index == 6


def test_the_series_browser_loads_into_the_framed_pane_and_s_closes_it(qtbot, pair, prior_and_current):
    viewer, pane = pair
    _case, (prior, current) = prior_and_current
    assert viewer.active is pane and pane.canvas.active and not viewer.canvas.active
    viewer.browser.setCurrentRow(1)
    from ui.qt_compat import emit

    emit(viewer.browser.itemClicked, viewer.browser.item(1))
    qtbot.waitUntil(lambda: pane.attachment_ids == current.attachment_ids and pane.is_loaded(), timeout=10_000)
    assert viewer.attachment_ids == current.attachment_ids  # the main pane kept its series
    assert pane.index == viewer.index  # same series, same position
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_S)
    assert viewer.partner is None and viewer.link is None and not viewer.canvas.active
    qtbot.waitUntil(lambda: not pane.isVisible(), timeout=5_000)
