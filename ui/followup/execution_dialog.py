"""Record what became of a decision (执行情况): status, start date, place, deviation and its reason, and
whether the MDT changed the diagnosis or the treatment plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.closed_loop_records import ExecutionRow
from app.domain.closed_loop import DEVIATION_REASONS, EXECUTION_STATUSES, TREATMENT_PLACES
from ui.followup.labels import code_label, one_line
from ui.followup.saving_dialog import SavingDialog


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ExecutionDialog(SavingDialog):
    def __init__(self, row: ExecutionRow, heading: str, plan: str, save: Callable[[dict], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("executionDialog")
        self.setWindowTitle(self.tr("Execution of the MDT decision"))
        title = QLabel(heading)
        title.setObjectName("subtitle")
        plan_label = QLabel(self.tr("Decision: %1").replace("%1", one_line(plan, 160)))
        plan_label.setObjectName("hint")
        plan_label.setWordWrap(True)
        self.status = QComboBox()
        self.status.setObjectName("executionStatus")
        for code in EXECUTION_STATUSES:
            self.status.addItem(code_label(EXECUTION_STATUSES, code), code)
        self.started = QDateEdit(qdate(row.treatment_started_on or date.today()))
        self.started.setObjectName("treatmentStarted")
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        self.started.setMaximumDate(qdate(date.today()))
        self.place = self._combo("treatmentPlace", TREATMENT_PLACES)
        self.reason = self._combo("deviationReason", DEVIATION_REASONS)
        self.deviation = QPlainTextEdit()
        self.deviation.setObjectName("deviationText")
        self.deviation.setTabChangesFocus(True)
        self.deviation.setFixedHeight(self.fontMetrics().height() * 4)
        self.deviation.setPlaceholderText(self.tr("What was done differently from the plan, and why"))
        self.diagnosis = self._yes_no("diagnosisChanged", row.diagnosis_changed)
        self.treatment = self._yes_no("treatmentChanged", row.treatment_changed)
        self.change_note = QLineEdit(row.change_note)
        self.change_note.setObjectName("changeNote")
        self.change_note.setPlaceholderText(self.tr("e.g. stage revised from IIIA to IIB; surgery first instead "
                                                    "of chemotherapy"))

        form = QFormLayout()
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("Treatment s&tarted on:"), self.started)
        form.addRow(self.tr("&Where:"), self.place)
        form.addRow(self.tr("Deviation &reason:"), self.reason)
        form.addRow(self.tr("&Deviation:"), self.deviation)
        effect = QGroupBox(self.tr("What the MDT changed"))
        effect_form = QFormLayout(effect)
        effect_form.addRow(self.tr("Dia&gnosis changed by the MDT?"), self.diagnosis)
        effect_form.addRow(self.tr("Treatment &plan changed by the MDT?"), self.treatment)
        effect_form.addRow(self.tr("What &changed:"), self.change_note)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(plan_label)
        layout.addLayout(form)
        layout.addWidget(effect)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 34)

        self.status.setCurrentIndex(max(0, self.status.findData(row.status)))
        self.place.setCurrentIndex(max(0, self.place.findData(row.treatment_place)))
        self.reason.setCurrentIndex(max(0, self.reason.findData(row.deviation_reason)))
        self.deviation.setPlainText(row.deviation)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _combo(self, name: str, table: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(self.tr("—"), "")
        for code in table:
            box.addItem(code_label(table, code), code)
        return box

    def _yes_no(self, name: str, value: bool | None) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(self.tr("Not recorded"), None)
        box.addItem(self.tr("Yes, changed"), True)
        box.addItem(self.tr("No, unchanged"), False)
        box.setCurrentIndex({None: 0, True: 1, False: 2}[value])
        return box

    def _status_changed(self) -> None:
        """Only what the chosen status needs can be filled in: a pending decision has no start or place."""
        status = self.status.currentData()
        started = status in ("executed", "partly")
        self.started.setEnabled(started)
        self.place.setEnabled(status != "pending")
        deviates = status in ("partly", "not")
        self.reason.setEnabled(deviates or status == "executed")
        self.deviation.setEnabled(status != "pending")

    def values(self) -> dict:
        status = self.status.currentData()
        started = pydate(self.started.date()) if status in ("executed", "partly") else None
        return {"status": status, "treatment_started_on": started,
                "treatment_place": self.place.currentData() if status != "pending" else "",
                "deviation_reason": self.reason.currentData() if status != "pending" else "",
                "deviation": self.deviation.toPlainText().strip() if status != "pending" else "",
                "mdt_effect": {"diagnosis_changed": self.diagnosis.currentData(),
                               "treatment_changed": self.treatment.currentData(),
                               "note": self.change_note.text().strip()}}

    def check(self, values: dict) -> str:
        if values["status"] in ("executed", "partly") and not values["treatment_place"]:
            return self.tr("Choose where the treatment takes place.")
        if values["status"] in ("partly", "not") and not values["deviation_reason"]:
            return self.tr("Choose the reason for the deviation from the plan.")
        return ""
