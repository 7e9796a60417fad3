"""First start in an empty data folder: the hospital, the administrator account, optional demo data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.config import DataDir
from app.context import AppContext, open_context
from app.errors import AppError
from app.records import Actor
from app.security.passwords import MIN_LENGTH
from ui import ops
from ui.errors import show_error
from ui.widgets.forms import InlineError, password_field, roomy_form, submit_buttons
from ui.widgets.heading import Heading


@dataclass
class SetupOutcome:
    ctx: AppContext | None
    actor: Actor | None = None
    error: BaseException | None = None  # initialise failed: the dialog stays, the context is kept
    demo_error: BaseException | None = None  # set up, but the demonstration data could not be loaded


def set_up(data_dir: DataDir, ctx: AppContext | None, hospital: str, username: str, display_name: str,
           password: str, load_demo: bool, progress: Callable[[str], None] | None = None) -> SetupOutcome:
    """Worker side: create the database if needed, initialise it, optionally load the demo data."""
    ctx = ctx or open_context(data_dir, create=True)
    try:
        actor = ctx.setup.initialise(hospital, username, password, display_name, demo=load_demo)
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI with the context so a retry can reuse it
        return SetupOutcome(ctx, error=exc)
    outcome = SetupOutcome(ctx, actor)
    if load_demo:
        try:
            from app.demo import populate  # written in parallel; heavy, so only imported when asked for

            populate(ctx, progress=progress)
        except BaseException as exc:  # noqa: BLE001
            outcome.demo_error = exc
    return outcome


class FirstRunDialog(QDialog):
    def __init__(self, data_dir: DataDir, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Set up MDT Desk"))
        self._data_dir = data_dir
        self.ctx = ctx
        self._given_ctx = ctx  # the caller's to close; one this dialog opens is closed here on cancel
        self.actor: Actor | None = None
        self._busy = False

        intro = QLabel(self.tr("This folder has no MDT Desk database yet. Enter the hospital's name and "
                               "create the administrator account; other users are added later."))
        intro.setWordWrap(True)
        folder = QLabel(self.tr("Data folder: %1").replace("%1", str(data_dir.root)))
        folder.setObjectName("hint")
        folder.setWordWrap(True)

        self.hospital = QLineEdit()
        self.hospital.setObjectName("hospital")
        self.hospital.setPlaceholderText(self.tr("e.g. Anytown County People's Hospital"))
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.display_name.setPlaceholderText(self.tr("The administrator's real name"))
        self.password = password_field()
        self.password.setObjectName("password")
        self.password2 = password_field()
        self.password2.setObjectName("password2")
        policy = QLabel(self.tr("At least %1 characters, mixing letters with digits or symbols.")
                        .replace("%1", str(MIN_LENGTH)))
        policy.setObjectName("hint")
        policy.setWordWrap(True)
        self.load_demo = QCheckBox(self.tr("Load demonstration data (invented patients, for training)"))
        self.load_demo.setObjectName("loadDemo")

        form = roomy_form()
        form.addRow(self.tr("Hospital name"), self.hospital)
        form.addRow(self.tr("Administrator user name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password2)
        form.addRow("", policy)
        self.error = InlineError()
        self.progress = QLabel()
        self.progress.setObjectName("hint")
        self.progress.hide()

        self.buttons, self.create_button, _cancel = submit_buttons(self, self.tr("Create"), "createButton",
                                                                   self.tr("Cancel"), self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(12)
        layout.addWidget(Heading(self.tr("Welcome to MDT Desk")))
        layout.addWidget(intro)
        layout.addWidget(folder)
        layout.addLayout(form)
        layout.addWidget(self.load_demo)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 38)
        self.hospital.setFocus()

    @classmethod
    def ask(cls, data_dir: DataDir, ctx: AppContext | None = None) -> tuple[AppContext, Actor] | None:
        dialog = cls(data_dir, ctx)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.ctx and dialog.actor:
            return dialog.ctx, dialog.actor
        return None

    def validate(self) -> str:
        """The first problem a person can fix before anything is written ("" when none)."""
        if not self.hospital.text().strip():
            self.hospital.setFocus()
            return self.tr("Enter the hospital name.")
        if not self.username.text().strip():
            self.username.setFocus()
            return self.tr("Enter the administrator's user name.")
        if not self.password.text():
            self.password.setFocus()
            return self.tr("Enter a password.")
        if self.password.text() != self.password2.text():
            self.password2.setFocus()
            return self.tr("The two passwords are not the same.")
        return ""

    def submit(self) -> None:
        if self._busy:
            return
        problem = self.validate()
        if problem:
            self.error.show_message(problem)
            return
        self.error.clear_message()
        self._set_busy(True)
        args = (self._data_dir, self.ctx, self.hospital.text().strip(), self.username.text().strip(),
                self.display_name.text().strip(), self.password.text(), self.load_demo.isChecked())
        progress = ops.progress_relay(self._show_progress, owner=self)
        ops.run(lambda: set_up(*args, progress=progress), self._done, self._failed, owner=self)

    def _show_progress(self, text: str) -> None:
        self.progress.setText(text)
        self.progress.setVisible(self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            self.progress.hide()
        self.create_button.setEnabled(not busy)
        self.create_button.setText(self.tr("Creating…") if busy else self.tr("Create"))

    def _done(self, outcome: SetupOutcome) -> None:
        self._set_busy(False)
        self.ctx = outcome.ctx
        if outcome.error is not None:
            self._failed(outcome.error)
            return
        self.actor = outcome.actor
        if outcome.demo_error is not None:
            show_error(outcome.demo_error, self, self.tr("The demonstration data could not be loaded"))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
        else:
            show_error(exc, self)

    def reject(self) -> None:
        if self._busy:
            return  # the database is being written; closing now would leave it half made
        if self.ctx is not None and self.actor is None and self.ctx is not self._given_ctx:
            self.ctx.close()  # created here but not set up: release the folder lock
            self.ctx = None
        super().reject()
