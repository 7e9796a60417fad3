"""`python -m app render`: the PNG is the service's picture; exit codes 0 / 1 / 2 as the contract says."""

from pathlib import Path

import numpy as np
import pydicom
import pytest
from cli_helpers import ADMIN_PASSWORD, run_cli
from PIL import Image

from app.errors import NotFound, ValidationError

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
DICOM = {"ct": "CT_small.dcm", "mr": "MR_small.dcm", "ybr": "examples_ybr_color.dcm",
         "cr": "dicomdirtests/77654033/CR1/6154", "sr": "test-SR.dcm"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A data folder with a case holding a few DICOM files, an upright-by-EXIF photo and a PDF."""
    from app.config import DataDir
    from app.context import open_context

    root = tmp_path_factory.mktemp("render")
    src = root / "src"
    src.mkdir()
    for key, name in DICOM.items():
        (src / f"{key}.dcm").write_bytes((TEST_FILES / name).read_bytes())
    photo = Image.new("RGB", (64, 48), (200, 120, 160))
    photo.paste((20, 40, 200), (0, 0, 16, 16))  # a blue corner to see where "up" went
    exif = Image.Exif()
    exif[0x0112] = 6  # stored lying on its side: shown rotated 90° clockwise
    photo.save(src / "slide.jpg", exif=exif, quality=95)
    (src / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    data_dir = DataDir(root / "data")
    ctx = open_context(data_dir, create=True)
    ctx.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
    admin = ctx.auth.login("admin", ADMIN_PASSWORD)
    patient = ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001")
    case = ctx.case_records.create(admin, patient.id, tumour_type="lung")
    results = ctx.attachment_import.import_paths(admin, case.id, [src])
    ids = {Path(r.path).stem if r.kind == "dicom" else Path(r.path).name: r.attachment_id for r in results}
    assert all(r.status == "imported" for r in results), [(r.path, r.reason) for r in results]
    yield data_dir, ids, ctx, admin
    ctx.close()


def render(store, out: Path, *args: str):
    data_dir = store[0]
    return run_cli("render", *args, "--out", str(out), "--data-dir", str(data_dir.root))


@pytest.mark.parametrize("key,args,kwargs", [
    ("ct", [], {}),
    ("ct", ["--window", "400", "--level", "-40", "--size", "300x200"], {"window": (-40.0, 400.0), "size": (300, 200)}),
    ("cr", ["--size", "64x64", "--overlay"], {"size": (64, 64), "overlay": True}),
    ("ybr", ["--frame", "12", "--overlay"], {"frame": 12, "overlay": True}),
    ("slide.jpg", ["--size", "24x24"], {"size": (24, 24)}),
])
def test_png_is_the_services_picture(store, tmp_path, key, args, kwargs):
    _, ids, ctx, admin = store
    out = tmp_path / "out.png"
    r = render(store, out, "--attachment", str(ids[key]), *args)
    assert r.returncode == 0, r.stderr
    assert "wrote" in r.stdout
    want = ctx.rendering.render_attachment(admin, ids[key], **kwargs)
    with Image.open(out) as got:
        assert got.format == "PNG" and got.mode == want.mode and got.size == want.size
        assert np.array_equal(np.asarray(got), np.asarray(want))


def test_photo_is_upright_and_in_colour(store):
    _, ids, ctx, admin = store
    im = ctx.rendering.render_attachment(admin, ids["slide.jpg"])
    assert im.mode == "RGB" and im.size == (48, 64)  # EXIF orientation applied
    top_right = np.asarray(im)[4, -4].astype(int)  # the blue corner turned from top-left to top-right
    assert top_right[2] > 150 and top_right[0] < 80


def test_defaults_are_the_viewers(store):
    from app.imaging.dicom_display import load_frame
    from app.imaging.dicom_display import render as pipeline

    data_dir, ids, ctx, admin = store
    for key in ("ct", "mr", "cr", "ybr"):
        want = pipeline(load_frame(TEST_FILES / DICOM[key]))
        got = ctx.rendering.render_attachment(admin, ids[key])
        assert np.array_equal(np.asarray(got), np.asarray(want)), key


def test_overlay_never_shows_the_patient(store, monkeypatch):
    import app.imaging.overlay as overlay

    _, ids, ctx, admin = store
    drawn = []
    real = overlay.draw_overlay
    monkeypatch.setattr(overlay, "draw_overlay", lambda im, *lines: drawn.append(lines) or real(im, *lines))
    ctx.rendering.render_attachment(admin, ids["ybr"], frame=3, overlay=True)
    text = " ".join(" ".join(part) for part in drawn[0])
    ds = pydicom.dcmread(TEST_FILES / DICOM["ybr"], stop_before_pixels=True)
    assert "Frame 4/30" in text and "US" in text
    for identity in (str(ds.get("PatientName", "")), str(ds.get("PatientID", "")), "张三"):
        assert not identity or identity not in text


@pytest.mark.parametrize("key,args,message", [
    ("report.pdf", [], "not an image"),
    ("ct", ["--preset", "lung", "--frame", "3"], "Frame 3 does not exist"),
    (None, [], "does not exist"),
])
def test_what_cannot_be_rendered_exits_1_with_a_message(store, tmp_path, key, args, message):
    _, ids, _, _ = store
    out = tmp_path / "out.png"
    r = render(store, out, "--attachment", str(ids[key] if key else 99999), *args)
    assert r.returncode == 1
    assert message in r.stderr
    assert not out.exists()


def test_service_errors(store):
    _, ids, ctx, admin = store
    for key in ("report.pdf", "sr"):  # a PDF; a DICOM structured report (no pixel data)
        with pytest.raises(ValidationError, match="not an image"):
            ctx.rendering.render_attachment(admin, ids[key])
    with pytest.raises(ValidationError, match="DICOM images only"):
        ctx.rendering.render_attachment(admin, ids["slide.jpg"], preset="lung")
    with pytest.raises(ValidationError, match="greater than zero"):
        ctx.rendering.render_attachment(admin, ids["ct"], window=(40, 0))
    with pytest.raises(ValidationError, match="not both"):
        ctx.rendering.render_attachment(admin, ids["ct"], preset="lung", window=(40, 400))
    with pytest.raises(NotFound):
        ctx.rendering.render_attachment(admin, 99999)
    with pytest.raises(ValidationError, match="Unknown window preset"):
        ctx.rendering.render_attachment(admin, ids["ct"], preset="kidney")
    with pytest.raises(ValidationError, match="Frame 30 does not exist"):
        ctx.rendering.load_frame(admin, ids["ybr"], 30)


@pytest.mark.parametrize("args", [
    ["--attachment", "1", "--preset", "lung", "--window", "400", "--level", "40"],
    ["--attachment", "1", "--window", "400"],
    ["--attachment", "1", "--level", "40"],
    ["--attachment", "1", "--preset", "kidney"],
    ["--attachment", "1", "--size", "0x5"],
    ["--attachment", "1", "--window", "0", "--level", "40"],
    ["--attachment", "one"],
])
def test_usage_errors_exit_2(store, tmp_path, args):
    r = render(store, tmp_path / "out.png", *args)
    assert r.returncode == 2, r.stderr
    assert "usage:" in r.stderr


def test_missing_out_is_a_usage_error(store):
    r = run_cli("render", "--attachment", "1", "--data-dir", str(store[0].root))
    assert r.returncode == 2 and "--out" in r.stderr


def test_a_rendered_picture_leaving_the_app_is_in_the_audit_trail(store, tmp_path):
    from sqlalchemy import select

    from db.models import AuditEvent

    data_dir, ids, ctx, _ = store
    out = tmp_path / "ct.png"
    assert render(store, out, "--attachment", str(ids["ct"]), "--size", "64x64").returncode == 0
    with ctx.db.read() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "export", AuditEvent.entity == "attachment")
                       .order_by(AuditEvent.id.desc())).first()
    assert ev is not None and ev.entity_id == ids["ct"] and ev.case_id is not None and ev.patient_id is not None
    assert ev.new["file"] == "ct.png" and (ev.new["width"], ev.new["height"]) == Image.open(out).size
    assert ev.username == "cli"
    # a file that cannot be written is no export: exit 1, nothing recorded
    before = ev.id
    assert render(store, tmp_path / "missing" / "x.png", "--attachment", str(ids["ct"])).returncode == 1
    with ctx.db.read() as s:
        assert s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())) == before
