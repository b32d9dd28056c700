"""The allocation solver on plain instances: rules, optimality against exhaustive search,
fairness among optimal assignments, and never worse than first come, first served."""

from __future__ import annotations

import highspy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdesk.allocation import (
    Assignment,
    Instance,
    Offer,
    Wish,
    first_come_first_served,
    solve,
    solver,
    violations,
    wanted_places,
)
from regdesk.allocation.solver import penalty
from regdesk.allocation.synthetic import one_round, parallel_slots
from regdesk.errors import Cancelled


def offer(item_id, free, start=540, end=630, offering=None, day=0):
    return Offer(item_id, offering or f"O{item_id}", free, day, start, end)


def key(instance: Instance, assignments) -> tuple[int, int, int]:
    """What the solver maximises, in order: people with a place, points, -penalty."""
    covered = len({a.participant_id for a in assignments})
    points = sum(instance.score(a.rank) for a in assignments)
    short = sum(wanted_places(instance).values()) - len(assignments)
    pen = sum(penalty(instance, a.rank) for a in assignments) + short * penalty(instance, None)
    return covered, points, -pen


def best_by_exhaustive_search(instance: Instance) -> tuple[int, int]:
    wishes = instance.wishes
    best = None
    for mask in range(1 << len(wishes)):
        chosen = [
            Assignment(w.participant_id, w.item_id, w.rank)
            for i, w in enumerate(wishes)
            if mask >> i & 1
        ]
        if not violations(instance, chosen):
            k = key(instance, chosen)
            best = k if best is None or k > best else best
    return best


# --- rules, by hand -------------------------------------------------------------------------


def test_capacity_goes_to_those_with_no_other_choice():
    # A has one place; P1 likes A best but B nearly as much, P2 only wants A.
    instance = Instance(
        (offer(1, 1), offer(2, 1)),
        (Wish(1, 1, 1), Wish(1, 2, 2), Wish(2, 1, 1)),
        order=(1, 2),
    )
    result = solve(instance)
    assert set(result.assignments) == {Assignment(1, 2, 2), Assignment(2, 1, 1)}
    assert result.proven_optimal
    fcfs = first_come_first_served(instance)  # P1 came first and took A: P2 is left out
    assert set(fcfs.assignments) == {Assignment(1, 1, 1)}
    assert result.summary.people_without_place == 0
    assert fcfs.summary.people_without_place == 1


def test_no_two_places_at_overlapping_times():
    # an excursion 9-12 overlaps both workshop slots (9-10 and 10-11), which do not overlap
    excursion, early, late = (
        offer(1, None, 540, 720),
        offer(2, None, 540, 600),
        offer(3, None, 600, 660),
    )
    instance = Instance(
        (excursion, early, late),
        (Wish(1, 1, 1), Wish(1, 2, 2), Wish(1, 3, 2)),
    )
    result = solve(instance)
    # the excursion (first choice: 2 points) ties with the two workshops (1 + 1), but
    # leaves a place short: the two workshops are fairer
    assert {a.item_id for a in result.assignments} == {2, 3}
    assert not violations(instance, result.assignments)


def test_a_place_for_everybody_before_a_second_place_for_anybody():
    # P1 wants A (9:00) and B (11:00) first; P2 wants B only, as third choice. B has one
    # place: P1 would score more with it, but P2 would go home with nothing.
    instance = Instance(
        (offer(1, None, 540, 600), offer(2, 1, 660, 720), offer(3, 0, 660, 720)),
        (Wish(1, 1, 1), Wish(1, 2, 1), Wish(2, 3, 1), Wish(2, 2, 3)),
    )
    result = solve(instance)
    assert set(result.assignments) == {Assignment(1, 1, 1), Assignment(2, 2, 3)}


def test_a_repeated_workshop_is_given_once():
    # W1 runs at 9 and at 11; P1 wishes W1 first and W2 (at 11) second
    instance = Instance(
        (
            offer(1, None, 540, 600, "W1"),
            offer(2, None, 660, 720, "W1"),
            offer(3, None, 660, 720, "W2"),
        ),
        (Wish(1, 1, 1), Wish(1, 2, 1), Wish(1, 3, 2)),
    )
    result = solve(instance)
    assert {a.item_id for a in result.assignments} == {1, 3}


def test_a_fractional_relaxation_goes_to_branch_and_bound(monkeypatch):
    # W1 at 9 and at 10, an excursion 9-11: every two of the three exclude each other,
    # so the linear relaxation takes half of each (1.5 places). The answer must be whole.
    instance = Instance(
        (
            offer(1, None, 540, 600, "W1"),
            offer(2, None, 600, 660, "W1"),
            offer(3, None, 540, 660, "X"),
        ),
        (Wish(1, 1, 1), Wish(1, 2, 1), Wish(1, 3, 1)),
    )
    branched = []
    original = highspy.Highs.changeColsIntegrality
    monkeypatch.setattr(
        highspy.Highs,
        "changeColsIntegrality",
        lambda self, *args: branched.append(True) or original(self, *args),
    )
    result = solve(instance)
    assert branched, "the relaxation should have been fractional"
    assert result.proven_optimal and len(result.assignments) == 1
    assert key(instance, result.assignments) == best_by_exhaustive_search(instance)


