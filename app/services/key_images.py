"""Key images: a slice (or photo) marked for the meeting, with the window/level it was marked at.

Shown first in the meeting. Adding and removing need "attachment.add" and are audited; reading needs
"case.view". The image must belong to the case; the order is the order of marking (`position`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from db.models import Attachment, Case, KeyImage


@dataclass(frozen=True)
class KeyImageRecord:
    id: int
    case_id: int
    attachment_id: int
    frame: int
    window_center: float | None
    window_width: float | None
    view_state: dict
    note: str
    position: int
    created_by: int | None
    created_at: datetime


def _record(k: KeyImage) -> KeyImageRecord:
    return KeyImageRecord(k.id, k.case_id, k.attachment_id, k.frame, k.window_center, k.window_width,
                          dict(k.view_state or {}), k.note or "", k.position, k.created_by, k.created_at)


def _check_window(center: float | None, width: float | None) -> None:
    if (center is None) != (width is None):
        raise ValidationError(N("errors", "Give both the window centre and width, or neither."), field="window")
    if center is not None and not (math.isfinite(center) and math.isfinite(width) and width > 0):
        raise ValidationError(N("errors", "The window width must be greater than zero."), field="window")


class KeyImageService(Service):
    def add(self, actor: Actor, case_id: int, attachment_id: int, frame: int = 0,
            window_center: float | None = None, window_width: float | None = None, note: str = "",
            view_state: dict | None = None) -> int:
        """Mark frame `frame` of an attachment of the case as a key image; returns its id."""
        self.require(actor, "attachment.add")
        _check_window(window_center, window_width)
        if frame < 0:
            raise ValidationError(N("errors", "Frame {frame} does not exist: this image has {count} frame(s)."),
                                  field="frame", frame=frame, count=1)
        with self.db.session() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(N("errors", "Case {id} does not exist."), id=case_id)
            a = s.get(Attachment, attachment_id)
            if a is None or a.case_id != case_id:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            last = s.execute(select(func.max(KeyImage.position)).where(KeyImage.case_id == case_id)).scalar()
            k = KeyImage(case_id=case_id, attachment_id=attachment_id, frame=int(frame),
                         window_center=None if window_center is None else float(window_center),
                         window_width=None if window_width is None else float(window_width),
                         view_state=dict(view_state or {}), note=note.strip()[:2000],
                         position=(last + 1) if last is not None else 0, created_by=actor.user_id)
            s.add(k)
            s.flush()
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "create", "key_image", k.id, case_id=case_id, patient_id=case.patient_id,
                               new={"attachment_id": attachment_id, "frame": k.frame,
                                    "window_center": k.window_center, "window_width": k.window_width,
                                    "note": k.note})
            return k.id

    def list_for_case(self, actor: Actor, case_id: int) -> list[KeyImageRecord]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            q = select(KeyImage).where(KeyImage.case_id == case_id).order_by(KeyImage.position, KeyImage.id)
            return [_record(k) for k in s.execute(q).scalars()]

    def remove(self, actor: Actor, key_image_id: int) -> None:
        self.require(actor, "attachment.add")
        with self.db.session() as s:
            k = s.get(KeyImage, key_image_id)
            if k is None:
                raise NotFound(N("errors", "Key image {id} does not exist."), id=key_image_id)
            case = s.get(Case, k.case_id)
            old = {"attachment_id": k.attachment_id, "frame": k.frame, "window_center": k.window_center,
                   "window_width": k.window_width, "note": k.note}
            case_id = k.case_id
            s.delete(k)
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "delete", "key_image", key_image_id, case_id=case_id,
                               patient_id=case.patient_id if case else None, old=old)
