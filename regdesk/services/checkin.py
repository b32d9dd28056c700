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
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.engine import Connection
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
    GroupMember,
    Participant,
    ParticipantDay,
    ParticipantGroup,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
    ReplacedBadge,
    Scan,
    Verdict,
    utcnow,
)
from .audit import record

# A handheld scanner set to a US layout on a German keyboard swaps Y and Z and turns
# symbols into others; the codes hold neither Y, Z nor symbols (badge_codes.ALPHABET),
# so anything but letters and digits is noise (Enter, Tab, CR, spaces, hyphens, ß ...).
_NOISE = re.compile(r"[^0-9A-Za-z]")  # before upper(): "ß".upper() is "SS"
_SWAP = str.maketrans("YZ", "ZY")

OK = {Verdict.ADMITTED.value, Verdict.RE_ENTRY.value, Verdict.CHECKED_OUT.value}
WARN = {Verdict.ALREADY_USED.value, Verdict.REPLACED.value, Verdict.WRONG_DAY.value}
STOP = {Verdict.UNKNOWN.value, Verdict.CANCELLED.value, Verdict.NOT_ENROLLED.value}
# what a reason may overrule; a cancelled registration, a replaced or unknown badge not
OVERRIDABLE = {Verdict.WRONG_DAY.value, Verdict.NOT_ENROLLED.value, Verdict.ALREADY_USED.value}
MAX_OVERRIDE_REASON = 300


def normalise(raw: str) -> str:
    """What a scanner or a hand typed: upper case, without suffixes, blanks and symbols,
    Y and Z swapped back (a Y or Z can only have come from the swap)."""
    return _NOISE.sub("", raw or "").upper().translate(_SWAP)


def as_scanned(raw: str | None) -> str:
    """What was scanned, for the log: without the Enter/Tab the scanner ends it with,
    every other control character (a NUL from a misread, garbage bytes) written as
    ``\\x00``, at most 200 characters. PostgreSQL stores no NUL; a log shows no ESC."""
    text = (raw or "").strip()
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
    return text[:200]


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
    # "Admit anyway": a reason given by door staff lets in a guest the rules would turn
    # away for the wrong day, not enrolled, waiting list or already used (see OVERRIDABLE)
    override_reason: str = ""


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
class GroupTag:
    """The group a scanned guest comes with: its lead may admit the whole group."""

    id: int
    name: str
    is_lead: bool
    registered: int  # members whose registration stands, the guest included


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
    nonce: str = ""  # the desk's unique mark for this scan
    offline: bool = False  # decided by a desk from its replica while the server was away
    booked_days: tuple[date, ...] = ()  # wrong day: the days the guest is registered for
    override_reason: str = ""  # admitted anyway, and why
    places_free: int | None = None  # not enrolled at a session door: places still free
    group: GroupTag | None = None  # the group the guest comes with

    @property
    def can_take_place(self) -> bool:
        """A guest not enrolled (or waiting) at a door with a free place may take it."""
        return self.verdict == Verdict.NOT_ENROLLED.value and bool(self.places_free)

    @property
    def overridable(self) -> bool:
        """Whether door staff may admit this guest anyway (with a reason)."""
        return self.person is not None and self.verdict in OVERRIDABLE

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

