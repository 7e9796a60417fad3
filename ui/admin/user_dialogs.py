"""The administrator's account dialogs: a new account, a temporary password (both changed at first log-in)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import codes, label
from app.errors import AppError
from app.records import Actor, UserRow
from app.security.passwords import MIN_LENGTH
from ui import ops
from ui.errors import show_error
from ui.widgets.forms import InlineError, password_field
from ui.widgets.heading import Heading


class _AccountDialog(QDialog):
    """Shared frame: a heading, a form, the password rule, an inline error, OK/Cancel.

    Subclasses define `submit()`, which OK calls. (Qt's metaclass rules out abc here.)"""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_row: UserRow | None = None
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(10)
        self.error = InlineError()
        rule = QLabel(QCoreApplication.translate(
            "AccountDialog", "The password: at least %1 characters, letters and digits, not the user name. "
            "The user must choose their own at the first log-in.").replace("%1", str(MIN_LENGTH)))
        rule.setObjectName("hint")
        rule.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 20, 26, 16)
        layout.setSpacing(12)
        layout.addWidget(Heading(title))
        layout.addLayout(self.form)
        layout.addWidget(rule)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 28)

    def run(self, fn) -> None:
        self.buttons.setEnabled(False)
        ops.run(fn, self._done, self._failed, owner=self)

    def _done(self, row: UserRow) -> None:
        self.buttons.setEnabled(True)
        self.result_row = row
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.error.show_message(exc.localized())


class NewUserDialog(_AccountDialog):
    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New user"), parent)
        self.setObjectName("newUserDialog")
        self._ctx, self._actor = ctx, actor
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newDisplayName")
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for code in codes("role"):
            self.role.addItem(label("role", code), code)
        self.role.setCurrentIndex(max(0, self.role.findData("physician")))
        self.title = QComboBox()
        self.title.addItem("", "")
        for code in codes("title"):
            self.title.addItem(label("title", code), code)
        self.password = password_field()
        self.password.setObjectName("newPassword")
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Temporary password"), self.password)
        self.username.setFocus()

    def submit(self) -> None:
        users, actor = self._ctx.users, self._actor
        args = (self.username.text().strip(), self.display_name.text().strip(), self.role.currentData(),
                self.password.text())
        title = self.title.currentData()
        self.run(lambda: users.create(actor, *args, title=title, must_change_password=True))


class ResetPasswordDialog(_AccountDialog):
    def __init__(self, ctx, actor: Actor, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reset password"), parent)
        self.setObjectName("resetPasswordDialog")
        self._ctx, self._actor, self._user = ctx, actor, user
        who = QLabel(f"{user.display_name} ({user.username})")
        self.password = password_field()
        self.password.setObjectName("resetPassword")
        self.form.addRow(self.tr("User"), who)
        self.form.addRow(self.tr("Temporary password"), self.password)
        self.password.setFocus()

    def submit(self) -> None:
        users, actor, user_id, password = self._ctx.users, self._actor, self._user.id, self.password.text()
        self.run(lambda: users.reset_password(actor, user_id, password))
