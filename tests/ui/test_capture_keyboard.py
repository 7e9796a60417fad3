"""A keyboard-driven pass over two cases: every opinion attributed, every case timed, in the meeting record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_capture_support import commit_text, open_console, running

OPINIONS = ["胸外科意见：可手术", "影像：右上肺结节", "病理：腺癌"]


def type_here(text: str) -> None:
    commit_text(QApplication.focusWidget(), text)


def test_keyboard_pass_over_two_cases_is_recorded(qtbot, sample_ctx, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    sec = t.h.secretary
    c = open_console(qtbot, sample_ctx, sec, t.meeting.id)
    c.activateWindow()
    speakers = list(c.opinions.boxes)[:3]
    for n, item_id in enumerate(t.items):
        qtbot.waitUntil(lambda item_id=item_id: c.item_id == item_id and c.mode == "draft")
        c.conference_type.setFocus()
        for aid in c.opinions.boxes:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is c.opinions.boxes[aid]
            if aid in speakers:
                type_here(f"{OPINIONS[speakers.index(aid)]}（第{n + 1}例）")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is c.form.texts["chair_summary"]
        type_here(f"第{n + 1}例：建议手术")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is c.form.modalities["surgery"]
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        assert c.form.modalities["surgery"].isChecked()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda item_id=item_id, n=n: sample_ctx.capture.capture(sec, item_id).draft.chair_summary
                        == f"第{n + 1}例：建议手术")
        qtbot.keyClick(c, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda item_id=item_id: c.current_item().status == "discussed")
        if n == 0:
            qtbot.keyClick(c, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    c.close()
    sample_ctx.meetings.close(sec, t.meeting.id)
    record = sample_ctx.meetings.record(sec, t.meeting.id)
    names = {aid: name for name, aid in t.ids.items()}
    assert [r.item.id for r in record.items] == t.items
    for n, r in enumerate(record.items):
        assert r.item.status == "discussed" and r.item.started_at and r.item.ended_at
        assert r.item.ended_at >= r.item.started_at
        ops = {o.attendance_id: o for o in r.discussion.opinions}
        assert set(ops) == set(speakers)
        for aid, o in ops.items():
            assert o.author_name == names[aid] and o.recorded_by == sec.display_name and o.created_at
            assert o.text == f"{OPINIONS[speakers.index(aid)]}（第{n + 1}例）"
        dec = r.discussion.decision
        assert dec.chair_summary == f"第{n + 1}例：建议手术" and dec.modalities == ("surgery",)
        assert dec.updated_at and r.discussion.discussed_at
