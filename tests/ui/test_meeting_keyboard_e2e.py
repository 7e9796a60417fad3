"""Issue 5, done when: a whole meeting run from the keyboard across the real screens.

The secretary opens the meeting in the main window, invites the team and signs everyone in, checks the
quorum, starts the meeting, opens presentation mode and the decision capture, steps through the agenda on
the presenter console, records each attendee's opinion and the full decision of every case, and closes the
meeting; the chair then finalises every decision. Afterwards the record holds everything, attributed and
time-stamped. Chinese text arrives as an input method commits it; everything else is keys.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit
from sqlalchemy import select
from test_capture_support import FAST_MS, commit_text

from db.models import AuditEvent
from ui import ops
from ui.main_window import MainWindow
from ui.meetings.capture import common as capture_common
from ui.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from meeting_factory import hospital  # noqa: E402

K = Qt.Key
ALT, CTRL, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TIMEOUT = 15_000
SPEAKERS = ("周海涛", "林秀英", "黄振华")  # surgery, radiology, pathology speak on every case


def focus() -> object:
    return QApplication.focusWidget()


def key(qtbot, k, mods=Qt.KeyboardModifier.NoModifier, target=None) -> None:
    qtbot.keyClick(target or focus(), k, mods)


def tab_to(qtbot, widget, limit: int = 80) -> None:
    """Press Tab until the widget has the focus (it must be reachable from the keyboard)."""
    for _ in range(limit):
        if focus() is widget:
            return
        key(qtbot, K.Key_Tab)
    raise AssertionError(f"{widget.objectName() or widget} cannot be reached with Tab")


def type_text(text: str) -> None:
    commit_text(focus(), text)


def answer_the_modal_with_enter(qtbot, seen: list[str]) -> None:
    """Once a modal box is up, press Enter in it as the chair would (its default button is the answer);
    a box that never appears fails the test instead of hanging it."""
    deadline = [40]  # × 50 ms

    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            deadline[0] -= 1
            if deadline[0] > 0:
                QTimer.singleShot(50, press)
            return
        seen.append(box.objectName())
        qtbot.keyClick(box, K.Key_Return)

    QTimer.singleShot(0, press)


def activate(qtbot, window) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)


def settle(qtbot) -> None:
    qtbot.waitUntil(ops.is_idle, timeout=TIMEOUT)


def decision_for(n: int) -> dict:
    return {"chair_summary": f"第{n}例：早期肺腺癌，具备手术指征", "plan_text": f"第{n}例：胸腔镜右肺上叶切除+淋巴结清扫",
            "guideline_version": "2025", "patient_preference": "患者及家属同意在本院手术",
            "further_workup": "术前肺功能及心脏彩超", "action": f"第{n}例：预约手术并完成术前检查"}


def fill_case(qtbot, c, n: int, attendance: dict[str, int]) -> None:
    """Everything the meeting says about case n, typed into the capture console."""
    d = decision_for(n)
    key(qtbot, K.Key_Tab, target=c)
    for name in SPEAKERS:
        tab_to(qtbot, c.opinions.boxes[attendance[name]])
        type_text(f"{name}：第{n}例意见")
    tab_to(qtbot, c.form.texts["chair_summary"])
    type_text(d["chair_summary"])
    tab_to(qtbot, c.form.modalities["surgery"])
    key(qtbot, K.Key_Space)
    tab_to(qtbot, c.form.texts["plan_text"])
    type_text(d["plan_text"])
    tab_to(qtbot, c.form.intent)
    key(qtbot, K.Key_Down)  # (not set) -> curative
    tab_to(qtbot, c.form.guideline)
    key(qtbot, K.Key_Down)
    key(qtbot, K.Key_Down)  # (none) -> CACA -> CSCO
    tab_to(qtbot, c.form.guideline_version)
    type_text(d["guideline_version"])
    tab_to(qtbot, c.form.texts["patient_preference"])
    type_text(d["patient_preference"])
    tab_to(qtbot, c.form.texts["further_workup"])
    type_text(d["further_workup"])
    table = c.form.actions.table
    tab_to(qtbot, table)
    key(qtbot, K.Key_Insert)  # a new action; its description is being edited
    qtbot.waitUntil(lambda: focus() is not table, timeout=TIMEOUT)
    type_text(d["action"])
    key(qtbot, K.Key_Tab)  # -> responsible person: the picker, attendees first
    qtbot.waitUntil(lambda: isinstance(focus(), QComboBox) or isinstance(focus().parent(), QComboBox))
    for _ in range(3):
        key(qtbot, K.Key_Down)  # down to the third attendee
    key(qtbot, K.Key_Tab)  # -> department (filled from the account)
    key(qtbot, K.Key_Tab)  # -> due date
    qtbot.waitUntil(lambda: isinstance(focus(), QDateEdit) or isinstance(focus().parent(), QDateEdit))
    key(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: bool(table.item(0, 3) and table.item(0, 3).text()), timeout=TIMEOUT)
    tab_to(qtbot, c.form.rediscuss)
    key(qtbot, K.Key_Space)
    key(qtbot, K.Key_S, CTRL)


def test_a_whole_meeting_from_the_keyboard(qtbot, ctx, admin, monkeypatch):
    h = hospital(ctx, admin, monkeypatch, cases=2)
    when = (datetime.now() + timedelta(hours=1)).replace(second=0, microsecond=0)
    meeting = ctx.meetings.schedule(h.secretary, h.team.id, when, "四楼会议室", 120)
    for case in h.cases:  # the agenda the secretary built last week
        ctx.agenda.add(h.secretary, meeting.id, case.id, minutes=15)
    started_test = datetime.utcnow() - timedelta(seconds=1)

    # -- the secretary: meetings screen, invite, sign in, quorum, start -------------------------------
    win = MainWindow(Session(ctx, h.secretary, ctx.setup.info()))
    qtbot.addWidget(win)
    win.show()
    activate(qtbot, win)
    key(qtbot, K.Key_2, CTRL, target=win)
    view = win.view("meetings")
    qtbot.waitUntil(lambda: view is not None and view.is_loaded and view.detail.detail is not None, timeout=TIMEOUT)
    panel = view.detail
    assert panel.detail.id == meeting.id
    key(qtbot, K.Key_I, ALT, target=win)  # invite the team
    qtbot.waitUntil(lambda: panel.attendance_model.rowCount() == 6, timeout=TIMEOUT)
    settle(qtbot)
    assert "⚠" in panel.quorum_label.text()  # nobody is in the room yet
    tab_to(qtbot, panel.attendance_table)
    key(qtbot, K.Key_Home)
    for n in range(6):  # Enter signs in the chosen attendee and moves to the next
        key(qtbot, K.Key_Return)
        qtbot.waitUntil(lambda n=n: sum(1 for r in panel.attendance_model.rows() if r.signed_in_at) == n + 1,
                        timeout=TIMEOUT)
        settle(qtbot)
    assert panel.quorum_met and "✓" in panel.quorum_label.text()
    key(qtbot, K.Key_S, ALT, target=win)  # start the meeting
    qtbot.waitUntil(lambda: panel.detail.status == "in_progress", timeout=TIMEOUT)
    settle(qtbot)
    attendance = {r.name: r.id for r in panel.attendance_model.rows()}
    items = [r.id for r in panel.agenda_model.rows()]

    # -- presentation mode and the decision capture, the capture following the presenter ------------
    key(qtbot, K.Key_R, ALT, target=win)  # presentation mode (a mnemonic clicks after a short animation)
    qtbot.waitUntil(lambda: ("presentation", meeting.id) in view.tools.windows, timeout=TIMEOUT)
    presenter = view.tools.windows[("presentation", meeting.id)]
    qtbot.addWidget(presenter.audience)
    qtbot.waitUntil(lambda: presenter.is_loaded, timeout=TIMEOUT)
    assert presenter.show_data.item.id == items[0]
    activate(qtbot, win)
    key(qtbot, K.Key_Q, ALT, target=win)  # decision capture
    qtbot.waitUntil(lambda: ("capture", meeting.id) in view.tools.windows, timeout=TIMEOUT)
    capture = view.tools.windows[("capture", meeting.id)]
    capture.timer.setInterval(FAST_MS)
    for n, item_id in enumerate(items, 1):
        qtbot.waitUntil(lambda item_id=item_id: capture.item_id == item_id and capture.mode == "draft",
                        timeout=TIMEOUT)
        settle(qtbot)
        activate(qtbot, capture)
        fill_case(qtbot, capture, n, attendance)
        qtbot.waitUntil(lambda item_id=item_id, n=n: ctx.capture.capture(h.secretary, item_id).draft.further_workup
                        == decision_for(n)["further_workup"], timeout=TIMEOUT)
        key(qtbot, K.Key_D, CTRL, target=capture)  # discussed
        qtbot.waitUntil(lambda: capture.current_item().status == "discussed", timeout=TIMEOUT)
        settle(qtbot)
        if n < len(items):
            activate(qtbot, presenter)
            key(qtbot, K.Key_PageDown, target=presenter)  # the projector moves on, the capture follows
            qtbot.waitUntil(lambda n=n: presenter.is_loaded and presenter.show_data.number == n + 1, timeout=TIMEOUT)
    presenter.close()
    capture.close()

    activate(qtbot, win)
    key(qtbot, K.Key_C, ALT, target=win)  # close the meeting
    qtbot.waitUntil(lambda: panel.record is not None, timeout=TIMEOUT)
    settle(qtbot)

    # -- the chair finalises every decision -----------------------------------------------------------
    asked = []
    monkeypatch.setattr(capture_common, "test_mode", lambda: False)  # the real modal box, answered below
    chair_win = MainWindow(Session(ctx, h.chair, ctx.setup.info()))
    qtbot.addWidget(chair_win)
    chair_win.show()
    activate(qtbot, chair_win)
    key(qtbot, K.Key_2, CTRL, target=chair_win)
    chair_view = chair_win.view("meetings")
    qtbot.waitUntil(lambda: chair_view is not None and chair_view.detail.detail is not None, timeout=TIMEOUT)
    settle(qtbot)
    key(qtbot, K.Key_Q, ALT, target=chair_win)
    qtbot.waitUntil(lambda: ("capture", meeting.id) in chair_view.tools.windows, timeout=TIMEOUT)
    final = chair_view.tools.windows[("capture", meeting.id)]
    for n, item_id in enumerate(items, 1):
        qtbot.waitUntil(lambda item_id=item_id: final.item_id == item_id and final.state is not None
                        and final.mode != "loading", timeout=TIMEOUT)
        settle(qtbot)
        activate(qtbot, final)
        answer_the_modal_with_enter(qtbot, asked)
        key(qtbot, K.Key_F, CTRL | SHIFT, target=final)
        qtbot.waitUntil(lambda: final.mode == "final", timeout=TIMEOUT)
        assert "陈主任" in final.final_label.text()
        if n < len(items):
            activate(qtbot, final)  # the box has closed: the console is the active window again
            key(qtbot, K.Key_PageDown, CTRL, target=final)
    assert asked == ["confirmFinaliseDialog"] * len(items)
    # Finalised decisions go straight to signing: every signer finds the documents in their queue.
    qtbot.waitUntil(lambda: len(ctx.documents.pending_for(h.chair)) == len(items), timeout=TIMEOUT)
    final.close()

    # -- the record ----------------------------------------------------------------------------------
    record = ctx.meetings.record(h.secretary, meeting.id)
    m = record.meeting
    assert m.status == "closed" and m.started_at and m.ended_at and not m.quorum_override_reason
    assert len(record.attendance) == 6
    for a in record.attendance:
        assert a.signed_in_at >= started_test and a.signed_in_by == "刘秘书"
    people = {a.id: a for a in record.attendance}
    for n, r in enumerate(record.items, 1):
        d, i = decision_for(n), r.item
        assert i.status == "discussed" and i.started_at and i.ended_at and i.ended_at >= i.started_at
        opinions = {o.author_name: o for o in r.discussion.opinions}
        assert set(opinions) == set(SPEAKERS)
        for name, o in opinions.items():
            assert o.text == f"{name}：第{n}例意见" and o.recorded_by == "刘秘书" and o.created_at >= started_test
            assert people[o.attendance_id].name == name and o.discipline == people[o.attendance_id].discipline
        [dec] = r.discussion.decisions
        assert dec.status == "finalised" and dec.finalised_by == "陈主任" and dec.finalised_at >= started_test
        assert (dec.chair_summary, dec.plan_text, dec.patient_preference, dec.further_workup) == (
            d["chair_summary"], d["plan_text"], d["patient_preference"], d["further_workup"])
        assert dec.modalities == ("surgery",) and dec.intent == "curative" and dec.treat_where == "local"
        assert (dec.guideline, dec.guideline_version) == ("CSCO", "2025")
        assert dec.rediscussion_on and dec.rediscussion_on > date.today()
        [act] = dec.actions
        third = list(attendance)[2]
        assert act.description == d["action"] and act.responsible_name == third
        assert act.responsible_user_id == h.users["zhou"].id and act.department and act.due_on > date.today()
    with ctx.db.read() as s:
        actions = set(s.execute(select(AuditEvent.action).where(AuditEvent.at >= started_test)).scalars())
    assert {"sign_in", "start", "current_item", "finalise", "close"} <= actions
