"""A free place taken at a session's door: a guest on the waiting list (or not enrolled
at all) who is at the door while the item has a free place gets it there -- enrolled
and admitted in one transaction. Two desks giving the last place at the same moment give
it once: the item's row is locked (PostgreSQL) or the write transaction excludes the
other (SQLite), and the count is read after that. The waiting list stays numbered 1, 2,
3 ... in its order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NoFreePlace, NotFound, ParticipantNotRegistered, UnknownCode
from ..models import (
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    Participant,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
)
from . import checkin, programme
from .audit import record


def free_places(session: Session, item_id: int) -> int | None:
    """Places not yet given (None: the item has no limit)."""
    capacity = session.scalar(select(ProgrammeItem.capacity).where(ProgrammeItem.id == item_id))
    if capacity is None:
        return None
    return max(0, capacity - programme.enrolled_counts(session, [item_id]).get(item_id, 0))


def take_free_place(
    session: Session, event_id: int, raw: str, *, item_id: int, desk: str, actor: str
) -> checkin.ScanResult:
    """Give the guest whose badge is ``raw`` a free place of ``item_id`` and admit them
    at its door. Raises NoFreePlace when none is left (then nothing changed), TimeClash
    when the guest has another item at that time."""
    code = checkin.normalise(raw)
    pid = session.scalar(
        select(Participant.id).where(
            Participant.event_id == event_id,
            (Participant.badge_secret == code) | (Participant.short_code == code),
        )
    )
    if pid is None:
        raise UnknownCode(code=code)
    item_event = session.scalar(
        select(ProgrammeSlot.event_id)
        .join(ProgrammeItem, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(ProgrammeItem.id == item_id)
    )
    if item_event != event_id:
        raise NotFound(entity="ProgrammeItem", key=item_id)
    programme.lock_rows(session, ProgrammeItem, [item_id])  # one desk at a time per item
    programme.lock_rows(session, Participant, [pid])
    item = session.get(ProgrammeItem, item_id)
    person = session.get(Participant, pid)
    if person.status != ParticipantStatus.REGISTERED.value:
        raise ParticipantNotRegistered(name=f"{person.first_name} {person.last_name}")
    enrolment = session.scalar(
        select(Enrolment).where(Enrolment.item_id == item_id, Enrolment.participant_id == pid)
    )
    if enrolment is None or enrolment.status != EnrolmentStatus.ENROLLED.value:
        free = free_places(session, item_id)
        if free is not None and free <= 0:
            raise NoFreePlace(title=item.title, capacity=item.capacity)
        if enrolment is None:
            programme.enrol(session, item_id, pid, actor=actor, waitlist=False)
        else:
            programme.check_clash(session, person, item.slot)
            enrolment.status = EnrolmentStatus.ENROLLED.value
            enrolment.waitlist_position = None
            enrolment.source = EnrolmentSource.WAITLIST.value
            session.flush()
            _renumber(session, item_id)
            record(
                session,
                actor=actor,
                action="enrolment.promoted",
                entity="participant",
                entity_id=pid,
                event_id=event_id,
                after={"item_id": item_id, "item": item.title, "at_the_door": desk},
            )
    return checkin.scan(
        session, event_id, code, desk=desk, context=checkin.ScanContext(item_id=item_id)
    )


def _renumber(session: Session, item_id: int) -> None:
    waiting = session.scalars(
        select(Enrolment)
        .where(Enrolment.item_id == item_id, Enrolment.status == EnrolmentStatus.WAITLISTED.value)
        .order_by(Enrolment.waitlist_position, Enrolment.id)
    ).all()
    for position, enrolment in enumerate(waiting, 1):
        if enrolment.waitlist_position != position:
            enrolment.waitlist_position = position
    session.flush()
