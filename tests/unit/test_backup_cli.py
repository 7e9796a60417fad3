"""`backup`, `restore` and `audit` on the command line: the contract's flags, messages and exit codes."""

import json
import subprocess
import sys

import pytest
from cli_helpers import ROOT, run_cli

from app.config import DataDir
from app.context import open_context
from app.services.backup_archive import ENV_KDF_N
from app.services.integrity import check_data_dir

PASS = "usb-stick-passphrase"
FAST = {ENV_KDF_N: "1024"}

# Until app.__main__ declares the commands, run them through the same main() with add_parsers applied.
SHIM = """
import argparse, sys
from app import __main__ as m, cli_backup as b
build = m.build_parser
def build_parser():
    p = build()
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    b.add_parsers(sub, m._data_dir_arg, m._user_args)
    return p
m.build_parser = build_parser
m.COMMANDS.update(b.COMMANDS)
sys.exit(m.main(sys.argv[1:]))
"""


def cli(*args: str, stdin: str = ""):
    from app.__main__ import COMMANDS

    if "backup" in COMMANDS:
        return run_cli(*args, stdin=stdin, env=FAST)
    import os

    env = dict(os.environ, **FAST)
    env.pop("MDT_DESK_DATA", None)
    return subprocess.run([sys.executable, "-c", SHIM, *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


@pytest.fixture
def filled(ctx, admin):
    """An initialised data dir with a patient, a case and a stored file, closed again (no lock held)."""
    p = ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001")
    case = ctx.case_records.create(admin, p.id, tumour_type="lung")
    ctx.blobs.put_bytes(b"%PDF-1.4 not really")
    ctx.close()
    return ctx.data_dir.root, case.case_no


def test_backup_then_restore_into_a_new_folder(filled, tmp_path):
    d, _ = filled
    out = tmp_path / "usb" / "mdt.mdtbak"
    out.parent.mkdir()
    r = cli("backup", "--data-dir", str(d), "--out", str(out), "--passphrase-stdin", stdin=PASS + "\n")
    assert r.returncode == 0, r.stderr
    assert out.is_file() and "backup written" in r.stdout and "outside the data folder" in r.stdout

    new = tmp_path / "new"
    r = cli("restore", str(out), "--passphrase-stdin", "--data-dir", str(new), stdin=PASS + "\n")
    assert r.returncode == 0, r.stderr
    assert "测试县人民医院" in r.stdout
    assert check_data_dir(DataDir(new)).ok

    r = cli("audit", "--data-dir", str(d), "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["chain"]["ok"]
    backup_events = [e for e in report["events"] if e["action"] == "backup"]
    assert len(backup_events) == 1 and backup_events[0]["username"] == "cli"


def test_backup_refuses_a_short_passphrase_and_needs_the_flag(filled, tmp_path):
    d, _ = filled
    out = tmp_path / "b.mdtbak"
    r = cli("backup", "--data-dir", str(d), "--out", str(out), "--passphrase-stdin", stdin="short\n")
    assert r.returncode == 1 and "at least 8" in r.stderr and not out.exists()
    r = cli("backup", "--data-dir", str(d), "--out", str(out))
    assert r.returncode == 2 and not out.exists()
    r = cli("backup", "--data-dir", str(tmp_path / "nothing"), "--out", str(out), "--passphrase-stdin",
            stdin=PASS + "\n")
    assert r.returncode == 1 and not out.exists()


def test_backup_works_while_the_app_holds_the_folder(filled, tmp_path):
    d, _ = filled
    ctx = open_context(DataDir(d))  # holds the instance lock, as the GUI does
    try:
        r = cli("backup", "--data-dir", str(d), "--out", str(tmp_path / "b.mdtbak"), "--passphrase-stdin",
                stdin=PASS + "\n")
    finally:
        ctx.close()
    assert r.returncode == 0, r.stderr


def test_restore_refusals_and_replace(filled, tmp_path):
    d, _ = filled
    out = tmp_path / "b.mdtbak"
    assert cli("backup", "--data-dir", str(d), "--out", str(out), "--passphrase-stdin",
               stdin=PASS + "\n").returncode == 0
    r = cli("restore", str(out), "--passphrase-stdin", "--data-dir", str(d), stdin=PASS + "\n")
    assert r.returncode == 1 and "not empty" in r.stderr

    r = cli("restore", str(out), "--passphrase-stdin", "--data-dir", str(tmp_path / "x"), stdin="wrong one\n")
    assert r.returncode == 1 and "Wrong passphrase" in r.stderr and not (tmp_path / "x").exists()
    assert cli("restore", str(out), "--data-dir", str(d)).returncode == 2

    ctx = open_context(DataDir(d))
    try:
        r = cli("restore", str(out), "--passphrase-stdin", "--replace", "--data-dir", str(d), stdin=PASS + "\n")
    finally:
        ctx.close()
    assert r.returncode == 1 and "already running" in r.stderr

    r = cli("restore", str(out), "--passphrase-stdin", "--replace", "--data-dir", str(d), stdin=PASS + "\n")
    assert r.returncode == 0, r.stderr
    assert "kept in" in r.stdout and len(list((d / "backups").glob("before-restore-*"))) == 1
    assert check_data_dir(DataDir(d)).ok


def test_audit_filters_and_exit_codes(filled):
    d, case_no = filled
    r = cli("audit", "--data-dir", str(d))
    assert r.returncode == 0, r.stderr
    assert "audit chain: ok" in r.stdout and "event(s)" in r.stdout

    everything = json.loads(cli("audit", "--data-dir", str(d), "--json").stdout)["events"]
    assert {e["username"] for e in everything} == {"admin"}
    by_case = json.loads(cli("audit", "--data-dir", str(d), "--case", case_no, "--json").stdout)["events"]
    assert by_case and all(e["case_no"] == case_no for e in by_case)
    assert len(by_case) < len(everything)
    combined = json.loads(cli("audit", "--data-dir", str(d), "--case", case_no, "--user", "nobody",
                              "--json").stdout)
    assert combined["events"] == [] and combined["count"] == 0
    future = json.loads(cli("audit", "--data-dir", str(d), "--since", "2999-01-01", "--json").stdout)
    assert future["events"] == []

    assert cli("audit", "--data-dir", str(d), "--case", "NO-SUCH").returncode == 1
    assert cli("audit", "--data-dir", str(d), "--since", "yesterday").returncode == 2


def test_audit_reports_a_broken_chain_but_still_exits_0(filled):
    import sqlite3

    d, _ = filled
    con = sqlite3.connect(d / "mdt.sqlite")
    con.execute("UPDATE audit_events SET note='edited' WHERE id=2")
    con.commit()
    con.close()
    r = cli("audit", "--data-dir", str(d))
    assert r.returncode == 0 and "BROKEN" in r.stdout and "event 2 was altered" in r.stdout
    report = json.loads(cli("audit", "--data-dir", str(d), "--json").stdout)
    assert not report["chain"]["ok"] and report["chain"]["problems"][0]["ref"] == "2"
