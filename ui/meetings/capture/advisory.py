"""The upper-level hospital's advice on the case under discussion, set apart from the team's own opinions
and labelled advisory: the treating team keeps the decision (remote-consultation notice of 1999)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.packages.records import ExternalOpinionRecord


def _date(rec: ExternalOpinionRecord) -> str:
    try:
        at = datetime.fromisoformat(rec.written_at) if rec.written_at else rec.received_at
    except ValueError:
        at = rec.received_at
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d") if at else ""


class AdvisoryPanel(QFrame):
    """Hidden while the case has no advice from another hospital."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advisoryPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#advisoryPanel { background: #eff6ff; border: 1px solid #93c5fd; border-radius: 4px; }")
        self.title = QLabel(self.tr("Opinion of the upper-level hospital (advisory)"))
        self.title.setObjectName("advisoryTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.body = QLabel()
        self.body.setObjectName("advisoryText")
        self.body.setWordWrap(True)
        note = QLabel(self.tr("Advice only: this team discusses it and keeps the decision."))
        note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(note)
        self.hide()

    def set_opinions(self, opinions: list[ExternalOpinionRecord]) -> None:
        parts = []
        for o in opinions:
            signed = self.tr("signature verified") if o.signed else self.tr("not signed")
            head = self.tr("%1 · %2 · %3 (%4)").replace("%1", o.hospital).replace("%2", o.author or "-") \
                .replace("%3", _date(o)).replace("%4", signed)
            parts.append(f"{head}\n{o.text}")
        self.body.setText("\n\n".join(parts))
        self.setVisible(bool(opinions))

    def text(self) -> str:
        return f"{self.title.text()}\n{self.body.text()}"
