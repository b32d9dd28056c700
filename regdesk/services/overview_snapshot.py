"""Everything the overview screen shows, read in one go and handed over as plain values:
the screen computes it off the GUI thread and only paints it (see ui/overview_page.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from ..privacy.retention import RetentionLine, overdue
from ..reporting.figures import arrivals
from . import checkin
from .events import get_event
from .overview import EventCounts, SlotOutline, event_counts, programme_outline


@dataclass(frozen=True)
class EventHeader:
    name: str
    subtitle: str
    first_day: date
    last_day: date
    day_count: int
    venue_name: str
    venue_address: str
    organiser: str


@dataclass(frozen=True)
class DayFigures:
    """The door of one day: entry per category, rooms, VIPs and the arrival curve."""

    day_id: int
    date: date
    counts: checkin.DayCounts
    rooms: tuple[checkin.Room, ...]
    vips: tuple[checkin.VipArrival, ...]
    curve: tuple[tuple[time, int], ...]


@dataclass(frozen=True)
class OverviewSnapshot:
    header: EventHeader
    counts: EventCounts
    outline: tuple[SlotOutline, ...]
    day: DayFigures | None  # None: the event has no days
    overdue: tuple[RetentionLine, ...] = ()  # retention over, the data still stored


def overview_snapshot(db, event_id: int, today: date) -> OverviewSnapshot:
    """The figures of the overview in one read-only session; the door figures are those
    of ``today`` when it is an event day, else of the first day."""
    with db.session(write=False) as session:
        event = get_event(session, event_id)
        header = EventHeader(
            event.name,
            event.subtitle,
            event.first_day,
            event.last_day,
            len(event.days),
            event.venue_name,
            event.venue_address,
            event.organiser,
        )
        counts = event_counts(session, event_id)
        outline = tuple(programme_outline(session, event_id))
        day = next((d for d in event.days if d.date == today), None)
        day = day or (event.days[0] if event.days else None)
        figures = None
        if day is not None:
            figures = DayFigures(
                day.id,
                day.date,
                checkin.day_counts(session, event_id, day.id),
                tuple(checkin.rooms_on_day(session, event_id, day.id)),
                tuple(checkin.vip_arrivals(session, event_id, day.id)),
                arrivals(session, event_id, day.id),
            )
        late = tuple(overdue(session, event_id, today))
    return OverviewSnapshot(header, counts, outline, figures, late)
