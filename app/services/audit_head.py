"""The audit trail's head: the newest event's id and hash, kept where cutting events off the end shows.

The hash chain proves that each event follows the one before it, but a trail whose newest events were
deleted is a shorter chain that still verifies. So every event also writes its (id, hash):

* to HospitalSettings.options["audit_head"], in the event's own transaction (so every database snapshot and
  backup carries it), and
* after the commit, to `audit-head.json` in the data folder: a second witness for someone who edits the
  database with sqlite3 and also rewrites the option.

A head naming an event that is gone, or that now has another hash, means events were cut off. `check`
says so; and `audit_chain.record` writes such a gap into the trail as an event of its own before appending,
so the new events (which reuse the deleted ids) cannot paper over it. The file may lag behind the database
(a crash between commit and write, two processes writing): a head that names an older, intact event is fine.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from app.records import Problem
from db.models import AuditEvent

log = logging.getLogger(__name__)

HEAD_FILE = "audit-head.json"
OPTION = "audit_head"
GAP_ACTION = "audit_gap"
_PENDING = "mdt_audit_head"  # Session.info key: the head to write to the file once the commit is done

Head = tuple[int, str]


def _db_file(s: Session) -> Path | None:
    try:
        name = s.get_bind().url.database
    except Exception:  # noqa: BLE001 - an unbound session has no data folder to write to
        return None
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def _parse(value) -> Head | None:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if isinstance(value, dict) and isinstance(value.get("id"), int) and isinstance(value.get("hash"), str):
        return value["id"], value["hash"]
    return None


def option_head(s: Session) -> Head | None:
    return _parse(s.execute(text("SELECT json_extract(options, '$.audit_head') FROM hospital_settings "
                                 "WHERE id = 1")).scalar())


def file_head(root: Path) -> Head | None:
    try:
        return _parse((root / HEAD_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def write_file(root: Path, head: Head) -> None:
    """Atomically, without fsync: a file lagging behind after a power cut is allowed, a torn one is not."""
    tmp = root / f".{HEAD_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"id": head[0], "hash": head[1]}), encoding="utf-8")
    os.replace(tmp, root / HEAD_FILE)


def last_event(s: Session) -> Head | None:
    row = s.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def missing_after(s: Session, head: Head, last: Head | None) -> int | None:
    """None when the trail still holds `head`; else the id of the last event kept before the cut."""
    if last is not None and head == last:
        return None
    if last is None or head[0] > last[0]:
        return last[0] if last else 0
    if s.scalar(select(AuditEvent.hash).where(AuditEvent.id == head[0])) == head[1]:
        return None
    return s.scalar(select(AuditEvent.id).where(AuditEvent.id < head[0]).order_by(AuditEvent.id.desc())
                    .limit(1)) or 0


def find_gap(s: Session) -> dict | None:
    """Before appending: does a witness name events that are no longer there? (what the gap event holds)"""
    last = last_event(s)
    db_file = _db_file(s)
    witnesses = [("database", option_head(s))]
    if db_file is not None:
        witnesses.append(("file", file_head(db_file.parent)))
    for source, head in witnesses:
        if head is not None and (kept := missing_after(s, head, last)) is not None:
            return {"kept_up_to": kept, "head_id": head[0], "head_hash": head[1], "witness": source}
    return None


def advance(s: Session, ev: AuditEvent) -> None:
    """`ev` was just flushed: it is the head now."""
    s.execute(text("UPDATE hospital_settings SET options = json_set(coalesce(options, '{}'), '$.audit_head', "
                   "json(:head)) WHERE id = 1"), {"head": json.dumps({"id": ev.id, "hash": ev.hash})})
    db_file = _db_file(s)
    if db_file is not None:
        s.info[_PENDING] = (db_file.parent, (ev.id, ev.hash))


@event.listens_for(Session, "after_commit")
def _write_after_commit(s: Session) -> None:
    pending = s.info.pop(_PENDING, None)
    if pending is None:
        return
    try:
        write_file(*pending)
    except OSError as e:  # a read-only or full disk: the commit stands, the database keeps the head
        log.warning("could not write the audit head file: %s", e.strerror or e)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(s: Session) -> None:
    s.info.pop(_PENDING, None)


def verify(s: Session, root: Path | None = None) -> list[Problem]:
    """Gaps noticed while writing, and heads (database option, file in `root`) naming events now missing."""
    problems: list[Problem] = []
    for ev in s.scalars(select(AuditEvent).where(AuditEvent.action == GAP_ACTION).order_by(AuditEvent.id)):
        gap = ev.new or {}
        problems.append(Problem("audit", f"audit events after #{gap.get('kept_up_to')} up to "
                                         f"#{gap.get('head_id')} are missing: they were deleted (noticed when "
                                         f"event #{ev.id} was written)", ref=str(ev.id)))
    last = last_event(s)
    witnesses = [("the database's record of the newest event", option_head(s))]
    if root is not None:
        witnesses.append((f"{HEAD_FILE} in the data folder", file_head(root)))
    for where, head in witnesses:
        if head is None:
            continue
        kept = missing_after(s, head, last)
        if kept is not None:
            problems.append(Problem("audit", f"audit events after #{kept} are missing: {where} names event "
                                             f"#{head[0]}, which was deleted or replaced", ref=str(head[0])))
            break  # both witnesses name the same cut; once is enough
    return problems


def rewrite_file(root: Path) -> None:
    """After the database in `root` was replaced (a restore): the file must witness that database's trail."""
    from db.engine import make_readonly_engine

    engine = make_readonly_engine(root / "mdt.sqlite")
    try:
        with Session(engine) as s:
            head = last_event(s)
    finally:
        engine.dispose()
    if head is None:
        (root / HEAD_FILE).unlink(missing_ok=True)
    else:
        write_file(root, head)
