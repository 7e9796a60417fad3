"""Series for the viewer tests (no tests here): chosen spacing, start, missing slices, JPEG 2000, attached
through the services. Every slice's pixels hold its number, so a test can tell which slice is shown."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid
from test_attachments_data import make_case


def write_series(folder: Path, n: int, *, spacing: float = 2.5, start: float = 0.0, skip=(), size: int = 32,
                 description: str = "CT", study_date: str = "20260312", j2k: bool = False) -> list[Path]:
    """Slices 0..n-1 at start + i*spacing, leaving out the numbers in `skip`; pixel value 100 + i."""
    folder.mkdir(parents=True, exist_ok=True)
    study, series = generate_uid(), generate_uid()
    yy, xx = np.mgrid[0:size, 0:size]
    files = []
    for i in range(n):
        if i in skip:
            continue
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CTImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = pydicom.Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.PatientName, ds.PatientID, ds.Modality = "SUN^LI", "ZY0101", "CT"
        ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SeriesNumber = study, series, 2
        ds.SeriesDescription, ds.StudyDate, ds.InstanceNumber = description, study_date, i + 1
        ds.ImagePositionPatient = [-100.0, -100.0, start + spacing * i]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing, ds.SliceThickness = [0.5, 0.5], spacing
        ds.Rows = ds.Columns = size
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.RescaleSlope, ds.RescaleIntercept, ds.WindowCenter, ds.WindowWidth = 1, 0, 100, 400
        pixels = np.full((size, size), 100 + i, np.int16)
        pixels[(xx + yy) % 7 == 0] = 0  # some texture, so a codec has something to do
        ds.PixelData = pixels.tobytes()
        if j2k:
            from pydicom.uid import JPEG2000Lossless

            ds.compress(JPEG2000Lossless, encoding_plugin="pylibjpeg")
        path = folder / f"IM{i:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        files.append(path)
    return files


def attach(session, folder: Path, case_id: int | None = None) -> tuple[int, list]:
    """Import `folder` into a (new) case; (case id, its series rows)."""
    case_id = case_id if case_id is not None else make_case(session)
    session.ctx.attachment_import.import_paths(session.actor, case_id, [folder])
    return case_id, session.ctx.attachment_browse.series_for_case(session.actor, case_id)


def shown_value(viewer) -> int:
    """The stored value of the slice on screen (100 + its number in write_series)."""
    frame = viewer.current_frame()
    return int(frame.pixels.max())
