"""Execution tracking (会诊意见执行情况): what became of a finalised decision, and its action items.

病历书写基本规范 makes the requesting doctor record whether the advice was carried out; this is that
record. It lives on the decision version in force (a superseded or draft version carries no execution).

With it the doctor says whether the MDT changed the diagnosis and the treatment plan (MDT前后诊断/治疗方案
是否改变, the figures hospitals report), kept in `Decision.mdt_effect`; `read_effect` and `effect_sql` read
them back, in Python and in a query.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlalchemy.orm import Session

from app.closed_loop_records import ExecutionRow
from app.domain.closed_loop import DEVIATION_REASONS, EXECUTION_STATUSES, TREATMENT_PLACES
from app.domain.patient_rules import clean_text
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import ActionRow
from app.records import Actor
from app.services.base import Service
from app.services.followups import plan_in
from app.services.meeting_common import audit, get_case, get_decision, now, transition
from app.services.meeting_rows import user_names
from db.models import ActionItem, Case, Decision, Discussion

FIELDS = ("execution_status", "treatment_started_on", "treatment_place", "deviation_reason", "deviation")
EFFECT_KEY = "mdt_effect"
EFFECT_FIELDS = ("diagnosis_changed", "treatment_changed")
NO_EFFECT = {"diagnosis_changed": None, "treatment_changed": None, "note": ""}


def read_effect(dec: Decision) -> dict:
    """{"diagnosis_changed": bool | None, "treatment_changed": bool | None, "note": str} of one decision."""
    found = dec.mdt_effect or {}
    return {**NO_EFFECT, **{k: found[k] for k in NO_EFFECT if k in found}}


def effect_sql(field: str):
    """A query column: 1 when the MDT changed `field` ("diagnosis_changed" | "treatment_changed") for the
    `Decision` in the query, 0 when it did not, NULL when not recorded."""
    if field not in EFFECT_FIELDS:
        raise KeyError(field)
    return func.json_extract(Decision.mdt_effect, f"$.{field}")


def validate_effect(effect: dict) -> dict:
    out = dict(NO_EFFECT)
    for k in EFFECT_FIELDS:
        value = effect.get(k)
        if value not in (None, True, False):
            raise ValidationError(N("errors", "Choose a value from the list."), field=k)
        out[k] = value
    out["note"] = clean_text(effect.get("note") or "", 1000, "change_note", multiline=True)
    return out


def in_force(s: Session, decision_id: int) -> Decision:
    dec = get_decision(s, decision_id)
    if dec.status != "finalised":
        raise ConflictError(N("errors", "Execution can only be recorded for the finalised decision in force."))
    return dec


def execution_row(s: Session, dec: Decision, c: Case) -> ExecutionRow:
    names = user_names(s, [dec.execution_recorded_by])
    effect = read_effect(dec)
    return ExecutionRow(dec.id, c.id, dec.execution_status or "pending", dec.treatment_started_on,
                        dec.treatment_place or "", dec.deviation_reason or "", dec.deviation or "",
                        names.get(dec.execution_recorded_by, ""), dec.execution_recorded_at,
                        effect["diagnosis_changed"], effect["treatment_changed"], effect["note"])


def _as_date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(N("errors", "Enter the date as YYYY-MM-DD."), field=field) from None


def validate_execution(status: str, started_on, place: str, reason: str, deviation: str) -> dict:
    if status not in EXECUTION_STATUSES:
        raise ValidationError(N("errors", "Unknown execution status: {code}."), field="execution_status",
                              code=status)
    started = _as_date(started_on, "treatment_started_on")
    place = place or ""
    reason = reason or ""
    text = clean_text(deviation or "", 2000, "deviation", multiline=True)
    if place and place not in TREATMENT_PLACES:
        raise ValidationError(N("errors", "Unknown treatment place: {code}."), field="treatment_place", code=place)
    if reason and reason not in DEVIATION_REASONS:
        raise ValidationError(N("errors", "Unknown deviation reason: {code}."), field="deviation_reason",
                              code=reason)
    if status in ("executed", "partly"):
        if started is None:
            raise ValidationError(N("errors", "Enter the date treatment started."), field="treatment_started_on")
        if not place:
            raise ValidationError(N("errors", "Enter where the treatment takes place."), field="treatment_place")
    if started is not None and started > date.today():
        raise ValidationError(N("errors", "The treatment start date lies in the future."),
                              field="treatment_started_on")
    if status in ("partly", "not"):
        if not reason:
            raise ValidationError(N("errors", "Choose the reason for the deviation from the plan."),
                                  field="deviation_reason")
        if reason == "other" and not text:
            raise ValidationError(N("errors", "Describe the deviation from the plan."), field="deviation")
    if status == "pending":
        started, place, reason, text = None, "", "", ""
    elif status == "executed" and not reason:
        text = ""
    return {"execution_status": status, "treatment_started_on": started, "treatment_place": place,
            "deviation_reason": reason, "deviation": text}


class ExecutionService(Service):
    def get(self, actor: Actor, decision_id: int) -> ExecutionRow:
        self.require(actor, "case.view")
        with self.db.read() as s:
            dec = get_decision(s, decision_id)
            return execution_row(s, dec, get_case(s, s.get(Discussion, dec.discussion_id).case_id))

    def record(self, actor: Actor, decision_id: int, status: str, *, treatment_started_on=None,
               treatment_place: str = "", deviation_reason: str = "", deviation: str = "",
               mdt_effect: dict | None = None) -> ExecutionRow:
        """Record (or correct) the execution status; every change keeps its old value in the audit trail.
        A signed case whose execution is first recorded moves to "implementing". `mdt_effect` ({"diagnosis_
        changed", "treatment_changed": bool | None, "note"}) says what the MDT changed; None keeps it."""
        self.require(actor, "execution.record")
        values = validate_execution(status, treatment_started_on, treatment_place, deviation_reason, deviation)
        effect = validate_effect(mdt_effect) if mdt_effect is not None else None
        with self.db.session() as s:
            dec = in_force(s, decision_id)
            d = s.get(Discussion, dec.discussion_id)
            c = get_case(s, d.case_id)
            old = {k: getattr(dec, k) for k in FIELDS}
            old_effect = read_effect(dec)
            new_effect = effect if effect is not None else old_effect
            if old == values and old_effect == new_effect:
                return execution_row(s, dec, c)
            for k, v in values.items():
                setattr(dec, k, v)
            if new_effect != old_effect:
                dec.mdt_effect = new_effect
            dec.execution_recorded_by, dec.execution_recorded_at = actor.user_id, now()
            audit(self.ctx, s, actor, "execution", "decision", dec.id, case=c,
                  old={**old, EFFECT_KEY: old_effect}, new={**values, EFFECT_KEY: new_effect})
            if status != "pending":
                plan_in(self.ctx, s, actor, dec, c)
            if c.status == "signed" and status != "pending":
                transition(self.ctx, s, actor, c, "implementing")
            return execution_row(s, dec, c)

    def complete_action(self, actor: Actor, action_id: int, done: bool = True) -> ActionRow:
        """Tick an action item off (or reopen it). Only the version in force's items count."""
        self.require(actor, "execution.record")
        with self.db.session() as s:
            a = s.get(ActionItem, action_id)
            if a is None:
                raise NotFound(N("errors", "Action item {id} does not exist."), id=action_id)
            dec = in_force(s, a.decision_id)
            c = get_case(s, s.get(Discussion, dec.discussion_id).case_id)
            if bool(a.done_at) != done:
                old = {"done_at": a.done_at, "done_by": a.done_by}
                a.done_at, a.done_by = (now(), actor.user_id) if done else (None, None)
                audit(self.ctx, s, actor, "complete" if done else "reopen", "action_item", a.id, case=c,
                      old=old, new={"done_at": a.done_at, "done_by": a.done_by})
            return ActionRow(a.id, a.decision_id, a.description, a.responsible_user_id, a.responsible_name,
                             a.department, a.due_on, a.done_at)
