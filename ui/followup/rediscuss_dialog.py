"""The confirmation before a case goes back to the agenda (再讨论): what will happen, and the reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.followup.saving_dialog import SavingDialog


class RediscussDialog(SavingDialog):
    def __init__(self, heading: str, reason: str, save: Callable[[dict], Any], parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("rediscussDialog")
        self.setWindowTitle(self.tr("Send the case back for re-discussion"))
        title = QLabel(heading)
        title.setObjectName("subtitle")
        explain = QLabel(self.tr("The case goes back on the waiting list of its team for the next meeting. "
                                 "Its earlier discussions and decisions stay in its history; the new "
                                 "discussion gets its own decision."))
        explain.setWordWrap(True)
        self.reason = QPlainTextEdit(reason)
        self.reason.setObjectName("rediscussReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why the team must discuss the case again (required)"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send &back to the agenda"))
        ok.setObjectName("confirmRediscuss")
        ok.setAutoDefault(False)  # sending back takes a click or Alt+B, never a stray Enter
        self._cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 30)
        self.reason.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._cancel.setDefault(True)

    def values(self) -> dict:
        return {"reason": self.reason.toPlainText().strip()}

    def check(self, values: dict) -> str:
        return "" if values["reason"] else self.tr("Enter why the case needs to be discussed again.")
