"""A free place taken at a session's door: the verdict says a place is free; the guest
is enrolled and admitted at once; the waiting list stays numbered; several desks racing
for the last places give each exactly once (threads and processes, SQLite and
PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from regdesk.errors import NoFreePlace
from regdesk.models import Enrolment, Participant, ProgrammeItem, Scan
from regdesk.services import checkin, programme
from regdesk.services import participants as people
from regdesk.services.door_places import free_places, take_free_place
from regdesk.services.events import EventInput, create_event

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("Anna", "Ben", "Cem", "Dora", "Emil", "Fritz")


@pytest.fixture
def workshop(db):
    """W1, one place: Anna enrolled; Ben, Cem, Dora, Emil waiting in that order; Fritz not
    enrolled. Then the room is swapped for one with three places at short notice -- the
    capacity raised without the list moving up: two places are free."""
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Forum", first_day="26.08.2025", last_day="26.08.2025"),
            actor="t",
        )
        slot = programme.create_slot(
            session, event.id, programme.SlotInput(event.days[0].id, "10:00", "11:30"), actor="t"
        )
        item = programme.create_item(
            session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1", capacity=1),
            actor="t",
        ).id  # fmt: skip
        ids = {
            name: people.register(
                session, event.id, people.ParticipantInput(name, "Gast"), actor="t"
            ).id
            for name in NAMES
        }
        for name in NAMES[:5]:
            programme.enrol(session, item, ids[name], actor="t")
        session.execute(update(ProgrammeItem).where(ProgrammeItem.id == item).values(capacity=3))
        codes = {k: session.get(Participant, v).short_code for k, v in ids.items()}
    return event.id, item, ids, codes


def waiting(db, item) -> list[tuple[int, int]]:
    with db.session(write=False) as session:
        return [
            tuple(row)
            for row in session.execute(
                select(Enrolment.participant_id, Enrolment.waitlist_position)
                .where(Enrolment.item_id == item, Enrolment.status == "waitlisted")
                .order_by(Enrolment.waitlist_position)
            )
        ]


def scan_at(db, event_id, item, code):
    with db.session() as session:
        return checkin.scan(
            session, event_id, code, desk="Saal 1", context=checkin.ScanContext(item_id=item)
        )


def test_a_waiting_guest_takes_a_free_place_at_the_door(db, workshop):
    event_id, item, ids, codes = workshop
    refused = scan_at(db, event_id, item, codes["Dora"])
    assert (refused.verdict, refused.reason) == ("not_enrolled", "waitlisted")
    assert refused.places_free == 2 and refused.can_take_place
    with db.session() as session:
        result = take_free_place(
            session, event_id, codes["Dora"], item_id=item, desk="Saal 1", actor="t"
        )
    assert (result.verdict, result.person.id) == ("admitted", ids["Dora"])
    assert waiting(db, item) == [(ids["Ben"], 1), (ids["Cem"], 2), (ids["Emil"], 3)]
    with db.session() as session:  # a guest not enrolled at all takes the other one
        fritz = take_free_place(
            session, event_id, codes["Fritz"], item_id=item, desk="Saal 1", actor="t"
        )
        assert fritz.verdict == "admitted" and free_places(session, item) == 0
    full = scan_at(db, event_id, item, codes["Ben"])
    assert full.places_free == 0 and not full.can_take_place
    with pytest.raises(NoFreePlace) as caught, db.session() as session:
        take_free_place(session, event_id, codes["Ben"], item_id=item, desk="Saal 1", actor="t")
    expected = '"Bodenpolitik" has no free place any more (all 3 are taken).'
    assert caught.value.message() == expected
    assert waiting(db, item) == [(ids["Ben"], 1), (ids["Cem"], 2), (ids["Emil"], 3)]
    # someone enrolled is simply admitted (a second scan: re-entry)
    with db.session() as session:
        again = take_free_place(
            session, event_id, codes["Dora"], item_id=item, desk="Saal 1", actor="t"
        )
    assert again.verdict == "re_entry"


def outcome_counts(db, event_id, item):
    with db.session(write=False) as session:
        enrolled = session.scalar(
            select(func.count()).where(Enrolment.item_id == item, Enrolment.status == "enrolled")
        )
        admitted = session.scalar(
            select(func.count()).where(Scan.item_id == item, Scan.verdict == "admitted")
        )
    return enrolled, admitted


def test_desks_racing_for_the_last_places_give_each_once_threads(db, workshop):
    event_id, item, ids, codes = workshop
    contenders = ("Ben", "Cem", "Dora", "Emil", "Fritz")
    barrier = threading.Barrier(len(contenders))
    won, full, errors = [], [], []

    def desk(name):
        barrier.wait()
        try:
            with db.session() as session:
                take_free_place(
                    session, event_id, codes[name], item_id=item, desk=f"Tür {name}", actor="t"
                )
            won.append(name)
        except NoFreePlace:
            full.append(name)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in contenders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(won) == 2 and len(full) == 3
    assert outcome_counts(db, event_id, item) == (3, 2)
    still = [ids[n] for n in contenders if n not in won and n != "Fritz"]
    assert waiting(db, item) == [(pid, n) for n, pid in enumerate(still, 1)]


def test_desks_racing_for_the_last_places_give_each_once_processes(db, db_url, workshop):
    event_id, item, _, codes = workshop
    contenders = ("Ben", "Cem", "Dora", "Emil", "Fritz")
    start_at = str(time.time() + 4)  # all at once, once every process is up
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.core.place_worker",
                db_url,
                str(event_id),
                str(item),
                codes[name],
                start_at,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in contenders
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    said = sorted(out.strip() for out, _ in outputs)
    assert said == ["admitted"] * 2 + ["full"] * 3
    assert outcome_counts(db, event_id, item) == (3, 2)
    positions = [position for _, position in waiting(db, item)]
    assert positions == list(range(1, len(positions) + 1))
