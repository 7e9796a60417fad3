"""Buttons on the meeting screen: the meeting-room tools (presentation mode, decision capture) and the
documents afterwards (sign my documents, print the meeting's agenda and decisions)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.security.permissions import allowed
from ui.session import Session
from ui.signing.actions import print_meeting


class MeetingTools(QWidget):
    """Opens one presenter console / capture console per meeting and keeps a reference to each."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id: int | None = None
        self.windows: dict[tuple[str, int], QWidget] = {}
        self.present_button = QPushButton(self.tr("P&resentation…"))
        self.present_button.setObjectName("openPresentation")
        self.present_button.setToolTip(self.tr("Presenter console and the projector window (identity masked)"))
        self.present_button.clicked.connect(self.open_presentation)
        self.capture_button = QPushButton(self.tr("Record decisions…"))
        self.capture_button.setObjectName("openCapture")
        self.capture_button.setToolTip(self.tr("Opinions, the chair's summary and the plan, saved as you type"))
        self.capture_button.clicked.connect(self.open_capture)
        self.sign_button = QPushButton(self.tr("Sign m&y documents…"))
        self.sign_button.setObjectName("openSigning")
        self.sign_button.setToolTip(self.tr("The finalised decisions waiting for your signature"))
        self.sign_button.clicked.connect(self.open_signing)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printMeeting")
        self.print_button.setToolTip(self.tr("Print preview of the agenda and every decision of this meeting (Ctrl+Shift+P)"))
        self.print_button.clicked.connect(self.print_meeting)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.present_button, self.capture_button, self.sign_button, self.print_button):
            layout.addWidget(button)
        self.set_meeting(None, "")

    def set_meeting(self, meeting_id: int | None, status: str) -> None:
        self.meeting_id = meeting_id
        self.present_button.setEnabled(meeting_id is not None and status == "in_progress")
        self.capture_button.setEnabled(meeting_id is not None and status in ("in_progress", "closed"))
        actor = self.session.actor
        self.sign_button.setVisible(allowed(actor, "document.sign") and actor.user_id is not None)
        self.sign_button.setEnabled(meeting_id is not None and status == "closed")
        self.print_button.setVisible(allowed(actor, "document.print"))
        self.print_button.setEnabled(meeting_id is not None)

    def open_signing(self) -> QWidget:
        from ui.signing.sign_dialog import open_sign_dialog

        return open_sign_dialog(self.session, self.window())

    def print_meeting(self) -> None:
        if self.meeting_id is not None:
            print_meeting(self.session, self.window(), self.meeting_id)

    def open_presentation(self) -> QWidget | None:
        def make(meeting_id: int) -> QWidget:
            from ui.presentation import open_presentation

            return open_presentation(self.session, meeting_id, self.window())

        return self._open("presentation", make)

    def open_capture(self) -> QWidget | None:
        def make(meeting_id: int) -> QWidget:
            from PySide6.QtCore import Qt

            from ui.meetings.capture import CaptureConsole

            console = CaptureConsole(self.session, meeting_id, self.window())
            console.setWindowFlag(Qt.WindowType.Window, True)
            console.resize(1280, 800)
            return console

        return self._open("capture", make)

    def _link(self, meeting_id: int) -> None:
        """With both windows open, the decision capture follows the case the presenter shows."""
        presenter = self.windows.get(("presentation", meeting_id))
        capture = self.windows.get(("capture", meeting_id))
        if presenter is None or capture is None or getattr(presenter, "_follower", None) is capture:
            return
        presenter._follower = capture

        def follow() -> None:
            if not shiboken6.isValid(capture):
                return
            item = presenter.show_data.item if presenter.show_data is not None else None
            if item is not None and capture.item_id != item.id and capture.isVisible():
                capture.show_item(item.id)

        presenter.loaded.connect(follow)
        follow()

    def _open(self, kind: str, make) -> QWidget | None:
        if self.meeting_id is None:
            return None
        key = (kind, self.meeting_id)
        window = self.windows.get(key)
        if window is None:
            window = make(self.meeting_id)
            self.windows[key] = window
            window.destroyed.connect(lambda *_: self.windows.pop(key, None))
            self._link(self.meeting_id)
        window.show()
        window.raise_()
        return window
