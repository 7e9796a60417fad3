"""A dialog that saves itself: OK runs the service call in the background and closes only once it worked;
a refused value stays on screen with the reason, so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.errors import AppError
from ui import ops
from ui.errors import show_error
from ui.qt_compat import emit
from ui.widgets.forms import InlineError


class SavingDialog(QDialog):
    """A subclass lays out its form and provides `values()`, the dict of what was typed that `save` gets;
    it may refine `check(values)`."""

    saved = Signal(object)  # what the service returned

    def __init__(self, save: Callable[[dict], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._busy = False
        self.error = InlineError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def check(self, values: dict) -> str:
        """A message when the form is not complete yet (before asking the service); "" when it is."""
        return ""

    def accept(self) -> None:
        if self._busy:
            return
        values = self.values()
        problem = self.check(values)
        if problem:
            self.error.show_message(problem)
            return
        self.error.clear_message()
        self._busy = True
        self.buttons.setEnabled(False)
        save = self._save
        ops.run(lambda: save(values), self._done, self._failed, owner=self)

    def _done(self, result) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        emit(self.saved, result)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
        else:
            show_error(exc, self)
