"""The follow-up section: each user's own work (overdue action items, decisions awaiting their execution
status, follow-ups due), done through the screen, and the secretary's list of follow-ups due in a period."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui import ops
from ui.followup.execution_dialog import ExecutionDialog
from ui.followup.followup_dialog import FollowUpDialog
from ui.followup.labels import OVERDUE_TEXT
from ui.followup.section import ACTIONS, EXECUTIONS, FOLLOWUPS, PERIOD, FollowUpSection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from closed_loop_factory import decided  # noqa: E402

TIMEOUT = 10_000


@pytest.fixture
def w(ctx, admin, monkeypatch):
    world = decided(ctx, admin, monkeypatch)
    yield world
    ops.shutdown()  # nothing may still use the database the `ctx` fixture closes next


def section(qtbot, ctx, actor) -> FollowUpSection:
    view = FollowUpSection(ctx, actor)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=TIMEOUT)
    return view


def refreshed(qtbot, view: FollowUpSection) -> None:
    with qtbot.waitSignal(view.workShown, timeout=TIMEOUT):
        view.refresh()


def texts(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def due_now(ctx, case_id: int, days_ago: int = 2) -> None:
    """The first planned follow-up of the case falls due `days_ago` days ago (instead of a month ahead)."""
    from sqlalchemy import select

    from db.models import FollowUp

    with ctx.db.session() as s:
        f = s.execute(select(FollowUp).where(FollowUp.case_id == case_id).order_by(FollowUp.due_on)).scalars().first()
        f.due_on = date.today() - timedelta(days=days_ago)


def test_each_user_sees_only_their_own_overdue_work_and_it_leaves_when_done(qtbot, ctx, w):
    mine = section(qtbot, ctx, w.zhou)
    [action] = texts(mine.action_model)
    assert action[2:] == [w.case.case_no, "王建国", "安排胸腔镜手术"] and "逾期" in action[1]
    assert mine.action_model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_TEXT
    assert mine.execution_model.rowCount() == 1 and mine.tabs.tabText(EXECUTIONS).endswith("（1）")
    assert mine.tiles[ACTIONS].count.text() == "1" and "1" in mine.tiles[ACTIONS].overdue.text()
    # 林秀英's own action is a month away: nothing on her list, and none of 周海涛's work.
    other = section(qtbot, ctx, w.lin)
    assert other.work.count == 0 and other.action_model.rowCount() == 0

    # Keyboard: Enter on the action item marks it done; it leaves the list, "reopen" brings it back.
    mine.tabs.setCurrentIndex(ACTIONS)
    mine.tables[ACTIONS].setFocus()
    with qtbot.waitSignal(mine.workShown, timeout=TIMEOUT):
        qtbot.keyClick(mine.tables[ACTIONS], Qt.Key.Key_Return)
    assert mine.action_model.rowCount() == 0 and "安排胸腔镜手术" in mine.notice.text()
    assert mine.reopen_button.isEnabled()
    with qtbot.waitSignal(mine.workShown, timeout=TIMEOUT):
        qtbot.mouseClick(mine.reopen_button, Qt.MouseButton.LeftButton)
    assert mine.action_model.rowCount() == 1
    with qtbot.waitSignal(mine.workShown, timeout=TIMEOUT):
        qtbot.mouseClick(mine.done_button, Qt.MouseButton.LeftButton)
    assert ctx.my_work.for_user(w.zhou).actions == ()
    # Ctrl+O (or the button) opens the case of the current row.
    mine.tabs.setCurrentIndex(EXECUTIONS)
    with qtbot.waitSignal(mine.caseActivated, timeout=TIMEOUT) as opened:
        qtbot.keyClick(mine, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [w.case.id]


def test_recording_execution_through_the_dialog_stores_what_was_typed(qtbot, ctx, w):
    view = section(qtbot, ctx, w.zhou)
    view.tabs.setCurrentIndex(EXECUTIONS)
    qtbot.mouseClick(view.execute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.actions.dialog, ExecutionDialog), timeout=TIMEOUT)
    dialog = view.actions.dialog
    assert w.case.case_no in dialog.findChild(QLabel, "subtitle").text()
    started = date.today() - timedelta(days=4)
    dialog.status.setCurrentIndex(dialog.status.findData("partly"))
    dialog.started.setDate(dialog.started.date().addDays(-4))
    dialog.place.setCurrentIndex(dialog.place.findData("upper"))
    # A partial execution needs its reason: the dialog says so and stays open with what was typed.
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setCurrentIndex(dialog.reason.findData("contraindication"))
    dialog.deviation.setPlainText("肺功能差，改为立体定向放疗")
    dialog.diagnosis.setCurrentIndex(dialog.diagnosis.findData(True))
    dialog.treatment.setCurrentIndex(dialog.treatment.findData(False))
    dialog.change_note.setText("分期由IIIA修正为IIB")
    with qtbot.waitSignal(view.workShown, timeout=TIMEOUT):
        dialog.accept()
    e = ctx.execution.get(w.zhou, w.decision.id)
    assert (e.status, e.treatment_started_on, e.treatment_place, e.deviation_reason, e.deviation) == (
        "partly", started, "upper", "contraindication", "肺功能差，改为立体定向放疗")
    assert (e.diagnosis_changed, e.treatment_changed, e.change_note) == (True, False, "分期由IIIA修正为IIB")
    assert e.recorded_by == "周海涛"
    assert view.execution_model.rowCount() == 0 and view.tabs.tabText(EXECUTIONS).endswith("（0）")
    # Recorded ones come back on request, to be corrected: the dialog shows what was stored.
    with qtbot.waitSignal(view.workShown, timeout=TIMEOUT):
        view.show_recorded.setChecked(True)
    assert texts(view.execution_model)[0][1] == "部分执行"
    assert view.tabs.tabText(EXECUTIONS).endswith("（0）")  # the count stays what is still to do
    view.record_execution()
    qtbot.waitUntil(lambda: isinstance(view.actions.dialog, ExecutionDialog), timeout=TIMEOUT)
    again = view.actions.dialog
    assert (again.status.currentData(), again.reason.currentData(), again.diagnosis.currentData(),
            again.change_note.text()) == ("partly", "contraindication", True, "分期由IIIA修正为IIB")
    again.reject()


def test_a_due_follow_up_appears_for_its_doctor_and_leaves_once_recorded(qtbot, ctx, w):
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this")
    due_now(ctx, w.case.id)
    view = section(qtbot, ctx, w.zhou)
    [row] = texts(view.followup_model)
    assert row[2:] == [w.case.case_no, "王建国", "1 个月随访"] and "逾期 2 天" == row[1]
    assert section(qtbot, ctx, w.lin).followup_model.rowCount() == 0
    assert section(qtbot, ctx, w.h.chair).followup_model.rowCount() == 0

    view.tabs.setCurrentIndex(FOLLOWUPS)
    view.tables[FOLLOWUPS].setFocus()
    qtbot.keyClick(view.tables[FOLLOWUPS], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(view.actions.dialog, FollowUpDialog), timeout=TIMEOUT)
    dialog = view.actions.dialog
    dialog.contact.setCurrentIndex(dialog.contact.findData("phone"))
    dialog.vital.setCurrentIndex(dialog.vital.findData("alive"))
    dialog.disease.setCurrentIndex(dialog.disease.findData("ned"))
    dialog.outcome.setPlainText("术后恢复良好")
    with qtbot.waitSignal(view.workShown, timeout=TIMEOUT):
        dialog.accept()
    assert view.followup_model.rowCount() == 0
    [done] = [f for f in ctx.followups.for_case(w.zhou, w.case.id) if f.done_at]
    assert (done.contact, done.vital_status, done.disease_status, done.outcome) == ("phone", "alive", "ned",
                                                                                   "术后恢复良好")


def test_lost_to_follow_up_needs_its_reason(qtbot, ctx, w):
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this")
    due_now(ctx, w.case.id)
    view = section(qtbot, ctx, w.zhou)
    view.tabs.setCurrentIndex(FOLLOWUPS)
    qtbot.mouseClick(view.followup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.actions.dialog, FollowUpDialog), timeout=TIMEOUT)
    dialog = view.actions.dialog
    dialog.lost.setChecked(True)
    assert not dialog.vital.isEnabled() and dialog.lost_reason.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    dialog.lost_reason.setPlainText("电话停机，地址变更")
    with qtbot.waitSignal(view.workShown, timeout=TIMEOUT):
        dialog.accept()
    [lost] = [f for f in ctx.followups.for_case(w.zhou, w.case.id) if f.done_at]
    assert lost.lost and lost.lost_reason == "电话停机，地址变更"


def test_the_period_list_shows_every_due_follow_up_masked_for_the_viewer(qtbot, ctx, admin, w):
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this")
    due_now(ctx, w.case.id)
    view = section(qtbot, ctx, w.h.secretary)
    with qtbot.waitSignal(view.due.loaded, timeout=TIMEOUT):
        view.tabs.setCurrentIndex(PERIOD)
        view.due.refresh()
    rows = texts(view.due.model)
    assert [r[2:] for r in rows] == [[w.case.case_no, "王建国", "肺癌MDT", "1 个月随访", "周海涛"]]
    assert "逾期" in rows[0][1] and "1" in view.due.summary.text()
    # The secretary chases, the doctor records: no recording for the secretary's role.
    assert view.open_button.isEnabled() and not view.followup_button.isEnabled()
    assert not view.rediscuss_button.isEnabled()

    viewer = ctx.users.create(admin, "guest", "访客", "viewer", "Guest2026!x", must_change_password=False)
    from app.records import Actor

    masked = section(qtbot, ctx, Actor(viewer.id, viewer.username, viewer.display_name, "viewer"))
    with qtbot.waitSignal(masked.due.loaded, timeout=TIMEOUT):
        masked.tabs.setCurrentIndex(PERIOD)
        masked.due.refresh()
    assert texts(masked.due.model)[0][3] == "王*国"
    assert "王建国" not in str(texts(masked.due.model))
