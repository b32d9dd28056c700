"""Programme: time slots, items with capacities, enrolment with waiting lists.

Two desks enrolling at the same moment never overbook an item: on SQLite every write
transaction holds the write lock from its start (BEGIN IMMEDIATE); on PostgreSQL the
participant's and the item's rows are locked (SELECT ... FOR UPDATE, always participant
first, then item, so two desks cannot deadlock) before places are counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from types import SimpleNamespace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import (
    AlreadyEnrolled,
    CapacityBelowEnrolled,
    ItemFull,
    ItemInUse,
    NotEnrolled,
    ParticipantNotRegistered,
    Problem,
    SlotInUse,
    TimeClash,
)
from ..errors import ValidationError as Invalid
from ..models import (
    AuditEntry,
    Category,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    EventDay,
    ItemKind,
    Participant,
    ParticipantStatus,
    Preference,
    ProgrammeItem,
    ProgrammeSlot,
)
from ..text import clean, clean_multiline, parse_time
from .audit import record, snapshot
from .lookup import require

ITEM_FIELDS = ("slot_id", "kind", "code", "title", "host", "room", "capacity", "description")


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotSummary:
    id: int
    day_id: int
    day: date
    starts_at: time
    ends_at: time
    label: str


@dataclass(frozen=True)
class ItemSummary:
    id: int
    slot_id: int
    kind: str
    code: str
    title: str
    host: str
    room: str
    capacity: int | None
    description: str
    enrolled: int
    waitlisted: int

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.enrolled)


@dataclass(frozen=True)
class EnrolmentResult:
    item_id: int
    participant_id: int
    status: str  # "enrolled" or "waitlisted"
    waitlist_position: int | None


@dataclass(frozen=True)
class Promotion:
    """Somebody moved up from the waiting list: the organiser should tell them."""

    item_id: int
    item_title: str
    participant_id: int
    name: str
    email: str
    at: datetime | None = None


# --- input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotInput:
    day_id: int
    starts_at: time | str
    ends_at: time | str
    label: str = ""


@dataclass(frozen=True)
class ItemInput:
    slot_id: int
    title: str
    kind: str = ItemKind.WORKSHOP.value
    code: str = ""
    host: str = ""
    room: str = ""
    capacity: int | None = None
    description: str = ""


def _validated_slot(session: Session, event_id: int, data: SlotInput) -> dict:
    problems: list[Problem] = []
    values: dict = {"day_id": data.day_id, "label": clean(data.label)}
    for name in ("starts_at", "ends_at"):
        if getattr(data, name) in (None, "") or str(getattr(data, name)).strip() == "":
            problems.append(Problem(name, "required"))
            continue
        try:
            values[name] = parse_time(getattr(data, name))
        except (ValueError, TypeError):
            problems.append(Problem(name, "invalid_time", (("value", str(getattr(data, name))),)))
    if not problems and values["ends_at"] <= values["starts_at"]:
        problems.append(Problem("ends_at", "time_order"))
    if len(values["label"]) > 120:
        problems.append(Problem("label", "too_long", (("max", 120),)))
    day = session.get(EventDay, data.day_id)
    if day is None or day.event_id != event_id:
        problems.append(Problem("day_id", "unknown_day"))
    if problems:
        raise Invalid(problems)
    return values


def _validated_item(session: Session, data: ItemInput) -> dict:
    problems: list[Problem] = []
    values = {
        "slot_id": data.slot_id,
        "title": clean(data.title),
        "code": clean(data.code).upper(),
        "host": clean(data.host),
        "room": clean(data.room),
        "description": clean_multiline(data.description),
        "kind": clean(data.kind),
        "capacity": data.capacity,
    }
    if not values["title"]:
        problems.append(Problem("title", "required"))
    for name, limit in (
        ("title", 300),
        ("code", 12),
        ("host", 300),
        ("room", 120),
        ("description", 4000),
    ):
        if len(values[name]) > limit:
            problems.append(Problem(name, "too_long", (("max", limit),)))
    if values["kind"] not in {k.value for k in ItemKind}:
        problems.append(
            Problem(
                "kind",
                "unknown_choice",
                (("value", values["kind"]), ("choices", ", ".join(k.value for k in ItemKind))),
            )
        )
    capacity = values["capacity"]
    if capacity is not None and (not isinstance(capacity, int) or not 1 <= capacity <= 100_000):
        # no places at all is no item: 0 would make a "0/0 · full" item nobody can join
        code = "no_places" if capacity == 0 else "capacity_range"
        problems.append(Problem("capacity", code, (("max", 100_000),)))
    if session.get(ProgrammeSlot, data.slot_id) is None:
        problems.append(Problem("slot_id", "unknown_slot"))
    if problems:
        raise Invalid(problems)
    return values


# --- reading --------------------------------------------------------------------------------


def _slot_summary(slot: ProgrammeSlot) -> SlotSummary:
    return SlotSummary(
        slot.id, slot.day_id, slot.day.date, slot.starts_at, slot.ends_at, slot.label
    )


def _counts(session: Session, item_ids: list[int]) -> dict[tuple[int, str], int]:
    rows = session.execute(
        select(Enrolment.item_id, Enrolment.status, func.count())
        .where(Enrolment.item_id.in_(item_ids))
        .group_by(Enrolment.item_id, Enrolment.status)
    )
    return {(item_id, status): n for item_id, status, n in rows}


def enrolled_counts(session: Session, item_ids: list[int]) -> dict[int, int]:
    """Places taken per item (waiting lists aside)."""
    return {
        item_id: n
        for (item_id, status), n in _counts(session, item_ids).items()
        if status == EnrolmentStatus.ENROLLED.value
    }


def _item_summary(item: ProgrammeItem, counts: dict) -> ItemSummary:
    return ItemSummary(
        item.id,
        item.slot_id,
        item.kind,
        item.code,
        item.title,
        item.host,
        item.room,
        item.capacity,
        item.description,
        counts.get((item.id, EnrolmentStatus.ENROLLED.value), 0),
        counts.get((item.id, EnrolmentStatus.WAITLISTED.value), 0),
    )


def get_slot(session: Session, slot_id: int) -> SlotSummary:
    return _slot_summary(require(session, ProgrammeSlot, slot_id))


def get_item(session: Session, item_id: int) -> ItemSummary:
    item = require(session, ProgrammeItem, item_id)
    return _item_summary(item, _counts(session, [item.id]))


def event_programme(session: Session, event_id: int) -> list[tuple[SlotSummary, list[ItemSummary]]]:
    """Every slot in time order with its items and their fill."""
    slots = list(
        session.scalars(
            select(ProgrammeSlot)
            .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
            .where(ProgrammeSlot.event_id == event_id)
            .order_by(EventDay.date, ProgrammeSlot.starts_at, ProgrammeSlot.id)
        )
    )
    items = [i for s in slots for i in s.items]
    counts = _counts(session, [i.id for i in items])
    return [(_slot_summary(s), [_item_summary(i, counts) for i in s.items]) for s in slots]


# --- slots and items ------------------------------------------------------------------------


def create_slot(session: Session, event_id: int, data: SlotInput, *, actor: str) -> SlotSummary:
    slot = ProgrammeSlot(event_id=event_id, **_validated_slot(session, event_id, data))
    session.add(slot)
    session.flush()
    record(
        session,
        actor=actor,
        action="slot.create",
        entity="programme_slot",
        entity_id=slot.id,
        event_id=event_id,
        after=snapshot(slot, ("day_id", "starts_at", "ends_at", "label")),
    )
    session.refresh(slot)
    return _slot_summary(slot)


def update_slot(session: Session, slot_id: int, data: SlotInput, *, actor: str) -> SlotSummary:
    """Change a slot's day or times. Refused if an enrolled participant would then hold two
    items at the same time."""
    slot = require(session, ProgrammeSlot, slot_id)
    values = _validated_slot(session, slot.event_id, data)
    fields = ("day_id", "starts_at", "ends_at", "label")
    before = snapshot(slot, fields)
    moved = SimpleNamespace(
        day_id=values["day_id"], starts_at=values["starts_at"], ends_at=values["ends_at"]
    )
    item_ids = [item.id for item in slot.items]
    for participant_id in session.scalars(
        select(Enrolment.participant_id).where(
            Enrolment.item_id.in_(item_ids), Enrolment.status == EnrolmentStatus.ENROLLED.value
        )
    ).all():
        check_clash(
            session,
            require(session, Participant, participant_id),
            moved,
            ignore_slot=slot.id,
        )
    for name, value in values.items():
        setattr(slot, name, value)
    session.flush()
    record(
        session,
        actor=actor,
        action="slot.update",
        entity="programme_slot",
        entity_id=slot.id,
        event_id=slot.event_id,
        before=before,
        after=snapshot(slot, fields),
    )
    session.refresh(slot)
    return _slot_summary(slot)


def delete_slot(session: Session, slot_id: int, *, actor: str) -> None:
    slot = require(session, ProgrammeSlot, slot_id)
    if slot.items:
        raise SlotInUse(time=f"{slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}", count=len(slot.items))
    record(
        session,
        actor=actor,
        action="slot.delete",
        entity="programme_slot",
        entity_id=slot.id,
        event_id=slot.event_id,
        before=snapshot(slot, ("day_id", "starts_at", "ends_at", "label")),
    )
    session.delete(slot)
    session.flush()


def create_item(session: Session, data: ItemInput, *, actor: str) -> ItemSummary:
    item = ProgrammeItem(**_validated_item(session, data))
    session.add(item)
    session.flush()
    record(
        session,
        actor=actor,
        action="item.create",
        entity="programme_item",
        entity_id=item.id,
        event_id=item.slot.event_id,
        after=snapshot(item, ITEM_FIELDS),
    )
    return get_item(session, item.id)


def update_item(
    session: Session, item_id: int, data: ItemInput, *, actor: str
) -> tuple[ItemSummary, list[Promotion]]:
    """Edit an item. A capacity below the enrolled count is refused; a higher one moves
    people up from the waiting list (returned, so the organiser can tell them). Moving
    the item to another slot is refused if it would give an enrolled person two items
    at once."""
    lock_for_promotion(session, [], [item_id])
    item = require(session, ProgrammeItem, item_id)
    values = _validated_item(session, data)
    enrolled = _enrolled_count(session, item_id)
    if values["capacity"] is not None and values["capacity"] < enrolled:
        raise CapacityBelowEnrolled(
            title=item.title, enrolled=enrolled, capacity=values["capacity"]
        )
    if values["slot_id"] != item.slot_id:
        new_slot = session.get(ProgrammeSlot, values["slot_id"])
        for participant_id in session.scalars(
            select(Enrolment.participant_id).where(
                Enrolment.item_id == item_id, Enrolment.status == EnrolmentStatus.ENROLLED.value
            )
        ):
            check_clash(
                session,
                require(session, Participant, participant_id),
                new_slot,
                ignore_item=item_id,
            )
    before = snapshot(item, ITEM_FIELDS)
    for name, value in values.items():
        setattr(item, name, value)
    session.flush()
    record(
        session,
        actor=actor,
        action="item.update",
        entity="programme_item",
        entity_id=item.id,
        event_id=item.slot.event_id,
        before=before,
        after=snapshot(item, ITEM_FIELDS),
    )
    promoted = promote(session, item_id, actor=actor)
    return get_item(session, item_id), promoted


def delete_item(session: Session, item_id: int, *, actor: str) -> None:
    item = require(session, ProgrammeItem, item_id)
    used = (
        session.scalar(
            select(func.count()).select_from(Enrolment).where(Enrolment.item_id == item_id)
        )
        or 0
    )
    used += (
        session.scalar(
            select(func.count()).select_from(Preference).where(Preference.item_id == item_id)
        )
        or 0
    )
    if used:
        raise ItemInUse(title=item.title, count=used)
    record(
        session,
        actor=actor,
        action="item.delete",
        entity="programme_item",
        entity_id=item.id,
        event_id=item.slot.event_id,
        before=snapshot(item, ITEM_FIELDS),
    )
    session.delete(item)
    session.flush()


# --- enrolment ------------------------------------------------------------------------------


def lock_rows(session: Session, model, ids: list[int]) -> None:
    """Row locks on PostgreSQL; on SQLite the write transaction already excludes others."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(model.id).where(model.id.in_(ids)).order_by(model.id).with_for_update()
        )


