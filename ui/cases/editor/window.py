"""The case editor: one window per case, a header, six tabs, Save / Submit / Close (DOMAIN.md §4).

    editor = CaseEditor(session, case_id, parent)   # loads in the background; `loaded` fires when shown
    editor.show()

Every service call goes through `ops.run`. What is typed is autosaved as a draft (autosave.py) and offered
back when the case is opened again; saving, submitting and confirming by hand live in actions.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.domain.vocab import label
from app.records import CaseDetail, CaseRow
from app.security.permissions import allowed
from app.services.case_records import EDITABLE_STATUSES
from ui import ops
from ui.cases.case_format import format_date, sex_age
from ui.cases.editor.actions import EditorActions
from ui.cases.editor.autosave import ENTITY, Autosaver
from ui.cases.editor.clinical_tab import ClinicalTab
from ui.cases.editor.diagnosis_tab import DiagnosisTab
from ui.cases.editor.dialogs import RestoreDraftDialog, UnsavedChangesDialog
from ui.cases.editor.material_tab import MaterialTab
from ui.cases.editor.readiness_tab import ReadinessTab
from ui.cases.editor.referral_tab import ReferralTab
from ui.cases.editor.review import ReviewBar
from ui.cases.editor.style import EDITOR_STYLE
from ui.cases.editor.timeline_tab import TimelineTab
from ui.cases.editor.widgets import FormTab
from ui.errors import show_error
from ui.geometry import GeometryStore
from ui.qt_compat import emit
from ui.session import Session
from ui.signing.actions import print_case
from ui.widgets.heading import Heading

# A decision exists to print (the signed version, or the draft marked as such).
DECIDED = frozenset({"finalised", "signed", "implementing", "closed", "rediscussion"})

GEOMETRY_KEY = "case_editor"
VALIDATE_DELAY_MS = 400
SUBMITTABLE = ("draft", "returned")


class CaseEditor(EditorActions, QWidget):
    loaded = Signal()  # the case is on screen (after a possible restore question)
    saved = Signal(int)  # case id: edits reached the database
    statusChanged = Signal(int)  # case id: submitted (the list shows another status)
    readinessShown = Signal()

    def __init__(self, session: Session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("caseEditor")
        self.setStyleSheet(EDITOR_STYLE)
        self.session, self.ctx, self.actor, self.case_id = session, session.ctx, session.actor, case_id
        self.detail: CaseDetail | None = None
        self.row: CaseRow | None = None
        self.baseline: dict | None = None  # the form's values as saved in the database
        self.editable = False
        self._setting = False  # filling the form from the database: not an edit
        self._saving = False
        self._force_close = False
        self._draft_at = ""  # time of the last autosaved draft, shown next to the buttons
        self._saved_text = ""
        self._store = GeometryStore(session.data_dir)
        self.setWindowTitle(self.tr("Case"))

        self.heading = Heading(self.tr("Loading…"))
        self.heading.setObjectName("editorHeading")
        self.patient_line = QLabel()
        self.patient_line.setObjectName("patientLine")
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        header = QWidget()
        header.setObjectName("editorHeader")
        top = QHBoxLayout(header)
        top.setContentsMargins(20, 12, 20, 12)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.heading)
        names.addWidget(self.patient_line)
        top.addLayout(names, 1)
        top.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)

        self.referral = ReferralTab()
        self.clinical = ClinicalTab()
        self.diagnosis = DiagnosisTab()
        self.material = MaterialTab(session, case_id)
        self.readiness = ReadinessTab()
        self.timeline = TimelineTab()
        self.forms: tuple[FormTab, ...] = (self.referral, self.clinical, self.diagnosis)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.setDocumentMode(True)
        for tab, title in ((self.referral, self.tr("Referral")), (self.clinical, self.tr("Clinical")),
                           (self.diagnosis, self.tr("Diagnosis && staging")), (self.material, self.tr("Material")),
                           (self.readiness, self.tr("Readiness")), (self.timeline, self.tr("Timeline"))):
            self.tabs.addTab(tab, title)

        self.state_label = QLabel()
        self.state_label.setObjectName("saveState")
        self.submit_button = QPushButton(self.tr("Submit for meeting…"))
        self.submit_button.setObjectName("submitButton")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.print_button = QPushButton(self.tr("Print decision…"))
        self.print_button.setObjectName("printDecisionButton")
        self.print_button.setToolTip(self.tr("Print preview of the signed decision (or of the marked draft)"))
        self.print_button.setVisible(allowed(self.actor, "document.print"))
        self.print_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.setContentsMargins(20, 8, 20, 12)
        bar.addWidget(self.state_label, 1)
        self.review = ReviewBar(session, case_id, self)
        self.review.transitioned.connect(self._reviewed)
        bar.addWidget(self.review)
        bar.addWidget(self.print_button)
        bar.addWidget(self.submit_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)

        self.autosaver = Autosaver(self.ctx, self.actor, case_id, self.draft_payload, self)
        self.autosaver.saved.connect(self._draft_written)
        self.autosaver.failed.connect(self.state_label.setText)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_live)
        for form in self.forms:
            form.changed.connect(self._form_changed)
        self.save_button.clicked.connect(lambda: self.save())
        self.submit_button.clicked.connect(self.submit)
        self.print_button.clicked.connect(lambda: print_case(self.session, self, self.detail.case_no))
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=lambda: self.save())
        self.material.changed.connect(self.refresh_readiness)
        self.readiness.confirmRequested.connect(self.confirm_item)
        self.readiness.fieldRequested.connect(self.go_to_field)
        self._set_editable(False)
        if not self._store.restore(self, GEOMETRY_KEY):
            room = self.screen().availableGeometry()  # county PCs: often 1366 x 768
            self.resize(min(1120, room.width() - 40), min(820, room.height() - 40))
        self.load()

    # -- loading ---------------------------------------------------------------------------------

    def load(self, offer_draft: bool = True) -> None:
        records, cases, drafts, teams = self.ctx.case_records, self.ctx.cases, self.ctx.drafts, self.ctx.teams
        actor, cid = self.actor, self.case_id

        def fetch():
            rows = cases.rows(actor, [cid])
            return (records.get(actor, cid), rows[0] if rows else None,
                    drafts.load(actor, ENTITY, cid) if offer_draft else None, teams.list(actor))

        ops.run(fetch, lambda r: self._arrived(*r), self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        self.heading.setText(self.tr("The case could not be opened"))
        show_error(exc, self)

    def _arrived(self, detail: CaseDetail, row: CaseRow | None, draft: dict | None, teams) -> None:
        self.row = row
        self.referral.set_teams(teams)
        self.show_record(detail)
        self.fill_form(detail.fields)
        self._draft_at = ""
        restored = bool(draft) and self.editable and self._offer_draft(draft, detail)
        self.update_state()
        if restored:
            self.state_label.setText(self.tr("Draft restored: check it, then save."))
        self.refresh_readiness()
        emit(self.loaded)

    def _offer_draft(self, draft: dict, detail: CaseDetail) -> bool:
        fields = draft.get("fields") or {}
        if {**self.baseline, **fields} == self.baseline:
            self.autosaver.discard()  # nothing in it that is not saved already
            return False
        base = draft.get("base_updated_at") or ""
        changed_since = bool(base and detail.updated_at and base != detail.updated_at.isoformat())
        saved_at = (draft.get("saved_at") or "").replace("T", " ")[:16]
        if RestoreDraftDialog.ask(self, saved_at, changed_since):
            self.fill_form({**detail.fields, **fields}, baseline=False)
            self.autosaver.known(fields)
            self._draft_at = saved_at[11:16]
            return True
        self.autosaver.discard()
        return False

    def fill_form(self, fields: dict, baseline: bool = True) -> None:
        self._setting = True
        try:
            for form in self.forms:
                form.set_values(fields)
                form.clear_errors()
        finally:
            self._setting = False
        if baseline:
            self.baseline = self.form_values()

    def show_record(self, detail: CaseDetail) -> None:
        """Header, timeline and editability from a fresh copy of the record (the form is left alone)."""
        self.detail = detail
        p = detail.patient
        self.setWindowTitle(self.tr("%1 %2 — case").replace("%1", detail.case_no).replace("%2", p.name))
        self.heading.setText(f"{detail.case_no}　{p.name}")
        parts = [sex_age(self.row) if self.row else label("sex", p.sex)]
        if p.hospital_number:
            parts.append(self.tr("Inpatient no. %1").replace("%1", p.hospital_number))
        if self.row and self.row.applicant:
            parts.append(self.tr("Applicant %1").replace("%1", self.row.applicant))
        applied = detail.fields.get("applied_on")
        if applied:
            parts.append(self.tr("Applied on %1").replace("%1", format_date(applied)))
        self.patient_line.setText("　·　".join(parts))
        self.status_chip.setText(label("case_status", detail.status))
        self.status_chip.setProperty("status", detail.status)
        self.status_chip.style().unpolish(self.status_chip)  # the colour follows the status property
        self.status_chip.style().polish(self.status_chip)
        self.referral.set_applicant(self.row.applicant if self.row else "")
        self.timeline.show_timeline(detail.timeline)
        self._set_editable(detail.status in EDITABLE_STATUSES and allowed(self.actor, "case.update"))
        self.submit_button.setEnabled(detail.status in SUBMITTABLE and allowed(self.actor, "case.submit"))
        self.review.show_for(detail.status)
        self.print_button.setEnabled(detail.status in DECIDED)

    def _reviewed(self, _status: str) -> None:
        self.refresh_record()
        emit(self.statusChanged, self.case_id)

    def _set_editable(self, editable: bool) -> None:
        self.editable = editable
        for form in self.forms:
            form.set_read_only(not editable)
        self.readiness.set_read_only(not editable)
        self.save_button.setEnabled(editable)
        self.autosaver.set_enabled(editable)

    # -- the form --------------------------------------------------------------------------------

    def form_values(self) -> dict:
        values: dict = {}
        for form in self.forms:
            values.update(form.values())
        return values

    def is_dirty(self) -> bool:
        return self.editable and self.baseline is not None and self.form_values() != self.baseline

    def draft_payload(self) -> dict | None:
        if not self.editable or self.baseline is None or self._saving:
            return None
        values = self.form_values()
        if values == self.baseline:
            return None
        base = self.detail.updated_at.isoformat() if self.detail and self.detail.updated_at else ""
        return {"version": 1, "fields": values, "base_updated_at": base}

    def _form_changed(self) -> None:
        if self._setting or self.baseline is None:
            return
        self.autosaver.poke()
        self._validate_timer.start()
        self.update_state()

    def update_state(self) -> None:
        """Window title star, the line next to the buttons, the readiness tab's note."""
        dirty = self.is_dirty()
        title = self.windowTitle().removeprefix("* ")
        self.setWindowTitle(f"* {title}" if dirty else title)
        self.readiness.set_unsaved(dirty)
        if self.detail is not None and not self.editable:
            text = self.tr("Read only: this case can no longer be edited here.")
        elif dirty:
            text = (self.tr("Unsaved changes — draft kept at %1").replace("%1", self._draft_at) if self._draft_at
                    else self.tr("Unsaved changes"))
        else:
            text = self._saved_text
        self.state_label.setText(text)

    def _draft_written(self, at: str) -> None:
        self._draft_at = at
        self.update_state()

    def tab_of(self, field: str) -> FormTab | None:
        return next((f for f in self.forms if f.has_field(field)), None)

    def go_to_field(self, field: str) -> None:
        form = self.tab_of(field)
        if form is not None:
            self.tabs.setCurrentWidget(form)
            form.focus_field(field)

    # -- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._force_close and self.is_dirty():
            choice = UnsavedChangesDialog.ask(self)
            if choice == "cancel":
                event.ignore()
                return
            if choice == "save":
                event.ignore()
                self.save(then=self.close_now)
                return
            self.autosaver.discard()
        self.autosaver.set_enabled(False)
        self._validate_timer.stop()
        self._store.save(self, GEOMETRY_KEY)
        super().closeEvent(event)

    def close_now(self) -> None:
        """Close without asking (after a save, or when the main window goes)."""
        self._force_close = True
        self.close()
