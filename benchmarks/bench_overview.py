"""The overview at 100,000 participants and 200,000 scans on a SQLite file.

refresh: from a change to the figures painted -- the snapshot read on the worker thread,
handed to the GUI thread, set into the tiles, tables and chart, and the page repainted --
median and p95, beside the bare SQL of the same figures (the same numbers as plain
statements, rows fetched, nothing built). The two alternate, after the seed is flushed.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from .harness import Figure, benchmark, event_and_day, percentile, seed_demo

FULL = (100_000, 200_000)
QUICK = (10_000, 20_000)
REPEAT = 15


@benchmark("overview")
def overview(quick: bool) -> list[Figure]:
    from .harness import run_process

    people, scans = QUICK if quick else FULL
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "o.sqlite3"
        seed_demo(str(path), people)
        made = seed_scans(path, scans)
        os.sync()
        result = json.loads(
            run_process(["-m", "benchmarks.bench_overview", "measure", str(path)]).stdout
        )
    figures = []
    for name, share, limit in (("median", 0.5, 3.0), ("p95", 0.95, None)):
        ours, bare = percentile(result["ours"], share), percentile(result["bare"], share)
        figures.append(
            Figure(
                "overview",
                f"refresh at {people:,} people, {made:,} scans: {name}",
                ours,
                "ms",
                "bare SQL of the same figures",
                bare,
                f"ratio <= {limit}" if limit else "",
                (ours / bare <= limit) if limit else None,
                {"admitted_first_day": result["admitted"]},
            )
        )
    return figures


def seed_scans(path: Path, total: int, seed: int = 3) -> int:
    """``total`` scans straight into the file, shaped like a door day: most of the people
    in at the first day's entry (a third of them out and back in), the rest at the session
    doors and on the second day, some refused."""
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    event_id = con.execute("SELECT max(id) FROM event").fetchone()[0]
    days = [r[0] for r in con.execute(
        "SELECT id FROM event_day WHERE event_id = ? ORDER BY date", (event_id,))]  # fmt: skip
    in_day = (
        "SELECT i.id FROM programme_item i JOIN programme_slot s ON i.slot_id = s.id"
        " WHERE s.day_id = ?"
    )
    items = {day: [r[0] for r in con.execute(in_day, (day,))] for day in days}
    people = [r[0] for r in con.execute(
        "SELECT id FROM participant WHERE event_id = ? AND status = 'registered'",
        (event_id,))]  # fmt: skip
    start = datetime(2019, 9, 18, 6, 30)
    rows: list[tuple] = []

    def add(person, day, item, verdict, direction, at):
        rows.append((event_id, at.strftime("%Y-%m-%d %H:%M:%S.%f"), f"Tür {len(rows) % 4}",
                     "x", verdict, direction, person, day, item))  # fmt: skip

    rng.shuffle(people)
    first, second = days[0], days[min(1, len(days) - 1)]
    for person in people:
        if len(rows) >= total:
            break
        at = start + timedelta(seconds=rng.gauss(3 * 3600, 2400))
        add(person, first, None, "admitted", "in", at)
        if rng.random() < 0.33:
            add(person, first, None, "checked_out", "out", at + timedelta(hours=2))
        if items[first] and rng.random() < 0.5:
            add(person, first, rng.choice(items[first]), "admitted", "in", at + timedelta(hours=1))
        if rng.random() < 0.05:
            add(person, first, None, "already_used", "in", at + timedelta(minutes=5))
        if second != first and rng.random() < 0.4:
            add(person, second, None, "admitted", "in", at + timedelta(days=1))
    rows = rows[:total]
    con.executemany(
        "INSERT INTO scan (event_id, at, desk, raw, verdict, direction, participant_id,"
        " day_id, item_id, undone_by, offline, override_reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, '')",
        rows,
    )
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return len(rows)


BARE = (
    "SELECT status, count(*) FROM participant WHERE event_id = :e GROUP BY status",
    "SELECT count(*) FROM participant WHERE event_id = :e AND source = 'walk_in'",
    "SELECT category_id, count(*) FROM participant WHERE event_id = :e"
    " AND status = 'registered' GROUP BY category_id",
    "SELECT count(*) FROM programme_slot WHERE event_id = :e",
    "SELECT count(*), sum(i.capacity) FROM programme_item i JOIN programme_slot s"
    " ON i.slot_id = s.id WHERE s.event_id = :e",
    "SELECT count(*) FROM scan WHERE event_id = :e",
    "SELECT s.id, i.code, i.capacity FROM programme_slot s JOIN programme_item i"
    " ON i.slot_id = s.id WHERE s.event_id = :e",
    # expected per category: everyone registered for every day or for this one
    "SELECT c.name, count(p.id) FROM category c JOIN participant p ON p.category_id = c.id"
    " WHERE p.event_id = :e AND p.status = 'registered' AND (NOT EXISTS (SELECT 1 FROM"
    " participant_day d WHERE d.participant_id = p.id) OR EXISTS (SELECT 1 FROM"
    " participant_day d WHERE d.participant_id = p.id AND d.day_id = :d)) GROUP BY c.name",
    "SELECT c.name, count(DISTINCT s.participant_id) FROM scan s JOIN participant p"
    " ON s.participant_id = p.id JOIN category c ON p.category_id = c.id WHERE"
    " s.event_id = :e AND s.day_id = :d AND s.item_id IS NULL AND s.verdict = 'admitted'"
    " AND s.undone_at IS NULL GROUP BY c.name",
    "SELECT count(*) FROM scan s JOIN (SELECT max(id) AS last FROM scan WHERE event_id = :e"
    " AND day_id = :d AND item_id IS NULL AND verdict IN ('admitted', 'checked_out')"
    " AND undone_at IS NULL GROUP BY participant_id) l ON s.id = l.last"
    " WHERE s.direction = 'in'",
    "SELECT i.id, (SELECT count(DISTINCT participant_id) FROM scan WHERE item_id = i.id"
    " AND verdict = 'admitted' AND undone_at IS NULL), (SELECT count(*) FROM enrolment"
    " WHERE item_id = i.id AND status = 'enrolled'), i.capacity FROM programme_item i"
    " JOIN programme_slot s ON i.slot_id = s.id WHERE s.day_id = :d",
    "SELECT count(*) FROM scan s JOIN (SELECT max(id) AS last FROM scan WHERE item_id IN"
    " (SELECT i.id FROM programme_item i JOIN programme_slot ps ON i.slot_id = ps.id"
    " WHERE ps.day_id = :d) AND verdict IN ('admitted', 'checked_out') AND undone_at IS NULL"
    " GROUP BY item_id, participant_id) l ON s.id = l.last WHERE s.direction = 'in'",
    "SELECT s.at, p.first_name, p.last_name, p.organisation FROM scan s JOIN participant p"
    " ON s.participant_id = p.id WHERE s.event_id = :e AND s.day_id = :d AND"
    " s.verdict = 'admitted' AND s.undone_at IS NULL AND p.is_vip ORDER BY s.at DESC LIMIT 50",
    "SELECT min(at) FROM scan WHERE event_id = :e AND day_id = :d AND item_id IS NULL"
    " AND verdict = 'admitted' AND undone_at IS NULL GROUP BY participant_id",
)


def measure(path: str) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from regdesk.db import open_database
    from ui import i18n
    from ui.app import application
    from ui.overview_page import OverviewPage

    app = application()
    i18n.install(app, "de")
    db = open_database(path)
    event_id, day_id = event_and_day(db)
    page = OverviewPage(db, event_id)
    page.resize(1280, 800)
    page.show()

    def painted() -> None:
        while page.busy():
            QApplication.processEvents()
            time.sleep(0.0005)
        page.repaint()

    painted()  # warm: the first read fills the caches, for both
    ours, bare = [], []
    for _ in range(REPEAT):
        started = time.perf_counter()
        page.refresh()
        painted()
        ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        with db.session(write=False) as session:
            for statement in BARE:
                session.execute(text(statement), {"e": event_id, "d": day_id}).fetchall()
        bare.append((time.perf_counter() - started) * 1000)
    admitted = page.snapshot.day.counts.admitted
    db.close()
    return {"ours": ours, "bare": bare, "admitted": admitted}


if __name__ == "__main__":
    if sys.argv[1] == "measure":
        print(json.dumps(measure(sys.argv[2])))
