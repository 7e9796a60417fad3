"""Attaching files, folders and discs: every file gets a result; originals stored once, byte-exact."""

import json
import shutil
from pathlib import Path

import numpy as np
import pydicom
import pytest
from cli_helpers import run_cli
from pydicom.dataset import FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from app.services.integrity import check_data_dir

PYDICOM_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
# Files in pydicom's own test set that are broken on purpose, or are not images at all.
EXPECTED_REJECTED = {"MR_truncated.dcm", "badVR.dcm", "meta_missing_tsyntax.dcm", "nested_priv_SQ.dcm",
                     "JPEG2000-embedded-sequence-delimiter.dcm", "no_meta.dcm", "README.txt", "README",
                     "crayons.icc", "rtplan.dump", "rtstruct.dump", "test1.json", "test_PN.json", "zipMR.gz",
                     "DICOMDIR", "JPEG-lossy.dcm"}  # 12-bit JPEG with a misplaced marker: no decoder takes it


def make_series(folder: Path, n: int, patient_name="张三", patient_id="ZY001") -> list[float]:
    """A CT series with real geometry, written in shuffled file order; returns the z positions."""
    folder.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    zs = [-100.0 + 2.5 * i for i in range(n)]
    order = np.random.default_rng(7).permutation(n)
    for file_no, i in enumerate(order):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = pydicom.uid.CTImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = pydicom.Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.PatientName, ds.PatientID, ds.Modality = patient_name, patient_id, "CT"
        ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SeriesNumber = study, series, 2
        ds.StudyDate = "20261120"
        ds.InstanceNumber = n - int(i)  # deliberately backwards: sorting must use geometry
        ds.ImagePositionPatient = [-160.0, -160.0, zs[i]]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing, ds.SliceThickness = [0.625, 0.625], 2.5
        ds.Rows = ds.Columns = 32
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.RescaleSlope, ds.RescaleIntercept = 1, -1024
        ds.PixelData = (np.full((32, 32), int(i) * 10, dtype=np.int16)).tobytes()
        ds.save_as(folder / f"IM{file_no:04d}", enforce_file_format=True)
    return zs


@pytest.fixture
def case(ctx, admin):
    p = ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001")
    return ctx.case_records.create(admin, p.id, tumour_type="lung")


def test_pydicom_test_files_decodable_ones_imported_broken_ones_rejected_with_reasons(ctx, admin, case):
    results = ctx.attachment_import.import_paths(admin, case.id, [PYDICOM_FILES])
    rejected = {Path(r.path).name: r.reason for r in results if r.status == "rejected"}
    assert set(rejected) == EXPECTED_REJECTED
    assert all(reason for reason in rejected.values())
    assert "truncated" in rejected["MR_truncated.dcm"] or "less than expected" in rejected["MR_truncated.dcm"]
    imported = [r for r in results if r.status == "imported"]
    assert len(imported) > 100
    names = {Path(r.path).name for r in imported}
    assert {"CT_small.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm", "JPEGLSNearLossless_16.dcm",
            "MR_small_jpeg_ls_lossless.dcm", "SC_rgb_jpeg_dcmtk.dcm", "ExplVR_BigEndNoMeta.dcm"} <= names
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok


def test_a_series_from_a_folder_is_one_series_in_anatomical_order(ctx, admin, case, tmp_path):
    zs = make_series(tmp_path / "cd" / "DICOM", 40)
    results = ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "cd"])
    assert [r.status for r in results] == ["imported"] * 40
    assert all(not r.warnings for r in results)  # same patient: nothing flagged
    from sqlalchemy import select

    from db.models import Attachment

    with ctx.db.read() as s:
        rows = s.execute(select(Attachment.series_uid, Attachment.slice_position)
                         .where(Attachment.case_id == case.id).order_by(Attachment.slice_position)).all()
    assert len({r.series_uid for r in rows}) == 1
    assert [r.slice_position for r in rows] == sorted(zs)


def test_reimporting_gives_duplicates_and_stores_nothing_new(ctx, admin, case, tmp_path):
    make_series(tmp_path / "s", 10)
    ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "s"])
    blobs_before = sorted(p.name for p in ctx.data_dir.blobs.rglob("*") if p.is_file())
    again = ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "s"])
    assert {r.status for r in again} == {"duplicate"}
    assert sorted(p.name for p in ctx.data_dir.blobs.rglob("*") if p.is_file()) == blobs_before


def test_another_patients_images_are_flagged(ctx, admin, case, tmp_path):
    make_series(tmp_path / "other", 3, patient_name="LI^SI", patient_id="ZY999")
    results = ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "other"])
    assert all(r.status == "imported" and "does not match" in r.warnings[0] for r in results)


def test_photos_with_exif_and_a_damaged_photo(ctx, admin, case, tmp_path):
    from PIL import Image

    im = Image.new("RGB", (64, 48), (200, 120, 160))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: the viewer must turn it upright
    exif[0x9003] = "2026:11:20 10:00:00"
    im.save(tmp_path / "slide.jpg", exif=exif)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    results = {Path(r.path).name: r for r in ctx.attachment_import.import_paths(admin, case.id, [tmp_path])}
    assert results["slide.jpg"].status == "imported" and results["slide.jpg"].kind == "photo"
    assert results["broken.png"].status == "rejected" and "damaged" in results["broken.png"].reason


def test_attach_cli_contract(tmp_path):
    d = str(tmp_path / "d")
    assert run_cli("init", "--hospital", "医院", "--admin", "admin", "--password-stdin", "--data-dir", d,
                   stdin="Admin2026!\n").returncode == 0
    from app.config import DataDir
    from app.context import open_context

    c = open_context(DataDir(Path(d)))
    actor = c.auth.login("admin", "Admin2026!")
    p = c.patients.create(actor, name="张三", sex="M", hospital_number="ZY001")
    case_no = c.case_records.create(actor, p.id, tumour_type="lung").case_no
    c.close()
    folder = tmp_path / "usb"
    make_series(folder, 5)
    shutil.copy(PYDICOM_FILES / "MR_truncated.dcm", folder)
    r = run_cli("attach", "--case", case_no, str(folder), "--user", "admin", "--password-stdin", "--json",
                "--data-dir", d, stdin="Admin2026!\n")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert sorted(x["status"] for x in rows) == ["imported"] * 5 + ["rejected"]
    assert {"path", "status", "attachment_id", "kind", "reason"} <= set(rows[0])
    r = run_cli("attach", "--case", "MDT-1999-0001", str(folder), "--user", "admin", "--password-stdin",
                "--data-dir", d, stdin="Admin2026!\n")
    assert r.returncode == 1 and "no case" in r.stderr.lower()


def test_a_whole_series_is_marked_in_one_audited_step(ctx, admin, case, tmp_path):
    from db.models import AuditEvent

    make_series(tmp_path / "s", 12)
    ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "s"])
    ids = list(ctx.attachment_browse.series_for_case(admin, case.id)[0].attachment_ids)
    with ctx.db.read() as s:
        before = s.query(AuditEvent).count()
    assert ctx.attachment_browse.update_many(admin, ids, label="pathology", is_key=True) == 12
    rows = ctx.attachment_browse.list_for_case(admin, case.id)
    assert {(r.label, r.is_key) for r in rows} == {("pathology", True)}
    with ctx.db.read() as s:
        assert s.query(AuditEvent).count() == before + 1
    assert ctx.attachment_browse.update_many(admin, ids, is_key=True) == 0  # nothing changed, nothing logged
