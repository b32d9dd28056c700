"""Event setup: the event, its days and its participant categories."""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ..errors import CategoryInUse, DayInUse, LastCategory, NoEvent, NotFound, Problem
from ..errors import ValidationError as Invalid
from ..models import (
    AuditEntry,
    Category,
    Event,
    EventDay,
    Participant,
    ProgrammeSlot,
    Scan,
    utcnow,
)
from ..text import clean, clean_multiline, parse_date
from .audit import record, snapshot
from .lookup import require

MAX_DAYS = 31
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
EVENT_FIELDS = (
    "name",
    "subtitle",
    "venue_name",
    "venue_address",
    "first_day",
    "last_day",
    "timezone",
    "organiser",
    "contact",
    "privacy_note",
)
CATEGORY_FIELDS = ("name", "badge_label", "colour", "sort_order", "is_default")
LIMITS = {
    "name": 200,
    "subtitle": 300,
    "venue_name": 200,
    "venue_address": 300,
    "timezone": 64,
    "organiser": 300,
    "contact": 300,
    "privacy_note": 4000,
}
DEFAULT_PRIVACY_NOTE = (
    "Ihre Angaben werden zur Durchführung der Veranstaltung verarbeitet und nach Ablauf "
    "der Aufbewahrungsfrist gelöscht. Auskunft erteilt die Veranstalterin."
)


@dataclass(frozen=True)
class CategoryDraft:
    """A category as the user entered it; ``id`` is None for a new one."""

    name: str
    badge_label: str = ""
    colour: str = "#2E6DB4"
    is_default: bool = False
    id: int | None = None


# Colours chosen for distinct hues *and* distinct lightness; the label always goes with them.
DEFAULT_CATEGORIES: tuple[CategoryDraft, ...] = (
    CategoryDraft("Teilnehmer/in", "Teilnehmer/in", "#1F5FA8", is_default=True),
    CategoryDraft("Referent/in", "Referent/in", "#B3261E"),
    CategoryDraft("Aussteller/in", "Aussteller/in", "#1B7F3B"),
    CategoryDraft("Presse", "Presse", "#6A3D9A"),
    CategoryDraft("Organisation", "Orga", "#C05A00"),
)


@dataclass(frozen=True)
class EventInput:
    name: str
    first_day: date | str
    last_day: date | str
    subtitle: str = ""
    venue_name: str = ""
    venue_address: str = ""
    timezone: str = "Europe/Berlin"
    organiser: str = ""
    contact: str = ""
    privacy_note: str = DEFAULT_PRIVACY_NOTE


@dataclass(frozen=True)
class DaySummary:
    id: int
    date: date
    label: str


@dataclass(frozen=True)
class CategorySummary:
    id: int
    name: str
    badge_label: str
    colour: str
    sort_order: int
    is_default: bool
    participant_count: int = 0


@dataclass(frozen=True)
class EventSummary:
    id: int
    name: str
    subtitle: str
    venue_name: str
    venue_address: str
    first_day: date
    last_day: date
    timezone: str
    organiser: str
    contact: str
    privacy_note: str
    days: tuple[DaySummary, ...] = ()
    categories: tuple[CategorySummary, ...] = field(default=())

    def as_input(self) -> EventInput:
        return EventInput(**{name: getattr(self, name) for name in EVENT_FIELDS})


# --- validation -----------------------------------------------------------------------------


def _validated_event(data: EventInput) -> dict[str, object]:
    problems: list[Problem] = []
    values: dict[str, object] = {}
    for name, limit in LIMITS.items():
        raw = getattr(data, name)
        value = clean_multiline(raw) if name in ("privacy_note", "venue_address") else clean(raw)
        if len(value) > limit:
            problems.append(Problem(name, "too_long", (("max", limit),)))
        values[name] = value
    if not values["name"]:
        problems.append(Problem("name", "required"))
    for name in ("first_day", "last_day"):
        raw = getattr(data, name)
        if raw in (None, ""):
            problems.append(Problem(name, "required"))
            continue
        try:
            values[name] = parse_date(raw)
        except ValueError:
            problems.append(Problem(name, "invalid_date", (("value", str(raw)),)))
    first, last = values.get("first_day"), values.get("last_day")
    if isinstance(first, date) and isinstance(last, date):
        if last < first:
            problems.append(Problem("last_day", "day_order"))
        elif (last - first).days + 1 > MAX_DAYS:
            problems.append(Problem("last_day", "too_many_days", (("max", MAX_DAYS),)))
    tz = values["timezone"] or "Europe/Berlin"
    values["timezone"] = tz
    if tz not in _timezones():
        problems.append(Problem("timezone", "invalid_timezone", (("value", tz),)))
    if problems:
        raise Invalid(problems)
    return values


