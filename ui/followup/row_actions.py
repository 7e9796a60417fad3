"""What can be done from a row of the follow-up section, each a service call in the background; the
dialog in use is kept in `dialog` (tests fill it in like a person would)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.records import Actor
from app.security.permissions import allowed
from ui import ops
from ui.followup.execution_dialog import ExecutionDialog
from ui.followup.followup_dialog import FollowUpDialog
from ui.followup.rediscuss_dialog import RediscussDialog
from ui.qt_compat import emit


class RowActions(QObject):
    changed = Signal()  # something was recorded: the lists are stale
    dialogOpened = Signal(object)

    def __init__(self, ctx, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._actor, self._parent = ctx, actor, parent
        self.dialog: QDialog | None = None
        self.last_completed: int | None = None  # the action item "Reopen" puts back

    @property
    def may_record_execution(self) -> bool:
        return allowed(self._actor, "execution.record")

    @property
    def may_record_followup(self) -> bool:
        return allowed(self._actor, "followup.record")

    @property
    def may_rediscuss(self) -> bool:
        return allowed(self._actor, "case.submit")

    def _show(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None, d=dialog: self._forget(d))
        dialog.saved.connect(lambda _result: emit(self.changed))
        dialog.open()
        emit(self.dialogOpened, dialog)
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # -- execution -------------------------------------------------------------------------------

    def record_execution(self, decision_id: int, heading: str, plan: str) -> None:
        execution, actor = self._ctx.execution, self._actor
        ops.run(lambda: execution.get(actor, decision_id),
                lambda row: self._open_execution(row, heading, plan), owner=self)

    def _open_execution(self, row, heading: str, plan: str) -> None:
        execution, actor = self._ctx.execution, self._actor

        def save(v: dict):
            return execution.record(actor, row.decision_id, v["status"],
                                    treatment_started_on=v["treatment_started_on"],
                                    treatment_place=v["treatment_place"], deviation_reason=v["deviation_reason"],
                                    deviation=v["deviation"], mdt_effect=v["mdt_effect"])

        self._show(ExecutionDialog(row, heading, plan, save, self._parent))

    # -- action items ----------------------------------------------------------------------------

    def complete_action(self, action_id: int, on_done: Callable[[object], None] | None = None) -> None:
        self._set_done(action_id, True, on_done)

    def reopen_last(self, on_done: Callable[[object], None] | None = None) -> None:
        if self.last_completed is not None:
            self._set_done(self.last_completed, False, on_done)

    def _set_done(self, action_id: int, done: bool, on_done) -> None:
        execution, actor = self._ctx.execution, self._actor

        def finished(row) -> None:
            self.last_completed = action_id if done else None
            if on_done is not None:
                on_done(row)
            emit(self.changed)

        ops.run(lambda: execution.complete_action(actor, action_id, done), finished, owner=self)

    # -- follow-up -------------------------------------------------------------------------------

    def record_followup(self, followup_id: int, heading: str) -> None:
        followups, actor = self._ctx.followups, self._actor
        ops.run(lambda: followups.get(actor, followup_id), lambda row: self._open_followup(row, heading),
                owner=self)

    def _open_followup(self, row, heading: str) -> None:
        followups, actor = self._ctx.followups, self._actor

        def save(v: dict):
            if v["lost"]:
                return followups.mark_lost(actor, row.id, v["reason"], on=v["on"])
            return followups.record(actor, row.id, contact=v["contact"], vital_status=v["vital_status"],
                                    disease_status=v["disease_status"], treatment_change=v["treatment_change"],
                                    outcome=v["outcome"], notes=v["notes"], on=v["on"])

        dialog = FollowUpDialog(row, heading, save, self._parent)
        dialog.then_rediscuss.setVisible(self.may_rediscuss)
        case_id = row.case_id

        def saved(_result) -> None:
            if dialog.then_rediscuss.isChecked() and self.may_rediscuss:
                reason = dialog.rediscuss_reason()
                # after this dialog has closed, so the confirmation is the one dialog in use
                QTimer.singleShot(0, self, lambda: self.rediscuss(case_id, heading, reason))

        dialog.saved.connect(saved)
        self._show(dialog)

    # -- re-discussion ---------------------------------------------------------------------------

    def rediscuss(self, case_id: int, heading: str, reason: str = "") -> QDialog:
        followups, actor = self._ctx.followups, self._actor
        return self._show(RediscussDialog(heading, reason,
                                          lambda v: followups.rediscuss(actor, case_id, v["reason"]),
                                          self._parent))
