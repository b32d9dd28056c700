"""Participants, their consents and their replaced badge secrets."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, one_of, utcnow
from .event import Category


class Salutation(enum.StrEnum):
    """Frau / Herr / ohne Angabe. "divers" is a gender, not a salutation."""

    NONE = "none"
    FRAU = "frau"
    HERR = "herr"


class ParticipantStatus(enum.StrEnum):
    REGISTERED = "registered"
    CANCELLED = "cancelled"


class RegistrationSource(enum.StrEnum):
    MANUAL = "manual"
    WALK_IN = "walk_in"
    IMPORT = "import"
    DEMO = "demo"


class ConsentKind(enum.StrEnum):
    PHOTO = "photo"  # photo/video recording
    LISTING = "listing"  # listed in the published participant list
    BADGE_ORGANISATION = "badge_organisation"  # badge shows the organisation
    HEALTH_DATA = "health_data"  # Art. 9 DSGVO: dietary and accessibility needs may be stored


class Participant(Base):
    __tablename__ = "participant"
    __table_args__ = (
        UniqueConstraint("badge_secret"),
        UniqueConstraint("event_id", "short_code"),
        Index("ix_participant_event_email_key", "event_id", "email_key"),
        Index("ix_participant_event_dup_key", "event_id", "dup_key"),
        Index("ix_participant_event_name_key", "event_id", "name_key"),
        # the counts per status, category and source read this index alone (0013)
        Index("ix_participant_counts", "event_id", "status", "category_id", "source"),
        one_of("salutation", Salutation, "salutation_valid"),
        one_of("status", ParticipantStatus, "status_valid"),
        one_of("source", RegistrationSource, "source_valid"),
        CheckConstraint("badge_print_count >= 0", name="print_count_not_negative"),
        CheckConstraint("length(badge_secret) >= 20", name="secret_length"),
        CheckConstraint(
            "length(trim(first_name)) > 0 AND length(trim(last_name)) > 0", name="name_not_empty"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    salutation: Mapped[str] = mapped_column(String(8), default=Salutation.NONE.value)
    title: Mapped[str] = mapped_column(String(60), default="")
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    organisation: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    phone: Mapped[str] = mapped_column(String(60), default="")
    category_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=ParticipantStatus.REGISTERED.value)
    cancel_reason: Mapped[str] = mapped_column(String(500), default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    source: Mapped[str] = mapped_column(String(16), default=RegistrationSource.MANUAL.value)

    badge_secret: Mapped[str] = mapped_column(String(32))
    short_code: Mapped[str] = mapped_column(String(12))
    badge_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    badge_print_count: Mapped[int] = mapped_column(Integer, default=0)

    # Needs are health data (Art. 9 DSGVO): only kept with the HEALTH_DATA consent.
    needs_dietary: Mapped[str] = mapped_column(String(500), default="")
    needs_accessibility: Mapped[str] = mapped_column(String(500), default="")
    needs_interpreter: Mapped[str] = mapped_column(String(200), default="")

    # folded keys for duplicate detection (see regdesk.search_keys), kept by the services
    email_key: Mapped[str] = mapped_column(String(254), default="", server_default="")
    dup_key: Mapped[str] = mapped_column(String(300), default="", server_default="")
    name_key: Mapped[str] = mapped_column(  # alphabetical order
        String(210), default="", server_default=""
    )

    is_vip: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when names and badge codes were removed (see regdesk.privacy.anonymise); the
    # kind of organisation is kept then, for the report (see reporting.figures).
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    organisation_kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    category: Mapped[Category] = relationship()
    consents: Mapped[list[Consent]] = relationship(
        back_populates="participant", cascade="all, delete-orphan"
    )
    # the days the person comes on (none: every day of the event)
    days: Mapped[list[ParticipantDay]] = relationship(cascade="all, delete-orphan")
    # the group (delegation) the person comes with, if any
    membership: Mapped[GroupMember | None] = relationship(
        cascade="all, delete-orphan", uselist=False
    )


class Consent(Base):
    """A consent decision: what, granted or refused, when and how it was given."""

    __tablename__ = "consent"
    __table_args__ = (
        UniqueConstraint("participant_id", "kind"),
        one_of("kind", ConsentKind, "kind_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    granted: Mapped[bool] = mapped_column(Boolean)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    given_via: Mapped[str] = mapped_column(String(100), default="")  # e.g. "Anmeldeformular"

    participant: Mapped[Participant] = relationship(back_populates="consents")


class ParticipantDay(Base):
    """A day a participant is registered for. No rows: every day of the event."""

    __tablename__ = "participant_day"
    __table_args__ = (UniqueConstraint("participant_id", "day_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    day_id: Mapped[int] = mapped_column(ForeignKey("event_day.id", ondelete="CASCADE"))


class ParticipantGroup(Base):
    """A group that comes together (a delegation of one municipality, a school class):
    admitted together from its lead's badge, shown on the badge."""

    __tablename__ = "participant_group"
    __table_args__ = (
        UniqueConstraint("event_id", "name_key"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # folded: one group per spelling
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[GroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )


class GroupMember(Base):
    """A participant's place in a group; at most one member leads it."""

    __tablename__ = "group_member"
    __table_args__ = (
        UniqueConstraint("participant_id"),  # one group per person
        Index(
            "ux_group_member_lead",
            "group_id",
            unique=True,
            sqlite_where=text("is_lead"),
            postgresql_where=text("is_lead"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("participant_group.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)

    group: Mapped[ParticipantGroup] = relationship(back_populates="members")


class ReplacedBadge(Base):
    """A badge secret that was replaced by a reissue; scanning it says "replaced"."""

    __tablename__ = "replaced_badge"
    __table_args__ = (UniqueConstraint("secret"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    secret: Mapped[str] = mapped_column(String(32))
    # the short code printed on the old badge, replaced with it (typed in, it says
    # "replaced" too); unique per event through the participant
    short_code: Mapped[str] = mapped_column(String(12), default="", server_default="", index=True)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(200), default="")


# Token columns compare byte-wise: range scans for prefixes need C collation on PostgreSQL.
TokenText = String(60).with_variant(String(60, collation="C"), "postgresql")


class SearchToken(Base):
    """One folded word of a participant's name, organisation, e-mail or short code.

    Search as you type is a range scan on (event_id, token): a prefix "mul" is
    token >= 'mul' AND token < 'mum', which a B-tree answers on SQLite and PostgreSQL.
    """

    __tablename__ = "search_token"
    __table_args__ = (
        UniqueConstraint("participant_id", "token"),
        Index("ix_search_token_event_token", "event_id", "token"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str] = mapped_column(TokenText)
    field: Mapped[int] = mapped_column(Integer)  # ranking weight, see regdesk.search_keys