# The statements of the hot path, built once: at the door every millisecond is the
# guest's. Executed on the session's connection (Core), not through the ORM.
_HAS_DAYS = (
    select(ParticipantDay.id).where(ParticipantDay.participant_id == Participant.id).exists()
)
_ON_DAY = (
    select(ParticipantDay.id)
    .where(
        ParticipantDay.participant_id == Participant.id,
        ParticipantDay.day_id == bindparam("day_id"),
    )
    .exists()
)
_REISSUED = select(ReplacedBadge.id).where(ReplacedBadge.participant_id == Participant.id).exists()
_FIND = (
    select(*_PERSON, _REISSUED.label("reissued"), _HAS_DAYS.label("has_days"),
           _ON_DAY.label("on_day"), GroupMember.group_id, GroupMember.is_lead)
    .join(Category, Participant.category_id == Category.id)
    .outerjoin(GroupMember, GroupMember.participant_id == Participant.id)
    .where(
        Participant.event_id == bindparam("event_id"),
        or_(
            Participant.badge_secret == bindparam("code"),
            Participant.short_code == bindparam("code"),
        ),
    )
    .limit(1)
)  # fmt: skip
# At a day's entry (the common case) one round trip does it: the person, whether the
# day belongs to the event, and an earlier admission that day (read in the same write
# transaction; on PostgreSQL it is read again after the row lock).
_ADMITTED_BEFORE = (
    select(Scan.id)
    .where(
        Scan.participant_id == Participant.id,
        Scan.day_id == bindparam("day_id"),
        Scan.item_id.is_(None),
        Scan.verdict == Verdict.ADMITTED.value,
        Scan.undone_at.is_(None),
    )
    .limit(1)
    .scalar_subquery()
)
_FIND_AT_ENTRY = _FIND.add_columns(
    select(EventDay.event_id)
    .where(EventDay.id == bindparam("day_id"))
    .scalar_subquery()
    .label("day_event"),
    _ADMITTED_BEFORE.label("admission_id"),
)
_LOCK_PERSON = (
    select(Participant.status, Participant.badge_secret, Participant.short_code)
    .where(Participant.id == bindparam("pid"))
    .with_for_update()
)
_ADMISSION_BY_ID = select(Scan.at, Scan.desk).where(Scan.id == bindparam("scan_id"))
_GROUP = select(
    ParticipantGroup.name,
    select(func.count())
    .select_from(GroupMember)
    .join(Participant, GroupMember.participant_id == Participant.id)
    .where(
        GroupMember.group_id == ParticipantGroup.id,
        Participant.status == ParticipantStatus.REGISTERED.value,
    )
    .scalar_subquery(),
).where(ParticipantGroup.id == bindparam("group_id"))
_FIND_REPLACED = (
    select(*_PERSON)
    .join(Category, Participant.category_id == Category.id)
    .join(ReplacedBadge, ReplacedBadge.participant_id == Participant.id)
    .where(
        Participant.event_id == bindparam("event_id"),
        or_(
            ReplacedBadge.secret == bindparam("code"), ReplacedBadge.short_code == bindparam("code")
        ),
    )
    .limit(1)
)
_DAY_EVENT = select(EventDay.event_id).where(EventDay.id == bindparam("day_id"))
_ITEM_DAY = (
    select(ProgrammeSlot.day_id, ProgrammeSlot.event_id)
    .join(ProgrammeItem, ProgrammeItem.slot_id == ProgrammeSlot.id)
    .where(ProgrammeItem.id == bindparam("item_id"))
)
_BOOKED_DAYS = (
    select(EventDay.date)
    .join(ParticipantDay, ParticipantDay.day_id == EventDay.id)
    .where(ParticipantDay.participant_id == bindparam("pid"))
    .order_by(EventDay.date)
)
_ITEM_OPEN = select(ProgrammeItem.capacity.is_(None)).where(  # no limit: an open item
    ProgrammeItem.id == bindparam("item_id")
)
_PLACES_FREE = select(
    ProgrammeItem.capacity
    - select(func.count())
    .where(
        Enrolment.item_id == ProgrammeItem.id, Enrolment.status == EnrolmentStatus.ENROLLED.value
    )
    .scalar_subquery()
).where(ProgrammeItem.id == bindparam("item_id"))
_ENROLMENT = select(Enrolment.status).where(
    Enrolment.item_id == bindparam("item_id"), Enrolment.participant_id == bindparam("pid")
)
_VALID = (
    Scan.participant_id == bindparam("pid"),
    Scan.day_id == bindparam("day_id"),
    Scan.undone_at.is_(None),
)
_AT_ENTRY = Scan.item_id.is_(None)
_AT_DOOR = Scan.item_id == bindparam("item_id")
_ADMISSION = {
    door: select(Scan.at, Scan.desk)
    .where(*_VALID, place, Scan.verdict == Verdict.ADMITTED.value)
    .limit(1)
    for door, place in ((False, _AT_ENTRY), (True, _AT_DOOR))
}
_LAST_DIRECTION = {
    door: select(Scan.direction)
    .where(*_VALID, place, Scan.verdict.in_(tuple(OK)))
    .order_by(Scan.id.desc())
    .limit(1)
    for door, place in ((False, _AT_ENTRY), (True, _AT_DOOR))
}
_INSERT = Scan.__table__.insert().returning(Scan.__table__.c.id)


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


