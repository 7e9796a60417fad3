"""Approve, return and cancel from the case editor: the buttons follow role and status; reasons are kept."""

import pytest
from PySide6.QtCore import Qt
from test_case_editor_support import fake_panel

from app.records import CLI_READER
from ui.cases.editor.review import ReasonDialog
from ui.cases.editor.window import CaseEditor
from ui.session import Session

FIXTURES = (fake_panel,)


def case_id(ctx, case_no: str) -> int:
    return ctx.case_records.id_of(case_no)


def open_editor(qtbot, session, cid) -> CaseEditor:
    editor = CaseEditor(session, cid)
    qtbot.addWidget(editor, before_close_func=lambda e: setattr(e, "_force_close", True))
    editor.show()
    qtbot.waitUntil(lambda: editor.detail is not None and editor.baseline is not None, timeout=10_000)
    return editor


def test_an_administrator_approves_a_submitted_case(qtbot, ui_session, fake_panel):
    cid = case_id(ui_session.ctx, "MDT2026-0002")
    editor = open_editor(qtbot, ui_session, cid)
    approve = editor.review.buttons["approved"]
    assert approve.isVisible() and editor.review.buttons["returned"].isVisible()
    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail.status == "approved", timeout=10_000)
    assert editor.detail.timeline[-1].to_status == "approved"
    assert not approve.isVisible()  # nothing more to approve


def test_returning_asks_why_and_keeps_the_reason(qtbot, ui_session, fake_panel, monkeypatch):
    cid = case_id(ui_session.ctx, "MDT2026-0002")
    editor = open_editor(qtbot, ui_session, cid)
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, parent, title, prompt: None))
    qtbot.mouseClick(editor.review.buttons["returned"], Qt.MouseButton.LeftButton)
    assert ui_session.ctx.case_records.get(CLI_READER, cid).status == "submitted"  # cancelled: nothing
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, parent, title, prompt: "请补充胸部增强CT"))
    qtbot.mouseClick(editor.review.buttons["returned"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail.status == "returned", timeout=10_000)
    assert editor.detail.timeline[-1].note == "请补充胸部增强CT"
    assert editor.submit_button.isEnabled()  # back with the applicant, who can submit again


def test_a_physician_sees_no_approval_buttons(qtbot, sample_ctx, doctor_actor, fake_panel):
    session = Session(sample_ctx, doctor_actor, sample_ctx.setup.info())
    editor = open_editor(qtbot, session, case_id(sample_ctx, "MDT2026-0002"))
    assert not editor.review.buttons["approved"].isVisible()
    assert not editor.review.buttons["returned"].isVisible()
    assert editor.review.buttons["cancelled"].isVisible()  # the applicant may withdraw


@pytest.mark.parametrize("status_case", ["MDT2026-0006"])
def test_a_closed_case_offers_no_review_action(qtbot, ui_session, fake_panel, status_case):
    editor = open_editor(qtbot, ui_session, case_id(ui_session.ctx, status_case))
    assert not any(b.isVisible() for b in editor.review.buttons.values())
