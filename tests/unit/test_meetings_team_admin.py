"""Team administration (deactivate / bring back, audited) and the audited unmask of a patient's identity."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from meeting_factory import actor, audited, hospital
from sqlalchemy import select

from app.errors import ConflictError, PermissionDenied
from db.models import AuditEvent


def test_a_team_is_deactivated_only_without_open_meetings(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=0)
    m = ctx.meetings.schedule(h.secretary, h.team.id, datetime.now() + timedelta(days=3))
    with pytest.raises(ConflictError) as refused:
        ctx.teams.set_active(h.secretary, h.team.id, False)
    assert "肺癌MDT" in refused.value.localized()
    ctx.meetings.cancel(h.secretary, m.id, "专家外出")
    t = audited(ctx, ctx.teams.set_active, h.secretary, h.team.id, False)
    assert not t.active and h.team.id not in [x.id for x in ctx.teams.list(admin)]
    assert h.team.id in [x.id for x in ctx.teams.list_detailed(admin, include_inactive=True)]
    with pytest.raises(ConflictError):
        ctx.meetings.schedule(h.secretary, h.team.id, datetime.now() + timedelta(days=5))
    assert audited(ctx, ctx.teams.set_active, h.secretary, h.team.id, True).active
    with pytest.raises(PermissionDenied):
        ctx.teams.set_active(h.actors["zhou"], h.team.id, False)  # a physician does not manage teams


def test_unmask_is_recorded_with_who_which_patient_and_when(ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=1)
    case = h.cases[0]
    before = datetime.utcnow() - timedelta(seconds=1)
    ctx.privacy.record_unmask(h.chair, case.id)
    with ctx.db.read() as s:
        [ev] = s.execute(select(AuditEvent).where(AuditEvent.action == "unmask")).scalars().all()
        assert (ev.username, ev.case_id, ev.entity, ev.entity_id) == ("chen", case.id, "patient", ev.patient_id)
        assert ev.patient_id == case.patient.id and ev.at >= before and ev.new["where"] == "presentation"
    viewer = ctx.users.create(admin, "guest1", "旁听", "viewer", "Viewer2026!x", must_change_password=False)
    with pytest.raises(PermissionDenied):
        ctx.privacy.record_unmask(actor(viewer), case.id)
