"""Frozen records the services hand out: plain data, never ORM objects, so nothing lazy-loads in a widget."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service call runs (user_id None: the local command line, read-only)."""

    user_id: int | None
    username: str
    display_name: str
    role: str
    must_change_password: bool = False


# Read-only commands (`cases`, `patients`, `check`) run for whoever can read the data folder itself.
CLI_READER = Actor(None, "cli", "command line", "secretary")


@dataclass(frozen=True)
class HospitalInfo:
    name: str
    name_en: str
    is_demo: bool
    schema_revision: str


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    title: str
    department: str
    is_active: bool


@dataclass(frozen=True)
class PatientRow:
    id: int
    name: str
    sex: str
    birth_date: date | None
    id_number: str | None
    hospital_number: str | None
    phone: str
    address: str
    # Filled by `PatientService.get` (the edit form needs every stored field back); lists leave them empty.
    outpatient_number: str | None = None
    insurance: str = ""
    province: str = ""
    city: str = ""
    county: str = ""
    township: str = ""
    address_detail: str = ""


@dataclass(frozen=True)
class CaseRow:
    id: int
    case_no: str
    patient_name: str
    patient_sex: str
    patient_age: int | None
    hospital_number: str | None
    tumour_type: str
    diagnosis: str
    stage: str
    status: str
    team: str
    applicant: str
    applied_on: date | None
    urgency: str


@dataclass(frozen=True)
class MeetingRow:
    id: int
    team: str
    scheduled_at: datetime
    place: str
    status: str
    agenda_count: int
    attendee_count: int


@dataclass(frozen=True)
class Problem:
    """One finding of `check`: what is wrong and where."""

    area: str  # database | schema | files | audit
    message: str
    ref: str = ""


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    schema_revision: str | None
    head_revision: str
    counts: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Changes:
    """What a mutation touched, so screens refresh only what they show (Anki's OpChanges)."""

    patients: bool = False
    cases: bool = False
    meetings: bool = False
    users: bool = False
    settings: bool = False


@dataclass(frozen=True)
class StatusEventRow:
    at: datetime
    from_status: str
    to_status: str
    actor: str
    note: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_no: str
    patient: PatientRow
    status: str
    team_id: int | None
    fields: dict  # every editable case field by name (see app.services.case_records.EDITABLE)
    timeline: tuple[StatusEventRow, ...] = ()
    updated_at: datetime | None = None


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    case_id: int
    kind: str  # dicom | photo | pdf | other
    label: str  # imaging | pathology | report | other
    is_key: bool
    name: str
    title: str
    size: int
    taken_on: date | None
    modality: str
    study_uid: str
    series_uid: str
    series_description: str
    series_number: int | None
    slice_position: float | None
    instance_number: int | None
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class SeriesRow:
    """DICOM images of one series, slices in anatomical order (position along the normal)."""

    series_uid: str
    study_uid: str
    modality: str
    description: str
    taken_on: date | None
    attachment_ids: tuple[int, ...]
    is_key: bool


@dataclass(frozen=True)
class FoundPatient:
    """A patient named inside DICOM files about to be attached, and whether it is the case's patient."""

    name: str
    patient_id: str
    files: int
    matches: bool


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    tumour_types: tuple[str, ...]
