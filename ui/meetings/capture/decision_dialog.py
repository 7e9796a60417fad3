"""Every version of a case's decision side by side, with Finalise (the chair) and Amend (a reason required)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import CaptureState, DecisionRow
from app.security.permissions import allowed
from ui import ops
from ui.errors import show_error
from ui.meetings.capture.common import AmendReasonDialog, ConfirmFinalise, fill, tr, version_text
from ui.qt_compat import emit


def version_title(dec: DecisionRow) -> str:
    status = {
        "draft": tr(N("MeetingCapture", "Draft")),
        "finalised": tr(N("MeetingCapture", "Finalised")),
        "superseded": tr(N("MeetingCapture", "Superseded")),
    }
    return fill(tr(N("MeetingCapture", "Version %1 (%2)")), dec.version, status.get(dec.status, dec.status))


class DecisionDialog(QDialog):
    """`DecisionDialog(session, agenda_item_id, parent)`; `changed` after a finalise or an amendment."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, session, agenda_item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(tr(N("MeetingCapture", "Decision versions")))
        self.resize(860, 560)
        self.ctx, self.actor, self.item_id = session.ctx, session.actor, agenda_item_id
        self.state: CaptureState | None = None
        layout = QVBoxLayout(self)
        self.message = QLabel("")
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("decisionVersions")
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        self.finalise_button = QPushButton(tr(N("MeetingCapture", "Finalise…")))
        self.finalise_button.setObjectName("finaliseDecision")
        self.amend_button = QPushButton(tr(N("MeetingCapture", "Amend…")))
        self.amend_button.setObjectName("amendDecision")
        self.discard_button = QPushButton(tr(N("MeetingCapture", "Discard the amendment")))
        self.discard_button.setObjectName("discardAmendment")
        close = QPushButton(tr(N("MeetingCapture", "Close")))
        close.clicked.connect(self.accept)
        for b in (self.finalise_button, self.amend_button, self.discard_button):
            row.addWidget(b)
            b.setEnabled(False)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.finalise_button.clicked.connect(self.finalise)
        self.amend_button.clicked.connect(self.amend)
        self.discard_button.clicked.connect(self.discard)
        self.reload()

    def reload(self) -> None:
        ctx, actor, item_id = self.ctx, self.actor, self.item_id
        ops.run(lambda: ctx.capture.capture(actor, item_id), self._loaded, self._failed, owner=self)

    def _loaded(self, state: CaptureState) -> None:
        self.state = state
        self.tabs.clear()
        decisions = state.discussion.decisions if state.discussion else ()
        for dec in decisions:
            text = QPlainTextEdit(version_text(dec))
            text.setReadOnly(True)
            text.setObjectName(f"decisionVersion_{dec.version}")
            self.tabs.addTab(text, version_title(dec))
        if decisions:
            self.tabs.setCurrentIndex(len(decisions) - 1)
        else:
            self.message.setText(tr(N("MeetingCapture", "This case has not been discussed yet.")))
        draft = state.draft
        self.finalise_button.setEnabled(draft is not None and self.actor.role == "chair")
        self.amend_button.setEnabled(
            draft is None and self.final() is not None and allowed(self.actor, "decision.edit")
        )
        self.discard_button.setEnabled(
            draft is not None and bool(draft.amends_decision_id) and allowed(self.actor, "decision.edit")
        )
        emit(self.loaded)

    def final(self) -> DecisionRow | None:
        d = self.state.discussion if self.state else None
        final = [x for x in d.decisions if x.status == "finalised"] if d else []
        return final[-1] if final else None

    def _done(self, _result=None) -> None:
        emit(self.changed)
        self.reload()

    def finalise(self) -> None:
        if self.state is None or self.state.draft is None or not ConfirmFinalise.ask(self):
            return
        ctx, actor, did = self.ctx, self.actor, self.state.draft.id

        def finalised(decision) -> None:
            self._done(decision)
            # The signers' queues get the document now, not when somebody remembers to start it.
            ops.run(lambda: ctx.documents.prepare(actor, did), lambda _doc: None, self._failed, owner=self)

        ops.run(lambda: ctx.decisions.finalise(actor, did), finalised, self._failed, owner=self)

    def amend(self) -> None:
        final = self.final()
        reason = AmendReasonDialog.ask(self) if final is not None else None
        if not reason:
            return
        ctx, actor = self.ctx, self.actor
        ops.run(lambda: ctx.decisions.amend(actor, final.id, reason), self._done, self._failed, owner=self)

    def discard(self) -> None:
        if self.state is None or self.state.draft is None:
            return
        ctx, actor, did = self.ctx, self.actor, self.state.draft.id
        ops.run(lambda: ctx.decisions.discard_amendment(actor, did), self._done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.message.setText(exc.localized())
