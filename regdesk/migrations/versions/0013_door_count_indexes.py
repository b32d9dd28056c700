"""door count indexes

Indexes that hold everything the door counters and the overview read, so that counting a
day's entry, a room or the registrations per category reads an index alone, not every
scan or participant row: at 100,000 people and 200,000 scans the overview's figures took
3.5 s of bare SQL without them, 1.3 s with them (benchmarks/bench_overview.py).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 11:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

DOOR = ("event_id", "day_id", "item_id", "undone_at", "participant_id", "verdict", "at",
        "direction")  # fmt: skip
ROOM = ("item_id", "undone_at", "participant_id", "verdict", "direction")
COUNTS = ("event_id", "status", "category_id", "source")


def upgrade() -> None:
    op.create_index("ix_scan_door", "scan", list(DOOR))
    op.create_index("ix_scan_room", "scan", list(ROOM))
    op.create_index("ix_participant_counts", "participant", list(COUNTS))


def downgrade() -> None:
    op.drop_index("ix_participant_counts", table_name="participant")
    op.drop_index("ix_scan_room", table_name="scan")
    op.drop_index("ix_scan_door", table_name="scan")
