"""participant anonymised

participant.anonymised_at: when the person's names and badge codes were removed (the
row stays: its category, days, places and scans keep the figures); participant.
organisation_kind: the kind of organisation told from its name, kept when the name goes
so that the report per kind of organisation comes out the same.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from regdesk.models.base import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("organisation_kind", sa.String(length=20), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("organisation_kind")
        batch_op.drop_column("anonymised_at")