def lock_for_promotion(session: Session, participant_ids: list[int], items: list[int]) -> None:
    """Locks for a change that may move people up: ``participant_ids`` and everyone
    waiting for ``items``, then the items -- participants before items, the order every
    enrolment keeps, so that a promotion's time-clash check cannot race an enrolment of
    the same person elsewhere (and two of them cannot deadlock)."""
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite: the write transaction already excludes every other
    waiting = session.scalars(
        select(Enrolment.participant_id).where(
            Enrolment.item_id.in_(items), Enrolment.status == EnrolmentStatus.WAITLISTED.value
        )
    )
    lock_rows(session, Participant, sorted(set(participant_ids) | set(waiting)))
    lock_rows(session, ProgrammeItem, sorted(set(items)))


def _enrolled_count(session: Session, item_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Enrolment)
            .where(Enrolment.item_id == item_id, Enrolment.status == EnrolmentStatus.ENROLLED.value)
        )
        or 0
    )


def _name(participant: Participant) -> str:
    return f"{participant.first_name} {participant.last_name}"


def check_clash(
    session: Session,
    participant: Participant,
    slot: ProgrammeSlot,
    *,
    ignore_item: int | None = None,
    ignore_slot: int | None = None,
) -> None:
    """Refuse a second item at the same time for someone enrolled."""
    other = session.execute(
        select(ProgrammeItem.title, ProgrammeSlot.starts_at, ProgrammeSlot.ends_at)
        .join(Enrolment, Enrolment.item_id == ProgrammeItem.id)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(
            Enrolment.participant_id == participant.id,
            Enrolment.status == EnrolmentStatus.ENROLLED.value,
            ProgrammeItem.id != (ignore_item or -1),
            ProgrammeSlot.id != (ignore_slot or -1),
            ProgrammeSlot.day_id == slot.day_id,
            ProgrammeSlot.starts_at < slot.ends_at,
            ProgrammeSlot.ends_at > slot.starts_at,
        )
        .limit(1)
    ).first()
    if other is not None:
        raise TimeClash(
            name=_name(participant), other=other[0], time=f"{other[1]:%H:%M}–{other[2]:%H:%M}"
        )


