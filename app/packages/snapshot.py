"""A case's records as plain JSON for the manifest, and back into rows of another installation.

Every content column travels; what only means something inside the sending installation does not (row ids,
users, teams, meetings, departments, thumbnails): those are left empty on the receiving side. Disciplines
travel by code. Dates are ISO strings; the column types say how to read them back.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from db.models import (
    ActionItem,
    Attachment,
    Case,
    CaseStatusEvent,
    Decision,
    Discipline,
    Discussion,
    KeyImage,
    Opinion,
    Patient,
)

LOCAL = {"id", "created_at", "updated_at", "created_by"}
SKIP = {
    Patient: LOCAL,
    Case: LOCAL | {"patient_id", "team_id", "applicant_id", "department_id", "case_no"},
    CaseStatusEvent: {"id", "case_id", "actor_id"},
    Discussion: LOCAL | {"case_id", "meeting_id", "agenda_item_id"},
    Opinion: LOCAL | {"discussion_id", "attendance_id", "recorded_by", "discipline_id"},
    Decision: LOCAL | {"discussion_id", "finalised_by", "execution_recorded_by", "amends_decision_id"},
    ActionItem: {"id", "decision_id", "responsible_user_id", "done_by"},
    Attachment: {"id", "case_id", "imported_by", "imported_at", "thumbnail_sha256"},
    KeyImage: {"id", "case_id", "attachment_id", "created_by", "created_at"},
}


def _jsonable(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_dict(obj) -> dict:
    model = type(obj)
    return {c.key: _jsonable(getattr(obj, c.key)) for c in model.__table__.columns if c.key not in SKIP[model]}


def date_columns(model) -> dict[str, type]:
    """Column name -> date or datetime, for the columns that hold one."""
    out = {}
    for c in model.__table__.columns:
        if c.key in SKIP[model]:
            continue
        if isinstance(c.type, DateTime):
            out[c.key] = datetime
        elif isinstance(c.type, Date):
            out[c.key] = date
    return out


def from_dict(model, values: dict):
    """A new (unsaved) row from `row_dict` output; unknown keys (a newer sender) are ignored."""
    kinds = date_columns(model)
    cols = {c.key for c in model.__table__.columns} - SKIP[model]
    kwargs = {}
    for k, v in values.items():
        if k not in cols:
            continue
        if v is not None and k in kinds:
            v = datetime.fromisoformat(v) if kinds[k] is datetime else date.fromisoformat(v)
        kwargs[k] = v
    return model(**kwargs)


def _discipline_codes(s: Session) -> dict[int, str]:
    return dict(s.execute(select(Discipline.id, Discipline.code)).all())


def case_snapshot(s: Session, case: Case) -> dict:
    codes = _discipline_codes(s)
    discussions = []
    for d in s.execute(select(Discussion).where(Discussion.case_id == case.id)
                       .order_by(Discussion.sequence, Discussion.id)).scalars():
        opinions = [{**row_dict(o), "discipline": codes.get(o.discipline_id, "")} for o in d.opinions]
        decisions = [{**row_dict(x), "ref": x.id, "amends_ref": x.amends_decision_id,
                      "actions": [row_dict(a) for a in x.actions]} for x in d.decisions]
        discussions.append({**row_dict(d), "opinions": opinions, "decisions": decisions})
    events = s.execute(select(CaseStatusEvent).where(CaseStatusEvent.case_id == case.id)
                       .order_by(CaseStatusEvent.id)).scalars()
    return {"patient": row_dict(case.patient), "case": {**row_dict(case), "case_no": case.case_no},
            "status_events": [row_dict(e) for e in events], "discussions": discussions}


def key_image_rows(s: Session, case_id: int) -> list[tuple[KeyImage, str]]:
    rows = s.execute(select(KeyImage, Attachment.sha256).join(Attachment, Attachment.id == KeyImage.attachment_id)
                     .where(KeyImage.case_id == case_id).order_by(KeyImage.position, KeyImage.id)).all()
    return [(k, sha) for k, sha in rows]


def restore_case(s: Session, snap: dict, patient_id: int, case_no: str, importer_id: int | None) -> Case:
    """The case, its history, discussions, opinions, decisions and actions as new rows."""
    case = from_dict(Case, snap["case"])
    case.patient_id, case.case_no, case.created_by = patient_id, case_no, importer_id
    s.add(case)
    s.flush()
    for e in snap.get("status_events", []):
        ev = from_dict(CaseStatusEvent, e)
        ev.case_id = case.id
        s.add(ev)
    by_code = {code: i for i, code in _discipline_codes(s).items()}
    refs: dict[int, Decision] = {}
    pending_amends: list[tuple[Decision, int]] = []
    for d in snap.get("discussions", []):
        disc = from_dict(Discussion, d)
        disc.case_id = case.id
        s.add(disc)
        s.flush()
        for o in d.get("opinions", []):
            op = from_dict(Opinion, o)
            op.discussion_id, op.discipline_id = disc.id, by_code.get(o.get("discipline") or "")
            s.add(op)
        for x in d.get("decisions", []):
            dec = from_dict(Decision, x)
            dec.discussion_id = disc.id
            s.add(dec)
            s.flush()
            refs[x.get("ref")] = dec
            if x.get("amends_ref"):
                pending_amends.append((dec, x["amends_ref"]))
            for a in x.get("actions", []):
                act = from_dict(ActionItem, a)
                act.decision_id = dec.id
                s.add(act)
    for dec, ref in pending_amends:
        dec.amends_decision_id = refs[ref].id if ref in refs else None
    s.flush()
    return case
