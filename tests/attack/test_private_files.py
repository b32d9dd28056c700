"""Personal data at rest (issue 18, item 3): the data folder 0700, the database, its WAL
and SHM and the copy set aside before an upgrade 0600 -- also for a database created
0644 by an earlier version; the door PIN at least 6 digits, wrong ones slowed down."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from regdesk import schema
from regdesk.db import data_dir, open_database
from regdesk.errors import PinLocked
from regdesk.services import door

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_default_database_and_its_folder_are_owner_only(tmp_path):
    old = os.umask(0o022)  # as on a usual desktop
    try:
        done = subprocess.run(
            [sys.executable, "-m", "regdesk", "demo", "--participants", "20", "--seed", "1"],
            cwd=ROOT, capture_output=True, text=True, timeout=120, env=os.environ.copy(),
        )  # fmt: skip
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    folder = data_dir()
    assert mode(folder) == 0o700
    db = open_database(str(folder / "regdesk.sqlite3"))  # WAL and SHM exist while open
    try:
        with db.session() as session:
            session.execute(schema_probe())
        for name in ("regdesk.sqlite3", "regdesk.sqlite3-wal", "regdesk.sqlite3-shm"):
            assert mode(folder / name) == 0o600, name
    finally:
        db.close()


def schema_probe():
    from sqlalchemy import text

    return text("SELECT 1")


def test_an_older_world_readable_database_is_tightened_and_its_backup_is_private(tmp_path):
    from sqlalchemy import create_engine

    path = tmp_path / "alt.sqlite3"
    open_database(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")  # one step back, as an older version left it
    with engine.begin() as conn:
        schema.downgrade(conn, previous_revision())
    engine.dispose()
    os.chmod(path, 0o644)
    opened = open_database(str(path))
    try:
        assert opened.info.backup is not None  # it was upgraded, with a copy set aside
        assert mode(path) == 0o600 and mode(opened.info.backup) == 0o600
    finally:
        opened.close()


def previous_revision() -> str:
    head = schema.script_directory().get_revision(schema.head_revision())
    assert isinstance(head.down_revision, str)
    return head.down_revision


def test_a_pin_has_six_digits_and_wrong_ones_make_the_next_try_wait(db, event_id, monkeypatch):
    from regdesk.errors import ValidationError

    monkeypatch.setattr(door, "FIRST_WAIT_S", 0.4)
    with pytest.raises(ValidationError), db.session() as session:
        door.set_pin(session, event_id, "4711", actor="t")
    with db.session() as session:
        door.set_pin(session, event_id, "471108", actor="t")
    with db.session(write=False) as session:
        for _ in range(door.FREE_TRIES):
            assert not door.check_pin(session, event_id, "000000")
        with pytest.raises(PinLocked) as info:  # also the right one waits
            door.check_pin(session, event_id, "471108")
        assert "next try is possible in 1 s" in info.value.message()
        time.sleep(0.5)
        assert not door.check_pin(session, event_id, "000001")  # waits twice as long now
        assert 0.6 < door.pin_wait(event_id) <= 0.8
        time.sleep(0.85)
        assert door.check_pin(session, event_id, "471108")  # right: the count starts anew
        assert door.pin_wait(event_id) == 0
        assert not door.check_pin(session, event_id, "000000")  # one free wrong try again
        assert door.pin_wait(event_id) == 0
