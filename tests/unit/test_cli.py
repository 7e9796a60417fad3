"""The command line as other tools see it: names, flags, exit codes (0 ok, 1 failure, 2 usage)."""

import hashlib
import json
import sqlite3

from cli_helpers import run_cli

from app import __version__


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_unknown_command_is_a_usage_error():
    r = run_cli("frobnicate")
    assert r.returncode == 2 and "usage" in r.stderr


def test_init_then_check_then_refuse_second_init(tmp_path):
    d = tmp_path / "data"
    r = run_cli("init", "--hospital", "郸城县人民医院", "--admin", "admin", "--password-stdin",
                "--data-dir", str(d), stdin="Admin2026!\n")
    assert r.returncode == 0, r.stderr
    assert (d / "mdt.sqlite").exists()

    r = run_cli("check", "--data-dir", str(d), "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    assert report["ok"] and report["problems"] == [] and report["counts"]["users"] == 1

    before = digest(d / "mdt.sqlite")
    r = run_cli("init", "--hospital", "别的医院", "--admin", "root", "--password-stdin", "--data-dir", str(d),
                stdin="Other2026!\n")
    assert r.returncode == 1 and "already initialised" in r.stderr
    assert digest(d / "mdt.sqlite") == before


def test_data_dir_from_the_environment(tmp_path):
    d = tmp_path / "env-data"
    r = run_cli("init", "--hospital", "医院", "--admin", "admin", "--password-stdin", stdin="Admin2026!\n",
                env={"MDT_DESK_DATA": str(d)})
    assert r.returncode == 0, r.stderr
    assert (d / "mdt.sqlite").exists()


def test_init_with_a_weak_password_fails_and_leaves_nothing(tmp_path):
    d = tmp_path / "data"
    r = run_cli("init", "--hospital", "医院", "--admin", "admin", "--password-stdin", "--data-dir", str(d),
                stdin="123\n")
    assert r.returncode == 1 and "at least 8" in r.stderr
    assert not (d / "mdt.sqlite").exists()


def test_init_without_required_flags_is_a_usage_error(tmp_path):
    r = run_cli("init", "--hospital", "医院", "--data-dir", str(tmp_path / "d"))
    assert r.returncode == 2


def test_check_on_an_uninitialised_folder_fails(tmp_path):
    r = run_cli("check", "--data-dir", str(tmp_path / "nothing"))
    assert r.returncode == 1 and "no database" in r.stdout


def test_check_reports_a_newer_schema_and_changes_nothing(tmp_path):
    d = tmp_path / "data"
    run_cli("init", "--hospital", "医院", "--admin", "admin", "--password-stdin", "--data-dir", str(d),
            stdin="Admin2026!\n")
    con = sqlite3.connect(d / "mdt.sqlite")
    con.execute("UPDATE alembic_version SET version_num='0099'")
    con.commit()
    con.close()
    before = digest(d / "mdt.sqlite")
    r = run_cli("check", "--data-dir", str(d))
    assert r.returncode == 1 and "newer" in r.stdout
    r = run_cli("gui", "--data-dir", str(d), "--screenshot", str(tmp_path / "x.png"))
    assert r.returncode == 1 and ("newer version" in r.stderr or "更新版本" in r.stderr)
    assert digest(d / "mdt.sqlite") == before
