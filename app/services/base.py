"""What every service shares: the context, the database, the permission check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.records import Actor
from app.security.permissions import require

if TYPE_CHECKING:
    from app.context import AppContext


class Service:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db

    @staticmethod
    def require(actor: Actor, action: str) -> None:
        require(actor, action)
