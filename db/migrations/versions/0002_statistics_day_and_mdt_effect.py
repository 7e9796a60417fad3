"""statistics: the day of a discussion, the follow-up completion index, the MDT's effect on the decision

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:00:00

- `discussions.day` ("YYYY-MM-DD": the meeting's local date, else the day the discussion was recorded),
  indexed and kept by triggers: the statistics select a period's discussions by it instead of joining every
  discussion to its meeting and cutting a date out of two columns on each row (issue 8, 100,000 cases).
- `ix_follow_ups_completion`: the follow-up completion figures are read from the index alone.
- `decisions.mdt_effect`: whether the MDT changed diagnosis / treatment, kept with the decision it belongs to
  (until now a stop-gap under `cases.workup["mdt_effect"]["d<decision id>"]`, moved here).

A later migration that rebuilds `discussions` or `meetings` in batch mode ("move and copy") drops the
triggers with the old table: it must create them again (`create_day_triggers`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_DAY = ("CASE WHEN {d}.discussed_at IS NULL THEN NULL ELSE coalesce("
        "(SELECT substr(m.scheduled_at, 1, 10) FROM meetings m WHERE m.id = {d}.meeting_id), "
        "substr({d}.discussed_at, 1, 10)) END")

TRIGGERS = {
    "discussions_day_on_insert":
        # A given day is kept: a discussion imported from another hospital's package has its meeting there.
        "CREATE TRIGGER discussions_day_on_insert AFTER INSERT ON discussions WHEN NEW.day IS NULL BEGIN "
        f"UPDATE discussions SET day = {_DAY.format(d='NEW')} WHERE id = NEW.id; END",
    "discussions_day_on_update":
        "CREATE TRIGGER discussions_day_on_update AFTER UPDATE OF meeting_id, discussed_at ON discussions BEGIN "
        f"UPDATE discussions SET day = {_DAY.format(d='NEW')} WHERE id = NEW.id; END",
    "meetings_day_on_reschedule":
        "CREATE TRIGGER meetings_day_on_reschedule AFTER UPDATE OF scheduled_at ON meetings BEGIN "
        f"UPDATE discussions SET day = {_DAY.format(d='discussions')} WHERE meeting_id = NEW.id; END",
}


def create_day_triggers() -> None:
    for sql in TRIGGERS.values():
        op.execute(sql)


def upgrade() -> None:
    with op.batch_alter_table("discussions") as batch_op:
        batch_op.add_column(sa.Column("day", sa.String(length=10), nullable=True))
    op.execute(f"UPDATE discussions SET day = {_DAY.format(d='discussions')}")
    op.create_index("ix_discussions_day", "discussions", ["day"], unique=False)
    create_day_triggers()

    op.create_index("ix_follow_ups_completion", "follow_ups",
                    ["months_after", "due_on", "done_at", "lost_reason", "case_id"], unique=False)

    with op.batch_alter_table("decisions") as batch_op:
        batch_op.add_column(sa.Column("mdt_effect", sa.JSON(), nullable=True))
    op.execute(
        "UPDATE decisions SET mdt_effect = ("
        " SELECT json_extract(c.workup, '$.mdt_effect.d' || decisions.id)"
        " FROM discussions d JOIN cases c ON c.id = d.case_id WHERE d.id = decisions.discussion_id)")
    op.execute("UPDATE cases SET workup = json_remove(workup, '$.mdt_effect')"
               " WHERE json_type(workup, '$.mdt_effect') IS NOT NULL")


def downgrade() -> None:
    op.execute(
        "UPDATE cases SET workup = json_set(coalesce(workup, '{}'), '$.mdt_effect', json(("
        " SELECT json_group_object('d' || x.id, json(x.mdt_effect)) FROM decisions x"
        " JOIN discussions d ON d.id = x.discussion_id WHERE d.case_id = cases.id AND x.mdt_effect IS NOT NULL)))"
        " WHERE id IN (SELECT d.case_id FROM decisions x JOIN discussions d ON d.id = x.discussion_id"
        " WHERE x.mdt_effect IS NOT NULL)")
    # SQLite's own DROP COLUMN (3.35+): a batch rebuild would drop a table other tables' keys point at.
    op.execute("ALTER TABLE decisions DROP COLUMN mdt_effect")
    op.drop_index("ix_follow_ups_completion", table_name="follow_ups")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_discussions_day", table_name="discussions")
    op.execute("ALTER TABLE discussions DROP COLUMN day")
