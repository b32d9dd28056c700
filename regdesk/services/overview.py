"""Counts for the overview screen and `regdesk info`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..models import (
    Category,
    EventDay,
    Participant,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
    RegistrationSource,
    Scan,
)


@dataclass(frozen=True)
class CategoryCount:
    name: str
    badge_label: str
    colour: str
    registered: int


@dataclass(frozen=True)
class EventCounts:
    participants: int
    registered: int
    cancelled: int
    walk_ins: int
    by_category: tuple[CategoryCount, ...]
    slots: int
    items: int
    places: int  # sum of limited capacities
    unlimited_items: int
    scans: int


def event_counts(session: Session, event_id: int) -> EventCounts:
    status_rows = session.execute(
        select(Participant.status, func.count())
        .where(Participant.event_id == event_id)
        .group_by(Participant.status)
    ).all()
    by_status = {status: count for status, count in status_rows}
    walk_ins = (
        session.scalar(
            select(func.count())
            .select_from(Participant)
            .where(
                Participant.event_id == event_id,
                Participant.source == RegistrationSource.WALK_IN.value,
            )
        )
        or 0
    )
    registered_by_category = dict(
        session.execute(
            select(Participant.category_id, func.count())
            .where(
                Participant.event_id == event_id,
                Participant.status == ParticipantStatus.REGISTERED.value,
            )
            .group_by(Participant.category_id)
        ).all()
    )
    categories = session.scalars(
        select(Category).where(Category.event_id == event_id).order_by(Category.sort_order)
    )
    slot_count = (
        session.scalar(
            select(func.count())
            .select_from(ProgrammeSlot)
            .where(ProgrammeSlot.event_id == event_id)
        )
        or 0
    )
    item_rows = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(ProgrammeItem.capacity), 0),
            func.count().filter(ProgrammeItem.capacity.is_(None)),
        )
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(ProgrammeSlot.event_id == event_id)
    ).one()
    scans = (
        session.scalar(select(func.count()).select_from(Scan).where(Scan.event_id == event_id)) or 0
    )
    return EventCounts(
        participants=sum(by_status.values()),
        registered=by_status.get(ParticipantStatus.REGISTERED.value, 0),
        cancelled=by_status.get(ParticipantStatus.CANCELLED.value, 0),
        walk_ins=walk_ins,
        by_category=tuple(
            CategoryCount(c.name, c.badge_label, c.colour, registered_by_category.get(c.id, 0))
            for c in categories
        ),
        slots=slot_count,
        items=item_rows[0],
        places=int(item_rows[1]),
        unlimited_items=item_rows[2],
        scans=scans,
    )


@dataclass(frozen=True)
class SlotOutline:
    day: date
    starts_at: time
    ends_at: time
    label: str
    items: int
    places: int  # sum of the limited capacities
    unlimited: bool  # at least one item without a limit
    codes: str  # the items' short codes, e.g. "W1, W2, W3"


def programme_outline(session: Session, event_id: int) -> list[SlotOutline]:
    """The programme's slots in time order with their items and places."""
    slots = session.scalars(
        select(ProgrammeSlot)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(ProgrammeSlot.event_id == event_id)
        .order_by(EventDay.date, ProgrammeSlot.starts_at, ProgrammeSlot.id)
        .options(selectinload(ProgrammeSlot.items), selectinload(ProgrammeSlot.day))
    )
    return [
        SlotOutline(
            day=slot.day.date,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            label=slot.label,
            items=len(slot.items),
            places=sum(i.capacity or 0 for i in slot.items),
            unlimited=any(i.capacity is None for i in slot.items),
            codes=", ".join(i.code or i.title for i in slot.items),
        )
        for slot in slots
    ]
