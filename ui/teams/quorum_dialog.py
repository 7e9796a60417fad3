"""A team's quorum rule (DOMAIN.md §3): what must be present for a decision to count, and whether an unmet
quorum blocks the meeting (until the chair records a reason) or only warns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.reference import DEFAULT_QUORUM
from app.domain.vocab import TITLE_GRADE, TITLES, label
from app.i18n import QT_TRANSLATE_NOOP as N


def _t(text: str) -> str:
    return QCoreApplication.translate("QuorumRuleDialog", text)


def rule_summary(rule: dict) -> str:
    """The rule in one paragraph, for the team screen."""
    title = label("title", rule["min_title_for_expert"]) or _t(N("QuorumRuleDialog", "any title"))
    lines = [
        _t(N("QuorumRuleDialog", "≥%1 disciplines represented by experts of %2 or above"))
        .replace("%1", str(rule["min_disciplines"])).replace("%2", title),
        _t(N("QuorumRuleDialog", "≥%1 attendees of attending grade or above"))
        .replace("%1", str(rule["min_attending_or_above"])),
    ]
    if rule["require_pathology_radiology_first_pre_treatment"]:
        lines.append(_t(N("QuorumRuleDialog", "pathology and radiology present for a first pre-treatment "
                                              "discussion")))
    if rule["require_chair"]:
        lines.append(_t(N("QuorumRuleDialog", "the chair present")))
    mode = (_t(N("QuorumRuleDialog", "If not met: the meeting is blocked until the chair records a reason."))
            if rule["mode"] == "block" else _t(N("QuorumRuleDialog", "If not met: a warning only.")))
    return "；".join(lines) + "。\n" + mode


class QuorumRuleDialog(QDialog):
    def __init__(self, rule: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumRuleDialog")
        self.setWindowTitle(self.tr("Quorum rule"))
        self.disciplines = QSpinBox()
        self.disciplines.setObjectName("minDisciplines")
        self.disciplines.setRange(0, 20)
        self.expert_title = QComboBox()
        self.expert_title.setObjectName("minTitle")
        self.expert_title.addItem(self.tr("(any title)"), "")
        for code in TITLES:
            if TITLE_GRADE.get(code, 0) > 0:  # the physicians' ladder; nurses and pharmacists are not on it
                self.expert_title.addItem(label("title", code), code)
        self.path_rad = QCheckBox(self.tr("Pathology and radiology present for a first pre-treatment discussion"))
        self.path_rad.setObjectName("requirePathRad")
        self.attending = QSpinBox()
        self.attending.setObjectName("minAttending")
        self.attending.setRange(0, 50)
        self.chair = QCheckBox(self.tr("The chair is present"))
        self.chair.setObjectName("requireChair")
        self.mode = QComboBox()
        self.mode.setObjectName("quorumMode")
        self.mode.addItem(self.tr("Block: the meeting waits for the chair's recorded reason"), "block")
        self.mode.addItem(self.tr("Warn: show the warning and carry on"), "warn")
        defaults = QPushButton(self.tr("Hospital &default"))
        defaults.setObjectName("quorumDefaults")
        defaults.setAutoDefault(False)
        defaults.clicked.connect(lambda: self.load(DEFAULT_QUORUM))
        form = QFormLayout()
        form.addRow(self.tr("Minimum &disciplines:"), self.disciplines)
        form.addRow(self.tr("Experts count from &title:"), self.expert_title)
        form.addRow(self.path_rad)
        form.addRow(self.tr("Minimum at &attending grade or above:"), self.attending)
        form.addRow(self.chair)
        form.addRow(self.tr("If not &met:"), self.mode)
        intro = QLabel(self.tr("Who must be present for the team's decisions to count. The default follows "
                               "the hospital rule: ≥3 disciplines, pathology and radiology for a first "
                               "pre-treatment discussion, ≥2 attendees at attending grade or above, chair "
                               "present."))
        intro.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 44)
        self.load(rule)

    def load(self, rule: dict) -> None:
        full = {**DEFAULT_QUORUM, **rule}
        self.disciplines.setValue(full["min_disciplines"])
        self.expert_title.setCurrentIndex(max(self.expert_title.findData(full["min_title_for_expert"]), 0))
        self.path_rad.setChecked(full["require_pathology_radiology_first_pre_treatment"])
        self.attending.setValue(full["min_attending_or_above"])
        self.chair.setChecked(full["require_chair"])
        self.mode.setCurrentIndex(max(self.mode.findData(full["mode"]), 0))

    def values(self) -> dict:
        return {"min_disciplines": self.disciplines.value(),
                "min_title_for_expert": self.expert_title.currentData() or "",
                "require_pathology_radiology_first_pre_treatment": self.path_rad.isChecked(),
                "min_attending_or_above": self.attending.value(), "require_chair": self.chair.isChecked(),
                "mode": self.mode.currentData()}

    @classmethod
    def ask(cls, parent: QWidget | None, rule: dict) -> dict | None:
        dialog = cls(rule, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
