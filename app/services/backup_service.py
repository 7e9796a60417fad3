"""Backups and restore: encrypted manual backups, automatic local snapshots in rotation, verified restore.

Consistency while the app runs: the database is copied first, in one step of SQLite's online backup API
(one read transaction, so writers under WAL are not blocked and the copy never restarts); the stored files
are listed afterwards. Stored files are written before the rows that name them and never change, so every
file the snapshot references is in the backup (at worst a few newer, unreferenced files come along).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.errors import AppError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services.backup_archive import (
    MIN_PASSPHRASE,
    ArchiveWriter,
    KdfParams,
    OperationCancelled,
)
from app.services.base import Service
from db.engine import make_readonly_engine
from db.models import Attachment, AuditEvent, BackupRecord, Case, HospitalSettings, Patient
from db.sqlite_file import inspect_file, integrity_problems, online_backup

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None
T = TypeVar("T")

AUTO_KINDS = ("daily", "on_exit")
_AUTO_FILE = re.compile(r"^(daily|on_exit)-(\d{8}-\d{6})\.sqlite$")
SUFFIX = ".mdtbak"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int  # bytes of the archive file
    files: int  # stored files included
    offsite: bool
    seconds: float


@dataclass(frozen=True)
class BackupRow:
    at: datetime
    kind: str
    path: str
    size: int
    encrypted: bool
    offsite: bool


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(N("errors", "The backup passphrase must have at least {n} characters."),
                              field="passphrase", n=MIN_PASSPHRASE)


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # the USB stick may be gone: nothing left to clean
        pass


def rmtree(path: Path) -> None:
    """shutil.rmtree that also removes read-only stored files (Windows refuses those otherwise)."""
    def onerror(func, p, _exc):
        os.chmod(p, stat.S_IWRITE | stat.S_IREAD)
        func(p)

    if path.exists():
        shutil.rmtree(path, onerror=onerror)


def snapshot_info(db_file: Path) -> dict:
    """What a database snapshot holds (info.json of an archive)."""
    state = inspect_file(db_file, check_integrity=False)
    engine = make_readonly_engine(db_file)
    try:
        with Session(engine) as s:
            h = s.get(HospitalSettings, 1)
            counts = {name: s.scalar(select(func.count()).select_from(model)) or 0 for name, model in (
                ("patients", Patient), ("cases", Case), ("attachments", Attachment),
                ("audit_events", AuditEvent))}
    finally:
        engine.dispose()
    return {"format": 1, "app_version": __version__, "schema_revision": state.revision,
            "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "hospital": h.name if h else "", "counts": counts}


class BackupService(Service):
    # -- manual, encrypted --------------------------------------------------------------------------------
    def backup(self, actor: Actor, out_path: Path, passphrase: str, progress: Progress = None,
               cancelled: Cancelled = None, *, kdf: KdfParams | None = None) -> BackupResult:
        """Write an encrypted archive to `out_path` (a folder: a dated file name is chosen in it)."""
        self.require(actor, "backup.run")
        check_passphrase(passphrase)
        started = time.monotonic()
        out = Path(out_path).expanduser().absolute()
        if out.is_dir():
            out = out / f"mdt-desk-backup-{stamp()}{SUFFIX}"
        dd = self.ctx.data_dir
        offsite = not out.resolve().is_relative_to(dd.root.resolve())
        dd.tmp.mkdir(parents=True, exist_ok=True)
        snap = dd.tmp / f"backup-snapshot-{stamp()}-{os.getpid()}.sqlite"
        part = out.with_name(out.name + ".part")
        try:
            if cancelled and cancelled():
                raise OperationCancelled(N("errors", "The backup was cancelled; no file was written."))
            online_backup(dd.db_path, snap, pages_per_step=-1)
            size, files = self._write_archive(snap, part, passphrase, kdf, progress, cancelled)
            os.replace(part, out)
            fsync_dir(out.parent)
        except AppError:  # cancelled
            unlink_quietly(part)
            raise
        except Exception as e:  # a full disk, a pulled USB stick, an unreadable database
            unlink_quietly(part)
            # kind and errno only: the path is whatever folder the user chose, perhaps named after a patient
            log.warning("backup failed: %s (errno %s)", type(e).__name__, getattr(e, "errno", None))
            self._note(BackupRecord(kind="manual", path=str(out), encrypted=True, offsite=offsite, ok=False,
                                    message=str(e)))
            raise AppError(N("errors", "The backup could not be written to {path}: {reason}. No backup file "
                                       "was left there; the data is unchanged."),
                           details=repr(e), path=str(out), reason=getattr(e, "strerror", None) or str(e)) from e
        except BaseException:
            unlink_quietly(part)
            raise
        finally:
            unlink_quietly(snap)
            unlink_quietly(snap.with_name(snap.name + ".part"))
        with self.db.session() as s:
            rec = BackupRecord(kind="manual", path=str(out), size=size, encrypted=True, offsite=offsite,
                               ok=True, message=f"{files} stored files")
            s.add(rec)
            s.flush()
            audit_chain.record(s, actor, "backup", "backup", rec.id,
                               new={"path": str(out), "size": size, "files": files, "offsite": offsite})
        return BackupResult(out, size, files, offsite, time.monotonic() - started)

    def _write_archive(self, snap: Path, part: Path, passphrase: str, kdf: KdfParams | None,
                       progress: Progress, cancelled: Cancelled) -> tuple[int, int]:
        dd = self.ctx.data_dir
        info = snapshot_info(snap)
        blobs = []
        for sha in self.ctx.blobs.all_hashes():
            try:
                blobs.append((sha, self.ctx.blobs.path_for(sha).stat().st_size))
            except FileNotFoundError:
                pass  # an import that failed after the listing began removed it: referenced by nothing
        info["counts"]["stored_files"] = len(blobs)
        total = snap.stat().st_size + sum(size for _, size in blobs)
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if cancelled and cancelled():
                raise OperationCancelled(N("errors", "The backup was cancelled; no file was written."))
            if progress:
                progress(done, total)

        included = 0
        with open(part, "wb") as raw:
            w = ArchiveWriter(raw, passphrase, kdf, tick)
            w.add_bytes("info.json", json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"))
            with open(snap, "rb") as f:
                w.add_file("db/mdt.sqlite", f)
            for sha, _size in blobs:
                try:
                    f = open(self.ctx.blobs.path_for(sha), "rb")
                except FileNotFoundError:
                    continue
                with f:
                    w.add_file(f"blobs/{sha[:2]}/{sha}", f, 0o444)
                included += 1
            if dd.settings_path.is_file():
                w.add_bytes("settings.json", dd.settings_path.read_bytes())
            w.finish(info)
            raw.flush()
            os.fsync(raw.fileno())  # a stick pulled out now leaves only the .part file
        if progress:
            progress(total, total)
        return part.stat().st_size, included

    def _note(self, rec: BackupRecord) -> None:
        try:
            with self.db.session() as s:
                s.add(rec)
        except Exception:  # the database itself may be what failed; the caller reports the real error
            log.exception("could not record the backup outcome")

    # -- automatic, local ---------------------------------------------------------------------------------
    def auto_backup(self, kind: str, now: datetime | None = None) -> Path:
        """A plain snapshot of the database into data_dir/backups (stored files are already on this disk),
        checked with `PRAGMA quick_check`, then rotation."""
        if kind not in AUTO_KINDS:
            raise ValueError(kind)
        dd = self.ctx.data_dir
        dd.backups.mkdir(parents=True, exist_ok=True)
        dest = dd.backups / f"{kind}-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.sqlite"
        try:
            online_backup(dd.db_path, dest, pages_per_step=-1)
            problems = integrity_problems(dest, full=False)
        except OSError as e:
            self._note(BackupRecord(kind=kind, path=str(dest), ok=False, message=str(e)))
            raise AppError(N("errors", "The automatic backup failed: {reason}."), details=repr(e),
                           reason=e.strerror or str(e)) from e
        if problems:
            unlink_quietly(dest)
            self._note(BackupRecord(kind=kind, path=str(dest), ok=False, message="; ".join(problems[:5])))
            raise AppError(N("errors", "The automatic backup failed its check; the database may be damaged. "
                                       "Run the check, or ask IT for help."), details="; ".join(problems[:5]))
        self._note(BackupRecord(kind=kind, path=str(dest), size=dest.stat().st_size))
        self.rotate_local((now or datetime.now()).date())
        return dest

    def automatic(self, moment: str, now: datetime | None = None) -> Path | None:
        """The automatic local backup due at `moment`, or None when none is: "start" makes the day's first
        backup, "exit" one when anything was recorded since the last. The on-exit copy takes one step of the
        online backup API (about 0.1 s for the demo data), so closing the app never waits long."""
        if moment == "start":
            due = self.needs_daily_backup((now or datetime.now()).date())
            kind = "daily"
        elif moment == "exit":
            due = self.changed_since_local_backup()
            kind = "on_exit"
        else:
            raise ValueError(moment)
        return self.auto_backup(kind, now) if due else None

    def local_backups(self) -> list[tuple[Path, datetime]]:
        found = []
        if self.ctx.data_dir.backups.is_dir():
            for p in self.ctx.data_dir.backups.iterdir():
                m = _AUTO_FILE.match(p.name)
                if m and p.is_file():
                    found.append((p, datetime.strptime(m.group(2), "%Y%m%d-%H%M%S")))
        return sorted(found, key=lambda t: t[1])

    def rotate_local(self, today: date | None = None) -> list[Path]:
        doomed = rotate(self.local_backups(), today or date.today())
        for p in doomed:
            unlink_quietly(p)
        return doomed

    def needs_daily_backup(self, today: date | None = None) -> bool:
        """No automatic local backup yet today (first start of the day)."""
        today = today or date.today()
        return not any(at.date() == today for _p, at in self.local_backups())

    def changed_since_local_backup(self) -> bool:
        """For the backup on exit: has anything been recorded since the last automatic local backup?"""
        with self.db.read() as s:
            last_event = s.scalar(select(func.max(AuditEvent.at)))
            last_backup = s.scalar(select(func.max(BackupRecord.at)).where(
                BackupRecord.ok.is_(True), BackupRecord.kind.in_(AUTO_KINDS)))
        return last_event is not None and (last_backup is None or last_event > last_backup)

    def last_offsite_backup(self) -> BackupRow | None:
        with self.db.read() as s:
            r = s.scalars(select(BackupRecord).where(BackupRecord.ok.is_(True), BackupRecord.offsite.is_(True))
                          .order_by(BackupRecord.at.desc()).limit(1)).first()
            return BackupRow(r.at, r.kind, r.path, r.size, r.encrypted, r.offsite) if r else None

    def offsite_backup_overdue(self, days: int = 7, now: datetime | None = None) -> bool:
        """True when no backup left this PC in the last `days` days (counted from set-up when none ever did)."""
        from db.base import utcnow

        last = self.last_offsite_backup()
        if last is not None:
            since = last.at
        else:
            with self.db.read() as s:
                h = s.get(HospitalSettings, 1)
                since = h.created_at if h else None
        return since is not None and (now or utcnow()) - since > timedelta(days=days)


def rotate(files: Iterable[tuple[T, datetime | date]], today: date, daily: int = 7, weekly: int = 4,
           monthly: int = 12) -> list[T]:
    """Which automatic backups to delete. Newest first, each rule keeps the newest backup of each period
    (day, ISO week, month) that has one, for `daily` / `weekly` / `monthly` such periods; a period whose
    newest backup an earlier rule already kept does not count (borg prune's rule). Backups dated after
    `today` (a clock set wrong) are never deleted."""
    items = sorted(((f, d if isinstance(d, datetime) else datetime.combine(d, datetime.min.time()))
                    for f, d in files), key=lambda t: t[1], reverse=True)
    future = [f for f, d in items if d.date() > today]
    items = [(f, d) for f, d in items if d.date() <= today]
    kept: set[int] = set()
    for n, period in ((daily, lambda d: d.date()), (weekly, lambda d: d.isocalendar()[:2]),
                      (monthly, lambda d: (d.year, d.month))):
        last, count = None, 0
        for i, (_f, d) in enumerate(items):
            if count >= n:
                break
            key = period(d)
            if key != last:
                last = key
                if i not in kept:
                    kept.add(i)
                    count += 1
    return [f for i, (f, _d) in enumerate(items) if i not in kept and f not in future]
