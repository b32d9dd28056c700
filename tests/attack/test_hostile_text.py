"""Names that would lie on a screen or a terminal (issue 18, item 5): escape sequences,
carriage returns, bidi overrides and names of invisible characters only are refused at
every entry -- the form's service, the command line, the import -- and whatever is
stored already is printed escaped by every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from regdesk.db import open_database
from regdesk.errors import ValidationError as Invalid
from regdesk.models import Participant
from regdesk.services import participants as people

from ..core.import_files import HEADER, excel_csv

ROOT = Path(__file__).resolve().parents[2]
SPOOF = "\x1b[2K\x1b[GADMITTED · Anna Schmidt"


def regdesk(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "regdesk", *args], cwd=ROOT, input=stdin,
        capture_output=True, timeout=120,
    )  # fmt: skip


def count(db) -> int:
    with db.session(write=False) as session:
        return session.scalar(select(func.count()).select_from(Participant))


@pytest.mark.parametrize(
    "first,last,field,code",
    [
        ("Cem", SPOOF, "last_name", "control_characters"),
        ("Cem\x9b2KADMITTED", "Yılmaz", "first_name", "control_characters"),  # C1 CSI
        ("Anna", "Schmidt\u202egnp.exe", "last_name", "control_characters"),
        ("Anna", "\u2066Schmidt\u2069", "last_name", "control_characters"),
        ("\u200b\u200b\u200b", "Schmidt", "first_name", "required"),
        ("Anna", "\u200d\u200c", "last_name", "name_without_letters"),
        ("Anna", "\x00", "last_name", "control_characters"),
    ],
)
def test_the_form_refuses_names_that_would_show_something_else(db, event_id, first, last,
                                                               field, code):  # fmt: skip
    before = count(db)
    with pytest.raises(Invalid) as info, db.session() as session:
        people.register(session, event_id, people.ParticipantInput(first, last), actor="t")
    assert [(p.field, p.code) for p in info.value.problems] == [(field, code)]
    if code == "control_characters":
        assert "U+" in info.value.problems[0].message()
    assert count(db) == before


def test_invisible_characters_inside_a_name_are_dropped(db, event_id):
    with db.session() as session:
        made = people.register(
            session, event_id, people.ParticipantInput("\ufeffAn\u200bna", "Schmidt\u00ad\rX"),
            actor="t",
        )  # fmt: skip
    assert (made.first_name, made.last_name) == ("Anna", "Schmidt X")  # a CR is a blank


def test_the_command_line_refuses_a_spoofing_name(tmp_path, event_id, db_url):
    before = count(open_database(db_url))
    done = regdesk("-d", db_url, "participants", "add", "--first", "Cem", "--last", SPOOF)
    err = done.stderr.decode()
    assert done.returncode == 1 and "U+001B" in err and "Traceback" not in err
    assert "\x1b" not in err  # the message itself shows no raw escape
    assert count(open_database(db_url)) == before


def test_the_import_refuses_rows_with_control_characters(tmp_path, event_id, db_url):
    rows = [
        ["Frau", "", "Anna", "Schmidt", "Stadt Ulm", "anna@ulm.example", ""],
        ["Herr", "", "Cem", SPOOF, "Stadt Ulm", "cem@ulm.example", ""],
        ["Herr", "", "\u200b", "Weiß", "Stadt Ulm", "w@ulm.example", ""],
    ]
    source = excel_csv(tmp_path / "a.csv", rows, encoding="utf-8-sig", header=HEADER)
    before = count(open_database(db_url))
    dry = regdesk("-d", db_url, "import", str(source))
    out = dry.stdout.decode()
    assert dry.returncode == 1 and "U+001B" in out and "\x1b" not in out
    applied = regdesk("-d", db_url, "import", str(source), "--apply")
    assert applied.returncode == 1 and "Traceback" not in applied.stderr.decode()
    assert count(open_database(db_url)) == before  # all or nothing: none went in


def test_a_stored_spoofing_name_is_printed_escaped_by_the_door_and_the_lists(
    tmp_path, event_id, db_url
):
    """A database written before names were checked: the terminal still shows the truth."""
    db = open_database(db_url)
    with db.session() as session:
        made = people.register(
            session, event_id, people.ParticipantInput("Cem", "Yılmaz"), actor="t"
        )
        people.cancel(session, made.id, "abgesagt", actor="t")
        session.execute(
            update(Participant).where(Participant.id == made.id).values(last_name=SPOOF)
        )
    door = regdesk("-d", db_url, "checkin", "--day", "16.06.2025", made.short_code)
    out = door.stdout.decode()
    assert out.startswith("CANCELLED REGISTRATION") and "\x1b" not in out
    assert "\\x1b[2K\\x1b[GADMITTED" in out
    listing = regdesk("-d", db_url, "participants", "list")
    assert "\x1b" not in listing.stdout.decode() and "\\x1b" in listing.stdout.decode()
