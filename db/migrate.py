"""Bring a database file to the current schema, safely.

Order of business: look at the file read-only; refuse a damaged, foreign or newer file untouched; back up
an older one with the online backup API; then upgrade with Alembic inside a transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.sqlite_file import FileState, inspect_file, online_backup

# Alembic narrates every plugin and step at INFO; a clerk's console and the log need only problems.
logging.getLogger("alembic").setLevel(logging.WARNING)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaProblem(Exception):
    """Raised with `reason` in {damaged, foreign, newer}; the caller turns it into a user message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> list[str]:
    """Oldest first."""
    return [s.revision for s in reversed(list(script_directory().walk_revisions()))]


def classify(path: Path, check_integrity: bool = True) -> FileState:
    state = inspect_file(path, check_integrity=check_integrity)
    if state.kind == "damaged":
        raise SchemaProblem("damaged", state.detail)
    if state.kind == "foreign":
        raise SchemaProblem("foreign", state.detail)
    if state.kind == "versioned" and state.revision not in known_revisions():
        raise SchemaProblem("newer", f"schema revision {state.revision!r} is not known to this version")
    return state


def upgrade(engine: Engine, path: Path, backup_dir: Path, check_integrity: bool = True) -> MigrationResult:
    state = classify(path, check_integrity=check_integrity)
    head = head_revision()
    if state.kind == "versioned" and state.revision == head:
        return MigrationResult(head, head, None)
    backup = None
    if state.kind == "versioned":
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_dir / f"pre-migration-{state.revision}-{stamp}.sqlite"
        online_backup(path, backup)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return MigrationResult(state.revision, head, backup)
