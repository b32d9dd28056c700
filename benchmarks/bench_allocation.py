"""Allocation and enrolment under load.

allocation: time to a proven optimum on the issue's two sizes -- 2,000 participants in
4 slots x 12 workshops with 3 ranked choices each and places ~1.05 x demand, and the
size at which Moodle's ratingallocate reports about 11 s (500 users, 21 choices) --
beside first come, first served on the same wishes (its time, and the share of first
choices both reach).

enrolment: 10,000 enrolment attempts from 8 processes at once against one SQLite file
and one PostgreSQL database (a programme of 4 slots x 5 items with 25 places; 2,000
participants pick random items, full ones put them on the waiting list): attempts per
second, and the violations found afterwards (over capacity, two places at the same
time, duplicate or gapped waiting-list positions) -- which must be 0. Baseline: the
same attempts from a single process.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, start_postgres

PROCESSES = 8


@benchmark("allocation")
def allocation(quick: bool) -> list[Figure]:
    from regdesk.allocation import first_come_first_served, solve
    from regdesk.allocation.synthetic import one_round, parallel_slots

    cases = (
        (
            "2,000 people, 4 slots x 12 workshops, 3 choices",
            parallel_slots(participants=2000, slots=4, items_per_slot=12, choices=3),
            2.0,
        ),
        (
            "ratingallocate size: 500 users, 21 choices",
            one_round(participants=500, choices=21),
            0.2,
        ),
    )
    figures = []
    for label, instance, limit in cases:
        runs = [solve(instance) for _ in range(1 if quick else 5)]
        fcfs = [first_come_first_served(instance) for _ in range(1 if quick else 5)]
        best, base = runs[0], fcfs[0]
        seconds = statistics.median(r.seconds for r in runs)
        figures.append(
            Figure(
                "allocation",
                f"{label}: time to proven optimum (median)",
                seconds,
                "s",
                "first come, first served",
                statistics.median(r.seconds for r in fcfs),
                f"<= {limit} s, proven",
                seconds <= limit and all(r.proven_optimal for r in runs),
                {"wishes": len(instance.wishes), "proven_optimal": best.proven_optimal},
            )
        )
        figures.append(
            Figure(
                "allocation",
                f"{label}: share of first choices",
                100 * best.summary.share(1),
                "%",
                "first come, first served",
                100 * base.summary.share(1),
                notes={
                    "people_without_place": [
                        best.summary.people_without_place,
                        base.summary.people_without_place,
                    ],
                    "places_short": [best.summary.short, base.summary.short],
                },
            )
        )
    return figures


# --- enrolment under concurrency --------------------------------------------------------------


@benchmark("enrolment")
def enrolment(quick: bool) -> list[Figure]:
    attempts = 1_000 if quick else 10_000
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", lambda name: str(Path(tmp) / f"{name}.sqlite3"))]
        server = start_postgres("enrolment")
        if server is not None:
            factory = server[1]
            targets.append(("PostgreSQL", lambda name: factory.create()))
        try:
            for backend, make_url in targets:
                url = make_url("parallel")
                parallel = _race(url, attempts, PROCESSES)
                single = _race(make_url("single"), attempts, 1)
                figures.append(
                    Figure(
                        "enrolment",
                        f"{backend}: {attempts:,} attempts from {PROCESSES} processes",
                        parallel["rate"],
                        "attempts/s",
                        "1 process",
                        single["rate"],
                        notes={k: v for k, v in parallel.items() if k != "rate"},
                    )
                )
                figures.append(
                    Figure(
                        "enrolment",
                        f"{backend}: violations after {PROCESSES} processes",
                        parallel["violations"],
                        "",
                        target="= 0",
                        passed=parallel["violations"] == 0 and single["violations"] == 0,
                    )
                )
        finally:
            if server is not None:
                server[0].stop()
    return figures


def _race(url: str, attempts: int, processes: int) -> dict:
    subprocess.run([sys.executable, "-m", "benchmarks.bench_allocation", "setup", url], check=True)
    share = attempts // processes
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.bench_allocation",
                "attempt",
                url,
                str(i),
                str(share),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    outcomes: dict[str, int] = {}
    starts, ends = [], []
    for proc in procs:
        out, _ = proc.communicate(timeout=1800)
        if proc.returncode != 0:
            raise RuntimeError(f"attempt worker failed ({proc.returncode})")
        report = json.loads(out)
        starts.append(report["start"])
        ends.append(report["end"])
        for key, n in report["outcomes"].items():
            outcomes[key] = outcomes.get(key, 0) + n
    # from the first attempt of any process to the last one (process start-up excluded)
    seconds = max(ends) - min(starts)
    check = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_allocation", "check", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        "rate": share * processes / seconds,
        "seconds": round(seconds, 2),
        "outcomes": outcomes,
        **json.loads(check.stdout),
    }


SLOTS, ITEMS, CAPACITY, PEOPLE = 4, 5, 25, 2000


def setup(url: str) -> None:
    from sqlalchemy import insert

    from regdesk.badge_codes import new_secret, unique_short_codes
    from regdesk.db import open_database
    from regdesk.models import Participant
    from regdesk.services import events, programme
    from regdesk.services.participants import derived_keys

    db = open_database(url)
    with db.session() as session:
        event = events.create_event(
            session,
            events.EventInput(name="Bench", first_day="02.03.2026", last_day="02.03.2026"),
            actor="bench",
        )
        day = event.days[0].id
        for s in range(SLOTS):
            slot = programme.create_slot(
                session,
                event.id,
                programme.SlotInput(day, f"{9 + 2 * s}:00", f"{10 + 2 * s}:30"),
                actor="bench",
            )
            for i in range(ITEMS):
                programme.create_item(
                    session,
                    programme.ItemInput(slot.id, f"W{s}{i}", capacity=CAPACITY),
                    actor="bench",
                )
        category = event.categories[0].id
        codes = unique_short_codes(PEOPLE, set())
        session.execute(
            insert(Participant),
            [
                {
                    **derived_keys(f"Vor{n}", f"Nach{n}", "", ""),
                    "event_id": event.id,
                    "first_name": f"Vor{n}",
                    "last_name": f"Nach{n}",
                    "category_id": category,
                    "badge_secret": new_secret(),
                    "short_code": codes[n],
                }
                for n in range(PEOPLE)
            ],
        )
    db.close()


def attempt(url: str, seed: int, count: int) -> None:
    from sqlalchemy import select

    from regdesk.db import open_database
    from regdesk.errors import RegdeskError
    from regdesk.models import Participant, ProgrammeItem
    from regdesk.services import programme

    db = open_database(url)
    with db.session(write=False) as session:
        people = list(session.scalars(select(Participant.id)))
        items = list(session.scalars(select(ProgrammeItem.id)))
    rng = random.Random(seed)
    outcomes: dict[str, int] = {}
    start = time.time()
    for _ in range(count):
        try:
            with db.session() as session:
                result = programme.enrol(
                    session, rng.choice(items), rng.choice(people), actor=f"bench-{seed}"
                )
            key = result.status
        except RegdeskError as exc:
            key = type(exc).__name__
        outcomes[key] = outcomes.get(key, 0) + 1
    end = time.time()
    db.close()
    print(json.dumps({"outcomes": outcomes, "start": start, "end": end}))


def check(url: str) -> None:
    """Count every broken rule in the database after the race."""
    from sqlalchemy import text

    from regdesk.db import open_database

    db = open_database(url)
    queries = {
        "over_capacity": """
            SELECT count(*) FROM programme_item i WHERE i.capacity < (
              SELECT count(*) FROM enrolment e WHERE e.item_id = i.id AND e.status = 'enrolled')""",
        "overlapping_places": """
            SELECT count(*) FROM enrolment a
            JOIN enrolment b ON a.participant_id = b.participant_id AND a.id < b.id
            JOIN programme_item ia ON ia.id = a.item_id
            JOIN programme_item ib ON ib.id = b.item_id
            JOIN programme_slot sa ON sa.id = ia.slot_id
            JOIN programme_slot sb ON sb.id = ib.slot_id
            WHERE a.status = 'enrolled' AND b.status = 'enrolled' AND sa.day_id = sb.day_id
              AND sa.starts_at < sb.ends_at AND sb.starts_at < sa.ends_at""",
        "waitlist_duplicates_or_gaps": """
            SELECT count(*) FROM (
              SELECT item_id, count(*) AS n, count(DISTINCT waitlist_position) AS d,
                     max(waitlist_position) AS m
              FROM enrolment WHERE status = 'waitlisted' GROUP BY item_id) w
            WHERE w.n <> w.d OR w.m <> w.n""",
        "waiting_while_places_free": """
            SELECT count(*) FROM programme_item i
            WHERE EXISTS (SELECT 1 FROM enrolment e WHERE e.item_id = i.id
                          AND e.status = 'waitlisted')
              AND i.capacity > (SELECT count(*) FROM enrolment e WHERE e.item_id = i.id
                                AND e.status = 'enrolled')""",
    }
    with db.session(write=False) as session:
        found = {name: session.execute(text(sql)).scalar() for name, sql in queries.items()}
        enrolled = session.execute(
            text("SELECT count(*) FROM enrolment WHERE status = 'enrolled'")
        ).scalar()
    db.close()
    print(json.dumps({"violations": sum(found.values()), "found": found, "enrolled": enrolled}))


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "setup":
        setup(rest[0])
    elif command == "attempt":
        attempt(rest[0], int(rest[1]), int(rest[2]))
    elif command == "check":
        check(rest[0])
