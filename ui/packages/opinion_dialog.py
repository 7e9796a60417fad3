"""At the receiving hospital: write the advice on a case that arrived in a package, sign it with your key
and export it as an opinion package bound to the original package (the county imports it as advisory)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.packages.records import ExportResult
from ui import ops
from ui.geometry import GeometryStore
from ui.packages.common import PackageDialog, Secrets
from ui.packages.import_dialog import message_of
from ui.qt_compat import emit

LAST_DIR_KEY = "packages/last_dir"


class OpinionDialog(PackageDialog):
    exportDone = Signal(object)  # ExportResult, or the exception that ended the export

    def __init__(self, ctx, actor, *, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__("packageOpinionDialog", self.tr("Send the opinion back"), "opinionStatus", parent)
        self.ctx, self.actor, self.case_no = ctx, actor, case_no
        self._geometry = GeometryStore(ctx.data_dir)
        self.result_: ExportResult | None = None
        intro = QLabel(self.tr("Your advice on case %1 goes back to the hospital that sent it, signed with your "
                               "key. There it is shown as the upper-level hospital's advisory opinion: the "
                               "treating team keeps the decision.").replace("%1", case_no))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("opinionText")
        self.text.setPlaceholderText(self.tr("The consultation opinion (会诊意见)"))
        form = QFormLayout()
        self.secrets = Secrets(form, repeat=True, password=True)
        self.file_edit = QLineEdit(str(Path(self._geometry.value(LAST_DIR_KEY, str(Path.home())))
                                       / f"{case_no}-opinion.mdtpkg"))
        self.file_edit.setObjectName("opinionFile")
        self.file_row(form, self.file_edit, self.tr("Save as…"), "opinionBrowse")
        self.start_button = self.add_action(self.tr("Sign and export"), "startOpinionExport", self.start)
        layout = self.top()
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        self.bottom(layout)
        self.resize(self.fontMetrics().horizontalAdvance("病") * 44, 520)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the opinion package"), self.file_edit.text(),
                                                self.tr("Case packages (*.mdtpkg)"))
        if chosen:
            self.file_edit.setText(chosen if chosen.endswith(".mdtpkg") else chosen + ".mdtpkg")

    def start(self) -> None:
        out = Path(self.file_edit.text().strip())
        problem = None
        if not self.text.toPlainText().strip():
            problem = self.tr("Write the opinion first.")
        elif not out.parent.is_dir():
            problem = self.tr("Choose where to save the package (is the USB stick plugged in?).")
        problem = problem or self.secrets.problem()
        if problem:
            self.error.show_message(problem)
            return
        self.error.clear_message()
        self._geometry.set_value(LAST_DIR_KEY, str(out.parent))
        args = (self.actor, self.case_no, self.text.toPlainText(), out, self.secrets.passphrase.text(),
                self.secrets.password.text())
        service = self.ctx.packages
        self.start_button.setEnabled(False)
        self.status.setText(self.tr("Signing and writing…"))
        ops.run(lambda: service.export_opinion(*args), self._done, self._failed, owner=self)

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        self.start_button.setEnabled(True)
        self.status.setText(self.tr("Wrote %1. Tell the receiver the passphrase by another way than the file.")
                            .replace("%1", result.path))
        emit(self.exportDone, result)

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.status.setText("")
        self.error.show_message(message_of(exc))
        emit(self.exportDone, exc)
