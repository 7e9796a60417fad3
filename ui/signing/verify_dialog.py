"""Checking documents: a signed PDF file (every signer, when, and whether valid, trusted and unchanged), or
the verification code of a printed sheet (does it match the record on file?).

The verdict comes from the documents service (pyHanko's overall judgement against this hospital's root);
this screen only says it in plain words. The service's English problem lines are kept as details.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import ops
from ui.errors import show_error

GOOD, BAD = "color: #1b7a2f; font-weight: bold;", "color: #b00020; font-weight: bold;"


class VerifyDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Verify a document"))
        self.session = session
        self.tabs = QTabWidget()
        self.tabs.addTab(self._file_tab(), self.tr("Signed PDF &file"))
        self.tabs.addTab(self._code_tab(), self.tr("Verification &code of a printed sheet"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.open_file)
        self.resize(900, 520)

    # -- a PDF file ------------------------------------------------------------------------------

    def _file_tab(self) -> QWidget:
        tab = QWidget()
        self.open_button = QPushButton(self.tr("&Open a PDF file…"))
        self.open_button.setObjectName("openPdf")
        self.open_button.clicked.connect(self.open_file)
        self.file_label = QLabel(self.tr("Choose a signed MDT opinion (Ctrl+O)."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.signers = QTableWidget(0, 5)
        self.signers.setObjectName("signerTable")
        self.signers.setHorizontalHeaderLabels([self.tr("Signer"), self.tr("Signed at"), self.tr("Signature"),
                                                self.tr("Certificate"), self.tr("Content since signing")])
        self.signers.verticalHeader().setVisible(False)
        self.signers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.details = QLabel()
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #666;")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.signers, 1)
        layout.addWidget(self.details)
        return tab

    def ask_open_path(self) -> str:
        """The PDF to check ("" when cancelled); tests replace this."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a signed PDF"), str(Path.home()),
                                              self.tr("PDF files (*.pdf)"))
        return path

    def open_file(self) -> None:
        self.tabs.setCurrentIndex(0)
        path = self.ask_open_path()
        if path:
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> None:
        self.file_label.setText(str(path))
        self.verdict.setText(self.tr("Checking…"))
        self.verdict.setStyleSheet("")
        self.signers.setRowCount(0)
        self.details.clear()
        ctx, actor = self.session.ctx, self.session.actor
        ops.run(lambda: ctx.documents.verify(path.read_bytes(), actor), self.show_report, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.verdict.setText(self.tr("This file could not be checked."))
        self.verdict.setStyleSheet(BAD)
        show_error(exc, self)

    def show_report(self, report) -> None:
        n = len(report.signers)
        if report.ok:
            text = self.tr("All %1 signature(s) are valid, issued under this hospital's root certificate, and the "
                           "file has not been changed since it was signed.").replace("%1", str(n))
        elif not n:
            text = self.tr("This file carries no electronic signature.")
        else:
            text = self.tr("Verification FAILED: do not rely on this file. See the rows marked in red.")
        if report.unsigned_fields:
            text += "\n" + self.tr("Not signed yet: %1").replace("%1", "、".join(report.unsigned_fields))
        self.verdict.setText(text)
        self.verdict.setStyleSheet(GOOD if report.ok else BAD)
        self.signers.setRowCount(n)
        for r, s in enumerate(report.signers):
            when = s.signed_at.strftime("%Y-%m-%d %H:%M") if s.signed_at else self.tr("unknown")
            cells = [(s.name or self.tr("(no name)"), True), (when, True),
                     (self.tr("valid") if s.valid else self.tr("INVALID"), s.valid),
                     (self.tr("trusted (hospital root)") if s.trusted else self.tr("NOT trusted"), s.trusted),
                     (self.tr("unchanged") if s.intact else self.tr("CHANGED after signing"), s.intact)]
            for c, (value, fine) in enumerate(cells):
                item = QTableWidgetItem(value)
                if not fine:
                    item.setForeground(Qt.GlobalColor.red)
                if s.problem:
                    item.setToolTip(s.problem)
                self.signers.setItem(r, c, item)
        self.details.setText("\n".join(report.problems))

    # -- a printed sheet's code ------------------------------------------------------------------

    def _code_tab(self) -> QWidget:
        tab = QWidget()
        intro = QLabel(self.tr("Scan the QR code of a printed sheet with a scanner gun, paste its text, or type "
                               "the verification code printed under it (for example 94YT-XJPR-FZD8)."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("codeInput")
        self.code.setPlaceholderText(self.tr("QR code text or verification code"))
        self.code.returnPressed.connect(self.check_code)
        self.check_button = QPushButton(self.tr("C&heck"))
        self.check_button.clicked.connect(self.check_code)
        self.code_result = QLabel()
        self.code_result.setObjectName("codeResult")
        self.code_result.setWordWrap(True)
        self.code_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.code_result)
        layout.addStretch(1)
        return tab

    def check_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            self.code_result.setText(self.tr("Enter or scan a code first."))
            self.code_result.setStyleSheet(BAD)
            return
        ctx = self.session.ctx
        ops.run(lambda: ctx.documents.check_code(text), self.show_code_check, owner=self)

    def show_code_check(self, check) -> None:
        which = f"{check.doc_no} " + self.tr("version %1").replace("%1", str(check.version)) if check.doc_no else ""
        whose = " ".join(x for x in (check.case_no, check.patient_name) if x)
        messages = {
            "match": self.tr("MATCHES: this sheet is %1 (%2), the signed version on record.").replace("%1", which)
            .replace("%2", whose),
            "superseded": self.tr("OUT OF DATE: %1 was replaced by an amended version. Ask for the current one.")
            .replace("%1", which),
            "unsigned": self.tr("The content matches %1, but not everyone has signed it yet.").replace("%1", which),
            "changed": self.tr("DOES NOT MATCH: the sheet differs from the record on file (%1).").replace("%1", which),
            "unknown": self.tr("No document of this hospital has this code."),
            "forged": self.tr("NOT ISSUED BY THIS HOSPITAL: the code's signature does not match."),
            "unreadable": self.tr("Not a verification code: paste the QR code text or type the code under it."),
        }
        self.code_result.setText(messages.get(check.status, check.message))
        self.code_result.setStyleSheet(GOOD if check.matches else BAD)


def open_verify_dialog(session, parent: QWidget | None) -> VerifyDialog:
    dialog = VerifyDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
