"""A full disk, a read-only data folder, a USB stick that vanishes mid-backup: a clear message, data as it was.

The full disk is a real write limit (RLIMIT_FSIZE, in a subprocess: writes that would grow a file fail, as
on a full disk). The read-only folder is a read-only bind mount (as root, who ignores file modes) or a
folder without write permission (as anyone else).
"""

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD, run_cli

from app.context import open_context
from app.errors import AppError, DataDirError
from app.services.backup_archive import ENV_KDF_N
from app.services.integrity import check_data_dir
from db.sqlite_file import integrity_problems

ROOT = Path(__file__).resolve().parents[2]

FULL_DISK_SCRIPT = r"""
import json, os, resource, signal, sqlite3, sys
from pathlib import Path
from app.config import DataDir
from app.context import open_context
from app.errors import AppError

dd = DataDir(Path(sys.argv[1]))
ctx = open_context(dd)
admin = ctx.auth.login("admin", sys.argv[2])
case_id = int(sys.argv[3])
con = sqlite3.connect(dd.db_path)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the log starts empty: the next commits must grow it
con.close()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, (48 * 1024, resource.RLIM_INFINITY))
made, failure = [], {}
try:
    for i in range(500):
        made.append(ctx.patients.create(admin, name=f"满盘{i}", sex="F").id)
except AppError as e:
    failure = {"type": type(e).__name__, "message": str(e)}
try:
    big = Path(sys.argv[4])
    ctx.attachments.add_file(admin, case_id, big, label="report")
    attach = {}
except AppError as e:
    attach = {"type": type(e).__name__, "message": str(e)}
ctx.close()
print(json.dumps({"made": made, "failure": failure, "attach": attach}))
"""


def _rows(db: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


def test_a_full_disk_is_said_plainly_and_keeps_every_saved_record(ctx, admin, tmp_path):
    p = ctx.patients.create(admin, name="张三", sex="M")
    case_id = ctx.case_records.create(admin, p.id, tumour_type="lung").id
    ctx.close()
    big = tmp_path / "report.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(200_000))
    blobs_before = _files(ctx.data_dir.blobs)
    r = subprocess.run([sys.executable, "-c", FULL_DISK_SCRIPT, str(ctx.data_dir.root), ADMIN_PASSWORD,
                        str(case_id), str(big)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    for what in (out["failure"], out["attach"]):  # both refused with the storage message
        assert what["type"] == "StorageError", out
        assert "full" in what["message"] or "disk reported an error" in what["message"], what
        assert "What was saved before is intact" in what["message"]
    assert integrity_problems(ctx.data_dir.db_path) == []
    report = check_data_dir(ctx.data_dir)
    assert report.ok, report.problems
    con = sqlite3.connect(ctx.data_dir.db_path)
    names = {r[0] for r in con.execute("SELECT id FROM patients WHERE name LIKE '满盘%'")}
    attachments = con.execute("SELECT count(*) FROM attachments").fetchone()[0]
    con.close()
    assert names == set(out["made"])  # every reported save is there, the failed one is not
    assert attachments == 0 and _files(ctx.data_dir.blobs) == blobs_before


@contextlib.contextmanager
def read_only(folder: Path):
    if os.geteuid() == 0:  # root writes through file modes: make the mount itself read-only
        if shutil.which("mount") is None or subprocess.run(["mount", "--bind", folder, folder]).returncode:
            pytest.skip("a read-only bind mount needs mount(8) and the right to use it")
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", folder, folder], check=True)
            yield
        finally:
            subprocess.run(["umount", folder], check=True)
    else:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for p in modes:
            p.chmod(modes[p] & ~0o222)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)


def test_a_read_only_data_folder_is_refused_plainly_and_left_untouched(ctx, admin):
    ctx.patients.create(admin, name="张三", sex="M")
    ctx.close()
    before_rows, before_files = _rows(ctx.data_dir.db_path), _files(ctx.data_dir.root)
    with read_only(ctx.data_dir.root):
        with pytest.raises(DataDirError) as e:
            open_context(ctx.data_dir)
        assert "cannot be written" in str(e.value) and "read-only" in str(e.value)
        r = run_cli("check", "--data-dir", str(ctx.data_dir.root))
        assert r.returncode == 0 and "ok: no problems found" in r.stdout, r.stdout  # not "damaged"
        r = run_cli("import-patients", "--data-dir", str(ctx.data_dir.root), "--user", "admin",
                    "--password-stdin", str(ROOT / "tests" / "cli_helpers.py"), stdin=ADMIN_PASSWORD + "\n")
        assert r.returncode == 1 and "cannot be written" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert _rows(ctx.data_dir.db_path) == before_rows and _files(ctx.data_dir.root) == before_files


def test_a_backup_target_that_vanishes_mid_write_leaves_no_file_and_the_data_unchanged(ctx, admin, tmp_path,
                                                                                      monkeypatch):
    monkeypatch.setenv(ENV_KDF_N, "1024")
    p = ctx.patients.create(admin, name="张三", sex="M")
    case_id = ctx.case_records.create(admin, p.id, tumour_type="lung").id
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4\n" + os.urandom(3 << 20))  # several archive chunks: progress comes mid-write
    ctx.attachments.add_file(admin, case_id, report, label="report")
    before_rows, before_files = _rows(ctx.data_dir.db_path), _files(ctx.data_dir.blobs)
    stick = tmp_path / "usb"
    stick.mkdir()
    pulled = []

    def progress(done: int, total: int) -> None:
        if not pulled and done > total // 3:
            shutil.rmtree(stick)  # the stick is pulled out: its folder is gone under the open file
            pulled.append(done)

    with pytest.raises(AppError) as e:
        ctx.backups.backup(admin, stick, "县医院-backup-2026", progress=progress)
    assert pulled and "could not be written" in str(e.value) and "the data is unchanged" in str(e.value)
    assert not stick.exists() and list(ctx.data_dir.tmp.iterdir()) == []
    rows = _rows(ctx.data_dir.db_path)
    failed = [r for r in rows.pop("backup_records")]
    assert len(failed) == 1 and failed[0][7] == 0  # recorded as a failed backup (ok = 0), nothing else changed
    before_rows.pop("backup_records")
    assert rows == before_rows and _files(ctx.data_dir.blobs) == before_files
    assert integrity_problems(ctx.data_dir.db_path) == []
