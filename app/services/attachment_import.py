"""Importing files, folders and whole CDs/USB sticks into a case, with a result for every file.

Every file is read and, for images, its first frame decoded before it is accepted: a file the viewer could
not show is rejected here with the reason, while the rest goes on. Originals are stored byte-exact.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services.attachments import PHOTO_SUFFIXES, is_slide
from app.services.base import Service
from db.models import Attachment, Case, Patient

MAX_PHOTO_PIXELS = 1_000_000_000  # larger is treated as a decompression bomb
BATCH = 50
DICOMDIR_SOP = "1.2.840.10008.1.3.10"


@dataclass(frozen=True)
class FileResult:
    path: str
    status: str  # imported | duplicate | rejected
    attachment_id: int | None = None
    kind: str = ""
    reason: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class _Inspected:
    kind: str
    media_type: str
    fields: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class Rejected(Exception):
    pass


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, in a stable order; hidden files and folders are skipped."""
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield p


def _dicom_date(value) -> date | None:
    try:
        return datetime.strptime(str(value)[:8], "%Y%m%d").date() if value else None
    except ValueError:
        return None


def _inspect_dicom(path: Path) -> _Inspected | None:
    import pydicom
    from pydicom.errors import InvalidDicomError

    from app.services.attachments import dicom_fields

    try:
        ds = pydicom.dcmread(path)
    except InvalidDicomError:
        # Old CDs carry DICOM without the 128-byte preamble and meta header; accept them only when the
        # forced read finds a real SOP instance, not whatever bytes happen to parse.
        try:
            ds = pydicom.dcmread(path, force=True)
            if not str(ds.get("SOPClassUID", "")).startswith("1.2.840.10008."):
                return None
        except Exception:  # noqa: BLE001 - bytes that merely parse, or not even that: not DICOM
            return None
    except Exception as e:  # a truncated or malformed file: pydicom raises many kinds
        raise Rejected(f"damaged DICOM file: {type(e).__name__}: {e}") from e
    try:  # elements are parsed on first access: a damaged one (e.g. an unknown VR) raises only here
        sop_class = str(ds.get("SOPClassUID", ""))
    except Exception as e:  # noqa: BLE001
        raise Rejected(f"damaged DICOM header: {type(e).__name__}: {str(e)[:200]}") from e
    if sop_class == DICOMDIR_SOP or path.name.upper() == "DICOMDIR":
        raise Rejected("DICOMDIR index of the disc, not an image (the images it lists are imported)")
    if "PixelData" in ds:
        try:
            from pydicom.pixels import pixel_array

            pixel_array(ds, index=0)
        except BaseException as e:  # pylibjpeg-rle's Rust panics arrive as pyo3 PanicException, a BaseException
            if isinstance(e, KeyboardInterrupt | SystemExit):
                raise
            syntax = getattr(ds.file_meta, "TransferSyntaxUID", None)
            name = getattr(syntax, "name", str(syntax))
            raise Rejected(f"image cannot be decoded ({name}): {type(e).__name__}: {e}") from e
    try:  # elements are parsed lazily: a damaged one (bad VR, a number that is not) shows only now
        fields = dicom_fields(path) or {}
        fields["taken_on"] = _dicom_date(ds.get("StudyDate") or ds.get("SeriesDate") or ds.get("ContentDate"))
    except Exception as e:  # noqa: BLE001 - pydicom raises many kinds for a damaged header
        raise Rejected(f"damaged DICOM header: {type(e).__name__}: {str(e)[:200]}") from e
    return _Inspected("dicom", "application/dicom", fields)


def _inspect_photo(path: Path) -> _Inspected:
    from PIL import ExifTags, Image

    try:
        with Image.open(path) as im:
            if im.width * im.height > MAX_PHOTO_PIXELS:
                raise Rejected(f"image too large ({im.width}×{im.height} pixels): refused as a possible "
                               "decompression bomb")
            im.verify()
        with Image.open(path) as im:
            exif = im.getexif()
            size = im.size
            fmt = im.format
    except Rejected:
        raise
    except Exception as e:
        raise Rejected(f"damaged or unsupported image: {type(e).__name__}: {e}") from e
    taken = exif.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    taken_on = None
    if taken:
        try:
            taken_on = datetime.strptime(str(taken)[:10], "%Y:%m:%d").date()
        except ValueError:
            pass
    meta = {"format": fmt, "orientation": int(exif.get(ExifTags.Base.Orientation, 1) or 1)}
    return _Inspected("photo", Image.MIME.get(fmt, "image/*"),
                      {"taken_on": taken_on, "columns": size[0], "rows": size[1], "meta": meta})


