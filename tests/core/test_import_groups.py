"""A group column in the file: the delegation and its lead come in with the people (one
group per spelling, also one that exists already); a second lead for one group -- in the
file or already in the event -- is refused with the name of the lead, and nothing else."""

from __future__ import annotations

from regdesk.importing.mapping import ColumnMapping
from regdesk.services import groups
from regdesk.services import participants as people
from regdesk.services.search import search

from .import_files import excel_csv
from .test_import import apply, plan, table_of

HEADER = ["Vorname", "Nachname", "Organisation", "Delegation", "Gruppenleitung"]


def test_groups_and_leads_come_in_with_the_people(db, event_id, tmp_path):
    with db.session() as session:
        people.register(
            session, event_id,
            people.ParticipantInput("Karl", "Vorab", group="Delegation Ulm"), actor="t",
        )  # fmt: skip
    path = excel_csv(
        tmp_path / "anmeldungen.csv",
        [
            ["Petra", "Hahn", "Stadt Esslingen", "Delegation Esslingen", "ja"],
            ["Ömer", "Yıldız", "Stadt Esslingen", "delegation esslingen", ""],
            ["Jana", "Roth", "Stadt Ulm", "Delegation Ulm", "x"],
            ["Ben", "Solo", "Kreis Kleve", "", "nein"],
        ],
        header=HEADER,
        encoding="utf-8-sig",  # "CSV UTF-8" from Excel
    )
    mapping = ColumnMapping.suggested(table_of(path).headers)
    assert mapping.fields == ("first_name", "last_name", "organisation", "group", "group_lead")
    result = apply(db, event_id, path)
    assert result.imported == 4
    with db.session(write=False) as session:
        found = {g.name: (g.size, g.lead_name) for g in groups.list_groups(session, event_id)}
        assert found == {
            "Delegation Esslingen": (2, "Petra Hahn"),
            "Delegation Ulm": (2, "Jana Roth"),
        }
        assert {r.last_name for r in search(session, event_id, "delegation esslingen")} == {
            "Hahn", "Yıldız"
        }  # fmt: skip


def test_a_second_lead_is_refused_with_the_leads_name(db, event_id, tmp_path):
    with db.session() as session:
        people.register(
            session, event_id,
            people.ParticipantInput("Karl", "Vorab", group="Delegation Ulm", group_lead=True),
            actor="t",
        )  # fmt: skip
    path = excel_csv(
        tmp_path / "anmeldungen.csv",
        [
            ["Petra", "Hahn", "Stadt Esslingen", "Delegation Esslingen", "ja"],
            ["Ömer", "Yıldız", "Stadt Esslingen", "Delegation Esslingen", "ja"],
            ["Jana", "Roth", "Stadt Ulm", "Delegation Ulm", "ja"],
            ["Eva", "Frei", "", "", "ja"],
        ],
        header=HEADER,
        encoding="utf-8-sig",  # "CSV UTF-8" from Excel
    )
    report = plan(db, event_id, path)
    errors = {(e.line, e.column, e.problem.code): e.message() for e in report.errors}
    assert set(errors) == {
        (3, "Gruppenleitung", "group_has_lead"),
        (4, "Gruppenleitung", "group_has_lead"),
        (5, "Gruppenleitung", "lead_without_group"),
    }
    assert "Petra Hahn (Stadt Esslingen)" in errors[(3, "Gruppenleitung", "group_has_lead")]
    assert "Karl Vorab" in errors[(4, "Gruppenleitung", "group_has_lead")]
    result = apply(db, event_id, path, skip_invalid=True)
    assert result.imported == 1
    with db.session(write=False) as session:
        found = {g.name: (g.size, g.lead_name) for g in groups.list_groups(session, event_id)}
    assert found == {"Delegation Esslingen": (1, "Petra Hahn"), "Delegation Ulm": (1, "Karl Vorab")}