def _resolve_context(conn, event_id: int, context: ScanContext) -> tuple[int, int | None]:
    """(day id, item id) of the context, checked against the event."""
    if context.item_id is not None:
        row = conn.execute(_ITEM_DAY, {"item_id": context.item_id}).first()
        if row is None or row.event_id != event_id:
            raise NotFound(entity="ProgrammeItem", key=context.item_id)
        return row.day_id, context.item_id
    if context.day_id is None:
        raise Invalid([Problem("day_id", "required")])
    if conn.execute(_DAY_EVENT, {"day_id": context.day_id}).scalar() != event_id:
        raise Invalid([Problem("day_id", "unknown_day")])
    return context.day_id, None


def new_nonce() -> str:
    """A scan's unique mark (128 random bits), made before the scan is decided."""
    return secrets.token_hex(16)


def scan(
    session: Session,
    event_id: int,
    raw: str,
    *,
    desk: str,
    context: ScanContext,
    nonce: str | None = None,
    offline: bool = False,
    log: Callable[[Connection, dict], int] | None = None,
) -> ScanResult:
    """Decide a scan and log it. ``nonce``: the desk's mark for it (made here if not
    given); ``offline``: decided on a desk's replica, to be uploaded later; ``log``:
    where the scan is logged instead of the scan table (a SQLite desk's journal, see
    regdesk.desks.journal -- an override is audited when the journal is written in)."""
    conn = session.connection()
    code = normalise(raw)
    now = utcnow()
    nonce = nonce or new_nonce()
    person: Person | None = None
    previous: tuple[datetime, str] | None = None
    row = None
    at_entry = context.item_id is None and context.day_id is not None and bool(code)
    if at_entry:  # the usual case, in one round trip
        found = {"event_id": event_id, "code": code, "day_id": context.day_id}
        row = conn.execute(_FIND_AT_ENTRY, found).first()
        if row is not None and row.day_event != event_id:
            raise Invalid([Problem("day_id", "unknown_day")])
    if row is None:
        day_id, item_id = _resolve_context(conn, event_id, context)
        found = {"event_id": event_id, "code": code, "day_id": day_id}
        if code and not at_entry:
            row = conn.execute(_FIND, found).first()
    else:
        day_id, item_id = context.day_id, None
    if row is None:
        old = conn.execute(_FIND_REPLACED, found).first() if code else None
        if old is None:
            verdict, reason = Verdict.UNKNOWN.value, "unknown_code"
        else:
            person = _person(old, reissued=True)
            verdict, reason = Verdict.REPLACED.value, "replaced"
    else:
        person = _person(row, bool(row.reissued))
        verdict, reason, previous = _decide(session, conn, row, code, day_id, item_id, context)
    values = {
        "event_id": event_id,
        "at": now,
        "desk": desk[:60],
        "raw": as_scanned(raw) or code[:200],
        "verdict": verdict,
        "direction": context.direction,
        "participant_id": person.id if person else None,
        "day_id": day_id,
        "item_id": item_id,
        "undone_by": "",
        "nonce": nonce,
        "offline": offline,
        "override_reason": _override(reason, context),
    }
    scan_id = _log(session, conn, values) if log is None else log(conn, values)
    if scan_id is None:  # the database refused a second admission: another desk was first
        verdict, reason, previous = _decide(session, conn, row, code, day_id, item_id, context)
        values = {**values, "verdict": verdict, "override_reason": _override(reason, context)}
        scan_id = _log(session, conn, values)
    booked: tuple[date, ...] = ()
    if verdict == Verdict.WRONG_DAY.value:  # the door names the days the guest booked
        booked = tuple(conn.execute(_BOOKED_DAYS, {"pid": person.id}).scalars())
    free = None
    if verdict == Verdict.NOT_ENROLLED.value:  # is there a place the guest could take?
        free = conn.execute(_PLACES_FREE, {"item_id": item_id}).scalar()
    if values["override_reason"] and log is None:
        record_override(session, event_id, values, scan_id)
    group = None
    if row is not None and row.group_id is not None:
        name, registered = conn.execute(_GROUP, {"group_id": row.group_id}).one()
        group = GroupTag(row.group_id, name, bool(row.is_lead), registered)
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
        nonce,
        offline,
        booked,
        values["override_reason"],
        free,
        group,
    )


