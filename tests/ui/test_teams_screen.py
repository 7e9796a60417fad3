"""The MDT teams screen: create and rename teams, members with and without a login, the quorum rule."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from app.domain.reference import DEFAULT_QUORUM
from db.models import AuditEvent
from ui import errors, ops
from ui.teams import team_dialogs, team_view
from ui.teams.quorum_dialog import QuorumRuleDialog
from ui.teams.team_dialogs import MemberDialog

TIMEOUT = 10_000


def settle(qtbot) -> None:
    qtbot.waitUntil(ops.is_idle, timeout=TIMEOUT)


def make_view(qtbot, ctx, actor) -> team_view.TeamsView:
    view = team_view.TeamsView(ctx, actor)
    qtbot.addWidget(view)
    view.resize(1150, 640)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=TIMEOUT)
    settle(qtbot)
    return view


def answer(monkeypatch, cls, values) -> None:
    monkeypatch.setattr(cls, "ask", classmethod(lambda _cls, *_a, **_k: values))


def audit_actions(ctx, entity: str) -> list[str]:
    with ctx.db.read() as s:
        return list(s.execute(select(AuditEvent.action).where(AuditEvent.entity == entity)).scalars())


def test_create_rename_members_and_quorum(qtbot, monkeypatch, sample_ctx, admin_actor):
    ctx = sample_ctx
    view = make_view(qtbot, ctx, admin_actor)
    assert [view.team_list.item(i).text() for i in range(view.team_list.count())] == ["消化道肿瘤MDT", "胸部肿瘤MDT"]

    answer(monkeypatch, team_dialogs.TeamDialog, {"name": "肝胆肿瘤MDT", "name_en": "HPB", "tumour_types": ["liver"],
                                                  "default_place": "行政楼会议室"})
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.team is not None and view.team.name == "肝胆肿瘤MDT", timeout=TIMEOUT)
    settle(qtbot)
    assert "行政楼会议室" in view.info.text()
    assert view.team.quorum_rule == DEFAULT_QUORUM  # a new team starts with the hospital rule

    answer(monkeypatch, team_dialogs.TeamDialog, {"name": "肝胆胰肿瘤MDT", "name_en": "HPB", "tumour_types": ["liver"],
                                                  "default_place": "行政楼会议室"})
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.team.name == "肝胆胰肿瘤MDT", timeout=TIMEOUT)

    doctor = next(u for u in ctx.users.list(admin_actor) if u.username == "lidoc")
    answer(monkeypatch, MemberDialog, {"user_id": doctor.id, "name": doctor.display_name, "department": "肿瘤科",
                                       "discipline": "medical_oncology", "title": "attending", "team_role": "chair",
                                       "organisation": ""})
    view.members.setFocus()
    qtbot.keyClick(view.members, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: view.members.rowCount() == 1, timeout=TIMEOUT)
    answer(monkeypatch, MemberDialog, {"user_id": None, "name": "邵明哲", "department": "肝胆外科",
                                       "discipline": "surgery", "title": "chief", "team_role": "guest",
                                       "organisation": "省人民医院"})
    qtbot.keyClick(view.members, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: view.members.rowCount() == 2, timeout=TIMEOUT)
    settle(qtbot)
    cells = [[view.members.item(r, c).text() for c in range(7)] for r in range(2)]
    assert cells[0][0] == "李医生" and cells[0][4] == "主持人"
    assert cells[1][:2] == ["邵明哲", "肝胆外科"] and cells[1][5] == "省人民医院" and cells[1][2] == "外科"
    guest = next(m for m in view.team.members if m.name == "邵明哲")
    assert guest.user_id is None and guest.team_role == "guest" and guest.title == "chief"

    view.select_member(guest.id)
    answer(monkeypatch, MemberDialog, {"name": "邵明哲", "department": "肝胆外科", "discipline": "surgery",
                                       "title": "chief", "team_role": "core", "organisation": "省人民医院"})
    qtbot.keyClick(view.members, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: next(m for m in view.team.members if m.id == guest.id).team_role == "core",
                    timeout=TIMEOUT)

    rule = {**DEFAULT_QUORUM, "min_disciplines": 2, "mode": "warn", "require_chair": False}
    answer(monkeypatch, QuorumRuleDialog, rule)
    view.quorum_button.click()
    qtbot.waitUntil(lambda: view.team.quorum_rule["mode"] == "warn", timeout=TIMEOUT)
    settle(qtbot)
    assert ctx.teams.get(admin_actor, view.team.id).quorum_rule == rule
    assert "≥2" in view.quorum.text()

    view.confirm = lambda *_: False  # the secretary changes her mind: nothing happens
    view.select_member(guest.id)
    qtbot.keyClick(view.members, Qt.Key.Key_Delete)
    settle(qtbot)
    assert view.members.rowCount() == 2
    view.confirm = lambda *_: True
    qtbot.keyClick(view.members, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.members.rowCount() == 1, timeout=TIMEOUT)
    view.show_former.setChecked(True)
    assert view.members.rowCount() == 2 and view.members.item(1, 6).text() == "已离开团队"
    assert sorted(audit_actions(ctx, "team")) == ["create", "update", "update"]
    assert sorted(audit_actions(ctx, "team_member")) == ["create", "create", "update", "update"]
    assert not view.grab().isNull()


def test_a_team_with_open_meetings_is_not_deactivated(qtbot, sample_ctx, admin_actor):
    view = make_view(qtbot, sample_ctx, admin_actor)
    view.confirm = lambda *_: True
    chest = next(i for i, t in enumerate(view.teams) if t.name == "胸部肿瘤MDT")  # it has a planned meeting
    view.team_list.setCurrentRow(chest)
    view.active_button.click()
    qtbot.waitUntil(lambda: bool(errors.recorded()), timeout=TIMEOUT)
    [report] = errors.take_recorded()
    assert "胸部肿瘤MDT" in report.message
    gi = next(i for i, t in enumerate(view.teams) if t.name == "消化道肿瘤MDT")
    view.team_list.setCurrentRow(gi)
    view.active_button.click()
    qtbot.waitUntil(lambda: view.team is not None and not view.team.active, timeout=TIMEOUT)
    settle(qtbot)
    assert "消化道肿瘤MDT" not in [t.name for t in sample_ctx.teams.list(admin_actor)]  # not offered any more
    assert view.active_button.text().replace("&", "").startswith("重新启用")
    assert not view.add_member_button.isEnabled()
    view.active_button.click()  # bringing it back needs no confirmation
    qtbot.waitUntil(lambda: view.team.active, timeout=TIMEOUT)
    settle(qtbot)


def test_other_roles_only_read(qtbot, sample_ctx, doctor_actor):
    view = make_view(qtbot, sample_ctx, doctor_actor)
    assert view.team_list.count() == 2
    for b in (view.new_button, view.edit_button, view.active_button, view.add_member_button,
              view.edit_member_button, view.remove_member_button, view.quorum_button):
        assert not b.isEnabled()


def test_member_dialog_takes_the_account_or_a_guest(qtbot, sample_ctx, admin_actor):
    users = sample_ctx.users.list(admin_actor)
    dialog = MemberDialog(users)
    qtbot.addWidget(dialog)
    doctor = next(u for u in users if u.username == "lidoc")
    dialog.account.setCurrentIndex(dialog.account.findData(doctor.id))
    assert dialog.name.text() == "李医生" and dialog.department.text() == doctor.department
    assert dialog.title.currentData() == "attending" and dialog.role.currentData() == "core"
    dialog.account.setCurrentIndex(0)
    assert dialog.role.currentData() == "guest"
    dialog.name.clear()
    dialog.accept()  # refused: a member needs a name
    assert dialog.result() == 0 and dialog.error.text()
    dialog.name.setText("邵明哲")
    dialog.organisation.setText("省人民医院")
    values = dialog.values()
    assert values["user_id"] is None and values["team_role"] == "guest" and values["organisation"] == "省人民医院"


def test_quorum_dialog_round_trip_and_default(qtbot):
    rule = {**DEFAULT_QUORUM, "min_disciplines": 4, "min_title_for_expert": "chief",
            "require_pathology_radiology_first_pre_treatment": False, "mode": "warn"}
    dialog = QuorumRuleDialog(rule)
    qtbot.addWidget(dialog)
    assert dialog.values() == rule
    dialog.findChild(QPushButton, "quorumDefaults").click()
    assert dialog.values() == DEFAULT_QUORUM


@pytest.mark.parametrize("mode", ["block", "warn"])
def test_the_team_rule_decides_block_or_warn(sample_ctx, admin_actor, mode):
    """Configured on the team, obeyed by the meeting: block refuses to start, warn starts with a warning."""
    from datetime import datetime, timedelta

    from app.errors import ValidationError

    ctx = sample_ctx
    team = ctx.teams.create(admin_actor, f"测试{mode}MDT", ["lung"])
    ctx.teams.update(admin_actor, team.id, quorum_rule={**DEFAULT_QUORUM, "mode": mode})
    m = ctx.meetings.schedule(admin_actor, team.id, datetime.now() + timedelta(days=2))
    if mode == "block":
        with pytest.raises(ValidationError):
            ctx.meetings.start(admin_actor, m.id)
        started = ctx.meetings.start(admin_actor, m.id, override_reason="病理科医生在手术中，会后补充意见")
        assert started.quorum_override_reason.startswith("病理科")
    else:
        started = ctx.meetings.start(admin_actor, m.id)
        assert started.quorum.warning and not started.quorum.result.met
    assert started.status == "in_progress"
