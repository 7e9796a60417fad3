"""`populate`: fill a new data folder with a believable county hospital's MDT work of the last six months.

Refuses a folder that already holds patients, cases or meetings. Everything is written in one
transaction (all or nothing), every created record is audited as made by the demo administrator, and
the hospital stays marked as demo (`HospitalSettings.is_demo`) until a real user writes real data.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.demo.clinical import FOLLOW_ON_QUESTIONS, MODALITY_ZH, comorbidities, duration, ecog_for
from app.demo.meetings import write_meetings
from app.demo.people import CITY, COUNTY, DEMO_PASSWORD, DEMO_USERS, HOSPITAL, PROVINCE, TEAMS, UPPER_HOSPITAL
from app.demo.plan import CasePlan, Planner
from app.demo.writer import DemoWriter, utc
from app.domain.names import pinyin_keys
from app.domain.reference import DEFAULT_QUORUM
from app.errors import ConflictError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.security.passwords import hash_password
from app.services.auth import actor_of
from db.models import (
    Attachment,
    Case,
    CaseStatusEvent,
    HospitalSettings,
    Meeting,
    Patient,
    Team,
    TeamMember,
    User,
)

if TYPE_CHECKING:
    from app.context import AppContext

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoSummary", "populate"]

SEED = 20261123
HOLDS_DATA = QT_TRANSLATE_NOOP(
    "errors", "This data folder already holds patient data; demo data is only added to a new, empty folder. "
              "Nothing was changed.")
HOLDS_DEMO = QT_TRANSLATE_NOOP("errors", "This data folder already holds the demo data. Nothing was changed.")


@dataclass(frozen=True)
class DemoSummary:
    patients: int
    cases: int
    teams: int
    meetings: int
    users: int
    attachments: int
    seconds: float


def _refuse_if_used(s) -> None:
    used = any(s.scalar(select(func.count()).select_from(model)) for model in (Patient, Case, Meeting))
    if used:
        settings = s.get(HospitalSettings, 1)
        raise ConflictError(HOLDS_DEMO if settings is not None and settings.is_demo else HOLDS_DATA)


def populate(ctx: AppContext, progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Create the demo hospital in `ctx`'s data folder (new or freshly initialised); see the module doc."""
    started = time.perf_counter()

    def say(text: str) -> None:
        if progress is not None:
            progress(translate("demo", text))

    password_hash = None
    if ctx.setup.is_initialised():
        with ctx.db.read() as s:
            _refuse_if_used(s)
    else:
        say(QT_TRANSLATE_NOOP("demo", "Setting up the demo hospital…"))
        ctx.setup.initialise(HOSPITAL, "demo_admin", DEMO_PASSWORD, "王主任", demo=True)
        with ctx.db.read() as s:
            password_hash = s.execute(select(User.password_hash).where(User.username == "demo_admin")).scalar()
    if password_hash is None:
        password_hash = hash_password(DEMO_PASSWORD)  # once: argon2 is slow by design

    rng = random.Random(SEED)
    today, now = date.today(), datetime.now()
    say(QT_TRANSLATE_NOOP("demo", "Planning six months of MDT work…"))
    planner = Planner(rng, today, now)
    plans = planner.plan()
    tmp = ctx.data_dir.tmp / f"demo-{os.getpid()}"
    try:
        with ctx.db.session() as s:
            _refuse_if_used(s)  # again, inside the write transaction: nobody slipped in meanwhile
            s.get(HospitalSettings, 1).is_demo = True
            w = DemoWriter(s, ctx.blobs, rng, today, now)
            say(QT_TRANSLATE_NOOP("demo", "Creating users and teams…"))
            _users(w, password_hash)
            _teams(w)
            say(QT_TRANSLATE_NOOP("demo", "Registering patients and cases…"))
            cases = _patients_and_cases(w, plans)
            say(QT_TRANSLATE_NOOP("demo", "Recording meetings, opinions and decisions…"))
            write_meetings(w, planner.meetings, plans, cases)
            say(QT_TRANSLATE_NOOP("demo", "Generating imaging and pathology files…"))
            from app.demo.media import attach_media  # numpy, pydicom, Pillow: loaded only when used

            attach_media(w, tmp, planner.meetings, plans, cases)
            from app.demo.complete_cases import complete_live_agenda, complete_one_per_template

            complete_one_per_template(w, tmp, cases)
            complete_live_agenda(w, tmp)
            say(QT_TRANSLATE_NOOP("demo", "Adding a year of earlier meetings for the statistics…"))
            from app.demo.history import write_history

            write_history(w)
            counts = {name: s.scalar(select(func.count()).select_from(model)) or 0
                      for name, model in (("patients", Patient), ("cases", Case), ("teams", Team),
                                          ("meetings", Meeting), ("users", User), ("attachments", Attachment))}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    from app.demo.signed import sign_demo_meetings  # pyHanko: loaded only when used

    sign_demo_meetings(ctx, say)
    seconds = round(time.perf_counter() - started, 2)
    say(QT_TRANSLATE_NOOP("demo", "Demo data ready."))
    return DemoSummary(seconds=seconds, **counts)


