"""The main window as a user meets it: sections, shortcuts, who is logged in, remembered size."""

import pytest
import ui_data
from PySide6.QtCore import Qt

from app.services.stats_indicators import SPECS
from ui.cases.editor.window import CaseEditor
from ui.main_window import SECTIONS, MainWindow
from ui.session import Session


@pytest.fixture
def window(qtbot, ui_session):
    w = MainWindow(ui_session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.view("cases").is_loaded, timeout=10_000)
    return w


def test_status_bar_shows_the_user_and_the_data_folder(window, sample_dir):
    assert window.user_label.text() == "当前用户：王管理（管理员）"
    assert window.data_label.text() == f"数据：{sample_dir.root}"
    assert window.windowTitle() == f"多学科诊疗工作台 — {ui_data.HOSPITAL}"


def test_navigation_lists_the_five_sections_in_chinese(window):
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts == ["病例", "会议", "随访", "统计", "管理"]
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))


def test_ctrl_digits_switch_sections(qtbot, window):
    for i, key in enumerate(SECTIONS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.current_section() == key
        assert window.stack.currentWidget() is window.view(key)


def test_meetings_section_lists_meetings_coming_first(qtbot, window):
    view = window.show_section("meetings")
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    model = view.model
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "胸部肿瘤MDT" and model.index(0, 3).data() == "计划中"
    assert model.index(1, 0).data() == "2026-01-20 14:30" and model.index(1, 3).data() == "已结束"
    assert model.index(1, 4).data() == "1" and model.index(1, 5).data() == "1"
    assert view.summary.text() == "共 2 次会议，其中 1 次尚未召开。"


def test_admin_section_lists_users_for_an_admin(qtbot, window):
    view = window.show_section("admin")
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    rows = {view.table.item(r, 0).text(): view.table.item(r, 2).text() for r in range(view.table.rowCount())}
    assert rows == {"admin": "管理员", "lidoc": "医生"}


def test_admin_section_is_closed_to_a_physician(qtbot, sample_ctx, doctor_actor):
    w = MainWindow(Session(sample_ctx, doctor_actor, sample_ctx.setup.info()))
    qtbot.addWidget(w)
    view = w.show_section("admin")
    assert view.is_loaded and view.table.isHidden()
    assert view.note.text() == "只有管理员可以管理用户、备份和设置。"


def test_the_follow_up_section_shows_the_users_own_work(qtbot, window):
    followup = window.show_section("followup")
    qtbot.waitUntil(lambda: followup.is_loaded, timeout=10_000)
    assert followup.tabs.count() == 4 and "王管理" in followup.summary.text()


def test_the_statistics_section_loads_its_figures(qtbot, window):
    stats = window.show_section("stats")
    qtbot.waitUntil(lambda: stats.is_loaded, timeout=20_000)
    assert stats.report is not None and stats.indicators.rowCount() == len(SPECS)


def test_enter_on_a_case_opens_its_editor(qtbot, window):
    cases = window.view("cases")
    cases.table.setFocus()
    cases.table.selectRow(0)
    qtbot.keyClick(cases.table, Qt.Key.Key_Return)
    editor = window.findChild(CaseEditor)
    assert editor is not None
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        pass
    assert editor.windowTitle().startswith("MDT2026-0005 张三")
    assert editor.status_chip.text() == "已批准"
    assert editor.referral.urgency.currentText() == "常规"
    editor.close()


def test_window_geometry_is_remembered(qtbot, ui_session, sample_dir):
    first = MainWindow(ui_session)
    qtbot.addWidget(first)
    first.resize(700, 500)  # inside the offscreen screen (800x600): restore clamps to it
    first.show()
    first.close()
    assert (sample_dir.root / "ui.ini").exists()
    second = MainWindow(ui_session)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_log_out_closes_the_window_and_says_so(qtbot, window):
    with qtbot.waitSignal(window.logoutRequested):
        window.logout_action.trigger()
    assert window.logging_out and not window.isVisible()


def test_settings_and_about_open_from_the_menu(qtbot, window):
    settings = window.open_settings()
    assert settings.isVisible()
    settings.reject()
    about = window.open_about()
    assert about.isVisible()
    about.reject()
