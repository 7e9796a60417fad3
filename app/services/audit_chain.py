"""Append-only audit events chained by SHA-256, written in the caller's transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.records import Actor, Problem
from app.services import audit_head
from db.base import utcnow
from db.models import AuditEvent

GENESIS = "0" * 64


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def event_hash(ev: AuditEvent) -> str:
    body = {
        "prev": ev.prev_hash,
        "at": ev.at.isoformat(timespec="microseconds"),
        "user_id": ev.user_id,
        "username": ev.username,
        "action": ev.action,
        "entity": ev.entity,
        "entity_id": ev.entity_id,
        "case_id": ev.case_id,
        "patient_id": ev.patient_id,
        "old": ev.old,
        "new": ev.new,
        "note": ev.note,
    }
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    s: Session,
    actor: Actor | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    *,
    old: dict | None = None,
    new: dict | None = None,
    case_id: int | None = None,
    patient_id: int | None = None,
    note: str = "",
    username: str = "",
) -> AuditEvent:
    s.flush()  # entity ids must exist before they are recorded
    gap = audit_head.find_gap(s)
    if gap is not None:  # the newest events were cut off: say so in the trail before it grows again
        _append(s, AuditEvent(at=utcnow(), user_id=None, username="system", action=audit_head.GAP_ACTION,
                              entity="audit", entity_id=gap["head_id"], old=None, new=gap, note=""))
    return _append(s, AuditEvent(
        at=utcnow(),
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        patient_id=patient_id,
        old=_jsonable(old) if old is not None else None,
        new=_jsonable(new) if new is not None else None,
        note=note,
    ))


def _append(s: Session, ev: AuditEvent) -> AuditEvent:
    last = s.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    ev.prev_hash = last or GENESIS
    ev.hash = event_hash(ev)
    s.add(ev)
    s.flush()  # the id is part of the head
    audit_head.advance(s, ev)
    return ev


def diff(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that changed, as (old, new)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def verify_chain(s: Session) -> list[Problem]:
    """Every event must hash to its stored hash and point at its predecessor; says which ones do not."""
    problems: list[Problem] = []
    prev = GENESIS
    prev_id = None
    for ev in s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        if ev.prev_hash != prev:
            where = f"after event {prev_id}" if prev_id else "at the start"
            problems.append(Problem("audit", f"chain broken before event {ev.id}: an event {where} was "
                                             "deleted, inserted or reordered", ref=str(ev.id)))
        if event_hash(ev) != ev.hash:
            problems.append(Problem("audit", f"event {ev.id} was altered after it was written", ref=str(ev.id)))
        prev = ev.hash
        prev_id = ev.id
    return problems
