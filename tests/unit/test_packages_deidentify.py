"""A de-identified package holds none of the patient's identifiers in any byte of any file, DICOM follows
the PS3.15 basic profile with consistent UIDs and dates, photos lose their EXIF, and a report says what went."""

import io
from datetime import date, timedelta

import pydicom
from package_world import (  # noqa: F401
    ADDRESS,
    ID_NUMBER,
    PASSPHRASE,
    PHONE,
    TOWNSHIP,
    cheap_package_kdf,
    export,
    receiver_fixture,
    signed_county_fixture,
)
from signing_world import cheap_kdf  # noqa: F401
from sqlalchemy import update

from app.packages.container import PackageReader
from db.models import Case


def _payload(path) -> dict[str, bytes]:
    with PackageReader(path, PASSPHRASE) as r:
        return {name: b"".join(pieces) for name, _size, pieces in r.entries()}


def _needles(p, case_no) -> list[bytes]:
    from app.domain.names import pinyin_keys

    texts = [p.name, ID_NUMBER, p.hospital_number, "MZ2026001", PHONE, ADDRESS, TOWNSHIP, "阜平县", case_no,
             pinyin_keys(p.name)[0], "19610305", "1961-03-05", "测试县人民医院 MDT", "A0001"]
    out = [t.encode("utf-8") for t in texts]
    out += [p.name.encode("gb18030"), p.name.encode("utf-16-le")]
    return out


def test_deidentified_package_holds_no_identifier(signed_county, tmp_path, receiver):
    ctx, cc = signed_county.ctx, signed_county.cc
    p = cc.patient
    with ctx.db.session() as s:  # identifiers typed into free text are found too
        s.execute(update(Case).values(history=f"患者{p.name}，身份证{ID_NUMBER}，电话{PHONE}，住{ADDRESS}。咳嗽2月。"))
    out = tmp_path / "deid.mdtpkg"
    r = export(ctx, cc, out, deidentify=True)
    assert r.deidentified and r.pseudonym.startswith("PKG-")
    files = _payload(out)
    for name, data in files.items():
        for needle in _needles(p, cc.case_no):
            i = data.find(needle)
            assert i < 0, (name, data[max(0, i - 200):i + 50].decode("utf-8", "replace"))

    dicoms = [pydicom.dcmread(io.BytesIO(d)) for n, d in files.items() if n.startswith("files/") and d[128:132] == b"DICM"]
    assert len(dicoms) == 9  # the 6-slice CT and the 3-slice thin series of the same study
    assert len({str(d.StudyInstanceUID) for d in dicoms}) == 1, {(d.SeriesDescription, d.StudyDate, d.StudyInstanceUID) for d in dicoms}
    assert len({str(d.SeriesInstanceUID) for d in dicoms}) == 2
    assert len({d.StudyDate for d in dicoms}) == 1
    assert dicoms[0].StudyDate != (date.today() - timedelta(days=5)).strftime("%Y%m%d")  # dates shifted
    assert len({str(d.FrameOfReferenceUID) for d in dicoms}) == 1
    assert all(str(d.StudyInstanceUID).startswith("2.25.") and str(d.SOPInstanceUID).startswith("2.25.")
               and d.file_meta.MediaStorageSOPInstanceUID == d.SOPInstanceUID for d in dicoms)
    assert {str(d.PatientName) for d in dicoms} == {r.pseudonym} == {str(d.PatientID) for d in dicoms}
    assert all(d.PatientIdentityRemoved == "YES" and "InstitutionName" not in d and not d.AccessionNumber
               and not any(e.tag.is_private for e in d.iterall()) for d in dicoms)
    import json

    manifest = json.loads(files["manifest.json"])
    rec = manifest["records"]
    assert rec["patient"]["name"] == r.pseudonym and rec["patient"]["id_number"] is None
    assert rec["patient"]["birth_date"] == f"{dicoms[0].PatientBirthDate[:4]}-{dicoms[0].PatientBirthDate[4:6]}-" \
                                          f"{dicoms[0].PatientBirthDate[6:]}"  # one offset for records and DICOM
    assert rec["patient"]["birth_date"] != "1961-03-05"
    assert "[已删除]" in rec["case"]["history"] and r.pseudonym in rec["case"]["history"]

    report = manifest["deidentification"]
    assert report["removed"]["DICOM PatientName"] == 9 and report["removed"]["patient id_number"] == 1
    assert any("report" in x or "pdf" in x for x in report["excluded"])  # the PDF report stays home
    assert any("signed PDF" in x for x in report["excluded"])
    assert any("photo" in w for w in report["warnings"])
    photos = [d for n, d in files.items() if d[:3] == b"\xff\xd8\xff"]
    assert len(photos) == 1 and b"Exif" not in photos[0]
    from PIL import Image

    assert not Image.open(io.BytesIO(photos[0])).getexif()

    rx = receiver.ctx
    rx.packages.add_partner_root(receiver.admin, cc.root_pem)
    seen = rx.packages.inspect(receiver.admin, out, PASSPHRASE)
    assert seen.deidentified and seen.patient == r.pseudonym and not seen.matches
    got = rx.packages.import_package(receiver.admin, out, PASSPHRASE)
    assert got.status == "imported"
    detail = rx.case_records.get(receiver.admin, got.case_id)
    assert detail.patient.name == r.pseudonym and detail.patient.id_number is None


def test_burned_in_annotation_and_ultrasound_are_flagged(tmp_path):


    from app.demo.imaging import CtSubject, write_ct_series
    from app.packages.deidentify import Deidentifier

    src, _ = write_ct_series(tmp_path / "us", CtSubject("王五", "ZY9", "M", date(1970, 1, 1), date(2026, 1, 2), "A9",
                                                       "某医院"), slices=2, size=32)
    ds = pydicom.dcmread(src)
    ds.Modality, ds.BurnedInAnnotation = "US", "YES"
    ds.add_new(0x00090010, "LO", "ACME")  # a private creator and its private attribute
    ds.add_new(0x00091001, "LO", "王五 secret")
    ds.save_as(src)
    d = Deidentifier("12345678-0000-0000-0000-000000000000", {"name": "王五"}, "MDT-2026-0009")
    d.dicom(src, tmp_path / "out.dcm")
    out = pydicom.dcmread(tmp_path / "out.dcm")
    assert not any(e.tag.is_private for e in out) and "王五".encode() not in (tmp_path / "out.dcm").read_bytes()
    assert d.report.warnings and "BurnedInAnnotation=YES" in d.report.warnings[0]
    assert out.StudyDate != "20260102" and len(out.StudyDate) == 8
