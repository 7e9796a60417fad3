"""A case's material for the meeting: DICOM series, photos, reports; labels, key items, and import.

Embedded in the case editor. Every service call goes through `ops.run`; previews come one at a time and
replace their placeholder as they arrive, so the list is usable at once. Nothing here deletes an
attachment: the record keeps everything attached to a case in this version.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.security.permissions import allowed
from ui import ops
from ui.cases.attachments.dialogs import ImportResultsDialog
from ui.cases.attachments.entries import LABELS, Entry, build_entries
from ui.cases.attachments.importer import ImportFlow
from ui.cases.attachments.model import AttachmentModel, thumbnail_pixmap
from ui.cases.attachments.outcome import ImportOutcome
from ui.cases.attachments.texts import summary
from ui.cases.attachments.view import AttachmentTree
from ui.errors import show_error
from ui.geometry import GeometryStore
from ui.qt_compat import emit

log = logging.getLogger(__name__)

LAST_DIR_KEY = "attachments/last_dir"
IMPORT_REFRESH_INTERVAL = 1.0  # seconds between list refreshes while an import runs
# Like the app's tables (tables.qss styles QTableView only); a dashed frame while files are dragged over.
STYLE = """
QTreeView#attachmentTree, QLabel#attachmentsEmpty {
    background: #ffffff; border: 1px solid #cfd8e1; border-radius: 4px;
    selection-background-color: #cfe2f4; selection-color: #10243a;
}
QTreeView#attachmentTree::item:selected { background: #cfe2f4; color: #10243a; }
QLabel#attachmentsEmpty { color: #51626f; padding: 24px; }
QTreeView#attachmentTree[dropTarget="true"], QLabel#attachmentsEmpty[dropTarget="true"] {
    border: 2px dashed #2f6da3; background: #eef5fc;
}
"""


def local_paths(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class AttachmentPanel(QWidget):
    changed = Signal()  # an import added files, or a label or key item changed (readiness may differ)
    loaded = Signal()  # the list on screen is the case's current material (after each refresh)
    importProgressed = Signal(int, int)  # files read, files in all (during an import)
    importFinished = Signal(object)  # ImportOutcome
    thumbnailArrived = Signal(int)  # attachment id whose preview is now shown
    openRequested = Signal(object)  # double-click/Enter: a series UID (str) or a photo/image attachment id (int)

    def __init__(self, session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPanel")
        self.session = session
        self.case_id = case_id
        self.editable = allowed(session.actor, "attachment.add")
        self.results_dialog: ImportResultsDialog | None = None
        self._store = GeometryStore(session.data_dir)
        self._generation = 0
        self._loaded = False
        self._thumbs: dict[int, QPixmap | None] = {}
        self._thumb_in_flight: int | None = None
        self._saving = 0
        self._flow: ImportFlow | None = None
        self._last_import_refresh = 0.0

        self.model = AttachmentModel(self)
        self.model.editable = self.editable
        self.tree = AttachmentTree(self.model, self.set_label, self)
        self.tree.set_editable(self.editable)
        self.tree.keyToggleRequested.connect(self.toggle_key)
        self.tree.deleteRefused.connect(self._delete_refused)
        self.tree.labelEditRequested.connect(self.edit_label)
        self.tree.activated.connect(self._activated)

        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.setObjectName("addFiles")
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton(self.tr("Add folder / disc…"))
        self.add_folder_button.setObjectName("addFolder")
        self.add_folder_button.setToolTip(self.tr("A folder, a CD or a USB stick: every file inside is read, "
                                                  "with or without DICOMDIR"))
        self.add_folder_button.clicked.connect(self.choose_folder)
        for b in (self.add_files_button, self.add_folder_button):
            b.setVisible(self.editable)
        self.message = QLabel()
        self.message.setObjectName("attachmentsMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.add_files_button)
        bar.addWidget(self.add_folder_button)
        bar.addSpacing(8)
        bar.addWidget(self.message, 1)

        self.empty = QLabel(self.tr("Loading attachments…"))
        self.empty.setObjectName("attachmentsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)

        hint = QLabel(self._hint_text())
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(hint)
        self.setStyleSheet(STYLE)
        self.setAcceptDrops(self.editable)
        self.refresh()

    def _hint_text(self) -> str:
        if not self.editable:
            return self.tr("Your role can view the material of this case but not add to it or change it.")
        return self.tr("Drag files or folders here to add them. Space marks the selected item as a key item "
                       "for the meeting. Attachments are never deleted: they stay part of the record.")

    # -- reading ----------------------------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_importing(self) -> bool:
        return self._flow is not None

    def entries(self) -> list[Entry]:
        """What the list shows: series first, then the other files."""
        return self.model.entries()

    def refresh(self) -> None:
        """Reload the case's material (stale answers of earlier refreshes are dropped)."""
        self._generation += 1
        generation = self._generation
        browse, actor, case_id = self.session.ctx.attachment_browse, self.session.actor, self.case_id

        def work():
            return build_entries(browse.series_for_case(actor, case_id), browse.list_for_case(actor, case_id))

        ops.run(work, lambda answer: self._arrived(generation, answer), owner=self)

    def _arrived(self, generation: int, answer: tuple[list[Entry], list[Entry]]) -> None:
        if generation != self._generation:
            return
        series, files = answer
        current = self.model.entry_at(self.tree.currentIndex())
        self.model.set_entries(series, files, self._thumbs)
        self.tree.rebuild_editors()
        if current is not None and self.model.index_of(current.key).isValid():
            self.tree.setCurrentIndex(self.model.index_of(current.key))
        if series or files:
            self.stack.setCurrentWidget(self.tree)
        else:
            self.empty.setText(self.tr("No attachments yet.\nAdd the imaging, pathology and reports of this "
                                       "case with the buttons above, or drag files and folders here."))
            self.stack.setCurrentWidget(self.empty)
        self._loaded = True
        emit(self.loaded)
        self._load_next_thumbnail()

    # -- previews, one at a time ------------------------------------------------------------------

    def _load_next_thumbnail(self) -> None:
        if self._thumb_in_flight is not None:
            return
        waiting = [i for i in self.model.pending_thumbnails() if i not in self._thumbs]
        if not waiting:
            return
        aid = self._thumb_in_flight = waiting[0]
        browse, actor = self.session.ctx.attachment_browse, self.session.actor
        ops.run(lambda: browse.thumbnail(actor, aid), lambda png: self._thumbnail_done(aid, png),
                lambda exc: self._thumbnail_failed(aid, exc), owner=self)

    def _thumbnail_done(self, aid: int, png: bytes | None) -> None:
        self._thumb_in_flight = None
        pixmap = self._thumbs[aid] = thumbnail_pixmap(png)
        self.model.set_thumbnail(aid, pixmap)
        emit(self.thumbnailArrived, aid)
        self._load_next_thumbnail()

    def _thumbnail_failed(self, aid: int, exc: BaseException) -> None:
        log.warning("no preview for attachment %s: %s", aid, exc)  # the row shows its icon instead
        self._thumbnail_done(aid, None)

    def pending_thumbnails(self) -> int:
        return len(self.model.pending_thumbnails())

    # -- labels and key items ---------------------------------------------------------------------

    def set_label(self, key: str, code: str) -> None:
        """Give the entry (every slice of a series) the label `code` (imaging/pathology/report/other)."""
        entry = self.model.entry(key)
        if entry is None or not self.editable or code not in LABELS or code == entry.label:
            return
        self.model.replace_entry(self.model.with_label(entry, code))
        combo = self.tree.label_combo(key)
        if combo is not None and combo.hasFocus():
            self.tree.setFocus()  # chosen with the keyboard: back to the list
        browse, actor, ids = self.session.ctx.attachment_browse, self.session.actor, entry.attachment_ids
        self._save(lambda: browse.update_many(actor, list(ids), label=code))

    def _activated(self, index) -> None:
        entry = self.model.entry_at(index)
        if entry is not None and entry.kind == "series":
            emit(self.openRequested, entry.key.removeprefix("series:"))
        elif entry is not None and entry.kind in ("photo", "slide", "dicom"):
            emit(self.openRequested, entry.attachment_ids[0])

    def edit_label(self, key: str) -> None:
        """Open the label combo of the entry (keyboard: F2 in the list)."""
        combo = self.tree.label_combo(key)
        if combo is not None and combo.isEnabled():
            combo.setFocus()
            combo.showPopup()

    def toggle_key(self, key: str) -> None:
        """Mark or unmark the entry as a key item for the meeting (a series: all its slices)."""
        entry = self.model.entry(key)
        if entry is None or not self.editable:
            return
        is_key = not entry.is_key
        ids = entry.attachment_ids if is_key else entry.key_ids
        self.model.replace_entry(self.model.with_key(entry, is_key))
        browse, actor = self.session.ctx.attachment_browse, self.session.actor
        self._save(lambda: browse.update_many(actor, list(ids), is_key=is_key))

    def _save(self, work) -> None:
        self._saving += 1
        ops.run(work, self._saved, self._save_failed, owner=self)

    def _saved(self, _rows) -> None:
        self._saving -= 1
        emit(self.changed)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving -= 1
        self.refresh()  # show what is really stored
        show_error(exc, self)

    def _delete_refused(self) -> None:
        self.message.setText(self.tr("Attachments cannot be removed in this version: they stay part of the "
                                     "record. Change the label or the key mark instead."))

    # -- import -----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files to the case"), self._store.value(LAST_DIR_KEY, ""),
            ";;".join([self.tr("All files (*)"),
                       self.tr("DICOM, photos and PDF (*.dcm *.dicom *.jpg *.jpeg *.png *.tif *.tiff *.bmp "
                               "*.pdf)")]))
        if paths:
            self._store.set_value(LAST_DIR_KEY, str(Path(paths[0]).parent))
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder, CD or USB stick"),
                                                  self._store.value(LAST_DIR_KEY, ""))
        if folder:
            self._store.set_value(LAST_DIR_KEY, folder)
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> bool:
        """Import files and folders (walked) into the case; False when not started (busy or read-only)."""
        paths = [Path(p) for p in paths if str(p)]
        if not paths or not self.editable:
            return False
        if self._flow is not None:
            self.message.setText(self.tr("An import is already running for this case."))
            return False
        flow = self._flow = ImportFlow(self.session, self.case_id, paths, self)
        flow.progressed.connect(self.importProgressed)
        flow.chunkImported.connect(self._chunk_imported)
        flow.finished.connect(self._import_finished)
        self._set_importing(True)
        self.message.setText(self.tr("Importing…"))
        flow.start()
        return True

    def cancel_import(self) -> None:
        """Stop after the current file; what is imported stays."""
        if self._flow is not None:
            self._flow.cancel()

    def _set_importing(self, busy: bool) -> None:
        self.add_files_button.setEnabled(not busy)
        self.add_folder_button.setEnabled(not busy)

    def _chunk_imported(self, _count: int) -> None:
        # The material appears while the rest is still being read, at most once a second (the worker is
        # busy importing; each refresh takes it for a moment and rebuilds the list).
        now = time.monotonic()
        if now - self._last_import_refresh >= IMPORT_REFRESH_INTERVAL:
            self._last_import_refresh = now
            self.refresh()

    def _import_finished(self, outcome: ImportOutcome) -> None:
        if self._flow is not None:
            self._flow.deleteLater()
        self._flow = None
        self._set_importing(False)
        self.message.setText(self._outcome_text(outcome))
        self.refresh()
        if outcome.imported:
            emit(self.changed)
        if outcome.needs_report() and not outcome.declined:
            self.results_dialog = ImportResultsDialog.present(self, outcome)
        emit(self.importFinished, outcome)

    def _outcome_text(self, outcome: ImportOutcome) -> str:
        if outcome.declined:
            return self.tr("Nothing was imported: the images belong to another patient.")
        if outcome.total == 0 and outcome.error is None and not outcome.cancelled:
            return self.tr("No files were found there.")
        text = summary(outcome.imported, outcome.duplicate, outcome.rejected)
        if outcome.error is not None:
            return self.tr("{summary} (stopped by an error)").format(summary=text)
        if outcome.cancelled:
            return self.tr("{summary} (cancelled)").format(summary=text)
        return text

    # -- drag and drop ----------------------------------------------------------------------------

    def _accepts(self, mime: QMimeData) -> bool:
        return self.editable and self._flow is None and bool(local_paths(mime))

    def _set_drop_target(self, on: bool) -> None:
        for w in (self.tree, self.empty):
            w.setProperty("dropTarget", on)
            w.style().unpolish(w)
            w.style().polish(w)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
            self._set_drop_target(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._set_drop_target(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(False)
        paths = local_paths(event.mimeData())
        if not self._accepts(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)
