"""The reviewer's side of the workflow in the case editor: approve, return for more information, cancel.

Which buttons show follows the case status and the user's role (the same permission matrix the services
enforce); returning and cancelling need a reason, kept in the case's timeline.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.workflow import permission_for
from app.security.permissions import allowed
from ui import ops
from ui.cases.editor.dialogs import _exec
from ui.cases.editor.widgets import TextArea
from ui.errors import show_error
from ui.qt_compat import emit

# target status -> needs a reason
ACTIONS = (("approved", False), ("returned", True), ("cancelled", True))


class ReasonDialog(QDialog):
    """Asks why a case is returned or cancelled; the reason is required."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = TextArea(3)
        self.reason.setObjectName("reason")
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason.text().strip())))
        self.ok.setEnabled(False)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 30)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        dialog = cls(title, prompt, parent)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip()


class ReviewBar(QWidget):
    """Approve / Return… / Cancel case… for the roles allowed to take the case from its current status."""

    transitioned = Signal(str)  # the new status

    def __init__(self, session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.status = ""
        self.buttons: dict[str, QPushButton] = {
            "approved": QPushButton(self.tr("Approve")),
            "returned": QPushButton(self.tr("Return for more information…")),
            "cancelled": QPushButton(self.tr("Cancel case…")),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for target, button in self.buttons.items():
            button.setObjectName(f"review_{target}")
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            layout.addWidget(button)
        self.show_for("")

    def show_for(self, status: str) -> None:
        self.status = status
        actor = self.session.actor
        for target, button in self.buttons.items():
            action = permission_for(status, target) if status else None
            button.setVisible(bool(action) and allowed(actor, action))

    def move_to(self, target: str) -> None:
        needs_reason = dict(ACTIONS)[target]
        note = ""
        if needs_reason:
            if target == "returned":
                note = ReasonDialog.ask(self, self.tr("Return for more information"),
                                        self.tr("What must the applicant add or correct? (required, kept in the "
                                                "timeline)"))
            else:
                note = ReasonDialog.ask(self, self.tr("Cancel the case"),
                                        self.tr("Why is this MDT application cancelled? (required, kept in the "
                                                "timeline)"))
            if note is None:
                return
        cases, actor, cid = self.session.ctx.cases, self.session.actor, self.case_id
        for button in self.buttons.values():
            button.setEnabled(False)
        ops.run(lambda: cases.transition(actor, cid, target, note), self._done, self._failed, owner=self)

    def _done(self, status: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        emit(self.transitioned, status)

    def _failed(self, exc: BaseException) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        show_error(exc, self)