@dataclass(frozen=True)
class MemberAtDoor:
    """A group member as the door sees them before admitting the group."""

    participant_id: int
    name: str
    organisation: str
    is_lead: bool
    registered: bool  # False: the registration is cancelled
    admitted_at: datetime | None  # already admitted here (the day's entry, or this door)


def group_at_door(
    session: Session, event_id: int, group_id: int, context: ScanContext
) -> list[MemberAtDoor]:
    """The group's members (the lead first) and whether each is already in here."""
    conn = session.connection()
    day_id, item_id = _resolve_context(conn, event_id, context)
    people = session.execute(
        select(Participant, GroupMember.is_lead)
        .join(GroupMember, GroupMember.participant_id == Participant.id)
        .join(ParticipantGroup, ParticipantGroup.id == GroupMember.group_id)
        .where(GroupMember.group_id == group_id, ParticipantGroup.event_id == event_id)
        .order_by(GroupMember.is_lead.desc(), Participant.name_key, Participant.id)
    ).all()
    place = Scan.item_id == item_id if item_id is not None else Scan.item_id.is_(None)
    admitted = dict(
        session.execute(
            select(Scan.participant_id, func.min(Scan.at))
            .where(
                Scan.participant_id.in_([p.id for p, _ in people]),
                Scan.day_id == day_id,
                place,
                Scan.verdict == Verdict.ADMITTED.value,
                Scan.undone_at.is_(None),
            )
            .group_by(Scan.participant_id)
        ).all()
    )
    return [
        MemberAtDoor(
            p.id,
            " ".join(x for x in (p.title, p.first_name, p.last_name) if x),
            p.organisation,
            bool(lead),
            p.status == ParticipantStatus.REGISTERED.value,
            admitted.get(p.id),
        )
        for p, lead in people
    ]


def admit_people(
    session: Session,
    event_id: int,
    participant_ids: list[int],
    *,
    desk: str,
    context: ScanContext,
    group_id: int | None = None,
    offline: bool = False,
    nonces: dict[int, str] | None = None,
) -> list[ScanResult]:
    """Several guests at once (a group from its lead's badge, a selection in the search):
    each one scanned by their badge code and logged with their own verdict, all in the
    caller's one transaction. Taken in the order of their ids, so two desks admitting
    overlapping groups lock the same rows in the same order and cannot deadlock.
    ``nonces``: the desk's mark per person (see ``scan``)."""
    wanted = set(participant_ids)
    rows = session.execute(
        select(Participant.id, Participant.short_code)
        .where(Participant.event_id == event_id, Participant.id.in_(wanted))
        .order_by(Participant.id)
    ).all()
    missing = wanted - {r.id for r in rows}
    if missing:
        raise NotFound(entity="Participant", key=min(missing))
    results = [
        scan(
            session, event_id, code, desk=desk, context=context, offline=offline,
            nonce=(nonces or {}).get(pid),
        )
        for pid, code in rows
    ]  # fmt: skip
    record(
        session,
        actor=f"desk:{desk[:60]}",
        action="checkin.group" if group_id is not None else "checkin.selection",
        entity="participant_group" if group_id is not None else "event",
        entity_id=group_id if group_id is not None else event_id,
        event_id=event_id,
        after={
            "scan": [r.scan_id for r in results],
            "admitted": sum(r.verdict == Verdict.ADMITTED.value for r in results),
        },
    )
    return results


def _override(reason: str, context: ScanContext) -> str:
    return context.override_reason.strip()[:MAX_OVERRIDE_REASON] if reason == "override" else ""


