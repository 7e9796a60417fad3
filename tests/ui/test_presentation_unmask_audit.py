"""Unmasking on the presenter console is on the audit trail: who, which patient, when (issue 5, item 4)."""

from datetime import datetime, timedelta

import pytest
import test_presentation_support as support
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.records import Actor
from db.models import AuditEvent
from ui import errors
from ui.session import Session


@pytest.fixture
def demo_session(tmp_path_factory, tmp_path):
    with support.demo_session(tmp_path_factory, tmp_path) as session:
        yield session


def _unmask_events(ctx) -> list[AuditEvent]:
    with ctx.db.read() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.action == "unmask").order_by(AuditEvent.id)).scalars()
        return [(e.username, e.patient_id, e.case_id, e.at, dict(e.new or {})) for e in rows]


def test_unmasking_is_audited_and_the_next_case_starts_masked(qtbot, demo_session):
    ctx = demo_session.ctx
    meeting = support.live_meeting(demo_session)
    console = support.open_console(qtbot, demo_session, meeting.id)
    console.confirm_unmask = lambda: True
    first = console.show_data
    assert _unmask_events(ctx) == []
    before = datetime.utcnow() - timedelta(seconds=1)
    qtbot.keyClick(console, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: not console.audience.masked, timeout=5_000)
    [(who, patient_id, case_id, at, new)] = _unmask_events(ctx)
    assert who == demo_session.actor.username
    assert (patient_id, case_id) == (first.case.patient.id, first.item.case_id)
    assert before <= at <= datetime.utcnow() and new["where"] == "presentation"
    assert first.case.patient.name in console.audience.patient.text()

    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # the next patient is not shown unmasked without a new entry
    qtbot.waitUntil(lambda: console.is_loaded and console.show_data.item.id != first.item.id, timeout=15_000)
    assert console.audience.masked
    second = console.show_data.case.patient
    assert second.name not in " ".join(support.all_texts(console.audience))
    qtbot.keyClick(console, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: len(_unmask_events(ctx)) == 2, timeout=5_000)
    assert _unmask_events(ctx)[1][1] == second.id
    console.close()


def test_a_role_without_the_permission_cannot_unmask(qtbot, demo_session):
    ctx = demo_session.ctx
    meeting = support.live_meeting(demo_session)
    admin = demo_session.actor
    viewer = ctx.users.create(admin, "lookonly", "旁听者", "viewer", "Viewer2026!x", must_change_password=False)
    session = Session(ctx, Actor(viewer.id, viewer.username, viewer.display_name, viewer.role), ctx.setup.info())
    console = support.open_console(qtbot, session, meeting.id)
    console.confirm_unmask = lambda: True
    qtbot.keyClick(console, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: bool(errors.recorded()), timeout=5_000)
    [report] = errors.take_recorded()
    assert "identity.unmask" in report.message
    assert console.audience.masked and _unmask_events(ctx) == []
    console.close()
