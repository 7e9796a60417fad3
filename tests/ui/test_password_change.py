"""The forced password change: an account the admin created or reset sets its own password first."""

import ui_data
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui import startup
from ui.login_dialog import LoginDialog
from ui.password_dialog import PasswordChangeDialog

TEMP = "Temp2026x"


class _Loop:
    """Stands in for QApplication.exec(): notes the main window it would run, then closes it."""

    def __init__(self) -> None:
        self.windows = []

    def exec(self) -> int:
        from PySide6.QtWidgets import QApplication

        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"
                      and w.isVisible())
        self.windows.append(window.user_label.text())
        window.close()
        return 0


def new_account(ctx, username="sun"):
    admin = ctx.auth.login(ui_data.ADMIN[0], ui_data.ADMIN[1])
    ctx.users.create(admin, username, "孙秘书", "secretary", TEMP)
    return ctx.auth.login(username, TEMP)


def dialog_for(qtbot, ctx, actor):
    d = PasswordChangeDialog(ctx, actor, forced=True)
    qtbot.addWidget(d)
    d.show()
    return d


def fill(qtbot, d, current, new, repeat=None):
    for field, text in ((d.current, current), (d.new, new), (d.repeat, new if repeat is None else repeat)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_mistakes_are_explained_inside_the_dialog(qtbot, sample_ctx):
    actor = new_account(sample_ctx)
    assert actor.must_change_password
    d = dialog_for(qtbot, sample_ctx, actor)
    assert d.cancel_button.text() == "返回登录"
    fill(qtbot, d, TEMP, "Mine2026x", "Mine2026y")
    d.ok_button.click()
    assert d.error.isVisible() and "两次" in d.error.text()
    fill(qtbot, d, TEMP, "password")
    d.ok_button.click()
    qtbot.waitUntil(lambda: d.error.text() == "密码必须同时包含字母和数字。", timeout=10_000)
    fill(qtbot, d, "Wrong2026x", "Mine2026x")
    d.ok_button.click()
    qtbot.waitUntil(lambda: d.error.text() == "当前密码错误。", timeout=10_000)
    assert d.isVisible() and d.actor is None


def test_a_good_new_password_is_taken_and_the_flag_cleared(qtbot, sample_ctx):
    d = dialog_for(qtbot, sample_ctx, new_account(sample_ctx))
    fill(qtbot, d, TEMP, "Mine2026x")
    with qtbot.waitSignal(d.accepted, timeout=10_000):
        qtbot.keyClick(d.repeat, Qt.Key.Key_Return)
    assert d.actor is not None and not d.actor.must_change_password
    assert not sample_ctx.auth.login("sun", "Mine2026x").must_change_password


def test_the_main_window_waits_for_the_change_and_going_back_logs_in_again(sample_dir, monkeypatch):
    from app.context import open_context

    ctx = open_context(sample_dir)
    try:
        new_account(ctx)
    finally:
        ctx.close()
    logins = iter([("sun", TEMP), ("sun", TEMP), None])
    asked = []

    def login(ctx, hospital_name="", store=None):
        answer = next(logins)
        return ctx.auth.login(*answer) if answer else None

    def change(ctx, actor, forced=False, parent=None):
        asked.append(forced)
        if len(asked) == 1:
            return None  # "back to log-in"
        return ctx.auth.change_password(actor, TEMP, "Mine2026x")

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(login))
    monkeypatch.setattr(PasswordChangeDialog, "ask", staticmethod(change))
    loop = _Loop()
    assert startup.interactive(loop, sample_dir) == 0
    assert asked == [True, True]
    assert loop.windows == ["当前用户：孙秘书（秘书）"]  # one main window, after the change


def test_cancel_is_a_rejection(qtbot, sample_ctx):
    d = dialog_for(qtbot, sample_ctx, new_account(sample_ctx))
    d.cancel_button.click()
    assert d.result() == QDialog.DialogCode.Rejected and d.actor is None
