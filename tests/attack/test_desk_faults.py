"""A door desk under another writer's lock or a stopped server (issue 18, items 1 and 2):
`regdesk checkin --stdin` prints one clear line for a scan it could not decide and goes
on with the next guest; it never dies, and a held SQLite lock costs a guest about a
second, not fifteen."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from regdesk.db import open_database
from regdesk.models import Scan
from regdesk.services import participants as people

ROOT = Path(__file__).resolve().parents[2]


def desk(url: str, tmp_path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "regdesk", "checkin", "-d", url, "--day", "16.06.2025",
         "--desk", "Tür", "--stdin"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, bufsize=1, env={**__import__("os").environ, "XDG_DATA_HOME": str(tmp_path)},
    )  # fmt: skip


def make_event(db) -> int:
    from regdesk.services.events import EventInput, create_event

    with db.session() as session:
        return create_event(
            session, EventInput(name="Fest", first_day="16.06.2025", last_day="16.06.2025"),
            actor="t",
        ).id  # fmt: skip


def guests(db, event_id, n):
    with db.session() as session:
        return [
            people.register(
                session, event_id, people.ParticipantInput("Gast", f"Nr{k}"), actor="t"
            ).short_code
            for k in range(n)
        ]


def ask(proc: subprocess.Popen, code: str) -> tuple[str, float]:
    started = time.monotonic()
    proc.stdin.write(code + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip(), time.monotonic() - started


def test_a_cli_desk_behind_another_writers_lock_decides_and_when_stuck_says_not_checked(
    sqlite_db, tmp_path
):
    db = sqlite_db
    event_id = make_event(db)
    codes = guests(db, event_id, 3)
    proc = desk(str(db.info.path), tmp_path)
    try:
        line, _ = ask(proc, codes[0])
        assert line.startswith("ADMITTED")
        blocker = sqlite3.connect(db.info.path, timeout=1)
        blocker.execute("BEGIN IMMEDIATE")  # an import, a backup tool ...
        try:
            line, waited = ask(proc, codes[1])
            assert line.startswith("ADMITTED"), line  # through the file's journal
            assert waited < 1.6, waited
            journal = sqlite3.connect(str(db.info.path) + "-door", timeout=1)
            journal.execute("BEGIN IMMEDIATE")  # and a desk stuck in the journal, too
            try:
                line, waited = ask(proc, codes[2])
            finally:
                journal.rollback()
                journal.close()
            assert line.startswith("NOT CHECKED · ") and "locked" in line, line
            assert waited < 2.5, waited
        finally:
            blocker.rollback()
            blocker.close()
        line, _ = ask(proc, codes[2])  # scanned again: decided now
        assert line.startswith("ADMITTED")
        proc.stdin.close()
        assert proc.wait(timeout=60) == 1  # one scan was not checked
        assert "Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == 3


@pytest.mark.postgres
def test_a_cli_desk_carries_on_when_the_server_stops_and_returns(haltable_pg, tmp_path):
    server, url = haltable_pg
    db = open_database(url)
    event_id = make_event(db)
    codes = guests(db, event_id, 4)
    proc = desk(url, tmp_path)
    try:
        line, _ = ask(proc, codes[0])
        assert line.startswith("ADMITTED")
        server.halt()
        line, _ = ask(proc, codes[1])
        assert line.startswith("OFFLINE · ADMITTED"), line  # decided from its copy
        line, _ = ask(proc, codes[0])
        assert line.startswith("OFFLINE · RE-ENTRY"), line
        server.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line, _ = ask(proc, codes[2])
            if not line.startswith("OFFLINE"):
                break
            time.sleep(1)
        assert line.startswith(("ADMITTED", "RE-ENTRY")), line  # online again by itself
        proc.stdin.close()
        assert proc.wait(timeout=90) in (0, 1)
        err = proc.stderr.read()
        assert "Traceback" not in err, err
    finally:
        if proc.poll() is None:
            proc.kill()
        server.ensure_running()
