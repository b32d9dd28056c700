"""retention rules

retention_rule: per event and class of personal data (needs, contact, mail, identity)
the days after the event's last day until it is deleted; none: the built-in default.
On PostgreSQL the table sends change notices like the others (see 0007).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retention_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("data_class", sa.String(length=16), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "data_class IN ('needs', 'contact', 'mail', 'identity')",
            name=op.f("ck_retention_rule_data_class_valid"),
        ),
        sa.CheckConstraint("days >= 0", name=op.f("ck_retention_rule_days_not_negative")),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_retention_rule_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_rule")),
        sa.UniqueConstraint(
            "event_id", "data_class", name=op.f("uq_retention_rule_event_id_data_class")
        ),
    )
    with op.batch_alter_table("retention_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retention_rule_event_id"), ["event_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER regdesk_notify_retention_rule AFTER INSERT OR UPDATE OR DELETE "
            "OR TRUNCATE ON retention_rule FOR EACH STATEMENT "
            "EXECUTE FUNCTION regdesk_notify_change()"
        )


def downgrade() -> None:
    op.drop_table("retention_rule")
