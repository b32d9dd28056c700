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
# Wish columns as registration forms and spreadsheets name them: a word for the wish and
# a rank, in any order, joined or apart ("Wunsch 1", "1. Wahl", "Workshop (1. Wahl)",
# "Erstwunsch", "Priorität 1", "1st choice", "Choice 2", "Workshop-Wunsch Nr. 2").
_WISH_WORDS = ("wunsch", "wunsche", "wahl", "praferenz", "prioritat", "priority", "choice",
               "wish", "preference", "pref")  # fmt: skip
_FILLER = {"workshop", "workshops", "session", "sessions", "forum", "foren", "fachforum",
           "programmpunkt", "nr", "no", "number", "nummer", "der", "die", "the", "te", "ter",
           "ste", "ster", "e", "er"}  # fmt: skip
_ORDINALS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "funft": 5, "sechst": 6,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}  # fmt: skip
_TOKEN = re.compile(r"\d+|[a-z]+")
_ENGLISH_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def _plain(header: str) -> str:
    text = (header or "").lower()
    for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"),
                          ("ae", "a"), ("oe", "o"), ("ue", "u")):  # fmt: skip
        text = text.replace(umlaut, plain)
    return text


def wish_column_rank(header: str) -> int | None:
    """The rank a column header stands for ("Wunsch 1", "Wahl 2", "Präferenz 3",
    "Workshop 1", "Workshop 1. Wahl", "Workshop (1. Wahl)", "1. Wahl", "Zweitwunsch",
    "Priorität 1", "1st choice", "Choice 2" ...), or None when the header is not a wish
    column. A plain "Workshop" is not: it names places; nor is a header with any other
    word in it ("Telefon 2", "Workshop 1 Raum")."""
    words = [w for w in re.split(r"[^a-z0-9]+", _plain(header)) if w]
    tokens = [t for w in words for t in _split_word(w)]
    rank: int | None = None
    wish = False
    workshop = False
    for token in tokens:
        if token.isdigit() or _ENGLISH_ORDINAL.match(token):
            number = int(_ENGLISH_ORDINAL.match(token).group(1) if not token.isdigit() else token)
            if rank is not None:
                return None
            rank = number
        elif token in _ORDINALS:
            if rank is not None:
                return None
            rank = _ORDINALS[token]
        elif token in _WISH_WORDS:
            wish = True
        elif token in ("workshop", "workshops", "session", "sessions"):
            workshop = True
        elif token not in _FILLER:
            return None
    if rank is None or not (wish or workshop):
        return None
    return rank if 1 <= rank <= MAX_RANK else None


def _split_word(word: str) -> list[str]:
    """ "erstwunsch" -> erst, wunsch; "workshopwunsch2" -> workshop, wunsch, 2;
    "1st" stays one token."""
    if _ENGLISH_ORDINAL.match(word):
        return [word]
    parts: list[str] = []
    for piece in _TOKEN.findall(word):
        if piece.isdigit():
            parts.append(piece)
            continue
        parts += _split_letters(piece)
    return parts


def _split_letters(piece: str) -> list[str]:
    known = sorted({*_WISH_WORDS, *_ORDINALS, "workshop", "session"}, key=len, reverse=True)
    for word in known:
        if piece.startswith(word) and piece != word:
            rest = piece[len(word) :]
            tail = _split_letters(rest)
            if all(t in _WISH_WORDS or t in _ORDINALS or t in _FILLER for t in tail):
                return [word, *tail]
        if piece.endswith(word) and piece != word:
            head = piece[: -len(word)]
            if head in _ORDINALS or head in ("workshop", "session"):
                return [head, word]
    return [piece]


@dataclass(frozen=True)
class WishSummary:
    item_id: int
    code: str
    title: str
    day: date
    starts_at: time
    ends_at: time
    rank: int


@dataclass(frozen=True)
class ItemTime:
    """What checking wishes (and enrolments from an import) needs to know of an item."""

    id: int
    code: str
    title: str
    offering: str  # items sharing a code are sessions of one offering
    day: date
    starts_at: time
    ends_at: time
    capacity: int | None

    def overlaps(self, other: ItemTime) -> bool:
        return (
            self.day == other.day
            and self.starts_at < other.ends_at
            and other.starts_at < self.ends_at
        )


