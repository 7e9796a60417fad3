"""One import into a case, from the chosen paths to the results, never blocking the GUI thread.

1. On the worker: list the files under the paths and read the DICOM headers only
   (`attachment_browse.dicom_patients`). If a patient in them is not the case's patient, ask first.
2. On the worker, in chunks of CHUNK files (one `ops.run` each, so thumbnails and other screens' work get
   the worker between chunks): `attachment_import.import_paths`, with progress through
   `ops.progress_relay` (throttled to PROGRESS_INTERVAL) and a `cancelled` callback reading a threading.Event. Cancel stops after the
   current file; what is imported stays. Progress of a chunk is delivered before its answer (queued events
   keep their order), so a cancel decided on a progress report is seen before the next chunk starts.
3. `finished(ImportOutcome)` on the GUI thread; the panel refreshes and shows the results.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui import ops
from ui.cases.attachments.dialogs import ImportProgressDialog, PatientMismatchDialog
from ui.cases.attachments.outcome import ImportOutcome
from ui.errors import show_error
from ui.qt_compat import emit

CHUNK = 50
# Progress is reported at most this often (seconds): every report is a Python call on the GUI thread, and
# each one waits for the GIL held by the busy worker; one report per file piles them up under CPU load.
PROGRESS_INTERVAL = 0.1


class Throttle:
    """Pass a value on to `report` at most once per `interval` seconds (the first one at once)."""

    def __init__(self, report, interval: float) -> None:
        self._report = report
        self._interval = interval
        self._last: float | None = None

    def __call__(self, value) -> None:
        now = time.monotonic()
        if self._last is None or now - self._last >= self._interval:
            self._last = now
            self._report(value)


def _check(session, case_id: int, paths: list[Path], cancel: threading.Event):
    """Worker: (files, patients that do not match, the case patient in words)."""
    from app.services.attachment_import import walk  # imports SQLAlchemy: only when an import starts

    files = []
    for f in walk(paths):
        if cancel.is_set():
            break
        files.append(f)
    actor, ctx = session.actor, session.ctx
    found = ctx.attachment_browse.dicom_patients(actor, case_id, files, cancelled=cancel.is_set) if files else []
    strangers = [p for p in found if not p.matches]
    patient = ctx.case_records.get(actor, case_id).patient if strangers else None
    return files, strangers, patient


class ImportFlow(QObject):
    progressed = Signal(int, int)  # files read so far, files in all
    chunkImported = Signal(int)  # attachments added by the chunk that just ended
    finished = Signal(object)  # ImportOutcome

    def __init__(self, session, case_id: int, paths: list[Path], parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._case_id = case_id
        self._paths = [Path(p) for p in paths]
        self._widget = parent
        self._cancel = threading.Event()
        self._files: list[Path] = []
        self._pos = 0
        self.outcome = ImportOutcome()
        self.dialog = ImportProgressDialog(parent)
        self.dialog.cancelRequested.connect(self.cancel)
        self._relay = ops.progress_relay(self._progress, owner=self)
        self._done = False
        parent.destroyed.connect(self._cancel.set)  # a closed case editor stops the worker at the next file

    @property
    def running(self) -> bool:
        return not self._done

    def start(self) -> None:
        self.dialog.show_checking()
        self.dialog.show()
        session, case_id, paths, cancel = self._session, self._case_id, self._paths, self._cancel
        ops.run(lambda: _check(session, case_id, paths, cancel), self._checked, self._failed, owner=self)

    def cancel(self) -> None:
        if self._done:
            return
        self._cancel.set()
        self.outcome.cancelled = True
        if not self.dialog.cancelling:
            self.dialog.request_cancel()

    # -- steps ---------------------------------------------------------------------------------

    def _checked(self, answer) -> None:
        files, strangers, patient = answer
        self._files = files
        self.outcome.total = len(files)
        if self._cancel.is_set():
            return self._finish()
        if strangers:
            self.dialog.hide()
            if not PatientMismatchDialog.ask(self._widget, strangers, self._patient_text(patient)):
                self.outcome.declined = True
                return self._finish()
            self.dialog.show()
        self.dialog.show_progress(0, len(files), "")
        self._next_chunk()

    def _patient_text(self, patient) -> str:
        if patient is None:
            return ""
        if patient.hospital_number:
            return self.tr("{name} (inpatient no. {number})").format(name=patient.name,
                                                                     number=patient.hospital_number)
        if patient.id_number:
            return self.tr("{name} (ID card no. {number})").format(name=patient.name, number=patient.id_number)
        return patient.name

    def _next_chunk(self) -> None:
        if self._cancel.is_set() or self._pos >= len(self._files):
            return self._finish()
        chunk = self._files[self._pos:self._pos + CHUNK]
        offset, self._pos = self._pos, self._pos + len(chunk)
        service, actor, case_id = self._session.ctx.attachment_import, self._session.actor, self._case_id
        report, cancel = Throttle(self._relay, PROGRESS_INTERVAL), self._cancel

        def work():
            return service.import_paths(actor, case_id, chunk,
                                        progress=lambda n, path: report((offset + n, path)),
                                        cancelled=cancel.is_set)

        ops.run(work, self._chunk_done, self._failed, owner=self)

    def _progress(self, value) -> None:
        done, path = value
        self.dialog.show_progress(done, len(self._files), path)
        emit(self.progressed, done, len(self._files))

    def _chunk_done(self, results) -> None:
        self.outcome.results.extend(results)
        if results and not self._cancel.is_set():
            self.dialog.show_progress(len(self.outcome.results), len(self._files), results[-1].path)
        imported = sum(1 for r in results if r.status == "imported")
        if imported:
            emit(self.chunkImported, imported)
        self._next_chunk()

    def _failed(self, exc: BaseException) -> None:
        self.outcome.error = exc
        self._finish()
        show_error(exc, self._widget)

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self.outcome.cancelled = self.outcome.cancelled and not self.outcome.declined
        self.dialog.finish()
        self.dialog.deleteLater()
        emit(self.finished, self.outcome)
