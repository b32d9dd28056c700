"""Finding participants: ranked search as you type, filtered and sorted ID lists, and the
rows for one page of a list. Built for 100,000 participants: every query is answered by
an index (search_token for words, name_key for alphabetical order)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import (
    Category,
    Enrolment,
    EnrolmentStatus,
    GroupMember,
    Participant,
    ParticipantDay,
    ParticipantGroup,
    Scan,
    SearchToken,
    Verdict,
)
from ..search_keys import prefix_upper_bound, words

MAX_WORDS = 6
SORTS = (
    "rank",
    "name",
    "first_name",
    "organisation",
    "category",
    "status",
    "email",
    "short_code",
    "created",
)


@dataclass(frozen=True)
class ParticipantFilter:
    category_ids: tuple[int, ...] = ()  # empty: all
    status: str | None = None  # "registered", "cancelled" or None for both
    checked_in: bool | None = None  # admitted at a door at least once, or not, or either
    badge_printed: bool | None = None  # a badge was printed (or put into a PDF), or not
    item_ids: tuple[int, ...] = ()  # holds a place on one of these programme items
    day_ids: tuple[int, ...] = ()  # registered for one of these days; checked_in: on them


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    title: str
    first_name: str
    last_name: str
    organisation: str
    email: str
    category_id: int
    category_name: str
    category_colour: str
    status: str
    short_code: str
    is_vip: bool
    checked_in: bool
    group_id: int | None = None  # the group (delegation) the person comes with
    group_name: str = ""
    group_lead: bool = False


def _checked_in(day_ids: tuple[int, ...] = ()):
    """Admitted at a door (and not undone): at the entry of one of ``day_ids``, or
    anywhere when none are given."""
    condition = exists().where(
        Scan.participant_id == Participant.id,
        Scan.verdict == Verdict.ADMITTED.value,
        Scan.undone_at.is_(None),
    )
    if day_ids:
        condition = condition.where(Scan.day_id.in_(day_ids), Scan.item_id.is_(None))
    return condition


def registered_for(day_ids: tuple[int, ...]):
    """Registered for one of the days: no days chosen means every day."""
    return or_(
        ~exists().where(ParticipantDay.participant_id == Participant.id),
        exists().where(
            ParticipantDay.participant_id == Participant.id, ParticipantDay.day_id.in_(day_ids)
        ),
    )


def _filtered(query: Select, filters: ParticipantFilter) -> Select:
    if filters.category_ids:
        query = query.where(Participant.category_id.in_(filters.category_ids))
    if filters.status:
        query = query.where(Participant.status == filters.status)
    if filters.checked_in is True:
        query = query.where(_checked_in(filters.day_ids))
    elif filters.checked_in is False:
        query = query.where(~_checked_in(filters.day_ids))
    if filters.item_ids:
        query = query.where(
            exists().where(
                Enrolment.participant_id == Participant.id,
                Enrolment.item_id.in_(filters.item_ids),
                Enrolment.status == EnrolmentStatus.ENROLLED.value,
            )
        )
    if filters.day_ids:
        query = query.where(registered_for(filters.day_ids))
    if filters.badge_printed is True:
        query = query.where(Participant.badge_print_count > 0)
    elif filters.badge_printed is False:
        query = query.where(Participant.badge_print_count == 0)
    return query


def _score(token_column, field_column, term: str):
    """0 for an exact word, 10 for a prefix, plus the field's weight."""
    return case((token_column == term, 0), else_=10) + field_column


