"""The draft decision on the capture console: summary, treatment, intent, guideline, where, and the rest."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain.decision_fields import GUIDELINES
from app.domain.vocab import INTENT, MODALITIES, label
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import DecisionRow
from ui.meetings.capture.actions_table import ActionsTable
from ui.meetings.capture.common import tr
from ui.qt_compat import emit

TEXTS = ("chair_summary", "plan_text", "alternatives", "patient_preference", "dissent", "further_workup")


def text_box(name: str, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


class DecisionForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.setVerticalSpacing(6)
        self.texts = {name: text_box(name) for name in TEXTS}
        self.texts["chair_summary"].setMinimumHeight(80)
        form.addRow(tr(N("MeetingCapture", "Chair's summary")), self.texts["chair_summary"])
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.modalities: dict[str, QCheckBox] = {}
        for i, code in enumerate(MODALITIES):
            box = QCheckBox(label("modality", code))
            box.setObjectName(f"modality_{code}")
            self.modalities[code] = box
            grid.addWidget(box, i // 4, i % 4)
            box.toggled.connect(self._changed)
        form.addRow(tr(N("MeetingCapture", "Recommended treatment")), boxes)
        form.addRow(tr(N("MeetingCapture", "Plan")), self.texts["plan_text"])
        form.addRow(tr(N("MeetingCapture", "Alternatives")), self.texts["alternatives"])
        self.intent = QComboBox()
        self.intent.setObjectName("intent")
        self.intent.addItem(tr(N("MeetingCapture", "(not set)")), "")
        for code in INTENT:
            self.intent.addItem(label("intent", code), code)
        self.guideline = QComboBox()
        self.guideline.setObjectName("guideline")
        self.guideline.addItem(tr(N("MeetingCapture", "(none)")), "")
        for code in GUIDELINES:
            self.guideline.addItem(code, code)
        self.guideline_version = QLineEdit()
        self.guideline_version.setObjectName("guideline_version")
        self.guideline_version.setPlaceholderText(tr(N("MeetingCapture", "Version, e.g. 2025")))
        self.guideline_version.setMaxLength(40)
        row = QHBoxLayout()
        row.addWidget(self.intent)
        row.addSpacing(16)
        row.addWidget(self.guideline)
        row.addWidget(self.guideline_version, 1)
        form.addRow(tr(N("MeetingCapture", "Intent / guideline")), row)
        self.treat_where = QComboBox()
        self.treat_where.setObjectName("treat_where")
        self.treat_where.addItem(tr(N("MeetingCapture", "Treat locally")), "local")
        self.treat_where.addItem(tr(N("MeetingCapture", "Refer upward")), "refer_upward")
        self.referral_target = QLineEdit()
        self.referral_target.setObjectName("referral_target")
        self.referral_target.setPlaceholderText(tr(N("MeetingCapture", "Hospital referred to")))
        self.referral_target.setMaxLength(200)
        row = QHBoxLayout()
        row.addWidget(self.treat_where)
        row.addWidget(self.referral_target, 1)
        form.addRow(tr(N("MeetingCapture", "Where")), row)
        form.addRow(tr(N("MeetingCapture", "Patient/family preference")), self.texts["patient_preference"])
        form.addRow(tr(N("MeetingCapture", "Dissent")), self.texts["dissent"])
        form.addRow(tr(N("MeetingCapture", "Further work-up")), self.texts["further_workup"])
        self.actions = ActionsTable()
        form.addRow(tr(N("MeetingCapture", "Action items")), self.actions)
        self.rediscuss = QCheckBox(tr(N("MeetingCapture", "Re-discuss on")))
        self.rediscuss.setObjectName("rediscuss")
        self.rediscussion_on = QDateEdit()
        self.rediscussion_on.setObjectName("rediscussion_on")
        self.rediscussion_on.setCalendarPopup(True)
        self.rediscussion_on.setDisplayFormat("yyyy-MM-dd")
        self.rediscussion_on.setDate(QDate.currentDate().addMonths(1))
        row = QHBoxLayout()
        row.addWidget(self.rediscuss)
        row.addWidget(self.rediscussion_on)
        row.addStretch(1)
        form.addRow(tr(N("MeetingCapture", "Re-discussion")), row)
        for box in self.texts.values():
            box.textChanged.connect(self._changed)
        for edit in (self.guideline_version, self.referral_target):
            edit.textChanged.connect(self._changed)
        for combo in (self.intent, self.guideline, self.treat_where):
            combo.currentIndexChanged.connect(self._changed)
        self.rediscuss.toggled.connect(self._changed)
        self.rediscussion_on.dateChanged.connect(self._changed)
        self.actions.changed.connect(self._changed)
        self._sync_enabled()

    def _changed(self, *_args) -> None:
        self._sync_enabled()
        if not self._loading:
            emit(self.changed)

    def _sync_enabled(self) -> None:
        editable = not self.texts["chair_summary"].isReadOnly()
        self.referral_target.setEnabled(editable and self.treat_where.currentData() == "refer_upward")
        self.rediscussion_on.setEnabled(editable and self.rediscuss.isChecked())

    def load(self, dec: DecisionRow | None) -> None:
        self._loading = True
        try:
            for name, box in self.texts.items():
                text = getattr(dec, name) if dec else ""
                if box.toPlainText() != text:
                    box.setPlainText(text)
            chosen = set(dec.modalities) if dec else set()
            for code, box in self.modalities.items():
                box.setChecked(code in chosen)
            _choose(self.intent, dec.intent if dec else "")
            _choose(self.guideline, dec.guideline if dec else "")
            _choose(self.treat_where, (dec.treat_where if dec else "") or "local")
            self.guideline_version.setText(dec.guideline_version if dec else "")
            self.referral_target.setText(dec.referral_target if dec else "")
            when = dec.rediscussion_on if dec else None
            self.rediscuss.setChecked(when is not None)
            if when is not None:
                self.rediscussion_on.setDate(QDate(when.year, when.month, when.day))
            self.actions.load(dec.actions if dec else ())
        finally:
            self._loading = False
        self._sync_enabled()

    def values(self) -> dict:
        out: dict = {name: box.toPlainText() for name, box in self.texts.items()}
        out["modalities"] = [code for code, box in self.modalities.items() if box.isChecked()]
        out["intent"] = self.intent.currentData() or ""
        out["guideline"] = self.guideline.currentData() or ""
        out["guideline_version"] = self.guideline_version.text()
        out["treat_where"] = self.treat_where.currentData() or "local"
        out["referral_target"] = self.referral_target.text()
        out["rediscussion_on"] = (
            self.rediscussion_on.date().toString("yyyy-MM-dd") if self.rediscuss.isChecked() else None
        )
        return out

    def set_read_only(self, read_only: bool) -> None:
        for box in self.texts.values():
            box.setReadOnly(read_only)
        for edit in (self.guideline_version, self.referral_target):
            edit.setReadOnly(read_only)
        for w in (*self.modalities.values(), self.intent, self.guideline, self.treat_where, self.rediscuss):
            w.setEnabled(not read_only)
        self.actions.set_read_only(read_only)
        self._sync_enabled()


def _choose(combo: QComboBox, code: str) -> None:
    i = combo.findData(code)
    combo.setCurrentIndex(max(i, 0))
