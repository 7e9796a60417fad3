"""Autosaved drafts: what a user typed, kept in the database every few seconds until saved or discarded."""

from __future__ import annotations

from sqlalchemy import delete, select

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services.base import Service
from db.base import utcnow
from db.models import Draft

MAX_PAYLOAD_CHARS = 200_000


class DraftService(Service):
    """Drafts belong to their user; they are not audited (nothing is committed to the record by them)."""

    def save(self, actor: Actor, entity: str, entity_id: int, payload: dict) -> None:
        import json

        if len(json.dumps(payload, ensure_ascii=False, default=str)) > MAX_PAYLOAD_CHARS:
            raise ValidationError(N("errors", "This text is too long to keep as a draft."))
        with self.db.session() as s:
            d = s.execute(select(Draft).where(Draft.user_id == actor.user_id, Draft.entity == entity,
                                              Draft.entity_id == entity_id)).scalar_one_or_none()
            if d is None:
                s.add(Draft(user_id=actor.user_id, entity=entity, entity_id=entity_id, payload=payload))
            else:
                d.payload = payload
                d.saved_at = utcnow()

    def load(self, actor: Actor, entity: str, entity_id: int) -> dict | None:
        with self.db.read() as s:
            d = s.execute(select(Draft.payload).where(Draft.user_id == actor.user_id, Draft.entity == entity,
                                                      Draft.entity_id == entity_id)).scalar()
        return d

    def pending(self, actor: Actor) -> list[tuple[str, int]]:
        """Drafts left from a previous session (the app or the PC died): offered for restoring at login."""
        with self.db.read() as s:
            return [(e, i) for e, i in s.execute(select(Draft.entity, Draft.entity_id)
                                                  .where(Draft.user_id == actor.user_id))]

    def discard(self, actor: Actor, entity: str, entity_id: int) -> None:
        with self.db.session() as s:
            s.execute(delete(Draft).where(Draft.user_id == actor.user_id, Draft.entity == entity,
                                          Draft.entity_id == entity_id))