def test_among_equal_points_the_fairer_assignment_wins():
    # Two places (A, B), two people with three ranks each. P1 gets A (1st) and P2 B (3rd),
    # or P1 gets B (2nd) and P2 A (2nd): 3 + 1 = 2 + 2 points, but nobody should be left
    # with a third choice when an assignment with the same points avoids it.
    instance = Instance(
        (offer(1, 1), offer(2, 1), offer(3, 0)),
        (
            Wish(1, 1, 1),
            Wish(1, 2, 2),
            Wish(1, 3, 3),
            Wish(2, 3, 1),
            Wish(2, 1, 2),
            Wish(2, 2, 3),
        ),
    )
    result = solve(instance)
    assert sorted(a.rank for a in result.assignments) == [2, 2]


def test_full_offers_and_empty_instances():
    assert solve(Instance((), ())).assignments == ()
    instance = Instance((offer(1, 0),), (Wish(1, 1, 1),))
    result = solve(instance)
    assert result.assignments == () and result.summary.people_without_place == 1


def test_cancel_stops_the_solver():
    instance = parallel_slots(participants=300, slots=2, items_per_slot=6, choices=3)
    with pytest.raises(Cancelled):
        solve(instance, cancelled=lambda: True)


def test_summary_adds_up():
    instance = parallel_slots(participants=400, slots=3, items_per_slot=5, choices=3, slack=0.9)
    for result in (solve(instance), first_come_first_served(instance)):
        s = result.summary
        assert s.placed + s.short == s.wanted == 400 * 3
        assert sum(s.share(r) for r in s.by_rank) + s.short_share == pytest.approx(1.0)
        assert sum(s.fill.values()) == s.placed
        assert s.people == 400


@pytest.mark.parametrize(
    "instance",
    [
        parallel_slots(participants=600, slots=4, items_per_slot=8, choices=3),
        one_round(participants=200, choices=12),
    ],
    ids=["parallel-slots", "one-round"],
)
def test_larger_instances_are_proven_optimal_and_beat_fcfs(instance):
    result, fcfs = solve(instance), first_come_first_served(instance)
    assert result.proven_optimal
    assert not violations(instance, result.assignments)
    assert key(instance, result.assignments) >= key(instance, fcfs.assignments)
    assert result.summary.people_without_place <= fcfs.summary.people_without_place


# --- random instances -----------------------------------------------------------------------


@st.composite
def instances(draw, max_wishes=None):
    n_offers = draw(st.integers(1, 5))
    offerings = draw(st.lists(st.sampled_from("ABCD"), min_size=n_offers, max_size=n_offers))
    offers = []
    for i in range(n_offers):
        start = draw(st.sampled_from([540, 600, 660]))
        offers.append(
            Offer(
                i + 1,
                offerings[i],
                draw(st.one_of(st.none(), st.integers(0, 3))),
                draw(st.integers(0, 1)),
                start,
                start + draw(st.sampled_from([60, 120])),
            )
        )
    wishes = []
    for p in range(1, draw(st.integers(1, 5)) + 1):
        wanted = draw(st.lists(st.sampled_from(sorted(set(offerings))), unique=True, max_size=4))
        for rank, name in enumerate(wanted, start=1):
            # a wish for an offering is a wish for each of its sessions, at the same rank
            wishes += [Wish(p, o.item_id, rank) for o in offers if o.offering == name]
    if max_wishes is not None:
        wishes = wishes[:max_wishes]
    return Instance(
        tuple(offers),
        tuple(wishes),
        order=tuple(draw(st.permutations(sorted({w.participant_id for w in wishes})))),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_wishes=12))
def test_solver_is_optimal_and_fairest_on_small_instances(instance):
    result = solve(instance)
    assert violations(instance, result.assignments) == []
    assert result.proven_optimal
    assert key(instance, result.assignments) == best_by_exhaustive_search(instance)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_wishes=10))
def test_the_two_step_solve_for_huge_instances_agrees(instance):
    # beyond about 10^5 places the folded weights no longer fit a double exactly; the
    # solver then keeps "people with a place" as a constraint and solves again
    folded = solver.objective(instance)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            solver, "objective", lambda _: solver.Objective(folded.place, folded.person, False)
        )
        result = solve(instance)
    assert violations(instance, result.assignments) == []
    assert key(instance, result.assignments) == best_by_exhaustive_search(instance)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_solver_keeps_every_rule_and_is_never_worse_than_greedy(instance):
    result, greedy = solve(instance), first_come_first_served(instance)
    assert violations(instance, result.assignments) == []
    assert violations(instance, greedy.assignments) == []
    assert key(instance, result.assignments) >= key(instance, greedy.assignments)


def test_exhaustive_search_helper_sees_every_subset():
    instance = Instance((offer(1, 1), offer(2, 1)), (Wish(1, 1, 1), Wish(2, 1, 1), Wish(2, 2, 2)))
    # the best of the 8 subsets gives A to P1 and B to P2
    assert best_by_exhaustive_search(instance) == key(
        instance, [Assignment(1, 1, 1), Assignment(2, 2, 2)]
    )