def record_override(session: Session, event_id: int, values: dict, scan_id: int) -> None:
    """Every "admit anyway" is audited: who, at which desk, why (also for an upload)."""
    record(
        session,
        actor=f"desk:{values['desk']}",
        action="checkin.override",
        entity="participant",
        entity_id=values["participant_id"],
        event_id=event_id,
        after={
            "scan": scan_id,
            "verdict": values["verdict"],
            "reason": values["override_reason"],
            "day_id": values["day_id"],
            "item_id": values["item_id"],
        },
    )


def _decide(session, conn, row, code: str, day_id: int, item_id: int | None, context: ScanContext):
    """(verdict, reason, earlier admission) for a known, active or cancelled participant.
    With ``context.override_reason`` a refusal in OVERRIDABLE becomes an admission whose
    reason is "override"."""
    if row.status != ParticipantStatus.REGISTERED.value:
        return Verdict.CANCELLED.value, "cancelled", None
    if conn.dialect.name == "postgresql":
        # one desk at a time per person; the row as it is once the lock is ours: the office
        # may have cancelled the registration or reissued the badge while this scan waited
        # (on SQLite the write transaction began before the person was read)
        now = conn.execute(_LOCK_PERSON, {"pid": row.id}).one()
        if now.status != ParticipantStatus.REGISTERED.value:
            return Verdict.CANCELLED.value, "cancelled", None
        if code not in (now.badge_secret, now.short_code):
            return Verdict.REPLACED.value, "replaced", None
    override = bool(context.override_reason.strip())
    overruled = False
    params = {"pid": row.id, "day_id": day_id, "item_id": item_id}
    door = item_id is not None

    def let_in_before() -> bool:  # admitted here anyway earlier: now it is a re-entry
        return conn.execute(_ADMISSION[door], params).first() is not None

    if row.has_days and not row.on_day and not let_in_before():
        if not override:
            return Verdict.WRONG_DAY.value, "not_registered_this_day", None
        overruled = True
    if door:
        enrolled = conn.execute(_ENROLMENT, params).scalar()
        if enrolled != EnrolmentStatus.ENROLLED.value:
            if conn.execute(_ITEM_OPEN, params).scalar():
                pass  # an open item (no limit): every registered guest comes in, counted
            elif let_in_before():
                pass
            elif override:
                overruled = True
            else:
                reason = "waitlisted" if enrolled else "not_enrolled"
                return Verdict.NOT_ENROLLED.value, reason, None
    if context.direction == Direction.OUT.value:
        inside = conn.execute(_LAST_DIRECTION[door], params).scalar() == Direction.IN.value
        return Verdict.CHECKED_OUT.value, "checked_out" if inside else "not_inside", None
    known = getattr(row, "admission_id", False)  # read with the person (entry only)
    if known is not False and conn.dialect.name == "sqlite":
        admission = conn.execute(_ADMISSION_BY_ID, {"scan_id": known}).first() if known else None
    else:
        admission = conn.execute(_ADMISSION[door], params).first()
    if admission is None:
        return Verdict.ADMITTED.value, "override" if overruled else "first_entry", None
    previous = (admission.at, admission.desk)
    if context.allow_reentry:
        return Verdict.RE_ENTRY.value, "override" if overruled else "re_entry", previous
    if override:
        return Verdict.RE_ENTRY.value, "override", previous
    return Verdict.ALREADY_USED.value, "already_used", previous


def _log(session: Session, conn, values: dict) -> int | None:
    """Insert the scan; None when the unique index refused a second admission. On
    SQLite the write transaction excludes every other writer, so an admission cannot
    collide there; elsewhere a savepoint keeps the transaction alive if it does."""
    if values["verdict"] != Verdict.ADMITTED.value or conn.dialect.name == "sqlite":
        return conn.execute(_INSERT, values).scalar_one()
    try:
        with session.begin_nested():
            return conn.execute(_INSERT, values).scalar_one()
    except IntegrityError:
        return None


# --- undo, counts ---------------------------------------------------------------------------


