"""Mail to participants: the event's SMTP settings (never the password: that is in the OS
keyring), its own templates, and the send queue -- one row per person and message,
committed before it is sent, so that nothing goes twice."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, one_of, utcnow


class Security(enum.StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"  # a relay on the local network


class MailState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"  # handed to the server; a crash leaves it here
    SENT = "sent"
    FAILED = "failed"  # refused for good (5xx), or too many temporary failures
    UNCERTAIN = "uncertain"  # was being sent when the sender stopped: resent only by choice


class MailSettings(Base):
    __tablename__ = "mail_settings"
    __table_args__ = (one_of("security", Security, "security_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), unique=True)
    host: Mapped[str] = mapped_column(String(200), default="")
    port: Mapped[int] = mapped_column(Integer, default=587)
    security: Mapped[str] = mapped_column(String(10), default=Security.STARTTLS.value)
    username: Mapped[str] = mapped_column(String(200), default="")
    sender_address: Mapped[str] = mapped_column(String(254), default="")
    sender_name: Mapped[str] = mapped_column(String(200), default="")
    per_minute: Mapped[int] = mapped_column(Integer, default=60)


class MailTemplate(Base):
    """The event's own wording of a message (else the built-in one is used)."""

    __tablename__ = "mail_template"
    __table_args__ = (UniqueConstraint("event_id", "kind", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)


class MailMessage(Base):
    """One message to one person. (participant, kind, batch, copy) is unique: queueing the
    same message again finds it; a second copy is made only by choice (copy + 1)."""

    __tablename__ = "mail_message"
    __table_args__ = (
        UniqueConstraint("participant_id", "kind", "batch", "copy"),
        one_of("state", MailState, "state_valid"),
        Index("ix_mail_message_event_state", "event_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    batch: Mapped[str] = mapped_column(String(60), default="")  # "run:5", "moved:812" ...
    copy: Mapped[int] = mapped_column(Integer, default=0)
    to_address: Mapped[str] = mapped_column(String(254))
    to_name: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    attach_badge: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(10), default=MailState.QUEUED.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    message_id: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    attachments: Mapped[list[MailAttachment]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="MailAttachment.id"
    )


class MailAttachment(Base):
    """A file made for one message when it was queued (a certificate of attendance): what
    the queue showed is what goes. The person's badge is not kept here; it is drawn when
    the message goes (``MailMessage.attach_badge``)."""

    __tablename__ = "mail_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    mail_id: Mapped[int] = mapped_column(
        ForeignKey("mail_message.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
