"""desks: offline scans and change notices

scan.nonce (unique: an upload is recorded once), scan.offline, scan.received_at and
scan.conflict_of (an admission made at a second desk while the desks were apart); the
admission indexes leave such a conflict out. On PostgreSQL, statement triggers send a
NOTIFY on channel ``regdesk_changes`` with the table's name whenever the data a screen
shows changes, so that every desk refreshes at once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 23:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from regdesk.models.base import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CHANNEL = "regdesk_changes"
# The tables whose changes a screen shows (not the audit log, not the search index).
WATCHED = (
    "event", "event_day", "category", "participant", "participant_day", "consent",
    "replaced_badge", "programme_slot", "programme_item", "enrolment", "preference",
    "allocation_run", "scan",
)  # fmt: skip

_OLD_DAY = "verdict = 'admitted' AND item_id IS NULL AND undone_at IS NULL"
_OLD_ITEM = "verdict = 'admitted' AND item_id IS NOT NULL AND undone_at IS NULL"
_NEW = "verdict = 'admitted' AND undone_at IS NULL AND conflict_of IS NULL"
_NEW_DAY = f"{_NEW} AND item_id IS NULL"
_NEW_ITEM = f"{_NEW} AND item_id IS NOT NULL"


def _indexes(batch_op, day: str, item: str, *, create: bool) -> None:
    for name, columns, where in (
        ("ux_scan_day_admission", ["participant_id", "day_id"], day),
        ("ux_scan_item_admission", ["participant_id", "item_id"], item),
    ):
        kwargs = {"sqlite_where": sa.text(where), "postgresql_where": sa.text(where)}
        if create:
            batch_op.create_index(name, columns, unique=True, **kwargs)
        else:
            batch_op.drop_index(name, **kwargs)


def upgrade() -> None:
    with op.batch_alter_table("scan", schema=None) as batch_op:
        _indexes(batch_op, _OLD_DAY, _OLD_ITEM, create=False)
        batch_op.add_column(sa.Column("nonce", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("offline", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("conflict_of", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("received_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_scan_nonce"), ["nonce"])
        _indexes(batch_op, _NEW_DAY, _NEW_ITEM, create=True)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION regdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
                RETURN NULL;
            END $$
            """
        )
        for table in WATCHED:
            op.execute(
                f"CREATE TRIGGER regdesk_notify_{table} AFTER INSERT OR UPDATE OR DELETE "
                f"OR TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION regdesk_notify_change()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS regdesk_notify_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS regdesk_notify_change()")
    with op.batch_alter_table("scan", schema=None) as batch_op:
        _indexes(batch_op, _NEW_DAY, _NEW_ITEM, create=False)
        batch_op.drop_constraint(batch_op.f("uq_scan_nonce"), type_="unique")
        batch_op.drop_column("received_at")
        batch_op.drop_column("conflict_of")
        batch_op.drop_column("offline")
        batch_op.drop_column("nonce")
        _indexes(batch_op, _OLD_DAY, _OLD_ITEM, create=True)
