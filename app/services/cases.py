"""Cases: the SQL-side search behind the case list, rows by id, and workflow transitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select, union

from app.domain.vocab import label
from app.domain.workflow import permission_for
from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor, CaseRow
from app.security.masking import mask_digits, mask_name, sees_masked
from app.services import audit_chain
from app.services.base import Service
from app.services.patients import patient_ids_matching
from app.services.query import prefix
from db.base import utcnow
from db.models import Case, CaseStatusEvent, Patient, Team, User


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: str = ""
    team_id: int | None = None
    tumour_type: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "applied_on"
    descending: bool = True


SORT_COLUMNS = {
    "case_no": Case.case_no,
    "patient": Patient.name_pinyin,
    "status": Case.status,
    "applied_on": Case.applied_on,
    "tumour_type": Case.tumour_type,
    "diagnosis": Case.icd10_code,
    "team": Case.team_id,
}


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def stage_text(c) -> str:
    if not (c.stage_t or c.stage_n or c.stage_m or c.stage_group):
        return ""
    tnm = f"{c.stage_prefix}{c.stage_t}{c.stage_n}{c.stage_m}" if (c.stage_t or c.stage_n or c.stage_m) else ""
    return f"{tnm} {c.stage_group}".strip()


def case_ids_matching(text: str, masked: bool = False):
    """Cases whose patient matches, whose number starts with `text`, or whose diagnosis it names.

    Diagnosis words ("肺癌", "zhichang", "C34") go through the bundled ICD-10 list to codes, so a search
    by Chinese name finds every case coded under it; each branch is an indexed lookup (see patients).
    """
    from app.domain.codes import search_icd10

    t = text.strip()
    branches = [
        select(Case.id).where(Case.patient_id.in_(patient_ids_matching(t, masked))),
        select(Case.id).where(prefix(Case.case_no, t.upper())),
        select(Case.id).where(prefix(Case.icd10_code, t.upper())),
    ]
    # Only Chinese words go through the code list: pinyin initials typed for a name ("zc") would
    # otherwise also pull in every case of a diagnosis that happens to share them (直肠).
    has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in t)
    codes = {c.code for c in search_icd10(t, limit=10)} if has_cjk and len(t) >= 2 else set()
    branches += [select(Case.id).where(prefix(Case.icd10_code, code)) for code in sorted(codes)]
    return union(*branches)


def apply_transition(ctx, s, actor: Actor, c: Case, to_status: str, note: str = "") -> None:
    """A workflow transition (app.domain.workflow) inside the caller's transaction: checked, recorded, audited."""
    from app.security.permissions import require

    action = permission_for(c.status, to_status)
    if action is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A case cannot go from “{a}” to “{b}”."),
            a=label("case_status", c.status), b=label("case_status", to_status),
        )
    require(actor, action)
    old = c.status
    c.status = to_status
    if to_status == "submitted":
        c.submitted_at = utcnow()
    s.add(CaseStatusEvent(case_id=c.id, from_status=old, to_status=to_status, actor_id=actor.user_id, note=note))
    ctx.setup.mark_real_data(s)
    audit_chain.record(s, actor, "status", "case", c.id, case_id=c.id, patient_id=c.patient_id,
                       old={"status": old}, new={"status": to_status}, note=note)


class CaseService(Service):
    def _filtered(self, q: CaseQuery, masked: bool = False) -> Select:
        stmt = select(Case.id)
        if q.sort == "patient":
            stmt = stmt.join(Patient, Case.patient_id == Patient.id)
        if q.text.strip():
            stmt = stmt.where(Case.id.in_(case_ids_matching(q.text, masked)))
        if q.status:
            stmt = stmt.where(Case.status == q.status)
        if q.team_id:
            stmt = stmt.where(Case.team_id == q.team_id)
        if q.tumour_type:
            stmt = stmt.where(Case.tumour_type == q.tumour_type)
        if q.date_from:
            stmt = stmt.where(Case.applied_on >= q.date_from)
        if q.date_to:
            stmt = stmt.where(Case.applied_on <= q.date_to)
        return stmt

    def search_ids(self, actor: Actor, q: CaseQuery) -> list[int]:
        """Ids of matching cases in display order; the list model fetches rows for the ids it paints."""
        self.require(actor, "case.view")
        col = SORT_COLUMNS.get(q.sort, Case.applied_on)
        order = [col.desc() if q.descending else col.asc(), Case.id.desc() if q.descending else Case.id]
        with self.db.read() as s:
            return list(s.execute(self._filtered(q, sees_masked(actor)).order_by(*order)).scalars())

    def rows(self, actor: Actor, ids: list[int]) -> list[CaseRow]:
        self.require(actor, "case.view")
        if not ids:
            return []
        today = date.today()
        masked = sees_masked(actor)
        with self.db.read() as s:
            # Plain columns, not ORM entities: a block of 200 rows costs ~2 ms instead of ~10.
            stmt = (
                select(Case.id, Case.case_no, Patient.name, Patient.sex, Patient.birth_date,
                       Patient.hospital_number, Case.tumour_type, Case.icd10_code, Case.icd10_name,
                       Case.stage_prefix, Case.stage_t, Case.stage_n, Case.stage_m, Case.stage_group,
                       Case.status, Team.name.label("team"), User.display_name, Case.applied_on, Case.urgency)
                .join(Patient, Case.patient_id == Patient.id)
                .outerjoin(Team, Case.team_id == Team.id)
                .outerjoin(User, Case.applicant_id == User.id)
                .where(Case.id.in_(ids))
            )
            found = {}
            for r in s.execute(stmt):
                found[r.id] = CaseRow(
                    id=r.id, case_no=r.case_no, patient_name=mask_name(r.name) if masked else r.name,
                    patient_sex=r.sex, patient_age=_age(r.birth_date, today),
                    hospital_number=mask_digits(r.hospital_number, 2, 2) if masked else r.hospital_number,
                    tumour_type=r.tumour_type,
                    diagnosis=" ".join(x for x in (r.icd10_code, r.icd10_name) if x),
                    stage=stage_text(r), status=r.status, team=r.team or "", applicant=r.display_name or "",
                    applied_on=r.applied_on, urgency=r.urgency,
                )
        return [found[i] for i in ids if i in found]

    def count_by_status(self, actor: Actor) -> dict[str, int]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return dict(s.execute(select(Case.status, func.count(Case.id)).group_by(Case.status)).all())

    def transition(self, actor: Actor, case_id: int, to_status: str, note: str = "") -> str:
        with self.db.session() as s:
            c = s.get(Case, case_id)
            if c is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {id} does not exist."), id=case_id)
            apply_transition(self.ctx, s, actor, c, to_status, note)
            return to_status