_TIMEZONES: set[str] = set()


def _timezones() -> set[str]:
    if not _TIMEZONES:
        _TIMEZONES.update(zoneinfo.available_timezones())
    return _TIMEZONES


def timezones() -> list[str]:
    return sorted(_timezones())


def _validated_categories(drafts: list[CategoryDraft]) -> list[CategoryDraft]:
    problems: list[Problem] = []
    cleaned: list[CategoryDraft] = []
    seen: set[str] = set()
    for index, draft in enumerate(drafts):
        prefix = f"categories[{index}]."
        name = clean(draft.name)
        label = clean(draft.badge_label) or name
        colour = clean(draft.colour).upper()
        if not name:
            problems.append(Problem(prefix + "name", "required"))
        elif len(name) > 80:
            problems.append(Problem(prefix + "name", "too_long", (("max", 80),)))
        elif name.casefold() in seen:
            problems.append(Problem(prefix + "name", "duplicate", (("value", name),)))
        seen.add(name.casefold())
        if len(label) > 40:
            problems.append(Problem(prefix + "badge_label", "too_long", (("max", 40),)))
        if not COLOUR.match(colour):
            problems.append(Problem(prefix + "colour", "invalid_colour", (("value", colour),)))
        cleaned.append(CategoryDraft(name, label, colour, draft.is_default, draft.id))
    if not drafts:
        raise LastCategory()
    if problems:
        raise Invalid(problems)
    if not any(d.is_default for d in cleaned):  # exactly one default: the first if none chosen
        cleaned[0] = CategoryDraft(**{**cleaned[0].__dict__, "is_default": True})
    first_default = next(i for i, d in enumerate(cleaned) if d.is_default)
    return [
        CategoryDraft(d.name, d.badge_label, d.colour, i == first_default, d.id)
        for i, d in enumerate(cleaned)
    ]


# --- reading --------------------------------------------------------------------------------


# the one opened last first; never opened (before 0015): the newest first
RECENT_FIRST = (Event.opened_at.is_(None), Event.opened_at.desc(), Event.id.desc())


def current_event_id(session: Session) -> int:
    """The event the desks and the command line work on by default: the one last opened
    in the GUI ("Open event…"), else the most recently created."""
    event_id = session.scalar(select(Event.id).order_by(*RECENT_FIRST).limit(1))
    if event_id is None:
        raise NoEvent()
    return event_id


def list_events(session: Session) -> list[EventSummary]:
    """Every event of the database, the one opened last first."""
    events = session.scalars(select(Event).order_by(*RECENT_FIRST))
    return [_summary(session, e, with_counts=False) for e in events]


@dataclass(frozen=True)
class EventChoice:
    id: int
    name: str
    first_day: date
    last_day: date
    venue_name: str
    participants: int
    opened_at: datetime | None


def event_choices(session: Session) -> list[EventChoice]:
    """The events to open, the one opened last first, with their number of people."""
    counts = dict(
        session.execute(
            select(Participant.event_id, func.count()).group_by(Participant.event_id)
        ).all()
    )
    return [
        EventChoice(e.id, e.name, e.first_day, e.last_day, e.venue_name, counts.get(e.id, 0),
                    e.opened_at)
        for e in session.scalars(select(Event).order_by(*RECENT_FIRST))
    ]  # fmt: skip


def open_event(session: Session, event_id: int) -> EventSummary:
    """Make ``event_id`` the default event (of the desks and the command line)."""
    event = _event(session, event_id)
    event.opened_at = utcnow()
    session.flush()
    return get_event(session, event_id)


def get_event(session: Session, event_id: int) -> EventSummary:
    return _summary(session, _event(session, event_id), with_counts=True)


def _event(session: Session, event_id: int) -> Event:
    return require(session, Event, event_id)


