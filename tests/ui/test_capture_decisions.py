"""Finalising (the chair only, then read-only) and amending (a reason, both versions kept) from the console."""

from __future__ import annotations

import pytest
from test_capture_support import commit_text, open_console, running

from app.errors import ConflictError, PermissionDenied, ValidationError
from ui.meetings.capture import DecisionDialog
from ui.meetings.capture.common import AmendReasonDialog, ConfirmFinalise
from ui.session import Session


def fill_decision(c, summary="早期肺腺癌，建议手术"):
    c.form.texts["chair_summary"].setPlainText(summary)
    c.form.modalities["surgery"].setChecked(True)
    c.form.intent.setCurrentIndex(c.form.intent.findData("curative"))
    c.form.guideline.setCurrentIndex(c.form.guideline.findData("CSCO"))
    c.form.guideline_version.setText("2025")


def finalised_console(qtbot, ctx, admin, monkeypatch):
    t = running(ctx, admin, monkeypatch)
    c = open_console(qtbot, ctx, t.h.chair, t.meeting.id)
    commit_text(c.opinions.boxes[t.ids["周海涛"]], "可手术")
    fill_decision(c)
    monkeypatch.setattr(ConfirmFinalise, "ask", classmethod(lambda cls, parent: True))
    assert c.finalise_button.isEnabled()
    c.finalise_button.click()
    qtbot.waitUntil(lambda: c.mode == "final")
    return t, c


def test_non_chair_cannot_finalise(qtbot, sample_ctx, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    c = open_console(qtbot, sample_ctx, t.h.secretary, t.meeting.id)
    fill_decision(c)
    c.save_now()
    qtbot.waitUntil(lambda: sample_ctx.capture.capture(t.h.secretary, t.items[0]).draft.chair_summary != "")
    assert not c.finalise_button.isEnabled()
    draft = sample_ctx.capture.capture(t.h.secretary, t.items[0]).draft
    with pytest.raises(PermissionDenied):
        sample_ctx.decisions.finalise(t.h.secretary, draft.id)
    with pytest.raises(PermissionDenied):
        sample_ctx.decisions.finalise(t.h.actors["zhou"], draft.id)


def test_chair_finalises_and_the_form_turns_read_only(qtbot, sample_ctx, admin_actor, monkeypatch):
    t, c = finalised_console(qtbot, sample_ctx, admin_actor, monkeypatch)
    assert "陈主任" in c.final_label.text()
    final = c.final_decision()
    assert final.status == "finalised" and final.chair_summary == "早期肺腺癌，建议手术"
    assert final.modalities == ("surgery",) and final.guideline == "CSCO"
    assert c.form.texts["chair_summary"].isReadOnly()
    assert all(box.isReadOnly() for box in c.opinions.boxes.values())
    assert not c.form.modalities["surgery"].isEnabled() and not c.conference_type.isEnabled()
    assert not c.finalise_button.isEnabled() and c.amend_button.isEnabled()
    # an edit after finalising is impossible: nothing is sent, and the service refuses anyway
    c.form.texts["chair_summary"].setPlainText("改过的总结")
    assert c.payload() is None and not c.timer.isActive()
    with pytest.raises(ConflictError):
        sample_ctx.capture.save_capture(t.h.secretary, t.items[0], {"decision": {"chair_summary": "改过"}})
    with pytest.raises(ConflictError):
        sample_ctx.capture.save_capture(t.h.secretary, t.items[0],
                                        {"opinions": [{"attendance_id": t.ids["周海涛"], "text": "改"}]})
    assert sample_ctx.decisions.get(t.h.chair, final.id).chair_summary == "早期肺腺癌，建议手术"


def test_amendment_needs_a_reason_and_keeps_both_versions(qtbot, sample_ctx, admin_actor, monkeypatch):
    t, c = finalised_console(qtbot, sample_ctx, admin_actor, monkeypatch)
    first = c.final_decision()
    prompt = AmendReasonDialog()
    qtbot.addWidget(prompt)
    assert not prompt.ok_button.isEnabled()
    prompt.reason.setPlainText("  ")
    assert not prompt.ok_button.isEnabled()
    prompt.reason.setPlainText("病理会诊修正分期")
    assert prompt.ok_button.isEnabled()
    with pytest.raises(ValidationError):
        sample_ctx.decisions.amend(t.h.chair, first.id, "   ")
    monkeypatch.setattr(AmendReasonDialog, "ask", classmethod(lambda cls, parent: None))
    c.amend_button.click()  # cancelled: nothing happens
    assert c.mode == "final"
    monkeypatch.setattr(AmendReasonDialog, "ask", classmethod(lambda cls, parent: "病理会诊修正分期"))
    c.amend_button.click()
    qtbot.waitUntil(lambda: c.mode == "amend")
    assert "病理会诊修正分期" in c.final_label.text()
    assert not c.form.texts["plan_text"].isReadOnly()
    assert all(box.isReadOnly() for box in c.opinions.boxes.values())  # opinions are part of the record
    c.form.texts["plan_text"].setPlainText("新辅助化疗后手术")
    qtbot.waitUntil(lambda: sample_ctx.capture.capture(t.h.chair, t.items[0]).draft.plan_text == "新辅助化疗后手术")
    c.finalise_button.click()
    qtbot.waitUntil(lambda: c.mode == "final" and c.final_decision().version == 2)
    versions = sample_ctx.capture.capture(t.h.chair, t.items[0]).discussion.decisions
    assert [(v.version, v.status) for v in versions] == [(1, "superseded"), (2, "finalised")]
    assert versions[0].plan_text == "" and versions[1].plan_text == "新辅助化疗后手术"
    assert versions[1].amendment_reason == "病理会诊修正分期" and versions[1].amends_decision_id == first.id
    assert c.form.texts["plan_text"].toPlainText() == "新辅助化疗后手术"
    dialog = DecisionDialog(Session(sample_ctx, t.h.chair, sample_ctx.setup.info()), t.items[0])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.tabs.count() == 2)
    texts = [dialog.tabs.widget(i).toPlainText() for i in range(2)]
    assert "新辅助化疗后手术" not in texts[0] and "新辅助化疗后手术" in texts[1]
    assert "病理会诊修正分期" in texts[1]
    assert dialog.amend_button.isEnabled() and not dialog.finalise_button.isEnabled()


