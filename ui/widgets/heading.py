"""A heading label that stays proportional to the application font when the font size setting changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Heading(QLabel):
    def __init__(self, text: str = "", scale: float = 1.35, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._scale = scale
        self.setObjectName("heading")
        self.setWordWrap(True)
        self._follow_app_font()

    def _follow_app_font(self) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * self._scale)
        font.setBold(True)
        self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._follow_app_font()
        super().changeEvent(event)
