"""Several people enrolled in one item at once: the first chosen get the places, the rest
wait in the order chosen; who cannot be enrolled is named and left out, the others go in;
desks enrolling groups and single people into the same item at the same moment never
exceed its places and keep the waiting list numbered (threads, SQLite and PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from regdesk.errors import AlreadyEnrolled, ParticipantNotRegistered, TimeClash
from regdesk.models import Enrolment
from regdesk.services import participants as people
from regdesk.services import programme
from regdesk.services.enrol_many import enrol_many
from regdesk.services.events import EventInput, create_event


@pytest.fixture
def forum(db):
    """W1 with three places; W2 at the same time; ten people."""
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Forum", first_day="26.08.2025", last_day="26.08.2025"),
            actor="t",
        )
        slot = programme.create_slot(
            session, event.id, programme.SlotInput(event.days[0].id, "10:00", "11:30"), actor="t"
        )
        w1, w2 = (
            programme.create_item(
                session, programme.ItemInput(slot.id, title, code=code, capacity=3), actor="t"
            ).id
            for code, title in (("W1", "Bodenpolitik"), ("W2", "Mobilität"))
        )
        ids = [
            people.register(
                session, event.id, people.ParticipantInput(f"Gast{i}", "Esslingen"), actor="t"
            ).id
            for i in range(10)
        ]
    return w1, w2, ids


def test_the_first_chosen_get_the_places_and_the_refused_are_named(db, forum):
    w1, w2, ids = forum
    with db.session() as session:
        programme.enrol(session, w1, ids[0], actor="t")  # on W1 already
        programme.enrol(session, w2, ids[1], actor="t")  # W2 at the same time
        people.cancel(session, ids[2], "krank", actor="t")
    with db.session() as session:
        done = enrol_many(session, w1, [ids[5], ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]],
                          actor="office")  # fmt: skip
    assert [r.participant_id for r in done.enrolled] == [ids[5], ids[3]]
    assert [(r.participant_id, r.waitlist_position) for r in done.waitlisted] == [(ids[4], 1)]
    refused = {r.participant_id: type(r.error) for r in done.refused}
    assert refused == {ids[0]: AlreadyEnrolled, ids[1]: TimeClash,
                       ids[2]: ParticipantNotRegistered}  # fmt: skip
    assert "Gast1 Esslingen" in done.refused[1].error.message()
    with db.session(write=False) as session:
        rows = session.execute(
            select(Enrolment.participant_id, Enrolment.status).where(Enrolment.item_id == w1)
        ).all()
    assert sorted(rows) == sorted([(ids[0], "enrolled"), (ids[5], "enrolled"),
                                   (ids[3], "enrolled"), (ids[4], "waitlisted")])  # fmt: skip


def test_desks_enrolling_groups_at_once_never_exceed_the_places(db, forum):
    w1, _, ids = forum
    batches = [ids[0:4], ids[3:7], list(reversed(ids[6:10]))]
    singles = [ids[1], ids[8]]
    barrier = threading.Barrier(len(batches) + len(singles))
    errors = []

    def many(batch):
        barrier.wait()
        try:
            with db.session() as session:
                enrol_many(session, w1, batch, actor="t")
        except BaseException as exc:  # reported below
            errors.append(exc)

    def one(pid):
        barrier.wait()
        try:
            with db.session() as session:
                programme.enrol(session, w1, pid, actor="t")
        except AlreadyEnrolled:
            pass
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=many, args=(b,)) for b in batches]
    threads += [threading.Thread(target=one, args=(p,)) for p in singles]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with db.session(write=False) as session:
        enrolled = session.scalar(
            select(func.count()).where(Enrolment.item_id == w1, Enrolment.status == "enrolled")
        )
        positions = session.scalars(
            select(Enrolment.waitlist_position)
            .where(Enrolment.item_id == w1, Enrolment.status == "waitlisted")
            .order_by(Enrolment.waitlist_position)
        ).all()
        people_on = session.scalar(
            select(func.count(func.distinct(Enrolment.participant_id))).where(
                Enrolment.item_id == w1
            )
        )
    assert enrolled == 3
    assert positions == list(range(1, 8))
    assert people_on == 10
