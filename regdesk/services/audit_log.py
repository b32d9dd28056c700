"""Reading the audit log of an event, narrowed by who, what, about whom and when -- for the
viewer and for its export (the list "audit"). Newest first for the viewer, a page at a
time; the export reads it oldest first, whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import AuditEntry, Participant
from ..search_keys import fold


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""  # exactly this actor ("desk:Nord", "cli:anna@pc-3"); "" any
    actions: tuple[str, ...] = ()  # these action codes (or a prefix ending in "."); () any
    person: str = ""  # the participant's name (folded words, any order); "" anyone
    participant_id: int | None = None  # exactly this participant
    since: datetime | None = None  # from (inclusive)
    until: datetime | None = None  # to (exclusive)

    @property
    def empty(self) -> bool:
        return self == AuditFilter()


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    person: str  # the participant the entry is about, by name ("" if none)
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def audit_query(event_id: int, filters: AuditFilter = AuditFilter()) -> tuple[Select, Any]:
    """(entry, first name, last name) of the event's entries that pass ``filters``, and the
    participant (aliased) the query joins for it."""
    person = aliased(Participant)
    query = (
        select(AuditEntry, person.first_name, person.last_name)
        .outerjoin(
            person, (AuditEntry.entity == "participant") & (AuditEntry.entity_id == person.id)
        )
        .where(AuditEntry.event_id == event_id)
    )
    if filters.actor:
        query = query.where(AuditEntry.actor == filters.actor)
    if filters.actions:
        exact = [a for a in filters.actions if not a.endswith(".")]
        prefixes = [a for a in filters.actions if a.endswith(".")]
        query = query.where(
            or_(
                AuditEntry.action.in_(exact),
                *(AuditEntry.action.startswith(p, autoescape=True) for p in prefixes),
            )
        )
    if filters.participant_id is not None:
        query = query.where(person.id == filters.participant_id)
    for word in fold(filters.person).split():
        query = query.where(person.name_key.contains(word, autoescape=True))
    if filters.since is not None:
        query = query.where(AuditEntry.at >= filters.since)
    if filters.until is not None:
        query = query.where(AuditEntry.at < filters.until)
    return query, person


def audit_page(
    session: Session,
    event_id: int,
    filters: AuditFilter = AuditFilter(),
    *,
    limit: int = 500,
    offset: int = 0,
) -> tuple[list[AuditLine], int]:
    """The newest ``limit`` entries that pass (after ``offset``), and how many pass."""
    query, _person = audit_query(event_id, filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit).offset(offset)
    ).all()
    return [
        AuditLine(e.id, e.at, e.actor, e.action, e.entity, e.entity_id,
                  f"{first} {last}" if first else "", e.before, e.after)
        for e, first, last in rows
    ], total  # fmt: skip


def audit_choices(session: Session, event_id: int) -> tuple[list[str], list[str]]:
    """The actors and the action codes that occur in the event's log, for the filters."""
    actors = session.scalars(
        select(AuditEntry.actor)
        .where(AuditEntry.event_id == event_id)
        .group_by(AuditEntry.actor)
        .order_by(AuditEntry.actor)
    ).all()
    actions = session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.event_id == event_id)
        .group_by(AuditEntry.action)
        .order_by(AuditEntry.action)
    ).all()
    return list(actors), list(actions)
