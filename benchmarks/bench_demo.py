"""`regdesk demo --participants N`: seeding time, database size and memory, beside a bare
sqlite3 executemany of equally many rows of the same shape into the same schema."""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, run_process

FULL = 100_000
QUICK = 10_000


@benchmark("demo")
def demo(quick: bool) -> list[Figure]:
    count = QUICK if quick else FULL
    with tempfile.TemporaryDirectory() as tmp:
        ours_path = Path(tmp) / "demo.sqlite3"
        ours = run_process(
            [
                "-m",
                "regdesk",
                "demo",
                "--database",
                str(ours_path),
                "--scenario",
                "stuttgart",
                "--participants",
                str(count),
                "--seed",
                "1",
            ]
        )
        size_mb = _size(ours_path) / 1e6
        base_path = Path(tmp) / "baseline.sqlite3"
        base = run_process(
            ["-m", "benchmarks.bench_demo", "baseline", str(ours_path), str(base_path)]
        )
        base_seconds = float(base.stdout.strip())
        base_size_mb = _size(base_path) / 1e6
    seeding = float(re.search(r"in ([0-9.]+) s", ours.stdout).group(1))
    name = f"demo {count:,} participants"
    return [
        Figure(
            "demo",
            f"{name}: seeding",
            seeding,
            "s",
            "bare sqlite3 insert",
            base_seconds,
            "ratio <= 10 (names generated, ORM, constraints)",
            seeding / base_seconds <= 10,
        ),
        Figure("demo", f"{name}: whole command", ours.seconds, "s"),
        Figure(
            "demo",
            f"{name}: database size",
            size_mb,
            "MB",
            "same rows, bare",
            base_size_mb,
            "",
            None,
            {"bytes_per_participant": size_mb * 1e6 / count},
        ),
        Figure("demo", f"{name}: peak memory", ours.peak_rss_mb, "MB"),
    ]


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def baseline(source: Path, target: Path) -> float:
    """Copy the rows regdesk wrote, as plain tuples, into an empty copy of the schema with
    one executemany per table in one transaction: the floor for writing the same data."""
    src = sqlite3.connect(source)
    schema = [
        row[0]
        for row in src.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END"
        )
    ]
    tables = [
        "event",
        "event_day",
        "category",
        "programme_slot",
        "programme_item",
        "participant",
        "consent",
        "search_token",
        "audit_entry",
    ]
    data = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA foreign_keys = ON")
    for statement in schema:
        dst.execute(statement)
    started = time.perf_counter()
    dst.execute("BEGIN IMMEDIATE")
    for table, rows in data.items():
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            dst.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    dst.execute("COMMIT")
    seconds = time.perf_counter() - started
    dst.close()
    return seconds


if __name__ == "__main__":
    if sys.argv[1:2] == ["baseline"]:
        print(baseline(Path(sys.argv[2]), Path(sys.argv[3])))
