"""The regdesk command line: output and exit codes -- most of it run in this process
(the same entry point, arguments, environment, output streams and exit code), what only a
real process shows (start-up, the environment, pipes, a terminal) run as one."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
import traceback
from unittest import mock

import pytest


def regdesk(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``regdesk ARGS`` as ``python -m regdesk`` runs it, without starting Python anew
    (two seconds a call on a slow machine): stdout, stderr and the exit code a process
    would give; an exception that would have escaped shows as a traceback on stderr."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, env or {}),
        mock.patch.object(sys, "stdin", io.StringIO("")),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        from regdesk.cli import main

        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: a usage error, --help, --version
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:
            traceback.print_exc()
            code = 1
    return subprocess.CompletedProcess(["regdesk", *args], code, out.getvalue(), err.getvalue())


def regdesk_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``regdesk ARGS`` as a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "regdesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_init_then_info(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    made = regdesk_process(
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
    info = regdesk_process("info", "--database", db)
    assert info.returncode == 0, info.stderr
    assert "Tag der Regionen" in info.stdout
    assert "16.06.2025–17.06.2025, Bremerhaven" in info.stdout
    assert "Participants: 0" in info.stdout


def test_database_from_the_environment(tmp_path):
    env = {"REGDESK_DATABASE_URL": f"sqlite:///{tmp_path / 'env.sqlite3'}"}
    assert regdesk_process("demo", "--participants", "50", env=env).returncode == 0
    assert (tmp_path / "env.sqlite3").exists()
    assert "Participants: 50" in regdesk_process("info", env=env).stdout


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


@pytest.fixture
def demo_file(tmp_path):
    path = str(tmp_path / "r.sqlite3")
    assert regdesk("demo", "-d", path, "--participants", "200", "--seed", "9").returncode == 0
    return path


def test_participants_add_search_show_cancel_restore(demo_file):
    added = regdesk(
        "participants",
        "-d",
        demo_file,
        "add",
        "--first",
        "Łukasz",
        "--last",
        "Żółć",
        "--org",
        "Stadt Ulm",
        "--email",
        "l.zolc@ulm.example",
        "--category",
        "presse",
        "--walk-in",
    )
    assert added.returncode == 0, added.stderr
    assert "Registered 201: Łukasz Żółć (Presse), badge code " in added.stdout
    code = added.stdout.strip().rsplit(" ", 1)[1]
    found = regdesk("participants", "-d", demo_file, "search", "zolc")
    assert "Łukasz Żółć" in found.stdout and code in found.stdout
    shown = regdesk("participants", "-d", demo_file, "show", code.lower())
    assert "Stadt Ulm" in shown.stdout and "participant.walk_in" in shown.stdout
    cancelled = regdesk("participants", "-d", demo_file, "cancel", code, "--reason", "krank")
    assert cancelled.returncode == 0 and "Cancelled 201" in cancelled.stdout
    again = regdesk("participants", "-d", demo_file, "cancel", "201", "--reason", "x")
    assert again.returncode == 1 and "already cancelled" in again.stderr
    listed = regdesk("participants", "-d", demo_file, "list", "--status", "cancelled")
    assert "Łukasz Żółć" in listed.stdout and "CANCELLED" in listed.stdout
    assert regdesk("participants", "-d", demo_file, "restore", code).returncode == 0


def test_participants_add_refuses_a_likely_duplicate_unless_forced(demo_file):
    args = (
        "participants",
        "-d",
        demo_file,
        "add",
        "--first",
        "Thomas",
        "--last",
        "Müller",
        "--org",
        "Stadt Ulm",
    )
    assert regdesk(*args).returncode == 0
    twin = regdesk(
        "participants",
        "-d",
        demo_file,
        "add",
        "--first",
        "Thomas",
        "--last",
        "Mueller",
        "--org",
        "stadt ulm",
    )
    assert twin.returncode == 1
    assert "same name and organisation" in twin.stderr and "--force" in twin.stderr
    assert regdesk(*args, "--force").returncode == 0


def test_participants_bad_input_is_explained(demo_file):
    bad = regdesk(
        "participants",
        "-d",
        demo_file,
        "add",
        "--first",
        "Anna",
        "--last",
        " ",
        "--email",
        "anna@",
        "--category",
        "Zirkus",
    )
    assert bad.returncode == 1
    assert "category: Unknown value 'Zirkus'" in bad.stderr
    missing = regdesk("participants", "-d", demo_file, "show", "99999")
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    unknown = regdesk("participants", "-d", demo_file, "show", "ABCDEF")
    assert unknown.returncode == 1 and "No participant has the code ABCDEF" in unknown.stderr


def test_participants_list_filters_and_sorts(demo_file):
    listed = regdesk(
        "participants",
        "-d",
        demo_file,
        "list",
        "--category",
        "Presse",
        "--sort",
        "organisation",
        "--limit",
        "5",
    )
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "CODE", "NAME"]
    assert 1 < len(lines) <= 6 and all("Presse" in line for line in lines[1:])


def test_programme_enrol_waiting_list_and_moved_up(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    assert regdesk("demo", "-d", db, "--participants", "40", "--seed", "3").returncode == 0
    listed = regdesk("programme", "-d", db, "list")
    line = next(x for x in listed.stdout.splitlines() if "Zukunftsschusterei" in x)
    item = line.split()[0]
    assert line.rstrip().endswith("0/25")
    registered = [
        r.split()[0]
        for r in regdesk(
            "participants", "-d", db, "list", "--status", "registered"
        ).stdout.splitlines()[1:]
    ]
    for who in registered[:27]:
        assert regdesk("programme", "-d", db, "enrol", item, who).returncode == 0
    full = regdesk("programme", "-d", db, "enrol", item, registered[27], "--no-waitlist")
    assert full.returncode == 1 and "is full (25 places)" in full.stderr
    assert "25/25, 2 waiting" in regdesk("programme", "-d", db, "list").stdout
    removed = regdesk("programme", "-d", db, "unenrol", item, registered[0])
    assert "Moved up:" in removed.stdout
    assert "Exkursion zur Zukunftsschusterei" in regdesk("programme", "-d", db, "moved-up").stdout


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    regdesk("demo", "-d", db, "--participants", "300")
    shell = subprocess.run(
        f"{sys.executable} -m regdesk participants -d {db} list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in shell.stderr and shell.stdout.startswith("ID")


def test_programme_editing_from_the_command_line(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    assert (
        regdesk("init", "-d", db, "--name", "Fachtag", "--first-day", "02.03.2026").returncode == 0
    )
    slot = regdesk("programme", "-d", db, "add-slot", "1", "10:00", "11:30", "--label", "Runde 1")
    assert slot.stdout.startswith("Slot 1: 02.03.2026 10:00–11:30"), slot.stderr
    bad = regdesk("programme", "-d", db, "add-slot", "05.03.2026", "10:00", "11:00")
    assert bad.returncode == 1 and "day: This day does not belong to the event." in bad.stderr
    bad = regdesk("programme", "-d", db, "add-slot", "02.03.2026", "10:00", "9:00")
    assert bad.returncode == 1 and "ends_at: The end must be after the start." in bad.stderr
    item = regdesk(
        "programme", "-d", db, "add-item", "1", "Bodenpolitik", "--code", "w1", "--capacity", "2"
    )
    assert item.stdout.startswith("Item 1: Bodenpolitik"), item.stderr
    regdesk("participants", "-d", db, "add", "--first", "Anna", "--last", "Alt")
    regdesk("participants", "-d", db, "add", "--first", "Bernd", "--last", "Bauer")
    for who in ("1", "2"):
        assert regdesk("programme", "-d", db, "enrol", "1", who).returncode == 0
    zero = regdesk("programme", "-d", db, "edit-item", "1", "--capacity", "0")
    assert zero.returncode == 1 and "0 places is not possible" in zero.stderr, zero.stderr
    shrink = regdesk("programme", "-d", db, "edit-item", "1", "--capacity", "1")
    assert shrink.returncode == 1 and "cannot go below" in shrink.stderr
    edited = regdesk("programme", "-d", db, "edit-item", "1", "--room", "Saal 2", "--capacity", "")
    assert edited.stdout.startswith("Item 1: Bodenpolitik (open)"), edited.stderr
    in_use = regdesk("programme", "-d", db, "delete-item", "1")
    assert in_use.returncode == 1 and "not deleted silently" in in_use.stderr
    moved = regdesk("programme", "-d", db, "edit-slot", "1", "--start", "09:30")
    assert moved.stdout.startswith("Slot 1: 02.03.2026 09:30–11:30"), moved.stderr
    listed = regdesk("programme", "-d", db, "list").stdout
    assert "W1" in listed and "Bodenpolitik" in listed and "open" in listed


def test_wishes_and_allocate_dry_run_apply_undo(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    made = regdesk(
        "demo", "-d", db, "--scenario", "moenchengladbach", "--participants", "120", "--seed", "5"
    )
    assert made.returncode == 0, made.stderr
    wish = regdesk("programme", "-d", db, "wish", "1", "W3", "ki-anwendungen in der verwaltung")
    assert wish.returncode == 0, wish.stderr
    assert wish.stdout.splitlines()[0].startswith("1. W3   Offene Daten")
    unknown = regdesk("programme", "-d", db, "wish", "1", "W9")
    assert unknown.returncode == 1 and "W9" in unknown.stderr
    assert regdesk("programme", "-d", db, "wishes", "1").stdout == wish.stdout

    dry = regdesk("allocate", "-d", db, "--dry-run", "--items")
    assert dry.returncode == 0, dry.stderr
    assert "proven optimal" in dry.stdout and "Dry run: nothing was changed." in dry.stdout
    assert "FIRST COME" in dry.stdout and "W4 Smarte Quartiere" in dry.stdout
    before = regdesk("programme", "-d", db, "list").stdout
    assert "0/35" in before
    applied = regdesk("allocate", "-d", db)
    assert "Applied as run 1" in applied.stdout, applied.stderr
    after = regdesk("programme", "-d", db, "list").stdout
    assert after != before
    undone = regdesk("allocate", "-d", db, "--undo")
    assert undone.stdout.startswith("Undid allocation run 1"), undone.stderr
    assert regdesk("programme", "-d", db, "list").stdout == before
    again = regdesk("allocate", "-d", db, "--undo")
    assert again.returncode == 1 and "no applied allocation" in again.stderr


def test_badges_from_the_command_line(tmp_path):
    from .badge_helpers import decoded_codes, page_count, page_texts

    db = str(tmp_path / "r.sqlite3")
    assert regdesk("demo", "-d", db, "--participants", "30", "--seed", "4").returncode == 0
    made = regdesk(
        "badges",
        "-d",
        db,
        "-o",
        str(tmp_path / "presse.pdf"),
        "--layout",
        "durable-90x54",
        "--category",
        "Teilnehmer/in",
        "--cut-marks",
        "--offset",
        "1,5;-0,5",
    )
    assert made.returncode == 0, made.stderr
    count = int(made.stdout.split()[1])
    assert count > 0 and page_count(tmp_path / "presse.pdf") == -(-count // 10)
    assert "Teilnehmer/in" in page_texts(tmp_path / "presse.pdf")[0]
    rest = regdesk("badges", "-d", db, "-o", str(tmp_path / "rest.pdf"), "--not-printed")
    assert rest.returncode == 0, rest.stderr
    assert "Teilnehmer/in" not in " ".join(page_texts(tmp_path / "rest.pdf"))
    again = regdesk("badges", "-d", db, "-o", str(tmp_path / "none.pdf"), "--not-printed")
    assert again.returncode == 1 and "no badge to print" in again.stderr
    assert not (tmp_path / "none.pdf").exists()

    reissued = regdesk(
        "badges",
        "-d",
        db,
        "--reissue",
        "1",
        "--reason",
        "verloren",
        "-o",
        str(tmp_path / "one.pdf"),
    )
    assert reissued.returncode == 0, reissued.stderr
    new_code = reissued.stdout.split("new code ")[1].split()[0]
    assert new_code.replace(" ", "")[:3] in page_texts(tmp_path / "one.pdf")[0]
    assert len(decoded_codes(tmp_path / "one.pdf", tmp_path)[0]) == 1

    for bad in (["--offset", "x"], ["--layout", "a5"]):
        wrong = regdesk("badges", "-d", db, "-o", str(tmp_path / "x.pdf"), *bad)
        assert wrong.returncode == 2
    missing = regdesk("badges", "-d", db)
    assert missing.returncode == 2 and "-o FILE.pdf" in missing.stderr


def test_checkin_from_a_terminal(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    assert regdesk("demo", "-d", db, "--participants", "20", "--seed", "2").returncode == 0
    listing = regdesk("participants", "-d", db, "list", "--status", "registered").stdout
    code = listing.splitlines()[1].split()[1]
    first = regdesk("checkin", "-d", db, "--day", "1", "--desk", "Tür 1", code.lower())
    assert first.returncode == 0 and first.stdout.startswith("ADMITTED · "), first.stderr
    scanner = subprocess.run(
        [sys.executable, "-m", "regdesk", "checkin", "-d", db, "--day", "05.09.2024", "--stdin",
         "--desk", "Tür 2"],
        input=f"{code}\r\n{code}\t\nNOPE\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = scanner.stdout.splitlines()
    assert [line.split(" · ")[0] for line in lines] == [
        "RE-ENTRY (already in today)", "RE-ENTRY (already in today)", "UNKNOWN CODE",
    ]  # fmt: skip
    assert "at Tür 1" in lines[0] and scanner.returncode == 1
    assert regdesk("checkin", "-d", db, "--day", "1", "--desk", "Tür 2", "--undo").returncode == 1
    undone = regdesk("checkin", "-d", db, "--day", "1", "--desk", "Tür 1", "--undo")
    assert undone.stdout.startswith("Undone: the admission of"), undone.stderr
    no_day = regdesk("checkin", "-d", db, code)  # today is not a day of the 2024 demo
    assert no_day.returncode == 2 and "choose one with --day" in no_day.stderr
