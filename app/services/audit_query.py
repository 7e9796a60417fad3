"""Reading the audit trail for the admin: filtered, sorted and paged in SQL, and written out as CSV.

The viewer holds only the ids of a query (`ids`) and fetches rows for what it paints (`rows`), so 100,000
events cost one indexed query, not 100,000 objects. The CSV is UTF-8 with a BOM: Excel on a Chinese
Windows opens it as UTF-8 only with the BOM, otherwise it shows mojibake. Exporting is itself audited.
"""

from __future__ import annotations

import contextlib
import csv
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import and_, false, or_, select

from app.audit_labels import action_label, entity_label
from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from db.models import AuditEvent, Case, Patient

SORT_COLUMNS = {
    "at": AuditEvent.id,  # ids follow time (append-only), and the id index makes it free
    "user": AuditEvent.username,
    "action": AuditEvent.action,
    "entity": AuditEvent.entity,
}
# The codes stay for scripts; the last two columns say them in words (the app's language) for the reader.
CSV_COLUMNS = ("id", "time", "user", "action", "entity", "entity_id", "case_no", "patient_id", "old", "new",
               "note", "action_label", "entity_label")


@dataclass(frozen=True)
class AuditFilter:
    """Every given filter must hold. Times are naive UTC, as stored; `until` is exclusive."""

    user: str = ""  # the user name, exactly
    case_no: str = ""
    patient: str = ""  # a patient's name, inpatient no. or ID number, exactly
    action: str = ""
    since: datetime | None = None
    until: datetime | None = None
    sort: str = "at"
    descending: bool = True


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # local time, aware
    username: str
    action: str
    entity: str
    entity_id: int | None
    case_no: str
    patient_id: int | None
    old: dict | None
    new: dict | None
    note: str


def _local_zone():
    """The local zone as a fixed offset, looked up once per batch: astimezone() without an argument asks
    the C library for every row (most of the time of a 100,000-row export). China has no summer time."""
    return datetime.now().astimezone().tzinfo


def _local(at: datetime, zone) -> datetime:
    return at.replace(tzinfo=UTC).astimezone(zone)


