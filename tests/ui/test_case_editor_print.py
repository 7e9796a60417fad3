"""The case editor prints the case's decision: the signed version when there is one."""

import pytest
import test_presentation_support as support
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.cases import CaseQuery
from ui.cases.editor.window import CaseEditor
from ui.printing.print_preview import PrintPreviewDialog


@pytest.fixture
def demo_session(tmp_path_factory, tmp_path):
    with support.demo_session(tmp_path_factory, tmp_path) as session:
        yield session


def _editor(qtbot, session, case_id) -> CaseEditor:
    editor = CaseEditor(session, case_id)
    qtbot.addWidget(editor, before_close_func=lambda e: setattr(e, "_force_close", True))
    editor.show()
    qtbot.waitUntil(lambda: editor.detail is not None and editor.baseline is not None, timeout=15_000)
    return editor


def _first(session, status: str) -> int:
    ctx, actor = session.ctx, session.actor
    return ctx.cases.search_ids(actor, CaseQuery(status=status))[0]


def test_a_signed_case_prints_its_signed_decision(qtbot, demo_session):
    editor = _editor(qtbot, demo_session, _first(demo_session, "signed"))
    assert editor.print_button.isVisible() and editor.print_button.isEnabled()
    qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, PrintPreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=15_000)
    [preview] = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]
    assert [i.kind for i in preview.items] == ["plan"] and preview.items[0].signed
    assert editor.detail.case_no in preview.items[0].title
    preview.close()


def test_a_case_without_a_decision_has_nothing_to_print(qtbot, demo_session):
    editor = _editor(qtbot, demo_session, _first(demo_session, "submitted"))
    assert not editor.print_button.isEnabled()