def _inspect_slide(path: Path) -> _Inspected:
    """A whole-slide image: OpenSlide reads its header and the coarsest level must decode."""
    import mimetypes

    import openslide

    try:
        with openslide.OpenSlide(str(path)) as slide:
            width, height = slide.dimensions
            slide.read_region((0, 0), slide.level_count - 1, (min(64, slide.level_dimensions[-1][0]), 1))
    except Exception as e:  # noqa: BLE001 - openslide reports damage with its own errors
        raise Rejected(f"damaged or unsupported slide: {type(e).__name__}: {e}") from e
    return _Inspected("slide", mimetypes.guess_type(path.name)[0] or "image/x-whole-slide",
                      {"columns": width, "rows": height})


def _inspect_pdf(path: Path) -> _Inspected:
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise Rejected("not a PDF file (no %PDF header)")
    return _Inspected("pdf", "application/pdf", {})


def inspect(path: Path) -> _Inspected:
    """Read and check one file; pydicom's and Pillow's warnings become the file's warnings."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        info = _inspect(path)
    for w in caught:
        text = str(w.message).split("\n")[0][:300]
        if text not in info.warnings:
            info.warnings.append(text)
    return info


def _inspect(path: Path) -> _Inspected:
    if not path.is_file():
        raise Rejected("not a file or not readable")
    suffix = path.suffix.lower()
    if is_slide(path):
        return _inspect_slide(path)
    if suffix in PHOTO_SUFFIXES:
        return _inspect_photo(path)
    if suffix == ".pdf":
        return _inspect_pdf(path)
    found = _inspect_dicom(path)
    if found is None:
        raise Rejected("not a DICOM file, photo (JPEG/PNG/TIFF/BMP) or PDF")
    return found


def _names_match(case_patient: Patient, fields: dict) -> list[str]:
    """A warning when the DICOM patient looks like someone else (flagged before the clerk confirms)."""
    dicom_id = (fields.get("patient_id_dicom") or "").strip()
    dicom_name = (fields.get("patient_name_dicom") or "").replace("^", "").replace(" ", "")
    numbers = {n for n in (case_patient.hospital_number, case_patient.outpatient_number, case_patient.id_number)
               if n}
    if dicom_id and dicom_id in numbers:
        return []
    if dicom_name and case_patient.name and case_patient.name in dicom_name:
        return []
    from app.domain.names import pinyin_keys

    full, _ = pinyin_keys(case_patient.name)
    if dicom_name and full and full == dicom_name.lower():
        return []
    if not dicom_id and not dicom_name:
        return []
    return [f"patient in the file ({fields.get('patient_name_dicom')}, {dicom_id}) does not match the case"]


class AttachmentImportService(Service):
    def import_paths(self, actor: Actor, case_id: int, paths: Iterable[Path], label: str = "",
                     progress: Callable[[int, str], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> list[FileResult]:
        self.require(actor, "attachment.add")
        with self.db.read() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(N("errors", "Case {id} does not exist."), id=case_id)
            patient = case.patient
        results: list[FileResult] = []
        pending: list[tuple[Path, _Inspected, str, int]] = []
        for n, path in enumerate(walk(paths), start=1):
            if cancelled and cancelled():
                break
            if progress:
                progress(n, str(path))
            try:
                info = inspect(path)
                sha, size = self.ctx.blobs.put_file(path)
            except Rejected as e:
                results.append(FileResult(str(path), "rejected", reason=str(e)))
                continue
            except OSError as e:
                results.append(FileResult(str(path), "rejected", reason=f"cannot read the file: {e.strerror or e}"))
                continue
            if info.kind == "dicom":
                info.warnings.extend(_names_match(patient, info.fields))
            pending.append((path, info, sha, size))
            if len(pending) >= BATCH:
                results.extend(self._commit(actor, case_id, pending, label))
                pending = []
        if pending:
            results.extend(self._commit(actor, case_id, pending, label))
        return results

    def _commit(self, actor: Actor, case_id: int, items, label: str) -> list[FileResult]:
        out: list[FileResult] = []
        with self.db.session() as s:
            case = s.get(Case, case_id)
            for path, info, sha, size in items:
                existing = s.execute(select(Attachment.id).where(Attachment.case_id == case_id,
                                                                 Attachment.sha256 == sha)).scalar()
                if existing is not None:
                    out.append(FileResult(str(path), "duplicate", existing, info.kind))
                    continue
                fields = dict(info.fields)
                meta = dict(fields.pop("meta", None) or {})
                if info.warnings:
                    meta["warnings"] = list(info.warnings)
                a = Attachment(case_id=case_id, sha256=sha, size=size, original_name=path.name[:260],
                               media_type=info.media_type, kind=info.kind,
                               label=label or {"dicom": "imaging", "pdf": "report"}.get(info.kind, "other"),
                               imported_by=actor.user_id, meta=meta, **fields)
                s.add(a)
                s.flush()
                audit_chain.record(s, actor, "create", "attachment", a.id, case_id=case_id,
                                   patient_id=case.patient_id,
                                   new={"name": a.original_name, "sha256": sha, "kind": info.kind})
                out.append(FileResult(str(path), "imported", a.id, info.kind, warnings=tuple(info.warnings)))
            self.ctx.setup.mark_real_data(s)
        return out
