"""First come, first served: the way places go when nobody optimises.

Participants in registration order each take their best-ranked wishes that still have a
place and fit the rules. This is the baseline the optimal allocation is compared with.
"""

from __future__ import annotations

import time

from .instance import Assignment, Instance, Offer
from .outcome import Outcome


def first_come_first_served(instance: Instance) -> Outcome:
    started = time.perf_counter()
    left = {o.item_id: o.free for o in instance.offers}
    by_participant = instance.wishes_by_participant()
    result: list[Assignment] = []
    for participant_id in instance.order:
        held: list[Offer] = []
        wishes = sorted(
            by_participant.get(participant_id, ()),
            key=lambda w: (w.rank, instance.offer(w.item_id).day, instance.offer(w.item_id).start),
        )
        for wish in wishes:
            offer = instance.offer(wish.item_id)
            if left[offer.item_id] == 0:
                continue
            if any(h.offering == offer.offering or h.overlaps(offer) for h in held):
                continue
            held.append(offer)
            if left[offer.item_id] is not None:
                left[offer.item_id] -= 1
            result.append(Assignment(participant_id, offer.item_id, wish.rank))
    return Outcome.of(instance, result, method="fcfs", proven_optimal=False, started=started)
