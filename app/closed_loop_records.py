"""Frozen records the closed-loop, follow-up, "my work" and statistics services hand to the UI and CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ExecutionRow:
    decision_id: int
    case_id: int
    status: str  # pending | executed | partly | not
    treatment_started_on: date | None
    treatment_place: str  # this | upper | elsewhere | ""
    deviation_reason: str  # patient_wish | contraindication | disease_change | other | ""
    deviation: str
    recorded_by: str
    recorded_at: datetime | None
    # What the MDT changed (the figures hospitals report): None while nobody has said.
    diagnosis_changed: bool | None = None
    treatment_changed: bool | None = None
    change_note: str = ""


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    case_id: int
    decision_id: int | None
    months_after: int | None
    due_on: date
    done_at: datetime | None
    contact: str
    vital_status: str
    disease_status: str
    treatment_change: str
    outcome: str
    lost_reason: str
    notes: str
    responsible_user_id: int | None

    @property
    def lost(self) -> bool:
        return bool(self.lost_reason)


@dataclass(frozen=True)
class WorkItem:
    """One line of a user's "my work" list."""

    kind: str  # action | execution | followup
    id: int  # action item, decision or follow-up id
    case_id: int
    case_no: str
    patient_name: str
    text: str
    due_on: date | None
    overdue: bool
    status: str = ""  # an execution already recorded: its status (executed | partly | not)


@dataclass(frozen=True)
class DueFollowUp:
    """A planned follow-up falling due in a period (the secretary's list), done or not."""

    id: int
    case_id: int
    case_no: str
    patient_name: str
    team: str
    months_after: int | None
    due_on: date
    responsible: str
    done_at: datetime | None
    lost: bool
    overdue: bool


@dataclass(frozen=True)
class MyWork:
    actions: tuple[WorkItem, ...]
    executions: tuple[WorkItem, ...]
    followups: tuple[WorkItem, ...]

    @property
    def count(self) -> int:
        return len(self.actions) + len(self.executions) + len(self.followups)


@dataclass(frozen=True)
class Indicator:
    """A DOMAIN.md §6 figure. `value` is a share (0..1) when `kind` is "share", days for "median", a count
    for "count"; None when there is nothing to compute it from. `definition` is an untranslated source."""

    key: str
    title: str
    definition: str
    kind: str  # share | median | count
    value: float | None
    numerator: int
    denominator: int
    target: float | None = None


@dataclass(frozen=True)
class CountRow:
    key: str  # month "YYYY-MM", team name, tumour-type code, department name, expert or discipline
    label: str
    count: int


@dataclass(frozen=True)
class StatsFilter:
    start: date
    end: date  # inclusive
    team_id: int | None = None
    tumour_type: str = ""


@dataclass(frozen=True)
class StatsReport:
    filter: StatsFilter
    per_month: tuple[CountRow, ...]
    per_team: tuple[CountRow, ...]
    per_tumour_type: tuple[CountRow, ...]
    per_department: tuple[CountRow, ...]
    indicators: tuple[Indicator, ...]
    deviation_reasons: tuple[CountRow, ...]
    expert_attendance: tuple[CountRow, ...]
    discipline_attendance: tuple[CountRow, ...]
