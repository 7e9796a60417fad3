"""Material for the viewer tests (no tests here): a 20-slice series attached through the services, events."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
from pydicom.dataset import FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_attachments_data import make_case, make_series

from ui.viewer import ImageViewer


def attach_series(session, tmp_path: Path, n: int = 20, size: int = 64) -> tuple[int, tuple[int, ...]]:
    case_id = make_case(session)
    make_series(tmp_path / "cd" / "S1", n, size=size)
    session.ctx.attachment_import.import_paths(session.actor, case_id, [tmp_path / "cd"])
    [series] = session.ctx.attachment_browse.series_for_case(session.actor, case_id)
    assert len(series.attachment_ids) == n
    return case_id, series.attachment_ids


def attach_file(session, case_id: int, path: Path) -> int:
    session.ctx.attachment_import.import_paths(session.actor, case_id, [path])
    rows = session.ctx.attachment_browse.list_for_case(session.actor, case_id)
    return next(r.id for r in rows if r.name == path.name)


def stored_path(ctx, attachment_id: int) -> Path:
    from db.models import Attachment

    with ctx.db.read() as s:
        sha = s.execute(select(Attachment.sha256).where(Attachment.id == attachment_id)).scalar_one()
    return ctx.blobs.path_for(sha)


def make_detector_image(path: Path) -> Path:
    """A digital radiograph that knows only its Imager Pixel Spacing (at the detector, not in the patient)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = pydicom.uid.DigitalXRayImageStorageForPresentation
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = pydicom.Dataset()
    ds.file_meta = meta
    ds.PatientName, ds.PatientID, ds.Modality = "SUN^LI", "ZY0101", "DX"
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.ImagerPixelSpacing = [0.143, 0.143]
    ds.Rows, ds.Columns = 48, 64
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.PixelData = (np.arange(48 * 64, dtype=np.uint16).reshape(48, 64) % 4096).tobytes()
    ds.save_as(path, enforce_file_format=True)
    return path


def open_viewer(qtbot, session, case_id: int, ids=None, attachment=None) -> ImageViewer:
    viewer = ImageViewer(session, case_id)
    qtbot.addWidget(viewer)
    viewer.resize(900, 650)
    viewer.show()
    if ids is not None:
        viewer.open_series(list(ids))
    else:
        viewer.open_attachment(attachment)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    return viewer


def wheel(widget, notches: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """`notches` > 0: away from the user (previous slice)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def drag(widget, button, start: QPoint, end: QPoint) -> None:
    def send(kind, pos, buttons, which):
        p = QPointF(pos)
        QApplication.sendEvent(widget, QMouseEvent(kind, p, widget.mapToGlobal(p), which, buttons,
                                                   Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, start, button, button)
    send(QEvent.Type.MouseMove, (start + end) / 2, button, Qt.MouseButton.NoButton)
    send(QEvent.Type.MouseMove, end, button, Qt.MouseButton.NoButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, button)


def painted_sequence(viewer) -> list[int]:
    """The slice indices painted, consecutive repeats folded."""
    out: list[int] = []
    for index, _own in viewer.painted:
        if not out or out[-1] != index:
            out.append(index)
    return out