def _summary(session: Session, event: Event, *, with_counts: bool) -> EventSummary:
    counts: dict[int, int] = {}
    if with_counts:
        counts = dict(
            session.execute(
                select(Participant.category_id, func.count())
                .where(Participant.event_id == event.id)
                .group_by(Participant.category_id)
            ).all()
        )
    return EventSummary(
        id=event.id,
        **{name: getattr(event, name) for name in EVENT_FIELDS},
        days=tuple(DaySummary(d.id, d.date, d.label) for d in event.days),
        categories=tuple(
            CategorySummary(
                c.id,
                c.name,
                c.badge_label,
                c.colour,
                c.sort_order,
                c.is_default,
                counts.get(c.id, 0),
            )
            for c in event.categories
        ),
    )


# --- writing --------------------------------------------------------------------------------


def create_event(
    session: Session,
    data: EventInput,
    *,
    actor: str,
    categories: tuple[CategoryDraft, ...] | list[CategoryDraft] = DEFAULT_CATEGORIES,
) -> EventSummary:
    values = _validated_event(data)
    drafts = _validated_categories(list(categories))
    event = Event(**values)
    session.add(event)
    session.flush()
    record(
        session,
        actor=actor,
        action="event.create",
        entity="event",
        entity_id=event.id,
        event_id=event.id,
        after=snapshot(event, EVENT_FIELDS),
    )
    _sync_days(session, event, actor=actor)
    _apply_categories(session, event, drafts, actor=actor)
    session.flush()
    session.refresh(event)
    return get_event(session, event.id)


def update_event(session: Session, event_id: int, data: EventInput, *, actor: str) -> EventSummary:
    event = _event(session, event_id)
    values = _validated_event(data)
    before = snapshot(event, EVENT_FIELDS)
    for name, value in values.items():
        setattr(event, name, value)
    session.flush()
    record(
        session,
        actor=actor,
        action="event.update",
        entity="event",
        entity_id=event.id,
        event_id=event.id,
        before=before,
        after=snapshot(event, EVENT_FIELDS),
    )
    _sync_days(session, event, actor=actor)
    session.flush()
    session.refresh(event)
    return get_event(session, event.id)


def _sync_days(session: Session, event: Event, *, actor: str) -> None:
    """One EventDay per calendar day from first to last day; refuse to drop a day in use."""
    wanted = {
        event.first_day + timedelta(days=i)
        for i in range((event.last_day - event.first_day).days + 1)
    }
    existing = {
        d.date: d for d in session.scalars(select(EventDay).where(EventDay.event_id == event.id))
    }
    for day_date, day in sorted(existing.items()):
        if day_date in wanted:
            continue
        used = (
            session.scalar(
                select(func.count())
                .select_from(ProgrammeSlot)
                .where(ProgrammeSlot.day_id == day.id)
            )
            or 0
        )
        used += (
            session.scalar(select(func.count()).select_from(Scan).where(Scan.day_id == day.id)) or 0
        )
        if used:
            raise DayInUse(day=day_date.strftime("%d.%m.%Y"), count=used)
        session.delete(day)
        record(
            session,
            actor=actor,
            action="day.delete",
            entity="event_day",
            entity_id=day.id,
            event_id=event.id,
            before={"date": day_date.isoformat(), "label": day.label},
        )
    for day_date in sorted(wanted - existing.keys()):
        day = EventDay(event_id=event.id, date=day_date, label="")
        session.add(day)
        session.flush()
        record(
            session,
            actor=actor,
            action="day.create",
            entity="event_day",
            entity_id=day.id,
            event_id=event.id,
            after={"date": day_date.isoformat()},
        )
    session.flush()
    session.expire(event, ["days"])


def set_day_label(session: Session, day_id: int, label: str, *, actor: str) -> DaySummary:
    day = require(session, EventDay, day_id)
    value = clean(label)
    if len(value) > 100:
        raise Invalid([Problem("label", "too_long", (("max", 100),))])
    record(
        session,
        actor=actor,
        action="day.update",
        entity="event_day",
        entity_id=day.id,
        event_id=day.event_id,
        before={"label": day.label},
        after={"label": value},
    )
    day.label = value
    return DaySummary(day.id, day.date, day.label)


