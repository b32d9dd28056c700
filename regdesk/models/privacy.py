"""Data protection settings of an event: how long each class of personal data is kept."""

from __future__ import annotations

import enum

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, one_of


class DataClass(enum.StrEnum):
    """Personal data kept for one purpose and deleted together."""

    NEEDS = "needs"  # dietary, accessibility, interpreting (Art. 9): for the event itself
    CONTACT = "contact"  # e-mail, phone, position, notes: to reach people about the event
    MAIL = "mail"  # the mails sent: their addresses and texts
    IDENTITY = "identity"  # names, organisation, badge codes: the proof of attendance


class RetentionRule(Base):
    """How many days after the event's last day a class of data is deleted (the
    built-in default where an event has no rule of its own)."""

    __tablename__ = "retention_rule"
    __table_args__ = (
        UniqueConstraint("event_id", "data_class"),
        one_of("data_class", DataClass, "data_class_valid"),
        CheckConstraint("days >= 0", name="days_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    data_class: Mapped[str] = mapped_column(String(16))
    days: Mapped[int] = mapped_column(Integer)