def programme_items(session: Session, event_id: int) -> list[ItemTime]:
    """The event's programme items in time order, in one query."""
    rows = session.execute(
        select(ProgrammeItem, ProgrammeSlot, EventDay.date)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(ProgrammeSlot.event_id == event_id)
        .order_by(EventDay.date, ProgrammeSlot.starts_at, ProgrammeItem.id)
    ).all()
    return [
        ItemTime(
            item.id,
            item.code,
            item.title,
            offering_key(item),
            day,
            slot.starts_at,
            slot.ends_at,
            item.capacity,
        )
        for item, slot, day in rows
    ]


def item_names(items: Sequence[ItemTime]) -> dict[str, int]:
    """Item ids by code and by title, case-folded (a code wins over an equal title; the
    first item of a code stands for its offering)."""
    names: dict[str, int] = {}
    for item in items:
        if item.code:
            names.setdefault(item.code.casefold(), item.id)
    for item in items:
        names.setdefault(item.title.casefold(), item.id)
    return names


def split_items(cell: str) -> list[str]:
    """The item names in one cell: separated by commas, semicolons, slashes, bars or
    line breaks."""
    return [name for name in (clean(part) for part in _SEPARATORS.split(cell or "")) if name]


def match_items(names: dict[str, int], cell: str) -> tuple[list[int], list[str]]:
    """The items a cell names (ids, in order, each once) and the names no item has. A line
    that is an item's title as a whole counts as one, separators in it or not."""
    found: list[int] = []
    unknown: list[str] = []
    for line in (cell or "").splitlines():
        line = clean(line)
        whole = names.get(line.casefold()) if line else None
        for name in [line] if whole is not None else split_items(line):
            item_id = names.get(name.casefold())
            if item_id is None:
                unknown.append(name)
            elif item_id not in found:
                found.append(item_id)
    return found, unknown


def parse_wish_cells(
    names: dict[str, int], cells: Sequence[str]
) -> tuple[list[tuple[int, int]], list[Problem]]:
    """(item id, rank) pairs from cells (cell n holds the n-th choices) and the names no
    item has."""
    wishes, problems = [], []
    for rank, cell in enumerate(cells, start=1):
        found, unknown = match_items(names, cell)
        wishes += [(item_id, rank) for item_id in found]
        problems += [Problem(f"wish{rank}", "unknown_item", (("value", n),)) for n in unknown]
    return wishes, problems


def check_wishes(
    items: dict[int, ItemTime], wishes: Sequence[tuple[int, int]], field: str = "wishes"
) -> list[Problem]:
    """What is wrong with a person's wishes: unknown items, ranks out of range, an
    offering wished twice, two wishes of one rank at the same time."""
    problems: list[Problem] = []
    seen: dict[str, tuple[ItemTime, int]] = {}
    for item_id, rank in wishes:
        item = items.get(item_id)
        if item is None:
            problems.append(Problem(field, "unknown_item", (("value", item_id),)))
            continue
        if not isinstance(rank, int) or not 1 <= rank <= MAX_RANK:
            problems.append(Problem(field, "out_of_range", (("min", 1), ("max", MAX_RANK))))
            continue
        if item.offering in seen:
            problems.append(Problem(field, "wished_twice", (("value", item.title),)))
            continue
        for other, other_rank in seen.values():
            if other_rank == rank and item.overlaps(other):
                problems.append(
                    Problem(
                        field,
                        "rank_twice",
                        (("rank", rank), ("value", item.title), ("other", other.title)),
                    )
                )
        seen[item.offering] = (item, rank)
    return problems


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
    wishes, problems = parse_wish_cells(item_names(programme_items(session, event_id)), cells)
    if problems:
        raise Invalid(problems)
    return wishes


def set_preferences(
    session: Session, participant_id: int, wishes: Sequence[tuple[int, int]], *, actor: str
) -> list[WishSummary]:
    """Replace a participant's wishes with ``wishes`` ((item id, rank) pairs)."""
    participant = require(session, Participant, participant_id)
    items = {item.id: item for item in programme_items(session, participant.event_id)}
    problems = check_wishes(items, wishes)
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
