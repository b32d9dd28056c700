"""A promotion's time-clash check against an enrolment of the same person elsewhere
(issue 18, item 4). Unenrolling A from workshop I moves X up from I's waiting list;
at the same moment another desk enrols X into workshop J at the same time. Before the
fix, on PostgreSQL X ended up in both in about half the rounds. Now the promotion locks
X (participants before items, as every enrolment does): X is in one of them, never in
both, and neither desk meets a deadlock."""

from __future__ import annotations

import threading

from sqlalchemy import select

from regdesk.errors import TimeClash
from regdesk.models import Enrolment
from regdesk.services import participants as people
from regdesk.services import programme
from regdesk.services.events import get_event

ROUNDS = 60


def setup(db, event_id):
    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        rounds = []
        for k in range(ROUNDS):
            hour, minute = divmod(k * 10, 60)
            slot = programme.create_slot(
                session, event_id,
                programme.SlotInput(day, f"{8 + hour:02d}:{minute:02d}",
                                    f"{8 + hour:02d}:{minute + 9:02d}"),
                actor="t",
            ).id  # fmt: skip
            i = programme.create_item(
                session, programme.ItemInput(slot, f"I{k}", code=f"I{k}", capacity=1), actor="t"
            ).id
            j = programme.create_item(
                session, programme.ItemInput(slot, f"J{k}", code=f"J{k}"), actor="t"
            ).id
            a, x = (
                people.register(
                    session, event_id, people.ParticipantInput(name, f"R{k}"), actor="t"
                ).id
                for name in ("Anna", "Xaver")
            )
            programme.enrol(session, i, a, actor="t")
            assert programme.enrol(session, i, x, actor="t").status == "waitlisted"
            rounds.append((i, j, a, x))
    return rounds


def test_a_promotion_never_gives_a_second_place_at_the_same_time(db, event_id):
    rounds = setup(db, event_id)
    errors: list[BaseException] = []
    for i, j, a, x in rounds:
        barrier = threading.Barrier(2)

        def unenrol(i=i, a=a, barrier=barrier):
            barrier.wait()
            try:
                with db.session() as session:
                    programme.unenrol(session, i, a, actor="desk1")
            except BaseException as exc:
                errors.append(exc)

        def enrol(j=j, x=x, barrier=barrier):
            barrier.wait()
            try:
                with db.session() as session:
                    programme.enrol(session, j, x, actor="desk2")
            except TimeClash:
                pass  # the promotion came first: the desk is told X is busy then
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=unenrol), threading.Thread(target=enrol)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not errors, errors[:3]  # no deadlock, no other error
    with db.session(write=False) as session:
        for i, j, _a, x in rounds:
            places = set(
                session.scalars(
                    select(Enrolment.item_id).where(
                        Enrolment.participant_id == x, Enrolment.status == "enrolled"
                    )
                )
            )
            assert places in ({i}, {j}), places  # one place, not two at the same time
