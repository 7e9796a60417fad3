"""A small hospital for the meeting tests, built through the services: users, a lung team, waiting cases."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import func, select

from app.records import Actor
from db.models import AuditEvent

PASSWORD = "Doctor2026!"

# username, name, role, title, department, discipline, team role
PEOPLE = [
    ("chen", "陈主任", "chair", "chief", "oncology", "medical_oncology", "chair"),
    ("liu", "刘秘书", "secretary", "charge_nurse", "oncology", "", "secretary"),
    ("zhou", "周海涛", "physician", "associate_chief", "thoracic_surgery", "surgery", "core"),
    ("lin", "林秀英", "physician", "associate_chief", "radiology", "radiology", "core"),
    ("huang", "黄振华", "physician", "attending", "pathology", "pathology", "core"),
    ("luo", "罗建平", "physician", "associate_chief", "radiotherapy", "radiation_oncology", "core"),
]


def actor(row) -> Actor:
    return Actor(row.id, row.username, row.display_name, row.role)


def audit_count(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(AuditEvent.id)))


def audited(ctx, fn, *args, **kwargs):
    """Call a mutation and insist it left at least one audit event."""
    before = audit_count(ctx)
    result = fn(*args, **kwargs)
    assert audit_count(ctx) > before, f"{fn.__qualname__} left no audit event"
    return result


def make_case(ctx, admin, team_id: int, name: str, hn: str, conference: str = "pre_treatment",
              submit: bool = True, tumour_type: str = "lung"):
    p = ctx.patients.create(admin, name=name, sex="M", hospital_number=hn)
    c = ctx.case_records.create(admin, p.id, tumour_type=tumour_type, team_id=team_id, conference_type=conference,
                                purpose="明确诊断及治疗方案", question="手术还是同步放化疗？")
    if submit:
        ctx.case_records.submit(admin, c.id, override_reason="病理会前补充")
    return c


def fast_passwords(monkeypatch) -> None:
    """These tests are not about passwords: a cheap argon2 profile instead of 0.7 s per account."""
    from argon2 import PasswordHasher

    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr("app.services.users.hash_password", quick.hash)


def hospital(ctx, admin, monkeypatch, cases: int = 4) -> SimpleNamespace:
    """Users and actors by username, the team with members by username, `cases` submitted lung cases."""
    fast_passwords(monkeypatch)
    users, actors = {}, {}
    for username, name, role, title, dept, _disc, _team_role in PEOPLE:
        row = ctx.users.create(admin, username, name, role, PASSWORD, title=title, department_code=dept,
                               must_change_password=False)
        users[username], actors[username] = row, actor(row)
    team = ctx.teams.create(admin, "肺癌MDT", ["lung"], default_place="四楼会议室")
    members = {}
    for username, _name, _role, _title, _dept, disc, team_role in PEOPLE:
        members[username] = ctx.teams.add_member(admin, team.id, user_id=users[username].id, discipline=disc,
                                                 team_role=team_role)
    members["guest"] = ctx.teams.add_member(admin, team.id, name="邵明哲", department="胸外科",
                                            discipline="surgery", title="chief", team_role="guest",
                                            organisation="省人民医院")
    made = [make_case(ctx, admin, team.id, f"患者{i}", f"ZY{i:03d}") for i in range(cases)]
    return SimpleNamespace(users=users, actors=actors, team=team, members=members, cases=made,
                           chair=actors["chen"], secretary=actors["liu"])


def scheduled_meeting(ctx, h, days: int = 1, cases=None):
    """A planned meeting tomorrow with the given cases (default: all) on its agenda and the team invited."""
    when = (datetime.now() + timedelta(days=days)).replace(hour=14, minute=0, second=0, microsecond=0)
    m = ctx.meetings.schedule(h.secretary, h.team.id, when, duration_minutes=120)
    for c in h.cases if cases is None else cases:
        ctx.agenda.add(h.secretary, m.id, c.id, minutes=15)
    ctx.attendance.invite(h.secretary, m.id)
    return ctx.meetings.get(h.secretary, m.id)


def sign_in_all(ctx, h, meeting_id: int, skip=()) -> dict[str, int]:
    """Sign in every invited attendee (except names in `skip`); attendance ids by attendee name."""
    ids = {}
    for a in ctx.attendance.list(h.secretary, meeting_id):
        ids[a.name] = a.id
        if a.name not in skip:
            ctx.attendance.sign_in(h.secretary, a.id)
    return ids


DECISION = {"chair_summary": "早期肺腺癌，建议手术", "modalities": ["surgery"], "intent": "curative",
            "plan_text": "胸腔镜右肺上叶切除", "guideline": "CSCO", "guideline_version": "2025"}


def running_meeting(ctx, h, cases=None):
    """A started meeting with everyone signed in; (meeting detail, attendance ids by name)."""
    m = scheduled_meeting(ctx, h, cases=cases)
    ids = sign_in_all(ctx, h, m.id)
    return ctx.meetings.start(h.secretary, m.id), ids


def captured(ctx, h, item_id: int, ids: dict[str, int], decision=None):
    """Open the item's discussion and capture one opinion and the decision; the capture state."""
    ctx.capture.open_discussion(h.secretary, item_id)
    return ctx.capture.save_capture(h.secretary, item_id, {
        "opinions": [{"attendance_id": ids["周海涛"], "text": "可手术"}],
        "decision": DECISION if decision is None else decision})
