"""What happened: the scan log at the doors and the audit trail of changes."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, false, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, one_of, utcnow


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class Verdict(enum.StrEnum):
    """What a scan at a door decided."""

    ADMITTED = "admitted"
    RE_ENTRY = "re_entry"  # already in today: normal, not an alarm
    ALREADY_USED = "already_used"  # used at another desk where re-entry is not allowed
    REPLACED = "replaced"  # a reissued badge's old code
    CANCELLED = "cancelled"  # registration cancelled
    UNKNOWN = "unknown"
    NOT_ENROLLED = "not_enrolled"  # session door: not enrolled in this item
    WRONG_DAY = "wrong_day"
    CHECKED_OUT = "checked_out"


# An admission made offline at a second desk while the desks were apart is kept, marked
# with the admission it collides with (conflict_of), and stands outside these indexes.
_ADMITTED = "verdict = 'admitted' AND undone_at IS NULL AND conflict_of IS NULL"
DAY_ADMISSION = f"{_ADMITTED} AND item_id IS NULL"
ITEM_ADMISSION = f"{_ADMITTED} AND item_id IS NOT NULL"


class Scan(Base):
    """Every scan at a door, successful or not."""

    __tablename__ = "scan"
    __table_args__ = (
        one_of("direction", Direction, "direction_valid"),
        one_of("verdict", Verdict, "verdict_valid"),
        Index("ix_scan_participant_verdict", "participant_id", "verdict"),
        Index("ix_scan_event_id_at", "event_id", "at"),
        Index("ix_scan_desk_at", "desk", "at"),
        # what the door counters and the overview read, held by the index alone (0013)
        Index(
            "ix_scan_door",
            *("event_id", "day_id", "item_id", "undone_at", "participant_id", "verdict"),
            *("at", "direction"),
        ),
        Index("ix_scan_room", "item_id", "undone_at", "participant_id", "verdict", "direction"),
        # The database itself refuses a second admission: one per person and day at the
        # entry, one per person and programme item at a session door (undone ones aside).
        Index(
            "ux_scan_day_admission",
            "participant_id",
            "day_id",
            unique=True,
            sqlite_where=text(DAY_ADMISSION),
            postgresql_where=text(DAY_ADMISSION),
        ),
        Index(
            "ux_scan_item_admission",
            "participant_id",
            "item_id",
            unique=True,
            sqlite_where=text(ITEM_ADMISSION),
            postgresql_where=text(ITEM_ADMISSION),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    desk: Mapped[str] = mapped_column(String(60), default="")
    raw: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[str] = mapped_column(String(24))
    direction: Mapped[str] = mapped_column(String(3), default=Direction.IN.value)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), nullable=True
    )
    day_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_day.id", ondelete="SET NULL"), nullable=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id", ondelete="SET NULL"), nullable=True
    )
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    undone_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # A desk's unique mark for the scan, made before it is decided: an upload after the
    # network came back is recorded once however often it is sent (None: older scans).
    nonce: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    offline: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The admission this one collides with (a badge admitted at two desks while apart).
    conflict_of: Mapped[int | None] = mapped_column(Integer, nullable=True)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # "Admit anyway": the reason door staff gave for admitting a guest the rules turned
    # away (wrong day, not enrolled, waiting list, already used); empty for an ordinary scan.
    override_reason: Mapped[str] = mapped_column(String(300), default="", server_default="")


class AuditEntry(Base):
    """Who changed what, when, with the values before and after."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(nullable=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), nullable=True, index=True
    )
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
