"""How long the automatic backup on exit keeps the closing app waiting (not a pytest test).

    .venv/bin/python tests/bench/auto_backup.py [--data DIR] [--runs 5]

Without --data: a fresh `python -m app demo` data dir in a temporary folder. Each run records one change
(a patient) and times `BackupService.automatic("exit")`: the online-backup copy of the database in one
step, `PRAGMA quick_check` of the copy, the backup record and the rotation. Prints the median and the
database size. With --data, works on a copy of DIR (the original is never touched).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from app.config import DataDir
    from app.context import open_context
    from app.records import Actor

    with tempfile.TemporaryDirectory(prefix="mdt-bench-backup-") as tmp:
        root = Path(tmp) / "data"
        if args.data:
            shutil.copytree(args.data, root, ignore=shutil.ignore_patterns("backups", ".mdt-desk.*"))
        else:
            subprocess.run([sys.executable, "-m", "app", "demo", "--data-dir", str(root)], cwd=ROOT, check=True,
                           capture_output=True)
        ctx = open_context(DataDir(root))
        try:
            actor = Actor(1, "admin", "admin", "admin")
            times = []
            for i in range(args.runs):
                ctx.patients.create(actor, name=f"测试{i}", sex="F")
                started = time.perf_counter()
                path = ctx.backups.automatic("exit", now=datetime.now() + timedelta(seconds=i + 1))
                times.append(time.perf_counter() - started)
                assert path is not None
            size = ctx.data_dir.db_path.stat().st_size
        finally:
            ctx.close()
    print(f"database {size / 1e6:.1f} MB; on-exit backup median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.runs} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
