"""How closed-loop codes, due dates and overdue rows read on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.i18n import QT_TRANSLATE_NOOP as N

OVERDUE_TEXT = QColor("#a4001d")
OVERDUE_BACKGROUND = QColor("#fdecee")
DONE_TEXT = QColor("#15803d")
MUTED_TEXT = QColor("#51626f")


def tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpFormat", text)


def code_label(table: dict[str, str], code: str) -> str:
    """A closed-loop code (app.domain.closed_loop) in the user's language."""
    text = table.get(code)
    return QCoreApplication.translate("vocab", text) if text else code


def due_text(due: date | None, today: date | None = None) -> str:
    """"3 days overdue", "due today", "due in 5 days" (no due date: nothing)."""
    if due is None:
        return tr(N("FollowUpFormat", "No due date"))
    days = (due - (today or date.today())).days
    if days < 0:
        return tr(N("FollowUpFormat", "%1 day(s) overdue")).replace("%1", str(-days))
    if days == 0:
        return tr(N("FollowUpFormat", "Due today"))
    return tr(N("FollowUpFormat", "Due in %1 day(s)")).replace("%1", str(days))


def months_text(months: int | str | None) -> str:
    if months in (None, ""):
        return tr(N("FollowUpFormat", "Follow-up"))
    return tr(N("FollowUpFormat", "%1-month follow-up")).replace("%1", str(months))


def one_line(text: str, limit: int = 60) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
