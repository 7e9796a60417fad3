"""Menu or toolbar entries for patients, so the main window hooks them in with one line:

    from ui.patients.actions import add_patient_actions
    add_patient_actions(self.menuBar().addMenu(self.tr("Patients")), session, self)

The dialogs are imported when an action is triggered (start-up does not pay for them).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.security.permissions import allowed


def add_patient_actions(menu_or_toolbar, session, parent: QWidget | None) -> list[QAction]:
    """Add "Register a patient…" and "Import a patient list…" to a QMenu or QToolBar; returns the actions.

    Both are disabled (with a tooltip saying why) for a role that may not register patients.
    """
    owner = parent if parent is not None else menu_or_toolbar
    register = QAction(QCoreApplication.translate("PatientActions", "Register a patient…"), owner)
    register.setObjectName("registerPatientAction")
    register.setStatusTip(QCoreApplication.translate("PatientActions", "Register a new patient"))
    import_list = QAction(QCoreApplication.translate("PatientActions", "Import a patient list…"), owner)
    import_list.setObjectName("importPatientsAction")
    import_list.setStatusTip(QCoreApplication.translate(
        "PatientActions", "Register the patients of a .csv or .xlsx list, with a result for every row"))

    def open_register() -> None:
        from ui.patients.patient_dialog import PatientDialog

        PatientDialog.ask(session, parent)

    def open_import() -> None:
        from ui.patients.import_dialog import PatientImportDialog

        PatientImportDialog.run_for(session, parent)

    register.triggered.connect(open_register)
    import_list.triggered.connect(open_import)
    if not allowed(session.actor, "patient.create"):
        why = QCoreApplication.translate("PatientActions", "Your role does not allow registering patients.")
        for action in (register, import_list):
            action.setEnabled(False)
            action.setToolTip(why)
    menu_or_toolbar.addAction(register)
    menu_or_toolbar.addAction(import_list)
    return [register, import_list]