def test_decision_dialog_finalises_for_the_chair(qtbot, sample_ctx, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    sample_ctx.capture.open_discussion(t.h.secretary, t.items[0])
    sample_ctx.capture.save_capture(t.h.secretary, t.items[0], {"decision": {
        "chair_summary": "局部晚期", "modalities": ["chemotherapy", "radiotherapy"]}})
    as_secretary = DecisionDialog(Session(sample_ctx, t.h.secretary, sample_ctx.setup.info()), t.items[0])
    qtbot.addWidget(as_secretary)
    qtbot.waitUntil(lambda: as_secretary.state is not None)
    assert not as_secretary.finalise_button.isEnabled()
    dialog = DecisionDialog(Session(sample_ctx, t.h.chair, sample_ctx.setup.info()), t.items[0])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state is not None)
    monkeypatch.setattr(ConfirmFinalise, "ask", classmethod(lambda cls, parent: True))
    with qtbot.waitSignal(dialog.changed):
        dialog.finalise_button.click()
    qtbot.waitUntil(lambda: dialog.amend_button.isEnabled())
    assert sample_ctx.capture.capture(t.h.chair, t.items[0]).draft is None


def test_incomplete_decision_is_not_finalised_and_says_why(qtbot, sample_ctx, admin_actor, monkeypatch):
    t = running(sample_ctx, admin_actor, monkeypatch)
    c = open_console(qtbot, sample_ctx, t.h.chair, t.meeting.id)
    monkeypatch.setattr(ConfirmFinalise, "ask", classmethod(lambda cls, parent: True))
    c.finalise_button.click()
    qtbot.waitUntil(lambda: c.message.text() != "")
    assert c.mode == "draft" and not c.form.texts["chair_summary"].isReadOnly()
    assert sample_ctx.capture.capture(t.h.chair, t.items[0]).draft is not None
    monkeypatch.setattr(ConfirmFinalise, "ask", classmethod(lambda cls, parent: False))
    fill_decision(c)
    c.finalise_button.click()  # the chair changed their mind: still a draft
    assert c.mode == "draft"
