"""Participants at 100,000: search as you type, and opening the Teilnehmende screen.

search: median and p95 per query ("mül", "ber", an e-mail fragment, a short code) for
what the screen does per keystroke (matching IDs in order + the first page of rows),
beside a plain LIKE '%x%' scan over the same columns of the same table.
screen: time from creating the page to its first rows painted, and process memory,
beside loading every row into Python (what a non-lazy model would do).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, run_process

FULL = 100_000
QUICK = 10_000
REPEAT = 40


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@benchmark("participants")
def participants(quick: bool) -> list[Figure]:
    count = QUICK if quick else FULL
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.sqlite3"
        run_process(
            [
                "-m",
                "regdesk",
                "demo",
                "--database",
                str(path),
                "--scenario",
                "stuttgart",
                "--participants",
                str(count),
                "--seed",
                "2",
            ]
        )
        search = json.loads(
            run_process(["-m", "benchmarks.bench_participants", "search", str(path)]).stdout
        )
        screen_run = run_process(["-m", "benchmarks.bench_participants", "screen", str(path)])
        screen = json.loads(screen_run.stdout)
    figures = []
    for query, result in search.items():
        ours, like = result["ours"], result["like"]
        for name, share in (("median", 0.5), ("p95", 0.95)):
            value, base = _percentile(ours, share), _percentile(like, share)
            limit = 20 if name == "median" else 50
            figures.append(
                Figure(
                    "participants",
                    f"search {query!r} at {count:,}: {name}",
                    value,
                    "ms",
                    "LIKE '%x%' scan",
                    base,
                    f"<= {limit} ms",
                    value <= limit,
                    {"matches": result["matches"]},
                )
            )
    figures.append(
        Figure(
            "participants",
            f"open list at {count:,}: first rows painted",
            screen["ours_ms"],
            "ms",
            "load all rows",
            screen["naive_ms"],
            "<= 300 ms",
            screen["ours_ms"] <= 300,
        )
    )
    figures.append(
        Figure(
            "participants",
            f"open list at {count:,}: process memory",
            screen["rss_mb"],
            "MB",
            "after loading all rows",
            screen["naive_rss_mb"],
        )
    )
    return figures


def _queries(db) -> dict[str, str]:
    from sqlalchemy import select

    from regdesk.models import Participant

    with db.session(write=False) as session:
        code = session.scalar(select(Participant.short_code).order_by(Participant.id).limit(1))
    return {"mül": "mül", "ber": "ber", "e-mail fragment": "schmidt@landes", "short code": code[:4]}


def measure_search(path: str) -> dict:
    from sqlalchemy import text

    from regdesk.db import open_database
    from regdesk.services.search import participant_ids, participant_rows

    db = open_database(path)
    results = {}
    with db.session(write=False) as session:
        event_id = session.execute(text("SELECT max(id) FROM event")).scalar()
        for label, query in _queries(db).items():
            ours, like = [], []
            matches = 0
            pattern = f"%{query.lower()}%"
            for _ in range(REPEAT):
                started = time.perf_counter()
                ids = participant_ids(session, event_id, query)
                participant_rows(session, ids[:50])
                ours.append((time.perf_counter() - started) * 1000)
                matches = len(ids)
                started = time.perf_counter()
                session.execute(
                    text(
                        "SELECT id FROM participant WHERE event_id = :e AND ("
                        " lower(first_name) LIKE :p OR lower(last_name) LIKE :p"
                        " OR lower(organisation) LIKE :p OR lower(email) LIKE :p"
                        " OR lower(short_code) LIKE :p) ORDER BY last_name, first_name"
                    ),
                    {"e": event_id, "p": pattern},
                ).fetchall()
                like.append((time.perf_counter() - started) * 1000)
            results[label] = {"ours": ours, "like": like, "matches": matches}
    db.close()
    return results


def measure_screen(path: str) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from sqlalchemy import text

    from regdesk.db import open_database
    from regdesk.services.search import participant_ids, participant_rows
    from ui import i18n
    from ui.app import application
    from ui.participants_page import ParticipantsPage

    app = application()
    i18n.install(app, "de")
    db = open_database(path)
    with db.session(write=False) as session:
        event_id = session.execute(text("SELECT max(id) FROM event")).scalar()
    app.processEvents()
    started = time.perf_counter()
    page = ParticipantsPage(db, event_id, "bench")
    page.resize(1280, 760)
    page.show()
    page.view.viewport().repaint()  # paint now: the first rows are on screen
    ours_ms = (time.perf_counter() - started) * 1000
    assert page.model.rowCount() > 0 and page.model.index(0, 0).data()
    rss_mb = _rss_mb()
    started = time.perf_counter()
    with db.session(write=False) as session:
        everything = participant_rows(session, participant_ids(session, event_id, ""))
    naive_ms = (time.perf_counter() - started) * 1000
    naive_rss = _rss_mb()
    assert len(everything) == page.model.rowCount()
    return {"ours_ms": ours_ms, "naive_ms": naive_ms, "rss_mb": rss_mb, "naive_rss_mb": naive_rss}


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "search":
        print(json.dumps(measure_search(path)))
    elif mode == "screen":
        print(json.dumps(measure_screen(path)))
