"""Opening databases: defaults, pragmas, and refusing bad ones without touching them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from regdesk import db as dbmod
from regdesk.db import open_database, resolve_database_url
from regdesk.errors import (
    DatabaseCorrupt,
    DatabaseLocationUnwritable,
    DatabaseUnavailable,
    NotARegdeskDatabase,
)
from regdesk.schema import head_revision


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_database_lives_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    url = resolve_database_url(None)
    assert url.startswith("sqlite:///")
    assert url.endswith("regdesk/regdesk.sqlite3")
    assert str(tmp_path / "xdg") in url
    database = open_database()
    try:
        assert database.info.path == tmp_path / "xdg" / "regdesk" / "regdesk.sqlite3"
        assert database.info.path.exists()
        assert database.info.created
    finally:
        database.close()


def test_url_precedence_explicit_then_environment_then_default(tmp_path, monkeypatch):
    monkeypatch.setenv("REGDESK_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert resolve_database_url(None) == "postgresql+psycopg://u@h/db"
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"
    plain = resolve_database_url(str(tmp_path / "file.sqlite3"))
    assert plain == f"sqlite:///{tmp_path}/file.sqlite3"


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_busy_timeout(sqlite_db):
    with sqlite_db.session(write=False) as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 15000


def test_write_sessions_take_the_sqlite_write_lock_at_begin(sqlite_db, tmp_path):
    """BEGIN IMMEDIATE: a second writer cannot start while the first holds the lock."""
    with sqlite_db.session():
        other = sqlite3.connect(tmp_path / "regdesk.sqlite3", timeout=0.05, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN")  # readers are never blocked in WAL mode
        other.execute("SELECT count(*) FROM event").fetchone()
        other.execute("ROLLBACK")
        other.close()


def test_session_rolls_back_on_error(db, event_id):
    from regdesk.models import Event

    with pytest.raises(RuntimeError), db.session() as session:
        session.get(Event, event_id).name = "Changed"
        raise RuntimeError("boom")
    with db.session(write=False) as session:
        assert session.get(Event, event_id).name == "Testkonferenz"


def test_reopening_keeps_data_and_does_not_recreate(tmp_path):
    path = tmp_path / "regdesk.sqlite3"
    first = open_database(str(path))
    assert first.info.created and first.info.revision == head_revision()
    first.close()
    second = open_database(str(path))
    assert not second.info.created and second.info.backup is None
    second.close()


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "regdesk.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 50)
    before = digest(path)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(str(path))
    assert "not a SQLite database file" in info.value.message()
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["regdesk.sqlite3"]


def test_damaged_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "regdesk.sqlite3"
    good = open_database(str(path))
    good.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(path.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    for offset in range(page_size * 2, len(raw), 7):  # scribble over the pages after 2
        raw[offset] = 0xA5
    path.write_bytes(bytes(raw))
    before = digest(path)
    with pytest.raises(DatabaseCorrupt):
        open_database(str(path))
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotARegdeskDatabase):
        open_database(str(path))
    assert digest(path) == before
    assert not (tmp_path / "other.sqlite3-wal").exists()


def test_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(DatabaseLocationUnwritable) as info:
        open_database(str(blocker / "sub" / "regdesk.sqlite3"))
    assert str(blocker / "sub" / "regdesk.sqlite3") in info.value.message()
    assert blocker.read_text() == "x"


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write: mode 555 for a user; for root (who ignores modes) a
    read-only tmpfs mount, like a write-protected stick."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"root cannot mount a read-only tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_read_only_folder_is_a_clear_error(read_only_folder):
    target = read_only_folder / "regdesk.sqlite3"
    with pytest.raises(DatabaseLocationUnwritable) as info:
        open_database(str(target))
    assert f"The database file {target} cannot be written here" in info.value.message()
    assert not target.exists()


def test_read_only_folder_exits_non_zero_from_the_cli(read_only_folder):
    target = read_only_folder / "regdesk.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "regdesk", "info", "-d", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "cannot be written here" in result.stderr and "Traceback" not in result.stderr


def test_write_probe_failure_is_reported_as_unwritable(tmp_path, monkeypatch):
    """A read-only mount looks writable to root's os.access; the real write probe catches it."""

    def refuse(self, data):
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(dbmod.Path, "write_bytes", refuse)
    with pytest.raises(DatabaseLocationUnwritable) as info:
        open_database(str(tmp_path / "regdesk.sqlite3"))
    assert "Read-only file system" in info.value.message()
    assert not (tmp_path / "regdesk.sqlite3").exists()


def test_unreachable_postgresql_is_a_clear_error():
    with pytest.raises(DatabaseUnavailable) as info:
        open_database("postgresql+psycopg://regdesk:secret@127.0.0.1:9/regdesk")
    message = info.value.message()
    assert "127.0.0.1" in message and "cannot be reached" in message
    assert "secret" not in message  # passwords never shown


def test_unknown_database_kind_is_a_clear_error():
    with pytest.raises(DatabaseUnavailable):
        open_database("nosuchdb://host/db")
