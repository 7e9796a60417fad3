"""Export a case as an encrypted, signed package for another hospital (远程会诊 / 双向转诊).

    ExportDialog(ctx, actor, case_id=..., parent=...).exec()

Before anything is written the dialog shows what will travel (key images preselected), what
de-identification removes and which images may carry burned-in names (they must be checked by eye), and
refuses an identified export without recorded consent. Tests fill the form and call `start()`, then wait
for `exportDone` (an ExportResult, or the exception that ended the export).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.errors import AppError
from app.packages.errors import PackageCancelled
from app.packages.records import ExportPreview, ExportResult
from ui import ops
from ui.geometry import GeometryStore
from ui.packages.common import PackageDialog, Progress, Secrets, megabytes
from ui.packages.texts import burned_in_lines, planned_removals, removed_lines
from ui.qt_compat import emit

LAST_DIR_KEY = "packages/last_dir"


class ExportDialog(PackageDialog):
    exportDone = Signal(object)  # ExportResult, or the exception that ended the export
    previewLoaded = Signal()

    def __init__(self, ctx, actor, *, case_id: int | None = None, case_no: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__("packageExportDialog", self.tr("Export a consultation package"), "exportStatus", parent)
        self.ctx, self.actor = ctx, actor
        self.preview: ExportPreview | None = None
        self.result_: ExportResult | None = None
        self._running = False
        self._geometry = GeometryStore(ctx.data_dir)

        self.summary = QLabel(self.tr("Loading the case…"))
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.choices = QListWidget()
        self.choices.setObjectName("exportChoices")
        self.deidentify = QCheckBox(self.tr("De-identify (replace the patient's identity by a pseudonym)"))
        self.deidentify.setObjectName("deidentify")
        self.consent = QLabel()
        self.consent.setObjectName("consentNote")
        self.consent.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setObjectName("deidReport")
        self.report.setReadOnly(True)
        self.checked_pixels = QCheckBox(self.tr("I have looked at the flagged images: no name or number is "
                                                "burned into their pixels"))
        self.checked_pixels.setObjectName("checkedPixels")

        form = QFormLayout()
        self.secrets = Secrets(form, repeat=True, password=True)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("exportFile")
        self.file_row(form, self.file_edit, self.tr("Save as…"), "exportBrowse")

        self.progress = Progress(self, self.status.setText)
        self.start_button = self.add_action(self.tr("Export"), "startExport", self.start)
        self.cancel_button = self.add_action(self.tr("Cancel export"), "cancelExport", self.progress.cancel.set)
        self.cancel_button.hide()

        layout = self.top()
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Files to include (key images are preselected; signed PDFs always "
                                        "travel with an identified package):")))
        layout.addWidget(self.choices, 2)
        layout.addWidget(self.deidentify)
        layout.addWidget(self.consent)
        layout.addWidget(self.report, 2)
        layout.addWidget(self.checked_pixels)
        layout.addLayout(form)
        self.bottom(layout, self.progress)
        self.resize(self.fontMetrics().horizontalAdvance("病") * 52, 720)

        for w in (self.deidentify, self.checked_pixels):
            w.toggled.connect(self._changed)
        self.choices.itemChanged.connect(self._changed)
        for f in self.secrets.fields():
            f.textChanged.connect(lambda _t: self.error.clear_message())
        self._changed()
        ctx_, actor_ = ctx, actor

        def load():
            no = case_no or ctx_.case_records.get(actor_, case_id).case_no
            return ctx_.packages.preview_export(actor_, no)

        ops.run(load, self._loaded, self._load_failed, owner=self)

    # -- the form ---------------------------------------------------------------------------------

    def _loaded(self, preview: ExportPreview) -> None:
        self.preview = preview
        self.summary.setText(self.tr("Case %1, patient %2; %3 signed document(s).").replace("%1", preview.case_no)
                             .replace("%2", preview.patient).replace("%3", str(preview.signed_documents)))
        any_key = any(c.key_image for c in preview.choices)
        self.choices.blockSignals(True)
        for c in preview.choices:
            files = self.tr("%1 file(s)").replace("%1", str(len(c.attachment_ids)))
            flag = "  ⚠ " + self.tr("may show burned-in text") if c.burned_in else ""
            key = "  ★ " + self.tr("key image") if c.key_image else ""
            item = QListWidgetItem(f"{c.modality or c.kind} · {c.title or c.kind} · {files} · "
                                   f"{megabytes(c.size)}{key}{flag}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.key_image or not any_key else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, c.key)
            self.choices.addItem(item)
        self.choices.blockSignals(False)
        default = Path(self._geometry.value(LAST_DIR_KEY, str(Path.home()))) / f"{preview.case_no}.mdtpkg"
        if not self.file_edit.text():
            self.file_edit.setText(str(default))
        if not preview.can_sign:
            self.error.show_message(self.tr("You have no signing certificate yet: a package must be signed. "
                                            "Request one under My signature; the administrator issues it."))
        self._changed()
        emit(self.previewLoaded)

    def _load_failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        self.error.show_message(exc.localized() if isinstance(exc, AppError) else str(exc))
        self.start_button.setEnabled(False)

    def set_all_files(self, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.choices.count()):
            self.choices.item(i).setCheckState(state)

    def selected(self):
        keys = {self.choices.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.choices.count())
                if self.choices.item(i).checkState() == Qt.CheckState.Checked}
        return [c for c in (self.preview.choices if self.preview else ()) if c.key in keys]

    def consent_missing(self) -> bool:
        return self.preview is not None and not self.deidentify.isChecked() and self.preview.consent_recorded_at is None

    def _changed(self, *_args) -> None:
        self.error.clear_message()
        chosen = self.selected()
        flagged = [c for c in chosen if c.burned_in]
        if self.consent_missing():
            self.consent.setText(self.tr("The patient's consent to send identified data to another hospital is not "
                                         "recorded. Record it on the case (referral tab), or export de-identified."))
            self.consent.setStyleSheet("color: #b91c1c;")
        elif self.preview is not None and not self.deidentify.isChecked():
            self.consent.setText(self.tr("Identified export: the patient's consent was recorded on %1.")
                                 .replace("%1", self.preview.consent_recorded_at.strftime("%Y-%m-%d")))
            self.consent.setStyleSheet("")
        else:
            self.consent.setText(self.tr("De-identified export: no consent needed; the receiver sees a pseudonym."))
            self.consent.setStyleSheet("")
        if self.deidentify.isChecked():
            lines = planned_removals() + burned_in_lines(flagged)
        else:
            lines = [self.tr("Identified export: names, numbers and dates travel as recorded.")]
        self.report.setPlainText("\n".join(lines))
        self.checked_pixels.setVisible(self.deidentify.isChecked() and bool(flagged))
        self.start_button.setEnabled(not self._running and self.preview is not None and bool(chosen)
                                     and not self.consent_missing())

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the package"), self.file_edit.text(),
                                                self.tr("Case packages (*.mdtpkg)"))
        if chosen:
            self.file_edit.setText(chosen if chosen.endswith(".mdtpkg") else chosen + ".mdtpkg")

    def _problem(self) -> str | None:
        out = Path(self.file_edit.text().strip()) if self.file_edit.text().strip() else None
        if out is None or not out.parent.is_dir():
            return self.tr("Choose where to save the package (is the USB stick plugged in?).")
        if self.consent_missing():
            return self.consent.text()
        if self.checked_pixels.isVisible() and not self.checked_pixels.isChecked():
            return self.tr("Some images may show the patient's name in their pixels, which de-identification "
                           "cannot remove. Look at them, then tick the box (or leave them out).")
        return self.secrets.problem()

    # -- exporting --------------------------------------------------------------------------------

    def start(self) -> None:
        if self._running or self.preview is None:
            return
        problem = self._problem()
        if problem:
            self.error.show_message(problem)
            return
        out = Path(self.file_edit.text().strip())
        self._geometry.set_value(LAST_DIR_KEY, str(out.parent))
        ids = [i for c in self.selected() for i in c.attachment_ids]
        args = (self.actor, self.preview.case_no, out, self.secrets.passphrase.text(), self.secrets.password.text())
        deidentify, service, progress = self.deidentify.isChecked(), self.ctx.packages, self.progress
        self._set_running(True)
        ops.run(lambda: service.export_case(*args, deidentify=deidentify, attachment_ids=ids,
                                            progress=progress.report, cancelled=progress.cancel.is_set),
                self._done, self._failed, owner=self)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.cancel_button.setVisible(running)
        if running:
            self.progress.start()
        else:
            self.progress.stop()
        for w in (self.choices, self.deidentify, self.checked_pixels, *self.secrets.fields(), self.file_edit):
            w.setEnabled(not running)
        self._changed()

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        self._set_running(False)
        what = (self.tr("de-identified as %1").replace("%1", result.pseudonym) if result.deidentified
                else self.tr("identified"))
        self.status.setText(self.tr("Wrote %1 (%2, %3 file(s), %4). Tell the receiver the passphrase by "
                                    "another way than the file.").replace("%1", result.path).replace("%2", what)
                            .replace("%3", str(result.files)).replace("%4", megabytes(result.size)))
        if result.deidentified:
            self.report.setPlainText("\n".join(removed_lines(result.report)))
        emit(self.exportDone, result)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.status.setText("")
        if isinstance(exc, PackageCancelled):
            self.status.setText(exc.localized())
        elif isinstance(exc, AppError):
            self.error.show_message(exc.localized())
        else:
            self.error.show_message(str(exc))
        emit(self.exportDone, exc)
