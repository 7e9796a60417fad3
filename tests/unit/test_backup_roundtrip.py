"""Backup -> restore gives back every row and every stored file; damage, wrong passphrases, cancels and
busy targets change nothing."""

import hashlib
import shutil
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pydicom
import pytest
from sqlalchemy import func, select

from app.config import DataDir
from app.context import open_context
from app.errors import ConflictError, DataDirError, PermissionDenied, ValidationError
from app.records import Actor
from app.services.backup_archive import ENV_KDF_N, ArchiveError, OperationCancelled, WrongPassphrase
from app.services.backup_restore import read_info, restore
from app.services.integrity import check_data_dir
from db.models import AuditEvent, BackupRecord

PASS = "县医院-backup-2026"
PYDICOM_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
DICOM = ["CT_small.dcm", "MR_small.dcm", "JPEG2000.dcm", "MR_small_RLE.dcm"]


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setenv(ENV_KDF_N, "1024")  # users get n=2**17; the format is the same


def make_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Pathology report")
    c.save()
    return path


def fill(ctx, admin, tmp: Path) -> None:
    """Patients, cases, DICOM files, a PDF, and one large stored file so the archive spans several chunks."""
    import os

    src = tmp / "import"
    src.mkdir()
    for name in DICOM:
        shutil.copy(PYDICOM_FILES / name, src / name)
    make_pdf(src / "report.pdf")
    p1 = ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001", phone="13800138000")
    p2 = ctx.patients.create(admin, name="李四", sex="F", hospital_number="ZY002")
    c1 = ctx.case_records.create(admin, p1.id, tumour_type="lung")
    ctx.case_records.create(admin, p2.id, tumour_type="breast")
    results = ctx.attachment_import.import_paths(admin, c1.id, [src])
    assert {r.status for r in results} == {"imported"}, [(r.path, r.reason) for r in results]
    ctx.blobs.put_bytes(os.urandom(3 << 20))


