"""Import benchmark (issue 3): a 400-file uncompressed 512x512 CT series from a folder into a case
(hash, dedupe, metadata, decode check, grouping, one series thumbnail), then the same folder again.
Targets on the 2-core machine: first import <= 10 s, re-import <= 3 s (all duplicates).

    .venv/bin/python tests/bench/import_ct.py [--slices 400] [--work /tmp/mdt-desk-bench]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def make_series(folder: Path, n: int) -> None:
    import numpy as np
    import pydicom
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    folder.mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    yy, xx = np.mgrid[0:512, 0:512]
    body = ((xx - 256) ** 2 / 200**2 + (yy - 256) ** 2 / 150**2) < 1
    for i in range(n):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = pydicom.uid.CTImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = pydicom.Dataset()
        ds.file_meta = meta
        ds.PatientName, ds.PatientID, ds.Modality = "ZHANG^SAN", "ZY001", "CT"
        ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SeriesNumber, ds.InstanceNumber = study, series, 3, i + 1
        ds.StudyDate = "20261120"
        ds.ImagePositionPatient = [-180.0, -180.0, -200.0 + 1.25 * i]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing, ds.SliceThickness = [0.703, 0.703], 1.25
        ds.Rows = ds.Columns = 512
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.RescaleSlope, ds.RescaleIntercept, ds.WindowCenter, ds.WindowWidth = 1, -1024, 40, 400
        img = np.where(body, 1064 + (i % 50), 0).astype(np.int16)
        ds.PixelData = img.tobytes()
        ds.save_as(folder / f"IM{i:05d}", enforce_file_format=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--slices", type=int, default=400)
    ap.add_argument("--work", type=Path, default=Path("/tmp/mdt-desk-bench"))
    args = ap.parse_args()
    series = args.work / f"ct-{args.slices}"
    if not series.exists():
        t = time.perf_counter()
        make_series(series, args.slices)
        print(f"made {args.slices} slices in {time.perf_counter() - t:.1f} s at {series}")
    data = args.work / "import-data"
    shutil.rmtree(data, ignore_errors=True)

    from app.config import DataDir
    from app.context import open_context

    ctx = open_context(DataDir(data), create=True)
    actor = ctx.setup.initialise("基准测试医院", "admin", "Admin2026!")
    patient = ctx.patients.create(actor, name="张三", sex="M", hospital_number="ZY001")
    case = ctx.case_records.create(actor, patient.id, tumour_type="lung")
    size = sum(p.stat().st_size for p in series.iterdir()) / 1e6
    print(f"{args.slices} files, {size:.0f} MB")
    for label in ("first import", "re-import"):
        t0 = time.perf_counter()
        results = ctx.attachment_import.import_paths(actor, case.id, [series])
        t1 = time.perf_counter()
        rows = ctx.attachment_browse.series_for_case(actor, case.id)
        ctx.attachment_browse.thumbnail(actor, rows[0].attachment_ids[len(rows[0].attachment_ids) // 2])
        t2 = time.perf_counter()
        statuses = {s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "rejected")}
        print(f"{label:13} {t2 - t0:6.2f} s  (import {t1 - t0:.2f} s, grouping + thumbnail {t2 - t1:.2f} s)  "
              f"{statuses}  series: {len(rows)}")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
