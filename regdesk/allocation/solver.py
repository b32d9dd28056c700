"""Optimal allocation as an integer linear programme, solved by HiGHS.

One binary variable per wish (participant x session). Rows: the places left per session,
at most one place per participant among sessions that overlap in time, at most one
session per offering and participant.

The objective is lexicographic -- each criterion counts only among the assignments that
are best in the ones before it:

1. the most people with at least one place (nobody gets a second workshop while
   somebody else who wished for one gets none);
2. the most points in total (Borda count: with K ranks a first choice gives K points,
   a K-th choice 1, no place 0) -- the total satisfaction;
3. the fairest: the least sum of penalties, where a place at rank r costs (r - 1)^2 and
   a place wished for but not given K^2 -- so nobody is pushed to a low choice, or left
   short, to lift somebody else. With the points fixed, the penalty is least when the
   ranks spread least; for three choices that is exactly "the fewest third choices".

The criteria are folded into one objective with weights so large that no amount of a
later criterion outweighs one unit of an earlier one; every coefficient is a whole
number, so an absolute gap below one proves the optimum. When the weights would no
longer be exact in floating point (hundreds of thousands of places), criterion 1 is
solved first and kept as a constraint instead.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

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
    deadline = started + time_limit
    weights = objective(instance)
    model = _Model(instance, cancelled)
    alone = model.single.astype(np.double)  # places that are their holder's only one
    n_people = model.width - model.n
    if weights.exact:
        costs = np.concatenate(
            [weights.place + weights.person * alone, np.full(n_people, weights.person)]
        )
        x, proven = model.solve(costs, deadline)
    else:
        cover = np.concatenate([alone, np.ones(n_people)])
        x, proven = model.solve(cover, deadline)
        model.keep(cover, lower=float(cover @ x))
        x, also = model.solve(np.concatenate([weights.place, np.zeros(n_people)]), deadline)
        proven = proven and also
    chosen = [
        Assignment(w.participant_id, w.item_id, w.rank)
        for w, value in zip(instance.wishes, x[: model.n], strict=True)
        if value > 0.5
    ]
    return Outcome.of(instance, chosen, method="optimal", proven_optimal=proven, started=started)


def penalty(instance: Instance, rank: int | None) -> int:
    """The fairness penalty of a place at ``rank`` (None: a wished place not given)."""
    k = instance.max_rank
    return k * k if rank is None else (rank - 1) ** 2


@dataclass(frozen=True)
class Objective:
    """The weights that fold the three criteria into one objective (see module doc)."""

    place: np.ndarray  # per wish: M x points + penalty saved
    person: float  # per participant with at least one place: C
    exact: bool  # the weighted sum fits a double exactly


def objective(instance: Instance) -> Objective:
    ranks = np.array([w.rank for w in instance.wishes], dtype=np.int64)
    k = instance.max_rank
    most_places = sum(wanted_places(instance).values())
    m = most_places * k * k + 1
    c = m * k * most_places + most_places * k * k + 1
    people = len({w.participant_id for w in instance.wishes})
    place = m * (k + 1 - ranks) + (k * k - (ranks - 1) ** 2)
    exact = c * people + m * k * most_places < 2**52
    return Objective(place.astype(np.double), float(c), exact)


class _Model:
    """Columns: one per wish, then one per participant who could hold several places
    (1 when they hold at least one: y <= sum of their places). For everybody else the
    places themselves count the person."""

    def __init__(self, instance: Instance, cancelled: Callable[[], bool] | None) -> None:
        self.cancelled = cancelled
        self.n = n = len(instance.wishes)
        wanted = wanted_places(instance)
        self.single = np.array([wanted[w.participant_id] <= 1 for w in instance.wishes])
        several = sorted(p for p, k in wanted.items() if k > 1)
        person_column = {p: n + i for i, p in enumerate(several)}
        self.width = width = n + len(several)
        self.columns = np.arange(width, dtype=np.int32)
        h = highspy.Highs()
        h.silent()
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.99)  # the objective is integral
        h.setOptionValue("random_seed", 7)
        if cancelled is not None:
            h.cbSimplexInterrupt += self._interrupt
            h.cbMipInterrupt += self._interrupt
        self.h = h

        rows, values, upper = _rows(instance)
        places_of: dict[int, list[int]] = defaultdict(list)
        for j, wish in enumerate(instance.wishes):
            places_of[wish.participant_id].append(j)
        for p, column in person_column.items():
            places = places_of[p]
            rows.append([column, *places])
            values.append([1.0] + [-1.0] * len(places))
            upper.append(0.0)
        lp = highspy.HighsLp()
        lp.num_col_ = width
        lp.sense_ = highspy.ObjSense.kMaximize
        lp.col_cost_ = np.zeros(width)
        lp.col_lower_ = np.zeros(width)
        lp.col_upper_ = np.ones(width)
        lp.num_row_ = len(rows)
        lp.row_lower_ = np.full(len(rows), -highspy.kHighsInf)
        lp.row_upper_ = np.array(upper, dtype=np.double)
        starts = np.zeros(len(rows) + 1, dtype=np.int32)
        starts[1:] = np.cumsum([len(r) for r in rows])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = np.fromiter((j for r in rows for j in r), dtype=np.int32)
        lp.a_matrix_.value_ = np.fromiter((v for r in values for v in r), dtype=np.double)
        h.passModel(lp)

    def _interrupt(self, event) -> None:
        if self.cancelled():
            event.interrupt()

    def solve(self, costs: np.ndarray, deadline: float) -> tuple[np.ndarray, bool]:
        """The best 0/1 solution found and whether it is proven optimal.

        The linear relaxation goes first: these problems are close to transportation
        problems, whose relaxation has whole-number optima, and a whole-number optimum
        of the relaxation is proven optimal for the integer programme as well. Only when
        it has fractions does branch and bound run (on the place columns; the person
        columns follow them)."""
        h = self.h
        h.changeColsCost(self.width, self.columns, costs)
        self._set_integral(False)
        self._run(deadline)
        values = np.array(h.getSolution().col_value)
        if h.getModelStatus() == highspy.HighsModelStatus.kOptimal and _whole(values):
            return np.round(values), True
        self._set_integral(True)
        self._run(deadline)
        status = h.getModelStatus()
        values = np.array(h.getSolution().col_value)
        if len(values) != self.width or not h.getInfo().primal_solution_status:
            raise RuntimeError(f"HiGHS found no allocation ({h.modelStatusToString(status)})")
        return np.round(values), status == highspy.HighsModelStatus.kOptimal

    def keep(self, costs: np.ndarray, *, lower: float) -> None:
        """Later solves keep ``costs @ x >= lower``."""
        columns = np.nonzero(costs)[0].astype(np.int32)
        self.h.addRow(lower - 0.5, highspy.kHighsInf, len(columns), columns, costs[columns])

    def _set_integral(self, integral: bool) -> None:
        kind = highspy.HighsVarType.kInteger if integral else highspy.HighsVarType.kContinuous
        self.h.changeColsIntegrality(self.n, self.columns[: self.n], np.full(self.n, kind))

    def _run(self, deadline: float) -> None:
        self.h.setOptionValue("time_limit", max(0.1, deadline - time.perf_counter()))
        self.h.run()
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()


def _whole(values: np.ndarray) -> bool:
    return bool(np.all(np.abs(values - np.round(values)) < 1e-6))


def _rows(instance: Instance) -> tuple[list[list[int]], list[list[float]], list[float]]:
    """The constraint rows: columns, coefficients (all 1) and upper bounds."""
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
    return rows, [[1.0] * len(r) for r in rows], upper
