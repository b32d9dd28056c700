"""The door while a 50,000-row import runs on the same SQLite file.

An import is one transaction (all rows or none), so it holds the file's write lock for
its whole write phase (some 20 s for 50,000 rows here). A door desk (DoorDesk, as the
door screen and `regdesk checkin` use it) scans a badge every 20 ms meanwhile: each
scan's time from the code to the committed verdict -- p50, p99, max -- beside the same
desk scanning the same file with nothing else running (before and after the import,
the two halves of the baseline; "during" lasts until the scans the journal took meanwhile
are written in). The import runs as a process of its own, as a second
window or `regdesk import --apply` would. Afterwards every verdict the desk gave is in
the database exactly once (the journal written in), and the import is complete.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, percentile, run_process, seed_demo

_ME = ["-m", "benchmarks.bench_door_import"]
EXISTING = 2_000
PACE_S = 0.02


@benchmark("door-import")
def door_import(quick: bool) -> list[Figure]:
    rows = 10_000 if quick else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "door.sqlite3")
        seed_demo(db, EXISTING, "moenchengladbach")
        source = Path(tmp) / "anmeldungen.csv"
        from .bench_lists import write_csv

        write_csv(source, rows)
        os.sync()  # the seed and the file on disk before anything is timed
        r = json.loads(run_process([*_ME, "run", db, str(source), tmp]).stdout)
    during, alone = r["during"], r["alone"]
    notes = {
        "scans during the import": len(during),
        "import seconds": r["import_seconds"],
        "imported": r["imported"],
        "not checked": r["not_checked"],
        "verdicts missing or doubled in the database": r["mismatch"],
        "scans over 100 ms (s after the import's start, s, decided in)": r["slow"],
    }
    figures = []
    for name, share in (("p50", 0.5), ("p99", 0.99), ("max", 1.0)):
        value, base = percentile(during, share) * 1000, percentile(alone, share) * 1000
        is_max = name == "max"
        figures.append(
            Figure(
                "door-import",
                f"scan → committed verdict while {rows:,} rows are imported ({name})",
                value,
                "ms",
                "the same desk, no import running",
                base,
                "max <= 1000 ms, none unchecked, none lost" if is_max else "",
                (value <= 1000 and not r["not_checked"] and not r["mismatch"]) if is_max else None,
                notes if is_max else {},
            )
        )
    return figures


def run(db_path: str, source: str, folder: str) -> dict:
    from collections import Counter

    from sqlalchemy import func, select

    from regdesk.db import open_database
    from regdesk.desks.door import DoorDesk
    from regdesk.errors import ScanNotChecked
    from regdesk.models import Participant, Scan
    from regdesk.services import checkin as svc

    from .harness import event_and_day

    db = open_database(db_path)
    event_id, day = event_and_day(db)
    with db.session(write=False) as session:
        codes = list(
            session.scalars(
                select(Participant.short_code)
                .where(Participant.event_id == event_id, Participant.status == "registered")
                .order_by(Participant.id)
            )
        )
    desk = DoorDesk(db, event_id, "Eingang")
    desk.start()
    context = svc.ScanContext(day)
    shown: Counter = Counter()
    position = 0
    not_checked = 0
    slow: list[tuple[float, float, str]] = []  # (when, how long, where decided)
    clock = {"start": time.perf_counter()}

    def one() -> float:
        nonlocal position, not_checked
        code = codes[position % len(codes)]
        position += 1
        started = time.perf_counter()
        try:
            result = desk.scan(code, context)
        except ScanNotChecked:
            not_checked += 1
            return time.perf_counter() - started
        took = time.perf_counter() - started
        shown[(code, result.verdict)] += 1
        if took > 0.1:
            where = "journal" if result.scan_id < 0 else "file"
            slow.append((round(started - clock["start"], 2), round(took, 3), where))
        return took

    alone = []
    for _ in range(150):
        alone.append(one())
        time.sleep(PACE_S)
    env = {**os.environ, "XDG_DATA_HOME": str(Path(folder) / "data")}
    started = clock["start"] = time.perf_counter()
    importer = subprocess.Popen(
        [sys.executable, "-m", "regdesk", "-d", db_path, "import", source, "--apply",
         "--skip-invalid"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    during = []
    while importer.poll() is None:
        during.append(one())
        time.sleep(PACE_S)
    import_seconds = time.perf_counter() - started
    if importer.returncode != 0:
        raise RuntimeError(importer.stderr.read())
    while desk.journal is not None and desk.flush_journal():  # its aftermath: the backlog
        during.append(one())
        time.sleep(PACE_S)
    for _ in range(150):
        alone.append(one())
        time.sleep(PACE_S)
    left = desk.drain(timeout_s=30)
    desk.close()
    with db.session(write=False) as session:
        stored = Counter(
            tuple(row) for row in session.execute(select(Scan.raw, Scan.verdict)).all()
        )
        imported = session.scalar(
            select(func.count()).select_from(Participant).where(Participant.source == "import")
        )
    db.close()
    mismatch = sum(((stored - shown) + (shown - stored)).values()) + left
    return {
        "alone": alone,
        "during": during,
        "import_seconds": round(import_seconds, 1),
        "imported": imported,
        "not_checked": not_checked,
        "mismatch": mismatch,
        "slow": slow,
    }


if __name__ == "__main__":
    if sys.argv[1] == "run":
        print(json.dumps(run(*sys.argv[2:5])))
