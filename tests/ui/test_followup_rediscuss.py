"""Re-discussion from the follow-up section: a confirmation with the reason, then the case is back on its
team's waiting list with its earlier discussion and agenda item still linked."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui import ops
from ui.followup.rediscuss_dialog import RediscussDialog
from ui.followup.section import FOLLOWUPS, FollowUpSection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from closed_loop_factory import decided  # noqa: E402
from test_followup_my_work import due_now  # noqa: E402

TIMEOUT = 10_000


@pytest.fixture
def w(ctx, admin, monkeypatch):
    world = decided(ctx, admin, monkeypatch)
    from app.services.meeting_common import transition
    from db.models import Case

    with ctx.db.session() as s:  # the plan was signed (signing has its own tests)
        transition(ctx, s, world.zhou, s.get(Case, world.case.id), "signed")
    ctx.execution.record(world.zhou, world.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this")
    due_now(ctx, world.case.id)
    yield world
    ops.shutdown()


def test_rediscuss_asks_first_then_puts_the_case_back_on_the_waiting_list(qtbot, ctx, w):
    view = FollowUpSection(ctx, w.zhou)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=TIMEOUT)
    view.tabs.setCurrentIndex(FOLLOWUPS)
    assert view.rediscuss_button.isEnabled()
    qtbot.mouseClick(view.rediscuss_button, Qt.MouseButton.LeftButton)
    dialog = view.actions.dialog
    assert isinstance(dialog, RediscussDialog) and dialog.isVisible()
    # Cancel is the default button: a stray Enter does not send the case back.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.actions.dialog is None, timeout=TIMEOUT)
    assert ctx.case_records.get(w.zhou, w.case.id).status == "implementing"

    dialog = view.rediscuss()
    dialog.accept()  # no reason: refused in the dialog, nothing sent
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setPlainText("随访发现肺内新发结节，需再讨论")
    with qtbot.waitSignal(view.workShown, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.findChild(type(view.open_button), "confirmRediscuss"), Qt.MouseButton.LeftButton)
    assert ctx.case_records.get(w.zhou, w.case.id).status == "rediscussion"
    assert w.case.id in [c.id for c in ctx.agenda.waiting(w.zhou, w.h.team.id)]
    [earlier] = ctx.decisions.discussions(w.zhou, w.case.id)  # the history stays linked to the case
    assert earlier.meeting_id == w.meeting.id
    assert [i.meeting_id for i in ctx.agenda.case_history(w.zhou, w.case.id)] == [w.meeting.id]


def test_a_follow_up_that_finds_recurrence_leads_to_the_confirmation(qtbot, ctx, w):
    from ui.followup.followup_dialog import FollowUpDialog

    view = FollowUpSection(ctx, w.zhou)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=TIMEOUT)
    view.tabs.setCurrentIndex(FOLLOWUPS)
    view.record_followup()
    qtbot.waitUntil(lambda: isinstance(view.actions.dialog, FollowUpDialog), timeout=TIMEOUT)
    dialog = view.actions.dialog
    dialog.vital.setCurrentIndex(dialog.vital.findData("alive"))
    dialog.disease.setCurrentIndex(dialog.disease.findData("recurrence"))
    dialog.outcome.setPlainText("胸部CT示右肺门淋巴结增大")
    dialog.then_rediscuss.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: isinstance(view.actions.dialog, RediscussDialog), timeout=TIMEOUT)
    confirm = view.actions.dialog
    assert "胸部CT示右肺门淋巴结增大" in confirm.reason.toPlainText()
    assert ctx.case_records.get(w.zhou, w.case.id).status == "implementing"  # nothing sent before confirming
    with qtbot.waitSignal(confirm.saved, timeout=TIMEOUT):
        confirm.accept()
    assert ctx.case_records.get(w.zhou, w.case.id).status == "rediscussion"
    [done] = [f for f in ctx.followups.for_case(w.zhou, w.case.id) if f.done_at]
    assert done.disease_status == "recurrence"
