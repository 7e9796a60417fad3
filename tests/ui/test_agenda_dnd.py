"""The agenda's order by drag and drop and from the keyboard; the listed (standard decision) track."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_meetings_screen import MEMBERS, add_waiting_cases, make_screen, open_meeting, settle, team_id

from db.models import AuditEvent
from ui.meetings import meeting_dialogs
from ui.meetings.agenda_table import moved

TIMEOUT = 10_000


@pytest.fixture
def gi_meeting(sample_ctx, admin_actor) -> int:
    """A planned meeting of 消化道肿瘤MDT (two of its cases wait for a meeting)."""
    tid = team_id(sample_ctx, admin_actor, "消化道肿瘤MDT")
    for name, discipline, title, role in MEMBERS:
        sample_ctx.teams.add_member(admin_actor, tid, name=name, department="肿瘤科", discipline=discipline,
                                    title=title, team_role=role)
    return sample_ctx.meetings.schedule(admin_actor, tid, datetime.now() + timedelta(days=5), "示教室").id


def test_moved_puts_the_dragged_rows_before_the_drop_row():
    assert moved([1, 2, 3, 4], [4], 0) == [4, 1, 2, 3]
    assert moved([1, 2, 3, 4], [1], 4) == [2, 3, 4, 1]
    assert moved([1, 2, 3, 4], [1], 2) == [2, 1, 3, 4]
    assert moved([1, 2, 3, 4], [2], 2) == [1, 2, 3, 4]  # dropped onto itself: nothing moves
    assert moved([1, 2, 3, 4], [2, 3], 0) == [2, 3, 1, 4]


def _order(ctx, actor, meeting_id: int) -> list[int]:
    return [i.id for i in ctx.meetings.get(actor, meeting_id).agenda]


def _drop(table, rows: list[int], onto_row: int) -> None:
    """What Qt delivers when the rows are dragged and released on the top edge of `onto_row`."""
    model = table.model()
    mime = model.mimeData([model.index(r, 0) for r in rows])
    rect = table.visualRect(model.index(onto_row, 0))
    at = QPointF(rect.center().x(), rect.top() + 2)
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(at.toPoint(), *args)
    QApplication.sendEvent(table.viewport(), enter)  # Qt delivers the drop to the widget that took the enter
    assert enter.isAccepted()
    QApplication.sendEvent(table.viewport(), QDragMoveEvent(at.toPoint(), *args))
    QApplication.sendEvent(table.viewport(), QDropEvent(at, *args))


def test_drag_and_drop_and_ctrl_arrows_reorder_the_agenda(qtbot, monkeypatch, sample_ctx, admin_actor, gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    add_waiting_cases(qtbot, monkeypatch, panel)
    first, second = _order(sample_ctx, admin_actor, gi_meeting)
    table = panel.agenda_table
    assert table.dragEnabled() and table.acceptDrops()

    _drop(table, [1], 0)  # the second case dragged above the first
    qtbot.waitUntil(lambda: _order(sample_ctx, admin_actor, gi_meeting) == [second, first], timeout=TIMEOUT)
    settle(qtbot)
    assert [r.id for r in panel.agenda_model.rows()] == [second, first]
    assert panel.agenda_model.index(0, 0).data() == "1"

    panel.select_item(first)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _order(sample_ctx, admin_actor, gi_meeting) == [first, second], timeout=TIMEOUT)
    settle(qtbot)
    assert panel.selected_item_id() == first  # the moved case stays chosen: press again to move it further
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _order(sample_ctx, admin_actor, gi_meeting) == [second, first], timeout=TIMEOUT)
    settle(qtbot)
    with sample_ctx.db.read() as s:
        moves = s.execute(select(AuditEvent).where(AuditEvent.action == "reorder")).scalars().all()
        assert len(moves) == 3 and moves[-1].username == admin_actor.username


def test_a_closed_meeting_takes_no_drop(qtbot, sample_ctx, admin_actor):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    closed = next(r.id for r in view.model._rows if r.status == "closed")
    panel = open_meeting(qtbot, view, closed)
    assert not panel.agenda_table.acceptDrops() and not panel.agenda_table.dragEnabled()


def test_listed_track_takes_no_time_and_keeps_the_standard_decision(qtbot, monkeypatch, sample_ctx, admin_actor,
                                                                     gi_meeting):
    view = make_screen(qtbot, sample_ctx, admin_actor)
    panel = open_meeting(qtbot, view, gi_meeting)
    add_waiting_cases(qtbot, monkeypatch, panel, minutes=15)
    assert panel.detail.total_minutes == 30
    item = panel.agenda_model.row_at(1)
    asked = []

    def ask(_parent, case_no, track, standard):
        asked.append((case_no, track, standard))
        return "listed", "按CSCO指南行术后辅助化疗（XELOX 8周期）"

    monkeypatch.setattr(meeting_dialogs.TrackDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    panel.select_item(item.id)
    panel.track_button.click()
    qtbot.waitUntil(lambda: panel.agenda_model.row_at(1).track == "listed", timeout=TIMEOUT)
    settle(qtbot)
    assert asked == [(item.case_no, "discuss", "")]
    assert panel.detail.total_minutes == 15 and "15" in panel.total.text()
    assert panel.agenda_model.index(1, 4).data() == "—" and panel.agenda_model.index(1, 5).data() == "仅备案"
    assert sample_ctx.meetings.get(admin_actor, gi_meeting).agenda[1].standard_decision.startswith("按CSCO")


def test_track_dialog_needs_the_standard_decision(qtbot):
    dialog = meeting_dialogs.TrackDialog("MDT2026-0002", "discuss", "")
    qtbot.addWidget(dialog)
    assert not dialog.standard.isEnabled()
    dialog.track.setCurrentIndex(dialog.track.findData("listed"))
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text()
    dialog.standard.setPlainText("术后常规随访")
    assert dialog.values() == ("listed", "术后常规随访")
