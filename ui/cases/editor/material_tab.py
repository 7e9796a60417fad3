"""资料 Material: the case's imaging, pathology and reports (the attachments panel, built elsewhere)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.qt_compat import emit
from ui.session import Session


class MaterialTab(QWidget):
    """Hosts `ui.cases.attachments.panel.AttachmentPanel` (imported when the tab is built); while that
    module is not available a sentence says so. The panel's `changed` comes out as `changed` here."""

    changed = Signal()

    def __init__(self, session: Session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialTab")
        self.panel: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        try:
            from ui.cases.attachments.panel import AttachmentPanel
        except ImportError:
            note = QLabel(self.tr("Importing and viewing imaging, pathology and reports is not available in "
                                  "this version yet."))
            note.setObjectName("placeholderText")
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(note)
            return
        self.panel = AttachmentPanel(session, case_id, self)
        self.panel.changed.connect(lambda *_: emit(self.changed))
        if hasattr(self.panel, "openRequested"):  # double-click/Enter on a series or a photo
            self.panel.openRequested.connect(self.open_viewer)
        layout.addWidget(self.panel)
        self.session, self.case_id = session, case_id
        self.viewer = None
        self.slide_viewer = None

    def open_viewer(self, target) -> None:
        """Show a series (its UID) or one attachment (its id) in the image viewer window; photos and
        whole-slide images in the pathology (tile) viewer."""
        from ui.viewer import ImageViewer

        file_entry = self.panel.model.entry(f"file:{target}") if isinstance(target, int) else None
        if file_entry is not None and file_entry.kind in ("photo", "slide"):
            self.open_slide(target)
            return
        if self.viewer is None:
            self.viewer = ImageViewer(self.session, self.case_id, self)
            self.viewer.setWindowFlag(Qt.WindowType.Window)
        entry = self.panel.model.entry(f"series:{target}") if isinstance(target, str) else None
        if entry is not None:
            self.viewer.open_series(list(entry.attachment_ids))
        elif isinstance(target, int):
            self.viewer.open_attachment(target)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()

    def open_slide(self, attachment_id: int) -> None:
        from ui.viewer.slide_viewer import SlideViewer

        if self.slide_viewer is None:
            self.slide_viewer = SlideViewer(self.session, self.case_id, self)
            self.slide_viewer.setWindowFlag(Qt.WindowType.Window)
        self.slide_viewer.open_attachment(attachment_id)
        self.slide_viewer.show()
        self.slide_viewer.raise_()
        self.slide_viewer.activateWindow()

    def refresh(self) -> None:
        if self.panel is not None:
            self.panel.refresh()
