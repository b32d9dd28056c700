"""Optimal allocation as an integer linear programme, solved by HiGHS.

One binary variable per wish (participant x session). Rows: the places left per session,
at most one place per participant among sessions that overlap in time, at most one
session per offering and participant.

The objective is lexicographic, folded into one integral objective:

1. the most points in total (Borda count: with K ranks a first choice gives K points,
   a K-th choice 1, no place 0);
2. among those, the fairest: the least sum of penalties, where a place at rank r costs
   (r - 1)^2 and a place wished for but not given costs K^2 -- so nobody is pushed to a
   low choice, or left out, to lift somebody else. With the points fixed, the penalty
   is least when the ranks spread least; for three choices that is exactly "the fewest
   third choices, then the fewest people without a place".

The points are weighted by M, one more than the largest penalty difference any two
assignments can have, so no amount of fairness outweighs a single point. Every
coefficient is a whole number, so an absolute gap below one proves the optimum.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable

import highspy
import numpy as np

from ..errors import Cancelled
from .instance import Assignment, Instance, time_groups, wanted_places
from .outcome import Outcome

DEFAULT_TIME_LIMIT = 60.0  # seconds


def solve(
    instance: Instance,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
    cancelled: Callable[[], bool] | None = None,
) -> Outcome:
    started = time.perf_counter()
    if not instance.wishes:
        return Outcome.of(instance, [], method="optimal", proven_optimal=True, started=started)
    x, proven = _Model(instance, cancelled).solve(objective(instance), time_limit)
    chosen = [
        Assignment(w.participant_id, w.item_id, w.rank)
        for w, value in zip(instance.wishes, x, strict=True)
        if value > 0.5
    ]
    return Outcome.of(instance, chosen, method="optimal", proven_optimal=proven, started=started)


def penalty(instance: Instance, rank: int | None) -> int:
    """The fairness penalty of a place at ``rank`` (None: a wished place not given)."""
    k = instance.max_rank
    return k * k if rank is None else (rank - 1) ** 2


def objective(instance: Instance) -> np.ndarray:
    """Coefficients to maximise: M x points + (penalty saved by giving the place)."""
    ranks = np.array([w.rank for w in instance.wishes], dtype=np.int64)
    k = instance.max_rank
    saved = k * k - (ranks - 1) ** 2
    m = sum(wanted_places(instance).values()) * k * k + 1
    return (m * (k + 1 - ranks) + saved).astype(np.double)


class _Model:
    def __init__(self, instance: Instance, cancelled: Callable[[], bool] | None) -> None:
        self.cancelled = cancelled
        self.n = n = len(instance.wishes)
        self.columns = np.arange(n, dtype=np.int32)
        h = highspy.Highs()
        h.silent()
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.99)  # the objective is integral
        h.setOptionValue("random_seed", 7)
        if cancelled is not None:
            h.cbSimplexInterrupt += self._interrupt
            h.cbMipInterrupt += self._interrupt
        self.h = h

        lp = highspy.HighsLp()
        lp.num_col_ = n
        lp.sense_ = highspy.ObjSense.kMaximize
        lp.col_cost_ = np.zeros(n)
        lp.col_lower_ = np.zeros(n)
        lp.col_upper_ = np.ones(n)
        rows, upper = _rows(instance)
        lp.num_row_ = len(rows)
        lp.row_lower_ = np.full(len(rows), -highspy.kHighsInf)
        lp.row_upper_ = np.array(upper, dtype=np.double)
        starts = np.zeros(len(rows) + 1, dtype=np.int32)
        starts[1:] = np.cumsum([len(r) for r in rows])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = np.fromiter((j for r in rows for j in r), dtype=np.int32)
        lp.a_matrix_.value_ = np.ones(int(starts[-1]))
        h.passModel(lp)

    def _interrupt(self, event) -> None:
        if self.cancelled():
            event.interrupt()

    def solve(self, costs: np.ndarray, time_limit: float) -> tuple[np.ndarray, bool]:
        """The best 0/1 solution found and whether it is proven optimal.

        The linear relaxation goes first: these problems are close to transportation
        problems, whose relaxation has whole-number optima, and a whole-number optimum
        of the relaxation is proven optimal for the integer programme as well. Only when
        it has fractions does branch and bound run."""
        h = self.h
        deadline = time.perf_counter() + time_limit
        h.changeColsCost(self.n, self.columns, costs)
        h.setOptionValue("time_limit", time_limit)
        self._run()
        values = np.array(h.getSolution().col_value)
        if h.getModelStatus() == highspy.HighsModelStatus.kOptimal and _whole(values):
            return np.round(values), True
        kind = np.full(self.n, highspy.HighsVarType.kInteger)
        h.changeColsIntegrality(self.n, self.columns, kind)
        h.setOptionValue("time_limit", max(0.1, deadline - time.perf_counter()))
        self._run()
        status = h.getModelStatus()
        values = np.array(h.getSolution().col_value)
        if len(values) != self.n or not h.getInfo().primal_solution_status:
            raise RuntimeError(f"HiGHS found no allocation ({h.modelStatusToString(status)})")
        return np.round(values), status == highspy.HighsModelStatus.kOptimal

    def _run(self) -> None:
        self.h.run()
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()


def _whole(values: np.ndarray) -> bool:
    return bool(np.all(np.abs(values - np.round(values)) < 1e-6))


def _rows(instance: Instance) -> tuple[list[list[int]], list[float]]:
    """The constraint rows (column lists, each row a sum <= its upper bound)."""
    groups = time_groups(instance.offers)
    rows: list[list[int]] = []
    upper: list[float] = []
    by_item: dict[int, list[int]] = defaultdict(list)
    by_person_group: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_person_offering: dict[tuple[int, str], list[int]] = defaultdict(list)
    for j, wish in enumerate(instance.wishes):
        offer = instance.offer(wish.item_id)
        by_item[wish.item_id].append(j)
        for group in groups[wish.item_id]:
            by_person_group[(wish.participant_id, group)].append(j)
        by_person_offering[(wish.participant_id, offer.offering)].append(j)
    for item_id, columns in by_item.items():
        free = instance.offer(item_id).free
        if free is not None and free < len(columns):
            rows.append(columns)
            upper.append(free)
    seen: set[tuple[int, ...]] = set()
    for columns in (*by_person_group.values(), *by_person_offering.values()):
        key = tuple(columns)
        if len(columns) > 1 and key not in seen:
            seen.add(key)
            rows.append(columns)
            upper.append(1)
    return rows, upper
