"""The capture console: what the meeting says about the current case, typed live and autosaved.

Every change starts a single-shot timer of AUTOSAVE_MS (not restarted by each key); when it fires, the
screen goes to `ctx.capture.save_capture` through `ops.run` (an amendment draft to `ctx.decisions.update`),
so a crash loses at most those seconds. Ctrl+S, moving to another case and hiding the console save at once.
On open the console resumes the meeting where it was (`ctx.capture.resume`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import CaptureState, DecisionRow
from app.security.permissions import allowed
from ui import ops
from ui.errors import show_error
from ui.meetings.capture.action_editors import people_for
from ui.meetings.capture.common import AmendReasonDialog, ConfirmFinalise, fill, finalised_text, mask_name, tr
from ui.meetings.capture.layout import build_console
from ui.qt_compat import emit

AUTOSAVE_MS = 3000
OPEN_ITEM = ("pending", "discussed")


class CaptureConsole(QWidget):
    item_shown = Signal(int)  # the agenda item now on the console (its state loaded)
    saved = Signal(str)  # local time (HH:MM:SS) of the capture that reached the database

    def __init__(self, session, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureConsole")
        self.session, self.ctx, self.actor = session, session.ctx, session.actor
        self.meeting_id = meeting_id
        self.meeting = None
        self.state: CaptureState | None = None
        self.item_id: int | None = None
        self.mode = "loading"  # loading | draft | amend | final | closed
        self._sent: dict | None = None  # the payload last sent to (or loaded from) the database
        self._loading = True
        build_console(self)
        self.timer = QTimer(self)
        self.timer.setObjectName("captureAutosaveTimer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        for source in (self.opinions.changed, self.form.changed):
            source.connect(self._changed)
        self.conference_type.currentIndexChanged.connect(self._changed)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_now)
        for keys, slot, button in (
            ("Ctrl+D", self.mark_discussed, self.discussed_button),
            ("Ctrl+PgDown", lambda: self._step(1), self.next_button),
            ("Ctrl+PgUp", lambda: self._step(-1), self.previous_button),
            ("Ctrl+Shift+F", self.finalise, self.finalise_button),
        ):
            QShortcut(QKeySequence(keys), self, lambda b=button, f=slot: b.isEnabled() and f())
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
        self.discussed_button.clicked.connect(self.mark_discussed)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.finalise_button.clicked.connect(self.finalise)
        self.amend_button.clicked.connect(self.amend)
        self.versions_button.clicked.connect(self.show_versions)
        self._apply_mode()
        ctx, actor = self.ctx, self.actor
        ops.run(lambda: ctx.capture.resume(actor, meeting_id), self._resumed, self._failed, owner=self)

    # -- loading ---------------------------------------------------------------------------------------
    def _resumed(self, resume) -> None:
        self.meeting = resume.meeting
        if self.item_id is not None:
            return  # show_item() was asked meanwhile
        if resume.current is not None:
            self.show_item(resume.current.id)
            return
        waiting = [i for i in self.meeting.agenda if i.status in OPEN_ITEM]
        if waiting:
            self.show_item(waiting[0].id)
        else:
            self.message.setText(tr(N("MeetingCapture", "No case on the agenda is waiting to be discussed.")))

    def show_item(self, agenda_item_id: int) -> None:
        """Show (and, in a running meeting, open the discussion of) this agenda item."""
        self.save_now()
        self.item_id, self.state, self.mode = agenda_item_id, None, "loading"
        self._apply_mode()
        self._reload(open_it=True)

    def _reload(self, open_it: bool = False) -> None:
        ctx, actor, mid, item_id = self.ctx, self.actor, self.meeting_id, self.item_id

        def load():
            note = None
            meeting = ctx.meetings.get(actor, mid)
            item = next(i for i in meeting.agenda if i.id == item_id)
            state = None
            if (
                open_it
                and meeting.status == "in_progress"
                and item.status in OPEN_ITEM
                and allowed(actor, "meeting.manage")
            ):
                try:
                    state = ctx.capture.open_discussion(actor, item_id)
                    meeting = ctx.meetings.get(actor, mid)
                except AppError as exc:
                    note = exc
            if state is None:
                state = ctx.capture.capture(actor, item_id)
            attendance = ctx.attendance.list(actor, mid)
            advice = ctx.packages.external_opinions(actor, item.case_id)
            return meeting, attendance, state, note, people_for(attendance, ctx.users.list(actor)), advice

        ops.run(load, lambda r: self._loaded(item_id, *r), self._failed, owner=self)

    def _loaded(self, item_id: int, meeting, attendance, state: CaptureState, note, people=(), advice=()) -> None:
        if item_id != self.item_id:
            return  # another case was chosen meanwhile
        self.meeting, self.state = meeting, state
        self.message.setText(note.localized() if note is not None else "")
        self._loading = True
        try:
            item = self.current_item()
            self.header.setText(self.header_text(item))
            self.advisory.set_opinions(list(advice))
            ctype = (
                state.discussion.conference_type
                if state.discussion
                else (item.conference_type if item else "")
            )
            self.conference_type.setCurrentIndex(max(self.conference_type.findData(ctype), 0))
            self.opinions.set_attendees(attendance, state.opinions)
            self.form.actions.set_people(list(people))
            chain = [self.conference_type, *self.opinions.boxes.values(), self.form.texts["chair_summary"]]
            for before, after in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(before, after)
            self.opinions.load(state.opinions)
            self.form.load(self.shown_decision())
        finally:
            self._loading = False
        self.mode = self._mode_of(state)
        self._apply_mode()
        self._sent = self.payload()
        emit(self.item_shown, item_id)

    def current_item(self):
        return next((i for i in self.meeting.agenda if i.id == self.item_id), None) if self.meeting else None

    def shown_decision(self) -> DecisionRow | None:
        if self.state is None:
            return None
        if self.state.draft is not None:
            return self.state.draft
        return self.state.discussion.decision if self.state.discussion else None

    def final_decision(self) -> DecisionRow | None:
        d = self.state.discussion if self.state else None
        final = [x for x in d.decisions if x.status == "finalised"] if d else []
        return final[-1] if final else None

    def _mode_of(self, state: CaptureState) -> str:
        if state.discussion is None:
            return "closed"
        if state.draft is None:
            return "final"
        if state.draft.amends_decision_id:
            return "amend"
        if self.meeting.status not in ("in_progress", "closed") or state.item_status not in OPEN_ITEM:
            return "closed"
        return "draft"

    def header_text(self, item) -> str:
        if item is None:
            return ""
        pos = [i.id for i in self.meeting.agenda].index(item.id) + 1
        parts = [
            fill(tr(N("MeetingCapture", "Case %1/%2")), pos, len(self.meeting.agenda)),
            item.case_no,
            mask_name(item.patient_name),
            item.diagnosis,
            item.stage,
        ]
        return "  ".join(p for p in parts if p)

    # -- modes -----------------------------------------------------------------------------------------
    def _apply_mode(self) -> None:
        mode, state = self.mode, self.state
        can_decide = allowed(self.actor, "decision.edit")
        opinions_open = mode == "draft" and allowed(self.actor, "opinion.record")
        self.opinions.set_read_only(not opinions_open)
        self.form.set_read_only(not (mode in ("draft", "amend") and can_decide))
        self.conference_type.setEnabled(mode == "draft" and can_decide)
        item = self.current_item()
        running = self.meeting is not None and self.meeting.status == "in_progress"
        self.discussed_button.setEnabled(
            bool(item and item.status == "pending" and running and allowed(self.actor, "meeting.manage"))
        )
        draft = state.draft if state else None
        self.finalise_button.setEnabled(draft is not None and self.actor.role == "chair")
        self.finalise_button.setToolTip(
            "" if self.actor.role == "chair" else tr(N("MeetingCapture", "Only the chair finalises."))
        )
        self.amend_button.setEnabled(mode == "final" and can_decide and self.final_decision() is not None)
        self.versions_button.setEnabled(
            bool(state and state.discussion and len(state.discussion.decisions) > 1)
        )
        agenda = [i.id for i in self.meeting.agenda] if self.meeting else []
        at = agenda.index(self.item_id) if self.item_id in agenda else -1
        self.previous_button.setEnabled(at > 0)
        self.next_button.setEnabled(0 <= at < len(agenda) - 1)
        self.final_label.setText(self._status_text())

    def _status_text(self) -> str:
        final = self.final_decision()
        if self.mode == "final" and final is not None:
            return finalised_text(final)
        if self.mode == "amend":
            draft = self.state.draft
            return fill(
                tr(N("MeetingCapture", "Amendment (version %1) — reason: %2")),
                draft.version,
                draft.amendment_reason,
            )
        if self.mode == "draft":
            return tr(N("MeetingCapture", "Draft"))
        return ""

    # -- autosave --------------------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        if not self._loading and self.mode in ("draft", "amend") and not self.timer.isActive():
            self.timer.start()

    def payload(self) -> dict | None:
        if self.mode == "draft":
            out: dict = {}
            if allowed(self.actor, "opinion.record"):
                out["opinions"] = self.opinions.values()
            if allowed(self.actor, "decision.edit"):
                out["conference_type"] = self.conference_type.currentData()
                out["decision"] = self.form.values()
                out["actions"] = self.form.actions.values()
            return out
        if self.mode == "amend" and allowed(self.actor, "decision.edit"):
            return {"decision": self.form.values(), "actions": self.form.actions.values()}
        return None

    def save_now(self) -> None:
        """Write what is on screen now, if it differs from what was written last (cheap, idempotent)."""
        self.timer.stop()
        payload = self.payload()
        if payload is None or payload == self._sent or self.item_id is None:
            return
        self._sent = payload
        ctx, actor, item_id, mode = self.ctx, self.actor, self.item_id, self.mode
        draft_id = self.state.draft.id if self.state and self.state.draft else None

        def save():
            if mode == "amend":
                ctx.decisions.update(actor, draft_id, actions=payload["actions"], **payload["decision"])
                return ctx.capture.capture(actor, item_id)
            return ctx.capture.save_capture(actor, item_id, payload)

        ops.run(
            save, lambda st: self._saved(item_id, st), lambda e: self._save_failed(item_id, e), owner=self
        )

    def _saved(self, item_id: int, state: CaptureState) -> None:
        at = datetime.now().strftime("%H:%M:%S")
        self.saved_label.setText(fill(tr(N("MeetingCapture", "Saved %1")), at))
        self.saved_label.setStyleSheet("color: #15803d;")
        if item_id == self.item_id:
            self.state = state
            self.opinions.load(state.opinions, keep_typed=True)
        emit(self.saved, at)

    def _save_failed(self, item_id: int, exc: BaseException) -> None:
        if item_id == self.item_id:
            self._sent = None  # try again with the next change
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.saved_label.setText(fill(tr(N("MeetingCapture", "Not saved: %1")), exc.localized()))
        self.saved_label.setStyleSheet("color: #b91c1c;")

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_now()
        super().hideEvent(event)

    # -- actions ---------------------------------------------------------------------------------------
    def _step(self, step: int) -> None:
        agenda = [i.id for i in self.meeting.agenda]
        at = agenda.index(self.item_id) + step
        if 0 <= at < len(agenda):
            self.show_item(agenda[at])

    def mark_discussed(self) -> None:
        if self.item_id is None:
            return
        self.save_now()
        ctx, actor, item_id = self.ctx, self.actor, self.item_id
        ops.run(
            lambda: ctx.capture.mark_discussed(actor, item_id),
            lambda _s: self._reload(),
            self._failed,
            owner=self,
        )

    def finalise(self) -> None:
        if self.state is None or self.state.draft is None or not ConfirmFinalise.ask(self):
            return
        self.save_now()
        ctx, actor, draft_id = self.ctx, self.actor, self.state.draft.id

        def finalised(_decision) -> None:
            self._reload()
            # The signers' queues get the document now, not when somebody remembers to start it.
            ops.run(lambda: ctx.documents.prepare(actor, draft_id), lambda _doc: None, self._failed, owner=self)

        ops.run(lambda: ctx.decisions.finalise(actor, draft_id), finalised, self._failed, owner=self)

    def amend(self) -> None:
        final = self.final_decision()
        if final is None:
            return
        reason = AmendReasonDialog.ask(self)
        if not reason:
            return
        ctx, actor = self.ctx, self.actor
        ops.run(
            lambda: ctx.decisions.amend(actor, final.id, reason),
            lambda _d: self._reload(),
            self._failed,
            owner=self,
        )

    def show_versions(self) -> None:
        from ui.meetings.capture.decision_dialog import DecisionDialog

        self.save_now()
        dialog = DecisionDialog(self.session, self.item_id, self)
        dialog.changed.connect(self._reload)
        dialog.open()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AppError):
            show_error(exc, self)
            return
        self.message.setText(exc.localized())
