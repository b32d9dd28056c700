"""participant search and duplicate keys

Adds the folded duplicate keys (email_key, dup_key) to participants, the search_token
table behind search-as-you-type, the list of scan verdicts, and fills keys and tokens for
the participants already in the database (with the folding of regdesk.search_keys).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 10:16:20.714978
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

VERDICTS = (
    "admitted",
    "re_entry",
    "already_used",
    "replaced",
    "cancelled",
    "unknown",
    "not_enrolled",
    "wrong_day",
    "checked_out",
)


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column(
            "token",
            sa.String(length=60).with_variant(sa.String(length=60, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("field", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_search_token_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_search_token_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_token")),
        sa.UniqueConstraint(
            "participant_id", "token", name=op.f("uq_search_token_participant_id_token")
        ),
    )
    with op.batch_alter_table("search_token", schema=None) as batch_op:
        batch_op.create_index("ix_search_token_event_token", ["event_id", "token"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_search_token_participant_id"), ["participant_id"], unique=False
        )

    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_key", sa.String(length=254), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("dup_key", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=210), nullable=False, server_default="")
        )
        batch_op.create_index("ix_participant_event_dup_key", ["event_id", "dup_key"], unique=False)
        batch_op.create_index(
            "ix_participant_event_email_key", ["event_id", "email_key"], unique=False
        )
        batch_op.create_index(
            "ix_participant_event_name_key", ["event_id", "name_key"], unique=False
        )

    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_participant_id"))
        batch_op.create_index(
            "ix_scan_participant_verdict", ["participant_id", "verdict"], unique=False
        )
        batch_op.create_check_constraint(
            "verdict_valid", "verdict IN (" + ", ".join(f"'{v}'" for v in VERDICTS) + ")"
        )

    _backfill()


def _backfill() -> None:
    from regdesk.search_keys import duplicate_key, email_key, name_key, tokens

    bind = op.get_bind()
    participant = sa.table(
        "participant",
        *(
            sa.column(name)
            for name in (
                "id",
                "event_id",
                "first_name",
                "last_name",
                "organisation",
                "email",
                "short_code",
                "email_key",
                "dup_key",
                "name_key",
            )
        ),
    )
    search_token = sa.table(
        "search_token",
        *(sa.column(name) for name in ("event_id", "participant_id", "token", "field")),
    )
    rows = bind.execute(sa.select(participant).order_by(participant.c.id)).all()
    updates, token_rows = [], []
    for row in rows:
        updates.append(
            {
                "pid": row.id,
                "email_key": email_key(row.email),
                "dup_key": duplicate_key(row.first_name, row.last_name, row.organisation),
                "name_key": name_key(row.first_name, row.last_name),
            }
        )
        token_rows += [
            {"event_id": row.event_id, "participant_id": row.id, "token": token, "field": field}
            for token, field in tokens(
                row.first_name, row.last_name, row.organisation, row.email, row.short_code
            )
        ]
    if updates:
        bind.execute(
            participant.update()
            .where(participant.c.id == sa.bindparam("pid"))
            .values(
                email_key=sa.bindparam("email_key"),
                dup_key=sa.bindparam("dup_key"),
                name_key=sa.bindparam("name_key"),
            ),
            updates,
        )
    if token_rows:
        bind.execute(search_token.insert(), token_rows)


def downgrade() -> None:
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_scan_verdict_valid"), type_="check")
        batch_op.drop_index("ix_scan_participant_verdict")
        batch_op.create_index(
            batch_op.f("ix_scan_participant_id"), ["participant_id"], unique=False
        )

    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index("ix_participant_event_name_key")
        batch_op.drop_column("name_key")
        batch_op.drop_index("ix_participant_event_email_key")
        batch_op.drop_index("ix_participant_event_dup_key")
        batch_op.drop_column("dup_key")
        batch_op.drop_column("email_key")

    with op.batch_alter_table("search_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_token_participant_id"))
        batch_op.drop_index("ix_search_token_event_token")

    op.drop_table("search_token")
