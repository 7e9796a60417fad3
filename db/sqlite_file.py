"""Looking at a SQLite file without changing it: header, integrity, schema revision; online backups."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    kind: str  # missing | empty | damaged | foreign | versioned
    revision: str | None = None
    detail: str = ""


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI. mode=ro: inspection must never modify a file we may be about to refuse. In a
    folder nobody can write (a read-only medium or mount) a WAL database cannot create its -shm file, so it is
    opened as immutable instead, which is exact as long as no -wal file holds newer pages."""
    uri = f"file:{path.as_posix()}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return uri


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(ro_uri(path), uri=True, timeout=10)


def header_ok(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(100)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages_in_header = int.from_bytes(head[28:32], "big")
    size = path.stat().st_size
    # A file cut short (a copy interrupted, a dying USB stick) no longer holds every page the header counts.
    if pages_in_header and size < pages_in_header * page_size:
        return False
    return size % page_size == 0


def integrity_problems(path: Path, full: bool = True) -> list[str]:
    """`PRAGMA integrity_check` (or quick_check) messages; empty when the file is sound."""
    try:
        con = _ro_connect(path)
        try:
            rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        return [str(e)]
    msgs = [r[0] for r in rows]
    return [] if msgs == ["ok"] else msgs


def inspect_file(path: Path, check_integrity: bool = True) -> FileState:
    if not path.exists():
        return FileState("missing")
    if path.stat().st_size == 0:
        return FileState("empty")
    if not header_ok(path):
        return FileState("damaged", detail="not a complete SQLite database file (bad header or truncated)")
    if check_integrity:
        problems = integrity_problems(path, full=False)
        if problems:
            return FileState("damaged", detail="; ".join(problems[:5]))
    try:
        con = _ro_connect(path)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return FileState("empty")
            if "alembic_version" not in tables:
                return FileState("foreign", detail="no schema version table")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        return FileState("damaged", detail=str(e))
    return FileState("versioned", revision=row[0] if row else None)


def online_backup(src: Path, dest: Path, pages_per_step: int = 256, progress=None) -> None:
    """Copy a live database consistently (SQLite's online backup API), never a raw file copy under WAL."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    source = _ro_connect(src)
    target = sqlite3.connect(tmp)
    try:
        source.backup(target, pages=pages_per_step, progress=progress)
        target.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        target.commit()
    finally:
        target.close()
        source.close()
    tmp.replace(dest)
