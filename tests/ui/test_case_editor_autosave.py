"""Nothing typed is lost: drafts every few seconds, restore after a crash, conflicts and closing."""

from test_case_editor_support import (
    crash,
    fake_panel,
    fast_autosave,
    fields_of,
    open_editor,
    save_and_wait,
    type_into,
)

from ui.cases.editor.autosave import ENTITY
from ui.cases.editor.dialogs import ConflictDialog, RestoreDraftDialog, UnsavedChangesDialog

FIXTURES = (fake_panel, open_editor, fast_autosave)
HISTORY = "咳嗽3月，CT示右肺上叶肿物2.8cm，穿刺病理腺癌。"


def draft(session, case_id):
    return session.ctx.drafts.load(session.actor, ENTITY, case_id)


def answer(monkeypatch, dialog, value, calls: list | None = None):
    def ask(cls, *args):
        if calls is not None:
            calls.append(args)
        return value

    monkeypatch.setattr(dialog, "ask", classmethod(ask))


def test_typed_text_survives_a_crash_and_is_restored(qtbot, open_editor, ui_session, fast_autosave, monkeypatch):
    editor = open_editor("MDT2026-0003", crashable=True)
    case_id, state = editor.case_id, editor.state_label
    assert draft(ui_session, case_id) is None
    type_into(qtbot, editor.clinical.history, HISTORY)
    qtbot.waitUntil(lambda: draft(ui_session, case_id) is not None, timeout=10_000)
    assert draft(ui_session, case_id)["fields"]["history"] == HISTORY
    qtbot.waitUntil(lambda: editor.autosaver._written is not None, timeout=10_000)
    assert state.text().count(":") >= 2  # "unsaved changes — draft kept at 14:05:03"
    crash(editor)
    assert fields_of(ui_session, "MDT2026-0003")["history"] == ""  # never saved

    offered = []
    answer(monkeypatch, RestoreDraftDialog, True, offered)
    again = open_editor("MDT2026-0003")
    assert len(offered) == 1 and offered[0][2] is False  # nobody saved the case since
    assert again.clinical.history.text() == HISTORY
    assert again.is_dirty()
    save_and_wait(qtbot, again)
    assert fields_of(ui_session, "MDT2026-0003")["history"] == HISTORY
    assert draft(ui_session, case_id) is None  # discarded once saved


def test_a_declined_draft_is_discarded(qtbot, open_editor, ui_session, fast_autosave, monkeypatch):
    editor = open_editor("MDT2026-0003", crashable=True)
    case_id = editor.case_id
    type_into(qtbot, editor.referral.purpose, "术前评估")
    qtbot.waitUntil(lambda: draft(ui_session, case_id) is not None, timeout=10_000)
    crash(editor)
    answer(monkeypatch, RestoreDraftDialog, False)
    again = open_editor("MDT2026-0003")
    assert again.referral.purpose.text() == "" and not again.is_dirty()
    qtbot.waitUntil(lambda: draft(ui_session, case_id) is None, timeout=10_000)


def test_a_draft_equal_to_the_saved_case_is_dropped_without_asking(qtbot, open_editor, ui_session, monkeypatch):
    case_id = ui_session.ctx.case_records.id_of("MDT2026-0003")
    saved = open_editor("MDT2026-0003").form_values()
    ui_session.ctx.drafts.save(ui_session.actor, ENTITY, case_id, {"fields": saved})
    answer(monkeypatch, RestoreDraftDialog, True, asked := [])
    open_editor("MDT2026-0003")
    assert asked == []
    qtbot.waitUntil(lambda: draft(ui_session, case_id) is None, timeout=10_000)


def test_someone_elses_save_meanwhile_keeps_the_text_as_a_draft(qtbot, open_editor, ui_session, fast_autosave,
                                                              monkeypatch):
    editor = open_editor("MDT2026-0003")
    ui_session.ctx.case_records.update(ui_session.actor, editor.case_id, purpose="另一位医生填写的目的")
    type_into(qtbot, editor.referral.question, "我的问题：能否手术？")
    told = []
    answer(monkeypatch, ConflictDialog, False, told)
    assert editor.save()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "另一位医生填写的目的" == fields_of(ui_session, "MDT2026-0003")["purpose"]
    assert fields_of(ui_session, "MDT2026-0003")["question"] == ""
    qtbot.waitUntil(lambda: (draft(ui_session, editor.case_id) or {}).get("fields", {}).get("question")
                    == "我的问题：能否手术？", timeout=10_000)
    assert editor.is_dirty() and editor.referral.question.text() == "我的问题：能否手术？"

    # reloading offers the draft on top of the other doctor's save, then saving works
    answer(monkeypatch, ConflictDialog, True)
    answer(monkeypatch, RestoreDraftDialog, True, offered := [])
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.reload()
    assert offered and offered[0][2] is True  # the case was saved since the draft's base
    assert editor.referral.question.text() == "我的问题：能否手术？"
    save_and_wait(qtbot, editor)
    assert fields_of(ui_session, "MDT2026-0003")["question"] == "我的问题：能否手术？"


def test_closing_with_unsaved_changes_asks(qtbot, open_editor, ui_session, fast_autosave, monkeypatch):
    editor = open_editor("MDT2026-0003")
    type_into(qtbot, editor.clinical.comorbidities, "高血压")
    answer(monkeypatch, UnsavedChangesDialog, "cancel")
    assert not editor.close() and editor.isVisible()

    answer(monkeypatch, UnsavedChangesDialog, "save")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.close()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=10_000)
    assert fields_of(ui_session, "MDT2026-0003")["comorbidities"] == "高血压"

    other = open_editor("MDT2026-0003")
    type_into(qtbot, other.clinical.comorbidities, "糖尿病")
    qtbot.waitUntil(lambda: draft(ui_session, other.case_id) is not None, timeout=10_000)
    answer(monkeypatch, UnsavedChangesDialog, "discard")
    assert other.close()
    qtbot.waitUntil(lambda: draft(ui_session, other.case_id) is None, timeout=10_000)
    assert fields_of(ui_session, "MDT2026-0003")["comorbidities"] == "高血压"


def test_closing_without_changes_does_not_ask(open_editor, monkeypatch):
    editor = open_editor("MDT2026-0003")
    answer(monkeypatch, UnsavedChangesDialog, "cancel", asked := [])
    assert editor.close() and asked == []


def test_a_discussed_case_is_read_only(qtbot, open_editor, ui_session):
    editor = open_editor("MDT2026-0004")  # discussed: its application can no longer be edited
    assert not editor.editable and not editor.save_button.isEnabled()
    assert editor.referral.question.isReadOnly() and not editor.referral.team.isEnabled()
    assert not editor.submit_button.isEnabled()
    editor.referral.question.setPlainText("改不了")
    assert not editor.is_dirty() and not editor.save()
    assert not editor.autosaver.timer.isActive()
