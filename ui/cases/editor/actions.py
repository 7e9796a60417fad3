"""What the editor's buttons do: save (with the conflict guard), submit (with the reason when incomplete),
confirm a work-up item by hand, and check fields as they are typed. Mixed into `CaseEditor`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.errors import ConflictError, ValidationError
from app.records import CaseDetail
from app.services.case_records import validate_case_fields
from ui import ops
from ui.cases.editor.autosave import ENTITY
from ui.cases.editor.dialogs import ConfirmWorkupDialog, ConflictDialog, SubmitDialog
from ui.cases.editor.staging import STAGE_FIELDS
from ui.errors import show_error
from ui.qt_compat import emit

# Fields whose error line is also written by the widget itself (picker warnings, the live stage check).
SELF_CHECKED = ("icd10_code", "histology_code", "stage_group")


class EditorActions:
    """Needs from the editor: ctx, actor, case_id, detail, forms, tabs, baseline, editable, autosaver,
    form_values(), fill_form(), show_record(), update_state(), tab_of(), readiness, diagnosis, saved…"""

    # -- checking fields -------------------------------------------------------------------------

    def field_errors(self, values: dict) -> dict[str, str]:
        """Each field checked alone by the service's own rules (pure, no database): field -> message."""
        errors: dict[str, str] = {}
        for name, value in values.items():
            try:
                validate_case_fields({name: value})
            except ValidationError as exc:
                errors.setdefault(exc.field or name, exc.localized())
        return errors

    def validate_live(self) -> dict[str, str]:
        errors = self.field_errors(self.form_values())
        for form in self.forms:
            for field in form.fields():
                if field in errors:
                    form.show_error(field, errors[field])
                elif field not in SELF_CHECKED and field not in STAGE_FIELDS:
                    form.clear_error(field)
        return errors

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show each message under its field and open the tab of the first; False if none has a place."""
        first = None
        for field, message in errors.items():
            form = self.tab_of(field)
            if form is not None and form.show_error(field, message) and first is None:
                first = (form, field)
        if first is not None:
            self.tabs.setCurrentWidget(first[0])
            first[0].focus_field(first[1])
        return first is not None

    # -- saving ----------------------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Save the form (off the GUI thread); `then()` runs after a successful save. False: not started."""
        if not self.editable or self._saving or self.detail is None:
            return False
        values = self.form_values()
        errors = self.field_errors(values)
        if self.diagnosis.staging.inconsistent():
            errors.setdefault("stage_group", self.diagnosis.staging.errors["stage_group"].text())
        if errors:
            self.show_errors(errors)
            self.state_label.setText(self.tr("Not saved: correct the marked fields."))
            return False
        if values == self.baseline:
            if then is not None:
                then()
            else:
                self.state_label.setText(self.tr("No changes to save."))
            return True
        self._saving = True
        self.save_button.setEnabled(False)
        self.state_label.setText(self.tr("Saving…"))
        records, drafts, actor, cid = self.ctx.case_records, self.ctx.drafts, self.actor, self.case_id
        expected = self.detail.updated_at

        def job() -> CaseDetail:
            detail = records.update(actor, cid, expected_updated_at=expected, **values)
            drafts.discard(actor, ENTITY, cid)  # same worker, right after: no autosave can slip between
            return detail

        ops.run(job, lambda d: self._saved(d, values, then), self._save_failed, owner=self)
        return True

    def _saved(self, detail: CaseDetail, sent: dict, then: Callable[[], None] | None) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.autosaver.known(None)
        self._draft_at = ""
        for form in self.forms:
            for field in form.fields():
                if field not in STAGE_FIELDS:
                    form.clear_error(field)
        if self.form_values() == sent:
            self.fill_form(detail.fields)  # as stored (trimmed, codes in capitals)
        else:
            self.baseline = sent  # typed on while it was saving: that is unsaved, and autosaved
            self.autosaver.poke()
        self.show_record(detail)
        self._saved_text = self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M"))
        self.update_state()
        self.refresh_readiness()
        emit(self.saved, self.case_id)
        if then is not None:
            then()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(self.editable)
        self.update_state()
        if isinstance(exc, ValidationError) and self.show_errors({exc.field: exc.localized()}):
            self.state_label.setText(self.tr("Not saved: correct the marked fields."))
            return
        if isinstance(exc, ConflictError):
            self._conflict(exc)
            return
        self.state_label.setText(self.tr("Not saved."))
        show_error(exc, self)

    def _conflict(self, exc: ConflictError) -> None:
        """Someone saved in the meantime (or the case moved on): keep the text as a draft, then say so."""
        self.autosaver.flush()
        self.state_label.setText(self.tr("Not saved: the case was changed elsewhere. Your text is kept as a "
                                         "draft."))
        if ConflictDialog.ask(self, exc.localized()):
            self.reload()

    def reload(self) -> None:
        """Fetch the case again; a draft left by a refused save is offered for restoring."""
        self.baseline = None
        self.load()

    # -- the record without the form -------------------------------------------------------------

    def refresh_record(self) -> None:
        records, actor, cid = self.ctx.case_records, self.actor, self.case_id
        ops.run(lambda: records.get(actor, cid), self._record_arrived, owner=self)

    def _record_arrived(self, detail: CaseDetail) -> None:
        self.show_record(detail)
        self.update_state()
        self.refresh_readiness()

    def refresh_readiness(self) -> None:
        records, actor, cid = self.ctx.case_records, self.actor, self.case_id
        ops.run(lambda: records.readiness(actor, cid), self._readiness_arrived, owner=self)

    def _readiness_arrived(self, readiness) -> None:
        fields = self.detail.fields if self.detail else {}
        self.readiness.show_readiness(readiness, fields.get("workup") or {},
                                      fields.get("readiness_override_reason") or "")
        missing = len(readiness.missing_fields) + len(readiness.missing)
        title = self.tr("Readiness")
        self.tabs.setTabText(self.tabs.indexOf(self.readiness), f"{title} ✓" if not missing
                             else f"{title} ({missing})")
        emit(self.readinessShown)

    # -- confirming a work-up item by hand -------------------------------------------------------

    def confirm_item(self, code: str, item_label: str) -> None:
        if not self.editable or self.detail is None:
            return
        answer = ConfirmWorkupDialog.ask(self, item_label)
        if answer is None:
            return
        on, note = answer
        workup = dict(self.detail.fields.get("workup") or {})
        workup[code] = {"present": True, "on": on.isoformat(), "note": note, "by": self.actor.display_name}
        records, actor, cid, expected = self.ctx.case_records, self.actor, self.case_id, self.detail.updated_at
        ops.run(lambda: records.update(actor, cid, expected_updated_at=expected, workup=workup),
                self._record_arrived, self._write_failed, owner=self)

    def _write_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            if ConflictDialog.ask(self, exc.localized()):
                self.reload()
            return
        show_error(exc, self)

    # -- submitting ------------------------------------------------------------------------------

    def submit(self) -> None:
        """Save first if needed, look at readiness, ask (a reason when incomplete), then submit."""
        if self.detail is None or self._saving:
            return
        if self.is_dirty():
            self.save(then=self._submit_check)
            return
        self._submit_check()

    def _submit_check(self) -> None:
        records, actor, cid = self.ctx.case_records, self.actor, self.case_id
        ops.run(lambda: records.readiness(actor, cid), self._submit_ask, owner=self)

    def _submit_ask(self, readiness) -> None:
        self._readiness_arrived(readiness)
        reason = SubmitDialog.ask(self, readiness)
        if reason is None or (not readiness.ready and not reason.strip()):
            self.state_label.setText(self.tr("Not submitted."))
            return
        records, actor, cid = self.ctx.case_records, self.actor, self.case_id
        ops.run(lambda: records.submit(actor, cid, override_reason=reason.strip()), self._submitted,
                self._write_failed, owner=self)

    def _submitted(self, _readiness) -> None:
        self._saved_text = self.tr("Submitted for a meeting.")
        self.refresh_record()
        emit(self.statusChanged, self.case_id)
