"""Every way a package can be wrong is refused with its own message, and nothing is imported."""

import struct

import pytest
from meeting_factory import PASSWORD
from package_world import (  # noqa: F401
    PASSPHRASE,
    cheap_package_kdf,
    counts,
    export,
    plain_county_fixture,
    receiver_fixture,
)
from signing_world import cheap_kdf  # noqa: F401

from app.errors import AppError, ConflictError
from app.packages.container import MAGIC, PackageReader
from app.packages.errors import PackageError, PackageTampered, PackageUntrusted, PackageWrongPassphrase


def _chunk_start(data: bytes) -> int:
    return len(MAGIC) + 4 + struct.unpack(">I", data[8:12])[0] + 64


def test_damaged_foreign_and_untrusted_packages_are_refused(plain_county, tmp_path, receiver):
    ctx, cc = plain_county.ctx, plain_county.cc
    good = tmp_path / "case.mdtpkg"
    export(ctx, cc, good)
    data = good.read_bytes()
    rx = receiver.ctx
    rx.packages.add_partner_root(receiver.admin, cc.root_pem)
    before = counts(rx)
    start = _chunk_start(data)
    cases = {
        "wrong passphrase": (data, "not-the-passphrase", PackageWrongPassphrase, "passphrase is wrong"),
        "magic": (b"X" + data[1:], PASSPHRASE, PackageError, "not an MDT Desk case package"),
        "header": (data[:20] + bytes([data[20] ^ 1]) + data[21:], PASSPHRASE, PackageError, "header is damaged"),
        "key check": (data[:start - 40] + bytes([data[start - 40] ^ 1]) + data[start - 39:], PASSPHRASE,
                      PackageError, "header is damaged"),
        "truncated": (data[:-1000], PASSPHRASE, PackageError, "incomplete"),
        "truncated at a chunk": (data[:start + (1 << 20) + 16], PASSPHRASE, PackageError, "incomplete"),
        "appended": (data + b"\0", PASSPHRASE, PackageTampered, "unexpected bytes"),
        "empty": (b"", PASSPHRASE, PackageError, "not an MDT Desk case package"),
    }
    for pos in (start, start + 5, len(data) // 2, len(data) - 17, len(data) - 1):  # manifest ... last tag byte
        cases[f"flip at {pos}"] = (data[:pos] + bytes([data[pos] ^ 0x40]) + data[pos + 1:], PASSPHRASE,
                                   PackageTampered, "altered or damaged near byte")
    for label, (content, passphrase, error, message) in cases.items():
        bad = tmp_path / f"{label}.mdtpkg"
        bad.write_bytes(content)
        with pytest.raises(error, match=message):
            rx.packages.import_package(receiver.admin, bad, passphrase)
        with pytest.raises(AppError):
            rx.packages.inspect(receiver.admin, bad, passphrase)
        assert counts(rx) == before, label
    assert not any(rx.data_dir.tmp.iterdir())  # no decrypted patient data left behind

    stranger = tmp_path / "stranger"  # a hospital whose root nobody imported
    from app.config import DataDir
    from app.context import open_context

    other = open_context(DataDir(stranger), create=True)
    try:
        other.setup.initialise("陌生医院", "admin", "Admin2026!", "管理员")
        with pytest.raises(PackageUntrusted, match="周海涛 of 测试县人民医院.*not trusted"):
            other.packages.import_package(other.auth.login("admin", "Admin2026!"), good, PASSPHRASE)
        assert counts(other)["Case"] == 0
    finally:
        other.close()
    with PackageReader(good, PASSPHRASE) as r:  # the good file still reads to its end
        names = [n for n, _s, pieces in r.entries() if sum(len(x) for x in pieces) >= 0]
    assert names[:2] == ["manifest.json", "signature.json"] and all(n.startswith("files/") for n in names[2:])


def test_identified_export_needs_recorded_consent(plain_county, tmp_path):
    from sqlalchemy import update

    from db.models import Case

    ctx, cc = plain_county.ctx, plain_county.cc
    with ctx.db.session() as s:
        s.execute(update(Case).values(consent_external=False, consent_recorded_at=None))
    with pytest.raises(ConflictError, match="consent"):
        ctx.packages.export_case(cc.sender, cc.case_no, tmp_path / "x.mdtpkg", PASSPHRASE, PASSWORD)
    assert not (tmp_path / "x.mdtpkg").exists()
    r = ctx.packages.export_case(cc.sender, cc.case_no, tmp_path / "d.mdtpkg", PASSPHRASE, PASSWORD, deidentify=True)
    assert r.deidentified
