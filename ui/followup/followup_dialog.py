"""Record a follow-up contact (随访): visit or telephone, when, alive or not, disease status, treatment
changes, outcome (转归); or that the patient was lost to follow-up, and why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.closed_loop_records import FollowUpRow
from app.domain.closed_loop import CONTACTS, DISEASE_STATUSES, VITAL_STATUSES
from ui.followup.execution_dialog import pydate, qdate
from ui.followup.labels import code_label
from ui.followup.saving_dialog import SavingDialog


class FollowUpDialog(SavingDialog):
    def __init__(self, row: FollowUpRow, heading: str, save: Callable[[dict], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(self.tr("Record follow-up"))
        title = QLabel(heading)
        title.setObjectName("subtitle")
        self.contact = self._combo("contact", CONTACTS, blank=False)
        self.on = QDateEdit(qdate(row.done_at.date() if row.done_at else date.today()))
        self.on.setObjectName("followUpDate")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(qdate(date.today()))
        self.vital = self._combo("vitalStatus", VITAL_STATUSES, blank=False)
        self.disease = self._combo("diseaseStatus", DISEASE_STATUSES, blank=True)
        self.treatment_change = self._text("treatmentChange", row.treatment_change,
                                           self.tr("New or stopped treatment since the decision"))
        self.outcome = self._text("outcome", row.outcome, self.tr("e.g. recovering well after surgery"))
        self.notes = self._text("notes", row.notes, "")
        self.lost = QCheckBox(self.tr("&Lost to follow-up (nobody could be reached)"))
        self.lost.setObjectName("lostToFollowUp")
        self.lost_reason = self._text("lostReason", row.lost_reason,
                                      self.tr("e.g. phone disconnected, moved away"))
        self.then_rediscuss = QCheckBox(self.tr("Then send the case back for re-di&scussion…"))
        self.then_rediscuss.setObjectName("thenRediscuss")
        self.then_rediscuss.setToolTip(self.tr("After saving, asks for confirmation and the reason"))
        form = QFormLayout()
        form.addRow(self.tr("&Contact:"), self.contact)
        form.addRow(self.tr("D&ate:"), self.on)
        form.addRow(self.tr("&Vital status:"), self.vital)
        form.addRow(self.tr("D&isease status:"), self.disease)
        form.addRow(self.tr("&Treatment changes:"), self.treatment_change)
        form.addRow(self.tr("&Outcome (转归):"), self.outcome)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow("", self.lost)
        form.addRow(self.tr("&Reason lost:"), self.lost_reason)
        form.addRow("", self.then_rediscuss)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 32)

        for box, code in ((self.contact, row.contact), (self.vital, row.vital_status),
                          (self.disease, row.disease_status)):
            box.setCurrentIndex(max(0, box.findData(code)))
        self.lost.setChecked(row.lost)
        self.lost.toggled.connect(self._lost_changed)
        self._lost_changed()

    def _combo(self, name: str, table: dict[str, str], blank: bool) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        if blank:
            box.addItem(self.tr("—"), "")
        for code in table:
            box.addItem(code_label(table, code), code)
        return box

    def _text(self, name: str, value: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(self.fontMetrics().height() * 3)
        return edit

    def _lost_changed(self) -> None:
        lost = self.lost.isChecked()
        for w in (self.contact, self.vital, self.disease, self.treatment_change, self.outcome, self.notes):
            w.setEnabled(not lost)
        self.lost_reason.setEnabled(lost)

    def values(self) -> dict:
        on = pydate(self.on.date())
        if self.lost.isChecked():
            return {"lost": True, "reason": self.lost_reason.toPlainText().strip(), "on": on}
        return {"lost": False, "contact": self.contact.currentData(), "vital_status": self.vital.currentData(),
                "disease_status": self.disease.currentData(),
                "treatment_change": self.treatment_change.toPlainText().strip(),
                "outcome": self.outcome.toPlainText().strip(), "notes": self.notes.toPlainText().strip(),
                "on": on}

    def rediscuss_reason(self) -> str:
        """What the follow-up found, as the first draft of the reason for re-discussion."""
        parts = [self.disease.currentText() if self.disease.currentData() else "",
                 self.outcome.toPlainText().strip(), self.treatment_change.toPlainText().strip()]
        return "；".join(p for p in parts if p)

    def check(self, values: dict) -> str:
        if values["lost"] and not values["reason"]:
            return self.tr("Enter why the patient was lost to follow-up.")
        return ""
