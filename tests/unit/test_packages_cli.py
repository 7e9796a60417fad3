"""`python -m app package export|inspect|import` as a user runs them: stdin secrets, exit codes 0/1/2."""

import json

from cli_helpers import run_cli
from meeting_factory import PASSWORD
from package_world import PASSPHRASE, cheap_package_kdf, plain_county_fixture, receiver_fixture  # noqa: F401
from signing_world import cheap_kdf  # noqa: F401

ENV = {"MDT_DESK_PACKAGE_KDF_N": "1024"}


def test_export_inspect_import_on_the_command_line(plain_county, tmp_path, receiver):
    ctx, cc = plain_county.ctx, plain_county.cc
    ctx.close()  # the command line takes the folder's lock
    sender_dir, out = str(ctx.data_dir.root), tmp_path / "case.mdtpkg"
    secrets = f"{PASSPHRASE}\n{PASSWORD}\n"

    r = run_cli("package", "export", "--case", cc.case_no, "--out", str(out), "--passphrase-stdin", "--user", "zhou",
                "--data-dir", sender_dir, stdin=secrets, env=ENV)
    assert r.returncode == 0, r.stderr
    assert "wrote" in r.stdout and "identified (consent recorded)" in r.stdout and out.is_file()
    r = run_cli("package", "export", "--case", cc.case_no, "--out", str(tmp_path / "d.mdtpkg"), "--deidentify",
                "--passphrase-stdin", "--user", "zhou", "--data-dir", sender_dir, stdin=secrets, env=ENV)
    assert r.returncode == 0 and "de-identified as PKG-" in r.stdout and "removed: DICOM PatientName" in r.stdout
    r = run_cli("package", "export", "--case", cc.case_no, "--out", str(out), "--user", "zhou",
                "--data-dir", sender_dir, stdin=secrets)
    assert r.returncode == 2  # --passphrase-stdin is part of the contract
    r = run_cli("package", "export", "--case", "MDT-1999-9999", "--out", str(tmp_path / "n.mdtpkg"),
                "--passphrase-stdin", "--user", "zhou", "--data-dir", sender_dir, stdin=secrets, env=ENV)
    assert r.returncode == 1 and "no case MDT-1999-9999" in r.stderr

    r = run_cli("package", "mcode", "--case", cc.case_no, "--out", str(tmp_path / "m.json"), "--csv",
                str(tmp_path / "m.csv"), "--data-dir", sender_dir)
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "m.json").read_text())["resourceType"] == "Bundle"
    assert cc.patient.name not in (tmp_path / "m.csv").read_text(encoding="utf-8-sig")

    rx = receiver.ctx
    rx.packages.add_partner_root(receiver.admin, cc.root_pem)
    rx.close()
    rx_dir = str(rx.data_dir.root)
    r = run_cli("package", "inspect", str(out), "--passphrase-stdin", "--json", "--data-dir", rx_dir,
                stdin=f"{PASSPHRASE}\n")
    assert r.returncode == 0, r.stderr
    seen = json.loads(r.stdout)
    assert seen["trusted"] and seen["sender_name"] == "周海涛" and seen["case_no"] == cc.case_no
    r = run_cli("package", "inspect", str(out), "--passphrase-stdin", "--data-dir", rx_dir, stdin="wrong-passphrase\n")
    assert r.returncode == 1 and "passphrase is wrong" in r.stderr

    admin_secrets = f"{PASSPHRASE}\nAdmin2026!\n"
    r = run_cli("package", "import", str(out), "--passphrase-stdin", "--user", "admin", "--data-dir", rx_dir,
                stdin=admin_secrets, env=ENV)
    assert r.returncode == 0, r.stderr
    assert "imported as case MDT-" in r.stdout and "every hash verified" in r.stdout
    r = run_cli("package", "import", str(out), "--passphrase-stdin", "--user", "admin", "--data-dir", rx_dir,
                stdin=admin_secrets, env=ENV)
    assert r.returncode == 0 and "nothing imported: this package is already case" in r.stdout
    r = run_cli("cases", "--json", "--data-dir", rx_dir)
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 1
    for folder in (sender_dir, rx_dir):  # database, every stored file and the audit chain still check out
        r = run_cli("check", "--data-dir", folder)
        assert r.returncode == 0, r.stdout + r.stderr
