"""An allocation problem as plain data, independent of the database.

An *offer* is one session of a programme item with places left for the run; items that
share an *offering* key are sessions of the same workshop held in several slots. A *wish*
says that a participant would take that session, with the rank of their choice (1 = first).
The rules every assignment keeps:

- an offer never gets more people than it has places left;
- nobody holds two offers whose times overlap;
- nobody gets two sessions of the same offering;
- nobody gets an offer they did not wish for.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Offer:
    item_id: int
    offering: str
    free: int | None  # places left for the run; None: unlimited
    day: int  # any value that identifies the day (an ordinal is enough)
    start: int  # minutes since midnight
    end: int

    def overlaps(self, other: Offer) -> bool:
        return self.day == other.day and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Wish:
    participant_id: int
    item_id: int
    rank: int


@dataclass(frozen=True)
class Assignment:
    participant_id: int
    item_id: int
    rank: int


@dataclass(frozen=True)
class Instance:
    offers: tuple[Offer, ...]
    wishes: tuple[Wish, ...]
    order: tuple[int, ...] = ()  # participants, first come first (for the FCFS comparison)
    _offers_by_id: dict[int, Offer] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._offers_by_id.update({o.item_id: o for o in self.offers})
        if not self.order:
            people = sorted({w.participant_id for w in self.wishes})
            object.__setattr__(self, "order", tuple(people))

    def offer(self, item_id: int) -> Offer:
        return self._offers_by_id[item_id]

    @functools.cached_property
    def max_rank(self) -> int:
        return max((w.rank for w in self.wishes), default=0)

    def score(self, rank: int) -> int:
        """Points for a place at this rank: with K ranks, a first choice is worth K, a
        K-th choice 1, no place 0 (the Borda count)."""
        return self.max_rank + 1 - rank

    def wishes_by_participant(self) -> dict[int, list[Wish]]:
        result: dict[int, list[Wish]] = defaultdict(list)
        for wish in self.wishes:
            result[wish.participant_id].append(wish)
        return result


def time_groups(offers: Iterable[Offer]) -> dict[int, list[int]]:
    """For each offer, the ids of the groups of mutually overlapping offers it belongs to.

    Time intervals on one day overlap pairwise exactly when they share a point, so the
    groups are the sets of offers running at each start time; "at most one place per
    group" is the same as "no two overlapping places"."""
    offers = list(offers)
    by_day: dict[int, list[Offer]] = defaultdict(list)
    for offer in offers:
        by_day[offer.day].append(offer)
    groups: dict[int, list[int]] = defaultdict(list)
    seen: dict[frozenset[int], int] = {}
    for day_offers in by_day.values():
        for point in sorted({o.start for o in day_offers}):
            members = frozenset(o.item_id for o in day_offers if o.start <= point < o.end)
            group = seen.setdefault(members, len(seen))
            for item_id in members:
                if group not in groups[item_id]:
                    groups[item_id].append(group)
    return groups


def wanted_places(instance: Instance) -> dict[int, int]:
    """How many places each participant could use at most, capacities aside: bounded by the
    number of different offerings they wished for and by the most wished offers they could
    attend without overlap (interval scheduling by earliest end)."""
    result = {}
    for participant_id, wishes in instance.wishes_by_participant().items():
        offers = sorted({instance.offer(w.item_id) for w in wishes}, key=lambda o: (o.day, o.end))
        fits, last = 0, None
        for offer in offers:
            if last is None or offer.day != last.day or offer.start >= last.end:
                fits, last = fits + 1, offer
        result[participant_id] = min(fits, len({o.offering for o in offers}))
    return result


def violations(instance: Instance, assignments: Iterable[Assignment]) -> list[str]:
    """Every broken rule in an assignment, in words (empty when it is valid)."""
    problems: list[str] = []
    wished = {(w.participant_id, w.item_id): w.rank for w in instance.wishes}
    taken: dict[int, int] = defaultdict(int)
    held: dict[int, list[Offer]] = defaultdict(list)
    for a in assignments:
        if (a.participant_id, a.item_id) not in wished:
            problems.append(f"participant {a.participant_id} did not wish for item {a.item_id}")
            continue
        if wished[(a.participant_id, a.item_id)] != a.rank:
            problems.append(f"participant {a.participant_id}: wrong rank for item {a.item_id}")
        offer = instance.offer(a.item_id)
        for other in held[a.participant_id]:
            if other.item_id == offer.item_id:
                problems.append(f"participant {a.participant_id} twice in item {a.item_id}")
            elif other.offering == offer.offering:
                problems.append(
                    f"participant {a.participant_id} twice in offering {offer.offering}"
                )
            elif other.overlaps(offer):
                problems.append(
                    f"participant {a.participant_id}: items {other.item_id} and "
                    f"{offer.item_id} overlap"
                )
        held[a.participant_id].append(offer)
        taken[a.item_id] += 1
    for item_id, count in taken.items():
        free = instance.offer(item_id).free
        if free is not None and count > free:
            problems.append(f"item {item_id}: {count} people for {free} places")
    return problems
