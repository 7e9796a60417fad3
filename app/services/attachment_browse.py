"""What a case holds: attachments and DICOM series for the case screen, labels, key items, previews."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor, AttachmentRow, FoundPatient, SeriesRow
from app.security.redaction import redacted_for
from app.services import audit_chain
from app.services.attachment_import import _names_match, walk
from app.services.base import Service
from db.models import Attachment, Case

LABELS = ("imaging", "pathology", "report", "other")


def _row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(
        a.id, a.case_id, a.kind, a.label, a.is_key, a.original_name, a.title, a.size, a.taken_on, a.modality,
        a.study_uid, a.series_uid, a.series_description, a.series_number, a.slice_position, a.instance_number,
        tuple((a.meta or {}).get("warnings", ())),
    )


def slice_order(rows: list[AttachmentRow]) -> list[AttachmentRow]:
    """Anatomical order: position along the slice normal; InstanceNumber only where geometry is missing."""
    if all(r.slice_position is not None for r in rows):
        return sorted(rows, key=lambda r: (r.slice_position, r.instance_number or 0))
    return sorted(rows, key=lambda r: (r.instance_number if r.instance_number is not None else 10**9, r.id))


class AttachmentBrowseService(Service):
    def list_for_case(self, actor: Actor, case_id: int) -> list[AttachmentRow]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            q = select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.id)
            return redacted_for(actor, s, [case_id], [_row(a) for a in s.execute(q).scalars()])

    def series_for_case(self, actor: Actor, case_id: int) -> list[SeriesRow]:
        groups: dict[str, list[AttachmentRow]] = defaultdict(list)
        for r in self.list_for_case(actor, case_id):
            if r.kind == "dicom" and r.series_uid:
                groups[r.series_uid].append(r)
        out = []
        for uid, rows in groups.items():
            ordered = slice_order(rows)
            first = ordered[0]
            out.append(SeriesRow(uid, first.study_uid, first.modality, first.series_description, first.taken_on,
                                 tuple(r.id for r in ordered), any(r.is_key for r in rows)))
        return sorted(out, key=lambda x: (x.taken_on is None, x.taken_on, x.description))

    def update(self, actor: Actor, attachment_id: int, *, label: str | None = None, is_key: bool | None = None,
               title: str | None = None) -> AttachmentRow:
        self.require(actor, "attachment.add")
        if label is not None and label not in LABELS:
            raise ValidationError(N("errors", "Choose a value from the list."), field="label")
        with self.db.session() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            before = {"label": a.label, "is_key": a.is_key, "title": a.title}
            if label is not None:
                a.label = label
            if is_key is not None:
                a.is_key = is_key
            if title is not None:
                a.title = title.strip()[:200]
            old, new = audit_chain.diff(before, {"label": a.label, "is_key": a.is_key, "title": a.title})
            if new:
                case = s.get(Case, a.case_id)
                self.ctx.setup.mark_real_data(s)
                audit_chain.record(s, actor, "update", "attachment", a.id, case_id=a.case_id,
                                   patient_id=case.patient_id if case else None, old=old, new=new)
            return _row(a)

    def update_many(self, actor: Actor, attachment_ids: list[int], *, label: str | None = None,
                    is_key: bool | None = None) -> int:
        """Label or key-mark many attachments (a whole series) in one transaction and one audit event."""
        self.require(actor, "attachment.add")
        if label is not None and label not in LABELS:
            raise ValidationError(N("errors", "Choose a value from the list."), field="label")
        if not attachment_ids:
            return 0
        with self.db.session() as s:
            rows = s.execute(select(Attachment).where(Attachment.id.in_(attachment_ids))).scalars().all()
            if len(rows) != len(set(attachment_ids)):
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_ids[0])
            changed = [a for a in rows if (label is not None and a.label != label)
                       or (is_key is not None and a.is_key != is_key)]
            for a in changed:
                if label is not None:
                    a.label = label
                if is_key is not None:
                    a.is_key = is_key
            if changed:
                first = changed[0]
                case = s.get(Case, first.case_id)
                self.ctx.setup.mark_real_data(s)
                new = {k: v for k, v in (("label", label), ("is_key", is_key)) if v is not None}
                audit_chain.record(s, actor, "update", "attachment", None, case_id=first.case_id,
                                   patient_id=case.patient_id if case else None,
                                   new={**new, "attachments": sorted(a.id for a in changed)})
            return len(changed)

    def thumbnail(self, actor: Actor, attachment_id: int) -> bytes | None:
        """PNG preview, made once and kept in the store; None when the file has no picture to show."""
        from app.imaging.thumbnails import make_thumbnail

        self.require(actor, "case.view")
        with self.db.read() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            kind, sha, thumb = a.kind, a.sha256, a.thumbnail_sha256
        if thumb and self.ctx.blobs.has(thumb):
            return self.ctx.blobs.read_bytes(thumb)
        if kind not in ("dicom", "photo", "slide"):
            return None
        try:
            png = make_thumbnail(self.ctx.blobs.path_for(sha), kind)
        except Exception:  # no picture (structured report, undecodable): the list shows an icon instead
            return None
        thumb_sha = self.ctx.blobs.put_bytes(png)
        with self.db.session() as s:
            a = s.get(Attachment, attachment_id)
            a.thumbnail_sha256 = thumb_sha  # a derived cache, not the record: no audit event
        return png

    def dicom_patients(self, actor: Actor, case_id: int, paths: Iterable[Path],
                       cancelled: Callable[[], bool] | None = None) -> list[FoundPatient]:
        """Patients named in the DICOM files under `paths` (headers only): asked about before importing."""
        import pydicom

        self.require(actor, "attachment.add")
        with self.db.read() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(N("errors", "Case {id} does not exist."), id=case_id)
            patient = case.patient
        found: dict[tuple[str, str], int] = defaultdict(int)
        for path in walk(paths):
            if cancelled and cancelled():
                break
            try:
                ds = pydicom.dcmread(path, stop_before_pixels=True, specific_tags=["PatientName", "PatientID",
                                                                                    "SpecificCharacterSet"])
            except Exception:
                continue
            found[(str(ds.get("PatientName", "")), str(ds.get("PatientID", "")))] += 1
        return [FoundPatient(name, pid, n,
                             not _names_match(patient, {"patient_name_dicom": name, "patient_id_dicom": pid}))
                for (name, pid), n in sorted(found.items(), key=lambda kv: -kv[1])]
