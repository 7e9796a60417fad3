"""A year of MDT history before the demo's recent meetings, so every chart and indicator of the statistics
screen has something to show: weekly meetings of the three teams with their attendance, the cases discussed,
the decisions, how they were carried out and the follow-ups at 1, 3, 6 and 12 months.

The records are the ones the services write (a closed meeting with sign-ins, an agenda item per case, a
discussion with each discipline's opinion, a finalised decision with action items, execution and follow-ups;
a case whose status history follows the workflow). They are planned in memory as rows and inserted table by
table (one executemany each, ids back through RETURNING) in the demo's transaction: ~5,000 rows flushed one
object at a time took 4.5 s. Each row is not audited singly either: one audit event says what the history
holds. It draws on its own random stream, so the recent demo stays as it was.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert

from app.demo.clinical import (
    EXTRA_DISCIPLINE_OPINION,
    NURSING,
    Scenario,
    all_scenarios,
    comorbidities,
    duration,
    ecog_for,
)
from app.demo.meetings import ALTERNATIVES, DEFAULT_ALTERNATIVE, PREFERENCES, SPEAKING_ORDER
from app.demo.people import APPLICANTS, CITY, COUNTY, PROVINCE, TEAMS
from app.demo.writer import DemoWriter, utc
from app.domain.names import pinyin_keys
from app.domain.vocab import TITLE_GRADE
from app.services import audit_chain
from db.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Case,
    CaseStatusEvent,
    Decision,
    Discussion,
    FollowUp,
    Meeting,
    Opinion,
    Patient,
)

SEED = 2025_11
# A meeting a week, 4..52 weeks ago, except the weeks of the recent demo's own closed meetings (8 and 17 weeks
# ago; app/demo/plan.py), so every month of the last year has its meetings.
WEEKS = tuple(w for w in range(52, 3, -1) if w not in (8, 17))
MEETINGS = len(WEEKS)
DEVIATIONS = [("patient_wish", "患者及家属考虑费用，放弃后续靶向治疗"), ("contraindication", "化疗后III度骨髓抑制，减量并推迟")
              , ("disease_change", "治疗中复查病情进展，改行二线方案"), ("other", "医保审批未通过，改用目录内药物")]
LOST = ["电话多次无人接听，家属联系方式已变更", "患者外出务工，无法联系"]
FOLLOW_UP = [("stable", "病情稳定，继续随访"), ("ned", "复查未见复发转移"), ("response", "治疗有效，肿瘤缩小"),
             ("progression", "复查提示进展，建议再次MDT讨论")]



@dataclass
class _Rows:
    """The history as rows per table. A case has one agenda item, discussion and decision: they share its
    index. `_x` keys link a row to its parent's index and are replaced by the parent's id on insert."""

    meetings: list[dict] = field(default_factory=list)
    attendance: list[dict] = field(default_factory=list)
    patients: list[dict] = field(default_factory=list)
    cases: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    agenda: list[dict] = field(default_factory=list)
    discussions: list[dict] = field(default_factory=list)
    opinions: list[dict] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    follow_ups: list[dict] = field(default_factory=list)


def write_history(w: DemoWriter) -> dict[str, int]:
    """Add the year of history to the demo being written (after the recent meetings); returns the counts."""
    r = random.Random(SEED)
    scenarios = all_scenarios()
    rows = _Rows()
    numbers: dict[int, int] = {}
    for week in WEEKS:
        team_index = week % len(w.teams)
        day = w.today - timedelta(days=7 * week + (w.today.weekday() - 2) % 7)  # Wednesdays
        start = datetime.combine(day, time(14, 30))
        pool = [s for s in scenarios if s.tumour in TEAMS[team_index].tumour_types]
        picked = [r.choice(pool) for _ in range(r.randrange(4, 8))]
        _meeting(w, r, rows, team_index, start, picked, numbers)
    _insert_all(w, rows)
    made = {"meetings": len(rows.meetings), "cases": len(rows.cases), "follow_ups": len(rows.follow_ups)}
    audit_chain.record(w.s, w.actor, "create", "demo_history", None, new=made,
                       note="demo data: a year of earlier meetings, added in bulk")
    return made


def _insert_all(w: DemoWriter, rows: _Rows) -> None:
    s = w.s
    s.flush()

    def put(model, table: list[dict], **links: list[int]) -> list[int]:
        for row in table:
            for key, ids in links.items():
                row[key] = ids[row.pop("_" + key)]
        if not table:
            return []
        stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
        return list(s.execute(stmt, table).scalars())

    meetings = put(Meeting, rows.meetings)
    attendance = put(Attendance, rows.attendance, meeting_id=meetings)
    patients = put(Patient, rows.patients)
    cases = put(Case, rows.cases, patient_id=patients)
    put(CaseStatusEvent, rows.events, case_id=cases)
    agenda = put(AgendaItem, rows.agenda, meeting_id=meetings, case_id=cases)
    discussions = put(Discussion, rows.discussions, case_id=cases, meeting_id=meetings, agenda_item_id=agenda)
    put(Opinion, rows.opinions, discussion_id=discussions, attendance_id=attendance)
    decisions = put(Decision, rows.decisions, discussion_id=discussions)
    put(ActionItem, rows.actions, decision_id=decisions)
    put(FollowUp, rows.follow_ups, case_id=cases, decision_id=decisions)


def _meeting(w: DemoWriter, r: random.Random, rows: _Rows, team_index: int, start: datetime,
             picked: list[Scenario], numbers: dict[int, int]) -> None:
    team, members = w.teams[team_index], w.members[team_index]
    chair, secretary = members[0], members[1]
    override = "两位核心专家外出会诊，主持人同意照常讨论" if r.random() < 0.12 else ""
    meeting = len(rows.meetings)
    rows.meetings.append(dict(
        team_id=team.id, scheduled_at=start, duration_minutes=120, place=team.default_place, status="closed",
        chair_member_id=chair.id, secretary_member_id=secretary.id, started_at=utc(start + timedelta(minutes=2)),
        ended_at=utc(start + timedelta(minutes=14 + 10 * len(picked))), quorum_override_reason=override,
        created_at=utc(start - timedelta(days=8)), updated_at=utc(start + timedelta(hours=2))))
    codes = {d.id: code for code, d in w.disciplines.items()}
    core = [mem for mem in members if mem.team_role == "core" and codes.get(mem.discipline_id) not in
            ("radiology", "pathology")]  # imaging and pathology are never missing: the quorum needs them
    absent = {r.choice(core).id} if r.random() < 0.5 else set()
    speakers: dict[str, tuple[int, int]] = {}  # discipline -> (attendance index, title grade): the most senior
    for mem in members:
        guest = mem.team_role == "guest"
        if (guest and r.random() < 0.7) or mem.id in absent:
            continue
        code = codes.get(mem.discipline_id)
        grade = TITLE_GRADE.get(mem.title, 0)
        if code and not guest and (code not in speakers or grade > speakers[code][1]):
            speakers[code] = (len(rows.attendance), grade)
        rows.attendance.append(dict(
            _meeting_id=meeting, member_id=mem.id, user_id=mem.user_id, name=mem.name, department=mem.department,
            discipline_id=mem.discipline_id, title=mem.title, role=mem.team_role, is_guest=guest,
            signed_in_at=utc(start - timedelta(minutes=r.randrange(0, 14))),
            signed_in_by=w.users["demo_secretary"].id, left_at=utc(start + timedelta(minutes=100))))
    who = {code: (i, rows.attendance[i]) for code, (i, _g) in speakers.items()}
    for pos, sc in enumerate(picked):
        _case(w, r, rows, meeting, team.id, start, pos, sc, who, chair.user_id, secretary.user_id, numbers)


def _case(w: DemoWriter, r: random.Random, rows: _Rows, meeting: int, team_id: int, start: datetime, pos: int,
          sc: Scenario, speakers: dict[str, tuple[int, dict]], chair_user: int, secretary_user: int,
          numbers: dict[int, int]) -> None:
    today, index = w.today, len(rows.cases)
    urgent = r.random() < 0.1
    applicant = w.users[r.choice(APPLICANTS[sc.tumour])]
    created = datetime.combine(start.date() - timedelta(days=r.randrange(2, 4) if urgent else r.randrange(5, 20)),
                               time(r.randrange(8, 17), r.randrange(0, 60, 5)))
    submitted = created + timedelta(hours=r.randrange(1, 6))
    item_start = start + timedelta(minutes=4 + 10 * pos)
    finalised = start + timedelta(hours=2, minutes=r.randrange(20, 90))
    signed = datetime.combine(finalised.date() + timedelta(days=r.randrange(1, 3)), time(10))
    execution = r.choices(["executed", "partly", "not", "pending"], [84, 7, 4, 5])[0]
    if (today - start.date()).days > 200 and execution == "pending":
        execution = "executed"  # the oldest decisions have all been followed up by now
    began = signed.date() + timedelta(days=r.randrange(2, 12)) if execution in ("executed", "partly") else None
    place = ""
    if began is not None:
        place = "upper" if sc.treat_where == "refer_upward" else r.choices(["this", "upper", "elsewhere"], [86, 9, 5])[0]
        if place == "upper":
            began += timedelta(days=r.randrange(3, 15))
    if began is not None and began >= today:  # a recent decision whose treatment has not started yet
        execution, began, place = "pending", None, ""
    status = "signed" if execution == "pending" else "implementing" if began and r.random() < 0.25 else "closed"
    path = [("", "draft", created), ("draft", "submitted", submitted),
            ("submitted", "approved", submitted + timedelta(hours=3 if urgent else 20)),
            ("approved", "scheduled", submitted + timedelta(hours=22) if urgent else
             min(start - timedelta(hours=20), submitted + timedelta(days=1, hours=2))),
            ("scheduled", "discussed", item_start + timedelta(minutes=10)),
            ("discussed", "finalised", finalised), ("finalised", "signed", signed)]
    if status != "signed":
        moved = datetime.combine(began or signed.date() + timedelta(days=5), time(9))
        path.append(("signed", "implementing", moved))
        closed = moved + timedelta(days=r.randrange(20, 60))
        if status == "closed" and closed < w.now - timedelta(hours=1):
            path.append(("implementing", "closed", closed))
        else:
            status = "implementing"
    spec = w.patients_maker.make(sc.tumour, created.date())
    full, initials = pinyin_keys(spec.name)
    rows.patients.append(dict(
        name=spec.name, name_pinyin=full, name_initials=initials, sex=spec.sex, birth_date=spec.birth_date,
        id_number=spec.id_number, hospital_number=spec.hospital_number, outpatient_number=spec.outpatient_number,
        phone=spec.phone, province=PROVINCE, city=CITY, county=COUNTY, township=spec.township,
        address_detail=spec.address_detail, insurance=spec.insurance, created_by=applicant.id,
        created_at=utc(created), updated_at=utc(created)))
    numbers[created.year] = numbers.get(created.year, 0) + 1
    age = created.year - spec.birth_date.year
    ecog = ecog_for(r, age, sc.intent)
    prefix, t, n, m, group = sc.stage
    staged = r.random() > 0.1  # a tenth reached the meeting without a complete clinical stage
    rows.cases.append(dict(
        _patient_id=index, case_no=f"MDT-{created.year}-H{numbers[created.year]:03d}", team_id=team_id,
        status=status, applicant_id=applicant.id, department_id=applicant.department_id,
        applied_on=submitted.date(), conference_type=sc.conference, urgency="urgent" if urgent else "routine",
        purpose=sc.purpose, question=sc.question, consent_external=sc.treat_where == "refer_upward",
        chief_complaint=sc.complaint.format(dur=duration(r)), history=sc.history,
        comorbidities=comorbidities(r, age), ecog=ecog, kps={0: 90, 1: 80, 2: 70}.get(ecog),
        prior_treatment=sc.prior or "无", tumour_type=sc.tumour, primary_site=sc.site, icd10_code=sc.icd10[0],
        icd10_name=sc.icd10[1], histology_code=sc.histology[0], histology_name=sc.histology[1], grade=sc.grade,
        biomarkers=dict(sc.biomarkers), stage_prefix=prefix, stage_t=t if staged else "",
        stage_n=n if staged else "", stage_m=m if staged else "", stage_group=group if staged else "",
        stage_system=sc.system, stage_edition=sc.edition, stage_extra=dict(sc.stage_extra),
        submitted_at=utc(submitted), created_by=applicant.id, created_at=utc(created),
        updated_at=utc(path[-1][2])))
    actor = {"draft": applicant.id, "submitted": applicant.id, "implementing": applicant.id,
             "closed": applicant.id, "approved": chair_user, "finalised": chair_user, "signed": chair_user}
    rows.events.extend(dict(_case_id=index, from_status=a, to_status=b, actor_id=actor.get(b, secretary_user),
                            at=utc(at), note="") for a, b, at in path)
    discussed_at, ended = utc(item_start), utc(item_start + timedelta(minutes=10))
    rows.agenda.append(dict(_meeting_id=meeting, _case_id=index, position=pos, minutes=10, status="discussed",
                            started_at=discussed_at, ended_at=ended))
    rows.discussions.append(dict(_case_id=index, _meeting_id=meeting, _agenda_item_id=index, sequence=1,
                                 conference_type=sc.conference, discussed_at=discussed_at,
                                 created_at=discussed_at, updated_at=ended))
    texts = {**EXTRA_DISCIPLINE_OPINION, **sc.opinions, "nursing": r.choice(NURSING)}
    rows.opinions.extend(dict(_discussion_id=index, _attendance_id=speakers[code][0],
                              discipline_id=speakers[code][1]["discipline_id"], author_name=speakers[code][1]["name"],
                              text=texts[code], recorded_by=secretary_user, created_at=discussed_at,
                              updated_at=discussed_at)
                         for code in SPEAKING_ORDER if code in speakers and code in texts)
    reason, deviation = r.choice(DEVIATIONS) if execution in ("partly", "not") else ("", "")
    recorded = execution != "pending"
    rows.decisions.append(dict(
        _discussion_id=index, version=1, status="finalised", chair_summary=sc.summary,
        modalities=list(sc.modalities), plan_text=sc.plan, intent=sc.intent, guideline="CSCO",
        guideline_version="2025", treat_where=sc.treat_where,
        alternatives=ALTERNATIVES.get(sc.modalities[0] if sc.modalities else "", DEFAULT_ALTERNATIVE),
        referral_target=sc.referral_target, patient_preference=r.choice(PREFERENCES),
        further_workup="腹腔镜探查+腹腔灌洗细胞学" if "workup" in sc.modalities else "",
        rediscussion_on=start.date() + timedelta(days=84), finalised_at=utc(finalised), finalised_by=chair_user,
        execution_status=execution, treatment_started_on=began, treatment_place=place, deviation=deviation,
        deviation_reason=reason, execution_recorded_by=applicant.id if recorded else None,
        mdt_effect=_effect(index) if recorded else None,
        execution_recorded_at=utc(datetime.combine(began or signed.date() + timedelta(days=7), time(16)))
        if recorded else None, created_at=discussed_at, updated_at=utc(finalised)))
    for what, dept_code in sc.actions:
        owner = w.user_in(dept_code) or applicant
        due = start.date() + timedelta(days=r.randrange(5, 15))
        rows.actions.append(dict(
            _decision_id=index, description=what, responsible_user_id=owner.id,
            responsible_name=owner.display_name, department=w.department_name(owner.department_id), due_on=due,
            done_at=utc(datetime.combine(due - timedelta(days=r.randrange(0, 4)), time(10))), done_by=owner.id))
    if began is not None:
        _follow_ups(w, r, rows, index, applicant.id, began)


def _follow_ups(w: DemoWriter, r: random.Random, rows: _Rows, index: int, responsible: int, began: date) -> None:
    for months in (1, 3, 6, 12):
        due = began + timedelta(days=round(30.4 * months))
        if due > w.today + timedelta(days=30):
            break
        row = dict(_case_id=index, _decision_id=index, months_after=months, due_on=due,
                   responsible_user_id=responsible, done_at=None, contact="", vital_status="", disease_status="",
                   outcome="", lost_reason="", recorded_by=None)
        if due < w.today - timedelta(days=3):
            luck = r.random()
            if luck < 0.05:
                row.update(done_at=utc(datetime.combine(due + timedelta(days=5), time(11))),
                           lost_reason=r.choice(LOST), recorded_by=responsible)
            elif luck < 0.93:  # the rest is overdue: what "my work" is for
                status, outcome = r.choice(FOLLOW_UP)
                row.update(done_at=utc(datetime.combine(due + timedelta(days=r.randrange(0, 6)), time(10))),
                           contact=r.choice(["phone", "visit"]), vital_status="alive", disease_status=status,
                           outcome=outcome, recorded_by=responsible)
        rows.follow_ups.append(row)


def _effect(index: int) -> dict:
    """What the MDT changed, as the responsible doctor records it with the execution (MDT前后诊断/治疗方案是否改变).
    Published series: the diagnosis changes in roughly one case in seven, the treatment plan in one in three.
    Drawn from its own generator, so the rest of the history stays as it was."""
    r = random.Random(f"effect-{index}")
    diagnosis, treatment = r.random() < 0.15, r.random() < 0.35
    note = ("病理会诊修正组织学分型" if diagnosis else "") or ("治疗顺序经讨论调整" if treatment else "")
    return {"diagnosis_changed": diagnosis, "treatment_changed": treatment or diagnosis, "note": note}
