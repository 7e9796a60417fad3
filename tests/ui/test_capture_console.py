"""The capture console: typing is autosaved off the GUI thread and survives a restart."""

from __future__ import annotations

import re

from test_capture_support import commit_text, open_console, running, service_opinions

from app.context import open_context
from ui import ops
from ui.meetings.capture import console as console_module


def test_opinions_and_summary_autosave(qtbot, sample_ctx, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    secretary = t.h.secretary
    c = open_console(qtbot, sample_ctx, secretary, t.meeting.id)
    assert c.item_id == t.items[0] and c.mode == "draft"
    assert set(c.opinions.boxes) == set(t.ids.values())
    commit_text(c.opinions.boxes[t.ids["周海涛"]], "可行胸腔镜肺叶切除")
    commit_text(c.opinions.boxes[t.ids["林秀英"]], "CT示右上肺结节2.1cm")
    c.form.texts["chair_summary"].setPlainText("早期肺腺癌，建议手术")
    c.form.modalities["surgery"].setChecked(True)
    qtbot.waitUntil(lambda: service_opinions(sample_ctx, secretary, t.items[0]).get("周海涛") == "可行胸腔镜肺叶切除")
    qtbot.waitUntil(lambda: sample_ctx.capture.capture(secretary, t.items[0]).draft.chair_summary
                    == "早期肺腺癌，建议手术")
    state = sample_ctx.capture.capture(secretary, t.items[0])
    assert state.draft.modalities == ("surgery",)
    assert {o.author_name: o.attendance_id for o in state.opinions}["林秀英"] == t.ids["林秀英"]
    qtbot.waitUntil(lambda: re.search(r"\d\d:\d\d:\d\d", c.saved_label.text()) is not None)


def test_autosave_interval_is_about_three_seconds_and_does_not_restart(qtbot, sample_ctx, admin_actor,
                                                                         monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    c = open_console(qtbot, sample_ctx, t.h.secretary, t.meeting.id, fast=False)
    assert console_module.AUTOSAVE_MS == 3000 and c.timer.interval() == 3000
    c.form.texts["plan_text"].setPlainText("手术")
    assert c.timer.isActive()
    remaining = c.timer.remainingTime()
    c.form.texts["plan_text"].setPlainText("手术治疗")
    assert c.timer.remainingTime() <= remaining  # typing on does not postpone the save
    c.save_now()  # Ctrl+S
    assert not c.timer.isActive()
    qtbot.waitUntil(lambda: sample_ctx.capture.capture(t.h.secretary, t.items[0]).draft.plan_text == "手术治疗")


def test_reopening_restores_what_was_typed(qtbot, sample_ctx, sample_dir, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    c = open_console(qtbot, sample_ctx, t.h.secretary, t.meeting.id)
    commit_text(c.opinions.boxes[t.ids["黄振华"]], "腺癌，EGFR待测")
    c.form.texts["dissent"].setPlainText("罗建平建议先行放疗评估")
    table = c.form.actions.table
    row = c.form.actions.add_row()
    for col, text in enumerate(("补做EGFR检测", "黄振华", "病理科", "2026-12-01")):
        table.item(row, col).setText(text)
    qtbot.waitUntil(lambda: sample_ctx.capture.capture(t.h.secretary, t.items[0]).draft.dissent
                    == "罗建平建议先行放疗评估")
    c.close()
    ops.shutdown()
    sample_ctx.close()
    ctx = open_context(sample_dir)
    try:
        again = open_console(qtbot, ctx, t.h.secretary, t.meeting.id)
        assert again.item_id == t.items[0]
        assert again.opinions.boxes[t.ids["黄振华"]].toPlainText() == "腺癌，EGFR待测"
        assert again.form.texts["dissent"].toPlainText() == "罗建平建议先行放疗评估"
        assert again.form.actions.values()[0]["description"] == "补做EGFR检测"
        assert "刘秘书" in again.opinions.stamps[t.ids["黄振华"]].text()  # who typed it
        again.close()
        ops.shutdown()
    finally:
        ctx.close()
