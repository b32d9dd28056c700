"""Bytes no scanner and no spreadsheet should send (issue 18, items 6 and 7): a NUL in a
scanned line (PostgreSQL stores none), garbage bytes on a CLI desk's stdin, a NUL deep
inside an import file. Each is an "unknown" scan or a clear refusal, never a dead desk."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from regdesk.db import open_database
from regdesk.errors import NulInFile
from regdesk.importing.reader import read_table
from regdesk.models import Participant, Scan
from regdesk.services import checkin as svc
from regdesk.services import participants as people

from ..core.import_files import PEOPLE, excel_csv

ROOT = Path(__file__).resolve().parents[2]


def person(db, event_id):
    with db.session() as session:
        return people.register(
            session, event_id, people.ParticipantInput("Anna", "Schmidt"), actor="t"
        )


def day_of(db, event_id):
    from regdesk.services.events import get_event

    with db.session(write=False) as session:
        return get_event(session, event_id).days[0].id


def test_a_nul_in_a_scan_is_an_unknown_code_logged_readably(db, event_id):
    day = day_of(db, event_id)
    guest = person(db, event_id)
    with db.session() as session:
        garbage = svc.scan(
            session, event_id, "\x00\x00\r\n", desk="T", context=svc.ScanContext(day)
        )
        nul_inside = svc.scan(
            session, event_id, guest.short_code[:3] + "\x00" + guest.short_code[3:] + "\r\n",
            desk="T", context=svc.ScanContext(day),
        )  # fmt: skip
    assert garbage.verdict == "unknown"
    assert nul_inside.verdict == "admitted"  # the NUL is noise, like a hyphen
    with db.session(write=False) as session:
        raws = list(session.scalars(select(Scan.raw).order_by(Scan.id)))
    assert raws == ["\\x00\\x00", guest.short_code[:3] + "\\x00" + guest.short_code[3:]]


def test_the_log_keeps_what_was_scanned_without_the_scanners_enter(db, event_id):
    day = day_of(db, event_id)
    guest = person(db, event_id)
    with db.session() as session:
        svc.scan(
            session, event_id, guest.short_code + "\r\n", desk="T", context=svc.ScanContext(day)
        )
        raw = session.scalar(select(Scan.raw))
    assert raw == guest.short_code


def test_garbage_bytes_on_a_desks_stdin_are_unknown_scans_and_the_desk_goes_on(db_url, event_id):
    db = open_database(db_url)
    guest = person(db, event_id)
    rng = random.Random(18)
    lines = [bytes(rng.randrange(256) for _ in range(rng.randint(1, 30))) for _ in range(60)]
    lines = [line.replace(b"\n", b"").replace(b"\r", b"") for line in lines]
    lines = [line for line in lines if line.strip()]
    feed = b"\xff\n" + b"\n".join(lines) + b"\n" + guest.short_code.encode() + b"\n"
    desk = subprocess.run(
        [sys.executable, "-m", "regdesk", "checkin", "-d", db_url, "--day", "16.06.2025",
         "--stdin"],
        cwd=ROOT, input=feed, capture_output=True, timeout=120,
    )  # fmt: skip
    out = desk.stdout.decode("utf-8").splitlines()
    err = desk.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert desk.returncode == 1  # unknown codes are not admissions
    assert out[-1].startswith("ADMITTED · Anna Schmidt")  # the guest after the noise
    # one verdict line per scanned line, each "unknown" (a random line can hardly be a code)
    assert len(out) == len(lines) + 2
    assert all(line.startswith(("UNKNOWN CODE", "ADMITTED")) for line in out[:-1])
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == len(lines) + 2


def test_a_nul_far_into_an_import_file_is_refused_by_the_dry_run(tmp_path, db_url, event_id):
    rows = [
        [*PEOPLE[n % 4][:2], f"Vorname{n}", f"Nachname{n}", "Stadt", "", ""] for n in range(3000)
    ]
    path = excel_csv(tmp_path / "a.csv", rows, encoding="utf-8")
    data = path.read_bytes()
    assert len(data) > 65536
    at = data.index(b"Nachname2900")
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    with pytest.raises(NulInFile) as info:
        read_table(path)
    assert "line 2902" in info.value.message()
    for extra in ([], ["--apply"]):
        done = subprocess.run(
            [sys.executable, "-m", "regdesk", "-d", db_url, "import", str(path), *extra],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "zero byte (NUL) in line 2902" in done.stderr
    db = open_database(db_url)
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 0
