"""MDT applications (cases), their status history, and the evidence attached to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamps, utcnow
from db.models.patients import Patient


class Case(Base, Timestamps):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(30), unique=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    # referral
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    applied_on: Mapped[date | None] = mapped_column(Date, index=True)
    conference_type: Mapped[str] = mapped_column(String(20), default="pre_treatment")
    urgency: Mapped[str] = mapped_column(String(10), default="routine")  # routine | urgent
    purpose: Mapped[str] = mapped_column(Text, default="")
    question: Mapped[str] = mapped_column(Text, default="")
    is_external: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_external: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(DateTime)
    # clinical
    chief_complaint: Mapped[str] = mapped_column(Text, default="")
    history: Mapped[str] = mapped_column(Text, default="")
    comorbidities: Mapped[str] = mapped_column(Text, default="")
    ecog: Mapped[int | None] = mapped_column(Integer)
    kps: Mapped[int | None] = mapped_column(Integer)
    prior_treatment: Mapped[str] = mapped_column(Text, default="")
    # diagnosis
    tumour_type: Mapped[str] = mapped_column(String(30), default="", index=True)  # template code
    primary_site: Mapped[str] = mapped_column(String(100), default="")
    icd10_code: Mapped[str] = mapped_column(String(10), default="", index=True)
    icd10_name: Mapped[str] = mapped_column(String(200), default="")
    histology_code: Mapped[str] = mapped_column(String(10), default="")  # ICD-O-3 morphology
    histology_name: Mapped[str] = mapped_column(String(200), default="")
    grade: Mapped[str] = mapped_column(String(20), default="")
    biomarkers: Mapped[dict] = mapped_column(JSON, default=dict)
    # staging
    stage_prefix: Mapped[str] = mapped_column(String(4), default="")  # c | p | yc | yp
    stage_t: Mapped[str] = mapped_column(String(10), default="")
    stage_n: Mapped[str] = mapped_column(String(10), default="")
    stage_m: Mapped[str] = mapped_column(String(10), default="")
    stage_group: Mapped[str] = mapped_column(String(10), default="")
    stage_system: Mapped[str] = mapped_column(String(20), default="AJCC")  # AJCC | CNLC | FIGO | AnnArbor
    stage_edition: Mapped[str] = mapped_column(String(10), default="8")
    stage_extra: Mapped[dict] = mapped_column(JSON, default=dict)  # grade, ER/PR/HER2, ... the tables need
    # readiness: work-up items confirmed by hand, {item_code: {"present": bool, "on": "YYYY-MM-DD", "note": ""}}
    workup: Mapped[dict] = mapped_column(JSON, default=dict)
    readiness_override_reason: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    patient: Mapped[Patient] = relationship()
    status_events: Mapped[list[CaseStatusEvent]] = relationship(
        back_populates="case", order_by="CaseStatusEvent.id"
    )


class CaseStatusEvent(Base):
    """One workflow transition: who moved the case from what to what, and when."""

    __tablename__ = "case_status_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="status_events")


class Attachment(Base):
    """A file attached to a case: metadata here, the bytes in the content-addressed store (sha256)."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(80), default="application/octet-stream")
    kind: Mapped[str] = mapped_column(String(20))  # dicom | photo | pdf | slide | other
    label: Mapped[str] = mapped_column(String(20), default="other")  # imaging | pathology | report | other
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(String(200), default="")
    taken_on: Mapped[date | None] = mapped_column(Date)
    # DICOM identity and geometry, captured at import so the viewer never re-reads every header.
    patient_name_dicom: Mapped[str] = mapped_column(String(200), default="")
    patient_id_dicom: Mapped[str] = mapped_column(String(64), default="")
    study_uid: Mapped[str] = mapped_column(String(64), default="", index=True)
    series_uid: Mapped[str] = mapped_column(String(64), default="", index=True)
    sop_uid: Mapped[str] = mapped_column(String(64), default="")
    modality: Mapped[str] = mapped_column(String(16), default="")
    study_description: Mapped[str] = mapped_column(String(200), default="")
    series_description: Mapped[str] = mapped_column(String(200), default="")
    series_number: Mapped[int | None] = mapped_column(Integer)
    instance_number: Mapped[int | None] = mapped_column(Integer)
    slice_position: Mapped[float | None] = mapped_column(Float)  # ImagePositionPatient on the normal
    frames: Mapped[int] = mapped_column(Integer, default=1)
    rows: Mapped[int | None] = mapped_column(Integer)
    columns: Mapped[int | None] = mapped_column(Integer)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    thumbnail_sha256: Mapped[str | None] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (UniqueConstraint("case_id", "sha256", name="uq_attachments_case_sha256"),)


class KeyImage(Base):
    """An image marked for the meeting, with the window/level it was marked at."""

    __tablename__ = "key_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"))
    frame: Mapped[int] = mapped_column(Integer, default=0)
    window_center: Mapped[float | None] = mapped_column(Float)
    window_width: Mapped[float | None] = mapped_column(Float)
    view_state: Mapped[dict] = mapped_column(JSON, default=dict)  # zoom, pan, rotation, region
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImageAnnotation(Base):
    """Measurements and arrows/text drawn on an image or slide, saved with the case."""

    __tablename__ = "image_annotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"), index=True)
    frame: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # length | angle | ellipse | arrow | text
    geometry: Mapped[dict] = mapped_column(JSON, default=dict)
    text: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


Index("ix_cases_applied_status", Case.applied_on, Case.status)
