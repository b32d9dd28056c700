"""Anonymisation in two steps: the preview lists what goes and gives a code, the purge runs
only with that code; afterwards no removed name, e-mail, need or badge secret is in any
table -- nor, on SQLite, anywhere in the database file, its WAL or the copies set aside
before migrations (their bytes read) -- while the report's figures are the same as
before, checked also against counts made independently from the scan log."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest
from sqlalchemy import select, text

from regdesk.errors import ConfirmationCodeMismatch, NothingToAnonymise, ValidationError
from regdesk.mail import queue as mq
from regdesk.models import AuditEntry, Base, ConsentKind, MailAttachment, Participant, Scan
from regdesk.privacy.anonymise import anonymise, due_classes, preview, write_preview
from regdesk.reporting.figures import report_figures
from regdesk.services import badges, checkin
from regdesk.services import participants as people
from regdesk.services.groups import set_group

from .test_cli import regdesk
from .test_report_figures import a_morning, independent

SECRET_PEOPLE = (  # names found nowhere else: their bytes must be gone afterwards
    ("Żaneta", "Quaßelwitz-Ørsted", "zaneta.quasselwitz@kreis-demo.example", "Kreis Demohausen"),
    ("Bartholomäus", "Xylander-Grzyb", "b.xylander@uni-fernweh.example", "Universität Fernweh"),
)
NEED = "glutenfrei und ohne Sellerie"
GROUP = "Wandergruppe Ölmühlenzwinkel"  # a group's name can name people too


def the_event(db):
    """A seeded morning at the door plus two people with data in every place a value
    can be repeated: needs, notes, an edit (audit before/after), a reissued badge, a
    scan typed by short code, a mail queued, a cancellation reason."""
    event_id, days, _workshop = a_morning(db)
    ids, secrets = [], []
    with db.session() as session:
        for first, last, email, org in SECRET_PEOPLE:
            p = people.register(
                session, event_id,
                people.ParticipantInput(
                    first, last, email=email, organisation=org, phone="+49 2161 555 0199",
                    notes=f"ruft {first} zurück", needs_dietary=NEED,
                    consents={ConsentKind.HEALTH_DATA.value: True},
                    consent_via="Anmeldeformular",
                ),
                actor="office",
            )  # fmt: skip
            ids.append(p.id)
            secrets.append(session.get(Participant, p.id).badge_secret)
            people.update_participant(
                session, p.id,
                people.ParticipantInput(
                    first, last, email=email.replace("@", ".neu@"), organisation=org,
                    phone="+49 2161 555 0199", notes=f"ruft {first} zurück", needs_dietary=NEED,
                    consents={ConsentKind.HEALTH_DATA.value: True},
                ),
                actor="office", allow_duplicate=True,
            )  # fmt: skip
        set_group(session, session.get(Participant, ids[0]), GROUP, True, actor="office")
        reissued = badges.reissue(session, ids[0], "verloren", actor="office")
        secrets.append(session.get(Participant, ids[0]).badge_secret)
        code = session.get(Participant, ids[0]).short_code
        checkin.scan(session, event_id, code, desk="Nord",
                     context=checkin.ScanContext(day_id=days[0]))  # fmt: skip
        checkin.scan(session, event_id, secrets[1], desk="Nord",
                     context=checkin.ScanContext(day_id=days[0]))  # fmt: skip
        mq.enqueue(session, event_id, "confirmation", ids, actor="office")
        mq.enqueue(session, event_id, "certificate", ids, actor="office")  # a PDF kept
        people.cancel(session, ids[1], f"{SECRET_PEOPLE[1][1]} ist krank", actor="office")
    assert reissued
    return event_id, days, ids, secrets


def removed_values(secrets) -> list[str]:
    values = [NEED, "+49 2161 555 0199", GROUP, *secrets]
    for first, last, email, _org in SECRET_PEOPLE:
        values += [first, last, email, email.replace("@", ".neu@")]
    return values


def figures_without_time(db, event_id):
    with db.session(write=False) as session:
        figures = report_figures(session, event_id, threshold=5)
    return dataclasses.replace(figures, made_at=None)


def all_rows_as_text(db) -> str:
    """Every row of every table, as text: what a look into the database would find."""
    out = []
    with db.session(write=False) as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                out.append(json.dumps(list(row), default=str, ensure_ascii=False))
    return "\n".join(out)


def test_preview_then_purge_leaves_the_figures_and_no_personal_value(db, tmp_path):
    event_id, days, ids, secrets = the_event(db)
    before = figures_without_time(db, event_id)
    counted = {d: independent(db, event_id, d) for d in days}
    assert any(v in all_rows_as_text(db) for v in removed_values(secrets))

    shown = write_preview(db, event_id, ["identity"], tmp_path / "vorschau.json", actor="t")
    assert shown.classes == ("needs", "contact", "mail", "identity")  # identity takes all
    data = json.loads((tmp_path / "vorschau.json").read_text(encoding="utf-8"))
    assert data["about"]["confirmation_code"] == shown.code
    listed = {p["id"]: p for p in data["people"]}
    assert listed[ids[0]]["last_name"] == SECRET_PEOPLE[0][1]
    assert listed[ids[0]]["needs_dietary"] == NEED
    assert len(listed[ids[0]]["replaced_badges"]) == 1
    assert {m["participant_id"] for m in data["mail_messages"]} >= set(ids)
    certificates = [m for m in data["mail_messages"] if m["kind"] == "certificate"]
    assert [m["attachments"][0].split(" ")[0] for m in certificates] == [
        "Teilnahmebescheinigung.pdf"
    ] * 2  # both admitted: one by the short code, one by the badge
    assert (tmp_path / "vorschau.json").stat().st_mode & 0o077 == 0  # only for its owner

    result = anonymise(
        db, event_id, ["identity"], shown.code.lower().replace("-", " "), actor="office"
    )  # fmt: skip (typed in lower case, with a space)
    assert result.people == shown.people and result.mails == shown.mails
    assert result.audit_entries >= 4 and result.scans > 100

    stored = all_rows_as_text(db)
    leaks = [v for v in removed_values(secrets) if v in stored]
    assert leaks == []
    assert figures_without_time(db, event_id) == before
    assert {d: independent(db, event_id, d) for d in days} == counted
    with db.session(write=False) as session:
        rows = session.execute(
            select(Participant.first_name, Participant.email, Participant.anonymised_at,
                   Participant.organisation_kind).where(Participant.id.in_(ids))
        ).all()  # fmt: skip
        assert all(r.first_name == "Anonym" and r.email == "" and r.anonymised_at for r in rows)
        assert [r.organisation_kind for r in rows] == ["municipality", "science"]
        assert session.scalar(select(Scan.raw).where(Scan.participant_id == ids[0])) == ""
        assert session.scalars(select(MailAttachment)).all() == []  # the certificates went
        purge_entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "privacy.purge")
        ).one()
        assert purge_entry.after["people"] == shown.people
        # an old badge now scans as unknown, and admits nobody
        outcome = checkin.scan(session, event_id, secrets[1], desk="Nord",
                               context=checkin.ScanContext(day_id=days[1]))  # fmt: skip
        assert outcome.verdict == "unknown"
    with db.session(write=False) as session, pytest.raises(NothingToAnonymise):
        preview(session, event_id, ["identity"])


def test_a_wrong_or_outdated_code_deletes_nothing(db, event_id):
    with db.session() as session:
        pid = people.register(
            session, event_id,
            people.ParticipantInput("Jolanta", "Wierzbicka", email="jw@example.org"),
            actor="t",
        ).id  # fmt: skip
    with db.session(write=False) as session:
        code = preview(session, event_id, ["contact"]).code
    with pytest.raises(ConfirmationCodeMismatch, match="ABCD-EFGH"):
        anonymise(db, event_id, ["contact"], "abcdefgh", actor="t")
    with pytest.raises(ConfirmationCodeMismatch):  # the code is for contact data only
        anonymise(db, event_id, ["needs", "contact"], code, actor="t")
    with db.session() as session:  # data changed after the preview
        people.update_participant(
            session, pid, people.ParticipantInput("Jolanta", "Wierzbicka", email="j@ex.org"),
            actor="t",
        )  # fmt: skip
    with pytest.raises(ConfirmationCodeMismatch):
        anonymise(db, event_id, ["contact"], code, actor="t")
    with db.session(write=False) as session:
        assert session.get(Participant, pid).email == "j@ex.org"
        code = preview(session, event_id, ["contact"]).code
    with pytest.raises(ValidationError, match="choose one of"):
        anonymise(db, event_id, ["adresses"], code, actor="t")
    result = anonymise(db, event_id, ["contact"], code, actor="t")
    assert result.classes == ("contact",) and result.people == 1
    with db.session(write=False) as session:
        p = session.get(Participant, pid)
        assert (p.email, p.first_name, p.anonymised_at) == ("", "Jolanta", None)  # names stay
        found = people_search(session, event_id, "jw@")
    assert found == []


def people_search(session, event_id, query):
    from regdesk.services.search import search

    return search(session, event_id, query)


def test_due_classes_follow_the_retention_periods(db, event_id):
    from datetime import date

    with db.session() as session:
        people.register(
            session, event_id,
            people.ParticipantInput("Ana", "Ivić", email="a@example.org", needs_dietary="vegan",
                                    consents={ConsentKind.HEALTH_DATA.value: True}),
            actor="t",
        )  # fmt: skip
        assert due_classes(session, event_id, date(2025, 6, 17)) == ()
        assert due_classes(session, event_id, date(2025, 6, 18)) == ("needs",)  # the last day
        assert due_classes(session, event_id, date(2025, 7, 18)) == ("needs", "contact")


def test_no_removed_byte_is_left_in_the_sqlite_file_its_wal_or_the_copies(tmp_path):
    from regdesk.db import open_database

    path = tmp_path / "regdesk.sqlite3"
    db = open_database(str(path))
    try:
        event_id, _days, _ids, secrets = the_event(db)
        copy = tmp_path / f"{path.name}.before-0011-to-0012-20261203-061500.bak"
        with sqlite3.connect(path) as source, sqlite3.connect(copy) as dest:
            source.backup(dest)  # as the upgrade sets one aside
        with db.session(write=False) as session:
            code = preview(session, event_id, ["identity"]).code
        files = [path, path.with_name(path.name + "-wal"), copy]
        assert any(v.encode() in f.read_bytes() for f in files if f.exists()
                   for v in removed_values(secrets))  # fmt: skip
        result = anonymise(db, event_id, ["identity"], code, actor="t")
        assert result.compacted and result.wal_truncated
        assert result.backups_removed == (str(copy),)
        # the GUI of another desk may still have the file open: it stays usable
        with db.session(write=False) as session:
            assert session.scalar(text("SELECT count(*) FROM participant")) > 160
    finally:
        db.close()
    assert not copy.exists()
    leftovers = {
        f.name: [v for v in removed_values(secrets) if v.encode() in f.read_bytes()]
        for f in tmp_path.iterdir()
        if f.is_file()
    }
    assert all(found == [] for found in leftovers.values()), leftovers
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_command_line_previews_then_purges_with_the_code(tmp_path):
    db_file = str(tmp_path / "r.sqlite3")
    assert (
        regdesk("--database", db_file, "demo", "--participants", "30", "--seed", "2").returncode
        == 0
    )
    out = tmp_path / "vorschau.json"
    shown = regdesk("--database", db_file, "anonymise", "--all", "--preview", str(out))
    assert shown.returncode == 0, shown.stderr
    code = shown.stdout.split("Confirmation code: ")[1].split()[0]
    assert "30 person(s)" in shown.stdout and out.exists()
    wrong = regdesk("--database", db_file, "anonymise", "--all", "--confirm", "AAAA-AAAA")
    assert wrong.returncode != 0 and "does not match" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    done = regdesk("--database", db_file, "anonymise", "--all", "--confirm", code)
    assert done.returncode == 0, done.stderr
    assert "of 30 person(s)" in done.stdout
    again = regdesk("--database", db_file, "anonymise", "--due", "--preview", str(out))
    assert again.returncode == 0 and "nothing is due" in again.stdout


def test_a_desk_replica_keeps_no_removed_byte_after_its_next_refresh(tmp_path):
    """A door desk's replica holds the guest list (names, secrets): the refresh after a
    purge on the server overwrites the old rows, and its log is emptied."""
    from regdesk.db import open_database
    from regdesk.desks.replica import Replica

    server = open_database(str(tmp_path / "server.sqlite3"))
    folder = tmp_path / "desk"
    folder.mkdir()
    replica = Replica(folder / "replica.sqlite3", 0)
    try:
        event_id, _days, _ids, secrets = the_event(server)
        replica.event_id = event_id
        replica.refresh(server)
        replica.refresh(server)  # as a desk does all day
        files = [f for f in folder.iterdir() if f.is_file()]
        assert any(v.encode() in f.read_bytes() for f in files for v in removed_values(secrets))
        with server.session(write=False) as session:
            code = preview(session, event_id, ["identity"]).code
        anonymise(server, event_id, ["identity"], code, actor="t")
        assert replica.refresh(server) > 160
        with replica.db.session(write=False) as session:  # the door still works on it
            assert (
                session.scalar(select(Participant.first_name).where(Participant.id == _ids[0]))
                == "Anonym"
            )
        # read while the desk runs (closing the last connection would drop the log)
        leftovers = {
            f.name: [v for v in removed_values(secrets) if v.encode() in f.read_bytes()]
            for f in folder.iterdir()
            if f.is_file()
        }
        assert all(found == [] for found in leftovers.values()), leftovers
    finally:
        replica.close()
        server.close()
