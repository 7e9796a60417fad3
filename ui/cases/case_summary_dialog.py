"""A read-only summary of one case, opened from the case list (the case editor comes later)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain.vocab import label
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor, CaseRow
from ui import ops
from ui.cases.case_format import format_date, sex_age, urgency
from ui.errors import show_error
from ui.qt_compat import emit
from ui.widgets.heading import Heading


class CaseSummaryDialog(QDialog):
    loaded = Signal()

    def __init__(self, ctx, actor: Actor, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSummary")
        self.setWindowTitle(self.tr("Case"))
        self.case_id = case_id
        self.row: CaseRow | None = None
        self.heading = Heading(self.tr("Loading…"))
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        for key, title in self._fields():
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            self.form.addRow(title, value)
        note = QLabel(self.tr("Read-only summary. Editing a case is not available yet."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 30)
        cases = ctx.cases
        ops.run(lambda: cases.rows(actor, [case_id]), self._arrived, owner=self)

    def _fields(self) -> list[tuple[str, str]]:
        return [
            ("patient", self.tr("Patient")),
            ("sex_age", self.tr("Sex / age")),
            ("hospital_number", self.tr("Inpatient no.")),
            ("tumour_type", self.tr("Tumour type")),
            ("diagnosis", self.tr("Diagnosis")),
            ("stage", self.tr("Stage")),
            ("status", self.tr("Status")),
            ("urgency", self.tr("Urgency")),
            ("team", self.tr("Team")),
            ("applicant", self.tr("Applicant")),
            ("applied_on", self.tr("Applied on")),
        ]

    def _arrived(self, rows: list[CaseRow]) -> None:
        if not rows:
            self.heading.setText(self.tr("Case not found"))
            show_error(NotFound(QT_TRANSLATE_NOOP("errors", "Case {id} does not exist."), id=self.case_id),
                       self)
            return
        r = self.row = rows[0]
        self.setWindowTitle(self.tr("Case %1").replace("%1", r.case_no))
        self.heading.setText(f"{r.case_no}　{r.patient_name}")
        texts = {
            "patient": r.patient_name, "sex_age": sex_age(r), "hospital_number": r.hospital_number or "—",
            "tumour_type": label("tumour_type", r.tumour_type) or "—", "diagnosis": r.diagnosis or "—",
            "stage": r.stage or "—", "status": label("case_status", r.status), "urgency": urgency(r),
            "team": r.team or "—", "applicant": r.applicant or "—", "applied_on": format_date(r.applied_on),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        emit(self.loaded)
