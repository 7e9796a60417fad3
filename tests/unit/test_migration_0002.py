"""Migration 0002: a hospital's data written under schema 0001 (the MDT's effect kept in the case's work-up,
no discussion day) comes through the upgrade with nothing lost, and the day stays right afterwards."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from alembic import command
from closed_loop_factory import decided
from sqlalchemy import select, text

from app.context import open_context
from db import migrate
from db.models import Case, Decision, Discussion

EFFECT = {"diagnosis_changed": True, "treatment_changed": False, "note": "病理分型修正"}


@pytest.fixture
def w(ctx, admin, monkeypatch):
    world = decided(ctx, admin, monkeypatch)
    ctx.execution.record(world.zhou, world.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this", mdt_effect=EFFECT)
    return world


def meeting_day(ctx, w) -> str:
    with ctx.db.read() as s:
        return s.execute(text("SELECT substr(scheduled_at, 1, 10) FROM meetings WHERE id = :m"),
                         {"m": w.meeting.id}).scalar()


def test_a_new_discussion_gets_its_meeting_day(ctx, w):
    with ctx.db.read() as s:
        d = s.scalars(select(Discussion).where(Discussion.case_id == w.case.id)).one()
        assert d.day == meeting_day(ctx, w)


def test_a_rescheduled_meeting_moves_the_day_of_its_discussions(ctx, w):
    with ctx.db.session() as s:
        s.execute(text("UPDATE meetings SET scheduled_at = '2031-02-03 09:00:00.000000' WHERE id = :m"),
                  {"m": w.meeting.id})
    with ctx.db.read() as s:
        assert s.scalar(select(Discussion.day).where(Discussion.case_id == w.case.id)) == "2031-02-03"


def test_data_of_schema_0001_comes_through_the_upgrade(ctx, w, data_dir):
    day = meeting_day(ctx, w)
    cfg = migrate.alembic_config()
    with ctx.db.engine.begin() as conn:  # back to 0001, as a hospital still on the old version has it
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    ctx.close()
    con = sqlite3.connect(data_dir.db_path)
    workup = con.execute("SELECT json_extract(workup, '$.mdt_effect.d' || ?) FROM cases WHERE id = ?",
                         (w.decision.id, w.case.id)).fetchone()[0]
    columns = [r[1] for r in con.execute("PRAGMA table_info(discussions)")]
    con.close()
    assert json.loads(workup) == EFFECT and "day" not in columns

    c = open_context(data_dir)
    try:
        with c.db.read() as s:
            assert s.get(Decision, w.decision.id).mdt_effect == EFFECT
            assert "mdt_effect" not in (s.get(Case, w.case.id).workup or {})
            assert s.scalar(select(Discussion.day).where(Discussion.case_id == w.case.id)) == day
        e = c.execution.get(w.zhou, w.decision.id)
        assert (e.diagnosis_changed, e.treatment_changed, e.change_note) == (True, False, "病理分型修正")
    finally:
        c.close()
    assert list(data_dir.backups.glob("pre-migration-0001-*.sqlite"))  # the old file was kept first
