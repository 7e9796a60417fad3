"""临床 The clinical picture: complaint, history, comorbidities, performance status, prior treatment."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.cases.editor.widgets import FormTab, TextArea, hint_label


def parse_score(text: str):
    """'' -> None, '2' -> 2; anything else is kept as typed so validation can say what is wrong."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return text


def score_text(value) -> str:
    return "" if value is None else str(value)


class ClinicalTab(FormTab):
    FIELDS = ("chief_complaint", "history", "comorbidities", "ecog", "kps", "prior_treatment")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicalTab")
        self.chief_complaint = TextArea(2)
        self.chief_complaint.setObjectName("chiefComplaint")
        self.chief_complaint.setPlaceholderText(self.tr("e.g. cough with blood-stained sputum for 2 months"))
        self.add_row("chief_complaint", self.tr("Chief complaint"), self.chief_complaint)

        self.history = TextArea(8)
        self.history.setObjectName("history")
        self.history.setPlaceholderText(
            self.tr("Course, examinations and results so far (imaging, endoscopy, biopsy)"))
        self.add_row("history", self.tr("History"), self.history)

        self.comorbidities = TextArea(2)
        self.comorbidities.setObjectName("comorbidities")
        self.comorbidities.setPlaceholderText(self.tr("e.g. hypertension, diabetes, COPD"))
        self.add_row("comorbidities", self.tr("Comorbidities"), self.comorbidities)

        width = self.fontMetrics().horizontalAdvance("0000") + 24
        self.ecog = QLineEdit()
        self.ecog.setObjectName("ecog")
        self.ecog.setPlaceholderText("0–5")
        self.ecog.setFixedWidth(width + self.fontMetrics().horizontalAdvance("0"))
        self.ecog_meaning = QLabel()
        self.ecog_meaning.setObjectName("ecogMeaning")
        self.ecog_meaning.setWordWrap(True)
        ecog_row = QWidget()
        row = QHBoxLayout(ecog_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.ecog)
        row.addWidget(self.ecog_meaning, 1)
        self.add_row("ecog", self.tr("ECOG score"), ecog_row, focus=self.ecog)

        self.kps = QLineEdit()
        self.kps.setObjectName("kps")
        self.kps.setPlaceholderText("0–100")
        self.kps.setFixedWidth(width + self.fontMetrics().horizontalAdvance("00"))
        kps_row = QWidget()
        row = QHBoxLayout(kps_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.kps)
        row.addWidget(hint_label(self.tr("Karnofsky, in steps of 10. ECOG or KPS: one is enough.")), 1)
        self.add_row("kps", self.tr("KPS score"), kps_row, focus=self.kps)

        self.prior_treatment = TextArea(3)
        self.prior_treatment.setObjectName("priorTreatment")
        self.prior_treatment.setPlaceholderText(self.tr("Surgery, chemotherapy, radiotherapy… with dates; "
                                                        "“none” if untreated"))
        self.add_row("prior_treatment", self.tr("Prior treatment"), self.prior_treatment)
        self.body.addStretch(1)

        self.watch(self.chief_complaint, self.history, self.comorbidities, self.ecog, self.kps,
                   self.prior_treatment)
        self.ecog.textChanged.connect(self._show_ecog_meaning)

    def ecog_meanings(self) -> dict[int, str]:
        return {
            0: self.tr("Fully active, no restriction"),
            1: self.tr("Restricted in strenuous activity; can do light work"),
            2: self.tr("Up and about more than half the day; cannot work"),
            3: self.tr("Limited self-care; in bed or chair more than half the day"),
            4: self.tr("Completely disabled; confined to bed or chair"),
            5: self.tr("Dead"),
        }

    def _show_ecog_meaning(self, text: str) -> None:
        value = parse_score(text)
        self.ecog_meaning.setText(self.ecog_meanings().get(value, "") if isinstance(value, int) else "")

    def values(self) -> dict:
        return {
            "chief_complaint": self.chief_complaint.text(),
            "history": self.history.text(),
            "comorbidities": self.comorbidities.text(),
            "ecog": parse_score(self.ecog.text()),
            "kps": parse_score(self.kps.text()),
            "prior_treatment": self.prior_treatment.text(),
        }

    def set_values(self, fields: dict) -> None:
        self.chief_complaint.setText(fields.get("chief_complaint") or "")
        self.history.setText(fields.get("history") or "")
        self.comorbidities.setText(fields.get("comorbidities") or "")
        self.ecog.setText(score_text(fields.get("ecog")))
        self.kps.setText(score_text(fields.get("kps")))
        self.prior_treatment.setText(fields.get("prior_treatment") or "")
