"""The demo's extra imaging: a thin CT of ≥200 slices, a brain MR and a JPEG 2000 prior, all decodable and
in anatomical order, grouped as three series."""

from collections import defaultdict
from datetime import date

import numpy as np
import pydicom
from pydicom.uid import JPEG2000Lossless

from app.demo.imaging import CtSubject
from app.demo.imaging_extra import extra_series
from app.imaging.dicom_display import load_frame
from app.services.attachments import dicom_fields


def test_the_extra_series(tmp_path):
    subject = CtSubject("王建国", "ZY2026001", "M", date(1958, 3, 2), date(2026, 11, 1), "CT20261101001", "县医院")
    files = extra_series(tmp_path, subject)
    series = defaultdict(list)
    for path, day in files:
        f = dicom_fields(path)
        series[(f["modality"], f["series_description"], day)].append((f["slice_position"], path))
    by_kind = {(m, len(v)): (d, v) for (m, d, _day), v in series.items()}
    thin = next(v for (m, n), (_d, v) in by_kind.items() if m == "CT" and n >= 200)
    prior = next(v for (m, n), (d, v) in by_kind.items() if m == "CT" and "JPEG 2000" in d)
    mr = next(v for (m, _n), (_d, v) in by_kind.items() if m == "MR")
    assert len(series) == 3 and len(mr) >= 16
    for slices in (thin, prior, mr):
        positions = sorted(p for p, _path in slices)
        steps = np.diff(positions)
        assert len(set(positions)) == len(positions) and np.allclose(steps, steps[0])  # no gaps
    prior_file = pydicom.dcmread(prior[0][1])
    assert prior_file.file_meta.TransferSyntaxUID == JPEG2000Lossless
    frame = load_frame(prior[len(prior) // 2][1])
    assert frame.rows == 256 and frame.value_range[0] >= -1024
    assert str(prior_file.StudyDate) < f"{subject.study_date:%Y%m%d}"  # the prior is older
    mr_frame = load_frame(mr[len(mr) // 2][1])
    assert mr_frame.modality == "MR" and mr_frame.windows


def test_series_of_one_study_share_its_uid_and_a_rerun_gives_the_same_uids(tmp_path):
    from app.demo.imaging import write_ct_series

    subject = CtSubject("王建国", "ZY2026001", "M", date(1958, 3, 2), date(2026, 11, 1), "CT20261101001", "县医院")
    mediastinal = pydicom.dcmread(write_ct_series(tmp_path / "a", subject, 2)[0])
    thin = pydicom.dcmread(write_ct_series(tmp_path / "b", subject, 2, size=64, series="thin")[0])
    again = pydicom.dcmread(write_ct_series(tmp_path / "c", subject, 2)[0])
    assert mediastinal.StudyInstanceUID == thin.StudyInstanceUID
    assert mediastinal.SeriesInstanceUID != thin.SeriesInstanceUID
    assert (again.StudyInstanceUID, again.SOPInstanceUID) == (mediastinal.StudyInstanceUID, mediastinal.SOPInstanceUID)
    assert all(len(u) <= 64 for u in (thin.StudyInstanceUID, thin.SeriesInstanceUID, thin.SOPInstanceUID))
