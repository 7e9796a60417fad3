"""The package commands on the case list: a context menu on a case (export, send an opinion back) and an
"Import package…" button next to "New case…"."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton

from app.security.permissions import allowed


class PackageActions(QObject):
    """Owned by the case list view; opens the dialogs for the case under the cursor."""

    def __init__(self, view, ctx, actor) -> None:
        super().__init__(view)
        self.view, self.ctx, self.actor = view, ctx, actor
        self.dialog = None  # the open dialog (tests reach it here)
        self.enabled = allowed(actor, "data.export")
        signs = self.enabled and allowed(actor, "document.sign")  # a package carries its exporter's signature
        self.export_action = QAction(self.tr("Export consultation package…"), view)
        self.export_action.setObjectName("exportPackageAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_action.triggered.connect(self.export_current)
        self.opinion_action = QAction(self.tr("Write the consultation opinion and send it back…"), view)
        self.opinion_action.setObjectName("opinionPackageAction")
        self.opinion_action.triggered.connect(self.opinion_current)
        self.import_action = QAction(self.tr("Import consultation package…"), view)
        self.import_action.setObjectName("importPackageAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.import_action.triggered.connect(self.open_import)
        self.import_button = QPushButton(self.tr("Import package…"))
        self.import_button.setObjectName("importPackageButton")
        self.import_button.clicked.connect(self.open_import)
        for w in (self.import_action, self.import_button):
            w.setVisible(self.enabled)
        for w in (self.export_action, self.opinion_action):
            w.setVisible(signs)
        if self.enabled:
            view.addAction(self.export_action)
            view.addAction(self.import_action)
            view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.table.customContextMenuRequested.connect(self._menu)

    def _current_case_id(self) -> int | None:
        index = self.view.table.currentIndex()
        return self.view.model.case_id(index.row()) if index.isValid() else None

    def _menu(self, pos) -> None:
        index = self.view.table.indexAt(pos)
        if index.isValid():
            self.view.table.setCurrentIndex(index)
        has_case = self._current_case_id() is not None
        menu = QMenu(self.view.table)
        for action in (self.export_action, self.opinion_action):
            action.setEnabled(has_case)
            if action.isVisible():
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.import_action)
        menu.exec(self.view.table.viewport().mapToGlobal(pos))

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_current(self, case_id: int | None = None) -> None:
        from ui.packages.export_dialog import ExportDialog

        case_id = case_id or self._current_case_id()
        if case_id is not None:
            self._open(ExportDialog(self.ctx, self.actor, case_id=case_id, parent=self.view))

    def opinion_current(self) -> None:
        from ui import ops
        from ui.packages.opinion_dialog import OpinionDialog

        case_id = self._current_case_id()
        if case_id is None:
            return
        ctx, actor = self.ctx, self.actor
        ops.run(lambda: ctx.case_records.get(actor, case_id).case_no,
                lambda case_no: self._open(OpinionDialog(ctx, actor, case_no=case_no, parent=self.view)), owner=self)

    def open_import(self) -> None:
        from ui.packages.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.actor, parent=self.view)
        dialog.importDone.connect(lambda _r: self.view.refresh())
        self._open(dialog)