def enrol(
    session: Session,
    item_id: int,
    participant_id: int,
    *,
    actor: str,
    waitlist: bool = True,
    source: EnrolmentSource = EnrolmentSource.MANUAL,
) -> EnrolmentResult:
    """Give a participant a place, or a place on the waiting list when the item is full
    (ItemFull if ``waitlist`` is False). Never exceeds the capacity, also when several
    desks enrol at the same moment; refuses two items at the same time."""
    lock_rows(session, Participant, [participant_id])
    lock_rows(session, ProgrammeItem, [item_id])
    participant = require(session, Participant, participant_id)
    item = require(session, ProgrammeItem, item_id)
    if participant.status != ParticipantStatus.REGISTERED.value:
        raise ParticipantNotRegistered(name=_name(participant))
    existing = session.scalar(
        select(Enrolment).where(
            Enrolment.item_id == item_id, Enrolment.participant_id == participant_id
        )
    )
    if existing is not None:
        raise AlreadyEnrolled(name=_name(participant), title=item.title, status=existing.status)
    full = item.capacity is not None and _enrolled_count(session, item_id) >= item.capacity
    if not full:
        check_clash(session, participant, item.slot)
        enrolment = Enrolment(
            item_id=item_id,
            participant_id=participant_id,
            status=EnrolmentStatus.ENROLLED.value,
            source=source.value,
        )
    elif waitlist:
        last = (
            session.scalar(
                select(func.max(Enrolment.waitlist_position)).where(
                    Enrolment.item_id == item_id,
                    Enrolment.status == EnrolmentStatus.WAITLISTED.value,
                )
            )
            or 0
        )
        enrolment = Enrolment(
            item_id=item_id,
            participant_id=participant_id,
            status=EnrolmentStatus.WAITLISTED.value,
            waitlist_position=last + 1,
            source=source.value,
        )
    else:
        raise ItemFull(title=item.title, capacity=item.capacity)
    session.add(enrolment)
    session.flush()
    record(
        session,
        actor=actor,
        action=f"enrolment.{enrolment.status}",
        entity="participant",
        entity_id=participant_id,
        event_id=participant.event_id,
        after={
            "item_id": item_id,
            "status": enrolment.status,
            "waitlist_position": enrolment.waitlist_position,
        },
    )
    return EnrolmentResult(item_id, participant_id, enrolment.status, enrolment.waitlist_position)


