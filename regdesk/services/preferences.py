"""Participants' ranked wishes for programme items, the input of an allocation run.

A wish names one programme item and a rank (1 = first choice). Items that share a code
are sessions of one offering; a wish for one of them is a wish for the offering, and the
allocation may give any of its sessions. Ranks can run per time slot (1st, 2nd, 3rd
choice in each slot) or over all offerings (for workshops held in several slots).

Import format (see docs/preferences.md): one cell per rank, ``Wunsch 1``, ``Wunsch 2``,
...; a cell holds item codes or titles, several separated by commas when ranks run per
slot ("W1, W4" = first choice W1 in one slot and W4 in another).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..models import EventDay, Participant, Preference, ProgrammeItem, ProgrammeSlot
from ..text import clean
from .allocation import offering_key
from .audit import record
from .lookup import require

MAX_RANK = 50
_SEPARATORS = re.compile(r"[,;/|\n]+")
_RANK_HEADER = re.compile(
    r"^\s*(?:wunsch|wahl|pr(?:ä|ae)ferenz|choice|wish|preference)\s*(?:nr\.?\s*)?(\d{1,2})\s*$",
    re.IGNORECASE,
)


def wish_column_rank(header: str) -> int | None:
    """The rank a column header stands for ("Wunsch 1", "Wahl 2", "Präferenz 3",
    "Choice 1" ...), or None when the header is not a wish column."""
    match = _RANK_HEADER.match(header or "")
    if match is None:
        return None
    rank = int(match.group(1))
    return rank if 1 <= rank <= MAX_RANK else None


@dataclass(frozen=True)
class WishSummary:
    item_id: int
    code: str
    title: str
    day: date
    starts_at: time
    ends_at: time
    rank: int


def _items(session: Session, event_id: int):
    return session.execute(
        select(ProgrammeItem, ProgrammeSlot, EventDay.date)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(ProgrammeSlot.event_id == event_id)
        .order_by(EventDay.date, ProgrammeSlot.starts_at, ProgrammeItem.id)
    ).all()


def preferences_of(session: Session, participant_id: int) -> list[WishSummary]:
    """A participant's wishes by rank, then time."""
    rows = session.execute(
        select(Preference.rank, ProgrammeItem, ProgrammeSlot, EventDay.date)
        .join(ProgrammeItem, Preference.item_id == ProgrammeItem.id)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(Preference.participant_id == participant_id)
        .order_by(Preference.rank, EventDay.date, ProgrammeSlot.starts_at)
    ).all()
    return [
        WishSummary(item.id, item.code, item.title, day, slot.starts_at, slot.ends_at, rank)
        for rank, item, slot, day in rows
    ]


def resolve_wishes(session: Session, event_id: int, cells: Sequence[str]) -> list[tuple[int, int]]:
    """(item id, rank) pairs from import cells: cell n holds the n-th choices, as item
    codes or titles (case does not matter). Empty cells are skipped."""
    by_name: dict[str, int] = {}
    for item, _, _ in _items(session, event_id):
        by_name.setdefault(item.title.casefold(), item.id)
        if item.code:
            by_name.setdefault(item.code.casefold(), item.id)
    wishes, problems = [], []
    for rank, cell in enumerate(cells, start=1):
        for name in filter(None, (clean(part) for part in _SEPARATORS.split(cell or ""))):
            item_id = by_name.get(name.casefold())
            if item_id is None:
                problems.append(Problem(f"wish{rank}", "unknown_item", (("value", name),)))
            else:
                wishes.append((item_id, rank))
    if problems:
        raise Invalid(problems)
    return wishes


def set_preferences(
    session: Session, participant_id: int, wishes: Sequence[tuple[int, int]], *, actor: str
) -> list[WishSummary]:
    """Replace a participant's wishes with ``wishes`` ((item id, rank) pairs)."""
    participant = require(session, Participant, participant_id)
    items = {
        item.id: (item, slot, day) for item, slot, day in _items(session, participant.event_id)
    }
    problems: list[Problem] = []
    seen: dict[str, tuple[int, int]] = {}
    for item_id, rank in wishes:
        if item_id not in items:
            problems.append(Problem("wishes", "unknown_item", (("value", item_id),)))
            continue
        item, slot, day = items[item_id]
        if not isinstance(rank, int) or not 1 <= rank <= MAX_RANK:
            problems.append(Problem("wishes", "out_of_range", (("min", 1), ("max", MAX_RANK))))
            continue
        offering = offering_key(item)
        if offering in seen:
            problems.append(Problem("wishes", "wished_twice", (("value", item.title),)))
            continue
        for other_id, other_rank in seen.values():
            other, other_slot, other_day = items[other_id]
            if (
                other_rank == rank
                and other_day == day
                and other_slot.starts_at < slot.ends_at
                and slot.starts_at < other_slot.ends_at
            ):
                problems.append(
                    Problem(
                        "wishes",
                        "rank_twice",
                        (("rank", rank), ("value", item.title), ("other", other.title)),
                    )
                )
        seen[offering] = (item_id, rank)
    if problems:
        raise Invalid(problems)
    before = [(w.item_id, w.rank) for w in preferences_of(session, participant_id)]
    session.execute(delete(Preference).where(Preference.participant_id == participant_id))
    if wishes:
        session.execute(
            insert(Preference),
            [{"participant_id": participant_id, "item_id": i, "rank": r} for i, r in wishes],
        )
    record(
        session,
        actor=actor,
        action="preferences.set",
        entity="participant",
        entity_id=participant_id,
        event_id=participant.event_id,
        before={"wishes": before},
        after={"wishes": [list(w) for w in wishes]},
    )
    return preferences_of(session, participant_id)
