"""Synthetic allocation instances of a given shape, for benchmarks and tests.

Popularity follows a Zipf-like curve (a few workshops everybody wants, a long tail), which
is what makes first come, first served unfair and allocation worth doing.
"""

from __future__ import annotations

import math
import random

from .instance import Instance, Offer, Wish


def parallel_slots(
    *,
    participants: int,
    slots: int,
    items_per_slot: int,
    choices: int,
    slack: float = 1.05,
    seed: int = 1,
) -> Instance:
    """``slots`` consecutive time slots with ``items_per_slot`` workshops each; everybody
    ranks ``choices`` workshops in each slot; places per slot = ``slack`` x participants."""
    rng = random.Random(seed)
    capacity = math.ceil(participants * slack / items_per_slot)
    offers, wishes = [], []
    weights = [1 / (k + 1) ** 0.8 for k in range(items_per_slot)]
    for s in range(slots):
        ids = [s * items_per_slot + k + 1 for k in range(items_per_slot)]
        offers += [Offer(i, f"W{i}", capacity, 0, 540 + 120 * s, 630 + 120 * s) for i in ids]
        rng.shuffle(weights)
        for p in range(1, participants + 1):
            for rank, item in enumerate(_weighted_sample(rng, ids, weights, choices), start=1):
                wishes.append(Wish(p, item, rank))
    return Instance(tuple(offers), tuple(wishes))


def one_round(*, participants: int, choices: int, seed: int = 1) -> Instance:
    """One round in which everybody ranks all ``choices`` offerings (the shape of Moodle's
    ratingallocate: one place each, capacities adding up to about the number of people)."""
    rng = random.Random(seed)
    capacity = math.ceil(participants * 1.05 / choices)
    offers = [Offer(i, f"C{i}", capacity, 0, 540, 630) for i in range(1, choices + 1)]
    weights = [1 / (k + 1) ** 0.8 for k in range(choices)]
    ids = [o.item_id for o in offers]
    wishes = [
        Wish(p, item, rank)
        for p in range(1, participants + 1)
        for rank, item in enumerate(_weighted_sample(rng, ids, weights, choices), start=1)
    ]
    return Instance(tuple(offers), tuple(wishes))


def _weighted_sample(rng: random.Random, ids: list[int], weights: list[float], k: int):
    """``k`` distinct ids, drawn one after another by weight (a ranked wish list)."""
    pool = list(zip(ids, weights, strict=True))
    chosen = []
    for _ in range(min(k, len(pool))):
        total = sum(w for _, w in pool)
        pick = rng.random() * total
        for index, (item, weight) in enumerate(pool):
            pick -= weight
            if pick <= 0 or index == len(pool) - 1:
                chosen.append(item)
                del pool[index]
                break
    return chosen