def unenrol(session: Session, item_id: int, participant_id: int, *, actor: str) -> list[Promotion]:
    """Take a participant off an item (or its waiting list); a freed place goes to the
    first on the waiting list who has no other item at that time."""
    lock_for_promotion(session, [participant_id], [item_id])
    participant = require(session, Participant, participant_id)
    item = require(session, ProgrammeItem, item_id)
    enrolment = session.scalar(
        select(Enrolment).where(
            Enrolment.item_id == item_id, Enrolment.participant_id == participant_id
        )
    )
    if enrolment is None:
        raise NotEnrolled(name=_name(participant), title=item.title)
    record(
        session,
        actor=actor,
        action="enrolment.remove",
        entity="participant",
        entity_id=participant_id,
        event_id=participant.event_id,
        before={"item_id": item_id, "status": enrolment.status},
    )
    session.delete(enrolment)
    session.flush()
    return promote(session, item_id, actor=actor)


def release_participant(
    session: Session, participant: Participant, *, actor: str
) -> list[Promotion]:
    """A cancelled participant gives back every place; the waiting lists move up."""
    item_ids = list(
        session.scalars(select(Enrolment.item_id).where(Enrolment.participant_id == participant.id))
    )
    promoted: list[Promotion] = []
    for item_id in sorted(item_ids):
        promoted += unenrol(session, item_id, participant.id, actor=actor)
    return promoted


