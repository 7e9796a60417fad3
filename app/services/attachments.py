"""Attachments: files stored once in the content-addressed store, metadata in the database.

The foundation stores single files with their DICOM identity and geometry; folder/CD import with progress,
patient-mismatch checks and thumbnails grow with the case-preparation issue.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from db.blobs import BlobStore
from db.models import Attachment, Case

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"}


def is_slide(path: Path) -> bool:
    """A whole-slide image (SVS, NDPI, MRXS...) or a pyramidal tiled TIFF, read through OpenSlide."""
    from app.imaging.slides.opening import SLIDE_SUFFIXES, slide_format

    suffix = path.suffix.lower()
    return (suffix in SLIDE_SUFFIXES or suffix in (".tif", ".tiff")) and slide_format(path) is not None


def dicom_fields(path: Path) -> dict | None:
    """Identity and geometry of a DICOM file, or None when it is not DICOM."""
    import numpy as np
    import pydicom
    from pydicom.errors import InvalidDicomError

    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
    except InvalidDicomError:
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
        except (InvalidDicomError, OSError, ValueError, EOFError):
            return None
        if "SOPClassUID" not in ds:
            return None
    except (OSError, ValueError, EOFError):
        return None
    position = None
    ipp, iop = ds.get("ImagePositionPatient"), ds.get("ImageOrientationPatient")
    if ipp is not None and iop is not None and len(ipp) == 3 and len(iop) == 6:
        normal = np.cross(np.array(iop[:3], float), np.array(iop[3:], float))
        position = float(np.dot(normal, np.array(ipp, float)))
    return {
        "patient_name_dicom": str(ds.get("PatientName", "")),
        "patient_id_dicom": str(ds.get("PatientID", "")),
        "study_uid": str(ds.get("StudyInstanceUID", "")),
        "series_uid": str(ds.get("SeriesInstanceUID", "")),
        "sop_uid": str(ds.get("SOPInstanceUID", "")),
        "modality": str(ds.get("Modality", "")),
        "study_description": str(ds.get("StudyDescription", "")),
        "series_description": str(ds.get("SeriesDescription", "")),
        "series_number": int(ds.SeriesNumber) if ds.get("SeriesNumber") not in (None, "") else None,
        "instance_number": int(ds.InstanceNumber) if ds.get("InstanceNumber") not in (None, "") else None,
        "slice_position": position,
        "frames": int(ds.get("NumberOfFrames", 1) or 1),
        "rows": int(ds.Rows) if "Rows" in ds else None,
        "columns": int(ds.Columns) if "Columns" in ds else None,
        "meta": {"orientation": [float(v) for v in iop] if iop is not None and len(iop) == 6 else None},
    }


def store_file(s: Session, blobs: BlobStore, actor: Actor | None, case: Case, path: Path,
               label: str = "other", *, is_key: bool = False, title: str = "") -> tuple[Attachment, bool]:
    """Store `path` for `case` inside the caller's transaction; (attachment, created)."""
    sha, size = blobs.put_file(path)
    existing = s.execute(
        select(Attachment).where(Attachment.case_id == case.id, Attachment.sha256 == sha)
    ).scalar_one_or_none()
    if existing is not None:
        return existing, False
    fields = dicom_fields(path)
    if fields is not None:
        kind, media_type = "dicom", "application/dicom"
    elif is_slide(path):
        kind, media_type, fields = "slide", mimetypes.guess_type(path.name)[0] or "image/x-whole-slide", {}
    elif path.suffix.lower() in PHOTO_SUFFIXES:
        kind, media_type, fields = "photo", mimetypes.guess_type(path.name)[0] or "image/*", {}
    elif path.suffix.lower() == ".pdf":
        kind, media_type, fields = "pdf", "application/pdf", {}
    else:
        kind, media_type, fields = "other", mimetypes.guess_type(path.name)[0] or "application/octet-stream", {}
    a = Attachment(case_id=case.id, sha256=sha, size=size, original_name=path.name[:260], media_type=media_type,
                   kind=kind, label=label, is_key=is_key, title=title,
                   imported_by=actor.user_id if actor else None, **fields)
    s.add(a)
    s.flush()
    audit_chain.record(s, actor, "create", "attachment", a.id, case_id=case.id, patient_id=case.patient_id,
                       new={"name": a.original_name, "sha256": sha, "kind": kind, "label": label})
    return a, True


class AttachmentService(Service):
    def add_file(self, actor: Actor, case_id: int, path: Path, label: str = "other") -> int:
        self.require(actor, "attachment.add")
        with self.db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {id} does not exist."), id=case_id)
            a, _created = store_file(s, self.ctx.blobs, actor, case, path, label)
            self.ctx.setup.mark_real_data(s)
            return a.id
