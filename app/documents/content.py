"""What a treatment plan and an agenda show: plain frozen data gathered by app.services.plan_content.

Times are naive UTC as the database keeps them (the PDF shows them in local time), except the meeting's
scheduled time, which is the local wall-clock time the secretary chose. Coded values stay codes here (sex "M", intent "curative", title "chief"...): the PDF turns them into
Chinese labels when it draws them, and the canonical record (the hash the verification code signs) is built
from codes, so a better translation later never changes the hash of a signed record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PatientInfo:
    name: str
    sex: str  # M | F | U
    age: int | None
    birth_date: date | None
    hospital_number: str  # 住院号
    outpatient_number: str  # 门诊号


@dataclass(frozen=True)
class AttendeeInfo:
    attendance_id: int
    user_id: int | None
    name: str
    department: str  # a name (may start with the guest's organisation)
    discipline: str  # code
    title: str  # 职称 code
    role: str  # chair | secretary | core | guest
    organisation: str
    signed_in_at: datetime | None  # UTC


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    team: str
    scheduled_at: datetime  # local wall clock
    place: str
    chair: str
    chair_user_id: int | None
    recorder: str  # the MDT secretary who keeps the record
    recorder_user_id: int | None
    started_at: datetime | None  # UTC
    ended_at: datetime | None  # UTC
    attendees: tuple[AttendeeInfo, ...]


@dataclass(frozen=True)
class KeyImageInfo:
    id: int
    attachment_id: int
    frame: int
    window_center: float | None
    window_width: float | None
    note: str
    caption: str  # modality, series, date: what the picture is
    jpeg: bytes  # rendered through the viewer pipeline with the saved window/level; b"" if it could not be
    width: int
    height: int


@dataclass(frozen=True)
class OpinionInfo:
    id: int
    discipline: str  # code
    author: str
    title: str  # 职称 code of the author ("" for someone not in the attendance)
    department: str
    text: str


@dataclass(frozen=True)
class ActionInfo:
    description: str
    responsible: str
    department: str
    due_on: date | None


@dataclass(frozen=True)
class Diagnosis:
    primary_site: str
    icd10_code: str
    icd10_name: str
    histology_code: str
    histology_name: str
    grade: str
    stage_prefix: str
    stage_t: str
    stage_n: str
    stage_m: str
    stage_group: str
    stage_system: str  # AJCC | CNLC | FIGO | AnnArbor
    stage_edition: str


@dataclass(frozen=True)
class CaseSummary:
    applicant: str  # the requesting doctor
    department: str  # the requesting department
    applied_on: date | None
    purpose: str
    question: str
    chief_complaint: str
    history: str
    comorbidities: str
    ecog: int | None
    kps: int | None
    prior_treatment: str
    imaging: tuple[str, ...]  # one line per imaging study attached (modality, date, description)
    pathology: tuple[str, ...]  # histology and pathology documents attached
    biomarkers: tuple[tuple[str, str], ...]  # (marker, result), sorted by marker


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    version: int
    status: str  # draft | finalised | superseded
    chair_summary: str
    modalities: tuple[str, ...]  # codes in the order chosen (first = first choice)
    plan_text: str
    alternatives: str
    intent: str
    guideline: str
    guideline_version: str
    treat_where: str  # local | refer_upward
    referral_target: str
    patient_preference: str
    dissent: str
    further_workup: str
    rediscussion_on: date | None
    finalised_at: datetime | None  # UTC
    finalised_by: str
    amendment_reason: str
    amends_version: int | None
    actions: tuple[ActionInfo, ...]


@dataclass(frozen=True)
class ExternalOpinionInfo:
    """Advice from an upper-level hospital (远程会诊): printed as advisory, apart from the team's decision."""

    id: int
    hospital: str
    author: str
    written_at: datetime | None  # UTC, when the sender signed it
    signed: bool
    text: str


@dataclass(frozen=True)
class PlanContent:
    hospital: str
    hospital_en: str
    document_prefix: str
    logo: bytes | None
    case_id: int
    case_no: str
    tumour_type: str
    conference_type: str
    discussion_id: int
    discussion_sequence: int
    discussed_at: datetime | None  # UTC
    patient: PatientInfo
    meeting: MeetingInfo | None  # None: decided outside a meeting
    summary: CaseSummary
    diagnosis: Diagnosis
    key_images: tuple[KeyImageInfo, ...]
    opinions: tuple[OpinionInfo, ...]
    decision: DecisionInfo
    external_opinions: tuple[ExternalOpinionInfo, ...] = ()  # advisory (1999 notice), see plan_pdf


@dataclass(frozen=True)
class AgendaEntry:
    position: int
    case_no: str
    patient_name: str
    sex: str
    age: int | None
    hospital_number: str
    tumour_type: str
    diagnosis: str
    stage: str
    conference_type: str
    question: str
    presenter: str  # the applicant who presents the case
    department: str
    minutes: int
    track: str  # discuss | listed
    status: str  # pending | discussed | postponed | withdrawn
    urgency: str


@dataclass(frozen=True)
class AgendaContent:
    hospital: str
    logo: bytes | None
    meeting_id: int
    team: str
    scheduled_at: datetime  # local wall clock
    duration_minutes: int
    place: str
    chair: str
    recorder: str
    status: str
    members: tuple[tuple[str, str, str], ...]  # (name, department, title code) of the invited team
    entries: tuple[AgendaEntry, ...]

    @property
    def total_minutes(self) -> int:
        return sum(e.minutes for e in self.entries if e.track == "discuss" and e.status in ("pending", "discussed"))
