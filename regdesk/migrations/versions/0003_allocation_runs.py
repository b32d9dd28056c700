"""allocation runs

Adds allocation_run (one row per applied allocation, kept for undo and the record) and
enrolment.allocation_run_id (which run gave a place).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 12:13:20.926740
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from regdesk.models.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "allocation_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("placed", sa.Integer(), nullable=False),
        sa.Column("proven_optimal", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("undone_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint("placed >= 0", name=op.f("ck_allocation_run_placed_not_negative")),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_allocation_run_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocation_run")),
    )
    with op.batch_alter_table("allocation_run", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_allocation_run_event_id"), ["event_id"], unique=False)

    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("allocation_run_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_enrolment_allocation_run_id"), ["allocation_run_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_enrolment_allocation_run_id_allocation_run"),
            "allocation_run",
            ["allocation_run_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_enrolment_allocation_run_id_allocation_run"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_enrolment_allocation_run_id"))
        batch_op.drop_column("allocation_run_id")

    with op.batch_alter_table("allocation_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_allocation_run_event_id"))

    op.drop_table("allocation_run")
