"""A case travels from the county to the provincial hospital and arrives identical; twice is once."""

import hashlib

import pytest
from package_world import (  # noqa: F401
    PASSPHRASE,
    cheap_package_kdf,
    counts,
    export,
    receiver_fixture,
    signed_county_fixture,
)
from signing_world import cheap_kdf  # noqa: F401
from sqlalchemy import select

from app.errors import ConflictError
from app.packages.errors import PackageUntrusted
from app.packages.snapshot import case_snapshot, row_dict
from db.models import Attachment, AuditEvent, Case, KeyImage


def _records(ctx, case_no):
    with ctx.db.read() as s:
        c = s.execute(select(Case).where(Case.case_no == case_no)).scalar_one()
        snap = case_snapshot(s, c)
        snap["case"].pop("case_no")
        atts = sorted((row_dict(a) for a in s.execute(select(Attachment).where(Attachment.case_id == c.id))
                       .scalars()), key=lambda a: a["sha256"])
        keys = [(k.position, k.window_center, k.window_width, k.note, s.get(Attachment, k.attachment_id).sha256)
                for k in s.execute(select(KeyImage).where(KeyImage.case_id == c.id)).scalars()]
    return snap, atts, sorted(keys)


def test_round_trip_is_identical_and_twice_is_once(signed_county, tmp_path, receiver):
    ctx, cc = signed_county.ctx, signed_county.cc
    out = tmp_path / "case.mdtpkg"
    r = export(ctx, cc, out)
    assert r.files >= 10 and not r.deidentified and out.stat().st_size == r.size
    assert PASSPHRASE.encode() not in out.read_bytes() and cc.patient.name.encode() not in out.read_bytes()

    rx = receiver.ctx
    with pytest.raises(PackageUntrusted, match="not trusted"):
        rx.packages.import_package(receiver.admin, out, PASSPHRASE)
    assert counts(rx)["Case"] == 0
    rx.packages.add_partner_root(receiver.admin, cc.root_pem, "测试县人民医院")

    seen = rx.packages.inspect(receiver.admin, out, PASSPHRASE)
    assert seen.trusted and seen.hospital == "测试县人民医院" and seen.sender_name == "周海涛"
    assert seen.patient == cc.patient.name and seen.case_no == cc.case_no and not seen.matches

    got = rx.packages.import_package(receiver.admin, out, PASSPHRASE)
    assert got.status == "imported" and not got.merged and got.files_new == r.files
    sent, received = _records(ctx, cc.case_no), _records(rx, got.case_no)
    assert received[0] == sent[0]  # patient, case, history, discussions, opinions, decisions, actions
    assert [a for a in received[1] if a["kind"] != "pdf" or not a["meta"].get("signed_document")] == sent[1]
    assert received[2] == sent[2]  # key images on the same files with the same window
    for a in received[1]:  # every file byte-identical in the receiver's store
        assert hashlib.sha256(rx.blobs.read_bytes(a["sha256"])).hexdigest() == a["sha256"]
    signed = [a for a in received[1] if a["meta"].get("signed_document")]
    assert len(signed) == 1 and rx.documents.verify(rx.blobs.read_bytes(signed[0]["sha256"])).signers

    before = counts(rx)
    again = rx.packages.import_package(receiver.admin, out, PASSPHRASE)
    assert again.status == "already" and again.case_no == got.case_no
    assert counts(rx) == before
    with rx.db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action).where(AuditEvent.entity == "package"))]
    with ctx.db.read() as s:
        sent_actions = [a for (a,) in s.execute(select(AuditEvent.action).where(AuditEvent.entity == "package"))]
    assert actions == ["inspect", "import"] and sent_actions == ["export"]  # who looked at it is audited too

    # A second package about the same patient (a re-discussion): the match is shown, merged only when confirmed,
    # and not one stored file is written again.
    second = tmp_path / "again.mdtpkg"
    export(ctx, cc, second)
    content = rx.packages.inspect(receiver.admin, second, PASSPHRASE)
    assert [(m.patient_id, m.by) for m in content.matches] == [(got.patient_id, "id_number")]
    assert content.matches[0].name != cc.patient.name  # masked as on the projector
    with pytest.raises(ConflictError, match=f"matches patient {got.patient_id}"):
        rx.packages.import_package(receiver.admin, second, PASSPHRASE)
    assert counts(rx) == before
    merged = rx.packages.import_package(receiver.admin, second, PASSPHRASE, merge_patient_id=got.patient_id)
    assert merged.merged and merged.patient_id == got.patient_id and merged.case_no != got.case_no
    assert merged.files_new == 0 and merged.files_existing == r.files
    after = counts(rx)
    assert after["Patient"] == before["Patient"] and after["Case"] == before["Case"] + 1
    assert after["blobs"] == before["blobs"]
