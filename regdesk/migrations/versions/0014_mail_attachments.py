"""mail attachments

mail_attachment: a file made for one queued message (a certificate of attendance), kept
with it so that what was queued is what goes. On PostgreSQL the table sends change
notices like the others (see 0007).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mail_id"],
            ["mail_message.id"],
            name=op.f("fk_mail_attachment_mail_id_mail_message"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_attachment")),
    )
    with op.batch_alter_table("mail_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mail_attachment_mail_id"), ["mail_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER regdesk_notify_mail_attachment AFTER INSERT OR UPDATE OR DELETE "
            "OR TRUNCATE ON mail_attachment FOR EACH STATEMENT "
            "EXECUTE FUNCTION regdesk_notify_change()"
        )


def downgrade() -> None:
    op.drop_table("mail_attachment")
