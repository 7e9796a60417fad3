"""Restore: decrypt into a staging folder, verify everything, only then switch folders.

Order of business: the passphrase is checked before anything is created; the target is locked (no
running app may hold it); every chunk's tag, every member's SHA-256 against the manifest, then `check`
(PRAGMA integrity_check, schema version, every referenced stored file, the audit chain) on the staged copy.
Only then, with `replace`, the current data is set aside as a safety backup (a consistent snapshot of its
database plus its stored files, in backups/before-restore-<stamp>/, itself a usable data folder) and the
staged items are moved in by renames on the same file system; a failure part-way moves everything back.
The format itself is described in app.services.backup_archive.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.config import DB_FILENAME, DataDir
from app.errors import AppError, ConflictError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.instance import InstanceLock
from app.services.audit_head import HEAD_FILE, rewrite_file
from app.services.backup_archive import (
    COPY_BUF,
    MAX_JSON_MEMBER,
    ArchiveError,
    ArchiveInfo,
    DecryptingReader,
    OperationCancelled,
)
from app.services.backup_service import Cancelled, Progress, fsync_dir, rmtree, stamp, unlink_quietly
from app.services.integrity import check_data_dir
from db.sqlite_file import online_backup

log = logging.getLogger(__name__)

_BLOB = re.compile(r"^blobs/([0-9a-f]{2})/([0-9a-f]{64})$")
FIXED = ("info.json", "db/mdt.sqlite", "settings.json", "manifest.json")


def _bad(what: str) -> ArchiveError:
    return ArchiveError(N("errors", "The backup file is not valid ({what}); it cannot be restored."), what=what)


def parse_info(data: bytes) -> ArchiveInfo:
    try:
        d = json.loads(data.decode("utf-8"))
        return ArchiveInfo(int(d["format"]), str(d["app_version"]), d["schema_revision"], str(d["created_at"]),
                           str(d["hospital"]), dict(d["counts"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _bad("unreadable description") from None


def _read_json_member(tar: tarfile.TarFile, m: tarfile.TarInfo) -> bytes:
    if m.size > MAX_JSON_MEMBER:
        raise _bad(f"{m.name} too large")
    f = tar.extractfile(m)
    return f.read() if f else b""


def describe(reader: DecryptingReader) -> ArchiveInfo:
    """What the backup is, from its first member only (the rest is not read, so not yet verified)."""
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            m = tar.next()
            if m is None or m.name != "info.json" or not m.isreg():
                raise _bad("no description at the start")
            return parse_info(_read_json_member(tar, m))
    except tarfile.TarError as e:
        raise _bad(f"archive structure: {e}") from None


@dataclass(frozen=True)
class Extracted:
    info: ArchiveInfo
    files: int  # stored files (blobs)
    bytes: int  # plaintext bytes of the database and the stored files


def _member_kind(m: tarfile.TarInfo, seen: dict) -> str:
    name = m.name
    blob = _BLOB.match(name)
    if not m.isreg() or name in seen or not (name in FIXED or blob):
        raise _bad(f"unexpected member {name!r}")
    if blob and blob.group(2)[:2] != blob.group(1):
        raise _bad(f"misplaced member {name!r}")
    if name == "info.json" and seen:
        raise _bad("description not at the start")
    if name != "info.json" and not seen:
        raise _bad("no description at the start")
    return "json" if name in ("info.json", "manifest.json") else "file"


def _write_member(src: BinaryIO, dest: Path, tick: Callable[[], None]) -> tuple[int, str]:
    dest.parent.mkdir(parents=True, exist_ok=True)
    sha, size = hashlib.sha256(), 0
    with open(dest, "xb") as f:
        while data := src.read(COPY_BUF):
            sha.update(data)
            size += len(data)
            f.write(data)
            tick()
        f.flush()
        os.fsync(f.fileno())  # restored records must survive a power cut just after the switch
    return size, sha.hexdigest()


def extract(reader: DecryptingReader, dest: Path, tick: Callable[[], None] = lambda: None) -> Extracted:
    """Decrypt into `dest` (a fresh staging folder), verifying every chunk, every member and the manifest."""
    seen: dict[str, tuple[int, str]] = {}
    info_raw = manifest_raw = None
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:
            for m in tar:
                if manifest_raw is not None:
                    raise _bad("data after the manifest")
                if _member_kind(m, seen) == "json":
                    data = _read_json_member(tar, m)
                    seen[m.name] = (len(data), hashlib.sha256(data).hexdigest())
                    if m.name == "info.json":
                        info_raw = data
                    else:
                        manifest_raw = data
                    continue
                src = tar.extractfile(m)
                if src is None:
                    raise _bad(f"unreadable member {m.name!r}")
                path = dest / (DB_FILENAME if m.name == "db/mdt.sqlite" else m.name)
                seen[m.name] = _write_member(src, path, tick)
                if m.name.startswith("blobs/"):
                    os.chmod(path, 0o440)  # originals are immutable, as in the live store
        reader.drain()
    except tarfile.TarError as e:
        raise _bad(f"archive structure: {e}") from None
    if manifest_raw is None or info_raw is None:
        raise _bad("no manifest at the end")
    info = parse_info(info_raw)
    try:
        manifest = json.loads(manifest_raw.decode("utf-8"))
        listed = {d["name"]: (int(d["size"]), str(d["sha256"])) for d in manifest["members"]}
        same_info = parse_info(manifest_raw) == info
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _bad("unreadable manifest") from None
    seen.pop("manifest.json")
    if not same_info:
        raise _bad("manifest and description disagree")
    for name in sorted(set(listed) | set(seen)):
        if name not in seen:
            raise _bad(f"{name} listed in the manifest but missing")
        if listed.get(name) != seen[name]:
            raise _bad(f"{name} does not match its SHA-256 in the manifest")
    if "db/mdt.sqlite" not in seen:
        raise _bad("no database")
    blobs = [n for n in seen if n.startswith("blobs/")]
    return Extracted(info, len(blobs), sum(seen[n][0] for n in blobs) + seen["db/mdt.sqlite"][0])


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    info: ArchiveInfo
    files: int
    safety_backup: Path | None  # the replaced data, kept as a data folder of its own
    seconds: float


LOCK_FILES = (".mdt-desk.lock", ".mdt-desk.owner")
DB_FILES = tuple(DB_FILENAME + sfx for sfx in ("", "-wal", "-shm", "-journal"))
ITEMS = (DB_FILENAME, "blobs", "settings.json", HEAD_FILE)


def has_data(target: DataDir) -> bool:
    """Anything in the folder besides our lock files and empty folders?"""
    if not target.root.exists():
        return False
    return any(p.name not in LOCK_FILES for p in target.root.rglob("*") if not p.is_dir())


def read_info(archive: Path, passphrase: str) -> ArchiveInfo:
    """What a backup holds (hospital, date, counts), for the confirmation before a restore."""
    with open(archive, "rb") as raw:
        return describe(DecryptingReader(raw, passphrase))


def _verify(staging: Path, accept_problems: bool) -> None:
    report = check_data_dir(DataDir(staging))
    hard = [p for p in report.problems if p.area in ("database", "schema")]
    if hard or (report.problems and not accept_problems):
        shown = "; ".join(p.message for p in (hard or report.problems)[:5])
        raise ArchiveError(N("errors", "The backup's content fails the check ({problems}); nothing was "
                                       "changed."), problems=shown)


def _set_aside(target: DataDir, when: str) -> tuple[Path | None, Path | None, bool]:
    """Safety backup of the current data: a consistent snapshot of its database, before anything moves."""
    if not any((target.root / n).exists() for n in (*DB_FILES, "blobs", "settings.json")):
        return None, None, False
    safety = target.backups / f"before-restore-{when}"
    held = safety / "replaced"
    held.mkdir(parents=True)
    snapshot = False
    if target.db_path.exists():
        try:
            online_backup(target.db_path, safety / DB_FILENAME, pages_per_step=-1)
            snapshot = True
        except Exception as e:  # a damaged database is often why one restores: then keep its files as-is
            log.warning("no snapshot of the replaced database (%s); keeping its files", e)
    return safety, held, snapshot


def _switch(target: DataDir, staging: Path) -> Path | None:
    safety, held, snapshot = _set_aside(target, stamp())
    moved: list[str] = []
    placed: list[str] = []
    try:
        if held is not None:
            for n in (*DB_FILES, "blobs", "settings.json", HEAD_FILE):
                if (target.root / n).exists():
                    os.replace(target.root / n, held / n)
                    moved.append(n)
        for n in ITEMS:
            if (staging / n).exists():
                os.replace(staging / n, target.root / n)
                placed.append(n)
        fsync_dir(target.root)
    except BaseException:
        for n in reversed(placed):
            os.replace(target.root / n, staging / n)
        for n in reversed(moved):
            os.replace(held / n, target.root / n)
        if safety is not None:
            rmtree(safety)
        raise
    if safety is None or held is None:
        return None
    for n in ("blobs", "settings.json", HEAD_FILE, *(() if snapshot else DB_FILES)):
        if (held / n).exists():
            os.replace(held / n, safety / n)
    for n in DB_FILES:
        unlink_quietly(held / n)
    held.rmdir()
    return safety


def restore(archive: Path, passphrase: str, target: DataDir, replace: bool = False, progress: Progress = None,
            cancelled: Cancelled = None, *, accept_problems: bool = False) -> RestoreResult:
    """Restore `archive` into `target` (empty, or any data folder with `replace`). `accept_problems` lets a
    backup whose content fails `check` only on stored files or the audit chain through (never tampering
    with the archive itself, a damaged database or a newer schema)."""
    archive = Path(archive)
    if not archive.is_file():
        raise AppError(N("errors", "No backup file at {path}."), path=str(archive))
    try:
        return _restore(archive, passphrase, target, replace, progress, cancelled, accept_problems)
    except OSError as e:  # the USB stick pulled out, the target disk full or read-only
        raise AppError(N("errors", "The restore failed: {reason}. Nothing was changed."), details=repr(e),
                       reason=e.strerror or str(e)) from e


def _restore(archive: Path, passphrase: str, target: DataDir, replace: bool, progress: Progress,
             cancelled: Cancelled, accept_problems: bool) -> RestoreResult:
    started = time.monotonic()
    total = archive.stat().st_size
    refusal = ConflictError(N("errors", "The data folder {path} is not empty. Choose an empty folder, or "
                                        "replace its data (a safety backup of it is kept). Nothing was changed."),
                            path=str(target.root))
    with open(archive, "rb") as raw:
        reader = DecryptingReader(raw, passphrase)  # a wrong passphrase stops here: nothing created
        if not replace and has_data(target):
            raise refusal
        made_root, made_tmp = not target.root.exists(), not target.tmp.exists()
        lock = InstanceLock(target)
        staging = target.tmp / f"restore-{stamp()}-{os.getpid()}"

        def tick() -> None:
            if cancelled and cancelled():
                raise OperationCancelled(N("errors", "The restore was cancelled; nothing was changed."))
            if progress:
                progress(reader.raw_bytes_read, total)

        try:
            lock.acquire()
            if not replace and has_data(target):  # filled meanwhile
                raise refusal
            staging.mkdir(parents=True)
            got = extract(reader, staging, tick)
            _verify(staging, accept_problems)
            rewrite_file(staging)  # the head of the restored trail, not of the one it replaces
            tick()
            safety = _switch(target, staging)
        except BaseException:
            rmtree(staging)
            if made_tmp:
                rmtree(target.tmp)
            lock.release()
            if made_root:
                rmtree(target.root)
            raise
        finally:
            lock.release()
    rmtree(staging)
    if progress:
        progress(total, total)
    log.info("restored a backup of %s into %s", got.info.created_at, target.root)
    return RestoreResult(target.root, got.info, got.files, safety, time.monotonic() - started)
