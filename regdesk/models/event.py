"""The event, its days and its participant categories."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="day_order"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    subtitle: Mapped[str] = mapped_column(String(300), default="")
    venue_name: Mapped[str] = mapped_column(String(200), default="")
    venue_address: Mapped[str] = mapped_column(String(300), default="")
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Berlin")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    privacy_note: Mapped[str] = mapped_column(Text, default="")
    # the organiser's PIN that unlocks door mode, as an argon2 hash (never the PIN)
    door_pin_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # last opened at a desk: the default event of the desks and the command line
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, default=utcnow)

    days: Mapped[list[EventDay]] = relationship(
        back_populates="event", order_by="EventDay.date", cascade="all, delete-orphan"
    )
    categories: Mapped[list[Category]] = relationship(
        back_populates="event", order_by="Category.sort_order", cascade="all, delete-orphan"
    )


class EventDay(Base):
    """One calendar day of the event; entry check-in is counted per day."""

    __tablename__ = "event_day"
    __table_args__ = (UniqueConstraint("event_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    date: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(100), default="")

    event: Mapped[Event] = relationship(back_populates="days")


class Category(Base):
    """A participant role such as Referent/in or Presse, with its badge colour and label."""

    __tablename__ = "category"
    __table_args__ = (
        UniqueConstraint("event_id", "name"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("length(colour) = 7 AND substr(colour, 1, 1) = '#'", name="colour_hex"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    badge_label: Mapped[str] = mapped_column(String(40))
    colour: Mapped[str] = mapped_column(String(7))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="categories")
