"""An opaque cover over one window while the session is locked: nothing under it can be read or clicked.

A child of the window, kept over the whole window and above every sibling (children added later are
stacked on top by Qt, so each ChildAdded raises the curtain again). Covering instead of hiding keeps a
dialog's own event loop alive: hiding a modal dialog would end it as if the user had cancelled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Curtain(QWidget):
    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lockCurtain { background: #1f2937; } QLabel { color: #e5e7eb; }")
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self._window = window
        window.installEventFilter(self)
        self.cover()
        self.show()

    def cover(self) -> None:
        self.setGeometry(self._window.rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded,
                                                         QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.cover()
        return False

    def lift(self) -> None:
        self._window.removeEventFilter(self)
        self.hide()
        self.deleteLater()
