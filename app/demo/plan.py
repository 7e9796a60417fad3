"""The demo's timeline, planned in memory before anything is written: meetings, cases, status histories.

Dates are relative to today so the demo always looks current; every choice comes from one seeded
`random.Random`, so two runs on the same day plan the same hospital.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from app.demo.clinical import Scenario, all_scenarios
from app.demo.people import APPLICANTS, TEAMS
from app.domain.workflow import permission_for

# (team index, days from today, status) -- four past meetings, one running now, one next week.
MEETINGS = [(1, -119, "closed"), (0, -56, "closed"), (2, -21, "closed"), (1, -7, "closed"),
            (0, 0, "in_progress"), (2, 7, "planned")]

# Case statuses on each meeting's agenda. "cancelled" there was withdrawn from the agenda, "approved" postponed.
AGENDA_STATUSES = {
    0: ["closed"] * 7 + ["implementing"] * 3 + ["rediscussion"],
    1: ["closed"] * 4 + ["implementing"] * 6 + ["rediscussion", "cancelled"],
    2: ["closed", "finalised"] + ["implementing"] * 3 + ["signed"] * 4 + ["rediscussion"],
    3: ["implementing"] * 2 + ["signed"] * 2 + ["finalised"] * 4 + ["discussed"] * 4 + ["approved"],
    4: ["scheduled"] * 6,
    5: ["scheduled"] * 6,
}
# Cases not (yet) on any agenda: (status, how many, of which follow-on cases of earlier patients).
UNSCHEDULED = [("draft", 5, 2), ("submitted", 5, 2), ("approved", 4, 2), ("returned", 3, 1),
               ("cancelled", 5, 1)]

RETURN_NOTES = ["请补充胸腹部增强CT及病理免疫组化结果后再提交", "申请中缺少ECOG评分和既往治疗经过，请补充",
                "影像资料仅有报告单，请上传DICOM原始图像"]
CANCEL_NOTES = ["患者及家属商议后决定前往省人民医院诊治，撤回申请", "患者拒绝进一步检查和治疗，要求出院",
                "病情变化转入ICU，暂不具备讨论条件，撤回申请", "外院会诊后已明确方案，无需本院MDT讨论",
                "重复提交，撤销本申请"]
POSTPONE_NOTE = "病理免疫组化结果未回，推迟至下次会议讨论"
REDISCUSS_NOTE = "治疗后复查提示病情进展，申请再次MDT讨论"
ITEM_MINUTES = 10  # each discussed agenda item, back to back after a 4-minute opening


@dataclass
class MeetingPlan:
    index: int
    team: int
    start: datetime  # local wall clock
    status: str


@dataclass
class CasePlan:
    scenario: Scenario
    status: str
    applicant: str
    meeting: int | None = None
    agenda_status: str = ""  # discussed | pending | postponed | withdrawn
    urgency: str = "routine"
    conference: str = "pre_treatment"
    follow_on_of: int | None = None  # index of the earlier case of the same patient
    patient: int = -1  # index into the patient list
    events: list[tuple[str, str, datetime, str, str]] = field(default_factory=list)  # from, to, at, user, note
    case_no: str = ""

    @property
    def created(self) -> datetime:
        return self.events[0][2]

    def at(self, status: str) -> datetime | None:
        return next((e[2] for e in self.events if e[1] == status), None)


def _clock(day: date, rng: random.Random, start: int = 8, end: int = 17) -> datetime:
    return datetime.combine(day, time(rng.randrange(start, end), rng.randrange(0, 60, 5)))


class Planner:
    def __init__(self, rng: random.Random, today: date, now: datetime) -> None:
        self.rng = rng
        self.today = today
        self.now = now
        self.scenarios = all_scenarios()
        self.meetings = self._meetings()
        self.cases: list[CasePlan] = []

    # ----------------------------------------------------------------------------------------- meetings
    def _meetings(self) -> list[MeetingPlan]:
        plans = []
        for i, (team, offset, status) in enumerate(MEETINGS):
            if status == "in_progress":
                # Started about 20 minutes ago, so sign-ins and the first case look live.
                start = (self.now - timedelta(minutes=20)).replace(second=0, microsecond=0)
                start -= timedelta(minutes=start.minute % 5)
                start = max(start, datetime.combine(self.today, time(0, 5)))
            else:
                start = datetime.combine(self.today + timedelta(days=offset), time(14, 30))
            plans.append(MeetingPlan(i, team, start, status))
        return plans

    # ----------------------------------------------------------------------------------------- cases
    def plan(self) -> list[CasePlan]:
        r = self.rng
        for m in self.meetings:
            team = TEAMS[m.team]
            pool = [s for s in self.scenarios if s.tumour in team.tumour_types]
            r.shuffle(pool)
            for k, status in enumerate(AGENDA_STATUSES[m.index]):
                scenario = pool[k % len(pool)]
                if m.status == "in_progress" and k == 0:
                    scenario = next(s for s in self.scenarios if s.key == "lung_early")  # the CT case
                self.cases.append(self._meeting_case(m, scenario, status, k))
        # Follow-on cases (post-operative, post-treatment) come from the patients whose cases closed earliest.
        closed = sorted((i for i, c in enumerate(self.cases) if c.status == "closed"),
                        key=lambda i: self.cases[i].at("closed"))
        n_follow = sum(n for _, _, n in UNSCHEDULED)
        follow_ons = r.sample(closed[:n_follow + 2], n_follow)
        for status, count, n_follow in UNSCHEDULED:
            for k in range(count):
                if k < n_follow:
                    self.cases.append(self._follow_on(follow_ons.pop(), status))
                else:
                    self.cases.append(self._open_case(r.choice(self.scenarios), status))
        self._number()
        return self.cases

    def _new(self, scenario: Scenario, status: str) -> CasePlan:
        c = CasePlan(scenario, status, self.rng.choice(APPLICANTS[scenario.tumour]),
                     conference=scenario.conference)
        c.urgency = "urgent" if self.rng.random() < 0.12 else "routine"
        return c

    def _chair(self, scenario: Scenario) -> str:
        return next(t.chair for t in TEAMS if scenario.tumour in t.tumour_types)

    def _step(self, c: CasePlan, to: str, at: datetime, who: str, note: str = "") -> None:
        prev = c.events[-1][1] if c.events else ""
        if prev:
            assert permission_for(prev, to), (prev, to)
            at = max(at, c.events[-1][2] + timedelta(minutes=7))
        c.events.append((prev, to, min(at, self.now - timedelta(minutes=1)), who, note))

    def _submit(self, c: CasePlan, created: datetime, approve: bool | None = None) -> None:
        r = self.rng
        self._step(c, "draft", created, c.applicant)
        self._step(c, "submitted", _clock(created.date() + timedelta(days=r.randrange(0, 2)), r, 8, 18),
                   c.applicant)
        if approve is None:
            approve = r.random() < 0.7
        if approve:
            self._step(c, "approved", _clock(c.events[-1][2].date() + timedelta(days=1), r),
                       self._chair(c.scenario))

    def _meeting_case(self, m: MeetingPlan, scenario: Scenario, status: str, position: int) -> CasePlan:
        r = self.rng
        c = self._new(scenario, status)
        c.meeting = m.index
        day = m.start.date()
        lead = r.randrange(2, 4) if c.urgency == "urgent" else r.randrange(5, 19)
        created = _clock(day - timedelta(days=lead + r.randrange(0, 2)), r)
        if m.status == "planned":
            created = min(created, _clock(self.today - timedelta(days=r.randrange(2, 10)), r))
        self._submit(c, created)
        sched_day = min(day - timedelta(days=1), c.events[-1][2].date() + timedelta(days=r.randrange(1, 3)))
        self._step(c, "scheduled", _clock(sched_day, r, 9, 17), "demo_secretary")
        chair = self._chair(scenario)
        end_of_meeting = m.start + timedelta(hours=2)
        item_end = m.start + timedelta(minutes=ITEM_MINUTES * (position + 1) + 4)
        if status == "scheduled":
            c.agenda_status = "pending"
        elif status == "cancelled":
            c.agenda_status = "withdrawn"
            self._step(c, "cancelled", m.start - timedelta(hours=r.randrange(3, 20)), c.applicant, CANCEL_NOTES[0])
        elif status == "approved":
            c.agenda_status = "postponed"
            self._step(c, "approved", end_of_meeting, "demo_secretary", POSTPONE_NOTE)
        else:
            c.agenda_status = "discussed"
            self._step(c, "discussed", item_end, "demo_secretary")
            if status != "discussed":
                self._rest_of_path(c, end_of_meeting, chair)
        return c

    def _rest_of_path(self, c: CasePlan, meeting_end: datetime, chair: str) -> None:
        r, cap = self.rng, datetime.combine(self.today - timedelta(days=1), time(17))
        self._step(c, "finalised", meeting_end + timedelta(minutes=r.randrange(20, 90)), chair)
        if c.status == "finalised":
            return
        signed = _clock(meeting_end.date() + timedelta(days=r.randrange(1, 3)), r)
        self._step(c, "signed", min(signed, cap), chair)
        if c.status == "signed":
            return
        started = _clock(c.events[-1][2].date() + timedelta(days=r.randrange(2, 9)), r)
        self._step(c, "implementing", min(started, cap), c.applicant)
        if c.status == "closed":
            later = _clock(c.events[-1][2].date() + timedelta(days=r.randrange(20, 50)), r)
            self._step(c, "closed", min(later, cap), c.applicant, "治疗按MDT意见完成，转入定期随访")
        elif c.status == "rediscussion":
            later = _clock(c.events[-1][2].date() + timedelta(days=r.randrange(30, 60)), r)
            self._step(c, "rediscussion", min(later, cap), c.applicant, REDISCUSS_NOTE)

    def _open_case(self, scenario: Scenario, status: str, created: datetime | None = None,
                   c: CasePlan | None = None) -> CasePlan:
        r = self.rng
        c = c or self._new(scenario, status)
        span = {"draft": (1, 9), "submitted": (2, 11), "approved": (4, 16), "returned": (4, 18),
                "cancelled": (12, 178)}[status]
        if created is None:
            created = _clock(self.today - timedelta(days=r.randrange(*span)), r)
        if status == "draft":
            self._step(c, "draft", created, c.applicant)
            return c
        self._submit(c, created, approve=True if status == "approved" else None if status == "cancelled"
                     else False)
        if status == "returned":
            self._step(c, "returned", _clock(c.events[-1][2].date() + timedelta(days=1), r),
                       self._chair(scenario), r.choice(RETURN_NOTES))
        elif status == "cancelled":
            self._step(c, "cancelled", _clock(c.events[-1][2].date() + timedelta(days=r.randrange(2, 15)), r),
                       c.applicant, r.choice(CANCEL_NOTES[1:]))
        return c

    def _follow_on(self, earlier: int, status: str) -> CasePlan:
        first = self.cases[earlier]
        c = self._new(first.scenario, status)
        c.applicant = first.applicant
        c.follow_on_of = earlier
        if "surgery" in first.scenario.modalities and first.scenario.conference == "pre_treatment":
            c.conference = "post_operative"
        else:
            c.conference = self.rng.choice(["post_treatment", "recurrence"])
        closed_on = (first.at("closed") or first.events[-1][2]).date()
        room = max(1, (self.today - closed_on).days - 1)
        created = _clock(closed_on + timedelta(days=self.rng.randrange(1, room + 1)), self.rng)
        return self._open_case(first.scenario, status, created, c)

    def _number(self) -> None:
        per_year: dict[int, int] = {}
        for c in sorted(self.cases, key=lambda c: c.created):
            year = c.created.year
            per_year[year] = per_year.get(year, 0) + 1
            c.case_no = f"MDT-{year}-{per_year[year]:04d}"