def promote(session: Session, item_id: int, *, actor: str) -> list[Promotion]:
    """Fill free places from the waiting list, in order. Someone who meanwhile has another
    item at that time is skipped and keeps their place on the list."""
    item = require(session, ProgrammeItem, item_id)
    promoted: list[Promotion] = []
    free = None if item.capacity is None else item.capacity - _enrolled_count(session, item_id)
    waiting = list(
        session.scalars(
            select(Enrolment)
            .where(
                Enrolment.item_id == item_id, Enrolment.status == EnrolmentStatus.WAITLISTED.value
            )
            .order_by(Enrolment.waitlist_position)
        )
    )
    for enrolment in waiting:
        if free is not None and free <= 0:
            break
        # held already where the caller used lock_for_promotion (a no-op then); taken here
        # for someone who joined the list before the item's lock was had
        lock_rows(session, Participant, [enrolment.participant_id])
        participant = require(session, Participant, enrolment.participant_id)
        try:
            check_clash(session, participant, item.slot)
        except TimeClash:
            continue
        enrolment.status = EnrolmentStatus.ENROLLED.value
        enrolment.waitlist_position = None
        enrolment.source = EnrolmentSource.WAITLIST.value
        session.flush()
        record(
            session,
            actor=actor,
            action="enrolment.promoted",
            entity="participant",
            entity_id=participant.id,
            event_id=participant.event_id,
            after={"item_id": item_id, "item": item.title},
        )
        promoted.append(
            Promotion(item_id, item.title, participant.id, _name(participant), participant.email)
        )
        if free is not None:
            free -= 1
    return promoted


def reorder_waitlist(
    session: Session, item_id: int, participant_id: int, position: int, *, actor: str
) -> list[int]:
    """Put a waiting participant at ``position`` (1 = next to move up) -- an explicit
    priority instead of the order of arrival. The others keep their order; positions
    stay 1, 2, 3 ... Returns the waiting list in its new order."""
    lock_rows(session, ProgrammeItem, [item_id])
    item = require(session, ProgrammeItem, item_id)
    waiting = list(
        session.scalars(
            select(Enrolment)
            .where(
                Enrolment.item_id == item_id, Enrolment.status == EnrolmentStatus.WAITLISTED.value
            )
            .order_by(Enrolment.waitlist_position, Enrolment.id)
        )
    )
    mine = next((e for e in waiting if e.participant_id == participant_id), None)
    if mine is None:
        participant = require(session, Participant, participant_id)
        raise NotEnrolled(name=_name(participant), title=item.title)
    before = mine.waitlist_position
    waiting.remove(mine)
    waiting.insert(max(0, min(len(waiting), position - 1)), mine)
    for number, enrolment in enumerate(waiting, start=1):
        enrolment.waitlist_position = number
    session.flush()
    if mine.waitlist_position != before:
        record(
            session,
            actor=actor,
            action="enrolment.waitlist_reordered",
            entity="participant",
            entity_id=participant_id,
            event_id=item.slot.event_id,
            before={"item_id": item_id, "waitlist_position": before},
            after={"item_id": item_id, "waitlist_position": mine.waitlist_position},
        )
    return [e.participant_id for e in waiting]


