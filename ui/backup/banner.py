"""The warning above the sections when no backup has left this PC for a week, with a button to make one.

Shown to the roles that may back up (admin, secretary): a disk that dies takes every record with it, and
the automatic backups live on that same disk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSizePolicy, QToolBar, QWidget

from app.security.permissions import allowed
from ui import ops

OVERDUE_DAYS = 7


class BackupBanner(QToolBar):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupBanner")
        self.setWindowTitle(self.tr("Backup warning"))
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not something to hide from the toolbar menu
        self._session = session
        self.label = QLabel()
        self.label.setObjectName("backupWarning")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setStyleSheet("QLabel#backupWarning { color: #8a4b00; padding: 4px 8px; }")
        self.button = QPushButton(self.tr("Back up now…"))
        self.button.setObjectName("backupNow")
        self.button.clicked.connect(self.make_backup)
        self.addWidget(self.label)
        self.addWidget(self.button)
        self.setStyleSheet("QToolBar#backupBanner { background: #fff4d6; border-bottom: 1px solid #e0c27a; }")
        self.hide()
        self.overdue: bool | None = None  # None until the first answer

    def refresh(self) -> None:
        backups = self._session.ctx.backups

        def look():
            return backups.offsite_backup_overdue(OVERDUE_DAYS), backups.last_offsite_backup()

        ops.run(look, self._show, owner=self)

    def _show(self, answer) -> None:
        overdue, last = answer
        self.overdue = overdue
        if last is None:
            text = self.tr("No backup of this data has ever been made to another drive. If this PC's disk "
                           "fails, every record is lost.")
        else:
            text = self.tr("The last backup to another drive is older than %1 days (%2). If this PC's disk "
                           "fails, the records since then are lost.").replace("%1", str(OVERDUE_DAYS)).replace(
                "%2", last.at.strftime("%Y-%m-%d"))
        self.label.setText(text)
        self.setVisible(overdue)

    def make_backup(self):
        from ui.backup.backup_dialog import BackupDialog

        dialog = BackupDialog(self._session, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.backupDone.connect(lambda _outcome: self.refresh())
        dialog.open()
        return dialog


def add_backup_banner(window: QMainWindow, session) -> BackupBanner | None:
    """The banner above the sections, for whoever may make the backup it asks for (else None)."""
    if not allowed(session.actor, "backup.run"):
        return None
    banner = BackupBanner(session, window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    banner.refresh()
    return banner


def add_backup_action(menu, session, window: QMainWindow):
    """File > Back up to another drive… (Ctrl+Shift+B), for the roles that may; else None."""
    if not allowed(session.actor, "backup.run"):
        return None

    def open_dialog():
        from ui.backup.backup_dialog import BackupDialog

        dialog = BackupDialog(session, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        banner = getattr(window, "backup_banner", None)
        if banner is not None:
            dialog.backupDone.connect(lambda _outcome: banner.refresh())
        dialog.open()
        return dialog

    text = QCoreApplication.translate("BackupBanner", "&Back up to another drive…")
    action = menu.addAction(text, open_dialog)
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    return action
