"""event.opened_at

When an event was last opened at a desk (GUI "Open event…"): the desks' and the command
line's default event is the one opened last, else the newest. Existing events keep their
order (none opened yet: the newest first, as before).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from regdesk.models.base import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opened_at", UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("opened_at")
