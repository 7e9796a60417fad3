"""More imaging for the live lung case: a thin-slice CT reconstruction (≥200 slices), a brain MR for
staging (metastases?) and a prior CT from another hospital stored JPEG 2000 lossless, three months older.

They make the viewer's series browser, side-by-side prior vs current, long-stack scrolling and the worker
processes for compressed files visible in the demo. 256×256 keeps `python -m app demo` quick.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np

from app.demo.imaging import CtSubject, _uid, write_ct_series

MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4"
THIN_SLICES, THIN_MM = 200, 1.6
PRIOR_SLICES, PRIOR_MM = 40, 8.0
MR_SLICES, MR_SIZE, MR_MM = 20, 256, 6.0


def _brain(size: int, t: float, rng: np.random.Generator) -> np.ndarray:
    """An axial T1 post-contrast slice at height t (0 skull base .. 1 vertex): scalp fat bright, skull dark,
    grey/white matter, ventricles, and a small ring-enhancing lesion in the right frontal lobe."""
    c = (np.arange(size, dtype=np.float32) - size / 2 + 0.5) / (size / 2)
    x, y = c[np.newaxis, :], c[:, np.newaxis]
    shrink = max(0.25, 1.0 - ((t - 0.45) / 0.62) ** 2)
    a, b = 0.72 * shrink, 0.86 * shrink
    r = np.sqrt((x / a) ** 2 + (y / b) ** 2)
    img = np.zeros((size, size), np.float32)
    img[r < 1.0] = 900.0  # scalp fat
    img[r < 0.95] = 80.0  # skull
    img[r < 0.89] = 560.0  # grey matter
    img[r < 0.70] = 700.0  # white matter
    if 0.35 < t < 0.7:
        for side in (-1, 1):
            v = ((x - side * 0.08) / 0.05) ** 2 + ((y + 0.05) / 0.25) ** 2 < 1
            img[v] = 180.0  # CSF in the lateral ventricles
    if 0.45 < t < 0.65:
        d = np.sqrt((x + 0.32) ** 2 + (y + 0.38) ** 2)
        img[(d < 0.075) & (d > 0.045)] = 1200.0  # enhancing rim
        img[d <= 0.045] = 420.0  # necrotic centre
    img += rng.normal(0.0, 18.0, img.shape).astype(np.float32)
    return np.clip(img, 0, 4095).astype(np.uint16)


def write_mr_series(folder: Path, subject: CtSubject, slices: int = MR_SLICES) -> list[Path]:
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import PYDICOM_IMPLEMENTATION_UID, ExplicitVRLittleEndian

    folder.mkdir(parents=True, exist_ok=True)
    key = f"{subject.patient_id}|{subject.study_date:%Y%m%d}|mr"
    rng = np.random.default_rng(20261124)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MR_IMAGE_STORAGE
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "M", "ND"]
    ds.SOPClassUID = MR_IMAGE_STORAGE
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = f"{subject.study_date:%Y%m%d}"
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = "141500"
    ds.AccessionNumber = subject.accession
    ds.Modality = "MR"
    ds.Manufacturer = "MDT Desk demo phantom"
    ds.InstitutionName = subject.institution
    ds.ReferringPhysicianName = ""
    ds.StudyDescription = "头颅MR增强"
    ds.SeriesDescription = "T1 增强 轴位"
    ds.PatientName, ds.PatientID = subject.name, subject.patient_id
    ds.PatientBirthDate = f"{subject.birth_date:%Y%m%d}"
    ds.PatientSex = subject.sex if subject.sex in ("M", "F") else "O"
    ds.BodyPartExamined = "HEAD"
    ds.ScanningSequence, ds.SequenceVariant, ds.MRAcquisitionType = "SE", "NONE", "2D"
    ds.RepetitionTime, ds.EchoTime, ds.MagneticFieldStrength = 550, 12, 1.5
    ds.SliceThickness = ds.SpacingBetweenSlices = MR_MM
    ds.StudyInstanceUID, ds.SeriesInstanceUID = _uid(key, "study"), _uid(key, "series")
    ds.FrameOfReferenceUID = _uid(key, "frame")
    ds.StudyID, ds.SeriesNumber = "1", 5
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    spacing = 230.0 / MR_SIZE
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.Rows = ds.Columns = MR_SIZE
    ds.PixelSpacing = [spacing, spacing]
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.WindowCenter, ds.WindowWidth = 620, 1100
    paths = []
    for i in range(slices):
        z = -40.0 + i * MR_MM
        sop = _uid(key, "image", str(i))
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = sop
        ds.InstanceNumber = i + 1
        ds.ImagePositionPatient = [-(MR_SIZE / 2 - 0.5) * spacing, -(MR_SIZE / 2 - 0.5) * spacing, z]
        ds.SliceLocation = z
        ds.PixelData = _brain(MR_SIZE, i / (slices - 1), rng).tobytes()
        path = folder / f"MR{i + 1:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def extra_series(tmp: Path, subject: CtSubject) -> list[tuple[Path, object]]:
    """(file, study day) of every extra file, written under `tmp`."""
    prior_day = subject.study_date - timedelta(days=92)
    prior = replace(subject, study_date=prior_day, institution="外院（上级医院）",
                    accession=f"EXT{prior_day:%Y%m%d}")
    out: list[tuple[Path, object]] = []
    out += [(p, subject.study_date) for p in write_ct_series(
        tmp / "ct-thin", subject, THIN_SLICES, size=256, thickness=THIN_MM, series="thin",
        description="胸部 1.6mm 薄层 肺窗", series_number=3)]
    mr_day = subject.study_date + timedelta(days=1)
    mr = replace(subject, study_date=mr_day, accession=f"MR{mr_day:%Y%m%d}")
    out += [(p, mr_day) for p in write_mr_series(tmp / "mr", mr)]
    out += [(p, prior_day) for p in write_ct_series(
        tmp / "ct-prior", prior, PRIOR_SLICES, size=256, thickness=PRIOR_MM, series="prior",
        description="外院胸部CT 8mm（JPEG 2000）", series_number=2, j2k=True)]
    return out
