"""door mode pin

event.door_pin_hash: the organiser PIN that unlocks door mode, as an argon2 hash.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 13:25:41.363770
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("door_pin_hash", sa.String(length=200), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("door_pin_hash")