def _ranked(event_id: int, query: str):
    """A subquery (pid, score) of participants matching every word of the query as a
    prefix of one of their tokens; lower score = better (exact beats prefix, last name
    beats first name beats e-mail beats organisation). None for an empty query.

    The longest word (the most selective) finds the candidates with a range scan on
    (event_id, token); each further word is then checked per candidate through the
    (participant_id, token) index, so a common word such as "stadt" costs nothing
    when it comes with a rarer one.
    """
    terms = sorted(dict.fromkeys(words(query)), key=len, reverse=True)[:MAX_WORDS]
    if not terms:
        return None
    first, rest = terms[0], terms[1:]
    candidates = (
        select(
            SearchToken.participant_id.label("pid"),
            func.min(_score(SearchToken.token, SearchToken.field, first)).label("s0"),
        )
        .where(
            SearchToken.event_id == event_id,
            SearchToken.token >= first,
            SearchToken.token < prefix_upper_bound(first),
        )
        .group_by(SearchToken.participant_id)
        .subquery("candidates")
    )
    columns = [candidates.c.pid, candidates.c.s0]
    for number, term in enumerate(rest, start=1):
        other = aliased(SearchToken)
        columns.append(
            select(func.min(_score(other.token, other.field, term)))
            .where(
                other.participant_id == candidates.c.pid,
                other.token >= term,
                other.token < prefix_upper_bound(term),
            )
            .scalar_subquery()
            .label(f"s{number}")
        )
    scored = select(*columns).subquery("scored")
    parts = [scored.c[f"s{i}"] for i in range(len(terms))]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return (
        select(scored.c.pid, total.label("score"))
        .where(*[part.is_not(None) for part in parts[1:]])
        .subquery("ranked")
    )


def _order(sort: str, descending: bool, ranked):
    column = {
        "name": Participant.name_key,
        "first_name": Participant.first_name,
        "organisation": Participant.organisation,
        "category": Category.sort_order,
        "status": Participant.status,
        "email": Participant.email_key,
        "short_code": Participant.short_code,
        "created": Participant.created_at,
    }.get(sort)
    if column is None:  # "rank", or a name sort without a query
        column = ranked.c.score if ranked is not None else Participant.name_key
    order = [column.desc() if descending else column.asc()]
    if column is not Participant.name_key:
        order.append(Participant.name_key)
    order.append(Participant.id)
    return order


def participant_ids(
    session: Session,
    event_id: int,
    query: str = "",
    filters: ParticipantFilter = ParticipantFilter(),
    sort: str = "rank",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """The IDs of the event's participants that match ``query`` and ``filters``, in order:
    by relevance for a search ("rank"), else alphabetically, or by the chosen column."""
    ranked = _ranked(event_id, query)
    stmt = select(Participant.id).where(Participant.event_id == event_id)
    if ranked is not None:
        stmt = stmt.join(ranked, ranked.c.pid == Participant.id)
    if sort == "category":
        stmt = stmt.join(Category, Category.id == Participant.category_id)
    stmt = _filtered(stmt, filters).order_by(*_order(sort, descending, ranked))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def participant_rows(session: Session, ids: list[int]) -> list[ParticipantRow]:
    """The rows for ``ids``, in the same order (one page of a list)."""
    if not ids:
        return []
    stmt = (
        select(
            Participant.id,
            Participant.title,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
            Participant.email,
            Participant.category_id,
            Category.name,
            Category.colour,
            Participant.status,
            Participant.short_code,
            Participant.is_vip,
            _checked_in().label("checked_in"),
            ParticipantGroup.id,
            ParticipantGroup.name,
            GroupMember.is_lead,
        )
        .join(Category, Category.id == Participant.category_id)
        .outerjoin(GroupMember, GroupMember.participant_id == Participant.id)
        .outerjoin(ParticipantGroup, ParticipantGroup.id == GroupMember.group_id)
        .where(Participant.id.in_(ids))
    )
    by_id = {
        row[0]: ParticipantRow(*row[:12], bool(row[12]), row[13], row[14] or "", bool(row[15]))
        for row in session.execute(stmt)
    }
    return [by_id[i] for i in ids if i in by_id]


def search(
    session: Session,
    event_id: int,
    query: str,
    *,
    limit: int = 20,
    filters: ParticipantFilter = ParticipantFilter(),
) -> list[ParticipantRow]:
    """The best ``limit`` matches, for the CLI and quick lookups at the door."""
    return participant_rows(
        session, participant_ids(session, event_id, query, filters, limit=limit)
    )


def count(session: Session, event_id: int) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Participant).where(Participant.event_id == event_id)
        )
        or 0
    )


__all__ = [
    "SORTS",
    "ParticipantFilter",
    "ParticipantRow",
    "count",
    "participant_ids",
    "participant_rows",
    "search",
]
