"""What every list shares: the request (which list, narrowed how, in which language),
the event as lists show it (its time zone, headings, words), and reading participants
and what belongs to them in chunks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..exporting.labels import WEEKDAYS, text
from ..models import Category, Consent, ConsentKind, Participant, ProgrammeItem
from ..text import format_date
from .audit_log import AuditFilter
from .events import EventSummary
from .search import ParticipantFilter

CHUNK = 1000


@dataclass(frozen=True)
class ListRequest:
    """Which list, narrowed how, in which language. ``item_ids`` and ``day_ids`` narrow a
    list to people on those items or days; for sign-in sheets and rosters they also say
    which sheets to make (none: every day, every item with people)."""

    kind: str
    category_ids: tuple[int, ...] = ()
    status: str | None = None  # None: registered and cancelled (lists of attendance: registered)
    checked_in: bool | None = None
    item_ids: tuple[int, ...] = ()
    day_ids: tuple[int, ...] = ()
    language: str = "de"
    blank_rows: int = 0  # sign-in sheets: numbered empty rows for people added on the day
    phone: bool = False  # rosters: phone numbers on every item's sheet (excursions: always)
    audit: AuditFilter | None = None  # the audit log: who, what, about whom, when


@dataclass
class ListContext:
    summary: EventSummary
    zone: ZoneInfo
    language: str

    def local(self, value: datetime | None) -> datetime | None:
        """A stored UTC time as the event's wall-clock time (naive, for spreadsheets)."""
        return None if value is None else value.astimezone(self.zone).replace(tzinfo=None)

    def t(self, key: str, **values) -> str:
        return text(key, self.language, **values)

    def day_name(self, day: date) -> str:
        return f"{WEEKDAYS[self.language][day.weekday()]}, {format_date(day)}"

    def heading(self) -> list[str]:
        e = self.summary
        place = ", ".join(p for p in (e.venue_name, e.venue_address.replace("\n", ", ")) if p)
        lines = [f"{self.t('event')}: {e.name}"]
        if place:
            lines.append(f"{self.t('venue')}: {place}")
        if e.organiser:
            lines.append(f"{self.t('organiser')}: {e.organiser}")
        return lines


def stamp(value: datetime) -> str:
    return f"{format_date(value.date())} {value:%H:%M}"


def filters_of(request: ListRequest, **overrides) -> ParticipantFilter:
    values = dict(
        category_ids=request.category_ids,
        status=request.status,
        checked_in=request.checked_in,
        item_ids=request.item_ids,
        day_ids=request.day_ids,
    )
    return ParticipantFilter(**(values | overrides))


def filter_words(session: Session, event: ListContext, request: ListRequest) -> Iterable[str]:
    categories = {c.id: c.name for c in event.summary.categories}
    yield from (categories.get(c, str(c)) for c in request.category_ids)
    if request.status is not None and request.kind in ("participants", "scans"):
        yield event.t(request.status)
    if request.checked_in is not None:
        yield event.t("checked_in_yes" if request.checked_in else "checked_in_no")
    if request.kind not in ("signin", "rosters"):
        days = {d.id: d.date for d in event.summary.days}
        yield from (format_date(days[d]) for d in request.day_ids if d in days)
        if request.item_ids:
            titles = dict(
                session.execute(
                    select(ProgrammeItem.id, ProgrammeItem.title).where(
                        ProgrammeItem.id.in_(request.item_ids)
                    )
                ).all()
            )
            yield from (titles.get(i, str(i)) for i in request.item_ids)


def chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def people_of(session: Session, ids: list[int]) -> dict[int, tuple[Participant, str]]:
    found = {}
    for chunk in chunks(ids):
        for p, category in session.execute(
            select(Participant, Category.name)
            .join(Category, Participant.category_id == Category.id)
            .where(Participant.id.in_(chunk))
        ):
            found[p.id] = (p, category)
    return found


def grouped(session: Session, ids: list[int], query: Callable, pid_column) -> dict[int, list]:
    """Rows of ``query()`` for the participants ``ids``, grouped by participant."""
    grouped: dict[int, list] = defaultdict(list)
    for chunk in chunks(ids):
        for row in session.execute(query().where(pid_column.in_(chunk))):
            grouped[row[0]].append(row[1:])
    return grouped


def item_label(code: str, title: str) -> str:
    return code or title


def join_items(labels: list[str]) -> str:
    """Codes joined by commas; a title that holds a separator goes on its own line, so the
    import reads each back as one."""
    if any(re.search(r"[,;/|]", label) for label in labels):
        return "\n".join(labels)
    return ", ".join(labels)


def salutation_word(event: ListContext, value: str) -> str:
    return event.t(value) if value in ("frau", "herr") else ""


def consented(session: Session, ids: list[int], kind: ConsentKind) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(ids):
        found |= set(
            session.scalars(
                select(Consent.participant_id).where(
                    Consent.participant_id.in_(chunk),
                    Consent.kind == kind.value,
                    Consent.granted.is_(True),
                )
            )
        )
    return found
