"""Autosave: what is typed reaches the database as a draft a few seconds later, off the GUI thread.

The first edit after a write starts a single-shot timer of AUTOSAVE_MS; when it fires, the form values go
to `ctx.drafts.save` through `ops.run`. Continuous typing is therefore saved every AUTOSAVE_MS (the timer
is not restarted by each key), and if the program or the computer dies, at most the last few seconds are
lost. The draft stays until the case is saved (the save op discards it) or the user discards it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import AppError
from app.records import Actor
from ui import ops
from ui.errors import show_error
from ui.qt_compat import emit

AUTOSAVE_MS = 3000
ENTITY = "case"


class Autosaver(QObject):
    saved = Signal(str)  # local time of the draft that reached the database (HH:MM:SS)
    failed = Signal(str)  # why the draft could not be written

    def __init__(self, ctx, actor: Actor, case_id: int, payload: Callable[[], dict | None],
                 parent: QObject | None = None) -> None:
        """`payload()` gives the draft to keep, or None when there is nothing to write now.

        A draft whose text equals the saved case (edits undone by hand) is left; opening the case drops it.
        """
        super().__init__(parent)
        self._drafts = ctx.drafts
        self._actor = actor
        self._case_id = case_id
        self._payload = payload
        self._written: dict | None = None  # the fields of the draft known to be in the database
        self._in_flight = False
        self._enabled = True
        self.timer = QTimer(self)
        self.timer.setObjectName("autosaveTimer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        if not enabled:
            self.timer.stop()

    def poke(self) -> None:
        """Something changed: write a draft within AUTOSAVE_MS."""
        if self._enabled and not self.timer.isActive():
            self.timer.start()

    def known(self, fields: dict | None) -> None:
        """The database holds this draft (restored from it) or none (None: saved or discarded)."""
        self._written = fields

    def flush(self) -> None:
        """Write the current draft now if it differs from the one written last."""
        if not self._enabled:
            return
        if self._in_flight:
            self.timer.start()  # the previous write is still on its way: try again shortly
            return
        payload = self._payload()
        if payload is None or payload.get("fields") == self._written:
            return
        payload = {**payload, "saved_at": datetime.now().isoformat(timespec="seconds")}
        self._in_flight = True
        drafts, actor, case_id = self._drafts, self._actor, self._case_id
        ops.run(lambda: drafts.save(actor, ENTITY, case_id, payload),
                lambda _r: self._done(payload), self._failed, owner=self)

    def _done(self, payload: dict) -> None:
        self._in_flight = False
        self._written = payload.get("fields")
        emit(self.saved, payload["saved_at"][11:19])

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        if not isinstance(exc, AppError):
            show_error(exc)
            return
        emit(self.failed, exc.localized())

    def discard(self) -> None:
        """Drop the draft (the user chose to throw the changes away)."""
        self.timer.stop()
        self._written = None
        drafts, actor, case_id = self._drafts, self._actor, self._case_id
        ops.run(lambda: drafts.discard(actor, ENTITY, case_id), None, owner=None)