def _last_admission(event_id: int, desk: str, since: datetime | None):
    query = (
        select(Scan)
        .where(
            Scan.event_id == event_id,
            Scan.desk == desk,
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
        )
        .order_by(Scan.at.desc(), Scan.id.desc())  # ix_scan_desk_at
        .limit(1)
    )
    return query.where(Scan.at >= since) if since is not None else query


@dataclass(frozen=True)
class Undoable:
    """The admission "undo" would take back: whose, and when."""

    scan_id: int
    name: str
    at: datetime


def undoable(
    session: Session, event_id: int, desk: str, since: datetime | None = None
) -> Undoable | None:
    """This desk's last admission (since ``since``: the desk's running session)."""
    last = session.execute(_last_admission(event_id, desk, since)).scalar_one_or_none()
    if last is None:
        return None
    first, last_name = session.execute(
        select(Participant.first_name, Participant.last_name).where(
            Participant.id == last.participant_id
        )
    ).one()
    return Undoable(last.id, f"{first} {last_name}", last.at)


def undo_last(
    session: Session,
    event_id: int,
    desk: str,
    *,
    actor: str,
    since: datetime | None = None,
    scan_id: int | None = None,
) -> ScanResult:
    """Take back this desk's last admission (a mistaken one); audited. ``since``: only
    one of the desk's running session; ``scan_id``: only if that is still the one (what
    the desk showed as "undo" may have been overtaken by a newer admission)."""
    last = session.execute(_last_admission(event_id, desk, since)).scalar_one_or_none()
    if last is None or (scan_id is not None and last.id != scan_id):
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
    override_reason: str = ""  # admitted anyway, and why


def recent_scans(session: Session, event_id: int, desk: str | None = None, limit: int = 30):
    """The latest scans, newest first (of one desk, or of all)."""
    query = (
        select(Scan, Participant.first_name, Participant.last_name)
        .outerjoin(Participant, Scan.participant_id == Participant.id)
        .where(Scan.event_id == event_id)
        .order_by(Scan.at.desc(), Scan.id.desc())  # a desk's: ix_scan_desk_at, newest first
        .limit(limit)
    )
    if desk is not None:
        query = query.where(Scan.desk == desk)
    return [
        ScanLine(
            s.id, s.at, s.desk, s.verdict, f"{first} {last}" if first else "", s.raw,
            s.undone_at is not None, s.override_reason,
        )
        for s, first, last in session.execute(query)
    ]  # fmt: skip


def desks_seen(session: Session, event_id: int, since: datetime) -> list[tuple[str, datetime]]:
    """The desks that scanned since ``since``, with their last scan, latest first."""
    rows = session.execute(
        select(Scan.desk, func.max(Scan.at))
        .where(Scan.event_id == event_id, Scan.at >= since)
        .group_by(Scan.desk)
        .order_by(func.max(Scan.at).desc())
    ).all()
    return [(desk, at) for desk, at in rows]


@dataclass(frozen=True)
class DayCounts:
    admitted: int  # people admitted this day (undone ones aside)
    inside: int  # of them, not checked out since
    expected: int  # registered for this day
    by_category: tuple[tuple[str, int, int], ...]  # (category, admitted, expected)


def expected_by_category(session: Session, event_id: int, day_id: int) -> tuple:
    """(category name, people expected) for a day's entry, in the categories' order: the
    registered people of every day or of this one. Reads every participant, so a desk
    keeps it until participants, categories or days change (see day_counts)."""
    return tuple(
        tuple(row)
        for row in session.execute(
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
                        ParticipantDay.participant_id == Participant.id,
                        ParticipantDay.day_id == day_id,
                    )
                    .exists(),
                ),
            )
            .group_by(Category.name, Category.sort_order)
            .order_by(Category.sort_order)
        )
    )


def day_counts(
    session: Session, event_id: int, day_id: int, expected: tuple | None = None
) -> DayCounts:
    """Who came in today, and who is inside now, per category; ``expected``: the rows of
    expected_by_category when the caller kept them."""
    expected_rows = (
        expected if expected is not None else expected_by_category(session, event_id, day_id)
    )
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
    inside = _inside(
        session, Scan.event_id == event_id, Scan.day_id == day_id, Scan.item_id.is_(None)
    )
    by_category = tuple((name, admitted_rows.get(name, 0), n) for name, n in expected_rows)
    return DayCounts(
        sum(admitted_rows.values()), inside, sum(n for _, _, n in by_category), by_category
    )


def _inside(session: Session, *where) -> int:
    """People whose last valid scan at this place (``where``) was a way in."""
    last = (
        select(func.max(Scan.id).label("last"))
        .where(*where, Scan.verdict.in_(tuple(OK)), Scan.undone_at.is_(None))
        .group_by(Scan.participant_id)
        .subquery()
    )
    return (
        session.scalar(
            select(func.count())
            .select_from(Scan)
            .join(last, last.c.last == Scan.id)
            .where(Scan.direction == Direction.IN.value)
        )
        or 0
    )


@dataclass(frozen=True)
class RoomCounts:
    """A session door: who came in, who is in the room now, against the places."""

    admitted: int
    inside: int
    enrolled: int
    capacity: int | None  # None: no limit


def room_counts(session: Session, item_id: int) -> RoomCounts:
    valid = (Scan.item_id == item_id, Scan.undone_at.is_(None))
    admitted = session.scalar(
        select(func.count(func.distinct(Scan.participant_id))).where(
            *valid, Scan.verdict == Verdict.ADMITTED.value
        )
    )
    inside = _inside(session, Scan.item_id == item_id)
    enrolled = session.scalar(
        select(func.count()).where(
            Enrolment.item_id == item_id, Enrolment.status == EnrolmentStatus.ENROLLED.value
        )
    )
    capacity = session.scalar(select(ProgrammeItem.capacity).where(ProgrammeItem.id == item_id))
    return RoomCounts(admitted or 0, inside, enrolled or 0, capacity)


@dataclass(frozen=True)
class Room:
    item_id: int
    label: str  # "W1 Bodenpolitik"
    counts: RoomCounts


def rooms_on_day(session: Session, event_id: int, day_id: int) -> list[Room]:
    """Every programme item of the day with its room counter, in programme order."""
    items = session.execute(
        select(ProgrammeItem.id, ProgrammeItem.code, ProgrammeItem.title)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(ProgrammeSlot.event_id == event_id, ProgrammeSlot.day_id == day_id)
        .order_by(ProgrammeSlot.starts_at, ProgrammeItem.id)
    ).all()
    return [Room(i.id, f"{i.code} {i.title}".strip(), room_counts(session, i.id)) for i in items]


@dataclass(frozen=True)
class VipArrival:
    at: datetime
    name: str
    organisation: str
    place: str  # "" at the day's entry, else the programme item ("W1 Bodenpolitik")
    desk: str


def vip_arrivals(session: Session, event_id: int, day_id: int, limit: int = 50):
    """The day's admissions of VIPs (entry and session doors), newest first: for the
    organiser who greets them."""
    rows = session.execute(
        select(
            Scan.at,
            Scan.desk,
            Participant.title,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
            ProgrammeItem.code,
            ProgrammeItem.title.label("item_title"),
        )
        .join(Participant, Scan.participant_id == Participant.id)
        .outerjoin(ProgrammeItem, Scan.item_id == ProgrammeItem.id)
        .where(
            Scan.event_id == event_id,
            Scan.day_id == day_id,
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
            Scan.conflict_of.is_(None),
            Participant.is_vip.is_(True),
        )
        .order_by(Scan.at.desc(), Scan.id.desc())
        .limit(limit)
    ).all()
    return [
        VipArrival(
            r.at,
            " ".join(x for x in (r.title, r.first_name, r.last_name) if x),
            r.organisation,
            f"{r.code} {r.item_title}".strip() if r.item_title else "",
            r.desk,
        )
        for r in rows
    ]


def day_of(session: Session, event_id: int, today: date) -> int | None:
    """The event day that is ``today``, if any."""
    return session.scalar(
        select(EventDay.id).where(EventDay.event_id == event_id, EventDay.date == today)
    )
