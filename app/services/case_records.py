"""Creating and editing MDT applications, their readiness, and submission for a meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.patient_rules import clean_text
from app.domain.readiness import CaseFacts, Evidence, Readiness, evaluate
from app.domain.vocab import CONFERENCE_TYPES, TUMOUR_TYPES, URGENCY
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor, CaseDetail, StatusEventRow
from app.security.masking import patient_for, sees_masked
from app.security.redaction import redacted_for
from app.services import audit_chain
from app.services.base import Service
from app.services.patients import patient_row
from db.base import utcnow
from db.models import Attachment, Case, CaseStatusEvent, Patient, User

TEXT_LIMITS = {
    "purpose": 2000, "question": 2000, "chief_complaint": 4000, "history": 20000, "comorbidities": 4000,
    "prior_treatment": 8000, "primary_site": 100, "icd10_code": 16, "icd10_name": 200, "histology_code": 10,
    "histology_name": 200, "grade": 20, "stage_prefix": 4, "stage_t": 10, "stage_n": 10, "stage_m": 10,
    "stage_group": 10, "stage_system": 20, "stage_edition": 10, "readiness_override_reason": 2000,
}
MULTILINE = {"purpose", "question", "chief_complaint", "history", "comorbidities", "prior_treatment",
             "readiness_override_reason"}
CHOICES = {"tumour_type": TUMOUR_TYPES, "conference_type": CONFERENCE_TYPES, "urgency": URGENCY}
EDITABLE = (*TEXT_LIMITS, *CHOICES, "team_id", "ecog", "kps", "biomarkers", "stage_extra", "workup",
            "is_external", "consent_external", "department_id", "applied_on")
EDITABLE_STATUSES = {"draft", "returned", "submitted", "approved", "scheduled", "rediscussion"}


def validate_case_fields(values: dict) -> dict:
    """Each field checked on entry with a message a clerk understands; unknown fields are refused."""
    out: dict = {}
    for name, value in values.items():
        if name not in EDITABLE:
            raise ValidationError(N("errors", "Unknown case field: {name}."), field=name, name=name)
        if name in TEXT_LIMITS:
            out[name] = clean_text(value if value is not None else "", TEXT_LIMITS[name], name,
                                   multiline=name in MULTILINE)
        elif name in CHOICES:
            if value and value not in CHOICES[name]:
                raise ValidationError(N("errors", "Choose a value from the list."), field=name)
            out[name] = value or ""
        elif name == "ecog":
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 5):
                raise ValidationError(N("errors", "ECOG is a whole number from 0 to 5."), field=name)
            out[name] = value
        elif name == "kps":
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 100 or value % 10):
                raise ValidationError(N("errors", "KPS is 0 to 100 in steps of 10."), field=name)
            out[name] = value
        elif name in ("biomarkers", "stage_extra", "workup"):
            if not isinstance(value, dict):
                raise ValidationError(N("errors", "Choose a value from the list."), field=name)
            out[name] = {clean_text(str(k), 40, name): v if isinstance(v, dict) else clean_text(str(v), 200, name)
                         for k, v in value.items()}
        elif name == "applied_on":
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise ValidationError(N("errors", "Enter a date as YYYY-MM-DD."), field=name)
            if value is not None and value > date.today():
                raise ValidationError(N("errors", "The application date is in the future."), field=name)
            out[name] = value
        else:
            out[name] = value
    if out.get("icd10_code"):
        out["icd10_code"] = out["icd10_code"].upper()
    _check_stage(out)
    return out


def _check_stage(out: dict) -> None:
    """A hand-entered stage group must agree with T, N, M where AJCC 8 can compute it."""
    try:
        from app.domain.staging import StagingInput, validate
    except ImportError:  # staging tables not available in this build
        return
    site = out.get("tumour_type")
    group = out.get("stage_group")
    if not (site and group and out.get("stage_t") and out.get("stage_n") and out.get("stage_m")):
        return
    try:
        problem = validate(StagingInput(site, out.get("stage_prefix") or "c", out["stage_t"], out["stage_n"],
                                        out["stage_m"], out.get("stage_extra") or {}), group)
    except (KeyError, ValueError):
        return
    if problem:
        raise ValidationError(N("errors", "The stage group does not match T, N and M: {detail}"),
                              field="stage_group", detail=problem)


def _fields_of(c: Case) -> dict:
    return {name: getattr(c, name) for name in EDITABLE}


def next_case_no(s: Session, year: int) -> str:
    prefix = f"MDT-{year}-"
    last = s.execute(select(func.max(Case.case_no)).where(Case.case_no.like(prefix + "%"))).scalar()
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def facts_of(s: Session, c: Case) -> CaseFacts:
    evidence = tuple(
        Evidence(label, modality or "", taken_on)
        for label, modality, taken_on in s.execute(
            select(Attachment.label, Attachment.modality, Attachment.taken_on).where(Attachment.case_id == c.id))
    )
    return CaseFacts(c.tumour_type, _fields_of(c), c.biomarkers or {}, evidence, c.workup or {})


class CaseRecordService(Service):
    def create(self, actor: Actor, patient_id: int, **fields) -> CaseDetail:
        self.require(actor, "case.create")
        values = validate_case_fields(fields)
        with self.db.session() as s:
            if s.get(Patient, patient_id) is None:
                raise NotFound(N("errors", "Patient {id} does not exist."), id=patient_id)
            values.setdefault("applied_on", date.today())
            c = Case(case_no=next_case_no(s, date.today().year), patient_id=patient_id, status="draft",
                     applicant_id=actor.user_id, created_by=actor.user_id, **values)
            s.add(c)
            s.flush()
            s.add(CaseStatusEvent(case_id=c.id, from_status="", to_status="draft", actor_id=actor.user_id))
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "create", "case", c.id, case_id=c.id, patient_id=patient_id,
                               new={"case_no": c.case_no, **values})
            return self._detail(s, c)

    def update(self, actor: Actor, case_id: int, expected_updated_at=None, **fields) -> CaseDetail:
        """Save edits. `expected_updated_at` guards against overwriting someone else's newer save."""
        self.require(actor, "case.update")
        values = validate_case_fields(fields)
        with self.db.session() as s:
            c = self._get(s, case_id)
            if c.status not in EDITABLE_STATUSES:
                raise ConflictError(N("errors", "This case has been discussed; its application can no longer "
                                                "be edited."))
            if expected_updated_at is not None and c.updated_at != expected_updated_at:
                raise ConflictError(N("errors", "Someone else saved this case in the meantime. Reopen it to "
                                                "see their changes; your text is kept as a draft."))
            merged = {**_fields_of(c), **values}
            _check_stage(merged)
            before = _fields_of(c)
            for k, v in values.items():
                setattr(c, k, v)
            c.updated_at = utcnow()
            old, new = audit_chain.diff(before, _fields_of(c))
            if new:
                self.ctx.setup.mark_real_data(s)
                audit_chain.record(s, actor, "update", "case", c.id, case_id=c.id, patient_id=c.patient_id,
                                   old=old, new=new)
            return self._detail(s, c)

    def get(self, actor: Actor, case_id: int) -> CaseDetail:
        self.require(actor, "case.view")
        with self.db.read() as s:
            detail = self._detail(s, self._get(s, case_id))
            if not sees_masked(actor):
                return detail
            # the free text too: a history that says "张三丰，男，住城关镇…" must not undo the mask
            return redacted_for(actor, s, [case_id], replace(detail, patient=patient_for(actor, detail.patient)))

    def id_of(self, case_no: str) -> int:
        with self.db.read() as s:
            cid = s.execute(select(Case.id).where(Case.case_no == case_no.strip().upper())).scalar()
        if cid is None:
            raise NotFound(N("errors", "There is no case {case_no}."), case_no=case_no)
        return cid

    def readiness(self, actor: Actor, case_id: int) -> Readiness:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return evaluate(facts_of(s, self._get(s, case_id)))

    def submit(self, actor: Actor, case_id: int, override_reason: str = "") -> Readiness:
        """Submit for a meeting; refused while required items are missing unless the applicant says why."""
        with self.db.read() as s:
            c = self._get(s, case_id)
            ready = evaluate(facts_of(s, c))
        reason = clean_text(override_reason, 2000, "readiness_override_reason")
        if not ready.ready and not reason:
            raise ValidationError(
                N("errors", "The case is not complete ({n} items missing). Complete it, or record why it "
                            "must be discussed anyway."),
                field="readiness", n=len(ready.missing_fields) + len(ready.missing),
            )
        if reason:
            self.update(actor, case_id, readiness_override_reason=reason)
        self.ctx.cases.transition(actor, case_id, "submitted", note=reason)
        return ready

    @staticmethod
    def _get(s: Session, case_id: int) -> Case:
        c = s.get(Case, case_id)
        if c is None:
            raise NotFound(N("errors", "Case {id} does not exist."), id=case_id)
        return c

    @staticmethod
    def _detail(s: Session, c: Case) -> CaseDetail:
        names = dict(s.execute(select(User.id, User.display_name)).all())
        timeline = tuple(
            StatusEventRow(e.at, e.from_status, e.to_status, names.get(e.actor_id, ""), e.note)
            for e in s.execute(select(CaseStatusEvent).where(CaseStatusEvent.case_id == c.id)
                               .order_by(CaseStatusEvent.id)).scalars()
        )
        return CaseDetail(c.id, c.case_no, patient_row(c.patient), c.status, c.team_id, _fields_of(c),
                          timeline, c.updated_at)
