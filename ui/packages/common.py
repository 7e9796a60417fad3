"""What the package dialogs share: their frame, the passphrase rule, the secrets form, progress text, sizes."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP as N
from app.services.packages import MIN_PASSPHRASE
from ui.widgets.forms import InlineError, password_field
from ui.widgets.heading import Heading

CONTEXT = "PackageDialogs"
PROGRESS_EVERY_S = 0.1
STRONG_LENGTH = 16  # a long phrase of one kind of character is strong enough on its own


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def passphrase_problem(passphrase: str, repeat: str) -> str | None:
    """The rule for a package passphrase: long enough, more than one kind of character (or very long),
    typed the same twice. The receiver needs it, so it travels by another way than the file (a phone call)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return tr(N("PackageDialogs", "The passphrase must have at least {n} characters.")).format(n=MIN_PASSPHRASE)
    kinds = sum(1 for test in (str.isalpha, str.isdigit, lambda c: not c.isalnum()) if any(map(test, passphrase)))
    if kinds < 2 and len(passphrase) < STRONG_LENGTH:
        return tr(N("PackageDialogs", "The passphrase is too weak: mix letters with digits or signs, or use at "
                                      "least {n} characters.")).format(n=STRONG_LENGTH)
    if passphrase != repeat:
        return tr(N("PackageDialogs", "The two passphrases differ. Type the same passphrase twice."))
    return None


def stage_text(stage: str) -> str:
    return {
        "deidentify": tr(N("PackageDialogs", "De-identifying the files…")),
        "write": tr(N("PackageDialogs", "Encrypting and writing the package…")),
        "verify": tr(N("PackageDialogs", "Checking the signature and every file…")),
        "store": tr(N("PackageDialogs", "Storing the files…")),
    }.get(stage, "")


class Secrets:
    """Passphrase (twice, when making a package) and the user's password (to sign)."""

    def __init__(self, form: QFormLayout, *, repeat: bool, password: bool) -> None:
        self.passphrase = password_field()
        self.passphrase.setObjectName("packagePassphrase")
        form.addRow(tr(N("PackageDialogs", "Package passphrase (at least %1 characters):")).replace("%1", str(MIN_PASSPHRASE)),
                    self.passphrase)
        self.repeat: QLineEdit | None = None
        self.password: QLineEdit | None = None
        if repeat:
            self.repeat = password_field()
            self.repeat.setObjectName("packagePassphraseRepeat")
            form.addRow(tr(N("PackageDialogs", "Passphrase again:")), self.repeat)
        if password:
            self.password = password_field()
            self.password.setObjectName("signingPassword")
            self.password.setPlaceholderText(tr(N("PackageDialogs", "Your login password: it unlocks your signing key")))
            form.addRow(tr(N("PackageDialogs", "Your password (to sign):")), self.password)

    def fields(self) -> list[QLineEdit]:
        return [f for f in (self.passphrase, self.repeat, self.password) if f is not None]

    def problem(self) -> str | None:
        if self.repeat is not None:
            bad = passphrase_problem(self.passphrase.text(), self.repeat.text())
            if bad:
                return bad
        elif not self.passphrase.text():
            return tr(N("PackageDialogs", "Type the package passphrase (the sender tells it to you by another way than the file)."))
        if self.password is not None and not self.password.text():
            return tr(N("PackageDialogs", "Type your password: the package is signed with your key."))
        return None


class Progress:
    """A progress bar fed from the worker (throttled), with a cancel flag the service polls."""

    def __init__(self, owner: QWidget, on_text) -> None:
        from ui import ops

        self.bar = QProgressBar()
        self.bar.setObjectName("packageProgress")
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.cancel = threading.Event()
        self._on_text = on_text
        self._relay = ops.progress_relay(self._show, owner=owner)
        self._last = 0.0

    def start(self) -> None:
        self.cancel.clear()
        self.bar.setValue(0)
        self.bar.show()

    def stop(self) -> None:
        self.bar.hide()

    def report(self, stage: str, done: int, total: int) -> None:
        """Called on the worker thread."""
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY_S or done >= total:
            self._last = now
            self._relay((stage, done, total))

    def _show(self, value) -> None:
        stage, done, total = value
        self.bar.setValue(int(1000 * done / total) if total else 0)
        self._on_text(stage_text(stage))


class PackageDialog(QDialog):
    """The frame of a package dialog: heading, the package file with its browse button, a status line, the
    inline error and a row of action buttons ending in Close. A subclass provides `choose_file()` and puts
    its own fields between `top()` and `bottom()`."""

    def __init__(self, name: str, title: str, status_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._title = title
        self.status = QLabel()
        self.status.setObjectName(status_name)
        self.status.setWordWrap(True)
        self.error = InlineError()
        self.buttons = QDialogButtonBox()

    def add_action(self, text: str, name: str, slot) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def file_row(self, form: QFormLayout, edit: QLineEdit, browse_text: str, browse_name: str) -> None:
        browse = QPushButton(browse_text)
        browse.setObjectName(browse_name)
        browse.setAutoDefault(False)  # Enter in a field means the dialog's action, not "browse"
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        form.addRow(tr(N("PackageDialogs", "Package file:")), row)

    def top(self) -> QVBoxLayout:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(Heading(self._title, scale=1.25))
        return layout

    def bottom(self, layout: QVBoxLayout, progress: Progress | None = None) -> None:
        self.buttons.addButton(tr(N("PackageDialogs", "Close")), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        if progress is not None:
            layout.addWidget(progress.bar)
        for w in (self.status, self.error, self.buttons):
            layout.addWidget(w)
