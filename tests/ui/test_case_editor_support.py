"""Shared helpers of the case editor tests (imported by test_case_editor_*.py; holds no tests itself).

The attachments panel and the patient picker are built by other people at the same time: the tests put
small stand-ins in their place (`fake_panel`, `fake_picker`), so they test the editor's side of the contract
(`AttachmentPanel(session, case_id, parent)` with `changed` and `refresh()`; `PatientPicker.ask(session,
parent)`), whatever state those modules are in.
"""

from __future__ import annotations

import re
import sys
import types

import pytest
import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ui.cases.editor import autosave
from ui.cases.editor.window import CaseEditor

PANEL_MODULE = "ui.cases.attachments.panel"
PICKER_MODULE = "ui.patients.patient_picker"


class FakeAttachmentPanel(QWidget):
    changed = Signal()
    made: list = []

    def __init__(self, session, case_id, parent=None) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.refreshed = 0
        QVBoxLayout(self).addWidget(QLabel("attachments"))
        FakeAttachmentPanel.made.append(self)

    def refresh(self) -> None:
        self.refreshed += 1


@pytest.fixture
def fake_panel(monkeypatch):
    FakeAttachmentPanel.made = []
    monkeypatch.setitem(sys.modules, PANEL_MODULE, types.SimpleNamespace(AttachmentPanel=FakeAttachmentPanel))
    return FakeAttachmentPanel


@pytest.fixture
def fast_autosave(monkeypatch):
    monkeypatch.setattr(autosave, "AUTOSAVE_MS", 150)


@pytest.fixture
def open_editor(qtbot, ui_session, fake_panel):
    """open_editor("MDT2026-0003") -> a shown CaseEditor whose case, checklist and timeline are loaded.

    With `crashable=True` the editor is not handed to qtbot (which would close it at the end of the test
    even after `crash()` destroyed it); it is closed here if it still exists.
    """
    loose: list[CaseEditor] = []

    def make(case_no: str, session=None, crashable: bool = False) -> CaseEditor:
        s = session or ui_session
        case_id = s.ctx.case_records.id_of(case_no)
        editor = CaseEditor(s, case_id)
        if crashable:
            loose.append(editor)
        else:
            qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "_force_close", True))
        with qtbot.waitSignals([editor.loaded, editor.readinessShown], timeout=10_000):
            editor.show()
        return editor

    yield make
    for editor in loose:
        if shiboken6.isValid(editor):
            editor.close_now()
            shiboken6.delete(editor)


def crash(editor: CaseEditor) -> None:
    """The program dies: the window goes without closeEvent, without saving, without asking."""
    editor.hide()
    shiboken6.delete(editor)


def case_id(session, case_no: str) -> int:
    return session.ctx.case_records.id_of(case_no)


def fields_of(session, case_no: str) -> dict:
    return session.ctx.case_records.get(session.actor, case_id(session, case_no)).fields


def type_into(qtbot, widget, text: str, clear: bool = True) -> None:
    """Text as a person enters it: Latin letters and digits as key presses, Chinese as an input method
    commits it (QTest cannot press keys for characters a keyboard does not have)."""
    widget.setFocus()
    if clear:
        widget.clear()
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def save_and_wait(qtbot, editor) -> None:
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        assert editor.save()


def photo(path) -> str:
    """A small JPEG photo on disk (a 'slide photo')."""
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(0x8844AA)
    assert image.save(str(path), "JPG")
    return str(path)
