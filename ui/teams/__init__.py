"""MDT teams: members (with or without a login), roles, and each team's quorum rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.teams.team_view import TeamsView


def open_teams(ctx, actor, parent: QWidget | None = None) -> TeamsView:
    """The teams screen in its own window (one per parent: asking again brings it to the front)."""
    existing = parent.findChild(TeamsView, "teamsView") if parent is not None else None
    view = existing or TeamsView(ctx, actor, parent)
    if existing is None:
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resize(1100, 640)
    view.show()
    view.raise_()
    view.activateWindow()
    return view


__all__ = ["TeamsView", "open_teams"]
