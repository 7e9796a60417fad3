"""Bits the dialogs share: an inline error line and a password field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget


class InlineError(QLabel):
    """A red sentence inside the dialog (instead of a modal box); hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, wired to the dialog's accept and reject."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def roomy_form() -> QFormLayout:
    """The form of the small account dialogs (log-in, password, first run): room between the rows."""
    form = QFormLayout()
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(10)
    return form


def submit_buttons(dialog: QDialog, submit_text: str, object_name: str, reject_text: str, submit
                   ) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A default button that calls `submit` (the dialog checks, then accepts) and one that rejects."""
    box = QDialogButtonBox()
    ok = box.addButton(submit_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(object_name)
    ok.setDefault(True)
    cancel = box.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(submit)
    box.rejected.connect(dialog.reject)
    return box, ok, cancel
