"""Tidying at start after an interrupted run: orphaned stored files set aside, partial and temp files gone."""

import os
import time

from app.services.integrity import check_data_dir
from app.services.stored_files import ORPHANS_DIR


def _age(path, seconds: float) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_tidy_sets_old_orphans_aside_and_removes_leftovers_but_keeps_what_is_young_or_referenced(ctx, admin, tmp_path):
    p = ctx.patients.create(admin, name="张三", sex="M")
    case_id = ctx.case_records.create(admin, p.id, tumour_type="lung").id
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 kept")
    ctx.attachments.add_file(admin, case_id, report, label="report")
    kept = next(ctx.blobs.all_hashes())
    old_orphan = ctx.blobs.put_bytes(b"an import killed before its commit")
    young_orphan = ctx.blobs.put_bytes(b"a print job committing right now")
    part = ctx.blobs.path_for(old_orphan).with_name(f".{old_orphan}.123.part")
    part.write_bytes(b"half")
    (ctx.data_dir.tmp / "preview-1.png").write_bytes(b"x")
    (ctx.data_dir.tmp / "cache").mkdir()
    (ctx.data_dir.tmp / "cache" / "pyramid.bin").write_bytes(b"x")
    for path in (ctx.blobs.path_for(kept), ctx.blobs.path_for(old_orphan), part, ctx.data_dir.tmp / "preview-1.png",
                 ctx.data_dir.tmp / "cache"):
        _age(path, 3600)

    done = ctx.integrity.tidy()
    assert (done.orphans_moved, done.partial_removed, done.temp_removed) == (1, 1, 1)
    assert ctx.blobs.has(kept) and ctx.blobs.has(young_orphan) and not ctx.blobs.has(old_orphan)
    assert (ctx.data_dir.root / ORPHANS_DIR / old_orphan[:2] / old_orphan).is_file()  # set aside, not deleted
    assert not part.exists() and [p.name for p in ctx.data_dir.tmp.iterdir()] == ["cache"]
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok
