"""Logging in as a person does it: type, press Enter, read what the dialog says."""

import ui_data
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.geometry import GeometryStore
from ui.login_dialog import LoginDialog


def make_dialog(qtbot, ctx, store=None):
    dialog = LoginDialog(ctx, ui_data.HOSPITAL, store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wrong_password_shows_the_error_inside_and_stays(qtbot, sample_ctx):
    dialog = make_dialog(qtbot, sample_ctx)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "not-the-password1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "用户名或密码错误。"
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert dialog.password.text() == ""  # cleared for the next try
    assert dialog.login_button.isEnabled()


def test_empty_fields_are_caught_before_asking_the_database(qtbot, sample_ctx):
    dialog = make_dialog(qtbot, sample_ctx)
    dialog.login_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == "请输入用户名和密码。"


def test_right_password_accepts_and_remembers_the_user_name(qtbot, sample_ctx, sample_dir):
    store = GeometryStore(sample_dir)
    dialog = make_dialog(qtbot, sample_ctx, store)
    qtbot.keyClicks(dialog.username, "lidoc")
    qtbot.keyClicks(dialog.password, ui_data.DOCTOR[1])
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Enter)
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.display_name, dialog.actor.role) == ("lidoc", "李医生", "physician")
    again = make_dialog(qtbot, sample_ctx, store)
    assert again.username.text() == "lidoc"


def test_labels_are_chinese(qtbot, sample_ctx):
    dialog = make_dialog(qtbot, sample_ctx)
    assert dialog.windowTitle() == "登录 — 多学科诊疗工作台"
    assert dialog.login_button.text() == "登录"
