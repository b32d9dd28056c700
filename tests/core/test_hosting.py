"""This computer as the server for other desks: the join code (typed, scanned, mistyped),
hosting from the SQLite file (counts the same, the file untouched, a password and the
local subnets only), a second process joining with the code and scanning, and a start
after a crash that left a stale postmaster.pid."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from regdesk.badge_codes import ALPHABET
from regdesk.db import open_database
from regdesk.demo import seed_demo
from regdesk.desks import hosting
from regdesk.desks.pgserver import LocalServer
from regdesk.models import Base, Participant, Scan
from regdesk.services import checkin as svc

ROOT = Path(__file__).resolve().parents[2]


def test_a_join_code_survives_a_scanner_and_catches_a_typo():
    info = hosting.JoinInfo("192.168.178.23", 55432, bytes(range(10)))
    code = info.code
    assert code.startswith("RDJ-") and len(code.replace("-", "")) == 31
    assert set(code.replace("-", "")[3:]) <= set(ALPHABET)
    for typed in (code, code.lower(), code.replace("-", " "), f"  {code}\r\n"):
        assert hosting.parse_join_code(typed) == info
    assert hosting.parse_join_code(code).url == (
        "postgresql+psycopg://regdesk:00010203040506070809@192.168.178.23:55432/regdesk"
    )
    body = code.replace("-", "")
    for pos in range(3, len(body)):  # every single wrong character is caught
        wrong = ALPHABET[(ALPHABET.index(body[pos]) + 1) % len(ALPHABET)]
        with pytest.raises(hosting.InvalidJoinCode):
            hosting.parse_join_code(body[:pos] + wrong + body[pos + 1 :])
    for bad in ("", "ABC", "RDJ-1234", code[:-2]):
        with pytest.raises(hosting.InvalidJoinCode):
            hosting.parse_join_code(bad)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.postgres
def test_host_the_event_and_a_second_desk_joins_with_the_code(tmp_path, server_folder):
    source = open_database(str(tmp_path / "regdesk.sqlite3"))
    event_id = seed_demo(source, "bad-belzig", participants=300, seed=7).event_id
    with source.session() as session:
        day = session.scalar(select(func.min(Scan.day_id))) or 1
        codes = list(
            session.scalars(
                select(Participant.short_code)
                .where(Participant.status == "registered")  # codes are random: pick by id
                .order_by(Participant.id)
                .limit(3)
            )
        )
        svc.scan(session, event_id, codes[0], desk="Eingang", context=svc.ScanContext(day))
    source.close()
    before = _digest(tmp_path / "regdesk.sqlite3")
    source = open_database(str(tmp_path / "regdesk.sqlite3"))
    try:
        hosted = hosting.host(source, server_folder, address="127.0.0.1")
    finally:
        source.close()
    assert _digest(tmp_path / "regdesk.sqlite3") == before  # the file was left as it was
    assert hosted.counts["participant"] == 300 and hosted.counts["scan"] == 1
    # the server asks for the password and lets in only the local subnets
    hba = (server_folder / "data" / "pg_hba.conf").read_text()
    assert "trust" not in hba and "127.0.0.1/32 scram-sha-256" in hba
    assert "0.0.0.0/0" not in hba
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=hosted.join.port, user="regdesk",
                        password="wrong", dbname="regdesk", connect_timeout=5)  # fmt: skip
    joined = hosting.parse_join_code(hosted.join.code)
    # another desk (another process) joins with the code alone and scans
    desk = subprocess.run(
        [sys.executable, "-m", "regdesk", "checkin", "-d", joined.url, "--day", "1",
         "--desk", "Eingang Süd", codes[1], codes[0]],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = desk.stdout.splitlines()
    assert lines[0].startswith("ADMITTED") and lines[1].startswith("RE-ENTRY"), desk.stderr
    server = open_database(joined.url)
    try:
        with source_counts(tmp_path / "regdesk.sqlite3") as here, server.session() as there:
            for table in Base.metadata.sorted_tables:
                expected = here[table.name] + (2 if table.name == "scan" else 0)
                assert there.scalar(select(func.count()).select_from(table)) == expected
            new = svc.scan(there, event_id, codes[2], desk="x", context=svc.ScanContext(day))
            assert new.scan_id == 4  # the id sequences continue after the copied rows
    finally:
        server.close()


class source_counts:
    def __init__(self, path: Path) -> None:
        self.db = open_database(str(path))

    def __enter__(self) -> dict[str, int]:
        with self.db.session(write=False) as session:
            return {
                t.name: session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables
            }

    def __exit__(self, *exc) -> None:
        self.db.close()


@pytest.mark.postgres
def test_the_hosted_server_starts_again_after_a_crash(tmp_path, server_folder):
    source = open_database(str(tmp_path / "regdesk.sqlite3"))
    seed_demo(source, "bad-belzig", participants=20, seed=7)
    try:
        hosted = hosting.host(source, server_folder, address="127.0.0.1")
    finally:
        source.close()
    server = LocalServer(server_folder)
    pidfile = server_folder / "data" / "postmaster.pid"
    lines = pidfile.read_text().split("\n")
    os.kill(int(lines[0]), signal.SIGKILL)  # a crash: postmaster.pid stays behind
    deadline = time.monotonic() + 20
    while server.running() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)  # the server's other processes notice and end
    assert pidfile.exists()
    sleeper = subprocess.Popen(["sleep", "60"])  # the old process id, taken by another one
    try:
        pidfile.write_text("\n".join([str(sleeper.pid), *lines[1:]]))
        hosting.restart(server_folder)
        assert server.running()
        db = open_database(hosted.local_url)
        with db.session(write=False) as session:
            assert session.scalar(select(func.count()).select_from(Participant)) == 20
        db.close()
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.mark.postgres
def test_hosting_twice_in_one_folder_is_refused_and_changes_nothing(tmp_path, server_folder):
    source = open_database(str(tmp_path / "regdesk.sqlite3"))
    seed_demo(source, "bad-belzig", participants=5, seed=7)
    try:
        hosting.host(source, server_folder, address="127.0.0.1")
        with pytest.raises(hosting.HostingFailed):
            hosting.host(source, server_folder, address="127.0.0.1")
        assert LocalServer(server_folder).running()
    finally:
        source.close()


def test_a_port_taken_between_the_check_and_the_start_gets_another(
    tmp_path, server_folder, monkeypatch
):
    """Two desks hosting on one computer at the same moment both found the usual port
    free; the second's start then failed. Now it takes another free port."""
    import socket

    from regdesk.desks.pgserver import free_port

    busy = free_port("0.0.0.0")
    taken = socket.socket(socket.AF_INET6)  # IPv4 and IPv6, as another server holds it
    taken.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    taken.bind(("::", busy))
    taken.listen()
    monkeypatch.setattr(hosting, "_port", lambda: busy)  # as if it had been free a moment ago
    source = open_database(str(tmp_path / "regdesk.sqlite3"))
    seed_demo(source, "bad-belzig", participants=5, seed=7)
    try:
        hosted = hosting.host(source, server_folder, address="127.0.0.1")
        assert hosted.join.port != busy
        db = open_database(hosted.local_url)
        with db.session(write=False) as session:
            assert session.scalar(select(func.count()).select_from(Participant)) == 5
        db.close()
    finally:
        source.close()
        taken.close()
        LocalServer(server_folder).halt()
