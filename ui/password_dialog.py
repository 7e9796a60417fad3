"""Changing one's own password; forced after the administrator created or reset the account.

Forced, it must be completed before the main window opens: the only other way out is back to the log-in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QVBoxLayout, QWidget

from app.errors import AppError
from app.records import Actor
from app.security.passwords import MIN_LENGTH
from ui import ops
from ui.errors import show_error
from ui.widgets.forms import InlineError, password_field, roomy_form, submit_buttons
from ui.widgets.heading import Heading


class PasswordChangeDialog(QDialog):
    def __init__(self, ctx, actor: Actor, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordChangeDialog")
        self.setWindowTitle(self.tr("Change password"))
        self._ctx, self._actor = ctx, actor
        self.actor: Actor | None = None  # the updated account after a change
        self._busy = False

        note = QLabel(self.tr("The administrator set a temporary password for %1. Choose your own password "
                              "before you continue.").replace("%1", actor.display_name) if forced else
                      self.tr("Choose a new password for %1.").replace("%1", actor.display_name))
        note.setWordWrap(True)
        rules = QLabel(self.tr("At least %1 characters, with letters and digits, and not your user name.")
                       .replace("%1", str(MIN_LENGTH)))
        rules.setObjectName("hint")
        rules.setWordWrap(True)
        self.current = password_field()
        self.current.setObjectName("currentPassword")
        self.new = password_field()
        self.new.setObjectName("newPassword")
        self.repeat = password_field()
        self.repeat.setObjectName("repeatPassword")
        form = roomy_form()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.error = InlineError()

        self.buttons, self.ok_button, self.cancel_button = submit_buttons(
            self, self.tr("Change password"), "changeButton",
            self.tr("Back to log-in") if forced else self.tr("Cancel"), self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 18)
        layout.setSpacing(12)
        layout.addWidget(Heading(self.tr("Change password")))
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(rules)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 28)
        if forced:
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.current.setFocus()

    @classmethod
    def ask(cls, ctx, actor: Actor, forced: bool = False, parent: QWidget | None = None) -> Actor | None:
        dialog = cls(ctx, actor, forced, parent)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None

    def submit(self) -> None:
        if self._busy:
            return
        old, new = self.current.text(), self.new.text()
        if not old or not new:
            self.error.show_message(self.tr("Enter your current password and the new one."))
            (self.current if not old else self.new).setFocus()
            return
        if new != self.repeat.text():
            self.error.show_message(self.tr("The two new passwords differ. Type the new password twice."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self._set_busy(True)
        auth, actor = self._ctx.auth, self._actor
        ops.run(lambda: auth.change_password(actor, old, new), self._changed, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)

    def _changed(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.error.show_message(exc.localized())
        wrong_current = getattr(exc, "field", "") != "password"
        target = self.current if wrong_current else self.new
        target.selectAll()
        target.setFocus()


def add_password_action(menu: QMenu, session, parent: QWidget) -> QAction:
    """File → Change password…: the logged-in user's own change, whenever they like."""

    def change() -> None:
        dialog = PasswordChangeDialog(session.ctx, session.actor, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return menu.addAction(QCoreApplication.translate("PasswordChangeDialog", "Change &password…"), change)
