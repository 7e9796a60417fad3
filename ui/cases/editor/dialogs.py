"""The editor's questions. Each has a classmethod `ask()` (tests monkeypatch it; under tests an
un-patched `ask()` fails loudly instead of waiting for a click that never comes)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.readiness import FIELD_LABELS, Readiness
from ui.cases.editor.readiness_tab import GLYPHS, template_text
from ui.cases.editor.widgets import TextArea
from ui.errors import test_mode
from ui.widgets.heading import Heading


def _exec(dialog: QDialog) -> int:
    if test_mode():
        raise RuntimeError(f"{type(dialog).__name__}.ask() opened a modal dialog under test: monkeypatch it")
    return dialog.exec()


class RestoreDraftDialog(QMessageBox):
    """"Restore what you typed?" when a case is opened that has an autosaved draft."""

    def __init__(self, saved_at: str, record_changed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDraftDialog")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved text found"))
        self.setText(self.tr("This case has text that was typed but not saved (autosaved %1), for example "
                             "because the program or the computer stopped.").replace("%1", saved_at or "—"))
        info = self.tr("Restore it into the form? You can still check it before saving.")
        if record_changed:
            info += "\n" + self.tr("The case has been saved since then: restoring replaces those values "
                                   "with the draft's.")
        self.setInformativeText(info)
        self.restore_button = self.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("Discard the draft"), QMessageBox.ButtonRole.DestructiveRole)
        self.setDefaultButton(self.restore_button)

    @classmethod
    def ask(cls, parent: QWidget | None, saved_at: str, record_changed: bool = False) -> bool:
        dialog = cls(saved_at, record_changed, parent)
        _exec(dialog)
        return dialog.clickedButton() is dialog.restore_button


class UnsavedChangesDialog(QMessageBox):
    """Closing with unsaved changes: "save", "discard" or "cancel"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsavedChangesDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setText(self.tr("This case has changes that are not saved."))
        self.setInformativeText(self.tr("Save them before closing?"))
        self.save_button = self.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.save_button)

    @classmethod
    def ask(cls, parent: QWidget | None) -> str:
        dialog = cls(parent)
        _exec(dialog)
        clicked = dialog.clickedButton()
        return "save" if clicked is dialog.save_button else "discard" if clicked is dialog.discard_button \
            else "cancel"


class ConflictDialog(QMessageBox):
    """Someone saved the case meanwhile: the text stays a draft; reload now to restore it onto theirs?"""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Not saved"))
        self.setText(message)
        self.setInformativeText(self.tr("Your text is kept as a draft. Reload the case now? It then offers "
                                        "your draft again, to restore and check before saving."))
        self.reload_button = self.addButton(self.tr("Reload the case"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.reload_button)

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> bool:
        dialog = cls(message, parent)
        _exec(dialog)
        return dialog.clickedButton() is dialog.reload_button


class SubmitDialog(QDialog):
    """Submit for a meeting; an incomplete case lists what is missing and needs the reason to go anyway."""

    def __init__(self, readiness: Readiness, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submitDialog")
        self.setWindowTitle(self.tr("Submit for a meeting"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        self.reason: TextArea | None = None
        if readiness.ready:
            layout.addWidget(Heading(self.tr("The case is complete.")))
            layout.addWidget(QLabel(self.tr("Submit it to the MDT team for a meeting?")))
        else:
            layout.addWidget(Heading(self.tr("The case is not complete")))
            missing = [template_text(FIELD_LABELS.get(f, f)) for f in readiness.missing_fields]
            missing += [self.tr("%1 (%2)").replace("%1", template_text(i.label)).replace("%2", self.state_word(i.state))
                        for i in readiness.missing]
            listing = QLabel("\n".join(f"{GLYPHS['missing']} {m}" for m in missing))
            listing.setObjectName("missingList")
            listing.setWordWrap(True)
            layout.addWidget(listing)
            layout.addWidget(QLabel(self.tr("Why must it be discussed anyway? (required, kept in the timeline)")))
            self.reason = TextArea(3)
            self.reason.setObjectName("overrideReason")
            self.reason.textChanged.connect(self._reason_changed)
            layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox()
        self.ok = QPushButton(self.tr("Submit") if readiness.ready else self.tr("Submit anyway"))
        self.ok.setDefault(True)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 34)
        self._reason_changed()

    def state_word(self, state: str) -> str:
        return self.tr("out of date") if state == "stale" else self.tr("missing")

    def _reason_changed(self) -> None:
        self.ok.setEnabled(self.reason is None or bool(self.reason.text().strip()))

    def reason_text(self) -> str:
        return self.reason.text().strip() if self.reason is not None else ""

    @classmethod
    def ask(cls, parent: QWidget | None, readiness: Readiness) -> str | None:
        """None: not submitted. "" for a complete case, else the reason to submit anyway."""
        dialog = cls(readiness, parent)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason_text()


class ConfirmWorkupDialog(QDialog):
    """Confirm a work-up item by hand (e.g. tumour markers seen in the lab system): its date and a note."""

    def __init__(self, item_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmWorkupDialog")
        self.setWindowTitle(self.tr("Confirm by hand"))
        self.on = QDateEdit(QDate.currentDate())
        self.on.setObjectName("workupDate")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate.currentDate())
        self.note = QLineEdit()
        self.note.setObjectName("workupNote")
        self.note.setPlaceholderText(self.tr("where it was seen, e.g. lab system, CEA 3.2 ng/ml"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Item"), QLabel(item_label))
        form.addRow(self.tr("Date of the result"), self.on)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 30)

    @classmethod
    def ask(cls, parent: QWidget | None, item_label: str) -> tuple[date, str] | None:
        dialog = cls(item_label, parent)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.on.date().toPython(), dialog.note.text().strip()


class PendingDraftsDialog(QMessageBox):
    """At login: cases with text typed but never saved last time. Open them?"""

    def __init__(self, cases: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingDraftsDialog")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved text from last time"))
        self.setText(self.tr("Text typed into these cases was not saved last time:"))
        self.setInformativeText("\n".join(cases))
        self.open_button = self.addButton(self.tr("Open them"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)

    @classmethod
    def ask(cls, parent: QWidget | None, cases: list[str]) -> bool:
        dialog = cls(cases, parent)
        _exec(dialog)
        return dialog.clickedButton() is dialog.open_button
