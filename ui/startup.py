"""The interactive start: open (or set up) the data folder, log in, show the main window; log out loops."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.config import DataDir
from app.context import AppContext, open_context
from app.errors import AppError
from app.records import Actor
from ui import ops
from ui.backup import auto_backup
from ui.errors import error_dialog
from ui.first_run_dialog import FirstRunDialog
from ui.geometry import GeometryStore
from ui.lock.session_lock import SessionLock
from ui.login_dialog import LoginDialog
from ui.main_window import SECTIONS, MainWindow
from ui.password_dialog import PasswordChangeDialog
from ui.session import Session


def _open(data_dir: DataDir) -> AppContext | None:
    """The existing database, or None for a folder that has none yet. AppError: it cannot be used."""
    if not data_dir.is_initialised():
        return None
    return ops.call(lambda: open_context(data_dir))


def interactive(qapp: QApplication, data_dir: DataDir, view: str | None = None) -> int:
    try:
        ctx = _open(data_dir)
    except AppError as exc:  # locked by another instance, damaged, newer version...
        error_dialog(None, QCoreApplication.translate("Startup", "MDT Desk cannot open its data"),
                     exc.localized(), exc.details)
        return 1
    actor: Actor | None = None
    try:
        if ctx is None or not ops.call(ctx.setup.is_initialised):
            outcome = FirstRunDialog.ask(data_dir, ctx)
            if outcome is None:
                return 0
            ctx, actor = outcome  # the administrator just chose the password: no second log-in
        hospital = ops.call(ctx.setup.info)
        store = GeometryStore(data_dir)
        while True:
            if actor is None:
                actor = LoginDialog.ask(ctx, hospital.name, store)
                if actor is None:
                    return 0
            if actor.must_change_password:  # an account the admin created or reset: own password first
                actor = PasswordChangeDialog.ask(ctx, actor, forced=True)
                if actor is None:
                    continue
            window = MainWindow(Session(ctx, actor, hospital))
            lock = SessionLock(window, window.session, ops.call(ctx.account_settings.policy).idle_lock_minutes)
            auto_backup.install(window, ctx)  # the day's first backup now, one on exit if data changed
            if view in SECTIONS:
                window.show_section(view)
            window.show()
            # Everything allocated so far (Qt wrappers, SQLAlchemy mappers, code tables) lives for the whole
            # session: freezing it keeps full collections from pausing the GUI for 0.3-2 s mid-import.
            gc.collect()
            gc.freeze()
            qapp.exec()
            lock.stop()
            if not window.logging_out:
                return 0
            window.deleteLater()
            actor = lock.next_actor  # another user logged in on the lock screen, or None: the log-in
    finally:
        ops.shutdown()
        if ctx is not None:
            ctx.close()
