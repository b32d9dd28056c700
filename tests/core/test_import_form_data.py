"""What a registration form's export carries beyond the names (issue 19, item 3): the
time stamp the form set becomes "registered at" -- and with it first come, first served
for places and waiting lists --, and the headers real forms use are recognised."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from regdesk.importing import fields as F
from regdesk.importing.mapping import ColumnMapping
from regdesk.importing.reader import read_table
from regdesk.models import AuditEntry, Enrolment, Participant
from regdesk.services import programme
from regdesk.services.events import get_event
from regdesk.services.imports import apply_import, plan_import

from .import_files import excel_csv

# as Google Forms / LimeSurvey export a German form ("Zeitstempel" first)
HEADER = ["Zeitstempel", "Vorname", "Nachname", "Kommune / Organisation", "Teilnahme als",
          "E-Mail-Adresse", "Workshop"]  # fmt: skip


def workshop(db, event_id, capacity):
    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(day, "10:00", "11:30"), actor="t"
        ).id
        return programme.create_item(
            session, programme.ItemInput(slot, "Bodenpolitik", code="W1", capacity=capacity),
            actor="t",
        ).id  # fmt: skip


def test_the_headers_of_real_forms_are_recognised():
    assert F.suggest(HEADER) == [
        "registered_at", "first_name", "last_name", "organisation", "category", "email",
        "programme",
    ]  # fmt: skip
    assert F.suggest(["Anmeldedatum", "Name", "Organisation / Behörde", "Ich nehme teil als"]) == [
        "registered_at", "full_name", "organisation", "category",
    ]  # fmt: skip


def test_time_stamps_as_forms_write_them_are_read_in_the_events_time_zone():
    berlin = "Europe/Berlin"
    assert F.registered_at("16.06.2025 14:03:22", berlin) == datetime(
        2025, 6, 16, 12, 3, 22, tzinfo=UTC
    )
    assert F.registered_at("2025-06-16T14:03:22+02:00", berlin) == datetime(
        2025, 6, 16, 12, 3, 22, tzinfo=UTC
    )
    assert F.registered_at("2025-01-16 14:03", berlin) == datetime(2025, 1, 16, 13, 3, tzinfo=UTC)
    assert F.registered_at("16.06.2025", berlin) == datetime(2025, 6, 15, 22, 0, tzinfo=UTC)
    assert F.registered_at("", berlin) is None


def test_places_and_waiting_lists_go_by_the_forms_time_stamp(db, event_id, tmp_path):
    item = workshop(db, event_id, capacity=2)
    rows = [  # in file order: not the order in which they registered
        ["16.06.2025 14:05:10", "Anna", "Adler", "Stadt Ulm", "", "anna@ulm.example", "W1"],
        ["16.06.2025 14:01:00", "Ben", "Berg", "Stadt Ulm", "", "ben@ulm.example", "W1"],
        ["", "Dora", "Dorn", "Kreis Kleve", "", "dora@kleve.example", "W1"],
        ["16.06.2025 14:03:30", "Cem", "Celik", "Kreis Kleve", "", "cem@kleve.example", "W1"],
    ]
    path = excel_csv(tmp_path / "formular.csv", rows, encoding="utf-8-sig", header=HEADER,
                     delimiter=",")  # fmt: skip
    table = read_table(path, is_header=F.is_known_header)
    mapping = ColumnMapping.suggested(table.headers)
    before = datetime.now(UTC)
    result = apply_import(db, event_id, table, mapping, actor="t")
    assert result.imported == 4 and result.enrolled == 2 and result.waitlisted == 2
    with db.session(write=False) as session:
        people = {p.first_name: p for p in session.scalars(select(Participant)).all()}
        assert people["Ben"].created_at == datetime(2025, 6, 16, 12, 1, tzinfo=UTC)
        assert people["Anna"].created_at == datetime(2025, 6, 16, 12, 5, 10, tzinfo=UTC)
        assert people["Dora"].created_at >= before  # no stamp: the time of the import
        assert people["Anna"].organisation == "Stadt Ulm"  # "Kommune / Organisation"
        places = {
            e.participant_id: (e.status, e.waitlist_position)
            for e in session.scalars(select(Enrolment).where(Enrolment.item_id == item))
        }
        audit = session.scalar(
            select(AuditEntry.after).where(
                AuditEntry.action == "participant.import",
                AuditEntry.entity_id == people["Ben"].id,
            )
        )
    assert places[people["Ben"].id] == ("enrolled", None)
    assert places[people["Cem"].id] == ("enrolled", None)
    assert places[people["Anna"].id] == ("waitlisted", 1)  # the earliest of the rest
    assert places[people["Dora"].id] == ("waitlisted", 2)  # no stamp: after those with one
    assert audit["registered_at"].startswith("2025-06-16T12:01")


def test_a_time_stamp_that_is_none_is_a_problem_of_its_row(db, event_id, tmp_path):
    rows = [
        ["gestern", "Anna", "Adler", "Stadt Ulm", "", "anna@ulm.example", ""],
        ["16.06.2025 14:01", "Ben", "Berg", "Stadt Ulm", "", "ben@ulm.example", ""],
    ]
    path = excel_csv(tmp_path / "formular.csv", rows, encoding="utf-8", header=HEADER)
    table = read_table(path, is_header=F.is_known_header)
    with db.session(write=False) as session:
        plan = plan_import(session, event_id, table, ColumnMapping.suggested(table.headers))
    issues = [i for i in plan.issues if not i.warning]
    assert [(i.line, i.column, i.problem.code) for i in issues] == [
        (2, "Zeitstempel", "invalid_timestamp")
    ]
    assert "Not a time of registration: 'gestern'" in issues[0].message()


# --- consent given in the form -------------------------------------------------------------

FORM_HEADER = ["Zeitstempel", "Vorname", "Nachname", "E-Mail-Adresse", "Essenswunsch",
               "Einwilligung Fotos"]  # fmt: skip
WORDING = (
    "Ich willige ein, dass meine Angaben zu Ernährung und Barrierefreiheit für die "
    "Durchführung der Veranstaltung gespeichert werden."
)


def form_rows():
    return [
        ["02.06.2025 09:15", "Anna", "Adler", "anna@ulm.example", "vegetarisch", "ja"],
        ["03.06.2025 17:40", "Ben", "Berg", "ben@ulm.example", "", "nein"],
        ["", "Cem", "Celik", "cem@kleve.example", "vegan", ""],
    ]


def test_without_the_forms_consent_rows_with_needs_are_refused(db, event_id, tmp_path):
    path = excel_csv(tmp_path / "formular.csv", form_rows(), encoding="utf-8", header=FORM_HEADER)
    table = read_table(path, is_header=F.is_known_header)
    with db.session(write=False) as session:
        plan = plan_import(session, event_id, table, ColumnMapping.suggested(table.headers))
    assert list(plan.invalid_lines) == [2, 4]  # dietary wishes without a consent to keep them


def test_consent_stated_for_the_form_is_recorded_per_person_with_its_source(db, event_id, tmp_path):
    from regdesk.importing.form_consent import FormConsent
    from regdesk.models import Consent

    form = FormConsent.checked(["health_data"], WORDING, "01.06.2025")
    path = excel_csv(tmp_path / "formular.csv", form_rows(), encoding="utf-8", header=FORM_HEADER)
    table = read_table(path, is_header=F.is_known_header)
    result = apply_import(
        db, event_id, table, ColumnMapping.suggested(table.headers), actor="t", form_consent=form
    )
    assert result.imported == 3 and result.skipped_invalid == 0
    with db.session(write=False) as session:
        given = {
            (first, c.kind): c
            for first, c in session.execute(
                select(Participant.first_name, Consent).join(
                    Consent, Consent.participant_id == Participant.id
                )
            )
        }
        audit = session.scalar(select(AuditEntry.after).where(AuditEntry.action == "import.apply"))
    anna = given[("Anna", "health_data")]
    assert anna.granted and anna.given_via.startswith("Anmeldeformular vom 01.06.2025: Ich will")
    assert anna.given_at == datetime(2025, 6, 2, 7, 15, tzinfo=UTC)  # when she sent the form
    assert given[("Cem", "health_data")].given_at == datetime(2025, 5, 31, 22, 0, tzinfo=UTC)
    assert given[("Ben", "health_data")].granted  # the form asked everyone
    # a consent the file answers itself keeps the file as its source
    assert given[("Anna", "photo")].given_via == "Import: formular.csv"
    assert not given[("Ben", "photo")].granted
    assert audit["form_consent"] == {
        "kinds": ["health_data"],
        "text": WORDING,
        "date": "2025-06-01",
    }


def test_a_column_answering_no_beats_the_forms_statement(db, event_id, tmp_path):
    from regdesk.importing.form_consent import FormConsent

    form = FormConsent.checked(["photo"], "Fotos dürfen veröffentlicht werden.", "01.06.2025")
    path = excel_csv(tmp_path / "f.csv", form_rows()[1:2], encoding="utf-8", header=FORM_HEADER)
    table = read_table(path, is_header=F.is_known_header)
    with db.session(write=False) as session:
        plan = plan_import(
            session, event_id, table, ColumnMapping.suggested(table.headers), form_consent=form
        )
    assert plan.to_import[0].consents == {"photo": False}
    assert plan.to_import[0].from_form == frozenset()


def test_the_statement_is_checked_and_the_cli_takes_it(tmp_path, db_url, event_id):
    import subprocess
    import sys

    import pytest

    from regdesk.errors import ValidationError
    from regdesk.importing.form_consent import FormConsent

    with pytest.raises(ValidationError) as info:
        FormConsent.checked(["gesundheit"], "", "31.12.2999")
    assert [(p.field, p.code) for p in info.value.problems] == [
        ("form_consent", "unknown_choice"), ("form_consent_text", "required"),
        ("form_consent_date", "form_date_ahead"),
    ]  # fmt: skip
    path = excel_csv(tmp_path / "formular.csv", form_rows(), encoding="utf-8", header=FORM_HEADER)
    done = subprocess.run(
        [sys.executable, "-m", "regdesk", "-d", db_url, "import", str(path), "--apply",
         "--form-consent", "health_data", "--form-consent-text", WORDING,
         "--form-consent-date", "01.06.2025"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Consent from the form (health_data): Anmeldeformular vom 01.06.2025" in done.stdout
    assert "Imported 3 participant(s)" in done.stdout
    refused = subprocess.run(
        [sys.executable, "-m", "regdesk", "-d", db_url, "import", str(path),
         "--form-consent", "health_data"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1 and "form_consent_text: This field is required." in (
        refused.stderr
    )
