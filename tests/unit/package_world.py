"""Two hospitals for the package tests: the county (sender) with a signed lung case, CT of two series of one
study, a photo whose EXIF names the patient and a PDF report; and a provincial hospital (receiver) in a
second data folder that trusts the county's root. Everything is built through the services.

Building the county (a signed plan, certificates, CT series) is the slow part: `signed_county` and
`plain_county` build it once per test process into a closed template folder and give each test a fresh
copy, opened (like tests/demo_template.py does for the demo hospital)."""

from __future__ import annotations

import io
import shutil
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pydicom
import pytest
from cli_helpers import ADMIN_PASSWORD
from meeting_factory import PASSWORD
from signing_world import sign_all, signing_hospital

PASSPHRASE = "usb-stick-passphrase-1"
ID_NUMBER = "110105196103053528"
PHONE = "13812345678"
ADDRESS = "幸福路88号3单元"
TOWNSHIP = "城关镇"


@pytest.fixture(autouse=True)
def cheap_package_kdf(monkeypatch):
    """These tests are about the package, not scrypt's cost."""
    monkeypatch.setattr("app.packages.container.KDF_N", 1024)


def photo_with_exif(path, text: str) -> None:
    from PIL import Image

    img = Image.new("RGB", (320, 240), (180, 90, 120))
    exif = Image.Exif()
    exif[0x010E] = text  # ImageDescription
    exif[0x013B] = text  # Artist
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), comment=text.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def report_pdf(path, text: str) -> None:
    from reportlab.pdfgen import canvas

    from app.documents.fonts import register_font

    font = register_font()
    c = canvas.Canvas(str(path), initialFontName=font)
    c.setFont(font, 12)
    c.drawString(60, 760, f"病理报告 {text}")
    c.save()


def county(ctx, admin, monkeypatch, tmp_path, signed: bool = True) -> SimpleNamespace:
    """The sending hospital's case, fully identified, with consent recorded and (optionally) a signed plan."""
    from app.demo.imaging import CtSubject, write_ct_series

    w = signing_hospital(ctx, admin, monkeypatch, tmp_path, key_images=2)
    detail = ctx.case_records.get(admin, w.case.id)
    p = detail.patient
    ctx.patients.update(admin, p.id, name=p.name, sex="F", birth_date=date(1961, 3, 5), id_number=ID_NUMBER,
                        hospital_number=p.hospital_number, outpatient_number="MZ2026001", phone=PHONE,
                        province="河北省", city="保定市", county="阜平县", township=TOWNSHIP, address_detail=ADDRESS)
    p = ctx.case_records.get(admin, w.case.id).patient
    subject = CtSubject(p.name, p.hospital_number, "F", date(1961, 3, 5), date.today() - timedelta(days=5),
                        "A0001", "测试县人民医院")
    thin = write_ct_series(tmp_path / "thin", subject, slices=3, size=64, thickness=1.25, series="thin",
                           description="胸部 1.25mm 肺窗", series_number=3)
    # A reconstruction of the same study: the demo writer draws fresh random UIDs per call (pydicom ignores
    # entropy sources without a prefix), so the study and frame of reference are copied from the first series.
    first = pydicom.dcmread(next((tmp_path / "cd").iterdir()), stop_before_pixels=True)
    for path in thin:
        ds = pydicom.dcmread(path)
        ds.StudyInstanceUID, ds.FrameOfReferenceUID = first.StudyInstanceUID, first.FrameOfReferenceUID
        ds.save_as(path)
    (tmp_path / "extra").mkdir()
    photo_with_exif(tmp_path / "extra" / "slide.jpg", f"{p.name} {p.hospital_number}")
    report_pdf(tmp_path / "extra" / "report.pdf", p.name)
    ctx.attachment_import.import_paths(admin, w.case.id, [tmp_path / "thin", tmp_path / "extra"])
    if signed:
        sign_all(ctx, w, ctx.documents.start_signing(w.h.chair, w.decision.id))
    ctx.packages.record_consent(w.h.actors["zhou"], w.case.case_no, note="患者签署外院会诊知情同意书")
    return SimpleNamespace(world=w, case_no=w.case.case_no, sender=w.h.actors["zhou"], patient=p,
                           root_pem=ctx.credentials.root_certificate_pem())


@pytest.fixture(name="receiver")
def receiver_fixture(tmp_path):
    """A second installation (the provincial hospital), opened next to the county's."""
    from app.config import DataDir
    from app.context import open_context

    c = open_context(DataDir(tmp_path / "province"), create=True)
    c.setup.initialise("省人民医院", "admin", ADMIN_PASSWORD, "管理员")
    yield SimpleNamespace(ctx=c, admin=c.auth.login("admin", ADMIN_PASSWORD))
    c.close()


def export(ctx, county_case, out, deidentify=False):
    return ctx.packages.export_case(county_case.sender, county_case.case_no, out, PASSPHRASE, PASSWORD,
                                    deidentify=deidentify)


def counts(ctx) -> dict:
    from sqlalchemy import func, select

    from db.models import Attachment, Case, Decision, KeyImage, Opinion, Package, Patient

    with ctx.db.read() as s:
        out = {m.__name__: s.scalar(select(func.count()).select_from(m))
               for m in (Patient, Case, Attachment, Decision, Opinion, KeyImage, Package)}
    out["blobs"] = len(list(ctx.blobs.all_hashes()))
    return out


_TEMPLATES: dict[bool, tuple[Path, SimpleNamespace, object]] = {}  # signed? -> (data folder, county, admin)


def _template(tmp_path_factory, signed: bool) -> tuple[Path, SimpleNamespace, object]:
    if signed not in _TEMPLATES:
        from app.config import DataDir
        from app.context import open_context

        root = tmp_path_factory.mktemp("county-signed" if signed else "county-plain")
        (root / "work").mkdir()
        c = open_context(DataDir(root / "data"), create=True)
        try:
            admin = c.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
            with pytest.MonkeyPatch.context() as mp:
                cc = county(c, admin, mp, root / "work", signed=signed)
        finally:
            c.close()
        _TEMPLATES[signed] = (root / "data", cc, admin)
    return _TEMPLATES[signed]


def county_copy(tmp_path_factory, tmp_path, signed: bool):
    """(ctx, admin, county) on a fresh copy of the county template; the caller closes ctx."""
    from app.config import DataDir
    from app.context import open_context

    src, cc, admin = _template(tmp_path_factory, signed)
    dst = tmp_path / ("county-signed" if signed else "county")
    shutil.copytree(src, dst)
    return open_context(DataDir(dst)), admin, cc


@pytest.fixture(name="signed_county")
def signed_county_fixture(tmp_path_factory, tmp_path):
    """The county with its plan signed by everyone: SimpleNamespace(ctx, admin, cc)."""
    ctx, admin, cc = county_copy(tmp_path_factory, tmp_path, True)
    yield SimpleNamespace(ctx=ctx, admin=admin, cc=cc)
    ctx.close()


@pytest.fixture(name="plain_county")
def plain_county_fixture(tmp_path_factory, tmp_path):
    """The county with its decision finalised, not signed: SimpleNamespace(ctx, admin, cc)."""
    ctx, admin, cc = county_copy(tmp_path_factory, tmp_path, False)
    yield SimpleNamespace(ctx=ctx, admin=admin, cc=cc)
    ctx.close()
