"""Frozen records of teams, meetings, agendas, attendance and decisions (plain data for the screens).

Times: `Meeting.scheduled_at` is the local wall-clock time the secretary chose; every other datetime is
naive UTC like the rest of the database (show it in local time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.quorum import QuorumResult


@dataclass(frozen=True)
class TeamMemberRow:
    id: int
    team_id: int
    user_id: int | None  # None: a guest without an account (e.g. an upper-level hospital's expert)
    name: str
    department: str
    discipline: str  # discipline code ("" if none)
    title: str  # 职称 code
    team_role: str  # chair | secretary | core | guest
    organisation: str
    active: bool


@dataclass(frozen=True)
class TeamDetail:
    id: int
    name: str
    name_en: str
    tumour_types: tuple[str, ...]
    quorum_rule: dict  # complete (validated, defaults filled in)
    followup_months: tuple[int, ...]
    sign_policy: str  # all_experts | chair_only | chair_recorder
    default_place: str
    active: bool
    members: tuple[TeamMemberRow, ...]


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    meeting_id: int
    member_id: int | None
    user_id: int | None
    name: str
    department: str
    discipline: str
    title: str
    role: str
    is_guest: bool
    organisation: str
    signed_in_at: datetime | None
    signed_in_by: str  # display name of who signed in (the secretary or the attendee)
    left_at: datetime | None
    late: bool  # signed in after the meeting started
    left_early: bool  # left before the meeting ended (or is already gone while it runs)

    @property
    def present(self) -> bool:
        return self.signed_in_at is not None and self.left_at is None


@dataclass(frozen=True)
class QuorumStatus:
    result: QuorumResult
    override_reason: str  # the chair's reason to proceed anyway (Meeting.quorum_override_reason)
    may_proceed: bool  # met, or mode "warn", or a recorded reason
    warning: bool  # proceeding although the quorum is not met
    first_pre_treatment: bool = False


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    meeting_id: int
    case_id: int
    case_no: str
    patient_name: str  # unmasked: the screens mask it where others can see it
    tumour_type: str
    diagnosis: str
    stage: str
    conference_type: str
    question: str
    urgency: str
    position: int
    minutes: int
    track: str  # discuss | listed (recorded with the standard decision, no meeting time)
    status: str  # pending | discussed | postponed | withdrawn
    standard_decision: str
    postponed_to_meeting_id: int | None
    postpone_reason: str
    started_at: datetime | None
    ended_at: datetime | None
    ready: bool
    missing: tuple[str, ...]  # source texts (context "templates") of missing or stale checklist items
    first_pre_treatment: bool
    case_status: str
    postponed_from: datetime | None = None  # when this case was put off from an earlier meeting: its date

    @property
    def duration_seconds(self) -> int | None:
        if self.started_at is None or self.ended_at is None:
            return None
        return int((self.ended_at - self.started_at).total_seconds())


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    team_id: int
    team: str
    scheduled_at: datetime  # local wall clock
    duration_minutes: int
    place: str
    status: str  # planned | in_progress | closed | cancelled
    chair_member_id: int | None
    chair: str
    secretary_member_id: int | None
    secretary: str
    started_at: datetime | None
    ended_at: datetime | None
    quorum_override_reason: str
    current_agenda_item_id: int | None
    notes: str
    agenda: tuple[AgendaItemRow, ...]
    attendance: tuple[AttendanceRow, ...]
    quorum: QuorumStatus  # for the meeting as a whole (not a first pre-treatment discussion)

    @property
    def total_minutes(self) -> int:
        """Planned time of the cases still to be or already discussed (listed cases take none)."""
        return sum(i.minutes for i in self.agenda if i.track == "discuss" and i.status in ("pending", "discussed"))

    @property
    def current(self) -> AgendaItemRow | None:
        return next((i for i in self.agenda if i.id == self.current_agenda_item_id), None)


@dataclass(frozen=True)
class CandidateCase:
    """A case waiting for a meeting (submitted, approved or up for re-discussion), with its readiness."""

    id: int
    case_no: str
    patient_name: str
    team_id: int | None
    tumour_type: str
    diagnosis: str
    status: str
    urgency: str
    conference_type: str
    applied_on: date | None
    submitted_at: datetime | None
    ready: bool
    missing: tuple[str, ...]
    readiness_override_reason: str


@dataclass(frozen=True)
class OpinionRow:
    id: int
    discussion_id: int
    attendance_id: int | None
    author_name: str
    discipline: str
    text: str
    recorded_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ActionRow:
    id: int
    decision_id: int
    description: str
    responsible_user_id: int | None
    responsible_name: str
    department: str
    due_on: date | None
    done_at: datetime | None


@dataclass(frozen=True)
class DecisionRow:
    id: int
    discussion_id: int
    case_id: int
    version: int
    status: str  # draft | finalised | superseded
    chair_summary: str
    modalities: tuple[str, ...]
    plan_text: str
    alternatives: str
    intent: str
    guideline: str
    guideline_version: str
    treat_where: str
    referral_target: str
    patient_preference: str
    dissent: str
    further_workup: str
    rediscussion_on: date | None
    actions: tuple[ActionRow, ...]
    finalised_at: datetime | None
    finalised_by: str
    amends_decision_id: int | None
    amendment_reason: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class DiscussionRow:
    id: int
    case_id: int
    sequence: int
    meeting_id: int | None
    agenda_item_id: int | None
    conference_type: str
    discussed_at: datetime | None
    opinions: tuple[OpinionRow, ...]
    decisions: tuple[DecisionRow, ...]  # every version, oldest first

    @property
    def decision(self) -> DecisionRow | None:
        """The version in force: the newest finalised one, else the newest draft."""
        final = [d for d in self.decisions if d.status == "finalised"]
        return final[-1] if final else (self.decisions[-1] if self.decisions else None)


@dataclass(frozen=True)
class CaptureState:
    """What has been captured for one agenda item: the discussion, its opinions and the draft decision."""

    agenda_item_id: int
    case_id: int
    item_status: str
    discussion: DiscussionRow | None
    draft: DecisionRow | None  # the version being edited (None once finalised)
    quorum: QuorumStatus | None = None

    @property
    def opinions(self) -> tuple[OpinionRow, ...]:
        return self.discussion.opinions if self.discussion else ()


@dataclass(frozen=True)
class ResumeState:
    meeting: MeetingDetail
    current: AgendaItemRow | None
    capture: CaptureState | None


@dataclass(frozen=True)
class ItemRecord:
    item: AgendaItemRow
    discussion: DiscussionRow | None


@dataclass(frozen=True)
class MeetingRecord:
    """The meeting afterwards: attendance with times, each case's discussion and decisions, durations."""

    meeting: MeetingDetail
    items: tuple[ItemRecord, ...]

    @property
    def attendance(self) -> tuple[AttendanceRow, ...]:
        return self.meeting.attendance
