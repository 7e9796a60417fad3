"""Registering or editing a patient, with the ID number checked and cross-checked while it is typed.

    row = PatientDialog.ask(session, parent)                 # register; None when cancelled
    row = PatientDialog.ask(session, parent, patient_id=7)   # edit

Without `exec()` (tests): build the dialog, fill it, call `save()`, wait for `saved`; the result is in
`result_patient`. A number that is already registered shows that patient, and "use this patient" ends the
dialog with it (the caller gets the registered patient instead of a new one).
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.address import Address, split_address
from app.domain.vocab import label
from app.errors import AppError, ValidationError
from app.records import PatientRow
from app.services.patients import DuplicatePatient
from ui import ops
from ui.errors import show_error, test_mode
from ui.geometry import GeometryStore
from ui.patients.fields import (
    NOTICE_STYLE,
    AddressFields,
    BirthDateField,
    DuplicateNotice,
    FieldBox,
    IdStatusLine,
    InsuranceCombo,
    grow_to_fit,
    line_edit,
)
from ui.patients.formatting import patient_line
from ui.patients.id_check import check_id_number, describe_facts, mismatches, normalise
from ui.qt_compat import emit
from ui.widgets.forms import InlineError
from ui.widgets.heading import Heading

GEOMETRY_KEY = "patientDialog"
SEX_CODES = ("M", "F", "U")
# Fields the service may name in a ValidationError that are not shown one by one.
ADDRESS_FIELDS = frozenset(AddressFields.PARTS)
# What PatientRow carries today; the rest of the record cannot be read back for editing yet.
_ROW_FIELDS = frozenset(f.name for f in dataclass_fields(PatientRow))


class PatientDialog(QDialog):
    saved = Signal(object)  # PatientRow: registered, edited, or the registered one the user chose instead
    loaded = Signal()  # edit mode: the patient's record is in the fields

    def __init__(self, session, parent: QWidget | None = None, patient_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientDialog")
        self.setStyleSheet(NOTICE_STYLE)
        self._session = session
        self._patient_id = patient_id
        self._geometry = GeometryStore(session.data_dir)
        self.result_patient: PatientRow | None = None
        self._busy = False
        self._existing: PatientRow | None = None
        self._initial: dict = {}
        self.is_loaded = patient_id is None
        self.setWindowTitle(self.tr("Edit patient") if patient_id else self.tr("Register a patient"))

        heading = Heading(self.tr("Edit patient") if patient_id else self.tr("Register a patient"), scale=1.25)
        self.name = line_edit("name")
        self.id_number = line_edit("idNumber", self.tr("18 characters"))
        self.id_number.setMaxLength(20)  # 18 and room for a stray space; longer is said inline
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        for code in SEX_CODES:
            self.sex.addItem(label("sex", code), code)
        self.sex.setCurrentIndex(SEX_CODES.index("U"))
        self.birth = BirthDateField()
        self.hospital_number = line_edit("hospitalNumber")
        self.outpatient_number = line_edit("outpatientNumber")
        self.phone = line_edit("phone", self.tr("Mobile or landline"))
        self.insurance = InsuranceCombo()
        self.address = AddressFields()
        self.id_status = IdStatusLine()

        self.boxes: dict[str, FieldBox] = {
            "name": FieldBox(self.name), "id_number": FieldBox(self.id_number), "sex": FieldBox(self.sex),
            "birth_date": FieldBox(self.birth), "hospital_number": FieldBox(self.hospital_number),
            "outpatient_number": FieldBox(self.outpatient_number), "phone": FieldBox(self.phone),
            "insurance": FieldBox(self.insurance), "address": FieldBox(self.address),
        }

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        pairs = ((("name", self.tr("Name")), ("hospital_number", self.tr("Inpatient no."))),
                 (("id_number", self.tr("ID number")), ("outpatient_number", self.tr("Outpatient no."))),
                 None,  # the ID number's status, across the whole form
                 (("sex", self.tr("Sex")), ("phone", self.tr("Phone"))),
                 (("birth_date", self.tr("Birth date")), ("insurance", self.tr("Insurance"))))
        for r, pair in enumerate(pairs):
            if pair is None:
                grid.addWidget(self.id_status, r, 1, 1, 4)
                continue
            for col, (key, text) in zip((0, 3), pair, strict=True):
                grid.addWidget(self._label(text), r, col, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self.boxes[key], r, col + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(2, 8)  # air between the two columns of fields
        grid.setColumnStretch(4, 1)
        grid.addWidget(self._label(self.tr("Address")), len(pairs), 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.boxes["address"], len(pairs), 1, 1, 4)

        self.duplicate = DuplicateNotice()
        self.error = InlineError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # now that it is inside the dialog, which then knows it

        em = self.fontMetrics().horizontalAdvance("病")
        self.setMinimumWidth(em * 52)
        self._geometry.restore(self, GEOMETRY_KEY)

        self.id_number.textChanged.connect(self._id_changed)
        self.sex.currentIndexChanged.connect(self._cross_check)
        self.birth.changed.connect(self._cross_check)
        self.id_status.offerAccepted.connect(self.use_id_facts)
        self.duplicate.useExisting.connect(self.use_existing)
        for key in ("name", "hospital_number", "outpatient_number", "phone"):
            edit = self.boxes[key].editor
            edit.textEdited.connect(lambda _t, k=key: self.boxes[k].error.clear_message())
        chain = [self.name, self.id_number, self.id_status.offer, self.sex, self.birth.edit, self.birth.unknown,
                 self.hospital_number, self.outpatient_number, self.phone, self.insurance, self.address.paste,
                 *self.address.edits.values(), self.duplicate.use_button, *self.buttons.buttons()]
        for first, second in pairwise(chain):  # down the left column, then the right, then the address
            QWidget.setTabOrder(first, second)
        self.name.setFocus()

        if patient_id is None:
            self._initial = self.values()
        else:
            self._set_enabled(False)
            service, actor = session.ctx.patients, session.actor
            ops.run(lambda: service.get(actor, patient_id), self._fill, self._load_failed, owner=self)

    # -- building ---------------------------------------------------------------------------------

    def _label(self, text: str) -> QLabel:
        lab = QLabel(text)
        lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lab.setMinimumHeight(self.name.sizeHint().height())  # level with the editor, even above an error
        return lab

    @classmethod
    def ask(cls, session, parent: QWidget | None = None, patient_id: int | None = None) -> PatientRow | None:
        dialog = cls(session, parent, patient_id)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_patient if accepted else None
        finally:
            dialog.deleteLater()

    # -- values -----------------------------------------------------------------------------------

    def values(self) -> dict:
        """The keyword arguments of PatientService.create/update, as the form holds them now."""
        return {
            "name": self.name.text().strip(), "sex": self.sex.currentData(), "birth_date": self.birth.value(),
            "id_number": normalise(self.id_number.text()) or None,
            "hospital_number": self.hospital_number.text().strip() or None,
            "outpatient_number": self.outpatient_number.text().strip() or None,
            "phone": self.phone.text().strip(), "insurance": self.insurance.currentData() or "",
            **self.address.values(),
        }

    def is_dirty(self) -> bool:
        return self.values() != self._initial or bool(self.address.paste.text().strip())

    def _fill(self, row: PatientRow) -> None:
        self.name.setText(row.name)
        self.sex.setCurrentIndex(max(0, self.sex.findData(row.sex)))
        self.birth.set_value(row.birth_date)
        self.id_number.setText(row.id_number or "")
        self.hospital_number.setText(row.hospital_number or "")
        self.phone.setText(row.phone or "")
        self.outpatient_number.setText(getattr(row, "outpatient_number", None) or "")
        self.insurance.set_value(getattr(row, "insurance", "") or "")
        parts = [getattr(row, key, None) for key in AddressFields.PARTS]
        if None in parts:  # today's PatientRow joins the parts into one string: split it again
            self.address.set_parts(split_address(row.address or ""))
        else:
            self.address.set_parts(Address(*parts))
        if not {"outpatient_number", "insurance"} <= _ROW_FIELDS:
            self.error.show_message(self.tr(
                "This version cannot read back the outpatient number and insurance stored for this patient: "
                "enter them again if they are known, or saving leaves them empty."))
        self._initial = self.values()
        self._set_enabled(True)
        self.is_loaded = True
        emit(self.loaded)

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AppError):
            show_error(exc, self)
        else:
            self.error.show_message(exc.localized())

    def _set_enabled(self, enabled: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(enabled)
        self.save_button.setEnabled(enabled and not self._busy)

    # -- ID number, live ----------------------------------------------------------------------------

    def _id_changed(self, _text: str = "") -> None:
        self.duplicate.hide()
        self._cross_check()

    def _cross_check(self) -> None:
        """Show the ID number's state, offer its facts, and say where sex or birth date disagree with it."""
        check = check_id_number(self.id_number.text())
        problems = mismatches(check.info, self.sex.currentData(), self.birth.value()) if check.info is not None else {}
        for key in ("sex", "birth_date"):
            self.boxes[key].error.show_message(problems.get(key, ""))
        if check.state == "partial":
            self.id_status.show_state(hint=check.message)
        elif check.state == "invalid":
            self.id_status.show_state(error=check.message)
        elif check.state == "empty":
            self.id_status.show_state()
        elif self.sex.currentData() == check.info.sex and self.birth.value() == check.info.birth_date:
            self.id_status.show_state(ok=self.tr("✓ Valid; sex and birth date agree with it."))
        else:
            self.id_status.show_state(ok=self.tr("✓ Valid ID number."),
                                      offer=self.tr("Use {facts}").format(facts=describe_facts(check.info)))

    def use_id_facts(self) -> None:
        """Fill sex and birth date from the ID number (the clerk clicked the offer)."""
        info = check_id_number(self.id_number.text()).info
        if info is None:
            return
        self.sex.setCurrentIndex(self.sex.findData(info.sex))
        self.birth.set_value(info.birth_date)
        self._cross_check()

    def local_problems(self) -> list[tuple[str, str]]:
        """(field, message) found without asking the service; shown inline, they block saving."""
        problems = []
        if not self.name.text().strip():
            problems.append(("name", self.tr("Enter the patient's name.")))
        check = check_id_number(self.id_number.text())
        if check.state == "partial":
            problems.append(("id_number", self.tr("The ID number has 18 characters ({n} entered).")
                             .format(n=len(normalise(self.id_number.text())))))
        elif check.state == "invalid":
            problems.append(("id_number", check.message))
        elif check.info is not None:
            problems.extend(mismatches(check.info, self.sex.currentData(), self.birth.value()).items())
        return problems

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        if self._busy or not self.is_loaded:
            return
        self.error.clear_message()
        self.duplicate.hide()
        self._cross_check()
        problems = self.local_problems()
        if problems:
            for key, message in problems:
                self.show_field_error(key, message)
            self._focus(problems[0][0])
            return
        fields = self.values()
        service, actor, patient_id = self._session.ctx.patients, self._session.actor, self._patient_id
        if patient_id is None:
            def work():
                return service.create(actor, **fields)
        else:
            def work():
                return service.update(actor, patient_id, **fields)
        self._set_busy(True)
        ops.run(work, self._saved, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def _saved(self, row: PatientRow) -> None:
        self._set_busy(False)
        self._finish(row)

    def _finish(self, row: PatientRow) -> None:
        self.result_patient = row
        self._initial = self.values()
        emit(self.saved, row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DuplicatePatient):
            self._existing = exc.existing
            if self._patient_id is None:
                text = self.tr("Already registered: {patient}").format(patient=patient_line(exc.existing))
            else:
                text = self.tr("This ID or inpatient number belongs to another patient: {patient}").format(
                    patient=patient_line(exc.existing))
            self.duplicate.show_patient(text, offer_use=self._patient_id is None)
            if self._patient_id is None:
                self.duplicate.use_button.setFocus()
            return
        if isinstance(exc, ValidationError) and exc.field:
            key = "address" if exc.field in ADDRESS_FIELDS else exc.field
            if key in self.boxes:
                self.show_field_error(key, exc.localized())
                self._focus(key)
                return
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
            return
        show_error(exc, self)

    def show_field_error(self, key: str, message: str) -> None:
        """The message next to its field (the ID number's goes in its status line, under the number)."""
        if key == "id_number":
            self.id_status.show_state(error=message)
        else:
            self.boxes[key].error.show_message(message)

    def use_existing(self) -> None:
        """Take the registered patient the duplicate notice shows, instead of registering a new one."""
        if self._existing is not None:
            self._finish(self._existing)

    def _focus(self, key: str) -> None:
        editor = self.boxes[key].editor if key in self.boxes else None
        if key == "birth_date":
            editor = self.birth.unknown if self.birth.unknown.isChecked() else self.birth.edit
        elif key == "address":
            editor = self.address.edits["province"]
        if editor is not None:
            editor.setFocus()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # an error line appeared: make room instead of clipping it
        return handled

    # -- closing ----------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """Ask before throwing away what was typed. Under tests nothing modal opens (as in ui.errors):
        the answer is "discard", and tests of the question replace this method."""
        if test_mode():
            return True
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("Discard what you have entered?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._busy:
            return  # the save is on its way; its answer decides (closing now would lose the result)
        if self.result_patient is None and self.is_loaded and self.is_dirty() and not self.confirm_discard():
            return
        super().reject()

    def done(self, result: int) -> None:
        self._geometry.save(self, GEOMETRY_KEY)
        super().done(result)
