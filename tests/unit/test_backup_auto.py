"""The automatic backups the GUI asks for: the day's first start, and on exit only when data changed."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.services.integrity import check_data_dir
from db.models import BackupRecord


def test_start_makes_one_backup_a_day_and_exit_one_only_after_a_change(ctx, admin):
    svc = ctx.backups
    first = svc.automatic("start")
    assert first is not None and first.name.startswith("daily-")
    assert svc.automatic("start") is None  # second start the same day
    assert svc.automatic("exit") is None  # nothing recorded since
    ctx.patients.create(admin, name="赵六", sex="M")
    on_exit = svc.automatic("exit", now=datetime.now() + timedelta(seconds=1))
    assert on_exit is not None and on_exit.name.startswith("on_exit-")
    tomorrow = svc.automatic("start", now=datetime.now() + timedelta(days=1))
    assert tomorrow is not None and tomorrow.name.startswith("daily-")
    with ctx.db.read() as s:
        kinds = [(r.kind, r.ok, r.offsite) for r in s.scalars(select(BackupRecord).order_by(BackupRecord.id))]
    assert kinds == [("daily", True, False), ("on_exit", True, False), ("daily", True, False)]
    with pytest.raises(ValueError):
        svc.automatic("noon")
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok
