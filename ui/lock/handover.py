"""Handing the PC to another user from the lock screen: keep what was typed, then close every window.

Case editors write their unsaved text as a draft (offered back to its author at the next log-in), live
capture consoles write what is on screen (`save_now`); both are queued on the one worker thread, so
they reach the database before anything the next user does. Windows are then closed without questions.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui import ops
from ui.cases.editor.autosave import ENTITY


def keep_unsaved_work(main_window) -> int:
    """Queue a write of everything typed and not saved; returns how many writes were queued."""
    queued = 0
    for editor in main_window.editors():
        payload = editor.draft_payload()
        if payload is None:
            continue
        payload = {**payload, "saved_at": datetime.now().isoformat(timespec="seconds")}
        drafts, actor, case_id = editor.ctx.drafts, editor.actor, editor.case_id
        ops.run(lambda d=drafts, a=actor, c=case_id, p=payload: d.save(a, ENTITY, c, p), None, owner=None)
        queued += 1
    for widget in QApplication.allWidgets():
        save_now = getattr(widget, "save_now", None)
        if callable(save_now):
            save_now()
            queued += 1
    return queued


def close_session_windows(main_window, keep: QWidget | None = None) -> None:
    """Close every window but the main window and `keep`, asking nothing (the work was kept above)."""
    for editor in main_window.editors():
        editor.close_now()
    for w in QApplication.topLevelWidgets():
        if w is main_window or w is keep or not w.isVisible():
            continue
        if isinstance(w, QDialog):
            w.done(QDialog.DialogCode.Rejected)  # not reject(): an override could ask "discard?"
        else:
            w.close()
