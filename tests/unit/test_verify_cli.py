"""`python -m app verify FILE.pdf [--json]` in a subprocess against a data folder with a signed decision:
exit 0 only for the untouched file; a changed byte, a removed signature and an appended page update each
exit 1 and say why."""

import json

import pytest
from cli_helpers import run_cli
from signing_world import cheap_kdf, replace_page_text, sign_all, signing_hospital  # noqa: F401
from sqlalchemy import select

from db.models import Signature


@pytest.fixture
def signed(ctx, admin, monkeypatch, tmp_path):
    w = signing_hospital(ctx, admin, monkeypatch, tmp_path)
    doc = sign_all(ctx, w, ctx.documents.start_signing(w.h.chair, w.decision.id))
    return w, doc


def verify(data_dir, path, *flags):
    return run_cli("verify", str(path), *flags, "--data-dir", str(data_dir.root))


def test_only_the_untouched_file_verifies_and_every_tampering_says_why(ctx, data_dir, signed, tmp_path):
    """One signed world (building it is the slow part), four files."""
    _w, doc = signed
    original = ctx.blobs.read_bytes(doc.sha256)
    path = tmp_path / "plan.pdf"
    path.write_bytes(original)
    r = verify(data_dir, path, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["ok"] and [s["name"] for s in out["signers"]] == ["周海涛", "林秀英", "黄振华", "罗建平", "刘秘书",
                                                                  "陈主任"]
    assert all(s["valid"] and s["trusted"] and s["intact"] and s["time"] for s in out["signers"])

    changed = bytearray(original)
    changed[len(changed) // 3] ^= 0x01  # a byte inside the first signed revision
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(changed))
    r = verify(data_dir, path)
    assert r.returncode == 1 and "NOT VERIFIED" in r.stderr

    with ctx.db.read() as s:
        five = s.execute(select(Signature.sha256_after).where(Signature.document_id == doc.id,
                                                              Signature.sequence == 5)).scalar_one()
    path = tmp_path / "cut.pdf"
    path.write_bytes(ctx.blobs.read_bytes(five))  # the file as it was before the chair signed
    r = verify(data_dir, path, "--json")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert len(out["signers"]) == 5 and all(s["valid"] for s in out["signers"])
    assert out["unsigned"] == ["主持人 陈主任"] and any("has not signed" in p for p in out["problems"])

    path = tmp_path / "forged.pdf"
    path.write_bytes(replace_page_text(original))
    r = verify(data_dir, path)
    assert r.returncode == 1
    assert "modified after this signature" in r.stderr
    plain = verify(data_dir, tmp_path / "plan.pdf")
    assert plain.returncode == 0 and "ok: every signature is valid" in plain.stdout


def test_a_file_that_is_not_there_or_not_a_pdf(ctx, data_dir, tmp_path):
    assert verify(data_dir, tmp_path / "missing.pdf").returncode == 1
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    r = verify(data_dir, junk)
    assert r.returncode == 1 and "NOT VERIFIED" in r.stderr
