"""Demo meetings: attendance, agenda, each discipline's opinion, the decision, actions and follow-ups."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.demo.clinical import EXTRA_DISCIPLINE_OPINION, FOLLOW_UP_STATUS, NURSING
from app.demo.plan import ITEM_MINUTES, CasePlan, MeetingPlan
from app.demo.writer import DemoWriter, utc
from app.domain.vocab import TITLE_GRADE
from db.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Case,
    Decision,
    Discussion,
    FollowUp,
    Meeting,
    Opinion,
    TeamMember,
)

# The order disciplines speak in: imaging and pathology first, then the treating specialties.
SPEAKING_ORDER = ["radiology", "pathology", "surgery", "medical_oncology", "radiation_oncology", "respiratory",
                  "gastroenterology", "interventional", "nursing"]
PREFERENCES = ["患者及家属已知情，同意团队意见，愿意在本院治疗", "家属希望尽量在本院完成治疗，减少往返奔波和费用",
               "患者本人知情同意；家属关注治疗费用，已告知医保报销政策", "患者及家属同意团队意见"]
GUEST_OPINION = "（远程参会）同意上述诊断及分期，方案符合CSCO指南推荐；如本院实施有困难，可转省人民医院继续治疗。"
# Alternatives the team weighed, by the first recommended modality (the plan text carries the details).
ALTERNATIVES = {
    "surgery": "如患者不能耐受手术，可行根治性放疗或同步放化疗；术式可根据术中探查情况调整",
    "chemotherapy": "如不能耐受联合化疗，可改为单药化疗或最佳支持治疗；必要时参加临床试验",
    "radiotherapy": "如不能耐受同步放化疗，可单纯放疗；放疗后评估手术机会",
    "targeted": "如出现不可耐受的不良反应或进展，改行化疗±免疫治疗，并再次活检明确耐药机制",
    "immunotherapy": "如免疫治疗不能耐受，改行含铂双药化疗",
    "interventional": "如介入治疗效果不佳，可联合系统治疗或转上级医院评估肝移植",
    "endocrine": "如内分泌治疗期间进展，改行CDK4/6抑制剂联合内分泌治疗或化疗",
}
DEFAULT_ALTERNATIVE = "如病情变化或患者意愿改变，提交MDT再次讨论"
DEVIATIONS = [("同步化疗第2周期因III度骨髓抑制停用，放疗按计划完成", "contraindication"),
              ("患者考虑经济原因，拒绝部分推荐药物，改用医保目录内替代方案", "patient_wish")]


def _present(w: DemoWriter, rows: list[Attendance]) -> dict[str, Attendance]:
    """Who speaks for each discipline: the most senior attendee of it who signed in."""
    codes = {d.id: code for code, d in w.disciplines.items()}
    best: dict[str, Attendance] = {}
    for a in rows:
        if a.signed_in_at is None or a.discipline_id is None or a.is_guest:
            continue
        code = codes[a.discipline_id]
        if code not in best or TITLE_GRADE.get(a.title, 0) > TITLE_GRADE.get(best[code].title, 0):
            best[code] = a
    return best


def write_meetings(w: DemoWriter, meetings: list[MeetingPlan], plans: list[CasePlan], cases: list[Case]) -> None:
    deviations = list(DEVIATIONS)
    for m in meetings:
        items = [(p, c) for p, c in zip(plans, cases, strict=True) if p.meeting == m.index]
        _meeting(w, m, items, deviations)


def _meeting(w: DemoWriter, m: MeetingPlan, items: list[tuple[CasePlan, Case]], deviations: list) -> None:
    s, now = w.s, w.now
    team, members = w.teams[m.team], w.members[m.team]
    chair, secretary = members[0], members[1]
    scheduled = [p.at("scheduled") for p, _ in items if p.at("scheduled")]
    created = min([*scheduled, m.start - timedelta(days=7)]) - timedelta(hours=2)
    n_discussed = sum(1 for p, _ in items if p.agenda_status == "discussed")
    mt = Meeting(team_id=team.id, scheduled_at=m.start, duration_minutes=120, place=team.default_place,
                 status=m.status, chair_member_id=chair.id, secretary_member_id=secretary.id,
                 started_at=utc(min(m.start + timedelta(minutes=2), now)) if m.status != "planned" else None,
                 ended_at=utc(m.start + timedelta(minutes=ITEM_MINUTES * n_discussed + 12))
                 if m.status == "closed" else None,
                 created_at=utc(created), updated_at=utc(created))
    s.add(mt)
    s.flush()
    w.audit("meeting", mt.id, new={"team": team.name, "scheduled_at": m.start, "status": m.status})
    rows = _attendance(w, m, mt, members)
    speakers = _present(w, rows)
    guest = next((a for a in rows if a.is_guest and a.signed_in_at), None)
    for pos, (plan, case) in enumerate(items):
        item = _agenda_item(w, m, mt, pos, plan, case)
        if plan.agenda_status != "discussed":
            continue
        d = Discussion(case_id=case.id, sequence=1, meeting_id=mt.id, agenda_item_id=item.id,
                       conference_type=case.conference_type, discussed_at=item.started_at,
                       created_at=item.started_at, updated_at=item.ended_at)
        s.add(d)
        s.flush()
        w.audit("discussion", d.id, case_id=case.id, patient_id=case.patient_id,
                new={"meeting": mt.id, "sequence": 1})
        _opinions(w, d, plan, case, speakers, guest if pos < 2 else None, secretary)
        _decision(w, m, d, plan, case, deviations)


def _attendance(w: DemoWriter, m: MeetingPlan, mt: Meeting, members: list[TeamMember]) -> list[Attendance]:
    r, now = w.rng, w.now
    codes = {d.id: code for code, d in w.disciplines.items()}
    core = [mem for mem in members if mem.team_role == "core" and codes.get(mem.discipline_id) not in
            ("radiology", "pathology")]
    absent = {r.choice(core).id} if m.status == "closed" and m.index % 2 == 0 else set()
    late = {mem.id for mem in core[-3:]} if m.status == "in_progress" else set()
    rows = []
    for mem in members:
        if mem.team_role == "guest" and not (m.status == "closed" and m.index == 1):
            continue  # the upper-level expert joined one past meeting by video
        signed = None
        if m.status != "planned" and mem.id not in absent and mem.id not in late:
            signed = min(m.start - timedelta(minutes=r.randrange(0, 14)), now - timedelta(minutes=1))
        a = Attendance(meeting_id=mt.id, member_id=mem.id, user_id=mem.user_id, name=mem.name,
                       department=mem.department, discipline_id=mem.discipline_id, title=mem.title,
                       role=mem.team_role, is_guest=mem.team_role == "guest",
                       signed_in_at=utc(signed) if signed else None,
                       signed_in_by=w.users["demo_secretary"].id if signed else None,
                       left_at=utc(m.start + timedelta(minutes=100)) if signed and m.status == "closed" else None)
        rows.append(a)
    w.s.add_all(rows)
    w.s.flush()
    for a in rows:
        w.audit("attendance", a.id, new={"meeting": mt.id, "name": a.name, "signed_in": a.signed_in_at})
    return rows


def _agenda_item(w: DemoWriter, m: MeetingPlan, mt: Meeting, pos: int, plan: CasePlan, case: Case) -> AgendaItem:
    start = m.start + timedelta(minutes=4 + ITEM_MINUTES * pos)
    item = AgendaItem(meeting_id=mt.id, case_id=case.id, position=pos, minutes=ITEM_MINUTES,
                      status=plan.agenda_status)
    if plan.agenda_status == "discussed":
        item.started_at, item.ended_at = utc(start), utc(start + timedelta(minutes=ITEM_MINUTES))
        if m.index == 3 and plan.status == "finalised" and case.conference_type == "post_operative":
            item.track, item.standard_decision = "listed", plan.scenario.plan
    elif plan.agenda_status == "postponed":
        item.postpone_reason = next(e[4] for e in plan.events if e[4] and e[1] == "approved")
    elif m.status == "in_progress" and pos == 0:
        item.started_at = utc(min(start, w.now - timedelta(minutes=1)))
    w.s.add(item)
    w.s.flush()
    if m.status == "in_progress" and pos == 0:
        mt.current_agenda_item_id = item.id
    w.audit("agenda_item", item.id, case_id=case.id, patient_id=case.patient_id,
            new={"meeting": mt.id, "position": pos, "status": item.status})
    return item


def _opinions(w: DemoWriter, d: Discussion, plan: CasePlan, case: Case, speakers: dict[str, Attendance],
              guest: Attendance | None, secretary: TeamMember) -> None:
    sc, r = plan.scenario, w.rng
    texts = dict(sc.opinions)
    for code, text in EXTRA_DISCIPLINE_OPINION.items():
        texts.setdefault(code, text)
    texts["nursing"] = r.choice(NURSING)
    rows = []
    for code in SPEAKING_ORDER:
        a = speakers.get(code)
        if a is None or code not in texts:
            continue
        rows.append(Opinion(discussion_id=d.id, discipline_id=a.discipline_id, attendance_id=a.id,
                            author_name=a.name, text=texts[code], recorded_by=secretary.user_id,
                            created_at=d.discussed_at, updated_at=d.discussed_at))
    if guest is not None:
        rows.append(Opinion(discussion_id=d.id, discipline_id=guest.discipline_id, attendance_id=guest.id,
                            author_name=guest.name, text=GUEST_OPINION, recorded_by=secretary.user_id,
                            created_at=d.discussed_at, updated_at=d.discussed_at))
    w.s.add_all(rows)
    w.s.flush()
    for o in rows:
        w.audit("opinion", o.id, case_id=case.id, patient_id=case.patient_id,
                new={"discussion": d.id, "author": o.author_name})


def _at_ten(day: date) -> datetime:
    return datetime.combine(day, time(10))


def _rediscussion(meeting_day: date, key: str, modalities: tuple[str, ...]) -> date:
    """When the team looks at the case again: after surgery with the final pathology (4 weeks), after
    systemic or radiation treatment at the first response evaluation (8 weeks), otherwise at 12 weeks."""
    systemic = {"chemotherapy", "radiotherapy", "targeted", "immunotherapy", "interventional", "endocrine"}
    if key == "colon_livermets" or (set(modalities) & systemic and "surgery" not in modalities):
        return meeting_day + timedelta(days=56)
    if "surgery" in modalities:
        return meeting_day + timedelta(days=28)
    return meeting_day + timedelta(days=84)


def _decision(w: DemoWriter, m: MeetingPlan, d: Discussion, plan: CasePlan, case: Case, deviations: list) -> None:
    s, r, sc, today = w.s, w.rng, plan.scenario, w.today
    final = plan.status != "discussed"
    chair_user = w.members[m.team][0].user_id
    finalised = plan.at("finalised")
    started = plan.at("implementing")
    dec = Decision(discussion_id=d.id, version=1, status="finalised" if final else "draft",
                   chair_summary=sc.summary, modalities=list(sc.modalities), plan_text=sc.plan, intent=sc.intent,
                   guideline="CSCO", guideline_version="2025", treat_where=sc.treat_where,
                   alternatives=ALTERNATIVES.get(sc.modalities[0] if sc.modalities else "", DEFAULT_ALTERNATIVE),
                   referral_target=sc.referral_target, patient_preference=r.choice(PREFERENCES),
                   further_workup="腹腔镜探查+腹腔灌洗细胞学" if "workup" in sc.modalities else "",
                   rediscussion_on=_rediscussion(m.start.date(), sc.key, sc.modalities),
                   finalised_at=utc(finalised) if finalised else None, finalised_by=chair_user if final else None,
                   created_at=d.discussed_at, updated_at=utc(finalised) if finalised else d.discussed_at)
    if final and r.random() < 0.08:
        dec.dissent = "个别专家对治疗顺序有不同意见，已充分讨论并记录，最终以多数专家意见为准。"
    if started is not None:
        dec.execution_status = "executed"
        dec.treatment_started_on = started.date()
        dec.treatment_place = "upper" if sc.treat_where == "refer_upward" else "this"
        if plan.status == "implementing" and deviations and r.random() < 0.3:
            dec.execution_status = "partly"
            dec.deviation, dec.deviation_reason = deviations.pop(0)
        dec.execution_recorded_by = case.applicant_id
        dec.execution_recorded_at = utc(min(started + timedelta(hours=20), w.now - timedelta(minutes=1)))
    s.add(dec)
    s.flush()
    w.audit("decision", dec.id, case_id=case.id, patient_id=case.patient_id,
            new={"status": dec.status, "modalities": dec.modalities, "intent": dec.intent})
    meeting_day = m.start.date()
    for what, dept_code in sc.actions:
        who = w.user_in(dept_code) or w.users[plan.applicant]
        due = meeting_day + timedelta(days=r.randrange(5, 15))
        done = started is not None and due < today
        act = ActionItem(decision_id=dec.id, description=what, responsible_user_id=who.id,
                         responsible_name=who.display_name, department=w.department_name(who.department_id),
                         due_on=due, done_at=utc(_at_ten(due - timedelta(days=r.randrange(0, 4)))) if done else None,
                         done_by=who.id if done else None)
        s.add(act)
        s.flush()
        w.audit("action_item", act.id, case_id=case.id, patient_id=case.patient_id,
                new={"description": what, "due_on": due})
    if started is not None:
        _follow_ups(w, plan, case, dec, started.date())


def _follow_ups(w: DemoWriter, plan: CasePlan, case: Case, dec: Decision, started: date) -> None:
    r, today = w.rng, w.today
    for months in (1, 3):
        due = started + timedelta(days=30 * months + (1 if months == 3 else 0))
        if due > today + timedelta(days=45):
            break
        fu = FollowUp(case_id=case.id, decision_id=dec.id, months_after=months, due_on=due,
                      responsible_user_id=case.applicant_id)
        if due < today:
            fu.done_at = utc(min(_at_ten(due + timedelta(days=r.randrange(0, 4))), w.now - timedelta(hours=1)))
            fu.contact = r.choice(["phone", "visit"])
            fu.vital_status = "alive"
            rediscuss = plan.at("rediscussion")
            if rediscuss is not None and rediscuss.date() <= due + timedelta(days=10):
                fu.disease_status, fu.outcome = "疾病进展", "复查CT示新发病灶，已申请再次MDT讨论"
            else:
                fu.disease_status, fu.outcome = r.choice(FOLLOW_UP_STATUS)
            fu.recorded_by = case.applicant_id
        w.s.add(fu)
        w.s.flush()
        w.audit("follow_up", fu.id, case_id=case.id, patient_id=case.patient_id,
                new={"months_after": months, "due_on": due, "done": fu.done_at is not None})
