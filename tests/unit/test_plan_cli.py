"""`python -m app plan --case CASE_NO [--discussion N] --out FILE.pdf`: the marked draft until everyone has
signed, then the signed file byte for byte."""

import subprocess

from cli_helpers import run_cli
from signing_world import cheap_kdf, sign_all, signing_hospital  # noqa: F401


def text_of(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_plan_writes_the_draft_then_the_signed_version(ctx, admin, data_dir, monkeypatch, tmp_path):
    w = signing_hospital(ctx, admin, monkeypatch, tmp_path)
    out = tmp_path / "out.pdf"
    r = run_cli("plan", "--case", w.case.case_no, "--out", str(out), "--data-dir", str(data_dir.root))
    assert r.returncode == 0, r.stderr
    assert "DRAFT" in r.stdout and "草稿" in text_of(out)
    doc = sign_all(ctx, w, ctx.documents.start_signing(w.h.chair, w.decision.id))
    r = run_cli("plan", "--case", w.case.case_no, "--discussion", "1", "--out", str(out), "--data-dir",
                str(data_dir.root))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == ctx.blobs.read_bytes(doc.sha256)
    assert "signed by" in r.stdout and "陈主任" in r.stdout
    assert "草稿" not in text_of(out)


def test_plan_of_an_unknown_case_or_discussion_fails(ctx, admin, data_dir, tmp_path):
    out = tmp_path / "x.pdf"
    r = run_cli("plan", "--case", "MDT-1999-0001", "--out", str(out), "--data-dir", str(data_dir.root))
    assert r.returncode == 1 and "MDT-1999-0001" in r.stderr and not out.exists()
    assert run_cli("plan", "--out", str(out), "--data-dir", str(data_dir.root)).returncode == 2
