"""replaced short codes

A reissued badge gets a new short code as well as a new secret; replaced_badge keeps the
old short code, so that typing it in says "replaced" instead of "unknown".

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 12:45:14.464233
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("replaced_badge", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("short_code", sa.String(length=12), server_default="", nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_replaced_badge_short_code"), ["short_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("replaced_badge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replaced_badge_short_code"))
        batch_op.drop_column("short_code")
