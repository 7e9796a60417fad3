"""Backups of the database (online backup API). Full backup/restore with encryption grows here."""

from __future__ import annotations

from pathlib import Path

from db.models import BackupRecord
from db.session import Database


def note_backup(db: Database, kind: str, path: Path, offsite: bool = False, encrypted: bool = False) -> None:
    with db.session() as s:
        s.add(BackupRecord(kind=kind, path=str(path), size=path.stat().st_size, offsite=offsite,
                           encrypted=encrypted))
