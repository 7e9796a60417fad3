"""Make the fixture database of the current schema: run once when a schema is released, then commit.

    .venv/bin/python tests/data/schemas/make_fixture.py    # writes tests/data/schemas/<head>.sqlite

A released fixture is never regenerated: the upgrade test opens every one of them with today's code.
"""

import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from app.config import DataDir  # noqa: E402
from app.context import open_context  # noqa: E402
from db.migrate import head_revision  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    dd = DataDir(Path(tmp) / "d")
    c = open_context(dd, create=True)
    actor = c.setup.initialise("测试县人民医院", "admin", "Admin2026!")
    c.patients.create(actor, name="张三", sex="M", hospital_number="ZY0001")
    c.patients.create(actor, name="李四", sex="F", hospital_number="ZY0002")
    c.close()
    con = sqlite3.connect(dd.db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    out = Path(__file__).with_name(f"{head_revision()}.sqlite")
    shutil.copy(dd.db_path, out)
    print(f"wrote {out}")
