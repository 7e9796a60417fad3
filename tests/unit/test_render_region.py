"""`python -m app render --region X,Y,W,H --level L`: a slide's or photo's rectangle, at a pyramid level,
matching the source pixels; exit 1 with a message for what cannot be rendered, 2 for misuse."""

from pathlib import Path

import numpy as np
import pytest
from cli_helpers import ADMIN_PASSWORD, run_cli
from PIL import Image
from slide_samples import make_png_bomb, make_pyramid_tiff, make_sideways_photo

from app.imaging.slides.pyramid import halve


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from app.config import DataDir
    from app.context import open_context

    root = tmp_path_factory.mktemp("region")
    rgb = make_pyramid_tiff(root / "src" / "scan.tif", 1500, 1100, mpp=0.25)
    make_sideways_photo(root / "src" / "HE.jpg")
    (root / "src" / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    data_dir = DataDir(root / "data")
    ctx = open_context(data_dir, create=True)
    ctx.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
    admin = ctx.auth.login("admin", ADMIN_PASSWORD)
    patient = ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001")
    case = ctx.case_records.create(admin, patient.id, tumour_type="lung")
    results = ctx.attachment_import.import_paths(admin, case.id, [root / "src"])
    ids = {Path(r.path).name: r.attachment_id for r in results}
    kinds = {Path(r.path).name: r.kind for r in results}
    assert kinds["scan.tif"] == "slide" and kinds["HE.jpg"] == "photo"
    ids["bomb.png"] = ctx.attachments.add_file(admin, case.id, make_png_bomb(root / "bomb.png", 13000, 13500))
    ctx.close()
    return data_dir, ids, rgb


def render(store, out: Path, *args: str):
    return run_cli("render", *args, "--out", str(out), "--data-dir", str(store[0].root))


def png(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def test_a_region_at_full_resolution_matches_the_source_pixels(store, tmp_path):
    _, ids, rgb = store
    out = tmp_path / "r.png"
    r = render(store, out, "--attachment", str(ids["scan.tif"]), "--region", "200,100,400,300", "--level", "0")
    assert r.returncode == 0, r.stderr
    assert "400×300" in r.stdout
    assert np.abs(png(out) - rgb[100:400, 200:600]).mean() < 2.5


def test_a_coarser_level_gives_the_region_at_that_resolution_and_size_fits_it(store, tmp_path):
    _, ids, rgb = store
    out = tmp_path / "l1.png"
    r = render(store, out, "--attachment", str(ids["scan.tif"]), "--region", "0,0,1500,1100", "--level", "1")
    assert r.returncode == 0, r.stderr
    assert np.abs(png(out) - halve(rgb)).mean() < 2.5
    small = tmp_path / "fit.png"
    r = render(store, small, "--attachment", str(ids["scan.tif"]), "--region", "0,0,1500,1100", "--level", "2",
               "--size", "150x150")
    assert r.returncode == 0, r.stderr
    assert png(small).shape == (110, 150, 3)


def test_a_photo_region_is_cut_from_the_upright_picture(store, tmp_path):
    _, ids, _ = store
    out = tmp_path / "p.png"
    r = render(store, out, "--attachment", str(ids["HE.jpg"]), "--region", "36,0,12,12")
    assert r.returncode == 0, r.stderr
    corner = png(out)[2:10, 2:10].mean(axis=(0, 1))
    assert corner[2] > 150 and corner[0] < 80  # the blue corner, top right once upright


@pytest.mark.parametrize("key,args,message", [
    ("scan.tif", ["--region", "5000,5000,10,10"], "outside the image"),
    ("scan.tif", ["--region", "0,0,10,10", "--level", "7"], "Level 7 does not exist"),
    ("report.pdf", ["--region", "0,0,10,10"], "not an image"),
    ("bomb.png", ["--region", "0,0,10,10"], "too large to open safely"),
    ("bomb.png", [], "too large to open safely"),
])
def test_what_cannot_be_rendered_exits_1_with_a_message(store, tmp_path, key, args, message):
    _, ids, _ = store
    out = tmp_path / "x.png"
    r = render(store, out, "--attachment", str(ids[key]), *args)
    assert r.returncode == 1, r.stderr
    assert message in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("args", [
    ["--region", "0,0,0,10"],
    ["--region", "0,0,10,10", "--level", "1.5"],
    ["--region", "0,0,10,10", "--window", "400"],
])
def test_misuse_of_region_exits_2(store, tmp_path, args):
    r = render(store, tmp_path / "x.png", "--attachment", "1", *args)
    assert r.returncode == 2, r.stderr
    assert "usage:" in r.stderr
