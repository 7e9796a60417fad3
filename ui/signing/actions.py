"""The 文书 (Documents) menu: sign, verify, handwritten signature, certificates, printing.

    from ui.signing.actions import add_document_actions
    add_document_actions(self.menuBar().addMenu(self.tr("&Documents")), session, self)

Dialogs are imported when their action is triggered. An action the role may not use is disabled, with a
tooltip saying why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.security.permissions import allowed
from ui import ops


def ask_case_no(parent: QWidget | None) -> str:
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("DocumentActions", "Print a decision"), QCoreApplication.translate("DocumentActions", "Case number:"), QLineEdit.EchoMode.Normal)
    return text.strip() if ok else ""


def ask_meeting(parent: QWidget | None, meetings: list) -> int | None:
    labels = [f"{m.scheduled_at:%Y-%m-%d %H:%M}  {m.team}  {m.place}" for m in meetings]
    if not labels:
        return None
    choice, ok = QInputDialog.getItem(parent, QCoreApplication.translate("DocumentActions", "Print a meeting"), QCoreApplication.translate("DocumentActions", "Meeting (agenda and every decision):"),
                                      labels, 0, False)
    return meetings[labels.index(choice)].id if ok and choice in labels else None


def print_case(session, parent: QWidget | None, case_no: str | None = None) -> None:
    """Print preview of a case's decision (the latest signed version, or the marked draft)."""
    case_no = case_no or ask_case_no(parent)
    if case_no:
        ctx, actor = session.ctx, session.actor
        ops.run(lambda: ctx.printing.case_items(actor, case_no), lambda items: _preview(session, parent, items))


def print_meeting(session, parent: QWidget | None, meeting_id: int | None = None) -> None:
    """Print preview of a meeting's agenda and all its decisions, printed as one batch."""
    ctx, actor = session.ctx, session.actor

    def chosen(meeting: int | None) -> None:
        if meeting is not None:
            ops.run(lambda: ctx.printing.meeting_items(actor, meeting), lambda items: _preview(session, parent, items))

    if meeting_id is not None:
        chosen(meeting_id)
    else:
        ops.run(lambda: ctx.meetings.list(actor), lambda rows: chosen(ask_meeting(parent, rows)))


def _preview(session, parent, items) -> None:
    from ui.printing.print_preview import open_print_preview

    open_print_preview(session, items, parent)


def _open(module: str, function: str) -> Callable:
    def run(session, parent) -> None:
        import importlib

        getattr(importlib.import_module(module), function)(session, parent)

    return run


def add_document_actions(menu, session, parent: QWidget | None) -> list[QAction]:
    owner = parent if parent is not None else menu
    actor = session.actor
    signs = allowed(actor, "document.sign")
    entries = [
        ("signAction", QCoreApplication.translate("DocumentActions", "&Sign documents…"), "Ctrl+Shift+S", _open("ui.signing.sign_dialog", "open_sign_dialog"),
         signs, QCoreApplication.translate("DocumentActions", "Your role does not sign documents.")),
        ("verifyAction", QCoreApplication.translate("DocumentActions", "&Verify a document or code…"), "Ctrl+Shift+V",
         _open("ui.signing.verify_dialog", "open_verify_dialog"), True, ""),
        None,
        ("printCaseAction", QCoreApplication.translate("DocumentActions", "&Print a decision…"), "Ctrl+P", print_case, allowed(actor, "document.print"),
         QCoreApplication.translate("DocumentActions", "Your role does not allow printing.")),
        ("printMeetingAction", QCoreApplication.translate("DocumentActions", "Print a &meeting (agenda and decisions)…"), "Ctrl+Shift+P", print_meeting,
         allowed(actor, "document.print"), QCoreApplication.translate("DocumentActions", "Your role does not allow printing.")),
        None,
        ("enrolAction", QCoreApplication.translate("DocumentActions", "My &handwritten signature…"), "", _open("ui.signing.enrol_dialog", "open_enrol_dialog"),
         signs and actor.user_id is not None, QCoreApplication.translate("DocumentActions", "Your role does not sign documents.")),
        ("credentialsAction", QCoreApplication.translate("DocumentActions", "Signing &certificates…"), "",
         _open("ui.signing.credentials_dialog", "open_credentials_dialog"),
         signs or allowed(actor, "credentials.manage"), QCoreApplication.translate("DocumentActions", "Your role has no signing certificate.")),
    ]
    actions = []
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        name, text, keys, fn, enabled, why = entry
        action = QAction(text, owner)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False, f=fn: f(session, parent))
        if not enabled:
            action.setEnabled(False)
            action.setToolTip(why)
        menu.addAction(action)
        actions.append(action)
    return actions
