"""`check`: is the data dir sound? Database integrity, schema version, stored files, audit chain.

Runs without the instance lock and read-only, so it can inspect a damaged or newer database (or one an
open app is using) without changing a byte.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import DataDir
from app.records import CheckReport, Problem
from app.services import audit_head
from app.services.audit_chain import verify_chain
from app.services.base import Service
from db.blobs import BlobStore
from db.engine import make_readonly_engine
from db.migrate import head_revision, known_revisions
from db.models import Attachment, AuditEvent, Case, Document, Meeting, Patient, User
from db.sqlite_file import inspect_file, integrity_problems

if TYPE_CHECKING:
    from app.services.stored_files import Tidied

log = logging.getLogger(__name__)


def _referenced_hashes(s: Session) -> list[tuple[str, str]]:
    refs: list[tuple[str, str]] = []
    for aid, sha, thumb in s.execute(select(Attachment.id, Attachment.sha256, Attachment.thumbnail_sha256)):
        refs.append((sha, f"attachment {aid}"))
        if thumb:
            refs.append((thumb, f"thumbnail of attachment {aid}"))
    for did, sha in s.execute(select(Document.id, Document.sha256).where(Document.sha256.is_not(None))):
        refs.append((sha, f"document {did}"))
    return refs


def check_data_dir(data_dir: DataDir) -> CheckReport:
    head = head_revision()
    problems: list[Problem] = []
    path = data_dir.db_path
    if not data_dir.is_initialised():
        return CheckReport(False, None, head, {}, (Problem("database", f"no database at {path}"),))
    state = inspect_file(path, check_integrity=False)
    if state.kind == "damaged":
        return CheckReport(False, None, head, {}, (Problem("database", f"damaged database file: {state.detail}"),))
    for msg in integrity_problems(path, full=True)[:50]:
        problems.append(Problem("database", f"integrity check: {msg}"))
    if problems:
        return CheckReport(False, state.revision, head, {}, tuple(problems))
    if state.kind != "versioned":
        return CheckReport(False, None, head, {}, (Problem("schema", "not an MDT Desk database"),))
    if state.revision not in known_revisions():
        return CheckReport(False, state.revision, head, {}, (Problem(
            "schema", f"schema revision {state.revision} is newer than this version knows ({head})"),))

    blobs = BlobStore(data_dir.blobs)
    engine = make_readonly_engine(path)
    counts: dict[str, int] = {}
    try:
        with Session(engine) as s:
            for name, model in (("patients", Patient), ("cases", Case), ("meetings", Meeting),
                                ("users", User), ("attachments", Attachment), ("audit_events", AuditEvent)):
                counts[name] = s.scalar(select(func.count()).select_from(model)) or 0
            seen: set[str] = set()
            for sha, ref in _referenced_hashes(s):
                if sha in seen:
                    continue
                seen.add(sha)
                issue = blobs.verify(sha)
                if issue:
                    problems.append(Problem("files", f"stored file of {ref} is {issue}", ref=sha))
            counts["stored_files"] = len(seen)
            problems.extend(verify_chain(s))
            problems.extend(audit_head.verify(s, data_dir.root))
    finally:
        engine.dispose()
    if state.revision != head:
        counts["schema_upgrade_pending"] = 1
    return CheckReport(not problems, state.revision, head, counts, tuple(problems))


class IntegrityService(Service):
    def tidy(self, grace: float | None = None) -> Tidied:
        """Start-up housekeeping after a crash: see app.services.stored_files. Run it on the one worker that
        also imports (or with the instance lock held), so no import of this process races it."""
        from app.services.stored_files import GRACE_S, tidy

        with self.db.read() as s:
            result = tidy(s, self.ctx.data_dir, GRACE_S if grace is None else grace)
        if result.orphans_moved or result.partial_removed:
            log.warning("tidied after an interrupted run: %d unreferenced stored file(s) moved aside, %d partial "
                        "file(s) removed", result.orphans_moved, result.partial_removed)
        return result
