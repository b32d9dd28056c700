"""Figures, the registry of benchmarks, the table and the JSON file."""

from __future__ import annotations

import json
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Figure:
    benchmark: str
    name: str
    value: float
    unit: str
    baseline: str = ""  # what the value is compared with, measured in the same run
    baseline_value: float | None = None
    target: str = ""  # e.g. "ratio <= 3"
    passed: bool | None = None
    notes: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline_value in (None, 0):
            return None
        return self.value / self.baseline_value


Benchmark = Callable[[bool], list[Figure]]
REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    def register(fn: Benchmark) -> Benchmark:
        REGISTRY[name] = fn
        return fn

    return register


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_rss_mb: float
    stdout: str


def run_process(args: list[str]) -> ProcessRun:
    """Run a Python module in a fresh process: wall time and its peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{args} failed: {result.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far; report it only if this one grew it
    return ProcessRun(seconds, max(peak, before) / 1024, result.stdout)


def table(figures: list[Figure]) -> str:
    rows = [("benchmark", "figure", "value", "baseline", "ratio", "target", "ok")]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else ""
        base = f"{f.baseline}: {_fmt(f.baseline_value)} {f.unit}" if f.baseline else ""
        ok = "" if f.passed is None else ("yes" if f.passed else "NO")
        rows.append((f.benchmark, f.name, f"{_fmt(f.value)} {f.unit}", base, ratio, f.target, ok))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def save(figures: list[Figure]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = {
        "when": stamp,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": _cpus(),
        },
        "figures": [asdict(f) | {"ratio": f.ratio} for f in figures],
    }
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False))
    (RESULTS / "latest.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False))
    return path


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def start_postgres(label: str, *, durable: bool = False):
    """(server, database factory) of a throwaway PostgreSQL server, or None where the
    binaries are missing (the figures for PostgreSQL are then skipped, and said so)."""
    try:
        from tests.pgserver import DatabaseFactory, PostgresServer, find_bindir
    except ImportError:
        return None
    bindir = find_bindir()
    if bindir is None:
        print(f"{label}: no PostgreSQL binaries; PostgreSQL figures skipped", file=sys.stderr)
        return None
    server = PostgresServer(bindir, durable=durable)
    return server, DatabaseFactory(server.admin_url)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def event_and_day(db) -> tuple[int, int]:
    """The seeded event (the newest) and its first day."""
    from sqlalchemy import text

    with db.session(write=False) as session:
        event_id = session.execute(text("SELECT max(id) FROM event")).scalar()
        day_id = session.execute(
            text("SELECT id FROM event_day WHERE event_id = :e ORDER BY date, id LIMIT 1"),
            {"e": event_id},
        ).scalar()
    return event_id, day_id


def seed_demo(url: str, count: int, scenario: str = "stuttgart") -> None:
    """A demo event of ``count`` people, flushed to disk before anything is timed."""
    import os

    run_process(
        ["-m", "regdesk", "demo", "-d", url, "--scenario", scenario,
         "--participants", str(count), "--seed", "9"]
    )  # fmt: skip
    os.sync()
