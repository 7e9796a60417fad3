"""Presentation mode: a presenter console on the main screen, a masked audience window on the projector."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.presentation.audience import AudienceWindow
from ui.presentation.console import PresenterConsole


def open_presentation(session, meeting_id: int, parent: QWidget | None = None) -> PresenterConsole:
    """Open the console for a running meeting (it resumes at the meeting's current case)."""
    console = PresenterConsole(session, meeting_id, parent)
    if parent is not None:
        console.setWindowFlag(Qt.WindowType.Window, True)  # its own window, not a child widget
    console.resize(900, 600)
    console.show()
    console.activateWindow()
    return console


__all__ = ["AudienceWindow", "PresenterConsole", "open_presentation"]
