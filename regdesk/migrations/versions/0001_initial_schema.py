"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 09:45:20.039680
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("subtitle", sa.String(length=300), nullable=False),
        sa.Column("venue_name", sa.String(length=200), nullable=False),
        sa.Column("venue_address", sa.String(length=300), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("organiser", sa.String(length=300), nullable=False),
        sa.Column("contact", sa.String(length=300), nullable=False),
        sa.Column("privacy_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_event_day_order")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_event_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_audit_entry_event_id_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_entry_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_event_id"), ["event_id"], unique=False)

    op.create_table(
        "category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("badge_label", sa.String(length=40), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "length(colour) = 7 AND substr(colour, 1, 1) = '#'", name=op.f("ck_category_colour_hex")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_category_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_category_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category")),
        sa.UniqueConstraint("event_id", "name", name=op.f("uq_category_event_id_name")),
    )
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_event_id"), ["event_id"], unique=False)

    op.create_table(
        "event_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_day_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_day")),
        sa.UniqueConstraint("event_id", "date", name=op.f("uq_event_day_event_id_date")),
    )
    with op.batch_alter_table("event_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_day_event_id"), ["event_id"], unique=False)

    op.create_table(
        "participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("salutation", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("cancel_reason", sa.String(length=500), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("badge_secret", sa.String(length=32), nullable=False),
        sa.Column("short_code", sa.String(length=12), nullable=False),
        sa.Column("badge_printed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("badge_print_count", sa.Integer(), nullable=False),
        sa.Column("needs_dietary", sa.String(length=500), nullable=False),
        sa.Column("needs_accessibility", sa.String(length=500), nullable=False),
        sa.Column("needs_interpreter", sa.String(length=200), nullable=False),
        sa.Column("is_vip", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "salutation IN ('none', 'frau', 'herr')", name=op.f("ck_participant_salutation_valid")
        ),
        sa.CheckConstraint(
            "source IN ('manual', 'walk_in', 'import', 'demo')",
            name=op.f("ck_participant_source_valid"),
        ),
        sa.CheckConstraint(
            "status IN ('registered', 'cancelled')", name=op.f("ck_participant_status_valid")
        ),
        sa.CheckConstraint(
            "badge_print_count >= 0", name=op.f("ck_participant_print_count_not_negative")
        ),
        sa.CheckConstraint("length(badge_secret) >= 20", name=op.f("ck_participant_secret_length")),
        sa.CheckConstraint(
            "length(trim(first_name)) > 0 AND length(trim(last_name)) > 0",
            name=op.f("ck_participant_name_not_empty"),
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["category.id"],
            name=op.f("fk_participant_category_id_category"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_participant_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
        sa.UniqueConstraint("badge_secret", name=op.f("uq_participant_badge_secret")),
        sa.UniqueConstraint(
            "event_id", "short_code", name=op.f("uq_participant_event_id_short_code")
        ),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_participant_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_participant_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participant_last_name"), ["last_name"], unique=False)

    op.create_table(
        "programme_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("day_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_programme_slot_time_order")),
        sa.ForeignKeyConstraint(
            ["day_id"],
            ["event_day.id"],
            name=op.f("fk_programme_slot_day_id_event_day"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_programme_slot_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_slot")),
    )
    with op.batch_alter_table("programme_slot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_slot_day_id"), ["day_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_programme_slot_event_id"), ["event_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("given_via", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "kind IN ('photo', 'listing', 'badge_organisation', 'health_data')",
            name=op.f("ck_consent_kind_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_consent_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("participant_id", "kind", name=op.f("uq_consent_participant_id_kind")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "programme_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("host", sa.String(length=300), nullable=False),
        sa.Column("room", sa.String(length=120), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('talk', 'panel', 'workshop', 'forum', 'excursion', 'market', 'get_together', 'dinner', 'other')",
            name=op.f("ck_programme_item_kind_valid"),
        ),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity >= 0",
            name=op.f("ck_programme_item_capacity_not_negative"),
        ),
        sa.CheckConstraint(
            "length(trim(title)) > 0", name=op.f("ck_programme_item_title_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["programme_slot.id"],
            name=op.f("fk_programme_item_slot_id_programme_slot"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_item")),
    )
    with op.batch_alter_table("programme_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_item_slot_id"), ["slot_id"], unique=False)

    op.create_table(
        "replaced_badge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.String(length=32), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_replaced_badge_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replaced_badge")),
        sa.UniqueConstraint("secret", name=op.f("uq_replaced_badge_secret")),
    )
    with op.batch_alter_table("replaced_badge", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_replaced_badge_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("waitlist_position", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(status = 'waitlisted' AND waitlist_position IS NOT NULL) OR (status = 'enrolled' AND waitlist_position IS NULL)",
            name=op.f("ck_enrolment_waitlist_position_iff_waitlisted"),
        ),
        sa.CheckConstraint(
            "source IN ('manual', 'import', 'allocation', 'waitlist')",
            name=op.f("ck_enrolment_source_valid"),
        ),
        sa.CheckConstraint(
            "status IN ('enrolled', 'waitlisted')", name=op.f("ck_enrolment_status_valid")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["programme_item.id"],
            name=op.f("fk_enrolment_item_id_programme_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_enrolment_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment")),
        sa.UniqueConstraint(
            "item_id", "participant_id", name=op.f("uq_enrolment_item_id_participant_id")
        ),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_enrolment_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "preference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.CheckConstraint("rank >= 1", name=op.f("ck_preference_rank_positive")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["programme_item.id"],
            name=op.f("fk_preference_item_id_programme_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_preference_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preference")),
        sa.UniqueConstraint(
            "participant_id", "item_id", name=op.f("uq_preference_participant_id_item_id")
        ),
    )
    with op.batch_alter_table("preference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_preference_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_preference_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("desk", sa.String(length=60), nullable=False),
        sa.Column("raw", sa.String(length=200), nullable=False),
        sa.Column("verdict", sa.String(length=24), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("day_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_scan_direction_valid")),
        sa.ForeignKeyConstraint(
            ["day_id"], ["event_day.id"], name=op.f("fk_scan_day_id_event_day"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_scan_event_id_event"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["programme_item.id"],
            name=op.f("fk_scan_item_id_programme_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_scan_participant_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan")),
    )
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.create_index("ix_scan_event_id_at", ["event_id", "at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_scan_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_participant_id"))
        batch_op.drop_index("ix_scan_event_id_at")

    op.drop_table("scan")
    with op.batch_alter_table("preference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_preference_participant_id"))
        batch_op.drop_index(batch_op.f("ix_preference_item_id"))

    op.drop_table("preference")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_participant_id"))
        batch_op.drop_index(batch_op.f("ix_enrolment_item_id"))

    op.drop_table("enrolment")
    with op.batch_alter_table("replaced_badge", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replaced_badge_participant_id"))

    op.drop_table("replaced_badge")
    with op.batch_alter_table("programme_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_item_slot_id"))

    op.drop_table("programme_item")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_participant_id"))

    op.drop_table("consent")
    with op.batch_alter_table("programme_slot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_slot_event_id"))
        batch_op.drop_index(batch_op.f("ix_programme_slot_day_id"))

    op.drop_table("programme_slot")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_last_name"))
        batch_op.drop_index(batch_op.f("ix_participant_event_id"))
        batch_op.drop_index(batch_op.f("ix_participant_email"))
        batch_op.drop_index(batch_op.f("ix_participant_category_id"))

    op.drop_table("participant")
    with op.batch_alter_table("event_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_day_event_id"))

    op.drop_table("event_day")
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_event_id"))

    op.drop_table("category")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_event_id"))
        batch_op.drop_index("ix_audit_entry_entity")
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
    op.drop_table("event")
