"""Scans that a desk decided offline, recorded on the server once the network is back.

A desk that lost the server decides from its replica and keeps each scan in a durable
outbox with its nonce and original time. On reconnect it uploads them in order:
``record_uploaded`` records each nonce once however often it arrives (a unique
constraint; a resend is answered "duplicate"), keeps the desk's verdict as it was shown
at the door, and marks an admission that collides with one made elsewhere meanwhile --
a badge admitted at two desks while they were apart. Both scans are kept; the later of
the two (by scan time) is the conflict. ``conflicts`` lists them for the organiser.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from ..errors import NotFound
from ..models import EventDay, Participant, ProgrammeItem, ProgrammeSlot, Scan, Verdict, utcnow
from .checkin import as_scanned, record_override
from .programme import lock_rows


class Outcome(enum.StrEnum):
    RECORDED = "recorded"
    DUPLICATE = "duplicate"  # this nonce was recorded before (a resend)
    CONFLICT = "conflict"  # recorded; an admission of the same badge collides with it


@dataclass(frozen=True)
class UploadedScan:
    """A scan as the desk decided and showed it."""

    nonce: str
    at: datetime  # when it was scanned at the door
    desk: str
    raw: str
    verdict: str
    direction: str
    participant_id: int | None
    day_id: int | None
    item_id: int | None
    override_reason: str = ""  # admitted anyway at the desk, and why
    offline: bool = True  # False: decided at a SQLite desk's journal (regdesk.desks.journal)


def record_uploaded(session: Session, event_id: int, upload: UploadedScan) -> Outcome:
    conn = session.connection()
    if conn.execute(select(Scan.id).where(Scan.nonce == upload.nonce)).first() is not None:
        return Outcome.DUPLICATE
    _check_refs(session, event_id, upload)
    if upload.participant_id is not None:
        lock_rows(session, Participant, [upload.participant_id])
    values = {
        "event_id": event_id,
        "at": upload.at,
        "desk": upload.desk[:60],
        "raw": as_scanned(upload.raw),
        "verdict": upload.verdict,
        "direction": upload.direction,
        "participant_id": upload.participant_id,
        "day_id": upload.day_id,
        "item_id": upload.item_id,
        "undone_by": "",
        "nonce": upload.nonce,
        "offline": upload.offline,
        "received_at": utcnow(),
        "override_reason": upload.override_reason[:300],
    }
    earlier = _admission(session, upload) if upload.verdict == Verdict.ADMITTED.value else None
    if earlier is not None:
        values["conflict_of"] = earlier.id  # outside the admission index for now
    insert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(Scan)
    new_id = conn.execute(
        insert.values(values).on_conflict_do_nothing(index_elements=["nonce"]).returning(Scan.id)
    ).scalar()
    if new_id is None:  # another upload of the same nonce won the race
        return Outcome.DUPLICATE
    if upload.override_reason:
        record_override(session, event_id, values, new_id)
    if earlier is None:
        return Outcome.RECORDED
    if earlier.at > upload.at:  # the uploaded admission came first: it is the one that stands
        conn.execute(  # the earlier one and its conflicts now point to it
            update(Scan)
            .where(or_(Scan.id == earlier.id, Scan.conflict_of == earlier.id))
            .values(conflict_of=new_id)
        )
        conn.execute(update(Scan).where(Scan.id == new_id).values(conflict_of=None))
    return Outcome.CONFLICT


def _check_refs(session: Session, event_id: int, upload: UploadedScan) -> None:
    """The person, day and item the desk saw must still be this event's."""
    checks = (
        ("Participant", upload.participant_id, select(Participant.event_id).where(
            Participant.id == upload.participant_id)),
        ("EventDay", upload.day_id, select(EventDay.event_id).where(
            EventDay.id == upload.day_id)),
        ("ProgrammeItem", upload.item_id, select(ProgrammeSlot.event_id).join(
            ProgrammeItem, ProgrammeItem.slot_id == ProgrammeSlot.id).where(
            ProgrammeItem.id == upload.item_id)),
    )  # fmt: skip
    for entity, key, query in checks:
        if key is not None and session.scalar(query) != event_id:
            raise NotFound(entity=entity, key=key)


def _admission(session: Session, upload: UploadedScan):
    place = Scan.item_id.is_(None) if upload.item_id is None else Scan.item_id == upload.item_id
    return session.execute(
        select(Scan.id, Scan.at)
        .where(
            Scan.participant_id == upload.participant_id,
            Scan.day_id == upload.day_id,
            place,
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
            Scan.conflict_of.is_(None),
        )
        .limit(1)
    ).first()


@dataclass(frozen=True)
class Conflict:
    """One badge admitted twice while the desks were apart."""

    participant_id: int | None
    name: str
    short_code: str
    first_at: datetime
    first_desk: str
    first_offline: bool
    second_at: datetime
    second_desk: str
    second_offline: bool
    day_id: int | None
    item_id: int | None


def conflicts(session: Session, event_id: int) -> list[Conflict]:
    """Every admission kept as a conflict, with the admission it collides with; newest
    first."""
    first = aliased(Scan)
    rows = session.execute(
        select(Scan, first, Participant.first_name, Participant.last_name, Participant.short_code)
        .join(first, first.id == Scan.conflict_of)
        .outerjoin(Participant, Participant.id == Scan.participant_id)
        .where(Scan.event_id == event_id, Scan.conflict_of.is_not(None))
        .order_by(Scan.at.desc())
    ).all()
    return [
        Conflict(
            second.participant_id, f"{first_name or ''} {last_name or ''}".strip(),
            short_code or "", one.at, one.desk, one.offline, second.at, second.desk,
            second.offline, second.day_id, second.item_id,
        )
        for second, one, first_name, last_name, short_code in rows
    ]  # fmt: skip