def save_categories(
    session: Session,
    event_id: int,
    drafts: list[CategoryDraft],
    *,
    actor: str,
    reassign: dict[int, int] | None = None,
) -> list[CategorySummary]:
    """Make the event's categories exactly ``drafts``, in that order, in one transaction.

    Drafts with an id update that category; without, they create one; a category missing
    from the list is deleted. A deleted category still in use needs ``reassign``: its id
    mapped to the position in ``drafts`` of the category its participants move to;
    without that it is refused with CategoryInUse.
    """
    event = _event(session, event_id)
    cleaned = _validated_categories(drafts)
    _apply_categories(session, event, cleaned, actor=actor, reassign=reassign or {})
    session.flush()
    session.expire(event, ["categories"])
    return list(get_event(session, event_id).categories)


def _apply_categories(
    session: Session,
    event: Event,
    drafts: list[CategoryDraft],
    *,
    actor: str,
    reassign: dict[int, int] | None = None,
) -> None:
    reassign = reassign or {}
    existing = {
        c.id: c for c in session.scalars(select(Category).where(Category.event_id == event.id))
    }
    keep = {d.id for d in drafts if d.id is not None}
    unknown = keep - existing.keys()
    if unknown:
        raise NotFound(entity="Category", key=min(unknown))
    removed = [c for cat_id, c in existing.items() if cat_id not in keep]
    used = dict(
        session.execute(
            select(Participant.category_id, func.count())
            .where(Participant.category_id.in_([c.id for c in removed]))
            .group_by(Participant.category_id)
        ).all()
    )
    for category in removed:
        if used.get(category.id) and category.id not in reassign:
            raise CategoryInUse(name=category.name, count=used[category.id])
    if any(not 0 <= target < len(drafts) for target in reassign.values()):
        raise Invalid([Problem("reassign", "unknown_category")])

    befores = {c.id: snapshot(c, CATEGORY_FIELDS) for c in existing.values()}
    # Move the names of removed and renamed categories aside first, so that the unique
    # (event, name) constraint never sees a transient clash (swaps, re-created names).
    for category in removed:
        category.name = f"~{category.id}~"
    for draft in drafts:
        if draft.id is not None and existing[draft.id].name != draft.name:
            existing[draft.id].name = f"~{draft.id}~{draft.name}"[:80]
    session.flush()
    saved_ids: list[int] = []
    for order, draft in enumerate(drafts):
        if draft.id is None:
            category = Category(
                event_id=event.id,
                name=draft.name,
                badge_label=draft.badge_label,
                colour=draft.colour,
                sort_order=order,
                is_default=draft.is_default,
            )
            session.add(category)
            session.flush()
            record(
                session,
                actor=actor,
                action="category.create",
                entity="category",
                entity_id=category.id,
                event_id=event.id,
                after=snapshot(category, CATEGORY_FIELDS),
            )
        else:
            category = existing[draft.id]
            category.name = draft.name
            category.badge_label = draft.badge_label
            category.colour = draft.colour
            category.sort_order = order
            category.is_default = draft.is_default
            record(
                session,
                actor=actor,
                action="category.update",
                entity="category",
                entity_id=category.id,
                event_id=event.id,
                before=befores[draft.id],
                after=snapshot(category, CATEGORY_FIELDS),
            )
        saved_ids.append(category.id)
    session.flush()
    for category in removed:
        if used.get(category.id):
            _move_participants(
                session, event.id, category.id, saved_ids[reassign[category.id]], actor=actor
            )
        record(
            session,
            actor=actor,
            action="category.delete",
            entity="category",
            entity_id=category.id,
            event_id=event.id,
            before=befores[category.id],
        )
        session.delete(category)
    session.flush()


def _move_participants(
    session: Session, event_id: int, source: int, target: int, *, actor: str
) -> None:
    """Reassign every participant of category ``source`` to ``target``, each audited."""
    moved = list(session.scalars(select(Participant.id).where(Participant.category_id == source)))
    session.execute(
        update(Participant).where(Participant.category_id == source).values(category_id=target)
    )
    now = utcnow()
    session.execute(
        insert(AuditEntry),
        [
            {
                "at": now,
                "actor": actor,
                "action": "participant.category",
                "entity": "participant",
                "entity_id": pid,
                "event_id": event_id,
                "before": {"category_id": source},
                "after": {"category_id": target},
            }
            for pid in moved
        ],
    )
