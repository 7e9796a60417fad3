"""The start-up loop with the lock: the hospital's idle time is used, and a user who takes over on the
lock screen gets the next main window without another log-in dialog."""

import ui_data
from PySide6.QtWidgets import QApplication

from ui import startup
from ui.lock.session_lock import SessionLock
from ui.login_dialog import LoginDialog


class _Loop:
    """Stands in for QApplication.exec(): the first session is taken over on its lock screen."""

    def __init__(self) -> None:
        self.windows = []
        self.idle_limits = []

    def exec(self) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"
                      and w.isVisible())
        self.windows.append(window.user_label.text())
        lock = window.findChild(SessionLock)
        self.idle_limits.append(lock.watcher._limit)
        if len(self.windows) == 1:
            lock.lock()
            lock.next_actor = window.session.ctx.auth.login(ui_data.DOCTOR[0], ui_data.DOCTOR[1])
            lock._end_session()
        else:
            window.close()
        return 0


def test_a_takeover_opens_the_next_users_window(sample_dir, monkeypatch):
    from app.context import open_context

    ctx = open_context(sample_dir)
    try:
        admin = ctx.auth.login(ui_data.ADMIN[0], ui_data.ADMIN[1])
        ctx.account_settings.update(admin, idle_lock_minutes=7)
    finally:
        ctx.close()
    asked = []

    def ask(ctx, hospital_name="", store=None):
        asked.append(1)
        return ctx.auth.login(ui_data.ADMIN[0], ui_data.ADMIN[1])

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(ask))
    loop = _Loop()
    assert startup.interactive(loop, sample_dir) == 0
    assert loop.windows == ["当前用户：王管理（管理员）", "当前用户：李医生（医生）"]
    assert asked == [1]  # the second user logged in on the lock screen
    assert loop.idle_limits == [7 * 60, 7 * 60]
