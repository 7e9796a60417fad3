"""Signing keys and certificates.

A user who signs requests a key (made and sealed with their own password; the administrator then issues
its certificate) or imports a PKCS#12 file from a licensed CA. The administrator creates the hospital CA
(its key sealed with a passphrase), issues the waiting certificates, and exports the root certificate with
its SHA-256 fingerprint for the trust stores of Acrobat and Windows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.security.permissions import allowed
from ui import ops
from ui.errors import show_error
from ui.widgets.forms import InlineError, password_field


def grouped(fingerprint: str) -> str:
    """A colon-hex SHA-256 fingerprint on two lines of 16 bytes, so it fits and can be compared by eye."""
    parts = fingerprint.upper().replace(" ", "").split(":") if ":" in fingerprint else [
        fingerprint[i:i + 2].upper() for i in range(0, len(fingerprint), 2)]
    return "\n".join(":".join(parts[i:i + 16]) for i in range(0, len(parts), 16))


class CredentialsDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self.setWindowTitle(self.tr("Signing certificates"))
        self.session = session
        self.error = InlineError()
        self.result = QLabel()
        self.result.setObjectName("credentialsResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        self.mine = self._my_box() if allowed(session.actor, "document.sign") else None
        self.hospital = self._ca_box() if allowed(session.actor, "credentials.manage") else None
        for box in (self.mine, self.hospital):
            if box is not None:
                layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 40)
        self.refresh()

    # -- my certificate --------------------------------------------------------------------------

    def _my_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("My signing certificate"))
        self.my_state = QLabel()
        self.my_state.setObjectName("myCertificateState")
        self.my_state.setWordWrap(True)
        self.my_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.my_password = password_field()
        self.my_password.setObjectName("myPassword")
        self.p12_password = password_field()
        self.request_button = QPushButton(self.tr("&Request a certificate"))
        self.request_button.clicked.connect(self.request)
        self.import_button = QPushButton(self.tr("&Import a PKCS#12 file…"))
        self.import_button.clicked.connect(self.import_p12)
        form = QFormLayout()
        form.addRow(self.tr("My login &password:"), self.my_password)
        form.addRow(self.tr("Password of the PKCS#12 &file:"), self.p12_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.my_state)
        column.addLayout(form)
        column.addLayout(buttons)
        return box

    def ask_p12_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a PKCS#12 file"), str(Path.home()),
                                              self.tr("PKCS#12 files (*.p12 *.pfx)"))
        return path

    def request(self) -> None:
        password = self.my_password.text()
        if not password:
            return self._say_error(self.tr("Enter your login password: your new key is locked with it."))
        ctx, actor = self.session.ctx, self.session.actor
        self._run(lambda: ctx.credentials.request(actor, password),
                  self.tr("Requested. The administrator issues your certificate; then you can sign."))

    def import_p12(self) -> None:
        password = self.my_password.text()
        if not password:
            return self._say_error(self.tr("Enter your login password: the imported key is locked with it."))
        path = self.ask_p12_path()
        if not path:
            return None
        ctx, actor, p12_password = self.session.ctx, self.session.actor, self.p12_password.text()
        self._run(lambda: ctx.credentials.import_pkcs12(actor, Path(path).read_bytes(), p12_password, password),
                  self.tr("Imported. You sign with this certificate from now on."))
        return None

    # -- the hospital CA (administrator) ---------------------------------------------------------

    def _ca_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hospital certificate authority (administrator)"))
        self.ca_state = QLabel()
        self.ca_state.setObjectName("caState")
        self.ca_state.setWordWrap(True)
        self.ca_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = password_field()
        self.passphrase.setObjectName("caPassphrase")
        self.passphrase_again = password_field()
        self.create_button = QPushButton(self.tr("&Create the hospital CA"))
        self.create_button.clicked.connect(self.create_ca)
        self.issue_button = QPushButton(self.tr("&Issue requested certificates"))
        self.issue_button.clicked.connect(self.issue)
        self.export_button = QPushButton(self.tr("&Export the root certificate…"))
        self.export_button.clicked.connect(self.export_root)
        form = QFormLayout()
        form.addRow(self.tr("CA &passphrase:"), self.passphrase)
        form.addRow(self.tr("Passphrase a&gain (new CA only):"), self.passphrase_again)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.issue_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.ca_state)
        column.addLayout(form)
        column.addLayout(buttons)
        return box

    def create_ca(self) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.passphrase_again.text():
            return self._say_error(self.tr("The two passphrases differ."))
        ctx, actor = self.session.ctx, self.session.actor
        self._run(lambda: ctx.credentials.create_hospital_ca(actor, passphrase),
                  self.tr("The hospital CA was created. Keep the passphrase safe: without it no certificate can "
                          "be issued."))
        return None

    def issue(self) -> None:
        ctx, actor, passphrase = self.session.ctx, self.session.actor, self.passphrase.text()

        def issued(count: int) -> None:
            self._say(self.tr("%1 certificate(s) issued.").replace("%1", str(count)))
            self.refresh()

        self._run(lambda: ctx.credentials.issue_pending(actor, passphrase), on_success=issued)

    def ask_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the root certificate"),
                                              str(Path.home() / "hospital-root.crt"),
                                              self.tr("Certificates (*.crt *.pem)"))
        return path

    def export_root(self) -> None:
        path = self.ask_save_path()
        if not path:
            return
        ctx = self.session.ctx

        def export() -> str:
            Path(path).write_text(ctx.credentials.root_certificate_pem(), encoding="ascii")
            return ctx.credentials.root_fingerprint()

        def exported(fingerprint: str) -> None:
            self._say(self.tr("Saved as %1. SHA-256 fingerprint: %2 — compare it when importing the "
                                        "certificate into Acrobat or Windows.").replace("%1", path)
                                .replace("%2", "\n" + grouped(fingerprint)))

        self._run(export, on_success=exported)

    # -- shared ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx, actor = self.session.ctx, self.session.actor

        def load():
            mine = ctx.credentials.status(actor.user_id) if self.mine is not None and actor.user_id else None
            ca = ctx.credentials.root_fingerprint() if ctx.credentials.hospital_ca_exists() else ""
            return mine, ca

        ops.run(load, self._show_state, owner=self)

    def _show_state(self, state) -> None:
        mine, ca_fingerprint = state
        if self.mine is not None and mine is not None:
            text = {"none": self.tr("You have no signing certificate yet."),
                    "pending": self.tr("Requested; waiting for the administrator to issue it.")}.get(mine.state)
            if text is None:
                until = mine.not_after.strftime("%Y-%m-%d") if mine.not_after else "-"
                text = (self.tr("Active until %1. SHA-256 fingerprint: %2").replace("%1", until)
                        .replace("%2", "\n" + grouped(mine.fingerprint)))
            self.my_state.setText(text)
            self.request_button.setEnabled(mine.state == "none")
        if self.hospital is not None:
            self.ca_state.setText(self.tr("Root certificate SHA-256 fingerprint: %1").replace("%1", "\n" + grouped(ca_fingerprint))
                                  if ca_fingerprint else self.tr("The hospital CA has not been created yet."))
            self.create_button.setEnabled(not ca_fingerprint)
            self.passphrase_again.setEnabled(not ca_fingerprint)
            self.issue_button.setEnabled(bool(ca_fingerprint))
            self.export_button.setEnabled(bool(ca_fingerprint))

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.adjustSize()  # the answer may hold a two-line fingerprint: let the window grow to show it

    def _say_error(self, text: str) -> None:
        self.error.show_message(text)

    def _run(self, fn, done_text: str = "", on_success=None) -> None:
        self.error.clear_message()

        def succeeded(value) -> None:
            for field in (getattr(self, n, None) for n in ("my_password", "p12_password", "passphrase",
                                                             "passphrase_again")):
                if field is not None:
                    field.clear()
            if on_success is not None:
                on_success(value)
            else:
                self._say(done_text)
                self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, AppError):
                self.error.show_message(exc.localized())
            else:
                show_error(exc, self)

        ops.run(fn, succeeded, failed, owner=self)


def open_credentials_dialog(session, parent: QWidget | None) -> CredentialsDialog:
    dialog = CredentialsDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
