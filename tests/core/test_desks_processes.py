"""Four desk processes (`regdesk checkin --stdin`, as a scanner feeds it) scan against a
real PostgreSQL server that is halted mid-run and started again; one desk is killed with
SIGKILL while offline and started again. Every scan a desk reported is in the database
exactly once, and the double admissions made while apart are the conflicts listed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from regdesk.db import open_database
from regdesk.models import Participant, Scan
from regdesk.services.offline_scans import conflicts

from .test_desks_offline import make_event

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(r"(Gast\d+) Nr")
DESKS = 4
PER_DESK = 36  # rounds: 12 online, 12 with the server halted, 12 after its restart


def desk_process(url: str, name: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "regdesk", "checkin", "-d", url, "--day", "1", "--desk", name,
         "--stdin", "--no-reentry"],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, bufsize=1,
    )  # fmt: skip


def verdict_of(line: str) -> tuple[bool, str, str]:
    """(offline, verdict words, first name) of a line the desk printed."""
    parts = line.split(" · ")
    offline = parts[0] == "OFFLINE"
    if offline:
        parts = parts[1:]
    found = NAME.search(line)
    return offline, parts[0], found.group(1) if found else ""


@pytest.mark.postgres
def test_desks_through_an_outage_lose_nothing_and_list_every_conflict(haltable_pg, tmp_path):
    server, url = haltable_pg
    db = open_database(url)
    event_id, _day, _ids, codes = make_event(db, DESKS * 18 + 12)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    names = [f"Tür {k}" for k in range(DESKS)]
    shared = codes[-12:]  # a group that comes to every door while the desks are apart
    queues = []
    for k in range(DESKS):
        own = codes[k * 18 : (k + 1) * 18]
        apart = shared[3 * k :] + shared[: 3 * k]
        queues.append(own[:12] + apart + own[:6] + own[12:])  # then some a second time
    procs = [desk_process(url, name, env) for name in names]
    reported: list[list[str]] = [[] for _ in range(DESKS)]
    killed = DESKS - 1
    try:
        for i in range(PER_DESK):
            if i == PER_DESK // 3:
                server.halt()
            if i == 2 * PER_DESK // 3:
                os.kill(procs[killed].pid, signal.SIGKILL)  # offline, outbox not sent
                procs[killed].wait()
                server.start()
            for k, proc in enumerate(procs):
                if proc.poll() is None:
                    proc.stdin.write(queues[k][i] + "\n")
                    proc.stdin.flush()
            for k, proc in enumerate(procs):
                if proc.poll() is None or (k == killed and i < 2 * PER_DESK // 3):
                    line = proc.stdout.readline().strip()
                    if line:
                        reported[k].append(line)
            time.sleep(0.02)
        for k, proc in enumerate(procs):
            if k != killed:
                proc.stdin.close()
                assert proc.wait(timeout=90) in (0, 1), proc.stderr.read()
        # the killed desk starts again with nothing to scan: its outbox goes up
        again = desk_process(url, names[killed], env)
        _out, err = again.communicate("", timeout=90)
        assert again.returncode in (0, 1) and "wait for the server" not in err, err
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
        server.ensure_running()

    lines = [verdict_of(line) for desk in reported for line in desk]
    assert not [line for desk in reported for line in desk if line.startswith("NOT CHECKED")]
    assert any(offline for offline, _, _ in lines)  # the outage really happened mid-run
    with db.session(write=False) as session:
        rows = session.execute(
            select(Scan.desk, Scan.verdict, Scan.offline, Participant.first_name, Scan.nonce)
            .join(Participant, Participant.id == Scan.participant_id)
            .where(Scan.event_id == event_id)
            .order_by(Scan.at)
        ).all()
        listed = conflicts(session, event_id)
        assert session.scalar(select(func.count(func.distinct(Scan.nonce)))) == len(rows)
    db.close()

    for k, name in enumerate(names):
        stored = [(r.verdict, r.first_name, r.offline) for r in rows if r.desk == name]
        said = [(w, n, o) for o, w, n in map(verdict_of, reported[k])]
        if k == killed:  # at most the one scan committed as the desk was killed is unreported
            assert 0 <= len(stored) - len(said) <= 1
            stored = stored[: len(said)]
        words = {"admitted": "ADMITTED", "already_used": "ALREADY USED"}
        assert [(words[v], n, o) for v, n, o in stored] == said, name

    # every double admission made while apart is exactly one listed conflict
    admitted = Counter(n for _, w, n in lines if w == "ADMITTED")
    doubles = {n: c - 1 for n, c in admitted.items() if c > 1}
    listed_per_person = Counter(c.name.split()[0] for c in listed)
    assert listed_per_person == Counter(doubles)
    assert len(doubles) == 12 and set(doubles.values()) == {DESKS - 1}
