"""scan override reason

scan.override_reason: why door staff admitted a guest the rules turned away ("admit
anyway"); empty for an ordinary scan.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 02:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on SQLite too: a batch copy of the scan table would have to rebuild
    # its partial unique indexes (the rule "admitted once per day")
    op.add_column(
        "scan",
        sa.Column("override_reason", sa.String(length=300), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_column("override_reason")
