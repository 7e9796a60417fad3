"""The lock screen: the same user's password unlocks; another user may log in instead (handing over)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.records import Actor
from ui import ops
from ui.errors import show_error
from ui.qt_compat import emit
from ui.widgets.forms import InlineError, password_field
from ui.widgets.heading import Heading


class LockScreen(QDialog):
    unlocked = Signal(object)  # the same user (Actor)
    switched = Signal(object)  # another user logged in (Actor)

    def __init__(self, ctx, actor: Actor, hospital: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("MDT Desk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint)
        self.setStyleSheet("QDialog#lockScreen { background: #1f2937; } "
                           "QDialog#lockScreen > QLabel { color: #e5e7eb; }")
        self._ctx, self._actor = ctx, actor
        self._busy = False
        self._allow_close = False

        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setStyleSheet("QFrame#lockPanel { background: palette(window); border-radius: 8px; }")
        panel.setMaximumWidth(self.fontMetrics().horizontalAdvance("病") * 34)
        heading = Heading(self.tr("MDT Desk is locked"), scale=1.5)
        self.who = QLabel(self.tr("%1 was away; patient data is hidden. Enter the password to continue.")
                          .replace("%1", actor.display_name))
        self.who.setWordWrap(True)
        place = QLabel(hospital)
        place.setObjectName("subtitle")
        place.setVisible(bool(hospital))

        self.username = QLineEdit(actor.username)
        self.username.setObjectName("lockUsername")
        self.username.setReadOnly(True)
        self.password = password_field()
        self.password.setObjectName("lockPassword")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = InlineError()

        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.other_button = QPushButton(self.tr("Log in as another user"))
        self.other_button.setObjectName("otherUserButton")
        self.other_button.setAutoDefault(False)  # Enter in the password field must never switch users
        self.other_button.clicked.connect(self.other_user)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        self.note = QLabel(self.tr("Logging in as another user closes %1's windows; what they typed is kept "
                                   "as a draft.").replace("%1", actor.display_name))
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.hide()

        inner = QVBoxLayout(panel)
        inner.setContentsMargins(30, 24, 30, 20)
        inner.setSpacing(12)
        inner.addWidget(heading)
        inner.addWidget(place)
        inner.addWidget(self.who)
        inner.addLayout(form)
        inner.addWidget(self.note)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.password.setFocus()

    @property
    def switching(self) -> bool:
        return not self.username.isReadOnly()

    def other_user(self) -> None:
        self.username.setReadOnly(False)
        self.username.clear()
        self.password.clear()
        self.note.show()
        self.error.clear_message()
        self.other_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Log in"))
        self.username.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_message(self.tr("Enter the user name and password."))
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        auth, actor = self._ctx.auth, self._actor
        if username == actor.username:
            ops.run(lambda: auth.unlock(actor, password), self._done, self._failed, owner=self)
        else:
            ops.run(lambda: auth.login(username, password), self._done, self._failed, owner=self)

    def _done(self, who: Actor) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self._allow_close = True
        emit(self.unlocked if who.user_id == self._actor.user_id else self.switched, who)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.error.show_message(exc.localized())
        self.password.clear()
        self.password.setFocus()

    def finish(self) -> None:
        """Close for good (unlocked or handed over)."""
        self._allow_close = True
        self.done(QDialog.DialogCode.Accepted)

    # Neither Escape nor the window manager's close button may uncover the data.
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._allow_close:
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self._allow_close:
            super().reject()
