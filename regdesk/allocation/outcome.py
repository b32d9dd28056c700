"""The result of an allocation run and the figures an organiser judges it by."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from .instance import Assignment, Instance, wanted_places


@dataclass(frozen=True)
class Summary:
    """Figures of one outcome. Shares are of the places wished for (``wanted``), so the
    shares of each rank and ``short`` add up to the whole."""

    wanted: int  # places the participants could use, capacities aside
    by_rank: dict[int, int]  # places given at each rank
    short: int  # places wished for but not given
    people: int  # participants with at least one wish
    people_without_place: int  # of them, those who got nothing
    people_fully_served: int  # those who got every place they could use
    fill: dict[int, int]  # item id -> places given in this run

    @property
    def placed(self) -> int:
        return sum(self.by_rank.values())

    def share(self, rank: int) -> float:
        return self.by_rank.get(rank, 0) / self.wanted if self.wanted else 0.0

    @property
    def short_share(self) -> float:
        return self.short / self.wanted if self.wanted else 0.0


@dataclass(frozen=True)
class Outcome:
    method: str  # "optimal" or "fcfs"
    assignments: tuple[Assignment, ...]
    score: int  # total points (see Instance.score)
    proven_optimal: bool  # the solver proved no assignment is better (see solver)
    seconds: float
    summary: Summary

    @classmethod
    def of(
        cls,
        instance: Instance,
        assignments: list[Assignment],
        *,
        method: str,
        proven_optimal: bool,
        started: float,
    ) -> Outcome:
        assignments = sorted(assignments, key=lambda a: (a.participant_id, a.item_id))
        return cls(
            method,
            tuple(assignments),
            sum(instance.score(a.rank) for a in assignments),
            proven_optimal,
            time.perf_counter() - started,
            summarise(instance, assignments),
        )


def summarise(instance: Instance, assignments: list[Assignment]) -> Summary:
    wanted = wanted_places(instance)
    got = Counter(a.participant_id for a in assignments)
    return Summary(
        wanted=sum(wanted.values()),
        by_rank=dict(sorted(Counter(a.rank for a in assignments).items())),
        short=sum(max(0, n - got[p]) for p, n in wanted.items()),
        people=len(wanted),
        people_without_place=sum(1 for p in wanted if got[p] == 0),
        people_fully_served=sum(1 for p, n in wanted.items() if got[p] >= n),
        fill=dict(Counter(a.item_id for a in assignments)),
    )
