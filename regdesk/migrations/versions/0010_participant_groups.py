"""participant groups

participant_group (a delegation, a school class: one name per event, matched folded) and
group_member (one group per person, at most one lead per group -- a partial unique
index). On PostgreSQL both tables send change notices like the others (see 0007).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from regdesk.models.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("participant_group", "group_member")


def upgrade() -> None:
    op.create_table(
        "participant_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "length(trim(name)) > 0", name=op.f("ck_participant_group_name_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_participant_group_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant_group")),
        sa.UniqueConstraint(
            "event_id", "name_key", name=op.f("uq_participant_group_event_id_name_key")
        ),
    )
    with op.batch_alter_table("participant_group", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_group_event_id"), ["event_id"], unique=False
        )
    op.create_table(
        "group_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("is_lead", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["participant_group.id"],
            name=op.f("fk_group_member_group_id_participant_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_group_member_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_member")),
        sa.UniqueConstraint("participant_id", name=op.f("uq_group_member_participant_id")),
    )
    with op.batch_alter_table("group_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_member_group_id"), ["group_id"], unique=False)
        batch_op.create_index(
            "ux_group_member_lead",
            ["group_id"],
            unique=True,
            sqlite_where=sa.text("is_lead"),
            postgresql_where=sa.text("is_lead"),
        )
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER regdesk_notify_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION regdesk_notify_change()"
            )


def downgrade() -> None:
    op.drop_table("group_member")
    op.drop_table("participant_group")
