"""Programme: slots, items, enrolment with capacities, time clashes and waiting lists —
on SQLite and PostgreSQL, including desks racing for the last places."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from regdesk.errors import (
    AlreadyEnrolled,
    CapacityBelowEnrolled,
    ItemFull,
    ItemInUse,
    NotEnrolled,
    ParticipantNotRegistered,
    SlotInUse,
    TimeClash,
)
from regdesk.errors import ValidationError as Invalid
from regdesk.models import Enrolment
from regdesk.services import participants as people
from regdesk.services import programme as svc
from regdesk.services.events import get_event

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan(db, event_id):
    """Day 1: 10-11 workshops A (3 places) and B (unlimited), 11-12 C (2 places);
    day 2: 10-11 D (1 place). And 12 participants."""
    with db.session() as session:
        days = get_event(session, event_id).days
        morning = svc.create_slot(
            session, event_id, svc.SlotInput(days[0].id, "10:00", "11:00"), actor="t"
        )
        late = svc.create_slot(
            session, event_id, svc.SlotInput(days[0].id, "11:00", "12:00"), actor="t"
        )
        second = svc.create_slot(
            session, event_id, svc.SlotInput(days[1].id, "10:00", "11:00"), actor="t"
        )
        items = {
            "A": svc.create_item(
                session, svc.ItemInput(morning.id, "Workshop A", capacity=3), actor="t"
            ).id,
            "B": svc.create_item(session, svc.ItemInput(morning.id, "Forum B"), actor="t").id,
            "C": svc.create_item(
                session, svc.ItemInput(late.id, "Workshop C", capacity=2), actor="t"
            ).id,
            "D": svc.create_item(
                session, svc.ItemInput(second.id, "Exkursion D", capacity=1), actor="t"
            ).id,
        }
        persons = [
            people.register(
                session, event_id, people.ParticipantInput(f"Person{i}", f"Test{i}"), actor="t"
            ).id
            for i in range(12)
        ]
    return {"items": items, "people": persons, "slots": (morning, late, second)}


def enrol(db, item, person, **kw):
    with db.session() as session:
        return svc.enrol(session, item, person, actor="desk", **kw)


def test_places_then_waiting_list_in_order(db, plan):
    a, p = plan["items"]["A"], plan["people"]
    results = [enrol(db, a, pid) for pid in p[:5]]
    assert [r.status for r in results] == ["enrolled"] * 3 + ["waitlisted"] * 2
    assert [r.waitlist_position for r in results[3:]] == [1, 2]
    with pytest.raises(ItemFull):
        enrol(db, a, p[5], waitlist=False)
    with db.session(write=False) as session:
        summary = svc.get_item(session, a)
    assert (summary.enrolled, summary.waitlisted, summary.free) == (3, 2, 0)


def test_unlimited_item_never_fills(db, plan):
    b = plan["items"]["B"]
    assert {enrol(db, b, pid).status for pid in plan["people"]} == {"enrolled"}


def test_no_two_items_at_the_same_time(db, plan):
    items, p = plan["items"], plan["people"]
    enrol(db, items["A"], p[0])
    with pytest.raises(TimeClash) as info:
        enrol(db, items["B"], p[0])
    assert "Workshop A" in info.value.message() and "10:00–11:00" in info.value.message()
    assert enrol(db, items["C"], p[0]).status == "enrolled"  # 11:00 starts as A ends
    assert enrol(db, items["D"], p[0]).status == "enrolled"  # same time, another day
    with pytest.raises(AlreadyEnrolled):
        enrol(db, items["A"], p[0])


def test_cancelled_participants_get_no_place(db, plan):
    with db.session() as session:
        people.cancel(session, plan["people"][0], "krank", actor="t")
    with pytest.raises(ParticipantNotRegistered):
        enrol(db, plan["items"]["A"], plan["people"][0])


def test_freed_place_goes_to_the_first_waiting_and_is_listed_to_inform(db, event_id, plan):
    a, p = plan["items"]["A"], plan["people"]
    for pid in p[:5]:
        enrol(db, a, pid)
    with db.session() as session:
        promoted = svc.unenrol(session, a, p[1], actor="desk")
    assert [x.participant_id for x in promoted] == [p[3]]
    with db.session(write=False) as session:
        enrolled, waiting = svc.item_lists(session, a)
        moved = svc.moved_up(session, event_id)
    assert sorted(enrolled) == sorted([p[0], p[2], p[3]]) and waiting == [p[4]]
    assert [(m.participant_id, m.item_title) for m in moved] == [(p[3], "Workshop A")]
    with pytest.raises(NotEnrolled), db.session() as session:
        svc.unenrol(session, a, p[1], actor="desk")


def test_promotion_chain_on_cancellation_keeps_other_waiting_lists_consistent(db, plan):
    """p0 cancels: p3 moves up into A; p3's entry on D's waiting list stays as it was.
    Then p2 leaves A: p4 is next but has B at that time, so is skipped and keeps the list."""
    items, p = plan["items"], plan["people"]
    for pid in p[:3]:
        enrol(db, items["A"], pid)  # A full: p0, p1, p2
    enrol(db, items["A"], p[3])  # p3 waits for A (position 1)
    enrol(db, items["B"], p[4])
    enrol(db, items["A"], p[4])  # p4 waits for A (position 2) although in B at that time
    enrol(db, items["D"], p[5])  # D full
    enrol(db, items["D"], p[3])  # p3 waits for D as well
    with db.session() as session:
        people.cancel(session, p[0], "Terminkollision", actor="desk")  # frees A
    with db.session(write=False) as session:
        a_enrolled, a_waiting = svc.item_lists(session, items["A"])
        d_enrolled, d_waiting = svc.item_lists(session, items["D"])
        cancelled = session.scalars(select(Enrolment).where(Enrolment.participant_id == p[0])).all()
    assert sorted(a_enrolled) == sorted([p[1], p[2], p[3]])
    assert a_waiting == [p[4]]  # still waiting, position kept
    assert d_enrolled == [p[5]] and d_waiting == [p[3]]  # p3's other entry untouched
    assert cancelled == []
    # p2 leaves A: p4 is next but sits in B at that time -> skipped, keeps the list
    with db.session() as session:
        promoted = svc.unenrol(session, items["A"], p[2], actor="desk")
    assert promoted == []
    with db.session(write=False) as session:
        assert svc.item_lists(session, items["A"])[1] == [p[4]]


def test_capacity_changes(db, plan):
    a, p = plan["items"]["A"], plan["people"]
    for pid in p[:6]:
        enrol(db, a, pid)  # 3 enrolled, 3 waiting
    with db.session(write=False) as session:
        item = svc.get_item(session, a)
    data = svc.ItemInput(item.slot_id, item.title, capacity=2)
    with pytest.raises(CapacityBelowEnrolled), db.session() as session:
        svc.update_item(session, a, data, actor="t")
    with db.session() as session:
        summary, promoted = svc.update_item(
            session, a, svc.ItemInput(item.slot_id, item.title, capacity=5), actor="t"
        )
    assert [x.participant_id for x in promoted] == [p[3], p[4]]
    assert (summary.enrolled, summary.waitlisted) == (5, 1)


def test_moving_an_item_into_a_clash_is_refused(db, plan):
    items, p = plan["items"], plan["people"]
    enrol(db, items["A"], p[0])
    enrol(db, items["C"], p[0])
    morning = plan["slots"][0]
    with db.session(write=False) as session:
        c = svc.get_item(session, items["C"])
    with pytest.raises(TimeClash), db.session() as session:
        svc.update_item(
            session, items["C"], svc.ItemInput(morning.id, c.title, capacity=2), actor="t"
        )


def test_deleting_needs_empty_items_and_slots(db, event_id, plan):
    items, p = plan["items"], plan["people"]
    enrol(db, items["C"], p[0])
    with pytest.raises(ItemInUse), db.session() as session:
        svc.delete_item(session, items["C"], actor="t")
    with pytest.raises(SlotInUse), db.session() as session:
        svc.delete_slot(session, plan["slots"][2].id, actor="t")
    with db.session() as session:
        svc.delete_item(session, items["D"], actor="t")
        svc.delete_slot(session, plan["slots"][2].id, actor="t")
    with db.session(write=False) as session:
        slots = svc.event_programme(session, event_id)
    assert [len(items) for _, items in slots] == [2, 1]


@pytest.mark.parametrize(
    "data,field",
    [
        (dict(starts_at="11:00", ends_at="10:00"), "ends_at"),
        (dict(starts_at="25:00", ends_at="26:00"), "starts_at"),
        (dict(starts_at="10", ends_at="x"), "ends_at"),
    ],
)
def test_slot_validation(db, event_id, data, field):
    with db.session(write=False) as session:
        day = get_event(session, event_id).days[0].id
    with pytest.raises(Invalid) as info, db.session() as session:
        svc.create_slot(session, event_id, svc.SlotInput(day, **data), actor="t")
    assert info.value.problems[0].field == field


def test_item_validation(db, plan):
    slot = plan["slots"][0].id
    for data, field in (
        (dict(title=" "), "title"),
        (dict(title="X", capacity=-1), "capacity"),
        (dict(title="X", capacity=0), "capacity"),
        (dict(title="X", kind="party"), "kind"),
        (dict(title="X", slot_id=999_999), "slot_id"),
    ):
        with pytest.raises(Invalid) as info, db.session() as session:
            svc.create_item(session, svc.ItemInput(**{"slot_id": slot, **data}), actor="t")
        assert info.value.problems[0].field == field


def test_zero_places_is_refused_with_its_own_message(db, plan):
    slot = plan["slots"][0].id
    for places, code in ((0, "no_places"), (100_001, "capacity_range")):
        with pytest.raises(Invalid) as info, db.session() as session:
            svc.create_item(session, svc.ItemInput(slot, "X", capacity=places), actor="t")
        assert [(p.field, p.code) for p in info.value.problems] == [("capacity", code)]
    with db.session() as session:
        open_item = svc.create_item(session, svc.ItemInput(slot, "X", capacity=None), actor="t")
    assert open_item.capacity is None


# --- races ----------------------------------------------------------------------------------


@pytest.fixture
def crowd(db, event_id):
    """One workshop with 10 places and 50 participants who all want it."""
    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        slot = svc.create_slot(session, event_id, svc.SlotInput(day, "14:00", "15:30"), actor="t")
        item = svc.create_item(
            session, svc.ItemInput(slot.id, "Exkursion", capacity=10), actor="t"
        ).id
        persons = [
            people.register(
                session, event_id, people.ParticipantInput(f"Gast{i}", f"Nr{i}"), actor="t"
            ).id
            for i in range(50)
        ]
    return item, persons


def check_outcome(db, item, persons):
    with db.session(write=False) as session:
        rows = session.scalars(select(Enrolment).where(Enrolment.item_id == item)).all()
    enrolled = [r for r in rows if r.status == "enrolled"]
    waiting = sorted(r.waitlist_position for r in rows if r.status == "waitlisted")
    assert len(enrolled) == 10
    assert waiting == list(range(1, 41))  # none lost, none twice, no gaps
    assert sorted(r.participant_id for r in rows) == sorted(persons)


def test_threads_racing_never_overbook(db, crowd):
    item, persons = crowd
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def desk(share: list[int]) -> None:
        barrier.wait()
        for pid in share:
            try:
                enrol(db, item, pid)
            except BaseException as exc:  # collected and reported below
                errors.append(exc)

    threads = [threading.Thread(target=desk, args=(persons[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    check_outcome(db, item, persons)


def test_processes_racing_never_overbook(db, db_url, crowd):
    item, persons = crowd
    url = db_url if "://" in db_url else str(db_url)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.core.race_worker",
                url,
                str(item),
                *map(str, persons[i::6]),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        for i in range(6)
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    reported = [line.split() for out, _ in outputs for line in out.splitlines()]
    assert sum(1 for r in reported if r[1] == "enrolled") == 10
    assert sum(1 for r in reported if r[1] == "waitlisted") == 40
    check_outcome(db, item, persons)


def test_moving_a_slot_into_a_clash_is_refused(db, plan):
    a, c, p = plan["items"]["A"], plan["items"]["C"], plan["people"]
    morning, late, _ = plan["slots"]
    enrol(db, a, p[0])
    enrol(db, c, p[0])
    with pytest.raises(TimeClash), db.session() as session:  # 11-12 moved onto 10:30-11:30
        svc.update_slot(session, late.id, svc.SlotInput(late.day_id, "10:30", "11:30"), actor="t")
    with db.session() as session:
        moved = svc.update_slot(
            session, late.id, svc.SlotInput(late.day_id, "11:15", "12:15", "Runde 2"), actor="t"
        )
        # moving a slot past itself is not a clash with its own items
        same = svc.update_slot(
            session, morning.id, svc.SlotInput(morning.day_id, "09:30", "10:45"), actor="t"
        )
    assert (f"{moved.starts_at:%H:%M}", moved.label) == ("11:15", "Runde 2")
    assert f"{same.ends_at:%H:%M}" == "10:45"


def test_people_on_an_item_and_moving_a_place(db, plan):
    a, b, c = plan["items"]["A"], plan["items"]["B"], plan["items"]["C"]
    p = plan["people"]
    for pid in p[:4]:
        enrol(db, a, pid)  # three places, one waiting
    with db.session(write=False) as session:
        enrolled, waiting = svc.item_people(session, a)
    assert [x.participant_id for x in enrolled] == p[:3]
    assert [(x.participant_id, x.waitlist_position) for x in waiting] == [(p[3], 1)]
    assert enrolled[0].name == "Test0, Person0" and enrolled[0].category

    # a move within the slot frees the place; the waiting person moves up
    with db.session() as session:
        result, promoted = svc.move(session, p[0], a, b, actor="desk")
    assert result.status == "enrolled" and [x.participant_id for x in promoted] == [p[3]]
    # a refused move keeps the old place: C (11-12) is full after two
    enrol(db, c, p[5])
    enrol(db, c, p[6])
    with pytest.raises(ItemFull), db.session() as session:
        svc.move(session, p[0], b, c, actor="desk")
    with db.session(write=False) as session:
        assert p[0] in svc.item_lists(session, b)[0]
        with pytest.raises(NotEnrolled):
            svc.move(session, p[9], a, b, actor="desk")


def test_waiting_list_by_explicit_priority(db, plan):
    d, p = plan["items"]["D"], plan["people"]  # D has one place
    for pid in p[:5]:
        enrol(db, d, pid)  # p0 gets it; p1..p4 wait in that order
    with db.session() as session:
        order = svc.reorder_waitlist(session, d, p[4], 1, actor="office")  # a VIP first
    assert order == [p[4], p[1], p[2], p[3]]
    with db.session() as session:
        assert svc.reorder_waitlist(session, d, p[1], 99, actor="office") == [
            p[4],
            p[2],
            p[3],
            p[1],
        ]
    with db.session(write=False) as session:
        _, waiting = svc.item_people(session, d)
    assert [(x.participant_id, x.waitlist_position) for x in waiting] == [
        (p[4], 1),
        (p[2], 2),
        (p[3], 3),
        (p[1], 4),
    ]
    with db.session() as session:  # the place frees: the prioritised person moves up
        promoted = svc.unenrol(session, d, p[0], actor="desk")
    assert [x.participant_id for x in promoted] == [p[4]]
    with pytest.raises(NotEnrolled), db.session() as session:
        svc.reorder_waitlist(session, d, p[0], 1, actor="office")
