"""The administrator's account rules: lockout after wrong passwords and the idle auto-lock."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.errors import AppError
from app.records import Actor
from app.services.account_settings import LIMITS, AccountPolicy
from ui import ops
from ui.errors import show_error
from ui.widgets.forms import InlineError
from ui.widgets.heading import Heading


class AccountRulesDialog(QDialog):
    def __init__(self, ctx, actor: Actor, policy: AccountPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountRulesDialog")
        self.setWindowTitle(self.tr("Account rules"))
        self._ctx, self._actor = ctx, actor
        self.policy: AccountPolicy | None = None
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        labels = {
            "lockout_attempts": (self.tr("Lock an account after"), self.tr(" wrong passwords")),
            "lockout_minutes": (self.tr("Keep it locked for"), self.tr(" minutes")),
            "idle_lock_minutes": (self.tr("Lock the screen after"), self.tr(" minutes without input")),
        }
        for key, (text, suffix) in labels.items():
            _, low, high = LIMITS[key]
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            spin.setValue(getattr(policy, key))
            self.spins[key] = spin
            form.addRow(text, spin)
        note = QLabel(self.tr("The screen lock hides patient data on a shared PC until the same user enters "
                              "the password again. A changed idle time applies from the next log-in."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 20, 26, 16)
        layout.setSpacing(12)
        layout.addWidget(Heading(self.tr("Account rules")))
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 30)

    def submit(self) -> None:
        values = {k: s.value() for k, s in self.spins.items()}
        settings, actor = self._ctx.account_settings, self._actor
        self.ok_button.setEnabled(False)
        ops.run(lambda: settings.update(actor, **values), self._saved, self._failed, owner=self)

    def _saved(self, policy: AccountPolicy) -> None:
        self.ok_button.setEnabled(True)
        self.policy = policy
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.error.show_message(exc.localized())
