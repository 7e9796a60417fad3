"""申请 The referral: which team, what kind of meeting, how urgent, and the question to the team."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QVBoxLayout, QWidget

from app.domain.vocab import codes, label
from app.records import TeamRow
from ui.cases.editor.widgets import FormTab, TextArea, combo_data, hint_label, required_label, set_combo_data


class ReferralTab(FormTab):
    FIELDS = ("team_id", "conference_type", "urgency", "purpose", "question", "is_external",
              "consent_external")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralTab")
        self.applicant = QLabel("—")
        self.applicant.setObjectName("applicant")
        self.form.addRow(self.tr("Applicant"), self.applicant)

        self.team = QComboBox()
        self.team.setObjectName("team")
        self.team.addItem(self.tr("(not chosen)"), None)
        self.add_row("team_id", self.tr("MDT team"), self.team)

        self.conference_type = QComboBox()
        self.conference_type.setObjectName("conferenceType")
        self.conference_type.addItem(self.tr("(not chosen)"), "")
        for code in codes("conference_type"):
            self.conference_type.addItem(label("conference_type", code), code)
        self.add_row("conference_type", self.tr("Type of discussion"), self.conference_type)

        self.urgency = QComboBox()
        self.urgency.setObjectName("urgency")
        for code in codes("urgency"):
            self.urgency.addItem(label("urgency", code), code)
        self.add_row("urgency", self.tr("Urgency"), self.urgency)

        self.purpose = TextArea(2)
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. treatment plan before surgery"))
        self.add_row("purpose", required_label(self.tr("Purpose of the MDT")), self.purpose)

        self.question = TextArea(5)
        self.question.setObjectName("question")
        self.question.setPlaceholderText(
            self.tr("What should the team decide? e.g. operable now, or neoadjuvant therapy first?"))
        self.add_row("question", required_label(self.tr("Question to the team")), self.question)

        self.is_external = QCheckBox(self.tr("External or remote consultation (the case leaves the hospital)"))
        self.is_external.setObjectName("isExternal")
        self.consent_external = QCheckBox(self.tr("The patient has consented to the external consultation"))
        self.consent_external.setObjectName("consentExternal")
        checks = QWidget()
        column = QVBoxLayout(checks)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.is_external)
        column.addWidget(self.consent_external)
        self.add_row("is_external", self.tr("Consultation"), checks, focus=self.is_external)
        self.consent_hint = hint_label(
            self.tr("Record the patient's consent before the case is sent outside the hospital."))
        self.body.addWidget(self.consent_hint)
        self.body.addStretch(1)
        self._errors["consent_external"] = self._errors["is_external"]
        self._widgets["consent_external"] = self.consent_external

        self.watch(self.team, self.conference_type, self.urgency, self.purpose, self.question,
                   self.is_external, self.consent_external)
        self.is_external.toggled.connect(self._external_toggled)
        self._external_toggled(False)

    def _external_toggled(self, _on: bool) -> None:
        needs = self.is_external.isChecked() and not self.consent_external.isChecked()
        self.consent_hint.setVisible(needs)

    def set_teams(self, teams: list[TeamRow]) -> None:
        current = combo_data(self.team)
        self.team.blockSignals(True)
        while self.team.count() > 1:
            self.team.removeItem(1)
        for t in teams:
            self.team.addItem(t.name, t.id)
        set_combo_data(self.team, current)
        self.team.blockSignals(False)

    def set_applicant(self, text: str) -> None:
        self.applicant.setText(text or "—")

    def values(self) -> dict:
        return {
            "team_id": combo_data(self.team),
            "conference_type": combo_data(self.conference_type) or "",
            "urgency": combo_data(self.urgency) or "routine",
            "purpose": self.purpose.text(),
            "question": self.question.text(),
            "is_external": self.is_external.isChecked(),
            "consent_external": self.consent_external.isChecked(),
        }

    def set_values(self, fields: dict) -> None:
        set_combo_data(self.team, fields.get("team_id"))
        set_combo_data(self.conference_type, fields.get("conference_type") or "")
        set_combo_data(self.urgency, fields.get("urgency") or "routine")
        self.purpose.setText(fields.get("purpose") or "")
        self.question.setText(fields.get("question") or "")
        self.is_external.setChecked(bool(fields.get("is_external")))
        self.consent_external.setChecked(bool(fields.get("consent_external")))
        self._external_toggled(False)
