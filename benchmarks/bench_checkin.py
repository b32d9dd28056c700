"""Check-in at the door.

latency: 5,000 scans, each a committed verdict, at 100,000 participants on a SQLite file
(WAL, default durability); median and p99, beside the floor: a bare sqlite3 transaction
on the same file doing one indexed lookup and one insert.
doors: 8 processes scanning 20,000 distinct badges plus 2,000 repeats of them, against
SQLite and PostgreSQL: scans per second, and double admissions (must be 0).
screen: keystrokes of a scan typed into the check-in screen (pytest-qt's way, QTest) to
the verdict painted; beside typing the same keys into a plain line edit.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import (
    Figure,
    benchmark,
    event_and_day,
    percentile,
    run_process,
    seed_demo,
    start_postgres,
)

PROCESSES = 8
_REGISTERED = "WHERE status = 'registered'"
_RANDOM = f"FROM participant {_REGISTERED} ORDER BY random()"
_ME = ["-m", "benchmarks.bench_checkin"]
_SELF = [sys.executable, *_ME]


@benchmark("checkin")
def checkin(quick: bool) -> list[Figure]:
    people, scans = (10_000, 1_000) if quick else (100_000, 5_000)
    distinct, repeats = (2_000, 200) if quick else (20_000, 2_000)
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        big = str(Path(tmp) / "big.sqlite3")
        seed_demo(big, people)
        lat = json.loads(
            run_process(["-m", "benchmarks.bench_checkin", "latency", big, str(scans)]).stdout
        )
        for name, share in (("median", 0.5), ("p99", 0.99)):
            ours, floor = percentile(lat["ours"], share), percentile(lat["floor"], share)
            figures.append(
                Figure(
                    "checkin",
                    f"scan → committed verdict at {people:,}: {name}",
                    ours,
                    "ms",
                    "bare sqlite3 lookup + insert",
                    floor,
                    "median <= 2 ms, <= 3× floor" if name == "median" else "",
                    (ours <= 2 and ours <= 3 * floor) if name == "median" else None,
                )
            )
        screen = json.loads(run_process(["-m", "benchmarks.bench_checkin", "screen", big]).stdout)
        figures.append(
            Figure(
                "checkin",
                "screen: keystrokes of a scan to verdict painted (median)",
                statistics.median(screen["ours"]),
                "ms",
                "the same keys into a plain line edit",
                statistics.median(screen["floor"]),
                "<= 50 ms",
                statistics.median(screen["ours"]) <= 50,
                {"p95": round(percentile(screen["ours"], 0.95), 2)},
            )
        )
        targets = [("SQLite", str(Path(tmp) / "doors.sqlite3"))]
        server = start_postgres("checkin")
        if server is not None:
            targets.append(("PostgreSQL", server[1].create()))
        try:
            for backend, url in targets:
                seed_demo(url, int(distinct * 1.06))
                result = _doors(url, distinct, repeats)
                figures.append(
                    Figure(
                        "checkin",
                        f"{backend}: {distinct:,} badges + {repeats:,} repeats, "
                        f"{PROCESSES} processes",
                        result["rate"],
                        "scans/s",
                        notes={k: v for k, v in result.items() if k != "rate"},
                    )
                )
                figures.append(
                    Figure(
                        "checkin",
                        f"{backend}: double admissions",
                        result["double"],
                        "",
                        target="= 0",
                        passed=result["double"] == 0 and result["admitted"] == distinct,
                    )
                )
        finally:
            if server is not None:
                server[0].stop()
    return figures


def _doors(url: str, distinct: int, repeats: int) -> dict:
    codes = json.loads(
        run_process(["-m", "benchmarks.bench_checkin", "codes", url, str(distinct)]).stdout
    )
    rng = random.Random(5)
    work = codes + rng.sample(codes, repeats)
    rng.shuffle(work)
    with tempfile.TemporaryDirectory() as tmp:
        procs = []
        for n in range(PROCESSES):
            share = Path(tmp) / f"share-{n}.txt"
            share.write_text("\n".join(work[n::PROCESSES]))
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "benchmarks.bench_checkin",
                        "door",
                        url,
                        str(share),
                        f"Tür {n}",
                    ],
                    stdout=subprocess.PIPE,
                    text=True,
                )
            )
        reports = []
        for proc in procs:
            out, _ = proc.communicate(timeout=3600)
            if proc.returncode != 0:
                raise RuntimeError("a door process failed")
            reports.append(json.loads(out))
    seconds = max(r["end"] for r in reports) - min(r["start"] for r in reports)
    counted = json.loads(run_process(["-m", "benchmarks.bench_checkin", "count", url]).stdout)
    return {"rate": len(work) / seconds, "seconds": round(seconds, 2), **counted}


# --- the child processes --------------------------------------------------------------------


def latency(path: str, count: int) -> dict:
    import sqlite3

    from sqlalchemy import text

    from regdesk.db import open_database
    from regdesk.services.checkin import ScanContext, scan

    db = open_database(path)
    event_id, day_id = event_and_day(db)
    with db.session(write=False) as session:
        secrets = [
            s for (s,) in session.execute(
                text(f"SELECT badge_secret {_RANDOM} LIMIT :n"),
                {"n": 2 * count},
            )
        ]  # fmt: skip
    context = ScanContext(day_id=day_id)
    ours = []
    for secret in secrets[:count]:
        started = time.perf_counter()
        with db.session() as session:
            scan(session, event_id, secret, desk="bench", context=context)
        ours.append((time.perf_counter() - started) * 1000)
    db.close()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    floor = []
    for secret in secrets[count:]:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        pid = conn.execute(
            "SELECT id FROM participant WHERE badge_secret = ?", (secret,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO scan (event_id, at, desk, raw, verdict, direction, participant_id,"
            " day_id, undone_by)"
            " VALUES (?, datetime('now'), 'floor', ?, 're_entry', 'in', ?, ?, '')",
            (event_id, secret, pid, day_id),
        )
        conn.execute("COMMIT")
        floor.append((time.perf_counter() - started) * 1000)
    conn.close()
    return {"ours": ours, "floor": floor}


def screen(path: str) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit
    from sqlalchemy import text

    from regdesk.db import open_database
    from ui.app import application, shutdown_qt
    from ui.checkin_page import CheckinPage

    application()
    db = open_database(path)
    event_id, _ = event_and_day(db)
    with db.session(write=False) as session:
        codes = [
            s for (s,) in session.execute(
                text(f"SELECT short_code {_RANDOM} LIMIT 300")
            )
        ]  # fmt: skip
    page = CheckinPage(db, event_id, "bench")
    page.sounds.enabled = False
    page.resize(1280, 800)
    page.show()
    QApplication.processEvents()
    ours = []
    for code in codes[:200]:
        started = time.perf_counter()
        QTest.keyClicks(page.scan_field, code)
        QTest.keyClick(page.scan_field, Qt.Key.Key_Return)  # scans, commits, paints
        ours.append((time.perf_counter() - started) * 1000)
        QApplication.processEvents()  # the deferred lists, as between two guests
    plain = QLineEdit()
    plain.show()
    floor = []
    for code in codes[200:300]:
        started = time.perf_counter()
        QTest.keyClicks(plain, code)
        QTest.keyClick(plain, Qt.Key.Key_Return)
        floor.append((time.perf_counter() - started) * 1000)
        plain.clear()
    page.close()
    plain.close()
    del page, plain
    shutdown_qt()
    db.close()
    return {"ours": ours, "floor": floor}


def codes(url: str, count: int) -> list[str]:
    from sqlalchemy import text

    from regdesk.db import open_database

    db = open_database(url)
    with db.session(write=False) as session:
        rows = session.execute(
            text(f"SELECT badge_secret FROM participant {_REGISTERED} ORDER BY id LIMIT :n"),
            {"n": count},
        ).all()
    db.close()
    return [r[0] for r in rows]


def door(url: str, share: str, desk: str) -> dict:
    from regdesk.db import open_database
    from regdesk.services.checkin import ScanContext, scan

    db = open_database(url)
    event_id, day_id = event_and_day(db)
    context = ScanContext(day_id=day_id)
    lines = Path(share).read_text().split("\n")
    start = time.time()
    for code in lines:
        with db.session() as session:
            scan(session, event_id, code, desk=desk, context=context)
    end = time.time()
    db.close()
    return {"start": start, "end": end, "scans": len(lines)}


def count(url: str) -> dict:
    from sqlalchemy import text

    from regdesk.db import open_database

    db = open_database(url)
    with db.session(write=False) as session:
        double = session.execute(
            text(
                "SELECT count(*) FROM (SELECT participant_id FROM scan WHERE verdict = 'admitted'"
                " AND undone_at IS NULL GROUP BY participant_id, day_id HAVING count(*) > 1) d"
            )
        ).scalar()
        admitted = session.execute(
            text("SELECT count(*) FROM scan WHERE verdict = 'admitted'")
        ).scalar()
        re_entries = session.execute(
            text("SELECT count(*) FROM scan WHERE verdict = 're_entry'")
        ).scalar()
    db.close()
    return {"double": double, "admitted": admitted, "re_entries": re_entries}


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    result = {
        "latency": lambda: latency(rest[0], int(rest[1])),
        "screen": lambda: screen(rest[0]),
        "codes": lambda: codes(rest[0], int(rest[1])),
        "door": lambda: door(rest[0], rest[1], rest[2]),
        "count": lambda: count(rest[0]),
    }[command]()
    print(json.dumps(result))
