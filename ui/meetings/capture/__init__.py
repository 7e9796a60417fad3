"""Live decision capture during the meeting (CaptureConsole) and finalising / amending (DecisionDialog)."""

from ui.meetings.capture.console import CaptureConsole
from ui.meetings.capture.decision_dialog import DecisionDialog

__all__ = ["CaptureConsole", "DecisionDialog"]