def _compact(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _where(s, f: AuditFilter) -> list:
    """The SQL conditions of a filter. A case or patient that does not exist matches nothing."""
    conds = []
    if f.user:
        conds.append(AuditEvent.username == f.user.strip())
    if f.action:
        conds.append(AuditEvent.action == f.action)
    if f.since is not None:
        conds.append(AuditEvent.at >= f.since)
    if f.until is not None:
        conds.append(AuditEvent.at < f.until)
    if f.case_no.strip():
        case_ids = list(s.scalars(select(Case.id).where(Case.case_no == f.case_no.strip())))
        conds.append(or_(AuditEvent.case_id.in_(case_ids),
                         and_(AuditEvent.entity == "case", AuditEvent.entity_id.in_(case_ids)))
                     if case_ids else false())
    if f.patient.strip():
        text = f.patient.strip()
        pids = list(s.scalars(select(Patient.id).where(or_(
            Patient.name == text, Patient.hospital_number == text, Patient.id_number == text.upper()))))
        if pids:
            case_ids = select(Case.id).where(Case.patient_id.in_(pids))
            conds.append(or_(AuditEvent.patient_id.in_(pids), AuditEvent.case_id.in_(case_ids),
                             and_(AuditEvent.entity == "patient", AuditEvent.entity_id.in_(pids)),
                             and_(AuditEvent.entity == "case", AuditEvent.entity_id.in_(case_ids))))
        else:
            conds.append(false())
    return conds


# Plain columns, not ORM entities: no identity map, a block of 200 rows in a few milliseconds.
_COLUMNS = (AuditEvent.id, AuditEvent.at, AuditEvent.username, AuditEvent.action, AuditEvent.entity,
            AuditEvent.entity_id, AuditEvent.case_id, AuditEvent.patient_id, AuditEvent.old, AuditEvent.new,
            AuditEvent.note)


def _case_of(e) -> int | None:
    return e.case_id if e.case_id is not None else (e.entity_id if e.entity == "case" else None)


def _case_numbers(s, events) -> dict[int, str]:
    ids = {c for c in map(_case_of, events) if c is not None}
    return {i: n for i, n in s.execute(select(Case.id, Case.case_no).where(Case.id.in_(ids)))} if ids else {}


def _to_rows(s, events) -> list[AuditRow]:
    numbers, zone = _case_numbers(s, events), _local_zone()
    return [AuditRow(e.id, _local(e.at, zone), e.username, e.action, e.entity, e.entity_id,
                     numbers.get(_case_of(e), ""), e.patient_id, e.old, e.new, e.note) for e in events]


def matching_ids(s, f: AuditFilter) -> list[int]:
    col = SORT_COLUMNS.get(f.sort, AuditEvent.id)
    order = [col.desc() if f.descending else col.asc()]
    if col is not AuditEvent.id:
        order.append(AuditEvent.id.desc() if f.descending else AuditEvent.id.asc())
    return s.execute(select(AuditEvent.id).where(*_where(s, f)).order_by(*order)).scalars().all()


def rows_of(s, ids: list[int]) -> list[AuditRow]:
    """The events with these ids, in the order given (missing ids are left out)."""
    events = {e.id: e for e in s.execute(select(*_COLUMNS).where(AuditEvent.id.in_(ids)))}
    return _to_rows(s, [events[i] for i in ids if i in events])


def case_exists(s, case_no: str) -> bool:
    return s.scalar(select(Case.id).where(Case.case_no == case_no.strip())) is not None


class AuditQueryService(Service):
    def ids(self, actor: Actor, f: AuditFilter) -> list[int]:
        self.require(actor, "audit.view")
        with self.db.read() as s:
            return matching_ids(s, f)

    def rows(self, actor: Actor, ids: list[int]) -> list[AuditRow]:
        self.require(actor, "audit.view")
        with self.db.read() as s:
            return rows_of(s, ids)

    def choices(self, actor: Actor) -> tuple[list[str], list[str]]:
        """The user names and the actions that occur in the trail (for the filter lists)."""
        self.require(actor, "audit.view")
        with self.db.read() as s:
            users = list(s.scalars(select(AuditEvent.username).distinct().order_by(AuditEvent.username)))
            actions = list(s.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
        return [u for u in users if u], actions

    def _write_csv(self, f: AuditFilter, tmp: Path, chunk: int) -> int:
        n = 0
        # newline="": the csv module writes \r\n itself, which Excel expects.
        with tmp.open("w", encoding="utf-8-sig", newline="") as out, self.db.read() as s:
            w = csv.writer(out)
            w.writerow(CSV_COLUMNS)
            stmt = select(*_COLUMNS).where(*_where(s, f)).order_by(AuditEvent.id)
            zone = _local_zone()
            for part in s.execute(stmt.execution_options(yield_per=chunk)).partitions():
                numbers = _case_numbers(s, part)
                w.writerows([e.id, _local(e.at, zone).isoformat(timespec="seconds"), e.username, e.action,
                             e.entity, "" if e.entity_id is None else e.entity_id, numbers.get(_case_of(e), ""),
                             "" if e.patient_id is None else e.patient_id, _compact(e.old), _compact(e.new),
                             e.note, action_label(e.action), entity_label(e.entity)] for e in part)
                n += len(part)
        return n

    def export_csv(self, actor: Actor, f: AuditFilter, path: Path, chunk: int = 2000) -> int:
        """Write the matching events (oldest first) to `path`; returns their number. The export is audited."""
        self.require(actor, "audit.view")
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            n = self._write_csv(f, tmp, chunk)
            tmp.replace(path)
        except OSError as e:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise AppError(QT_TRANSLATE_NOOP("errors", "The file {path} could not be written ({reason}). "
                                                       "Choose another folder."),
                           path=str(path), reason=e.strerror or str(e), details=repr(e)) from e
        with self.db.session() as s:
            filters = {k: v for k, v in (("user", f.user), ("case_no", f.case_no), ("patient", f.patient),
                                         ("action", f.action), ("since", f.since), ("until", f.until)) if v}
            audit_chain.record(s, actor, "export", "audit", new={"events": n, "filters": filters,
                                                                 "file": path.name})
        return n