def dump(db: Path) -> dict[str, list]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def blobs_of(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (root / "blobs").rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A filled data dir, its contents before the backup, and the archive (built once for the module)."""
    mp = pytest.MonkeyPatch()
    mp.setenv(ENV_KDF_N, "1024")
    tmp = tmp_path_factory.mktemp("source")
    dd = DataDir(tmp / "data")
    ctx = open_context(dd, create=True)
    try:
        ctx.setup.initialise("测试县人民医院", "admin", "Admin2026!", "管理员")
        admin = ctx.auth.login("admin", "Admin2026!")
        fill(ctx, admin, tmp)
        rows, files = dump(dd.db_path), blobs_of(dd.root)
        seen = []
        (tmp / "out").mkdir()  # a folder: the backup gets a dated file name in it
        result = ctx.backups.backup(admin, tmp / "out", PASS, progress=lambda done, total: seen.append((done, total)))
    finally:
        ctx.close()
        mp.undo()
    return dd, rows, files, result, seen


def test_round_trip_gives_every_row_and_every_stored_file_back(source, tmp_path):
    dd, rows, files, result, seen = source
    assert result.path.parent.name == "out" and result.path.suffix == ".mdtbak" and result.offsite
    assert result.files == len(files) and result.size == result.path.stat().st_size
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == seen[-1][1]
    assert not list(result.path.parent.glob("*.part")) and not list(dd.tmp.iterdir())

    target = DataDir(tmp_path / "restored")
    r = restore(result.path, PASS, target)
    assert r.safety_backup is None and r.files == len(files)
    assert r.info.hospital == "测试县人民医院" and r.info.counts["patients"] == 2
    report = check_data_dir(target)
    assert report.ok, report.problems
    assert dump(target.db_path) == rows
    assert blobs_of(target.root) == files
    for name in files:  # byte-identical, not merely the same hash
        assert (target.root / name).read_bytes() == (dd.root / name).read_bytes()
    assert not list(target.tmp.iterdir())


def test_backup_is_recorded_and_audited(source):
    dd, _rows, _files, result, _seen = source
    ctx = open_context(dd, lock=False)
    try:
        with ctx.db.read() as s:
            rec = s.scalars(select(BackupRecord).where(BackupRecord.kind == "manual")).one()
            ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "backup")).one()
        assert rec.ok and rec.encrypted and rec.offsite and rec.path == str(result.path)
        assert ev.username == "admin" and ev.new["path"] == str(result.path)
        assert ctx.backups.last_offsite_backup().path == str(result.path)
        assert not ctx.backups.offsite_backup_overdue()
        assert ctx.backups.offsite_backup_overdue(now=rec.at + timedelta(days=8))
    finally:
        ctx.close()


def test_the_description_is_readable_without_restoring(source):
    info = read_info(source[3].path, PASS)
    assert info.format == 1 and info.counts["cases"] == 2 and info.counts["stored_files"] == len(source[2])


def test_wrong_passphrase_is_refused_and_creates_nothing(source, tmp_path):
    target = tmp_path / "new"
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        restore(source[3].path, "wrong-passphrase", DataDir(target))
    assert not target.exists()


def damaged(archive: Path, tmp: Path, how: str) -> Path:
    data = bytearray(archive.read_bytes())
    size = len(data)
    if how.startswith("cut"):
        data = data[:{"cut-half": size // 2, "cut-1": size - 1}[how]]
    else:
        at = {"header": 40, "first chunk": 2000, "middle chunk": size // 2, "last chunk": size - 100}[how]
        data[at] ^= 0x40
    out = tmp / f"{how}.mdtbak"
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("how", ["header", "first chunk", "middle chunk", "last chunk", "cut-half", "cut-1"])
def test_damaged_archive_is_refused_with_a_message_and_creates_nothing(source, tmp_path, how):
    bad = damaged(source[3].path, tmp_path, how)
    target = tmp_path / "new"
    with pytest.raises(ArchiveError) as e:
        restore(bad, PASS, DataDir(target))
    assert ("damaged" in str(e.value) or "incomplete" in str(e.value)
            or "Wrong passphrase" in str(e.value)), str(e.value)
    assert not target.exists()


def test_restore_refuses_a_busy_or_filled_folder_and_replace_keeps_a_safety_backup(source, ctx, admin, tmp_path):
    archive = source[3].path
    ctx.patients.create(admin, name="王五", sex="M", hospital_number="ZY999")
    before_rows, before_files = dump(ctx.data_dir.db_path), blobs_of(ctx.data_dir.root)
    with pytest.raises(ConflictError, match="not empty"):
        restore(archive, PASS, ctx.data_dir)
    with pytest.raises(DataDirError, match="already running"):  # the app holds the folder
        restore(archive, PASS, ctx.data_dir, replace=True)
    bad = damaged(archive, tmp_path, "middle chunk")
    ctx.close()
    with pytest.raises(ArchiveError):
        restore(bad, PASS, ctx.data_dir, replace=True)
    assert dump(ctx.data_dir.db_path) == before_rows and blobs_of(ctx.data_dir.root) == before_files
    assert not list(ctx.data_dir.backups.glob("before-restore-*"))

    r = restore(archive, PASS, ctx.data_dir, replace=True)
    assert dump(ctx.data_dir.db_path) == source[1] and blobs_of(ctx.data_dir.root) == source[2]
    assert check_data_dir(ctx.data_dir).ok
    safety = DataDir(r.safety_backup)
    assert safety.root.parent == ctx.data_dir.backups
    assert dump(safety.db_path) == before_rows and blobs_of(safety.root) == before_files
    assert check_data_dir(safety).ok  # the kept data is itself a usable data folder


def test_cancel_during_backup_leaves_no_file_and_records_nothing(ctx, admin, tmp_path):
    fill(ctx, admin, tmp_path)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 5

    out = tmp_path / "usb" / "b.mdtbak"
    out.parent.mkdir()
    with pytest.raises(OperationCancelled, match="cancelled"):
        ctx.backups.backup(admin, out, PASS, cancelled=cancelled)
    assert list(out.parent.iterdir()) == [] and list(ctx.data_dir.tmp.iterdir()) == []
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(BackupRecord)) == 0


def test_cancel_during_restore_creates_nothing(source, tmp_path):
    target = tmp_path / "new"
    with pytest.raises(OperationCancelled):
        restore(source[3].path, PASS, DataDir(target), cancelled=lambda: True)
    assert not target.exists()


def test_backup_while_another_thread_writes_is_a_consistent_snapshot(ctx, admin, tmp_path):
    fill(ctx, admin, tmp_path)
    stop, started = threading.Event(), threading.Event()
    made = []

    def writer():
        while not stop.is_set():
            made.append(ctx.patients.create(admin, name=f"患者{len(made)}", sex="F").id)
            if len(made) == 5:
                started.set()

    t = threading.Thread(target=writer)
    t.start()
    try:
        assert started.wait(30)
        result = ctx.backups.backup(admin, tmp_path / "busy.mdtbak", PASS)
    finally:
        stop.set()
        t.join(30)
    target = DataDir(tmp_path / "restored")
    r = restore(result.path, PASS, target)
    assert check_data_dir(target).ok  # integrity, every referenced file, the audit chain
    assert 2 + 5 <= r.info.counts["patients"] <= 2 + len(made)


def test_permission_and_passphrase_rules(ctx, admin, tmp_path):
    physician = Actor(99, "doc", "Doc", "physician")
    with pytest.raises(PermissionDenied):
        ctx.backups.backup(physician, tmp_path / "x.mdtbak", PASS)
    with pytest.raises(ValidationError, match="at least 8"):
        ctx.backups.backup(admin, tmp_path / "x.mdtbak", "short")
    assert not (tmp_path / "x.mdtbak").exists()
    inside = ctx.backups.backup(admin, ctx.data_dir.root / "copy.mdtbak", PASS)
    assert not inside.offsite and ctx.backups.last_offsite_backup() is None


def test_automatic_local_backups_daily_on_exit_and_rotation(ctx, admin):
    from datetime import datetime

    svc = ctx.backups
    assert svc.needs_daily_backup() and svc.changed_since_local_backup()
    old = [ctx.data_dir.backups / f"daily-2025{m:02d}{d:02d}-080000.sqlite" for m in (1, 2) for d in (1, 2, 3)]
    for p in old:
        p.write_bytes(b"")
    path = svc.auto_backup("daily")
    assert path.parent == ctx.data_dir.backups and not svc.needs_daily_backup()
    live = dump(ctx.data_dir.db_path)
    assert live.pop("backup_records") and dump(path) == dict(live, backup_records=[])
    assert not svc.changed_since_local_backup()
    ctx.patients.create(admin, name="赵六", sex="M")
    assert svc.changed_since_local_backup()
    svc.auto_backup("on_exit", now=datetime.now() + timedelta(seconds=1))
    left = {p.name for p, _ in svc.local_backups()}
    # 3 days with backups (Jan 1-3, Feb 1-3 and today): daily keeps the newest of each of 7 days
    assert {p.name for p in old} <= left and path.name not in left  # today's earlier backup rotated away
    with pytest.raises(ValueError):
        svc.auto_backup("weekly")


def test_a_medium_failing_mid_backup_leaves_no_file_and_is_recorded(ctx, admin, tmp_path, monkeypatch):
    from app.errors import AppError
    from app.services import backup_service

    fill(ctx, admin, tmp_path)
    real = backup_service.ArchiveWriter.add_file
    calls = []

    def failing(self, name, f, mode=0o644):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")  # the USB stick was pulled out
        return real(self, name, f, mode)

    monkeypatch.setattr(backup_service.ArchiveWriter, "add_file", failing)
    out = tmp_path / "usb" / "b.mdtbak"
    out.parent.mkdir()
    with pytest.raises(AppError, match="could not be written.*Input/output error"):
        ctx.backups.backup(admin, out, PASS)
    assert list(out.parent.iterdir()) == [] and list(ctx.data_dir.tmp.iterdir()) == []
    with ctx.db.read() as s:
        rec = s.scalars(select(BackupRecord)).one()
    assert not rec.ok and "Input/output" in rec.message


def test_a_failure_while_switching_folders_rolls_back(source, ctx, admin, tmp_path, monkeypatch):
    from app.errors import AppError
    from app.services import backup_restore

    ctx.close()
    before_rows, before_files = dump(ctx.data_dir.db_path), blobs_of(ctx.data_dir.root)
    real = backup_restore.os.replace

    def replace(src, dst):
        if Path(src).name == "blobs" and Path(src).parent.name.startswith("restore-"):
            raise OSError(13, "Permission denied")  # e.g. a virus scanner holding a file
        return real(src, dst)

    monkeypatch.setattr(backup_restore.os, "replace", replace)
    with pytest.raises(AppError, match="restore failed.*Nothing was changed"):
        restore(source[3].path, PASS, ctx.data_dir, replace=True)
    assert dump(ctx.data_dir.db_path) == before_rows and blobs_of(ctx.data_dir.root) == before_files
    assert not list(ctx.data_dir.backups.glob("before-restore-*")) and not list(ctx.data_dir.tmp.iterdir())
    assert check_data_dir(ctx.data_dir).ok
