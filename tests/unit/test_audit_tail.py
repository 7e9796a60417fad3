"""Cutting the newest events off the audit trail is noticed: by `check`, and by the app before it appends."""

import json
import sqlite3

from cli_helpers import run_cli

from app.context import open_context
from app.services.audit_head import HEAD_FILE
from app.services.integrity import check_data_dir


def _fill(ctx, admin) -> None:
    for i in range(3):
        p = ctx.patients.create(admin, name=f"患者{i}", sex="F", hospital_number=f"ZY{i:03d}")
        ctx.case_records.create(admin, p.id, tumour_type="lung")


def _cut(db, n: int, *, fix_option: bool = False) -> tuple[int, int]:
    """Delete the last `n` events as someone with sqlite3 would; (last id kept, last id before)."""
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM audit_events ORDER BY id")]
    con.execute("DELETE FROM audit_events WHERE id > ?", (ids[-n - 1],))
    if fix_option:
        kept_hash = con.execute("SELECT hash FROM audit_events WHERE id=?", (ids[-n - 1],)).fetchone()[0]
        con.execute("UPDATE hospital_settings SET options=json_set(options, '$.audit_head', json(?))",
                    (json.dumps({"id": ids[-n - 1], "hash": kept_hash}),))
    con.commit()
    con.close()
    return ids[-n - 1], ids[-1]


def test_an_intact_trail_checks_ok_and_the_head_is_written_in_both_places(ctx, admin):
    _fill(ctx, admin)
    ctx.close()
    head = json.loads((ctx.data_dir.root / HEAD_FILE).read_text())
    con = sqlite3.connect(ctx.data_dir.db_path)
    last = con.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    option = json.loads(con.execute("SELECT json_extract(options, '$.audit_head') FROM hospital_settings")
                        .fetchone()[0])
    con.close()
    assert (head["id"], head["hash"]) == tuple(last) == (option["id"], option["hash"])
    assert check_data_dir(ctx.data_dir).ok


def test_deleting_the_last_three_events_makes_check_fail_naming_the_cut(ctx, admin):
    _fill(ctx, admin)
    ctx.close()
    kept, gone = _cut(ctx.data_dir.db_path, 3)
    r = run_cli("check", "--data-dir", str(ctx.data_dir.root))
    assert r.returncode == 1, r.stdout
    assert f"audit events after #{kept} are missing" in r.stdout and f"#{gone}" in r.stdout
    r = run_cli("audit", "--data-dir", str(ctx.data_dir.root))
    assert "audit chain BROKEN" in r.stdout and f"after #{kept} are missing" in r.stdout


def test_the_file_witness_catches_a_cut_that_also_rewrote_the_database_option(ctx, admin):
    _fill(ctx, admin)
    ctx.close()
    kept, _gone = _cut(ctx.data_dir.db_path, 3, fix_option=True)
    report = check_data_dir(ctx.data_dir)
    assert not report.ok
    assert [p.message for p in report.problems if f"after #{kept} are missing" in p.message
            and HEAD_FILE in p.message]


def test_new_events_after_a_cut_cannot_hide_it(ctx, admin, data_dir):
    _fill(ctx, admin)
    ctx.close()
    kept, gone = _cut(data_dir.db_path, 3)
    ctx2 = open_context(data_dir)
    try:
        admin2 = ctx2.auth.login("admin", "Admin2026!")
        for i in range(5):  # enough to reuse every deleted id and move the head past them
            ctx2.patients.create(admin2, name=f"新患者{i}", sex="M")
    finally:
        ctx2.close()
    report = check_data_dir(data_dir)
    assert not report.ok
    msgs = [p.message for p in report.problems]
    assert any(f"after #{kept} up to #{gone} are missing" in m for m in msgs), msgs


def test_a_head_file_lagging_behind_is_not_a_problem(ctx, admin):
    _fill(ctx, admin)
    con = sqlite3.connect(ctx.data_dir.db_path)
    older = con.execute("SELECT id, hash FROM audit_events ORDER BY id LIMIT 1 OFFSET 2").fetchone()
    con.close()
    # what a crash between the commit and the file write leaves behind
    (ctx.data_dir.root / HEAD_FILE).write_text(json.dumps({"id": older[0], "hash": older[1]}))
    ctx.patients.create(admin, name="王五", sex="M")
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok
