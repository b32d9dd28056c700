"""Participants: register (also walk-ins), edit, cancel and restore, change category,
duplicate detection and the detail view. Every change is audited."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from ..badge_codes import new_secret, new_short_code
from ..errors import (
    AlreadyCancelled,
    NotCancelled,
    PossibleDuplicate,
    Problem,
    UnknownCode,
)
from ..errors import ValidationError as Invalid
from ..models import (
    Category,
    Consent,
    ConsentKind,
    Enrolment,
    EventDay,
    Participant,
    ParticipantDay,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
    RegistrationSource,
    ReplacedBadge,
    Salutation,
    Scan,
    SearchToken,
    utcnow,
)
from ..search_keys import duplicate_key, email_key, name_key, tokens
from ..text import clean, clean_multiline, has_letters, unsafe_characters
from . import programme
from .audit import AuditRecord, history, record, snapshot
from .groups import GroupMemberInfo, GroupSummary, group_of, group_problems, members, set_group
from .lookup import require
from .preferences import WishSummary, preferences_of

FIELDS = (
    "salutation",
    "title",
    "first_name",
    "last_name",
    "organisation",
    "position",
    "email",
    "phone",
    "category_id",
    "is_vip",
    "notes",
    "needs_dietary",
    "needs_accessibility",
    "needs_interpreter",
)
AUDITED = (*FIELDS, "status", "cancel_reason")
LIMITS = {
    "title": 60,
    "first_name": 100,
    "last_name": 100,
    "organisation": 300,
    "position": 200,
    "email": 254,
    "phone": 60,
    "notes": 4000,
    "needs_dietary": 500,
    "needs_accessibility": 500,
    "needs_interpreter": 200,
}
NEEDS = ("needs_dietary", "needs_accessibility", "needs_interpreter")
EMAIL = re.compile(r"^[^@\s]{1,64}@(?=.{1,253}$)[^@\s.]+(\.[^@\s.]+)*\.[^@\s.\d]{2,}$")
PHONE = re.compile(r"^\+?[0-9 ()/\-.]{3,}$")


@dataclass(frozen=True)
class ParticipantInput:
    first_name: str
    last_name: str
    category_id: int | None = None  # None: the event's default category
    salutation: str = Salutation.NONE.value
    title: str = ""
    organisation: str = ""
    position: str = ""
    email: str = ""
    phone: str = ""
    is_vip: bool = False
    notes: str = ""
    needs_dietary: str = ""
    needs_accessibility: str = ""
    needs_interpreter: str = ""
    # ConsentKind value -> granted (True/False); a kind left out was not asked
    consents: dict[str, bool] = field(default_factory=dict)
    consent_via: str = ""
    # the event days the person comes on: None leaves them as they are (a new person:
    # every day); all of the event's days is the same as every day; () is refused
    day_ids: tuple[int, ...] | None = None
    # the group (delegation) the person comes with: None leaves it as it is, "" none;
    # group_lead: the person leads it
    group: str | None = None
    group_lead: bool = False


@dataclass(frozen=True)
class ConsentInfo:
    kind: str
    granted: bool
    given_at: datetime
    given_via: str


@dataclass(frozen=True)
class ParticipantSummary:
    id: int
    event_id: int
    salutation: str
    title: str
    first_name: str
    last_name: str
    organisation: str
    position: str
    email: str
    phone: str
    category_id: int
    category_name: str
    category_colour: str
    status: str
    cancel_reason: str
    source: str
    short_code: str
    badge_printed_at: datetime | None
    badge_print_count: int
    is_vip: bool
    notes: str
    needs_dietary: str
    needs_accessibility: str
    needs_interpreter: str
    created_at: datetime
    updated_at: datetime
    consents: tuple[ConsentInfo, ...] = ()
    day_ids: tuple[int, ...] = ()  # the days the person comes on; () every day
    group_name: str = ""  # the group (delegation) the person comes with
    group_lead: bool = False

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    def consent(self, kind: ConsentKind) -> bool | None:
        return next((c.granted for c in self.consents if c.kind == kind.value), None)

    def as_input(self) -> ParticipantInput:
        return ParticipantInput(
            **{name: getattr(self, name) for name in FIELDS},
            consents={c.kind: c.granted for c in self.consents},
            day_ids=self.day_ids or None,
            group=self.group_name,
            group_lead=self.group_lead,
        )


@dataclass(frozen=True)
class DuplicateCandidate:
    id: int
    first_name: str
    last_name: str
    organisation: str
    email: str
    status: str
    reason: str  # "email" or "name"


@dataclass(frozen=True)
class EnrolmentInfo:
    item_id: int
    code: str
    title: str
    day: date
    starts_at: time
    ends_at: time
    status: str
    waitlist_position: int | None


@dataclass(frozen=True)
class ScanInfo:
    at: datetime
    desk: str
    verdict: str
    direction: str
    item_title: str
    day: date | None


@dataclass(frozen=True)
class ParticipantDetail:
    participant: ParticipantSummary
    enrolments: tuple[EnrolmentInfo, ...]
    scans: tuple[ScanInfo, ...]
    history: tuple[AuditRecord, ...]
    wishes: tuple[WishSummary, ...] = ()  # ranked wishes for the allocation
    days: tuple[date, ...] = ()  # the days the person comes on; () every day
    event_days: int = 1  # how many days the event has
    # names for the ids in the history: "category", "item" ("W1 Bodenpolitik"), "day" (date)
    names: dict[str, dict[int, Any]] = field(default_factory=dict)
    group: GroupSummary | None = None  # the group the person comes with, and who is in it
    group_members: tuple[GroupMemberInfo, ...] = ()


# --- keys and search index (shared with bulk loaders such as the demo seeder) ---------------


def derived_keys(first_name: str, last_name: str, organisation: str, email: str) -> dict:
    return {
        "email_key": email_key(email),
        "dup_key": duplicate_key(first_name, last_name, organisation),
        "name_key": name_key(first_name, last_name),
    }


def token_rows(event_id: int, participant_id: int, values: dict) -> list[dict]:
    return [
        {"event_id": event_id, "participant_id": participant_id, "token": t, "field": f}
        for t, f in tokens(
            values["first_name"],
            values["last_name"],
            values["organisation"],
            values["email"],
            values["short_code"],
            values.get("group", ""),
        )
    ]


def reindex(session: Session, participant: Participant) -> None:
    """Write the participant's search tokens again (after names, e-mail or code change)."""
    session.execute(delete(SearchToken).where(SearchToken.participant_id == participant.id))
    rows = token_rows(
        participant.event_id,
        participant.id,
        {
            "first_name": participant.first_name,
            "last_name": participant.last_name,
            "organisation": participant.organisation,
            "email": participant.email,
            "short_code": participant.short_code,
            "group": participant.membership.group.name if participant.membership else "",
        },
    )
    if rows:
        session.execute(insert(SearchToken), rows)


# --- validation -----------------------------------------------------------------------------


def check_input(
    data: ParticipantInput, category_ids: Collection[int], default_category_id: int | None
) -> tuple[dict, list[Problem]]:
    """The cleaned values of ``data`` and what is wrong with them, without the database:
    ``category_ids`` are the event's categories, ``default_category_id`` stands in for a
    missing one. Shared by the form (one person) and the import (thousands)."""
    problems: list[Problem] = []
    values: dict = {}
    for name, limit in LIMITS.items():
        raw = getattr(data, name)
        value = clean_multiline(raw) if name == "notes" else clean(raw)
        if len(value) > limit:
            problems.append(Problem(name, "too_long", (("max", limit),)))
        unsafe = unsafe_characters(value, multiline=name == "notes")
        if unsafe:
            problems.append(Problem(name, "control_characters", (("chars", unsafe),)))
        values[name] = value
    for name in ("first_name", "last_name"):
        if not values[name]:
            problems.append(Problem(name, "required"))
        elif not has_letters(values[name]) and not any(p.field == name for p in problems):
            problems.append(Problem(name, "name_without_letters"))
    if values["email"] and not EMAIL.match(values["email"]):
        problems.append(Problem("email", "invalid_email", (("value", values["email"]),)))
    if values["phone"] and not PHONE.match(values["phone"]):
        problems.append(Problem("phone", "invalid_phone", (("value", values["phone"]),)))
    salutation = clean(data.salutation) or Salutation.NONE.value
    if salutation not in {s.value for s in Salutation}:
        problems.append(
            Problem(
                "salutation",
                "unknown_choice",
                (("value", salutation), ("choices", ", ".join(s.value for s in Salutation))),
            )
        )
    values["salutation"] = salutation
    values["is_vip"] = bool(data.is_vip)
    unknown = set(data.consents) - {k.value for k in ConsentKind}
    if unknown:
        problems.append(
            Problem(
                "consents",
                "unknown_choice",
                (
                    ("value", sorted(unknown)[0]),
                    ("choices", ", ".join(k.value for k in ConsentKind)),
                ),
            )
        )
    if (
        any(values[n] for n in NEEDS)
        and data.consents.get(ConsentKind.HEALTH_DATA.value) is not True
    ):
        for name in NEEDS:
            if values[name]:
                problems.append(Problem(name, "needs_consent"))
    problems += group_problems(data.group, data.group_lead)
    category_id = data.category_id if data.category_id is not None else default_category_id
    if category_id not in category_ids:
        problems.append(Problem("category_id", "unknown_category"))
    values["category_id"] = category_id
    return values, problems


def event_categories(session: Session, event_id: int) -> tuple[list[int], int | None]:
    """The event's category ids (in their order) and the default one."""
    rows = session.execute(
        select(Category.id, Category.is_default)
        .where(Category.event_id == event_id)
        .order_by(Category.is_default.desc(), Category.sort_order)
    ).all()
    return [r.id for r in rows], rows[0].id if rows else None


def _validated(session: Session, event_id: int, data: ParticipantInput) -> dict:
    values, problems = check_input(data, *event_categories(session, event_id))
    if data.day_ids is not None:
        problems += _day_problems(session, event_id, data.day_ids)
    if problems:
        raise Invalid(problems)
    return values


def _day_problems(session: Session, event_id: int, day_ids: Collection[int]) -> list[Problem]:
    if not day_ids:
        return [Problem("day_ids", "no_day")]
    valid = set(session.scalars(select(EventDay.id).where(EventDay.event_id == event_id)))
    return [Problem("day_ids", "unknown_day")] if set(day_ids) - valid else []


def set_days(
    session: Session, participant_id: int, day_ids: Collection[int], *, actor: str
) -> ParticipantSummary:
    """The days a participant comes on (all of the event's days: every day); none or
    another event's day is refused. Audited with before and after."""
    participant = require(session, Participant, participant_id)
    problems = _day_problems(session, participant.event_id, day_ids)
    if problems:
        raise Invalid(problems)
    _set_days(session, participant, day_ids, actor=actor)
    return _summary(participant)


def _set_days(
    session: Session, participant: Participant, day_ids: Collection[int] | None, *, actor: str
) -> None:
    """The days the person comes on (checked by _validated); all days: no rows."""
    if day_ids is None:
        return
    every = set(
        session.scalars(select(EventDay.id).where(EventDay.event_id == participant.event_id))
    )
    wanted = set() if set(day_ids) >= every else set(day_ids)
    current = {d.day_id for d in participant.days}
    if wanted == current:
        return
    participant.days.clear()  # the old rows go first: (person, day) is unique
    session.flush()
    participant.days.extend(ParticipantDay(day_id=d) for d in sorted(wanted))
    session.flush()
    record(
        session,
        actor=actor,
        action="participant.days",
        entity="participant",
        entity_id=participant.id,
        event_id=participant.event_id,
        before={"day_ids": sorted(current)},
        after={"day_ids": sorted(wanted)},
    )


# --- duplicates -----------------------------------------------------------------------------


def find_duplicates(
    session: Session,
    event_id: int,
    first_name: str,
    last_name: str,
    organisation: str,
    email: str,
    *,
    exclude_id: int | None = None,
) -> list[DuplicateCandidate]:
    """Participants of the event with the same e-mail (any case) or the same name and
    organisation (any accents, case or transliteration)."""
    keys = derived_keys(clean(first_name), clean(last_name), clean(organisation), clean(email))
    conditions = [Participant.dup_key == keys["dup_key"]]
    if keys["email_key"]:
        conditions.append(Participant.email_key == keys["email_key"])
    query = select(Participant).where(Participant.event_id == event_id, or_(*conditions))
    if exclude_id is not None:
        query = query.where(Participant.id != exclude_id)
    found = []
    for p in session.scalars(query.order_by(Participant.id)):
        reason = "email" if keys["email_key"] and p.email_key == keys["email_key"] else "name"
        found.append(
            DuplicateCandidate(
                p.id, p.first_name, p.last_name, p.organisation, p.email, p.status, reason
            )
        )
    return found


# --- reading --------------------------------------------------------------------------------


def _summary(p: Participant) -> ParticipantSummary:
    return ParticipantSummary(
        id=p.id,
        event_id=p.event_id,
        salutation=p.salutation,
        title=p.title,
        first_name=p.first_name,
        last_name=p.last_name,
        organisation=p.organisation,
        position=p.position,
        email=p.email,
        phone=p.phone,
        category_id=p.category_id,
        category_name=p.category.name,
        category_colour=p.category.colour,
        status=p.status,
        cancel_reason=p.cancel_reason,
        source=p.source,
        short_code=p.short_code,
        badge_printed_at=p.badge_printed_at,
        badge_print_count=p.badge_print_count,
        is_vip=p.is_vip,
        notes=p.notes,
        needs_dietary=p.needs_dietary,
        needs_accessibility=p.needs_accessibility,
        needs_interpreter=p.needs_interpreter,
        created_at=p.created_at,
        updated_at=p.updated_at,
        consents=tuple(
            ConsentInfo(c.kind, c.granted, c.given_at, c.given_via)
            for c in sorted(p.consents, key=lambda c: c.kind)
        ),
        day_ids=tuple(sorted(d.day_id for d in p.days)),
        group_name=p.membership.group.name if p.membership else "",
        group_lead=bool(p.membership and p.membership.is_lead),
    )


def get_participant(session: Session, participant_id: int) -> ParticipantSummary:
    return _summary(require(session, Participant, participant_id))


def find_by_code(session: Session, event_id: int, code: str) -> ParticipantSummary:
    """By the short code printed on the badge or the full secret in its QR code."""
    text = clean(code).upper()
    participant = session.scalar(
        select(Participant).where(
            Participant.event_id == event_id,
            or_(Participant.short_code == text, Participant.badge_secret == text),
        )
    )
    if participant is None:
        raise UnknownCode(code=text)
    return _summary(participant)


def participant_detail(session: Session, participant_id: int) -> ParticipantDetail:
    participant = require(session, Participant, participant_id)
    enrolments = session.execute(
        select(Enrolment, ProgrammeItem, ProgrammeSlot, EventDay)
        .join(ProgrammeItem, Enrolment.item_id == ProgrammeItem.id)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(Enrolment.participant_id == participant_id)
        .order_by(EventDay.date, ProgrammeSlot.starts_at)
    ).all()
    scans = session.execute(
        select(Scan, ProgrammeItem.title, EventDay.date)
        .outerjoin(ProgrammeItem, Scan.item_id == ProgrammeItem.id)
        .outerjoin(EventDay, Scan.day_id == EventDay.id)
        .where(Scan.participant_id == participant_id)
        .order_by(Scan.at.desc(), Scan.id.desc())
        .limit(200)
    ).all()
    return ParticipantDetail(
        participant=_summary(participant),
        enrolments=tuple(
            EnrolmentInfo(
                i.id, i.code, i.title, d.date, s.starts_at, s.ends_at, e.status, e.waitlist_position
            )
            for e, i, s, d in enrolments
        ),
        scans=tuple(
            ScanInfo(s.at, s.desk, s.verdict, s.direction, title or "", day)
            for s, title, day in scans
        ),
        history=tuple(reversed(history(session, "participant", participant_id))),
        wishes=tuple(preferences_of(session, participant_id)),
        days=tuple(
            session.scalars(
                select(EventDay.date)
                .join(ParticipantDay, ParticipantDay.day_id == EventDay.id)
                .where(ParticipantDay.participant_id == participant_id)
                .order_by(EventDay.date)
            )
        ),
        event_days=session.scalar(
            select(func.count()).where(EventDay.event_id == participant.event_id)
        ),
        names=history_names(session, participant.event_id),
        group=(group := group_of(session, participant_id)),
        group_members=tuple(members(session, group.id)) if group else (),
    )


def history_names(session: Session, event_id: int) -> dict[str, dict[int, Any]]:
    items = session.execute(
        select(ProgrammeItem.id, ProgrammeItem.code, ProgrammeItem.title)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(ProgrammeSlot.event_id == event_id)
    ).all()
    return {
        "category": dict(
            session.execute(
                select(Category.id, Category.name).where(Category.event_id == event_id)
            ).all()
        ),
        "item": {i.id: f"{i.code} {i.title}".strip() for i in items},
        "day": dict(
            session.execute(
                select(EventDay.id, EventDay.date).where(EventDay.event_id == event_id)
            ).all()
        ),
    }


# --- writing --------------------------------------------------------------------------------


def _set_consents(
    session: Session, participant: Participant, wanted: dict[str, bool], via: str, *, actor: str
) -> None:
    current = {c.kind: c for c in participant.consents}
    for kind in sorted(set(current) | set(wanted)):
        old = current.get(kind)
        previous = old.granted if old is not None else None  # before it changes below
        if kind not in wanted:
            if old is not None:
                participant.consents.remove(old)
        elif old is None:
            participant.consents.append(
                Consent(kind=kind, granted=wanted[kind], given_via=clean(via)[:100])
            )
        elif old.granted != wanted[kind]:
            old.granted = wanted[kind]
            old.given_at = utcnow()
            old.given_via = clean(via)[:100]
        else:
            continue
        record(
            session,
            actor=actor,
            action="consent.set",
            entity="participant",
            entity_id=participant.id,
            event_id=participant.event_id,
            before={kind: previous},
            after={kind: wanted.get(kind)} | ({"via": clean(via)[:100]} if kind in wanted else {}),
        )


def unused_short_code(session: Session, event_id: int) -> str:
    """A short code no badge of the event carries, nor ever carried: a replaced badge's
    code stays reserved, so typing it in still says "replaced"."""
    while True:
        code = new_short_code()
        live = select(Participant.id).where(
            Participant.event_id == event_id, Participant.short_code == code
        )
        replaced = (
            select(ReplacedBadge.id)
            .join(Participant, ReplacedBadge.participant_id == Participant.id)
            .where(Participant.event_id == event_id, ReplacedBadge.short_code == code)
        )
        if session.scalar(select(live.exists() | replaced.exists())) is False:
            return code


def register(
    session: Session,
    event_id: int,
    data: ParticipantInput,
    *,
    actor: str,
    source: RegistrationSource = RegistrationSource.MANUAL,
    allow_duplicate: bool = False,
) -> ParticipantSummary:
    """Register a participant with a new badge secret and short code.

    Raises ValidationError (field by field) or PossibleDuplicate (unless allowed)."""
    values = _validated(session, event_id, data)
    if not allow_duplicate:
        candidates = find_duplicates(
            session,
            event_id,
            values["first_name"],
            values["last_name"],
            values["organisation"],
            values["email"],
        )
        if candidates:
            raise PossibleDuplicate(candidates)
    participant = Participant(
        event_id=event_id,
        source=source.value,
        badge_secret=new_secret(),
        short_code=unused_short_code(session, event_id),
        **values,
        **derived_keys(
            values["first_name"], values["last_name"], values["organisation"], values["email"]
        ),
    )
    session.add(participant)
    session.flush()
    _set_consents(
        session, participant, data.consents, data.consent_via or _default_via(source), actor=actor
    )
    _set_days(session, participant, data.day_ids, actor=actor)
    record(
        session,
        actor=actor,
        action=f"participant.{source.value}",
        entity="participant",
        entity_id=participant.id,
        event_id=event_id,
        after=snapshot(participant, AUDITED) | {"short_code": participant.short_code},
    )
    set_group(session, participant, data.group, data.group_lead, actor=actor)
    reindex(session, participant)
    session.flush()
    session.refresh(participant)
    return _summary(participant)


def _default_via(source: RegistrationSource) -> str:
    return {RegistrationSource.WALK_IN: "vor Ort", RegistrationSource.IMPORT: "Import"}.get(
        source, "Anmeldung"
    )


def update_participant(
    session: Session,
    participant_id: int,
    data: ParticipantInput,
    *,
    actor: str,
    allow_duplicate: bool = False,
) -> ParticipantSummary:
    participant = require(session, Participant, participant_id)
    values = _validated(session, participant.event_id, data)
    if not allow_duplicate:
        candidates = find_duplicates(
            session,
            participant.event_id,
            values["first_name"],
            values["last_name"],
            values["organisation"],
            values["email"],
            exclude_id=participant_id,
        )
        if candidates:
            raise PossibleDuplicate(candidates)
    before = snapshot(participant, AUDITED)
    for name, value in values.items():
        setattr(participant, name, value)
    for name, value in derived_keys(
        values["first_name"], values["last_name"], values["organisation"], values["email"]
    ).items():
        setattr(participant, name, value)
    session.flush()
    record(
        session,
        actor=actor,
        action="participant.update",
        entity="participant",
        entity_id=participant.id,
        event_id=participant.event_id,
        before=before,
        after=snapshot(participant, AUDITED),
    )
    _set_consents(session, participant, data.consents, data.consent_via or "Änderung", actor=actor)
    _set_days(session, participant, data.day_ids, actor=actor)
    set_group(session, participant, data.group, data.group_lead, actor=actor)
    reindex(session, participant)
    session.flush()
    session.refresh(participant)
    return _summary(participant)


def cancel(session: Session, participant_id: int, reason: str, *, actor: str) -> ParticipantSummary:
    """Cancel a registration; the reason is required (it is what the back office asks)."""
    participant = require(session, Participant, participant_id)
    reason = clean(reason)
    if not reason:
        raise Invalid([Problem("cancel_reason", "required")])
    if len(reason) > 500:
        raise Invalid([Problem("cancel_reason", "too_long", (("max", 500),))])
    if participant.status == ParticipantStatus.CANCELLED.value:
        raise AlreadyCancelled(name=f"{participant.first_name} {participant.last_name}")
    summary = _set_status(
        session, participant, ParticipantStatus.CANCELLED, reason, "cancel", actor=actor
    )
    programme.release_participant(session, participant, actor=actor)  # waiting lists move up
    return summary


def restore(session: Session, participant_id: int, *, actor: str) -> ParticipantSummary:
    participant = require(session, Participant, participant_id)
    if participant.status != ParticipantStatus.CANCELLED.value:
        raise NotCancelled(name=f"{participant.first_name} {participant.last_name}")
    return _set_status(
        session, participant, ParticipantStatus.REGISTERED, "", "restore", actor=actor
    )


def _set_status(
    session: Session,
    participant: Participant,
    status: ParticipantStatus,
    reason: str,
    action: str,
    *,
    actor: str,
) -> ParticipantSummary:
    before = snapshot(participant, AUDITED)
    participant.status = status.value
    participant.cancel_reason = reason
    participant.cancelled_at = utcnow() if status == ParticipantStatus.CANCELLED else None
    record(
        session,
        actor=actor,
        action=f"participant.{action}",
        entity="participant",
        entity_id=participant.id,
        event_id=participant.event_id,
        before=before,
        after=snapshot(participant, AUDITED),
    )
    session.flush()
    return _summary(participant)


def change_category(
    session: Session, participant_id: int, category_id: int, *, actor: str
) -> ParticipantSummary:
    participant = require(session, Participant, participant_id)
    exists = session.scalar(
        select(func.count())
        .select_from(Category)
        .where(Category.id == category_id, Category.event_id == participant.event_id)
    )
    if not exists:
        raise Invalid([Problem("category_id", "unknown_category")])
    before = snapshot(participant, ("category_id",))
    participant.category_id = category_id
    record(
        session,
        actor=actor,
        action="participant.category",
        entity="participant",
        entity_id=participant.id,
        event_id=participant.event_id,
        before=before,
        after={"category_id": category_id},
    )
    session.flush()
    session.refresh(participant)
    return _summary(participant)
