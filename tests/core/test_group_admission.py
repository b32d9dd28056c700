"""Admitting a whole group from its lead's badge: the scan names the group; the door lists
who is in already; the chosen members are admitted in one transaction, each logged with
their own verdict and the group admission audited; all or nothing; desks racing the same
group (and single scans of its members) admit each person exactly once, without deadlock,
threads and processes, SQLite and PostgreSQL; offline at a desk, uploaded later."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from regdesk.db import open_database
from regdesk.desks.door import DoorDesk
from regdesk.desks.replica import SENT
from regdesk.errors import NotFound
from regdesk.models import AuditEntry, Participant, Scan
from regdesk.services import checkin as svc
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event

from .test_desks_offline import wait_for

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("Petra", "Jana", "Ömer", "Lukas", "Sina", "Till")


def make_group(db):
    """Delegation Esslingen: Petra leads, five more; Till's registration is cancelled. A
    second event, for refusals."""
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Städtetag", first_day="02.09.2025", last_day="02.09.2025"),
            actor="t",
        )
        ids = {
            name: people.register(
                session, event.id,
                people.ParticipantInput(name, "Esslingen", group="Delegation Esslingen",
                                        group_lead=name == "Petra"),
                actor="t",
            ).id
            for name in NAMES
        }  # fmt: skip
        people.cancel(session, ids["Till"], "krank", actor="t")
        other = create_event(
            session,
            EventInput(name="Anderes", first_day="01.10.2025", last_day="01.10.2025"),
            actor="t",
        )
        stranger = people.register(
            session, other.id, people.ParticipantInput("Fremd", "Person"), actor="t"
        ).id
        codes = {k: session.get(Participant, v).short_code for k, v in ids.items()}
    return event.id, event.days[0].id, ids, codes, stranger


def admitted_per_person(db, event_id) -> dict[int, int]:
    with db.session(write=False) as session:
        return dict(
            session.execute(
                select(Scan.participant_id, func.count())
                .where(Scan.event_id == event_id, Scan.verdict == "admitted")
                .group_by(Scan.participant_id)
            ).all()
        )


def test_the_leads_scan_names_the_group_and_the_door_lists_who_is_in(db):
    event_id, day, ids, codes, _ = make_group(db)
    ctx = svc.ScanContext(day_id=day)
    with db.session() as session:
        jana = svc.scan(session, event_id, codes["Jana"], desk="Nord", context=ctx)
    with db.session() as session:
        petra = svc.scan(session, event_id, codes["Petra"], desk="Nord", context=ctx)
        alone = svc.scan(session, event_id, "XX", desk="Nord", context=ctx)  # unknown: no group
    assert petra.group.name == "Delegation Esslingen" and petra.group.is_lead
    assert petra.group.registered == 5  # Till is cancelled
    assert jana.group.is_lead is False and alone.group is None
    with db.session(write=False) as session:
        members = svc.group_at_door(session, event_id, petra.group.id, ctx)
    assert members[0].name == "Petra Esslingen"  # the lead first
    state = {m.participant_id: (m.registered, m.admitted_at is not None) for m in members}
    assert state[ids["Petra"]] == (True, True) and state[ids["Jana"]] == (True, True)
    assert state[ids["Ömer"]] == (True, False) and state[ids["Till"]] == (False, False)


def test_the_group_is_admitted_in_one_transaction_each_person_logged(db):
    event_id, day, ids, codes, stranger = make_group(db)
    ctx = svc.ScanContext(day_id=day, allow_reentry=False)
    chosen = [ids[n] for n in ("Petra", "Ömer", "Lukas", "Till")]  # Sina is not here yet
    with db.session() as session:
        group_id = svc.scan(session, event_id, codes["Jana"], desk="Nord", context=ctx).group.id
    with db.session() as session:
        results = svc.admit_people(
            session, event_id, chosen, desk="Nord", context=ctx, group_id=group_id
        )
    verdicts = {r.person.first_name: r.verdict for r in results}
    assert verdicts == {"Petra": "admitted", "Ömer": "admitted", "Lukas": "admitted",
                        "Till": "cancelled"}  # fmt: skip
    assert admitted_per_person(db, event_id) == {
        ids[n]: 1 for n in ("Jana", "Petra", "Ömer", "Lukas")
    }
    with db.session(write=False) as session:
        audit = session.execute(
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.after).where(
                AuditEntry.action == "checkin.group"
            )
        ).one()
        logged = session.scalars(
            select(Scan.raw).where(Scan.id.in_(audit.after["scan"])).order_by(Scan.id)
        ).all()
    assert (audit.entity, audit.entity_id, audit.after["admitted"]) == (
        "participant_group", group_id, 3
    )  # fmt: skip
    assert sorted(logged) == sorted(codes[n] for n in ("Petra", "Ömer", "Lukas", "Till"))
    # nothing at all when one of them is not the event's: all or nothing
    with pytest.raises(NotFound), db.session() as session:
        svc.admit_people(
            session, event_id, [ids["Sina"], stranger], desk="Nord", context=ctx,
            group_id=group_id,
        )  # fmt: skip
    assert ids["Sina"] not in admitted_per_person(db, event_id)
    with db.session() as session:  # the same group again: the ones in are "already used"
        again = svc.admit_people(
            session, event_id, [ids["Ömer"], ids["Sina"]], desk="Süd", context=ctx
        )
    assert [r.verdict for r in again] == ["already_used", "admitted"]


def test_desks_racing_one_group_admit_each_person_once_threads(db):
    event_id, day, ids, codes, _ = make_group(db)
    ctx = svc.ScanContext(day_id=day, allow_reentry=False)
    everyone = [ids[n] for n in NAMES]
    orders = [everyone, list(reversed(everyone)), everyone[2:] + everyone[:2]]
    barrier = threading.Barrier(len(orders) + 2)
    results, errors = [], []

    def group_desk(n, order):
        barrier.wait()
        try:
            with db.session() as session:
                results.extend(
                    svc.admit_people(session, event_id, order, desk=f"Tür {n}", context=ctx)
                )
        except BaseException as exc:  # reported below
            errors.append(exc)

    def single_desk(name):
        barrier.wait()
        try:
            with db.session() as session:
                results.append(
                    svc.scan(session, event_id, codes[name], desk=f"Einzel {name}", context=ctx)
                )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=group_desk, args=(n, o)) for n, o in enumerate(orders)]
    threads += [threading.Thread(target=single_desk, args=(n,)) for n in ("Ömer", "Sina")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    admitted = [r.person.first_name for r in results if r.verdict == "admitted"]
    assert sorted(admitted) == sorted(NAMES[:5])  # each once; Till stays cancelled
    assert admitted_per_person(db, event_id) == {ids[n]: 1 for n in NAMES[:5]}


def test_desks_racing_one_group_admit_each_person_once_processes(db, db_url):
    event_id, day, ids, _codes, _ = make_group(db)
    everyone = [str(ids[n]) for n in NAMES]
    start_at = str(time.time() + 4)  # all at once, once every process is up
    orders = [everyone, list(reversed(everyone)), everyone[3:] + everyone[:3], everyone[1:4]]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.core.group_worker", db_url, str(event_id), str(day),
             ",".join(order), start_at],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for order in orders
    ]  # fmt: skip
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    said = " ".join(out for out, _ in outputs).split()
    assert said.count("admitted") == 5
    assert admitted_per_person(db, event_id) == {ids[n]: 1 for n in NAMES[:5]}


@pytest.mark.postgres
def test_a_desk_admits_a_group_offline_and_uploads_it(haltable_pg, tmp_path):
    server, url = haltable_pg
    db = open_database(url)
    event_id, day, ids, codes, _ = make_group(db)
    ctx = svc.ScanContext(day_id=day, allow_reentry=False)
    desk = DoorDesk(db, event_id, "Eingang Nord", replica=tmp_path / "nord.sqlite3")
    try:
        desk.start(fill=True)
        server.halt()
        lead = desk.scan(codes["Petra"], ctx)  # offline: the replica knows the group
        assert lead.offline and lead.group.is_lead and lead.group.registered == 5
        with desk.replica.db.session(write=False) as session:
            members = svc.group_at_door(session, event_id, lead.group.id, ctx)
        rest = [m.participant_id for m in members if m.registered and m.admitted_at is None]
        assert len(rest) == 4
        results = desk.admit_people(rest, ctx, group_id=lead.group.id)
        assert [r.verdict for r in results] == ["admitted"] * 4 and all(r.offline for r in results)
        assert desk.state().pending == 5
        server.start()
        assert wait_for(lambda: desk.online and not desk.state().pending, 30)
        assert [r.state for r in desk.outbox()] == [SENT] * 5
    finally:
        desk.close()
    assert admitted_per_person(db, event_id) == {ids[n]: 1 for n in NAMES[:5]}
    db.close()
