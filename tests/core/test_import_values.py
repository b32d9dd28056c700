"""Registration data as form tools export it: a yes/no column per excursion or day, a
role column that names the categories loosely, consent columns in the form's own words --
each column's values mapped (suggested, chosen in the CLI, saved with the assignment and
kept when the corrected file is read again), on SQLite and PostgreSQL; a value mapped to
something the event does not have changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from regdesk.errors import ImportHasErrors
from regdesk.importing import fields as F
from regdesk.importing.mapping import load_saved_mapping
from regdesk.importing.reader import read_table
from regdesk.models import Consent, Enrolment, Participant, ParticipantDay
from regdesk.services import programme
from regdesk.services.events import get_event
from regdesk.services.imports import apply_import, plan_import, suggest_mapping

ROOT = Path(__file__).resolve().parents[2]
FORM = [
    ["Vorname", "Nachname", "E-Mail", "Teilnahme als", "Exkursion", "Tag 1", "Tag 2",
     "Fotos erlaubt"],
    ["Anna", "Müller", "a.m@viersen.example", "Referent", "ja", "x", "x", "Zustimmung"],
    ["Jürgen", "Weiß", "j.w@kleve.example", "Teilnehmer", "nein", "x", "", "Ablehnung"],
    ["Selin", "Özdemir", "s.o@pm.example", "Presse-Vertreterin", "x", "", "x", ""],
]  # fmt: skip


def write(path: Path, rows) -> Path:
    path.write_bytes("\r\n".join(";".join(r) for r in rows).encode("cp1252"))
    return path


@pytest.fixture
def excursion(db, event_id):
    with db.session() as session:
        days = [d.id for d in get_event(session, event_id).days]
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(days[1], "14:00", "17:00"), actor="t"
        )
        item = programme.create_item(
            session, programme.ItemInput(slot.id, "Exkursion Hafen", code="EX", capacity=20),
            actor="t",
        ).id  # fmt: skip
    return days, item


def mapping_for(db, event_id, path, previous=None):
    table = read_table(path, is_header=F.is_known_header)
    with db.session(write=False) as session:
        return table, suggest_mapping(session, event_id, table, previous)


def test_yes_no_columns_and_loose_categories_are_suggested(db, event_id, excursion, tmp_path):
    _days, _item = excursion
    _table, mapping = mapping_for(db, event_id, write(tmp_path / "form.csv", FORM))
    assert mapping.fields[3:7] == ("category", "programme", "days", "days")
    assert mapping.values[4] == {"ja": "EX", "nein": "", "x": "EX"}
    assert mapping.values[5] == {"x": "1", "": ""} and mapping.values[6] == {"x": "2", "": ""}
    assert mapping.values[3] == {"referent": "Referent/in", "teilnehmer": "Teilnehmer/in",
                                 "presse-vertreterin": "Presse"}  # fmt: skip
    assert mapping.fields[7] == ""  # the form's own consent words: the user decides


def test_value_mapping_imports_places_days_categories_and_consents(
    db, event_id, excursion, tmp_path
):
    days, item = excursion
    table, mapping = mapping_for(db, event_id, write(tmp_path / "form.csv", FORM))
    mapping = mapping.with_field(7, "consent_photo").with_value_assignments(
        ["Fotos erlaubt=Zustimmung:ja,Ablehnung:nein"]
    )
    result = apply_import(db, event_id, table, mapping, actor="t")
    assert (result.imported, result.enrolled) == (3, 2)
    with db.session(write=False) as session:
        people = {
            p.last_name: p for p in session.scalars(select(Participant).order_by(Participant.id))
        }
        enrolled = set(session.scalars(select(Enrolment.participant_id).where(
            Enrolment.item_id == item)))  # fmt: skip
        photo = dict(session.execute(select(Consent.participant_id, Consent.granted).where(
            Consent.kind == "photo")).all())  # fmt: skip
        on_days = {
            pid: sorted(d for p, d in session.execute(select(
                ParticipantDay.participant_id, ParticipantDay.day_id)).all() if p == pid)
            for pid in (p.id for p in people.values())
        }  # fmt: skip
        categories = {p.last_name: p.category.name for p in people.values()}
    assert enrolled == {people["Müller"].id, people["Özdemir"].id}
    assert categories == {"Müller": "Referent/in", "Weiß": "Teilnehmer/in", "Özdemir": "Presse"}
    assert photo == {people["Müller"].id: True, people["Weiß"].id: False}
    assert on_days[people["Weiß"].id] == [days[0]]
    assert on_days[people["Özdemir"].id] == [days[1]]
    assert on_days[people["Müller"].id] == days[:2]


def test_a_value_mapped_to_an_unknown_item_changes_nothing(db, event_id, excursion, tmp_path):
    table, mapping = mapping_for(db, event_id, write(tmp_path / "form.csv", FORM))
    mapping = mapping.with_values(4, {"ja": "EX9", "x": "EX9", "nein": ""})
    with db.session(write=False) as session:
        before = session.scalar(select(func.count()).select_from(Participant))
        report = plan_import(session, event_id, table, mapping)
    assert {i.line for i in report.errors} == {2, 4}
    assert "EX9" in report.errors[0].message()
    with pytest.raises(ImportHasErrors):
        apply_import(db, event_id, table, mapping, actor="t")
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == before


def test_the_assignment_and_value_tables_survive_a_corrected_file(
    db, event_id, excursion, tmp_path
):
    _first, mapping = mapping_for(db, event_id, write(tmp_path / "form.csv", FORM))
    chosen = (
        mapping.with_field(7, "consent_photo")
        .with_values(7, {"Zustimmung": "ja", "Ablehnung": "nein"})
        .with_values(4, {"ja": "EX", "x": "", "nein": ""})
    )  # the user's own choice
    corrected = [FORM[0], *FORM[1:], ["Ewa", "Kowalska", "e.k@t.example", "Referent", "x",
                                      "x", "", "Zustimmung"]]  # fmt: skip
    _table, again = mapping_for(
        db, event_id, write(tmp_path / "form-2.csv", corrected), chosen.saved_form()
    )
    assert again.fields == chosen.fields
    assert again.values[7] == {"zustimmung": "ja", "ablehnung": "nein"}
    assert again.values[4] == {"ja": "EX", "x": "", "nein": ""}  # not suggested over it
    # saved and loaded as a file: the same
    chosen.save(tmp_path / "form.json")
    _columns, values = load_saved_mapping(tmp_path / "form.json")
    assert values["Exkursion"] == {"ja": "EX", "x": "", "nein": ""}
    assert json.loads((tmp_path / "form.json").read_text())["columns"]["Fotos erlaubt"] == (
        "consent_photo"
    )


def test_the_cli_takes_value_assignments_and_saves_them(tmp_path):
    db = str(tmp_path / "x.sqlite3")

    def regdesk(*args):
        return subprocess.run([sys.executable, "-m", "regdesk", *args, "-d", db],
                              capture_output=True, text=True, cwd=ROOT)  # fmt: skip

    assert regdesk("init", "--name", "T", "--first-day", "16.06.2025",
                   "--last-day", "17.06.2025").returncode == 0  # fmt: skip
    assert regdesk("programme", "add-slot", "2", "14:00", "17:00").returncode == 0
    assert regdesk("programme", "add-item", "1", "Exkursion Hafen", "--code", "EX",
                   "--capacity", "20").returncode == 0  # fmt: skip
    path = write(tmp_path / "form.csv", FORM)
    saved = tmp_path / "m.json"
    dry = regdesk("import", str(path), "--map", "Fotos erlaubt=consent_photo",
                  "--values", "Fotos erlaubt=Zustimmung:ja,Ablehnung:nein",
                  "--save-mapping", str(saved))  # fmt: skip
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "Exkursion" in dry.stdout and "ja -> EX" in dry.stdout
    done = regdesk("import", str(path), "--mapping", str(saved), "--apply")
    assert done.returncode == 0 and "Imported 3" in done.stdout, done.stdout + done.stderr
    assert "1 place(s)" in done.stdout or "2 place(s)" in done.stdout
    bad = regdesk("import", str(path), "--values", "Exkursion=ja")
    assert bad.returncode != 0 and "value:becomes" in bad.stderr
