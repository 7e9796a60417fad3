"""Material for the attachment panel tests (no tests here): a case, DICOM series, a photo, a PDF, a broken file.

The series are real DICOM files written with pydicom (geometry, pixel data), in shuffled file order like
a CD; the photo is a real JPEG written with Pillow.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

PATIENT = ("孙丽", "F", "ZY0101")  # name, sex, inpatient no. (not in ui_data: a patient of its own)


def make_case(session) -> int:
    ctx, actor = session.ctx, session.actor
    name, sex, number = PATIENT
    patient = ctx.patients.create(actor, name=name, sex=sex, hospital_number=number)
    return ctx.case_records.create(actor, patient.id, tumour_type="lung").id


def phantom(size: int, z: float) -> np.ndarray:
    """A body-like ellipse with a bright spot, changing along z (so previews show a picture)."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float64) / size - 0.5
    body = (x / 0.42) ** 2 + (y / 0.32) ** 2 < 1
    spot = (x - 0.12 - z / 2000) ** 2 + (y + 0.05) ** 2 < 0.004
    image = np.where(body, 40, -1000) + np.where(spot, 900, 0)
    return image.astype(np.int16) + 1024


def make_series(folder: Path, n: int, *, patient_name: str = "SUN^LI", patient_id: str = PATIENT[2],
                size: int = 16, description: str = "胸部平扫", modality: str = "CT") -> list[Path]:
    """n slices of one CT series, files in shuffled order; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    study, series = generate_uid(), generate_uid()
    order = np.random.default_rng(11).permutation(n)
    files = []
    for file_no, i in enumerate(order):
        z = -150.0 + 2.5 * float(i)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CTImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = pydicom.Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.PatientName, ds.PatientID, ds.Modality = patient_name, patient_id, modality
        ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SeriesNumber = study, series, 3
        ds.SeriesDescription = description
        ds.StudyDate = "20260312"
        ds.InstanceNumber = int(i) + 1
        ds.ImagePositionPatient = [-160.0, -160.0, z]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing, ds.SliceThickness = [320 / size, 320 / size], 2.5
        ds.Rows = ds.Columns = size
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.RescaleSlope, ds.RescaleIntercept = 1, -1024
        ds.WindowCenter, ds.WindowWidth = 40, 400
        ds.PixelData = phantom(size, z).tobytes()
        path = folder / f"IM{file_no:04d}"
        ds.save_as(path, enforce_file_format=True)
        files.append(path)
    return files


def make_photo(path: Path, size: tuple[int, int] = (320, 240)) -> Path:
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (236, 200, 214))
    draw = ImageDraw.Draw(image)
    w, h = size
    for k in range(14):
        cx, cy = (37 * k) % w, (53 * k + 20) % h
        draw.ellipse((cx - 18, cy - 12, cx + 18, cy + 12), fill=(120 + 6 * k, 40, 140), outline=(70, 20, 90))
    image.save(path, "JPEG", quality=85)
    return path


def make_pdf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def make_broken_dicom(path: Path, source: Path) -> Path:
    """A DICOM file cut in the middle of its pixel data, as a scratched CD gives."""
    data = source.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: len(data) - 200])
    return path


def make_disc(root: Path, slices: int = 12) -> dict[str, Path]:
    """A folder like a patient's CD: one CT series, a pathology photo, a PDF report."""
    series = make_series(root / "DICOM" / "S1", slices)
    return {"root": root, "series": series[0].parent, "photo": make_photo(root / "病理" / "HE染色.jpg"),
            "pdf": make_pdf(root / "报告" / "CT报告.pdf")}
