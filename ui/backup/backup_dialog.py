"""Backing up to another drive (a USB stick, a network folder): encrypted, with progress and cancel.

    BackupDialog.run_for(session, parent)   # the BackupResult, or None (closed, cancelled or failed)

Tests set the folder and passphrase with `set_folder()` / `set_passphrase()`, call `start()` and wait for
`backupDone` (a BackupResult, or the exception that ended the backup).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services.backup_archive import MIN_PASSPHRASE, OperationCancelled
from ui import ops
from ui.errors import show_error
from ui.geometry import GeometryStore
from ui.qt_compat import emit
from ui.widgets.forms import InlineError, password_field
from ui.widgets.heading import Heading

GEOMETRY_KEY = "backupDialog"
LAST_DIR_KEY = "backup/last_dir"
PROGRESS_EVERY_S = 0.1


def _megabytes(n: int) -> str:
    return f"{n / 1e6:.1f}"


class BackupDialog(QDialog):
    backupDone = Signal(object)  # BackupResult, or the exception that ended the backup

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up to another drive"))
        self._session = session
        self._geometry = GeometryStore(session.data_dir)
        self._cancel = threading.Event()
        self._running = False
        self._close_when_done = False
        self.result_ = None

        intro = QLabel(self.tr(
            "Writes an encrypted copy of all the data (the database and every stored file) into a folder on "
            "another drive, such as a USB stick. Keep the passphrase safe: without it the backup cannot be "
            "restored. Keep the drive away from this PC."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)

        self.folder_edit = QLineEdit(self._geometry.value(LAST_DIR_KEY, ""))
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setPlaceholderText(self.tr("Choose the folder on the USB stick or other drive"))
        self.folder_edit.textChanged.connect(self._changed)
        browse = QPushButton(self.tr("Choose folder…"))
        browse.setObjectName("browseButton")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.setSpacing(8)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)

        self.passphrase = password_field()
        self.passphrase.setObjectName("backupPassphrase")
        self.passphrase.textChanged.connect(self._changed)
        self.repeat = password_field()
        self.repeat.setObjectName("backupPassphraseRepeat")
        self.repeat.textChanged.connect(self._changed)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Passphrase (at least %1 characters):").replace("%1", str(MIN_PASSPHRASE)),
                    self.passphrase)
        form.addRow(self.tr("Passphrase again:"), self.repeat)

        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.error = InlineError()

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Back up"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setObjectName("startBackup")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel backup"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelBackup")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(Heading(self.tr("Back up to another drive"), scale=1.25))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.start_button.setDefault(True)
        self.resize(self.fontMetrics().horizontalAdvance("病") * 44, 360)
        self._geometry.restore(self, GEOMETRY_KEY)
        self._changed()

    @classmethod
    def run_for(cls, session, parent: QWidget | None = None):
        dialog = cls(session, parent)
        try:
            dialog.exec()
            return dialog.result_
        finally:
            dialog.deleteLater()

    # -- the form ---------------------------------------------------------------------------------

    def set_folder(self, path: str | Path) -> None:
        self.folder_edit.setText(str(path))

    def set_passphrase(self, text: str, repeat: str | None = None) -> None:
        self.passphrase.setText(text)
        self.repeat.setText(text if repeat is None else repeat)

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text) if text else None

    def choose_folder(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), start)
        if chosen:
            self.set_folder(chosen)

    def _changed(self, _text: str = "") -> None:
        self.error.clear_message()
        self.start_button.setEnabled(not self._running and self.folder() is not None
                                     and bool(self.passphrase.text()))

    def _problem(self) -> str | None:
        folder = self.folder()
        if folder is None or not folder.is_dir():
            return self.tr("The folder {path} does not exist. Is the USB stick plugged in?").format(path=folder)
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            return self.tr("The passphrase must have at least {n} characters.").format(n=MIN_PASSPHRASE)
        if self.passphrase.text() != self.repeat.text():
            return self.tr("The two passphrases differ. Type the same passphrase twice.")
        return None

    # -- backing up -------------------------------------------------------------------------------

    def start(self) -> None:
        if self._running:
            return
        problem = self._problem()
        if problem:
            self.error.show_message(problem)
            return
        folder, passphrase = self.folder(), self.passphrase.text()
        self._geometry.set_value(LAST_DIR_KEY, str(folder))
        self._cancel.clear()
        self.result_ = None
        self._set_running(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Copying the database…"))
        relay = ops.progress_relay(self._progress, owner=self)
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY_S or done >= total:
                last[0] = now
                relay((done, total))

        service, actor = self._session.ctx.backups, self._session.actor
        ops.run(lambda: service.backup(actor, folder, passphrase, progress, self._cancel.is_set),
                self._done, self._failed, owner=self)

    def cancel(self) -> None:
        if self._running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self._running

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        for w in (self.folder_edit, self.passphrase, self.repeat):
            w.setEnabled(not running)
        self._changed()

    def _progress(self, value) -> None:
        done, total = value
        if self._running and not self._cancel.is_set():
            self.progress.setValue(int(done * 1000 / total) if total else 1000)
            self.status.setText(self.tr("Written {done} of {total} MB…").format(
                done=_megabytes(done), total=_megabytes(total)))

    def _done(self, result) -> None:
        self._set_running(False)
        self.result_ = result
        self.passphrase.clear()
        self.repeat.clear()
        self.status.setText(self.tr("Backup written: {path} ({size} MB, {files} stored files).").format(
            path=result.path, size=_megabytes(result.size), files=result.files))
        emit(self.backupDone, result)
        self._close_if_asked()

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        if isinstance(exc, OperationCancelled):
            self.status.setText(exc.localized())
        elif isinstance(exc, AppError):
            self.status.clear()
            self.error.show_message(exc.localized())
        else:
            self.status.clear()
            show_error(exc, self)
        emit(self.backupDone, exc)
        self._close_if_asked()

    # -- closing ----------------------------------------------------------------------------------

    def _close_if_asked(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def reject(self) -> None:
        if self._running:  # closing cancels first; the dialog closes once nothing is left half-written
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._geometry.save(self, GEOMETRY_KEY)
        super().done(result)
