"""First start in an empty folder: checks before writing, service errors inline, optional demo data."""

import sys
import types

from PySide6.QtWidgets import QDialog

from app.config import DataDir
from ui import ops
from ui.first_run_dialog import FirstRunDialog


def fill(qtbot, dialog, password="Admin2026!", again=None):
    dialog.hospital.setText("测试县人民医院")  # QTest.keyClicks types Latin-1 only
    dialog.username.setText("admin")
    dialog.display_name.setText("王管理")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.password2, password if again is None else again)


def make_dialog(qtbot, tmp_path):
    data_dir = DataDir(tmp_path / "new")
    dialog = FirstRunDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    return data_dir, dialog


def close(dialog):
    ops.shutdown()
    if dialog.ctx is not None:
        dialog.ctx.close()


def test_passwords_that_differ_are_caught_and_nothing_is_written(qtbot, tmp_path):
    data_dir, dialog = make_dialog(qtbot, tmp_path)
    fill(qtbot, dialog, again="Admin2026?")
    dialog.create_button.click()
    assert dialog.error.text() == "两次输入的密码不一致。"
    assert not data_dir.is_initialised() and dialog.ctx is None


def test_empty_hospital_is_caught(qtbot, tmp_path):
    _, dialog = make_dialog(qtbot, tmp_path)
    dialog.create_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == "请填写医院名称。"


def test_weak_password_is_refused_inline_then_a_good_one_sets_up(qtbot, tmp_path):
    data_dir, dialog = make_dialog(qtbot, tmp_path)
    fill(qtbot, dialog, password="short")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "密码至少需要 8 个字符。"
    assert dialog.isVisible() and dialog.actor is None
    dialog.password.setText("Admin2026!")
    dialog.password2.setText("Admin2026!")
    try:
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.create_button.click()
        assert dialog.actor.username == "admin" and dialog.actor.role == "admin"
        assert dialog.ctx.setup.info().name == "测试县人民医院"
        assert data_dir.is_initialised()
    finally:
        close(dialog)


def test_demo_data_checkbox_loads_the_demonstration(qtbot, tmp_path, monkeypatch):
    calls, shown = [], []
    fake = types.ModuleType("app.demo")

    def populate(ctx, progress=None):
        progress("正在登记患者和病例…")
        calls.append(ctx.setup.info().is_demo)

    fake.populate = populate
    monkeypatch.setitem(sys.modules, "app.demo", fake)
    _, dialog = make_dialog(qtbot, tmp_path)
    fill(qtbot, dialog)
    dialog.load_demo.setChecked(True)
    monkeypatch.setattr(dialog, "_show_progress", shown.append)
    try:
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog.create_button.click()
        assert calls == [True]
        assert shown == ["正在登记患者和病例…"]  # the worker's progress reached the GUI thread
        assert dialog.result() == QDialog.DialogCode.Accepted
    finally:
        close(dialog)


def test_cancel_after_a_failed_attempt_releases_the_folder(qtbot, tmp_path):
    data_dir, dialog = make_dialog(qtbot, tmp_path)
    fill(qtbot, dialog, password="short")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.ctx is not None  # the database file exists and is locked by us
    dialog.reject()
    assert dialog.ctx is None
    from app.context import open_context

    open_context(data_dir, create=True).close()  # the lock was released
