"""SQL helpers shared by the search services."""

from __future__ import annotations

from sqlalchemy import and_

_TOP = "\U0010ffff"


def prefix(column, text: str):
    """`column` starts with `text`, as a range so SQLite uses the index (LIKE would scan)."""
    return and_(column >= text, column < text + _TOP)
