"""Logging in: user name, password, Enter submits; a wrong password is said inside the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.records import Actor
from ui import ops
from ui.errors import show_error
from ui.geometry import GeometryStore
from ui.widgets.forms import InlineError, password_field, roomy_form, submit_buttons
from ui.widgets.heading import Heading

LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    def __init__(self, ctx, hospital_name: str = "", store: GeometryStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in — MDT Desk"))
        self._ctx = ctx
        self._store = store or GeometryStore(None)
        self.actor: Actor | None = None
        self._busy = False

        title = Heading(self.tr("MDT Desk"), scale=1.6)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hospital = QLabel(hospital_name)
        hospital.setObjectName("subtitle")
        hospital.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hospital.setVisible(bool(hospital_name))

        self.username = QLineEdit(self._store.value(LAST_USER_KEY))
        self.username.setObjectName("username")
        self.password = password_field()
        self.password.setObjectName("password")
        form = roomy_form()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = InlineError()

        self.buttons, self.login_button, _quit = submit_buttons(self, self.tr("Log in"), "loginButton",
                                                                self.tr("Quit"), self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 22)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(hospital)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 26)
        (self.password if self.username.text() else self.username).setFocus()

    @classmethod
    def ask(cls, ctx, hospital_name: str = "", store: GeometryStore | None = None) -> Actor | None:
        dialog = cls(ctx, hospital_name, store)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_message(self.tr("Enter your user name and password."))
            (self.username if not username else self.password).setFocus()
            return
        self._set_busy(True)
        auth = self._ctx.auth
        ops.run(lambda: auth.login(username, password), self._succeeded, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.login_button.setEnabled(not busy)
        self.login_button.setText(self.tr("Checking…") if busy else self.tr("Log in"))

    def _succeeded(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self._store.set_value(LAST_USER_KEY, actor.username)
        self.error.clear_message()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.error.show_message(exc.localized())
        self.password.clear()
        self.password.setFocus()