def _users(w: DemoWriter, password_hash: str) -> None:
    s = w.s
    existing = {u.username: u for u in s.execute(select(User)).scalars()}
    for username, display, role, title, dept, discipline in DEMO_USERS:
        u = existing.get(username)
        if u is None:
            u = User(username=username, display_name=display, role=role, title=title,
                     department_id=w.departments[dept].id, password_hash=password_hash,
                     discipline_id=w.disciplines[discipline].id if discipline else None,
                     phone=w.patients_maker.phone(), must_change_password=False)
            s.add(u)
            s.flush()
            created = True
        else:
            created = False
            if u.department_id is None:
                u.department_id = w.departments[dept].id
        w.users[username] = u
        if w.actor is None:  # demo_admin comes first: every record below is made in its name
            w.actor = actor_of(u)
        if created:
            w.audit("user", u.id, new={"username": username, "role": role, "title": title})


def _teams(w: DemoWriter) -> None:
    s = w.s
    for spec in TEAMS:
        team = s.execute(select(Team).where(Team.name == spec.name)).scalar_one_or_none()
        if team is None:
            team = Team(name=spec.name, name_en=spec.name_en, tumour_types=list(spec.tumour_types),
                        quorum_rule=dict(DEFAULT_QUORUM), followup_months=[1, 3, 6, 12],
                        default_place=spec.place)
            s.add(team)
            s.flush()
            w.audit("team", team.id, new={"name": team.name, "tumour_types": team.tumour_types})
        members = [(spec.chair, "chair"), ("demo_secretary", "secretary")] + [(u, "core") for u in spec.core]
        rows = []
        for username, role in members:
            u = w.users[username]
            rows.append(TeamMember(team_id=team.id, user_id=u.id, name=u.display_name,
                                   department=w.department_name(u.department_id), discipline_id=u.discipline_id,
                                   title=u.title, team_role=role, organisation=HOSPITAL))
        name, dept, discipline, title = spec.guest
        rows.append(TeamMember(team_id=team.id, user_id=None, name=name, department=dept,
                               discipline_id=w.disciplines[discipline].id, title=title, team_role="guest",
                               organisation=UPPER_HOSPITAL))
        s.add_all(rows)
        s.flush()
        for m in rows:
            w.audit("team_member", m.id, new={"team": team.name, "name": m.name, "role": m.team_role})
        w.teams.append(team)
        w.members.append(rows)


def _follow_on_text(plan: CasePlan, first: CasePlan) -> tuple[str, str, str]:
    sc = first.scenario
    purpose, question = FOLLOW_ON_QUESTIONS[plan.conference]
    stage = f"p{sc.stage[1]}{sc.stage[2]}{sc.stage[3]} {sc.stage[4]}期" if sc.stage[1] else f"{sc.stage[4]}期"
    started = first.at("implementing")
    done = "、".join(MODALITY_ZH[m] for m in sc.modalities)
    prior = f"{started:%Y-%m-%d}起按MDT意见（{first.case_no}）行{done}，已完成。" if started else ""
    return purpose, question.format(stage=stage), prior


