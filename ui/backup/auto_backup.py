"""The automatic local backups in the GUI: the day's first at start, one on exit when data changed.

Both run on the worker (`ops`), never on the GUI thread. On exit the main window's close waits for the
copy (one step of SQLite's online backup API: a fraction of a second for a county hospital's data), with
a busy dialog if it takes longer than half a second. A failure is said, and never keeps the app open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QThread
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from ui import ops
from ui.errors import show_error

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 500
STATUS_MS = 8000


def start_daily(window: QMainWindow, backups) -> None:
    """The first start of the day makes the daily backup (on the worker; the window is already usable)."""
    def made(path) -> None:
        if path is not None:
            text = QCoreApplication.translate("AutoBackup", "Daily automatic backup made.")
            window.statusBar().showMessage(text, STATUS_MS)

    def failed(exc: BaseException) -> None:
        log.warning("daily automatic backup failed: %r", exc)
        show_error(exc, window)

    ops.run(lambda: backups.automatic("start"), made, failed, owner=window)


class ExitBackup(QObject):
    """`window.close_guard`: the first close starts the on-exit backup and waits; its end closes again."""

    def __init__(self, backups, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self._state = "idle"  # idle | running | done
        self.dialog: QProgressDialog | None = None

    def __call__(self, window: QMainWindow) -> bool:
        if self._state == "done":
            return True
        if self._state == "idle" and QThread.currentThread().loopLevel() == 0:
            # No event loop left to bring the answer back (the app is ending): wait for the worker here.
            self._state = "done"
            try:
                ops.call(lambda: self._backups.automatic("exit"))
            except Exception as exc:  # noqa: BLE001 - said, and the close goes on
                log.warning("on-exit automatic backup failed: %r", exc)
                show_error(exc, window)
            return True
        if self._state == "idle":
            self._state = "running"
            text = QCoreApplication.translate("AutoBackup", "Saving an automatic backup before closing…")
            self.dialog = QProgressDialog(text, "", 0, 0, window)
            self.dialog.setObjectName("exitBackupProgress")
            self.dialog.setWindowTitle(QCoreApplication.translate("AutoBackup", "MDT Desk"))
            self.dialog.setCancelButton(None)  # it takes a moment; stopping it half-way saves nothing
            self.dialog.setMinimumDuration(SHOW_AFTER_MS)
            self.dialog.setValue(0)

            def finish(_result=None) -> None:
                self._state = "done"
                if self.dialog is not None:
                    self.dialog.reset()
                    self.dialog.deleteLater()
                    self.dialog = None
                window.close()

            def failed(exc: BaseException) -> None:
                log.warning("on-exit automatic backup failed: %r", exc)
                show_error(exc, window)
                finish()

            ops.run(lambda: self._backups.automatic("exit"), finish, failed, owner=window)
        return False  # running: the close happens when the backup has ended


def install(window: QMainWindow, ctx) -> ExitBackup:
    """Tidying after an interrupted run and the daily backup now; the on-exit backup at the window's close."""
    ops.run(ctx.integrity.tidy, None, lambda exc: log.warning("tidying at start failed: %r", exc), owner=window)
    start_daily(window, ctx.backups)
    guard = ExitBackup(ctx.backups, window)
    window.close_guard = guard
    return guard
