"""Annotations drawn on an image and saved with the case: measurements (length, angle, ellipse) on DICOM
slices, arrows and text on photos and slides.

Geometry is in image coordinates (x = column, y = row) of the frame's own pixels, as a JSON object whose
shape belongs to the kind (`{"points": [[x, y], ...]}`, `{"centre": [x, y], "radii": [rx, ry]}`, ...);
the service checks that it holds finite numbers, not what they mean. Adding and deleting need
"attachment.add" and are audited; reading needs "case.view".
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from db.models import Attachment, Case, ImageAnnotation

KINDS = ("length", "angle", "ellipse", "arrow", "text")
MAX_GEOMETRY_BYTES = 64 * 1024
MAX_TEXT = 2000


@dataclass(frozen=True)
class AnnotationRecord:
    id: int
    attachment_id: int
    frame: int
    kind: str
    geometry: dict
    text: str
    created_by: int | None
    created_at: datetime


def _record(a: ImageAnnotation) -> AnnotationRecord:
    return AnnotationRecord(a.id, a.attachment_id, a.frame, a.kind, dict(a.geometry or {}), a.text or "",
                            a.created_by, a.created_at)


def _finite_numbers(value) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value)
    if isinstance(value, list | tuple):
        return all(_finite_numbers(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _finite_numbers(v) for k, v in value.items())
    return isinstance(value, str) or value is None


def _check(kind: str, geometry: dict, frame: int) -> dict:
    if kind not in KINDS:
        raise ValidationError(N("errors", "Unknown annotation kind {kind}."), field="kind", kind=kind)
    if frame < 0:
        raise ValidationError(N("errors", "Frame {frame} does not exist: this image has {count} frame(s)."),
                              field="frame", frame=frame, count=1)
    if not isinstance(geometry, dict) or not geometry or not _finite_numbers(geometry):
        raise ValidationError(N("errors", "The annotation's shape is not valid."), field="geometry")
    text = json.dumps(geometry, ensure_ascii=False)
    if len(text.encode("utf-8")) > MAX_GEOMETRY_BYTES:
        raise ValidationError(N("errors", "The annotation's shape is not valid."), field="geometry")
    return json.loads(text)  # a plain JSON copy: tuples become lists, nothing of the caller's is kept


class AnnotationService(Service):
    def add(self, actor: Actor, attachment_id: int, frame: int, kind: str, geometry: dict,
            text: str = "") -> AnnotationRecord:
        """Save one annotation on frame `frame` (0-based) of an attachment."""
        self.require(actor, "attachment.add")
        clean = _check(kind, geometry, int(frame))
        with self.db.session() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            if frame >= max(1, a.frames or 1):
                raise ValidationError(N("errors", "Frame {frame} does not exist: this image has {count} frame(s)."),
                                      field="frame", frame=frame, count=a.frames or 1)
            case = s.get(Case, a.case_id)
            note = (text or "").strip()[:MAX_TEXT]
            row = ImageAnnotation(attachment_id=attachment_id, frame=int(frame), kind=kind, geometry=clean,
                                  text=note, created_by=actor.user_id)
            s.add(row)
            s.flush()
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "create", "image_annotation", row.id, case_id=a.case_id,
                               patient_id=case.patient_id if case else None,
                               new={"attachment_id": attachment_id, "frame": row.frame, "kind": kind,
                                    "geometry": clean, "text": note})
            return _record(row)

    def for_image(self, actor: Actor, attachment_id: int, frame: int | None = None) -> list[AnnotationRecord]:
        """The annotations of an attachment (of one frame, if given), oldest first."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            q = select(ImageAnnotation).where(ImageAnnotation.attachment_id == attachment_id)
            if frame is not None:
                q = q.where(ImageAnnotation.frame == int(frame))
            return [_record(a) for a in s.execute(q.order_by(ImageAnnotation.id)).scalars()]

    def for_images(self, actor: Actor, attachment_ids: list[int]) -> list[AnnotationRecord]:
        """The annotations of many attachments (a whole series) in one read."""
        self.require(actor, "case.view")
        if not attachment_ids:
            return []
        with self.db.read() as s:
            q = (select(ImageAnnotation).where(ImageAnnotation.attachment_id.in_(list(attachment_ids)))
                 .order_by(ImageAnnotation.id))
            return [_record(a) for a in s.execute(q).scalars()]

    def delete(self, actor: Actor, annotation_id: int) -> AnnotationRecord:
        """Remove an annotation; returns what it was (so the screen can offer to undo)."""
        self.require(actor, "attachment.add")
        with self.db.session() as s:
            row = s.get(ImageAnnotation, annotation_id)
            if row is None:
                raise NotFound(N("errors", "Annotation {id} does not exist."), id=annotation_id)
            gone = _record(row)
            a = s.get(Attachment, row.attachment_id)
            case = s.get(Case, a.case_id) if a else None
            s.delete(row)
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "delete", "image_annotation", annotation_id,
                               case_id=a.case_id if a else None, patient_id=case.patient_id if case else None,
                               old={"attachment_id": gone.attachment_id, "frame": gone.frame, "kind": gone.kind,
                                    "geometry": gone.geometry, "text": gone.text})
            return gone
