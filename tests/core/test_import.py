"""Importing participants: the dry run's report, duplicates, all or nothing (SQLite and
PostgreSQL), a cancel and a killed process that leave the database as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from regdesk.errors import (
    Cancelled,
    FileEmpty,
    ImportHasErrors,
    LostLettersNotAccepted,
    MappingFileInvalid,
    NoDataRows,
    NotATable,
    OldSpreadsheetFormat,
)
from regdesk.errors import ValidationError as Invalid
from regdesk.importing import fields as F
from regdesk.importing.mapping import ColumnMapping, load_saved
from regdesk.importing.reader import read_table
from regdesk.models import (
    AuditEntry,
    Consent,
    Enrolment,
    Participant,
    ParticipantDay,
    Preference,
)
from regdesk.services import participants as people
from regdesk.services import programme
from regdesk.services.events import get_event
from regdesk.services.imports import apply_import, plan_import
from regdesk.services.search import search

from .import_files import HEADER, PEOPLE, excel_csv, openpyxl_xlsx

ROOT = Path(__file__).resolve().parents[2]


def table_of(path):
    return read_table(path, is_header=F.is_known_header)


def plan(db, event_id, path, **kwargs):
    table = table_of(path)
    mapping = kwargs.pop("mapping", None) or ColumnMapping.suggested(table.headers)
    with db.session(write=False) as session:
        return plan_import(session, event_id, table, mapping, **kwargs)


def apply(db, event_id, path, **kwargs):
    table = table_of(path)
    mapping = kwargs.pop("mapping", None) or ColumnMapping.suggested(table.headers)
    return apply_import(db, event_id, table, mapping, actor="test", **kwargs)


def counts(db) -> tuple[int, int, int, int]:
    with db.session(write=False) as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Participant, AuditEntry, Consent, Enrolment)
        )


# --- the mapping ----------------------------------------------------------------------------


def test_fields_are_suggested_from_common_headers():
    headers = [
        "Anrede", "Akademischer Titel", "Vorname", "Name", "Behörde", "Funktion",
        "E-Mail-Adresse", "Tel.", "Rolle", "Workshop", "Wunsch 1", "2. Wahl", "Ernährung",
        "Einwilligung Fotos", "Interne Nummer", "Tage",
    ]  # fmt: skip
    assert F.suggest(headers) == [
        "salutation", "title", "first_name", "last_name", "organisation", "position", "email",
        "phone", "category", "programme", "wish:1", "wish:2", "needs_dietary",
        "consent_photo", "", "days",
    ]  # fmt: skip
    assert F.suggest(["Name", "Firma", "Mail"]) == ["full_name", "organisation", "email"]
    assert F.suggest(["Vorname", "Nachname", "Email", "E-Mail"]) == [
        "first_name", "last_name", "email", "",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Müller, Anna", ("", "Anna", "Müller")),
        ("Dr. Anna Müller", ("Dr.", "Anna", "Müller")),
        ("Prof. Dr.-Ing. Jan de Vries", ("Prof. Dr.-Ing.", "Jan", "de Vries")),
        ("Anna Maria von der Leyen", ("", "Anna Maria", "von der Leyen")),
        ("Nguyễn Thị Minh", ("", "Nguyễn Thị", "Minh")),
        ("Madonna", None),
    ],
)
def test_a_full_name_is_split(text, expected):
    assert F.split_name(text) == expected


def test_a_saved_mapping_is_reused_for_the_next_file(tmp_path):
    first = ColumnMapping.suggested(["Vorname", "Nachname", "Dienststelle", "Intern"])
    first = first.with_field(2, "organisation").with_field(3, "")
    first.save(tmp_path / "form.json")
    saved = load_saved(tmp_path / "form.json")
    later = ColumnMapping.suggested(["INTERN", "dienststelle", "Vorname", "Nachname", "Mail"])
    assert later.reused(saved).fields == ("", "organisation", "first_name", "last_name", "email")
    assert later.overridden(["Mail=notes", "Vorname=Vorname"]).fields[4] == "notes"
    with pytest.raises(Invalid) as info:
        later.overridden(["Gibtsnicht=email", "Mail=Schuhgröße"])
    assert [p.code for p in info.value.problems] == ["unknown_column", "unknown_field"]


@pytest.mark.parametrize(
    "content,reason",
    [("{not json", "not JSON"), ('{"columns": {}}', "not a regdesk"),
     ('{"regdesk_mapping": 1, "columns": {"A": "shoe_size"}}', "unknown field")],
)  # fmt: skip
def test_a_broken_saved_mapping_says_why(tmp_path, content, reason):
    (tmp_path / "m.json").write_text(content)
    with pytest.raises(MappingFileInvalid, match=reason):
        load_saved(tmp_path / "m.json")


def test_unknown_columns_only_give_a_clear_report_and_change_nothing(db, event_id, tmp_path):
    path = excel_csv(tmp_path / "x.csv", [["1", "blau", "7"]], header=["Nr", "Farbe", "Größe"])
    before = counts(db)
    with pytest.raises(Invalid) as info:
        plan(db, event_id, path)
    assert [p.code for p in info.value.problems] == ["no_name_column"]
    with pytest.raises(Invalid):
        apply(db, event_id, path)
    assert counts(db) == before


@pytest.mark.parametrize(
    "content,error",
    [
        (b"", FileEmpty),
        (";".join(HEADER).encode() + b"\r\n", NoDataRows),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, NotATable),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), OldSpreadsheetFormat),
    ],
)
def test_a_file_that_is_no_table_changes_nothing(db, event_id, tmp_path, content, error):
    path = tmp_path / "teilnehmer.csv"
    path.write_bytes(content)
    before = counts(db)
    with pytest.raises(error) as info:
        apply(db, event_id, path, skip_invalid=True)
    assert "teilnehmer.csv" in info.value.message()
    assert counts(db) == before


def test_a_field_assigned_twice_is_refused():
    mapping = ColumnMapping(("E-Mail", "Mail", "Vorname", "Nachname"), ("email", "email",
                            "first_name", "last_name"))  # fmt: skip
    assert [p.code for p in mapping.problems()] == ["mapped_twice"]


# --- the report -----------------------------------------------------------------------------


def test_the_dry_run_reports_each_row_and_changes_nothing(db, event_id, tmp_path):
    rows = [
        PEOPLE[0],
        ["Divers", "", "Jan", "", "Stadt Ulm", "kein-at-zeichen", "12 ab"],
        PEOPLE[1],
    ]
    path = excel_csv(tmp_path / "x.csv", rows)
    before = counts(db)
    report = plan(db, event_id, path)
    assert counts(db) == before
    assert report.total == 3 and report.invalid_lines == (3,)
    assert [(i.line, i.column, i.problem.code) for i in report.errors] == [
        (3, "Nachname", "required"),
        (3, "E-Mail", "invalid_email"),
        (3, "Telefon", "invalid_phone"),
    ]
    assert "kein-at-zeichen" in report.errors[1].message()
    assert [c.line for c in report.to_import] == [2, 4]


def test_a_broken_row_in_the_middle_blocks_the_import_unless_skipped(db, event_id, tmp_path):
    path = tmp_path / "x.csv"
    text = ";".join(HEADER) + "\r\n"
    text += "Frau;;Anna;Müller;Stadt Viersen;a@v.example;\r\n"
    text += "Herr;;Jan;Schmidt;Amt 3; Bauen;j@s.example;\r\n"
    text += "Herr;;Jürgen;Weiß;Kreis Kleve;j@k.example;\r\n"
    path.write_bytes(text.encode("cp1252"))
    report = plan(db, event_id, path)
    assert (3, "", "too_many_fields") in [(i.line, i.column, i.problem.code) for i in report.errors]
    before = counts(db)
    with pytest.raises(ImportHasErrors, match="1 row"):
        apply(db, event_id, path)
    assert counts(db) == before
    result = apply(db, event_id, path, skip_invalid=True)
    assert (result.imported, result.skipped_invalid) == (2, 1)
    with db.session(write=False) as session:
        assert sorted(r.last_name for r in search(session, event_id, "")) == ["Müller", "Weiß"]


def test_duplicates_within_the_file_and_against_the_event(db, event_id, tmp_path):
    with db.session() as session:
        people.register(
            session,
            event_id,
            people.ParticipantInput("Anna", "Müller", organisation="Stadt Viersen"),
            actor="desk",
        )
        people.register(
            session,
            event_id,
            people.ParticipantInput("Kai", "Berg", email="Kai.Berg@Example.org"),
            actor="desk",
        )
    rows = [
        ["Frau", "", "Anna", "Mueller", "Stadt Viersen", "", ""],  # same name and organisation
        ["Herr", "", "Kai", "Berg-Meier", "", "kai.berg@example.org", ""],  # same e-mail
        ["Herr", "", "Jürgen", "Weiß", "Kreis Kleve", "jw@kleve.example", ""],
        ["Herr", "", "Juergen", "Weiss", "Kreis Kleve", "", ""],  # as the row before
    ]
    path = excel_csv(tmp_path / "x.csv", rows)
    report = plan(db, event_id, path)
    found = [
        (d.line, d.reason, d.participant_id is not None, d.earlier_line) for d in report.duplicates
    ]
    assert found == [(2, "name", True, None), (3, "email", True, None), (5, "name", False, 4)]
    assert report.duplicates[0].name == "Anna Müller (Stadt Viersen)"
    assert [c.line for c in report.to_import] == [4]
    assert apply(db, event_id, path).imported == 1
    assert apply(db, event_id, path, duplicates="add").imported == 4


# --- applying -------------------------------------------------------------------------------


@pytest.fixture
def programme_items(db, event_id):
    with db.session() as session:
        days = [d.id for d in get_event(session, event_id).days]
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(days[0], "11:00", "12:30"), actor="t"
        )
        later = programme.create_slot(
            session, event_id, programme.SlotInput(days[0], "14:00", "15:30"), actor="t"
        )
        items = {
            code: programme.create_item(
                session,
                programme.ItemInput(slot_id, title, code=code, capacity=capacity),
                actor="t",
            ).id
            for code, title, slot_id, capacity in (
                ("W1", "Bodenpolitik", slot.id, 1),
                ("W2", "KI in der Verwaltung", slot.id, 10),
                ("W3", "Beteiligung", later.id, None),
            )
        }
    return days, items


def test_everything_a_row_can_say_goes_in(db, event_id, tmp_path, programme_items):
    days, _ = programme_items
    header = [
        "Anrede", "Name", "Organisation", "E-Mail", "Kategorie", "Status", "VIP", "Tage",
        "Workshop", "Wunsch 1", "Wunsch 2", "Ernährung", "Einwilligung Gesundheitsdaten",
        "Einwilligung Fotos", "Teilnehmerliste", "Bemerkungen",
    ]  # fmt: skip
    rows = [
        ["Frau", "Müller, Anna", "Stadt Viersen", "a@v.example", "Referent/in", "", "ja",
         "16.06.2025", "W1, W3", "W2", "", "vegan", "ja", "nein", "x", "Zeile 1\nZeile 2"],
        ["Herr", "Dr. Jan de Vries", "Stadt Ulm", "", "presse", "angemeldet", "",
         "1, 2", "Bodenpolitik", "", "W1", "", "", "", "", ""],
        ["", "Grete Groß", "", "", "", "abgesagt", "nein", "", "", "", "", "", "", "ja", "", ""],
    ]  # fmt: skip
    path = excel_csv(tmp_path / "x.csv", rows, header=header, encoding="utf-8-sig")
    report = plan(db, event_id, path)
    assert report.errors == ()
    assert [(w.line, w.problem.code) for w in report.warnings] == [(3, "goes_on_waitlist")]
    result = apply(db, event_id, path)
    assert (result.imported, result.cancelled, result.enrolled, result.waitlisted) == (3, 1, 2, 1)
    assert result.wishes == 2
    with db.session(write=False) as session:
        anna, jan, grete = (
            people.participant_detail(session, pid).participant for pid in result.participant_ids
        )
        assert (anna.salutation, anna.first_name, anna.last_name) == ("frau", "Anna", "Müller")
        assert (anna.category_name, anna.is_vip, anna.source) == ("Referent/in", True, "import")
        assert anna.needs_dietary == "vegan" and anna.notes == "Zeile 1\nZeile 2"
        assert {c.kind: c.granted for c in anna.consents} == {
            "health_data": True, "photo": False, "listing": True,
        }  # fmt: skip
        assert (jan.title, jan.first_name, jan.last_name, jan.category_name) == (
            "Dr.", "Jan", "de Vries", "Presse",
        )  # fmt: skip
        assert grete.status == "cancelled" and grete.cancel_reason == "Import"
        enrolments = people.participant_detail(session, anna.id).enrolments
        assert [(e.code, e.status) for e in enrolments] == [("W1", "enrolled"), ("W3", "enrolled")]
        enrolments = people.participant_detail(session, jan.id).enrolments
        assert [(e.code, e.status) for e in enrolments] == [("W1", "waitlisted")]
        assert [(w.code, w.rank) for w in people.participant_detail(session, anna.id).wishes] == [
            ("W2", 1)
        ]
        day_rows = session.execute(
            select(ParticipantDay.participant_id, ParticipantDay.day_id).order_by(
                ParticipantDay.day_id
            )
        ).all()
        assert day_rows == [(anna.id, days[0]), (jan.id, days[0]), (jan.id, days[1])]
        assert session.scalar(select(func.count()).select_from(Preference)) == 2
        assert [r.id for r in search(session, event_id, "vries")] == [jan.id]
        codes = [p.short_code for p in (anna, jan, grete)]
        assert len(set(codes)) == 3
        audit = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id.in_(result.participant_ids))
        ).all()
        assert audit.count("participant.import") == 3


def test_rows_with_unknown_choices_say_what_is_possible(db, event_id, tmp_path, programme_items):
    header = ["Vorname", "Nachname", "Kategorie", "Tage", "Workshop", "Wunsch 1", "Fotos"]
    rows = [
        ["Anna", "Müller", "Ehrengast", "24.12.2025", "W9", "W1, W2", "vielleicht"],
        ["Jan", "Berg", "", "", "W1, W2", "", ""],
    ]
    report = plan(db, event_id, excel_csv(tmp_path / "x.csv", rows, header=header))
    issues = [(i.line, i.column, i.problem.code) for i in report.errors]
    assert issues == [
        (2, "Fotos", "not_yes_no"),
        (2, "Kategorie", "unknown_category_name"),
        (2, "Tage", "unknown_day_value"),
        (2, "Workshop", "unknown_item"),
        (2, "Wunsch 1", "rank_twice"),
        (3, "Workshop", "same_time"),
    ]
    assert "Teilnehmer/in, Referent/in" in report.errors[1].message()
    assert "16.06.2025, 17.06.2025, 18.06.2025" in report.errors[2].message()


def test_needs_without_consent_are_refused_as_in_the_form(db, event_id, tmp_path):
    header = ["Vorname", "Nachname", "Ernährung"]
    report = plan(db, event_id, excel_csv(tmp_path / "x.csv", [["A", "B", "vegan"]], header=header))
    assert [(i.column, i.problem.code) for i in report.errors] == [("Ernährung", "needs_consent")]


def test_xlsx_import(db, event_id, tmp_path):
    path = openpyxl_xlsx(
        tmp_path / "x.xlsx", [*PEOPLE, [None, None, "Kai", "Berg", None, None, 30123456]]
    )
    result = apply(db, event_id, path)
    assert result.imported == 5
    with db.session(write=False) as session:
        found = {(r.first_name, r.last_name) for r in search(session, event_id, "", limit=10)}
    assert ("Łukasz", "Żółć") in found and ("Kai", "Berg") in found


def test_a_cancelled_import_leaves_nothing(db, event_id, tmp_path):
    rows = [[f"Vor{i}", f"Nach{i}", f"p{i}@x.example"] for i in range(2500)]
    path = excel_csv(tmp_path / "x.csv", rows, header=["Vorname", "Nachname", "E-Mail"])
    before = counts(db)
    seen = []

    def progress(done, total):
        seen.append(done)

    with pytest.raises(Cancelled):
        apply(db, event_id, path, progress=progress, cancelled=lambda: len(seen) > 7)
    assert counts(db) == before


def test_a_killed_import_leaves_the_database_as_it_was(db_url, event_id, db, tmp_path):
    """SIGKILL while the rows are being inserted: the transaction never commits."""
    rows = [[f"Vor{i}", f"Nach{i}", f"Org {i % 50}", f"p{i}@x.example"] for i in range(8000)]
    path = excel_csv(tmp_path / "x.csv", rows, header=["Vorname", "Nachname", "Firma", "E-Mail"])
    before = counts(db)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "regdesk", "import", str(path), "--apply", "-d", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        for line in process.stderr:  # "Import: 60 % (9600/16000)" -- past the plan
            if line.startswith("Import: ") and int(line.split()[1]) >= 60:
                os.kill(process.pid, signal.SIGKILL)
                break
        process.wait(timeout=60)
    finally:
        process.kill()
    assert process.returncode == -signal.SIGKILL
    assert counts(db) == before
    result = apply(db, event_id, path)  # and the database takes the import afterwards
    assert result.imported == 8000


def test_two_desks_importing_the_same_file_at_once_add_everybody_once(db, event_id, tmp_path):
    """Each import checks duplicates inside its own transaction, one after the other."""
    import threading

    rows = [[f"Vor{i}", f"Nach{i}", f"p{i}@race.example"] for i in range(400)]
    path = excel_csv(tmp_path / "x.csv", rows, header=["Vorname", "Nachname", "E-Mail"])
    results, errors = [], []
    start = threading.Barrier(2)

    def desk() -> None:
        try:
            start.wait()
            results.append(apply(db, event_id, path))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(r.imported for r in results) == [0, 400]
    assert sorted(r.skipped_duplicates for r in results) == [0, 400]
    with db.session(write=False) as session:
        emails = session.scalars(select(Participant.email)).all()
    assert len(emails) == len(set(emails)) == 400


def test_letters_lost_by_a_windows_1252_export_are_flagged_and_go_in_only_by_choice(
    db, event_id, tmp_path
):
    """Excel saved 'CSV (Trennzeichen-getrennt)' in Windows-1252: ł, ż, ś, ą, ı, ş are not
    in it and came out as '?'."""
    path = tmp_path / "anmeldungen.csv"
    lines = [
        ";".join(HEADER),
        "Herr;;?ukasz;?ó??;Urz?d Miasta Gda?sk;l.z@gdansk.example;",
        "Frau;;Anna;Müller;Warum nicht? e.V.;a.m@v.example;",  # a question, not a lost letter
        "Herr;;Tomasz;D?browski;Stadt Görlitz;t.d@goerlitz.example;",
        "Frau;;Ay?e;Çelik;Stadt Ulm;a.c@ulm.example;",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    report = plan(db, event_id, path)
    flagged = {(i.line, i.column) for i in report.warnings if i.problem.code == "lost_letters"}
    assert flagged == {(2, "Vorname"), (2, "Nachname"), (2, "Organisation"), (4, "Nachname"),
                       (5, "Vorname")}  # fmt: skip
    assert report.lost_letter_lines == (2, 4, 5)
    message = next(i for i in report.warnings if i.line == 4).message()
    assert "D?browski" in message and "CSV UTF-8" in message
    before = counts(db)
    with pytest.raises(LostLettersNotAccepted, match="3 row"):
        apply(db, event_id, path)
    assert counts(db) == before  # nothing changed
    result = apply(db, event_id, path, accept_lost_letters=True)
    assert result.imported == 4


def test_a_replacement_character_is_a_lost_letter_too(db, event_id, tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_text("Vorname;Nachname\nAy\ufffde;Çelik\nJürgen;Weiß\n", encoding="utf-8")
    assert plan(db, event_id, path).lost_letter_lines == (2,)


def test_the_cli_refuses_lost_letters_unless_told(tmp_path):
    db = tmp_path / "x.sqlite3"
    init = ["init", "-d", str(db), "--name", "T", "--first-day", "01.02.2026"]
    subprocess.run([sys.executable, "-m", "regdesk", *init], check=True, capture_output=True,
                   cwd=ROOT)  # fmt: skip
    path = tmp_path / "a.csv"
    path.write_bytes(("Vorname;Nachname\r\n?ukasz;Nowak\r\nAnna;Weiß\r\n").encode("cp1252"))
    run = [sys.executable, "-m", "regdesk", "import", "-d", str(db), str(path)]
    dry = subprocess.run(run, capture_output=True, text=True, cwd=ROOT)
    assert dry.returncode == 1 and "--accept-lost-letters" in dry.stdout
    refused = subprocess.run([*run, "--apply"], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode != 0 and "Nothing was imported" in refused.stderr
    done = subprocess.run([*run, "--apply", "--accept-lost-letters"], capture_output=True,
                          text=True, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0 and "Imported 2" in done.stdout, done.stderr
