"""The provincial hospital's advice travels back bound to the county's package and lands on the original
case as an external, advisory opinion; the county's own decision is untouched."""

import pytest
from cli_helpers import run_cli
from meeting_factory import PASSWORD, actor
from package_world import PASSPHRASE, cheap_package_kdf, export, plain_county_fixture, receiver_fixture  # noqa: F401
from signing_world import cheap_kdf  # noqa: F401
from sqlalchemy import select

from app.errors import ConflictError
from db.models import Decision

ADVICE = "同意县医院方案：胸腔镜右肺上叶切除＋系统性淋巴结清扫；术后如为IB期伴高危因素，可考虑奥希替尼辅助治疗。"


def test_opinion_round_trip(plain_county, tmp_path, receiver):
    ctx, admin, cc = plain_county.ctx, plain_county.admin, plain_county.cc
    sent = tmp_path / "case.mdtpkg"
    export(ctx, cc, sent, deidentify=True)
    rx = receiver.ctx
    rx.packages.add_partner_root(receiver.admin, cc.root_pem)
    got = rx.packages.import_package(receiver.admin, sent, PASSPHRASE)

    rx.credentials.create_hospital_ca(receiver.admin, "province-ca-pass-1")
    expert = actor(rx.users.create(receiver.admin, "sun", "孙教授", "physician", PASSWORD, title="chief",
                                   must_change_password=False))
    rx.credentials.request(expert, PASSWORD)
    rx.credentials.issue_pending(receiver.admin, "province-ca-pass-1")
    with pytest.raises(ConflictError, match="did not arrive in a package"):
        ctx.packages.export_opinion(cc.sender, cc.case_no, ADVICE, tmp_path / "x.mdtpkg", PASSPHRASE, PASSWORD)
    back = tmp_path / "opinion.mdtpkg"
    province_root = rx.credentials.root_certificate_pem()
    rx.close()  # the command line takes the folder's lock
    (tmp_path / "advice.txt").write_text(ADVICE, encoding="utf-8")
    r = run_cli("package", "opinion", "--case", got.case_no, "--text-file", str(tmp_path / "advice.txt"), "--out",
                str(back), "--passphrase-stdin", "--user", expert.username, "--data-dir", str(rx.data_dir.root),
                stdin=f"{PASSPHRASE}\n{PASSWORD}\n", env={"MDT_DESK_PACKAGE_KDF_N": "1024"})
    assert r.returncode == 0, r.stderr

    with ctx.db.read() as s:
        decision_before = [(d.id, d.status, d.plan_text, d.updated_at) for d in s.execute(select(Decision)).scalars()]
    ctx.packages.add_partner_root(admin, province_root, "省人民医院")
    result = ctx.packages.import_package(cc.sender, back, PASSPHRASE)
    assert result.status == "imported" and result.case_no == cc.case_no
    [op] = ctx.packages.external_opinions(cc.sender, cc.world.case.id)
    assert op.advisory and op.signed and op.hospital == "省人民医院" and op.author == "孙教授" and op.text == ADVICE
    again = ctx.packages.import_package(cc.sender, back, PASSPHRASE)
    assert again.status == "already" and len(ctx.packages.external_opinions(cc.sender, cc.world.case.id)) == 1
    with ctx.db.read() as s:  # advice only: the county's decision is not touched
        assert [(d.id, d.status, d.plan_text, d.updated_at) for d in s.execute(select(Decision)).scalars()] \
            == decision_before
