"""A section not built yet says, in one sentence, what will be there. No invented data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.heading import Heading
from ui.widgets.section import SectionView


class PlaceholderView(SectionView):
    def __init__(self, title: str, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addWidget(Heading(title))
        text = QLabel(sentence)
        text.setObjectName("placeholderText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        layout.addStretch(1)
        self.mark_loaded()  # nothing to fetch: callers check `is_loaded` before waiting on `loaded`

