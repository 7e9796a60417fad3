"""Enrol (or replace) one's handwritten signature: write it on the pad, confirm with one's password.

The image is sealed with the user's own password by the handwriting service, so nobody else can put it
under a document. A wrong password or an empty pad is said inside the dialog; nothing is stored then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from ui import ops
from ui.errors import show_error
from ui.signing.signature_pad import SignaturePad
from ui.widgets.forms import InlineError, password_field


class EnrolDialog(QDialog):
    def __init__(self, session, already_enrolled: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("My handwritten signature"))
        self.session = session
        self.enrolled = False
        intro = QLabel(self.tr("Write your signature in the box with the mouse, a pen or a tablet, as you sign on "
                               "paper. It appears in your signature box on every document you sign, and only "
                               "your password unlocks it."))
        intro.setWordWrap(True)
        self.replacing = QLabel(self.tr("You have already enrolled a signature: saving replaces it."))
        self.replacing.setObjectName("replacingNote")
        self.replacing.setVisible(already_enrolled)
        self.pad = SignaturePad()
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.undo_button = QPushButton(self.tr("&Undo stroke"))
        self.redo_button = QPushButton(self.tr("&Redo stroke"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.redo_button.clicked.connect(self.pad.redo)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.pad.undo)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Redo), self, self.pad.redo)
        tools = QHBoxLayout()
        for b in (self.clear_button, self.undo_button, self.redo_button):
            tools.addWidget(b)
        tools.addStretch(1)
        self.password = password_field()
        self.password.setObjectName("enrolPassword")
        form = QFormLayout()
        form.addRow(self.tr("Your login &password:"), self.password)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save signature"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.replacing)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(tools)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pad.changed.connect(self._update_buttons)
        self._update_buttons()
        self.pad.setFocus()

    def _update_buttons(self) -> None:
        self.clear_button.setEnabled(not self.pad.is_empty())
        self.undo_button.setEnabled(self.pad.can_undo())
        self.redo_button.setEnabled(self.pad.can_redo())
        if not self.pad.is_empty():
            self.error.clear_message()

    def save(self) -> None:
        if self.pad.is_empty():
            self.error.show_message(self.tr("The box is empty: write your signature first."))
            self.pad.setFocus()
            return
        password = self.password.text()
        if not password:
            self.error.show_message(self.tr("Enter your login password to confirm it is you."))
            self.password.setFocus()
            return
        self.error.clear_message()
        self.buttons.setEnabled(False)
        ctx, actor, png = self.session.ctx, self.session.actor, self.pad.to_png()
        ops.run(lambda: ctx.handwriting.enrol(actor, password, png), self._saved, self._failed, owner=self)

    def _saved(self, _result) -> None:
        self.enrolled = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
            self.password.selectAll()
            self.password.setFocus()
        else:
            show_error(exc, self)


def open_enrol_dialog(session, parent: QWidget | None) -> EnrolDialog:
    """Ask the service whether a signature exists (to say it will be replaced), then show the dialog."""
    dialog = EnrolDialog(session, session.ctx.handwriting.has(session.actor.user_id), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
