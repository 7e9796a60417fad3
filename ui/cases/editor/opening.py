"""Starting work on cases from the main window: a new case for a picked patient, and at login the
cases whose typed text was never saved (the app or the PC stopped)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.records import CaseDetail
from ui import ops
from ui.cases.editor.autosave import ENTITY
from ui.cases.editor.dialogs import PendingDraftsDialog
from ui.session import Session


def new_case(session: Session, parent: QWidget | None, open_case: Callable[[int], object]) -> bool:
    """Pick (or register) a patient, create a draft case for them, open it. False: nobody was picked."""
    from ui.patients.patient_picker import PatientPicker  # built alongside; imported when needed

    patient = PatientPicker.ask(session, parent)
    if patient is None:
        return False
    records, actor = session.ctx.case_records, session.actor
    ops.run(lambda: records.create(actor, patient.id), lambda d: _created(d, open_case), owner=parent)
    return True


def _created(detail: CaseDetail, open_case: Callable[[int], object]) -> None:
    open_case(detail.id)


def offer_pending_drafts(session: Session, parent: QWidget | None, open_case: Callable[[int], object]) -> None:
    """Ask once whether to open the cases with unsaved drafts; each opened case then offers its draft."""
    drafts, cases, actor = session.ctx.drafts, session.ctx.cases, session.actor

    def fetch():
        ids = [i for entity, i in drafts.pending(actor) if entity == ENTITY]
        return cases.rows(actor, ids) if ids else []

    def arrived(rows) -> None:
        if not rows:
            return
        if PendingDraftsDialog.ask(parent, [f"{r.case_no}　{r.patient_name}" for r in rows]):
            for r in rows:
                open_case(r.id)

    ops.run(fetch, arrived, owner=parent)
