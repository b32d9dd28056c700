"""Messages that say what is true (issue 18, item 10): a busy database is busy, not
damaged; a missing version row is not a failed upgrade; a missing file or a folder given
to the import is said so -- never a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from regdesk.db import open_database
from regdesk.errors import DatabaseBusy, SchemaVersionMissing

ROOT = Path(__file__).resolve().parents[2]


def regdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regdesk", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_a_database_another_program_holds_locked_is_busy_not_damaged(tmp_path):
    path = tmp_path / "regdesk.sqlite3"
    open_database(str(path)).close()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")  # as a backup tool or a crashed
    holder.execute("BEGIN EXCLUSIVE")  # program on a network share would hold it
    holder.execute("CREATE TABLE hold (x)")
    try:
        before = path.read_bytes()
        with pytest.raises(DatabaseBusy) as info:
            open_database(str(path))
        message = info.value.message()
        assert "busy" in message and "not damaged" in message and "not a usable" not in message
        assert path.read_bytes() == before
    finally:
        holder.rollback()
        holder.close()
    open_database(str(path)).close()  # and once free, it opens


def test_an_empty_version_table_is_said_so_and_nothing_is_touched(tmp_path):
    path = tmp_path / "regdesk.sqlite3"
    open_database(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM alembic_version")
    before = path.read_bytes()
    with pytest.raises(SchemaVersionMissing) as info:
        open_database(str(path))
    assert "alembic_version is empty" in info.value.message()
    assert "Upgrading" not in info.value.message() and info.value.message()[-1] != "-"
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_import_of_a_missing_file_or_a_folder_says_so(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    assert regdesk("-d", db, "init", "--name", "Fest", "--first-day", "16.06.2025").returncode == 0
    missing = regdesk("-d", db, "import", str(tmp_path / "fehlt.csv"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert (
        missing.stderr.strip()
        == f"regdesk: The file {tmp_path / 'fehlt.csv'} cannot be read: it does not exist."
    )
    folder = regdesk("-d", db, "import", str(tmp_path))
    assert folder.returncode == 1 and "Traceback" not in folder.stderr
    assert "it is a folder, not a file" in folder.stderr
