"""Where the viewer reads the images of a case: stored file, kind, frames and slice position, in one read.

The viewer asks once per series, then decodes straight from the store off the GUI thread (app.imaging.
decode_pool); positions captured at import give the order, the gaps and linked scrolling without reading
a single header again. Read-only: no audit record (viewing is not a change).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services.base import Service
from db.models import Attachment


@dataclass(frozen=True)
class ImageSource:
    attachment_id: int
    kind: str  # dicom | photo | slide | pdf | other
    path: Path
    frames: int
    slice_position: float | None
    series_uid: str
    modality: str
    series_description: str
    compressed: bool  # the series' transfer syntax (read from its first file) is a compressed one


class ImageSourceService(Service):
    def sources(self, actor: Actor, attachment_ids: list[int]) -> list[ImageSource]:
        """The images `attachment_ids` in the order given; ids that do not exist are left out."""
        from app.imaging.decode_pool import is_compressed

        self.require(actor, "case.view")
        ids = [int(i) for i in attachment_ids]
        with self.db.read() as s:
            rows = {a.id: (a.kind, a.sha256, a.frames, a.slice_position, a.series_uid, a.modality,
                           a.series_description)
                    for a in s.execute(select(Attachment).where(Attachment.id.in_(ids))).scalars()}
        compressed: dict[str, bool] = {}
        out = []
        for i in (i for i in ids if i in rows):
            kind, sha, frames, position, series, modality, description = rows[i]
            path = self.ctx.blobs.path_for(sha)
            if kind == "dicom" and series not in compressed:
                compressed[series] = is_compressed(path)
            out.append(ImageSource(i, kind, path, max(1, frames or 1), position, series, modality,
                                   description, compressed.get(series, False) if kind == "dicom" else False))
        return out


def decode_failure(exc: BaseException) -> BaseException:
    """The message a person reads for a frame that could not be decoded (as the render service says it)."""
    from app.errors import AppError, NotFound, ValidationError
    from app.imaging.dicom_frame import FrameOutOfRange, NoPixelData

    if isinstance(exc, AppError):
        return exc
    if isinstance(exc, KeyError):  # the loader's word for an attachment the sources left out
        return NotFound(N("errors", "Attachment {id} does not exist."), id=exc.args[0] if exc.args else "")
    if isinstance(exc, FrameOutOfRange):
        return ValidationError(N("errors", "Frame {frame} does not exist: this image has {count} frame(s)."),
                               field="frame", frame=exc.index, count=exc.count)
    if isinstance(exc, NoPixelData):
        return ValidationError(N("errors", "This attachment is not an image."), details=str(exc))
    return ValidationError(N("errors", "This image cannot be decoded (damaged or unsupported file)."),
                           details=f"{type(exc).__name__}: {exc}")
