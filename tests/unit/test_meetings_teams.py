"""Teams: members (users and guests, on several teams), the quorum rule, follow-up and signing settings."""

from datetime import datetime, timedelta

import pytest
from meeting_factory import audited, hospital
from sqlalchemy import select

from app.domain.reference import DEFAULT_QUORUM
from app.errors import ConflictError, PermissionDenied, ValidationError
from db.models import AuditEvent


def test_a_team_is_created_with_the_default_quorum_and_validated(ctx, admin):
    t = audited(ctx, ctx.teams.create, admin, "消化道肿瘤MDT", ["gastric", "colorectal"], name_en="GI board",
                followup_months=[6, 1, 3, 3])
    assert t.quorum_rule == DEFAULT_QUORUM and t.followup_months == (1, 3, 6) and t.sign_policy == "all_experts"
    assert t.tumour_types == ("gastric", "colorectal") and t.members == ()
    with pytest.raises(ConflictError):
        ctx.teams.create(admin, "消化道肿瘤MDT")
    for bad in ({"name": " "}, {"tumour_types": ["brain"]}, {"quorum_rule": {"mode": "strict"}},
                {"followup_months": [0]}, {"sign_policy": "nobody"}, {"colour": "red"}):
        with pytest.raises(ValidationError):
            ctx.teams.update(admin, t.id, **bad)
    changed = audited(ctx, ctx.teams.update, admin, t.id, quorum_rule={"mode": "warn", "min_disciplines": 4},
                      sign_policy="chair_only")
    assert changed.quorum_rule == {**DEFAULT_QUORUM, "mode": "warn", "min_disciplines": 4}
    with ctx.db.read() as s:
        ev = s.execute(select(AuditEvent).where(AuditEvent.entity == "team", AuditEvent.action == "update")).scalar_one()
    assert ev.old["sign_policy"] == "all_experts" and ev.new["quorum_rule"]["mode"] == "warn"
    assert [r.name for r in ctx.teams.list(admin)] == ["消化道肿瘤MDT"]


def test_members_are_users_or_guests_and_may_sit_on_several_teams(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=0)
    lung = ctx.teams.get(h.secretary, h.team.id)
    roles = {m.name: (m.team_role, m.discipline, m.title) for m in lung.members}
    assert roles["陈主任"] == ("chair", "medical_oncology", "chief")
    assert roles["林秀英"] == ("core", "radiology", "associate_chief")  # title and name from the account
    guest = next(m for m in lung.members if m.team_role == "guest")
    assert guest.user_id is None and guest.organisation == "省人民医院"
    gi = ctx.teams.create(h.secretary, "消化MDT", ["gastric"])
    again = audited(ctx, ctx.teams.add_member, h.secretary, gi.id, user_id=h.users["lin"].id,
                    discipline="radiology")
    assert again.department == "影像科"
    with pytest.raises(ConflictError):
        ctx.teams.add_member(h.secretary, gi.id, user_id=h.users["lin"].id)
    teams_of_lin = [t.name for t in ctx.teams.list_detailed(h.secretary)
                    if any(m.user_id == h.users["lin"].id for m in t.members)]
    assert sorted(teams_of_lin) == sorted(["肺癌MDT", "消化MDT"])
    with pytest.raises(ValidationError):
        ctx.teams.add_member(h.secretary, gi.id, name="")
    with pytest.raises(ValidationError):
        ctx.teams.add_member(h.secretary, gi.id, name="某人", discipline="astrology")
    with pytest.raises(ValidationError):
        ctx.teams.add_member(h.secretary, gi.id, name="某人", team_role="boss")
    with pytest.raises(PermissionDenied):
        ctx.teams.add_member(h.actors["zhou"], gi.id, name="某人")


def test_members_are_updated_and_deactivated_not_deleted(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=0)
    zhou = h.members["zhou"]
    row = audited(ctx, ctx.teams.update_member, h.secretary, zhou.id, title="chief", team_role="chair")
    assert (row.title, row.team_role) == ("chief", "chair")
    gone = audited(ctx, ctx.teams.deactivate_member, h.secretary, zhou.id)
    assert not gone.active
    team = ctx.teams.get(h.secretary, h.team.id)
    assert any(m.id == zhou.id and not m.active for m in team.members)
    # an inactive member is not invited
    m = ctx.meetings.schedule(h.secretary, h.team.id, datetime.now() + timedelta(days=1))
    invited = ctx.attendance.invite(h.secretary, m.id)
    assert "周海涛" not in {a.name for a in invited} and "邵明哲" not in {a.name for a in invited}
    with ctx.db.read() as s:
        events = s.execute(select(AuditEvent.action).where(AuditEvent.entity == "team_member",
                                                           AuditEvent.entity_id == zhou.id)).scalars().all()
    assert events == ["create", "update", "update"]
