"""The contract every main-window section keeps: it says when its data is on screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.qt_compat import emit


class SectionView(QWidget):
    """A screen in the main window's stack. `loaded` fires once the first data is shown."""

    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = False

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def mark_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            emit(self.loaded)

    def refresh(self) -> None:
        """Reload what the section shows (F5). Sections without data have nothing to do."""