def moved_up(session: Session, event_id: int) -> list[Promotion]:
    """Everyone who moved up from a waiting list, newest first: whom to inform."""
    rows = session.execute(
        select(AuditEntry, Participant)
        .join(Participant, Participant.id == AuditEntry.entity_id)
        .where(AuditEntry.event_id == event_id, AuditEntry.action == "enrolment.promoted")
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return [
        Promotion(entry.after["item_id"], entry.after["item"], p.id, _name(p), p.email, entry.at)
        for entry, p in rows
    ]


@dataclass(frozen=True)
class PersonOnItem:
    participant_id: int
    name: str  # "Last, First"
    organisation: str
    category: str
    email: str
    status: str  # enrolled or waitlisted
    waitlist_position: int | None
    source: str
    since: datetime


def item_people(session: Session, item_id: int) -> tuple[list[PersonOnItem], list[PersonOnItem]]:
    """Who is on an item: (enrolled by name, waiting list in order)."""
    require(session, ProgrammeItem, item_id)
    rows = session.execute(
        select(Enrolment, Participant, Category.name)
        .join(Participant, Enrolment.participant_id == Participant.id)
        .join(Category, Participant.category_id == Category.id)
        .where(Enrolment.item_id == item_id)
        .order_by(Enrolment.waitlist_position, Participant.name_key, Participant.id)
    ).all()
    people = [
        PersonOnItem(
            p.id,
            f"{p.last_name}, {p.first_name}",
            p.organisation,
            category,
            p.email,
            e.status,
            e.waitlist_position,
            e.source,
            e.created_at,
        )
        for e, p, category in rows
    ]
    return (
        [x for x in people if x.status == EnrolmentStatus.ENROLLED.value],
        [x for x in people if x.status == EnrolmentStatus.WAITLISTED.value],
    )


def move(
    session: Session, participant_id: int, from_item: int, to_item: int, *, actor: str
) -> tuple[EnrolmentResult, list[Promotion]]:
    """Move a participant's place (or waiting-list place) to another item, in one step:
    if the other item refuses (full, a clash, already there), the old place is kept. The
    freed place goes to the old item's waiting list."""
    lock_for_promotion(session, [participant_id], [from_item, to_item])
    participant = require(session, Participant, participant_id)
    item = require(session, ProgrammeItem, from_item)
    enrolment = session.scalar(
        select(Enrolment).where(
            Enrolment.item_id == from_item, Enrolment.participant_id == participant_id
        )
    )
    if enrolment is None:
        raise NotEnrolled(name=_name(participant), title=item.title)
    was_waiting = enrolment.status == EnrolmentStatus.WAITLISTED.value
    record(
        session,
        actor=actor,
        action="enrolment.move",
        entity="participant",
        entity_id=participant_id,
        event_id=participant.event_id,
        before={"item_id": from_item, "status": enrolment.status},
        after={"item_id": to_item},
    )
    session.delete(enrolment)
    session.flush()
    result = enrol(session, to_item, participant_id, actor=actor, waitlist=was_waiting)
    return result, promote(session, from_item, actor=actor)


def item_lists(session: Session, item_id: int) -> tuple[list[int], list[int]]:
    """(enrolled participant ids, waiting list in order) of an item."""
    rows = session.execute(
        select(Enrolment.participant_id, Enrolment.status)
        .where(Enrolment.item_id == item_id)
        .order_by(Enrolment.waitlist_position, Enrolment.id)
    ).all()
    return (
        [pid for pid, status in rows if status == EnrolmentStatus.ENROLLED.value],
        [pid for pid, status in rows if status == EnrolmentStatus.WAITLISTED.value],
    )