def _patients_and_cases(w: DemoWriter, plans: list[CasePlan]) -> list[Case]:
    s, r = w.s, w.rng
    patients: list[Patient] = []
    cases: list[Case] = []
    for plan in plans:
        sc = plan.scenario
        if plan.follow_on_of is None:
            spec = w.patients_maker.make(sc.tumour, plan.created.date())
            full, initials = pinyin_keys(spec.name)
            p = Patient(name=spec.name, name_pinyin=full, name_initials=initials, sex=spec.sex,
                        birth_date=spec.birth_date, id_number=spec.id_number, hospital_number=spec.hospital_number,
                        outpatient_number=spec.outpatient_number, phone=spec.phone, province=PROVINCE, city=CITY,
                        county=COUNTY, township=spec.township, address_detail=spec.address_detail,
                        insurance=spec.insurance, created_by=w.users[plan.applicant].id,
                        created_at=utc(plan.created), updated_at=utc(plan.created))
            s.add(p)
            s.flush()
            w.audit("patient", p.id, patient_id=p.id, new={"name": p.name, "hospital_number": p.hospital_number})
            plan.patient = len(patients)
            patients.append(p)
        else:
            plan.patient = plans[plan.follow_on_of].patient
        p = patients[plan.patient]
        age = plan.created.year - p.birth_date.year
        applicant = w.users[plan.applicant]
        team = next(t for t in w.teams if sc.tumour in t.tumour_types)
        prefix, t, n, m, group = sc.stage
        purpose, question, prior = sc.purpose, sc.question, sc.prior
        if plan.follow_on_of is not None:
            purpose, question, prior = _follow_on_text(plan, plans[plan.follow_on_of])
            prefix = "p" if plan.conference == "post_operative" and t else prefix
        incomplete = plan.status == "draft" and r.random() < 0.5
        ecog = None if plan.status == "returned" else ecog_for(r, age, sc.intent)
        submitted = plan.at("submitted")
        c = Case(case_no=plan.case_no, patient_id=p.id, team_id=team.id, status=plan.status,
                 applicant_id=applicant.id, department_id=applicant.department_id,
                 applied_on=(submitted or plan.created).date(), conference_type=plan.conference,
                 urgency=plan.urgency, purpose=purpose, question=question,
                 consent_external=sc.treat_where == "refer_upward",
                 consent_recorded_at=utc(submitted) if submitted and sc.treat_where == "refer_upward" else None,
                 chief_complaint=sc.complaint.format(dur=duration(r)), history=sc.history,
                 comorbidities=comorbidities(r, age), ecog=ecog,
                 kps={0: 90, 1: 80, 2: 70}.get(ecog) if ecog is not None else None,
                 prior_treatment=prior or "无", tumour_type=sc.tumour, primary_site=sc.site,
                 icd10_code=sc.icd10[0], icd10_name=sc.icd10[1], histology_code=sc.histology[0],
                 histology_name=sc.histology[1], grade=sc.grade,
                 biomarkers={} if incomplete else dict(sc.biomarkers),
                 stage_prefix="" if incomplete else prefix, stage_t="" if incomplete else t,
                 stage_n="" if incomplete else n, stage_m="" if incomplete else m,
                 stage_group="" if incomplete else group, stage_system=sc.system, stage_edition=sc.edition,
                 stage_extra=dict(sc.stage_extra), submitted_at=utc(submitted) if submitted else None,
                 created_by=applicant.id, created_at=utc(plan.created), updated_at=utc(plan.events[-1][2]))
        s.add(c)
        s.flush()
        s.add_all(CaseStatusEvent(case_id=c.id, from_status=a, to_status=b, actor_id=w.users[who].id, at=utc(at),
                                  note=note) for a, b, at, who, note in plan.events)
        w.audit("case", c.id, case_id=c.id, patient_id=p.id,
                new={"case_no": c.case_no, "status": c.status, "transitions": len(plan.events)})
        cases.append(c)
    return cases
