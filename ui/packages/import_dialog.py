"""Import a consultation package (a case, or the advice on a case this hospital sent).

The file is verified first (passphrase, signature, every file's SHA-256), then its content and sender are
shown; importing asks before adding the case to a patient who matches by ID or inpatient number. Every
refusal (wrong passphrase, damaged file, untrusted sender) is shown in the dialog with its own message and
nothing is imported. Tests set the file and passphrase, call `check()` and wait for `checked`, then call
`start_import()` and wait for `importDone`; `ask_merge` is the question they replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app.errors import AppError
from app.packages.records import ImportResult, PackageContent, PatientMatch
from ui import ops
from ui.geometry import GeometryStore
from ui.packages.common import PackageDialog, Progress, Secrets
from ui.packages.texts import content_text
from ui.qt_compat import emit

LAST_DIR_KEY = "packages/last_import_dir"


def message_of(exc: BaseException) -> str:
    return exc.localized() if isinstance(exc, AppError) else str(exc)


class ImportDialog(PackageDialog):
    checked = Signal(object)  # PackageContent, or the exception that refused the package
    importDone = Signal(object)  # ImportResult, or the exception that ended the import

    def __init__(self, ctx, actor, parent: QWidget | None = None, path: str | Path = "") -> None:
        super().__init__("packageImportDialog", self.tr("Import a consultation package"), "importStatus", parent)
        self.ctx, self.actor = ctx, actor
        self._geometry = GeometryStore(ctx.data_dir)
        self.content: PackageContent | None = None
        self.result_: ImportResult | None = None
        self._running = False

        self.file_edit = QLineEdit(str(path))
        self.file_edit.setObjectName("importFile")
        form = QFormLayout()
        self.file_row(form, self.file_edit, self.tr("Choose file…"), "importBrowse")
        self.secrets = Secrets(form, repeat=False, password=False)
        self.details = QPlainTextEdit()
        self.details.setObjectName("packageContent")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Choose the file and type its passphrase, then press Check: the "
                                                "signature and every file are verified before anything is shown."))
        self.progress = Progress(self, self.status.setText)
        self.check_button = self.add_action(self.tr("Check"), "checkPackage", self.check)
        self.import_button = self.add_action(self.tr("Import"), "startImport", self.start_import)
        self.cancel_button = self.add_action(self.tr("Cancel"), "cancelImport", self.progress.cancel.set)
        self.cancel_button.hide()

        layout = self.top()
        layout.addLayout(form)
        layout.addWidget(self.details, 1)
        self.bottom(layout, self.progress)
        self.resize(self.fontMetrics().horizontalAdvance("病") * 48, 560)
        self.file_edit.textChanged.connect(self._reset)
        self.secrets.passphrase.textChanged.connect(self._reset)
        self.secrets.passphrase.returnPressed.connect(self.check)
        self._reset()

    def set_file(self, path: str | Path) -> None:
        self.file_edit.setText(str(path))

    def choose_file(self) -> None:
        start = self.file_edit.text().strip() or self._geometry.value(LAST_DIR_KEY, str(Path.home()))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a package"), start,
                                                self.tr("Case packages (*.mdtpkg)"))
        if chosen:
            self.set_file(chosen)

    def _reset(self, *_args) -> None:
        self.content = None
        self.error.clear_message()
        self._buttons()

    def _buttons(self) -> None:
        ready = bool(self.file_edit.text().strip()) and bool(self.secrets.passphrase.text())
        self.check_button.setEnabled(not self._running and ready)
        self.import_button.setEnabled(not self._running and self.content is not None and self.content.trusted
                                      and not self.content.already_imported_case)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.cancel_button.setVisible(running)
        (self.progress.start if running else self.progress.stop)()
        self.file_edit.setEnabled(not running)
        self.secrets.passphrase.setEnabled(not running)
        self._buttons()

    # -- verify, then show ------------------------------------------------------------------------

    def check(self) -> None:
        path = Path(self.file_edit.text().strip())
        if self._running:
            return
        if not path.is_file():
            self.error.show_message(self.tr("There is no file %1.").replace("%1", str(path)))
            return
        self._geometry.set_value(LAST_DIR_KEY, str(path.parent))
        self.details.clear()
        self._reset()
        self._set_running(True)
        service, actor, passphrase, progress = self.ctx.packages, self.actor, self.secrets.passphrase.text(), \
            self.progress
        ops.run(lambda: service.inspect(actor, path, passphrase, progress=progress.report,
                                        cancelled=progress.cancel.is_set),
                self._checked, self._check_failed, owner=self)

    def _checked(self, content: PackageContent) -> None:
        self._set_running(False)
        self.content = content
        self.details.setPlainText(content_text(content))
        self.status.setText("")
        if not content.trusted:
            self.error.show_message(self.tr("This package cannot be imported: its sender is not trusted here."))
        self._buttons()
        emit(self.checked, content)

    def _check_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.status.setText("")
        self.error.show_message(message_of(exc))
        emit(self.checked, exc)

    # -- import -----------------------------------------------------------------------------------

    def ask_merge(self, match: PatientMatch) -> bool:
        by = self.tr("ID number") if match.by == "id_number" else self.tr("inpatient number")
        answer = QMessageBox.question(
            self, self.tr("Same patient?"),
            self.tr("The patient in this package matches patient %1 here by %2. Add the case to that patient? "
                    "(No: nothing is imported.)").replace("%1", match.name).replace("%2", by))
        return answer == QMessageBox.StandardButton.Yes

    def start_import(self) -> None:
        c = self.content
        if self._running or c is None or not c.trusted:
            return
        merge = None
        if c.matches and c.kind == "case":
            if not self.ask_merge(c.matches[0]):
                self.status.setText(self.tr("Nothing was imported."))
                return
            merge = c.matches[0].patient_id
        path = Path(self.file_edit.text().strip())
        service, actor, passphrase, progress = self.ctx.packages, self.actor, self.secrets.passphrase.text(), \
            self.progress
        self._set_running(True)
        ops.run(lambda: service.import_package(actor, path, passphrase, merge_patient_id=merge,
                                               progress=progress.report, cancelled=progress.cancel.is_set),
                self._imported, self._import_failed, owner=self)

    def _imported(self, result: ImportResult) -> None:
        self.result_ = result
        self._set_running(False)
        if result.status == "already":
            text = self.tr("Nothing new: this package is already case %1.").replace("%1", result.case_no)
        elif self.content is not None and self.content.kind == "opinion":
            text = self.tr("The advice was added to case %1 as an advisory opinion of the upper-level hospital.") \
                .replace("%1", result.case_no)
        else:
            text = self.tr("Imported as case %1; %2 new file(s), %3 already stored.").replace("%1", result.case_no) \
                .replace("%2", str(result.files_new)).replace("%3", str(result.files_existing))
        self.status.setText(text)
        self.import_button.setEnabled(False)
        emit(self.importDone, result)

    def _import_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.status.setText("")
        self.error.show_message(message_of(exc))
        emit(self.importDone, exc)
