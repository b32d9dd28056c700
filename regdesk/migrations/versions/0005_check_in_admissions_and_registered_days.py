"""check-in: admissions and registered days

participant_day (the days a participant is registered for; none = all days), undo of a
scan (scan.undone_at/undone_by), and two partial unique indexes that let the database
itself refuse a second admission per person and day, and per person and session.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 13:20:40.904882
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from regdesk.models.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "participant_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["day_id"],
            ["event_day.id"],
            name=op.f("fk_participant_day_day_id_event_day"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_participant_day_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant_day")),
        sa.UniqueConstraint(
            "participant_id", "day_id", name=op.f("uq_participant_day_participant_id_day_id")
        ),
    )
    with op.batch_alter_table("participant_day", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_day_participant_id"), ["participant_id"], unique=False
        )

    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("undone_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("undone_by", sa.String(length=100), server_default="", nullable=False)
        )
        batch_op.create_index("ix_scan_desk_at", ["desk", "at"], unique=False)
        batch_op.create_index(
            "ux_scan_day_admission",
            ["participant_id", "day_id"],
            unique=True,
            sqlite_where=sa.text("verdict = 'admitted' AND item_id IS NULL AND undone_at IS NULL"),
            postgresql_where=sa.text(
                "verdict = 'admitted' AND item_id IS NULL AND undone_at IS NULL"
            ),
        )
        batch_op.create_index(
            "ux_scan_item_admission",
            ["participant_id", "item_id"],
            unique=True,
            sqlite_where=sa.text(
                "verdict = 'admitted' AND item_id IS NOT NULL AND undone_at IS NULL"
            ),
            postgresql_where=sa.text(
                "verdict = 'admitted' AND item_id IS NOT NULL AND undone_at IS NULL"
            ),
        )


def downgrade() -> None:
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_scan_item_admission",
            sqlite_where=sa.text(
                "verdict = 'admitted' AND item_id IS NOT NULL AND undone_at IS NULL"
            ),
            postgresql_where=sa.text(
                "verdict = 'admitted' AND item_id IS NOT NULL AND undone_at IS NULL"
            ),
        )
        batch_op.drop_index(
            "ux_scan_day_admission",
            sqlite_where=sa.text("verdict = 'admitted' AND item_id IS NULL AND undone_at IS NULL"),
            postgresql_where=sa.text(
                "verdict = 'admitted' AND item_id IS NULL AND undone_at IS NULL"
            ),
        )
        batch_op.drop_index("ix_scan_desk_at")
        batch_op.drop_column("undone_by")
        batch_op.drop_column("undone_at")

    with op.batch_alter_table("participant_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_day_participant_id"))

    op.drop_table("participant_day")
