"""Shared bits of the capture console: the translation context, time and name formatting, small prompts."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.reference import DISCIPLINES
from app.domain.vocab import label
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import DecisionRow
from ui.errors import test_mode

CTX = "MeetingCapture"
_DISCIPLINES = {code: (zh, en) for code, zh, en in DISCIPLINES}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def local_time(at: datetime | None, fmt: str = "%H:%M:%S") -> str:
    """A stored (naive UTC) time as the local wall clock."""
    return at.replace(tzinfo=UTC).astimezone().strftime(fmt) if at else ""


def discipline_label(code: str) -> str:
    names = _DISCIPLINES.get(code)
    if not names:
        return code
    return names[0] if QLocale().language() == QLocale.Language.Chinese else names[1]


def mask_name(name: str) -> str:
    """The patient's name as shown on a screen others can see: the family name and stars."""
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def fill(text: str, *values: object) -> str:
    for i, v in enumerate(values, 1):
        text = text.replace(f"%{i}", str(v))
    return text


def finalised_text(dec: DecisionRow) -> str:
    return fill(
        tr(N("MeetingCapture", "Finalised by %1 at %2")),
        dec.finalised_by,
        local_time(dec.finalised_at, "%Y-%m-%d %H:%M:%S"),
    )


def version_text(dec: DecisionRow) -> str:
    """A decision version as plain text (for the versions view)."""
    guideline = " ".join(x for x in (dec.guideline, dec.guideline_version) if x)
    where = (
        tr(N("MeetingCapture", "Treat locally"))
        if dec.treat_where == "local"
        else fill(tr(N("MeetingCapture", "Refer upward: %1")), dec.referral_target)
    )
    rows = [
        (tr(N("MeetingCapture", "Chair's summary")), dec.chair_summary),
        (
            tr(N("MeetingCapture", "Recommended treatment")),
            "、".join(label("modality", m) for m in dec.modalities),
        ),
        (tr(N("MeetingCapture", "Plan")), dec.plan_text),
        (tr(N("MeetingCapture", "Alternatives")), dec.alternatives),
        (tr(N("MeetingCapture", "Intent")), label("intent", dec.intent)),
        (tr(N("MeetingCapture", "Guideline")), guideline),
        (tr(N("MeetingCapture", "Where")), where),
        (tr(N("MeetingCapture", "Patient/family preference")), dec.patient_preference),
        (tr(N("MeetingCapture", "Dissent")), dec.dissent),
        (tr(N("MeetingCapture", "Further work-up")), dec.further_workup),
        (
            tr(N("MeetingCapture", "Re-discuss on")),
            dec.rediscussion_on.isoformat() if dec.rediscussion_on else "",
        ),
    ]
    lines = [f"{name}：{value}" for name, value in rows if value]
    for a in dec.actions:
        due = a.due_on.isoformat() if a.due_on else ""
        lines.append(
            fill(
                tr(N("MeetingCapture", "Action: %1 — %2 %3 %4")),
                a.description,
                a.responsible_name,
                a.department,
                due,
            ).strip()
        )
    if dec.amendment_reason:
        lines.insert(0, fill(tr(N("MeetingCapture", "Amendment reason: %1")), dec.amendment_reason))
    if dec.finalised_at:
        lines.insert(0, finalised_text(dec))
    return "\n".join(lines)


def _exec(dialog: QDialog) -> int:
    if test_mode():
        raise RuntimeError(f"{type(dialog).__name__}.ask() opened a modal dialog under test: monkeypatch it")
    return dialog.exec()


class ConfirmFinalise(QMessageBox):
    """Are you sure? A finalised decision can only be corrected by an amendment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmFinaliseDialog")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(tr(N("MeetingCapture", "Finalise the decision")))
        self.setText(
            tr(
                N(
                    "MeetingCapture",
                    "Finalise this decision? It becomes read-only; a later correction needs an amendment "
                    "with a reason.",
                )
            )
        )
        self.ok_button = self.addButton(
            tr(N("MeetingCapture", "Finalise")), QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(tr(N("MeetingCapture", "Cancel")), QMessageBox.ButtonRole.RejectRole)

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        dialog = cls(parent)
        _exec(dialog)
        return dialog.clickedButton() is dialog.ok_button


class AmendReasonDialog(QDialog):
    """The reason for an amendment (required: OK stays disabled while it is empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amendReasonDialog")
        self.setWindowTitle(tr(N("MeetingCapture", "Amend the decision")))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                N(
                    "MeetingCapture",
                    "Why must the finalised decision be corrected? (required, kept with both versions)",
                )
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("amendReason")
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr(N("MeetingCapture", "Start the amendment")))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr(N("MeetingCapture", "Cancel")))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dialog = cls(parent)
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText().strip() or None
