"""Attachments: files stored once in the content-addressed store, metadata in the database.

The foundation stores single files with their DICOM identity and geometry; folder/CD import with progress,
patient-mismatch checks and thumbnails grow with the case-preparation issue.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
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
        try:  # old CDs: no preamble; bytes that merely parse (a photo, a text) are not DICOM
            ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
            if not str(ds.get("SOPClassUID", "")).startswith("1.2.840.10008."):
                return None
        except Exception:  # noqa: BLE001 - pydicom raises many kinds on bytes that are not DICOM at all
            return None
    except (OSError, ValueError, EOFError):
        return None
    ds.get("SOPClassUID")  # parsed on access: a damaged one refuses the file here, as the folder import does
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


def checked_fields(path: Path) -> dict | None:
    """`dicom_fields`, with a damaged file refused by a ValidationError that says why (pydicom parses elements
    lazily and raises many kinds of error for a damaged one: a Series Number that is no number, an unknown VR,
    a truncated header)."""
    if not path.is_file():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} cannot be read: it is not a file, or access is "
                                                          "denied."), field="file", name=path.name)
    try:
        return dicom_fields(path)
    except Exception as e:  # noqa: BLE001 - whatever pydicom raises, the file is refused, never half-stored
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is a damaged DICOM file and was not attached "
                                                          "({reason})."), field="file", name=path.name,
                              reason=f"{type(e).__name__}: {str(e)[:200]}") from e


def store_file(s: Session, blobs: BlobStore, actor: Actor | None, case: Case, path: Path,
               label: str = "other", *, is_key: bool = False, title: str = "") -> tuple[Attachment, bool]:
    """Store `path` for `case` inside the caller's transaction; (attachment, created). The header is read
    first, so a damaged file is refused before anything is written to the store."""
    fields = checked_fields(path)
    sha, size = blobs.put_file(path)
    existing = s.execute(
        select(Attachment).where(Attachment.case_id == case.id, Attachment.sha256 == sha)
    ).scalar_one_or_none()
    if existing is not None:
        return existing, False
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
