"""Programme slots and items, enrolments and ranked preferences."""

from __future__ import annotations

import enum
from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, one_of, utcnow
from .event import EventDay


class ItemKind(enum.StrEnum):
    TALK = "talk"
    PANEL = "panel"
    WORKSHOP = "workshop"
    FORUM = "forum"
    EXCURSION = "excursion"
    MARKET = "market"  # "Markt der Möglichkeiten", exhibition
    GET_TOGETHER = "get_together"
    DINNER = "dinner"
    OTHER = "other"


class EnrolmentStatus(enum.StrEnum):
    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"


class EnrolmentSource(enum.StrEnum):
    MANUAL = "manual"
    IMPORT = "import"
    ALLOCATION = "allocation"
    WAITLIST = "waitlist"  # moved up from the waiting list


class ProgrammeSlot(Base):
    __tablename__ = "programme_slot"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="time_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("event_day.id", ondelete="RESTRICT"), index=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    label: Mapped[str] = mapped_column(String(120), default="")

    day: Mapped[EventDay] = relationship()
    items: Mapped[list[ProgrammeItem]] = relationship(
        back_populates="slot", order_by="ProgrammeItem.id"
    )


class ProgrammeItem(Base):
    __tablename__ = "programme_item"
    __table_args__ = (
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        one_of("kind", ItemKind, "kind_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(
        ForeignKey("programme_slot.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default=ItemKind.WORKSHOP.value)
    code: Mapped[str] = mapped_column(String(12), default="")  # short code, e.g. "W3"
    title: Mapped[str] = mapped_column(String(300))
    host: Mapped[str] = mapped_column(String(300), default="")
    room: Mapped[str] = mapped_column(String(120), default="")
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: unlimited
    description: Mapped[str] = mapped_column(Text, default="")

    slot: Mapped[ProgrammeSlot] = relationship(back_populates="items")


class Enrolment(Base):
    __tablename__ = "enrolment"
    __table_args__ = (
        UniqueConstraint("item_id", "participant_id"),
        one_of("status", EnrolmentStatus, "status_valid"),
        one_of("source", EnrolmentSource, "source_valid"),
        CheckConstraint(
            "(status = 'waitlisted' AND waitlist_position IS NOT NULL)"
            " OR (status = 'enrolled' AND waitlist_position IS NULL)",
            name="waitlist_position_iff_waitlisted",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("programme_item.id", ondelete="RESTRICT"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=EnrolmentStatus.ENROLLED.value)
    waitlist_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(16), default=EnrolmentSource.MANUAL.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the allocation run that gave this place (undo takes back what is still there)
    allocation_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("allocation_run.id", ondelete="SET NULL"), nullable=True, index=True
    )


class AllocationRun(Base):
    """One applied allocation: what it gave, how good it was, whether it was undone."""

    __tablename__ = "allocation_run"
    __table_args__ = (CheckConstraint("placed >= 0", name="placed_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    placed: Mapped[int] = mapped_column(Integer)
    proven_optimal: Mapped[bool] = mapped_column(Boolean)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    undone_by: Mapped[str] = mapped_column(String(100), default="")


class Preference(Base):
    """A participant's ranked wish for a programme item (1 = first choice)."""

    __tablename__ = "preference"
    __table_args__ = (
        UniqueConstraint("participant_id", "item_id"),
        CheckConstraint("rank >= 1", name="rank_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("programme_item.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer)
