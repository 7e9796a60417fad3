"""The series browser inside the viewer: every series of the case with a thumbnail, the one on screen
highlighted, opened by click, Enter or [ and ]; the top buttons wrap instead of being clipped."""

import pytest
from PySide6.QtCore import QPoint, Qt
from viewer_helpers import open_viewer
from viewer_series_data import attach, shown_value, write_series

from ui.qt_compat import emit


@pytest.fixture
def three(ui_session, tmp_path):
    write_series(tmp_path / "cd" / "a", 6, description="平扫", study_date="20250101")
    write_series(tmp_path / "cd" / "b", 4, description="增强", study_date="20260101", start=500.0)
    write_series(tmp_path / "cd" / "c", 3, description="延迟", study_date="20260102", start=900.0)
    return attach(ui_session, tmp_path / "cd")


def bold_rows(browser) -> list[str]:
    return [browser.item(i).data(Qt.ItemDataRole.UserRole) for i in range(browser.count())
            if browser.item(i).font().bold()]


def test_the_browser_lists_every_series_and_highlights_the_one_on_screen(qtbot, ui_session, three):
    case_id, rows = three
    viewer = open_viewer(qtbot, ui_session, case_id, rows[0].attachment_ids)
    browser = viewer.browser
    qtbot.waitUntil(lambda: browser.count() == 3, timeout=10_000)
    assert browser.isVisible()
    texts = [browser.item(i).text() for i in range(3)]
    assert "平扫" in texts[0] and "6" in texts[0] and "增强" in texts[1] and "延迟" in texts[2]
    assert bold_rows(browser) == [rows[0].series_uid]
    qtbot.waitUntil(lambda: all(not browser.item(i).icon().isNull() for i in range(3)), timeout=10_000)

    emit(browser.itemClicked, browser.item(2))
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.attachment_ids == rows[2].attachment_ids and viewer.count == 3
    assert bold_rows(browser) == [rows[2].series_uid]


def test_keyboard_brackets_and_enter_change_the_series(qtbot, ui_session, three):
    case_id, rows = three
    viewer = open_viewer(qtbot, ui_session, case_id, rows[0].attachment_ids)
    qtbot.waitUntil(lambda: viewer.browser.count() == 3, timeout=10_000)
    qtbot.keyClick(viewer, Qt.Key.Key_BracketRight)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.attachment_ids == rows[1].attachment_ids and shown_value(viewer) == 100
    qtbot.keyClick(viewer, Qt.Key.Key_BracketRight)
    qtbot.keyClick(viewer, Qt.Key.Key_BracketRight)  # the last stays the last
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.attachment_ids == rows[2].attachment_ids
    qtbot.keyClick(viewer, Qt.Key.Key_BracketLeft)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.attachment_ids == rows[1].attachment_ids

    browser = viewer.browser
    browser.setFocus()
    browser.setCurrentRow(0)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    assert viewer.attachment_ids == rows[0].attachment_ids

    qtbot.keyClick(viewer, Qt.Key.Key_B)  # B hides the browser, B shows it again
    assert not browser.isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_B)
    assert browser.isVisible()


def test_one_series_needs_no_browser(qtbot, ui_session, tmp_path):
    write_series(tmp_path / "cd", 3)
    case_id, [row] = attach(ui_session, tmp_path / "cd")
    viewer = open_viewer(qtbot, ui_session, case_id, row.attachment_ids)
    qtbot.waitUntil(lambda: viewer.browser.count() == 1, timeout=10_000)
    assert not viewer.browser.isVisible()


def test_the_top_buttons_wrap_on_a_narrow_window(qtbot, ui_session, three):
    case_id, rows = three
    viewer = open_viewer(qtbot, ui_session, case_id, rows[0].attachment_ids)
    for width in (1400, 900, 640):
        viewer.resize(width, 700)
        qtbot.waitUntil(lambda w=width: viewer.width() == w, timeout=5_000)
        viewer.layout().activate()
        shown = [b for b in viewer.buttons.values() if b.isVisible()]
        assert shown
        for b in shown:  # every button lies wholly inside the window
            left = b.mapTo(viewer, QPoint(0, 0)).x()
            assert left >= 0 and left + b.width() <= viewer.width(), (width, b.text())
