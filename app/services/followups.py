"""Follow-up (随访) after a decision: planned visits at 1/3/6/12 months, what each contact found, patients
lost to follow-up, and sending a case back for re-discussion.

The schedule is the team's (`Team.followup_months`), else the hospital's (`HospitalSettings.options
["followup_months"]`), else 1, 3, 6 and 12 months. Months count from the day the decision was finalised.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.closed_loop_records import DueFollowUp, FollowUpRow
from app.domain.closed_loop import CONTACTS, DEFAULT_FOLLOWUP_MONTHS, DISEASE_STATUSES, VITAL_STATUSES
from app.domain.patient_rules import clean_text
from app.errors import ConflictError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.security.masking import mask_name, sees_masked
from app.services.base import Service
from app.services.meeting_common import audit, fetch, get_case, get_decision, now, transition
from db.models import Case, Decision, Discussion, FollowUp, HospitalSettings, Patient, Team, User


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def schedule_months(s: Session, c: Case) -> list[int]:
    team = s.get(Team, c.team_id) if c.team_id else None
    months = list(team.followup_months or []) if team is not None else []
    if not months:
        hs = s.get(HospitalSettings, 1)
        months = list((hs.options or {}).get("followup_months") or []) if hs is not None else []
    clean = sorted({int(m) for m in months if isinstance(m, int | str) and str(m).isdigit() and int(m) > 0})
    return clean or list(DEFAULT_FOLLOWUP_MONTHS)


def followup_row(f: FollowUp) -> FollowUpRow:
    return FollowUpRow(f.id, f.case_id, f.decision_id, f.months_after, f.due_on, f.done_at, f.contact or "",
                       f.vital_status or "", f.disease_status or "", f.treatment_change or "", f.outcome or "",
                       f.lost_reason or "", f.notes or "", f.responsible_user_id)


def responsible_doctor(c: Case, fallback: int | None) -> int | None:
    """The requesting doctor records execution and follow-up (病历书写基本规范); else whoever created it."""
    return c.applicant_id or c.created_by or fallback


def plan_in(ctx, s: Session, actor: Actor, dec: Decision, c: Case) -> list[FollowUp]:
    """Make the missing planned follow-ups of a finalised decision (planning twice adds nothing)."""
    base = (dec.finalised_at or now()).date()
    have = set(s.execute(select(FollowUp.months_after).where(FollowUp.decision_id == dec.id)).scalars())
    made = []
    for months in schedule_months(s, c):
        if months in have:
            continue
        f = FollowUp(case_id=c.id, decision_id=dec.id, months_after=months, due_on=add_months(base, months),
                     responsible_user_id=responsible_doctor(c, actor.user_id))
        s.add(f)
        made.append(f)
    if made:
        s.flush()
        audit(ctx, s, actor, "plan", "follow_up", made[0].id, case=c,
              new={"decision": dec.id, "months": [f.months_after for f in made],
                   "due": [f.due_on for f in made]})
    return made


def _get(s: Session, followup_id: int) -> FollowUp:
    return fetch(s, FollowUp, followup_id, N("errors", "Follow-up {id} does not exist."))


def _snapshot(f: FollowUp) -> dict:
    return {k: getattr(f, k) for k in ("done_at", "contact", "vital_status", "disease_status", "treatment_change",
                                       "outcome", "lost_reason", "notes")}


def _choice(value: str, allowed: dict, field: str, required: bool) -> str:
    value = value or ""
    if not value and required:
        raise ValidationError(N("errors", "Choose a value for {name}."), field=field, name=field)
    if value and value not in allowed:
        raise ValidationError(N("errors", "Unknown value for {name}: {code}."), field=field, name=field, code=value)
    return value


def _when(on: date | datetime | None) -> datetime:
    if on is None:
        return now()
    at = on if isinstance(on, datetime) else datetime.combine(on, datetime.min.time())
    if at.date() > date.today():
        raise ValidationError(N("errors", "The follow-up date lies in the future."), field="done_at")
    return at


class FollowUpService(Service):
    def plan(self, actor: Actor, decision_id: int) -> list[FollowUpRow]:
        """Plan the follow-ups of a finalised decision; returns every follow-up of that decision."""
        self.require(actor, "followup.record")
        with self.db.session() as s:
            dec = get_decision(s, decision_id)
            if dec.status != "finalised":
                raise ConflictError(N("errors", "Follow-ups are planned for the finalised decision in force."))
            c = get_case(s, s.get(Discussion, dec.discussion_id).case_id)
            plan_in(self.ctx, s, actor, dec, c)
            return [followup_row(f) for f in s.execute(select(FollowUp).where(FollowUp.decision_id == dec.id)
                                                       .order_by(FollowUp.due_on, FollowUp.id)).scalars()]

    def for_case(self, actor: Actor, case_id: int) -> list[FollowUpRow]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            get_case(s, case_id)
            return [followup_row(f) for f in s.execute(select(FollowUp).where(FollowUp.case_id == case_id)
                                                       .order_by(FollowUp.due_on, FollowUp.id)).scalars()]

    def get(self, actor: Actor, followup_id: int) -> FollowUpRow:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return followup_row(_get(s, followup_id))

    def due(self, actor: Actor, start: date, end: date, team_id: int | None = None,
            today: date | None = None) -> list[DueFollowUp]:
        """Every planned follow-up due from `start` to `end` (inclusive), done or not, soonest first: the
        secretary's list for chasing the responsible doctors. Cancelled cases are left out."""
        self.require(actor, "case.view")
        if end < start:
            raise ValidationError(N("errors", "The period ends before it starts."), field="to")
        today = today or date.today()
        show = mask_name if sees_masked(actor) else (lambda n: n)
        query = (select(FollowUp.id, Case.id, Case.case_no, Patient.name, Team.name, FollowUp.months_after,
                        FollowUp.due_on, User.display_name, FollowUp.done_at, FollowUp.lost_reason)
                 .join(Case, FollowUp.case_id == Case.id).join(Patient, Case.patient_id == Patient.id)
                 .outerjoin(Team, Case.team_id == Team.id)
                 .outerjoin(User, FollowUp.responsible_user_id == User.id)
                 .where(FollowUp.due_on >= start, FollowUp.due_on <= end, Case.status != "cancelled")
                 .order_by(FollowUp.due_on, FollowUp.id))
        if team_id is not None:
            query = query.where(Case.team_id == team_id)
        with self.db.read() as s:
            return [DueFollowUp(i, cid, no, show(name), team or "", months, due, doctor or "", done, bool(lost),
                                done is None and due < today)
                    for i, cid, no, name, team, months, due, doctor, done, lost in s.execute(query)]

    def record(self, actor: Actor, followup_id: int, *, contact: str, vital_status: str, disease_status: str = "",
               treatment_change: str = "", outcome: str = "", notes: str = "",
               on: date | datetime | None = None) -> FollowUpRow:
        """The result of a visit or phone call. Recording again corrects it (the old values are audited)."""
        self.require(actor, "followup.record")
        values = {
            "contact": _choice(contact, CONTACTS, "contact", True),
            "vital_status": _choice(vital_status, VITAL_STATUSES, "vital_status", True),
            "disease_status": _choice(disease_status, DISEASE_STATUSES, "disease_status", False),
            "treatment_change": clean_text(treatment_change, 2000, "treatment_change", multiline=True),
            "outcome": clean_text(outcome, 2000, "outcome", multiline=True),
            "notes": clean_text(notes, 2000, "notes", multiline=True),
            "lost_reason": "",
            "done_at": _when(on),
        }
        return self._write(actor, followup_id, "record", values)

    def mark_lost(self, actor: Actor, followup_id: int, reason: str,
                  on: date | datetime | None = None) -> FollowUpRow:
        """Lost to follow-up (失访): the attempt is done, with the reason nobody could be reached."""
        self.require(actor, "followup.record")
        why = clean_text(reason, 2000, "lost_reason", multiline=True)
        if not why:
            raise ValidationError(N("errors", "Enter why the patient was lost to follow-up."), field="lost_reason")
        values = {"lost_reason": why, "vital_status": "unknown", "contact": "", "done_at": _when(on)}
        return self._write(actor, followup_id, "lost", values)

    def _write(self, actor: Actor, followup_id: int, action: str, values: dict) -> FollowUpRow:
        with self.db.session() as s:
            f = _get(s, followup_id)
            c = get_case(s, f.case_id)
            old = _snapshot(f)
            for k, v in values.items():
                setattr(f, k, v)
            f.recorded_by = actor.user_id
            audit(self.ctx, s, actor, action, "follow_up", f.id, case=c, old=old, new=_snapshot(f))
            return followup_row(f)

    def rediscuss(self, actor: Actor, case_id: int, reason: str) -> None:
        """Send the case back to the agenda (再讨论); its earlier discussions stay linked as its history, and
        the next discussion gets the next sequence number."""
        self.require(actor, "case.submit")
        why = clean_text(reason, 2000, "reason", multiline=True)
        if not why:
            raise ValidationError(N("errors", "Enter why the case needs to be discussed again."), field="reason")
        with self.db.session() as s:
            c = get_case(s, case_id)
            if c.status == "signed":
                transition(self.ctx, s, actor, c, "implementing")
            transition(self.ctx, s, actor, c, "rediscussion", note=why)
