"""Long package work reports progress and can be stopped: a cancelled export leaves no file, a cancelled
import adds nothing; looking into a package is recorded (who inspected which package)."""

import pytest
from meeting_factory import PASSWORD
from package_world import PASSPHRASE, cheap_package_kdf, counts, plain_county_fixture, receiver_fixture  # noqa: F401
from signing_world import cheap_kdf  # noqa: F401
from sqlalchemy import select

from app.packages.errors import PackageCancelled
from db.models import AuditEvent


def test_progress_cancel_and_the_inspection_trail(plain_county, tmp_path, receiver):
    ctx, cc = plain_county.ctx, plain_county.cc
    out = tmp_path / "case.mdtpkg"
    with pytest.raises(PackageCancelled, match="nothing was written"):
        ctx.packages.export_case(cc.sender, cc.case_no, out, PASSPHRASE, PASSWORD, deidentify=True,
                                 cancelled=lambda: True)
    assert list(tmp_path.glob("*.mdtpkg*")) == [] and list(tmp_path.glob(".*part")) == []

    seen = []
    r = ctx.packages.export_case(cc.sender, cc.case_no, out, PASSPHRASE, PASSWORD, deidentify=True,
                                 progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert {s for s, _d, _t in seen} == {"deidentify", "write"}
    writes = [(d, t) for s, d, t in seen if s == "write"]
    assert writes == sorted(writes) and all(d <= t for d, t in writes)

    rx = receiver.ctx
    rx.packages.add_partner_root(receiver.admin, cc.root_pem)
    before = counts(rx)
    with pytest.raises(PackageCancelled):
        rx.packages.import_package(receiver.admin, out, PASSPHRASE, cancelled=lambda: True)
    assert counts(rx) == before and not any(rx.data_dir.tmp.iterdir())

    verified = []
    content = rx.packages.inspect(receiver.admin, out, PASSPHRASE,
                                  progress=lambda stage, done, total: verified.append((stage, done, total)))
    assert content.package_uuid == r.package_uuid and verified[-1][1] == verified[-1][2] > 0
    with rx.db.read() as s:
        [event] = s.execute(select(AuditEvent).where(AuditEvent.action == "inspect")).scalars().all()
    assert event.username == "admin" and event.entity == "package"
    assert event.new["package_uuid"] == r.package_uuid and event.new["file"] == "case.mdtpkg"
    assert event.new["trusted"] and event.new["deidentified"]
