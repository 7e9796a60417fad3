"""Signing: the documents waiting for my signature, a preview of the selected one, my password, Sign.

The documents service does the signing (my key and my handwritten signature are opened with my password;
a wrong password changes nothing). The chair signs last, which seals the document; the service says so
when others are still missing, and the message is shown here in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.printing.raster import render_pages
from ui import ops
from ui.errors import show_error
from ui.printing.page_view import RENDER_DPI, PageView
from ui.printing.qt_print import to_qimage
from ui.qt_compat import emit
from ui.widgets.forms import InlineError, password_field


class SignDialog(QDialog):
    signed = Signal(int)  # document id

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign documents"))
        self.session = session
        self.records: list = []
        self.documents = QListWidget()
        self.documents.setObjectName("pendingDocuments")
        label = QLabel(self.tr("&Waiting for my signature:"))
        label.setBuddy(self.documents)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.pages = PageView()
        self.password = password_field()
        self.password.setObjectName("signPassword")
        self.password.returnPressed.connect(self.sign_current)
        self.error = InlineError()
        self.status = QLabel()
        self.status.setObjectName("signStatus")
        self.status.setWordWrap(True)
        self.sign_button = QPushButton(self.tr("&Sign"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign_current)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("My &password:"), self.password)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        column.addWidget(self.documents, 1)
        column.addWidget(self.waiting)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 740])
        QVBoxLayout(self).addWidget(splitter)
        self.documents.currentRowChanged.connect(self._show)
        self.resize(1100, 760)
        self.sign_button.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        ctx, actor = self.session.ctx, self.session.actor
        ops.run(lambda: ctx.documents.pending_for(actor), self._listed, owner=self)

    def _listed(self, records: list) -> None:
        self.records = records
        self.documents.clear()
        for r in records:
            # Two short lines fit the narrow list (the document number already holds the case number).
            text = f"{r.patient_name}  " + self.tr("version %1").replace("%1", str(r.version)) + f"\n{r.doc_no}"
            item = QListWidgetItem(text)
            item.setToolTip(f"{r.doc_no}  {r.patient_name}  {r.case_no}")
            self.documents.addItem(item)
        self.sign_button.setEnabled(bool(records))
        if records:
            self.documents.setCurrentRow(0)
            self.password.setFocus()
        else:
            self.waiting.clear()
            self.pages.show_message(self.tr("No document is waiting for your signature."))

    def current(self):
        row = self.documents.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _show(self, row: int) -> None:
        record = self.current()
        if record is None:
            return
        names = "、".join(s.name for s in record.waiting_for)
        self.waiting.setText(self.tr("Still to sign: %1").replace("%1", names))
        self.pages.show_message(self.tr("Drawing the pages…"))
        ctx, actor = self.session.ctx, self.session.actor

        def render() -> list:
            return list(render_pages(ctx.documents.to_sign(actor, record.id), RENDER_DPI))

        def shown(pages: list) -> None:
            if self.current() is record:
                self.pages.show_pages([to_qimage(p) for p in pages])

        ops.run(render, shown, owner=self)

    def sign_current(self) -> None:
        record = self.current()
        if record is None or not self.sign_button.isEnabled():
            return
        password = self.password.text()
        if not password:
            self.error.show_message(self.tr("Enter your password to sign."))
            self.password.setFocus()
            return
        self.error.clear_message()
        self.sign_button.setEnabled(False)
        self.status.setText(self.tr("Signing…"))
        ctx, actor = self.session.ctx, self.session.actor
        ops.run(lambda: ctx.documents.sign(actor, record.id, password), self._signed, self._failed, owner=self)

    def _signed(self, record) -> None:
        self.password.clear()
        done = (self.tr("Signed. The document is complete and sealed.") if record.signed
                else self.tr("Signed. Still to sign: %1").replace("%1", "、".join(s.name for s in record.waiting_for)))
        self.status.setText(f"{record.doc_no}: {done}")
        emit(self.signed, record.id)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self.status.clear()
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
            self.password.selectAll()
            self.password.setFocus()
        else:
            show_error(exc, self)


def open_sign_dialog(session, parent: QWidget | None) -> SignDialog:
    dialog = SignDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
