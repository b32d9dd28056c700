"""The regdesk command line, run as a real process: output and exit codes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest


def regdesk(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regdesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_init_then_info(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    made = regdesk(
        "--database",
        db,
        "init",
        "--name",
        "Tag der Regionen",
        "--first-day",
        "16.06.2025",
        "--last-day",
        "17.06.2025",
        "--venue-name",
        "Bremerhaven",
    )
    assert made.returncode == 0, made.stderr
    assert "Created event 1: Tag der Regionen (16.06.2025–17.06.2025, 2 day(s)" in made.stdout
    info = regdesk("info", "--database", db)
    assert info.returncode == 0, info.stderr
    assert "Tag der Regionen" in info.stdout
    assert "16.06.2025–17.06.2025, Bremerhaven" in info.stdout
    assert "Participants: 0" in info.stdout


def test_database_from_the_environment(tmp_path):
    env = {"REGDESK_DATABASE_URL": f"sqlite:///{tmp_path / 'env.sqlite3'}"}
    assert regdesk("demo", "--participants", "50", env=env).returncode == 0
    assert (tmp_path / "env.sqlite3").exists()
    assert "Participants: 50" in regdesk("info", env=env).stdout


def test_demo_shows_progress_and_counts(db_url):
    result = regdesk(
        "demo",
        "--database",
        db_url,
        "--scenario",
        "stuttgart",
        "--participants",
        "2500",
        "--seed",
        "4",
    )
    assert result.returncode == 0, result.stderr
    assert "Participants: 100 % (2500/2500)" in result.stderr
    assert "2500 participants, 7 slots, 12 programme items" in result.stdout
    info = regdesk("info", "--database", db_url)
    assert "13. Bundeskongress Nationale Stadtentwicklungspolitik" in info.stdout
    assert "18.09.2019–20.09.2019" in info.stdout


def test_invalid_input_lists_each_problem_and_exits_non_zero(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    result = regdesk("init", "-d", db, "--name", " ", "--first-day", "31.02.2025")
    assert result.returncode == 1
    assert "name: This field is required." in result.stderr
    assert "first_day: Not a valid date: '31.02.2025'" in result.stderr
    assert "Events:    none yet" in regdesk("info", "-d", db).stdout


def test_usage_errors_exit_2(tmp_path):
    result = regdesk("demo", "-d", str(tmp_path / "r.sqlite3"), "--participants", "viele")
    assert result.returncode == 2
    assert "not a whole number" in result.stderr


def test_unreachable_postgresql_exits_non_zero_with_a_clear_message():
    result = regdesk("info", "--database", "postgresql://regdesk:pw@127.0.0.1:9/regdesk")
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr
    assert "pw@" not in result.stderr


def test_corrupt_file_exits_non_zero_and_is_not_overwritten(tmp_path):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"\x00\x01garbage" * 1000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = regdesk("demo", "-d", str(path))
    assert result.returncode == 1
    assert "not a usable regdesk database" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_unwritable_location_exits_non_zero(tmp_path):
    (tmp_path / "file").write_text("x")
    result = regdesk("info", "-d", str(tmp_path / "file" / "db.sqlite3"))
    assert result.returncode == 1
    assert "cannot be written here" in result.stderr


@pytest.mark.parametrize("scenario", ["tag-der-regionen", "moenchengladbach"])
def test_scenarios_are_selectable(tmp_path, scenario):
    result = regdesk(
        "demo", "-d", str(tmp_path / "r.sqlite3"), "--scenario", scenario, "--participants", "20"
    )
    assert result.returncode == 0, result.stderr
    assert f"({scenario})" in result.stdout
