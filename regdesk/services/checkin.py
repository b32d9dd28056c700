"""Check-in at the door: a scan becomes a verdict, logged, in one transaction.

Two desks scanning the same badge at the same moment admit it exactly once: on SQLite
every write transaction holds the write lock from its start (BEGIN IMMEDIATE); on
PostgreSQL the participant's row is locked before the earlier scans are read. Under
both, partial unique indexes refuse a second admission per person and day (and per
person and session) -- the database guards the rule even against a bug here.

Every scan is logged, unknown codes too. A verdict exists only once its transaction
has committed: the caller shows it after ``session`` has been committed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import NotFound, NothingToUndo, Problem
from ..errors import ValidationError as Invalid
from ..models import (
    Category,
    Direction,
    Enrolment,
    EnrolmentStatus,
    EventDay,
    Participant,
    ParticipantDay,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
    ReplacedBadge,
    Scan,
    Verdict,
    utcnow,
)
from .audit import record
from .programme import lock_rows

# A handheld scanner set to a US layout on a German keyboard swaps Y and Z and turns
# symbols into others; the codes hold neither Y, Z nor symbols (badge_codes.ALPHABET),
# so anything but letters and digits is noise (Enter, Tab, CR, spaces, hyphens, ß ...).
_NOISE = re.compile(r"[^0-9A-Za-z]")  # before upper(): "ß".upper() is "SS"
_SWAP = str.maketrans("YZ", "ZY")

OK = {Verdict.ADMITTED.value, Verdict.RE_ENTRY.value, Verdict.CHECKED_OUT.value}
WARN = {Verdict.ALREADY_USED.value, Verdict.REPLACED.value, Verdict.WRONG_DAY.value}
STOP = {Verdict.UNKNOWN.value, Verdict.CANCELLED.value, Verdict.NOT_ENROLLED.value}


def normalise(raw: str) -> str:
    """What a scanner or a hand typed: upper case, without suffixes, blanks and symbols,
    Y and Z swapped back (a Y or Z can only have come from the swap)."""
    return _NOISE.sub("", raw or "").upper().translate(_SWAP)


def verdict_class(verdict: str) -> str:
    """ "ok" (green), "warn" (amber) or "stop" (red)."""
    return "ok" if verdict in OK else "warn" if verdict in WARN else "stop"


@dataclass(frozen=True)
class ScanContext:
    """Where the desk stands: the entry of a day, or the door of a programme item."""

    day_id: int | None = None
    item_id: int | None = None
    direction: str = Direction.IN.value
    allow_reentry: bool = True  # False: a second scan is "already used", an alarm


@dataclass(frozen=True)
class Person:
    id: int
    title: str
    first_name: str
    last_name: str
    organisation: str
    category: str
    colour: str
    short_code: str
    is_vip: bool
    accessibility: str  # needs to know at the door (only stored with consent)
    reissued: bool  # carries a reissued badge, or scanned the old one

    @property
    def name(self) -> str:
        return " ".join(x for x in (self.title, self.first_name, self.last_name) if x)


@dataclass(frozen=True)
class ScanResult:
    scan_id: int
    verdict: str
    reason: str  # finer than the verdict: first_entry, not_inside ...
    person: Person | None
    day_id: int | None
    item_id: int | None
    desk: str
    at: datetime
    previous_at: datetime | None = None  # the earlier admission (re-entry, already used)
    previous_desk: str = ""

    @property
    def colour(self) -> str:
        return verdict_class(self.verdict)


_PERSON = (
    Participant.id,
    Participant.title,
    Participant.first_name,
    Participant.last_name,
    Participant.organisation,
    Category.badge_label,
    Category.colour,
    Participant.short_code,
    Participant.is_vip,
    Participant.needs_accessibility,
    Participant.status,
)


def _person(row, reissued: bool) -> Person:
    return Person(
        row.id,
        row.title,
        row.first_name,
        row.last_name,
        row.organisation,
        row.badge_label,
        row.colour,
        row.short_code,
        row.is_vip,
        row.needs_accessibility,
        reissued,
    )


def _resolve_context(
    session: Session, event_id: int, context: ScanContext
) -> tuple[int, int | None]:
    """(day id, item id) of the context, checked against the event."""
    if context.item_id is not None:
        row = session.execute(
            select(ProgrammeSlot.day_id, ProgrammeSlot.event_id)
            .join(ProgrammeItem, ProgrammeItem.slot_id == ProgrammeSlot.id)
            .where(ProgrammeItem.id == context.item_id)
        ).first()
        if row is None or row.event_id != event_id:
            raise NotFound(entity="ProgrammeItem", key=context.item_id)
        return row.day_id, context.item_id
    if context.day_id is None:
        raise Invalid([Problem("day_id", "required")])
    day_event = session.scalar(select(EventDay.event_id).where(EventDay.id == context.day_id))
    if day_event != event_id:
        raise Invalid([Problem("day_id", "unknown_day")])
    return context.day_id, None


def scan(
    session: Session,
    event_id: int,
    raw: str,
    *,
    desk: str,
    context: ScanContext,
) -> ScanResult:
    day_id, item_id = _resolve_context(session, event_id, context)
    code = normalise(raw)
    now = utcnow()
    person: Person | None = None
    previous: tuple[datetime, str] | None = None
    row = None
    if code:
        row = session.execute(
            select(*_PERSON)
            .join(Category, Participant.category_id == Category.id)
            .where(
                Participant.event_id == event_id,
                or_(Participant.badge_secret == code, Participant.short_code == code),
            )
            .limit(1)
        ).first()
    if row is None:
        old = (
            session.execute(
                select(*_PERSON)
                .join(Category, Participant.category_id == Category.id)
                .join(ReplacedBadge, ReplacedBadge.participant_id == Participant.id)
                .where(
                    Participant.event_id == event_id,
                    or_(ReplacedBadge.secret == code, ReplacedBadge.short_code == code),
                )
                .limit(1)
            ).first()
            if code
            else None
        )
        if old is None:
            verdict, reason = Verdict.UNKNOWN.value, "unknown_code"
        else:
            person = _person(old, reissued=True)
            verdict, reason = Verdict.REPLACED.value, "replaced"
    else:
        reissued = bool(
            session.scalar(
                select(func.count())
                .select_from(ReplacedBadge)
                .where(ReplacedBadge.participant_id == row.id)
            )
        )
        person = _person(row, reissued)
        verdict, reason, previous = _decide(session, row, day_id, item_id, context)
    scan_id = _log(
        session, event_id, raw, code, verdict, person, day_id, item_id, desk, context, now
    )
    if scan_id is None:  # the database refused a second admission: another desk was first
        verdict, reason, previous = _decide(session, row, day_id, item_id, context)
        scan_id = _log(
            session, event_id, raw, code, verdict, person, day_id, item_id, desk, context, now
        )
    return ScanResult(
        scan_id,
        verdict,
        reason,
        person,
        day_id,
        item_id,
        desk,
        now,
        previous[0] if previous else None,
        previous[1] if previous else "",
    )


def _decide(session: Session, row, day_id: int, item_id: int | None, context: ScanContext):
    """(verdict, reason, earlier admission) for a known, active or cancelled participant."""
    if row.status != ParticipantStatus.REGISTERED.value:
        return Verdict.CANCELLED.value, "cancelled", None
    lock_rows(session, Participant, [row.id])  # PostgreSQL: one desk at a time per person
    days = set(
        session.scalars(
            select(ParticipantDay.day_id).where(ParticipantDay.participant_id == row.id)
        )
    )
    if days and day_id not in days:
        return Verdict.WRONG_DAY.value, "not_registered_this_day", None
    if item_id is not None:
        enrolled = session.scalar(
            select(Enrolment.status).where(
                Enrolment.item_id == item_id, Enrolment.participant_id == row.id
            )
        )
        if enrolled != EnrolmentStatus.ENROLLED.value:
            reason = "waitlisted" if enrolled else "not_enrolled"
            return Verdict.NOT_ENROLLED.value, reason, None
    place = Scan.item_id == item_id if item_id is not None else Scan.item_id.is_(None)
    admission = session.execute(
        select(Scan.at, Scan.desk)
        .where(
            Scan.participant_id == row.id,
            Scan.day_id == day_id,
            place,
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
        )
        .limit(1)
    ).first()
    if context.direction == Direction.OUT.value:
        inside = _inside(session, row.id, day_id, item_id)
        return Verdict.CHECKED_OUT.value, "checked_out" if inside else "not_inside", None
    if admission is None:
        return Verdict.ADMITTED.value, "first_entry", None
    previous = (admission.at, admission.desk)
    if context.allow_reentry:
        return Verdict.RE_ENTRY.value, "re_entry", previous
    return Verdict.ALREADY_USED.value, "already_used", previous


def _inside(session: Session, participant_id: int, day_id: int, item_id: int | None) -> bool:
    place = Scan.item_id == item_id if item_id is not None else Scan.item_id.is_(None)
    last = session.scalar(
        select(Scan.direction)
        .where(
            Scan.participant_id == participant_id,
            Scan.day_id == day_id,
            place,
            Scan.verdict.in_(tuple(OK)),
            Scan.undone_at.is_(None),
        )
        .order_by(Scan.id.desc())
        .limit(1)
    )
    return last == Direction.IN.value


def _log(session, event_id, raw, code, verdict, person, day_id, item_id, desk, context, now):
    """Insert the scan; None when the unique index refused a second admission."""
    values = {
        "event_id": event_id,
        "at": now,
        "desk": desk[:60],
        "raw": (raw or "")[:200] or code[:200],
        "verdict": verdict,
        "direction": context.direction,
        "participant_id": person.id if person else None,
        "day_id": day_id,
        "item_id": item_id,
    }
    if verdict != Verdict.ADMITTED.value:
        return session.execute(insert(Scan).returning(Scan.id), values).scalar_one()
    try:
        with session.begin_nested():
            return session.execute(insert(Scan).returning(Scan.id), values).scalar_one()
    except IntegrityError:
        return None


# --- undo, counts ---------------------------------------------------------------------------


def undo_last(session: Session, event_id: int, desk: str, *, actor: str) -> ScanResult:
    """Take back this desk's last admission (a mistaken one); audited."""
    last = session.execute(
        select(Scan)
        .where(
            Scan.event_id == event_id,
            Scan.desk == desk,
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
        )
        .order_by(Scan.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if last is None:
        raise NothingToUndo(desk=desk)
    now = utcnow()
    session.execute(
        update(Scan).where(Scan.id == last.id).values(undone_at=now, undone_by=actor[:100])
    )
    record(
        session,
        actor=actor,
        action="checkin.undo",
        entity="participant",
        entity_id=last.participant_id,
        event_id=event_id,
        before={"scan": last.id, "verdict": last.verdict, "desk": desk},
    )
    row = session.execute(
        select(*_PERSON)
        .join(Category, Participant.category_id == Category.id)
        .where(Participant.id == last.participant_id)
    ).first()
    return ScanResult(
        last.id, last.verdict, "undone", _person(row, False) if row else None,
        last.day_id, last.item_id, desk, now,
    )  # fmt: skip


@dataclass(frozen=True)
class ScanLine:
    id: int
    at: datetime
    desk: str
    verdict: str
    name: str  # "" for unknown codes
    raw: str
    undone: bool


def recent_scans(session: Session, event_id: int, desk: str | None = None, limit: int = 30):
    """The latest scans, newest first (of one desk, or of all)."""
    query = (
        select(Scan, Participant.first_name, Participant.last_name)
        .outerjoin(Participant, Scan.participant_id == Participant.id)
        .where(Scan.event_id == event_id)
        .order_by(Scan.id.desc())
        .limit(limit)
    )
    if desk is not None:
        query = query.where(Scan.desk == desk)
    return [
        ScanLine(
            s.id, s.at, s.desk, s.verdict, f"{first} {last}" if first else "", s.raw,
            s.undone_at is not None,
        )
        for s, first, last in session.execute(query)
    ]  # fmt: skip


@dataclass(frozen=True)
class DayCounts:
    admitted: int  # people admitted this day (undone ones aside)
    inside: int  # of them, not checked out since
    expected: int  # registered for this day
    by_category: tuple[tuple[str, int, int], ...]  # (category, admitted, expected)


def day_counts(session: Session, event_id: int, day_id: int) -> DayCounts:
    expected_rows = session.execute(
        select(Category.name, func.count(Participant.id))
        .join(Participant, Participant.category_id == Category.id)
        .where(
            Participant.event_id == event_id,
            Participant.status == ParticipantStatus.REGISTERED.value,
            or_(
                ~select(ParticipantDay.id)
                .where(ParticipantDay.participant_id == Participant.id)
                .exists(),
                select(ParticipantDay.id)
                .where(
                    ParticipantDay.participant_id == Participant.id, ParticipantDay.day_id == day_id
                )
                .exists(),
            ),
        )
        .group_by(Category.name, Category.sort_order)
        .order_by(Category.sort_order)
    ).all()
    admitted_rows = dict(
        session.execute(
            select(Category.name, func.count(func.distinct(Scan.participant_id)))
            .join(Participant, Scan.participant_id == Participant.id)
            .join(Category, Participant.category_id == Category.id)
            .where(
                Scan.event_id == event_id,
                Scan.day_id == day_id,
                Scan.item_id.is_(None),
                Scan.verdict == Verdict.ADMITTED.value,
                Scan.undone_at.is_(None),
            )
            .group_by(Category.name)
        ).all()
    )
    last = (
        select(func.max(Scan.id).label("last"))
        .where(
            Scan.event_id == event_id,
            Scan.day_id == day_id,
            Scan.item_id.is_(None),
            Scan.verdict.in_(tuple(OK)),
            Scan.undone_at.is_(None),
        )
        .group_by(Scan.participant_id)
        .subquery()
    )
    inside = session.scalar(
        select(func.count())
        .select_from(Scan)
        .join(last, last.c.last == Scan.id)
        .where(Scan.direction == Direction.IN.value)
    )
    by_category = tuple((name, admitted_rows.get(name, 0), n) for name, n in expected_rows)
    return DayCounts(
        sum(admitted_rows.values()), inside or 0, sum(n for _, _, n in by_category), by_category
    )


def day_of(session: Session, event_id: int, today: date) -> int | None:
    """The event day that is ``today``, if any."""
    return session.scalar(
        select(EventDay.id).where(EventDay.event_id == event_id, EventDay.date == today)
    )


def set_days(session: Session, participant_id: int, day_ids: list[int], *, actor: str) -> None:
    """Register a participant for some days only (an empty list: every day)."""
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound(entity="Participant", key=participant_id)
    valid = set(
        session.scalars(select(EventDay.id).where(EventDay.event_id == participant.event_id))
    )
    wrong = [d for d in day_ids if d not in valid]
    if wrong:
        raise Invalid([Problem("days", "unknown_day")])
    session.execute(
        ParticipantDay.__table__.delete().where(ParticipantDay.participant_id == participant_id)
    )
    if day_ids:
        session.execute(
            insert(ParticipantDay),
            [{"participant_id": participant_id, "day_id": d} for d in sorted(set(day_ids))],
        )
    record(
        session,
        actor=actor,
        action="participant.days",
        entity="participant",
        entity_id=participant_id,
        event_id=participant.event_id,
        after={"day_ids": sorted(set(day_ids))},
    )
