"""Consent records (Art. 7 DSGVO): every consent given, refused or taken back, when, how
it was given and who recorded it -- from the form, an edit and an import -- as a list
(XLSX read back), for everybody or one person (also from the command line)."""

from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook

from regdesk.models import ConsentKind
from regdesk.services import participants as people
from regdesk.services.audit_log import AuditFilter
from regdesk.services.exports import export_list
from regdesk.services.list_common import ListRequest

from .test_cli import regdesk
from .test_import import apply

PHOTO, LISTING = ConsentKind.PHOTO.value, ConsentKind.LISTING.value


def rows_of(path):
    sheet = load_workbook(path).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0] == "Zeit") + 1
    return [r for r in rows[start:] if r[0] is not None]


def a_history(db, event_id, tmp_path):
    with db.session() as session:
        anna = people.register(
            session, event_id,
            people.ParticipantInput("Anna", "Müller", consents={PHOTO: True, LISTING: True},
                                    consent_via="Anmeldeformular"),
            actor="office:anna",
        )  # fmt: skip
        people.update_participant(
            session, anna.id,
            replace(anna.as_input(), consents={PHOTO: False}, consent_via="vor Ort"),
            actor="desk:Nord",
        )  # fmt: skip
    csv = tmp_path / "anmeldungen.csv"
    csv.write_text("Vorname;Nachname;Einwilligung Fotos\nBen;Şahin;ja\n", encoding="utf-8")
    apply(db, event_id, csv)
    return anna


def test_every_decision_is_listed_with_how_and_by_whom(db, event_id, tmp_path):
    anna = a_history(db, event_id, tmp_path)
    result = export_list(
        db, event_id, ListRequest("consents"), tmp_path / "einwilligungen.xlsx", actor="t"
    )
    rows = rows_of(result.path)
    assert result.rows == len(rows) == 5
    mine = [r[1:] for r in rows if r[1] == "Müller"]
    assert mine == [
        ["Müller", "Anna", anna.short_code, "Einwilligung Teilnehmerliste", "erteilt",
         "Anmeldeformular", "office:anna"],
        ["Müller", "Anna", anna.short_code, "Einwilligung Fotos", "erteilt",
         "Anmeldeformular", "office:anna"],
        ["Müller", "Anna", anna.short_code, "Einwilligung Teilnehmerliste", "zurückgenommen",
         None, "desk:Nord"],
        ["Müller", "Anna", anna.short_code, "Einwilligung Fotos", "verweigert", "vor Ort",
         "desk:Nord"],
    ]  # fmt: skip
    ben = [r[1:] for r in rows if r[1] == "Şahin"]
    assert ben == [["Şahin", "Ben", ben[0][2], "Einwilligung Fotos", "erteilt",
                    "Import: anmeldungen.csv", "test"]]  # fmt: skip
    times = [r[0] for r in rows]
    assert times == sorted(times)


def test_one_persons_records_in_english_and_from_the_command_line(db, db_url, event_id, tmp_path):
    anna = a_history(db, event_id, tmp_path)
    result = export_list(
        db, event_id,
        ListRequest("consents", language="en", audit=AuditFilter(participant_id=anna.id)),
        tmp_path / "anna.xlsx", actor="t",
    )  # fmt: skip
    sheet = load_workbook(result.path).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0] == "Time") + 1
    data = [r for r in rows[start:] if r[0] is not None]
    assert {r[1] for r in data} == {"Müller"} and len(data) == 4
    assert {r[5] for r in data} == {"given", "refused", "taken back"}
    out = tmp_path / "cli.csv"
    done = regdesk("export", "consents", "-d", db_url, "--person", str(anna.id), "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert "Müller" in text and "Şahin" not in text and "vor Ort" in text
