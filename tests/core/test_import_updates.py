"""A newer export of the same registration form updates the people already registered:
matched by participant id, badge code or e-mail; a preview per person of what changes;
only the file's columns change; check-ins, badges, places never; all or nothing, audited
-- on SQLite and PostgreSQL, and round trip through regdesk's own XLSX export."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import func, select

from regdesk.errors import ImportHasErrors
from regdesk.importing import fields as F
from regdesk.importing.reader import read_table
from regdesk.models import AuditEntry, Consent, Enrolment, Participant, Scan
from regdesk.services import badges, programme
from regdesk.services import checkin as svc
from regdesk.services import participants as people
from regdesk.services.events import get_event
from regdesk.services.exports import export_list
from regdesk.services.imports import apply_import, plan_import, suggest_mapping
from regdesk.services.list_common import ListRequest


@pytest.fixture
def registered(db, event_id):
    """Anna (photo consent, admitted at the door, a place in W1), Jürgen (badge printed),
    Selin -- as the office registered them."""
    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(day, "10:00", "11:00"), actor="t"
        )
        w1 = programme.create_item(
            session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1", capacity=5),
            actor="t",
        ).id  # fmt: skip

        def add(first, last, **kw):
            return people.register(
                session, event_id, people.ParticipantInput(first, last, **kw), actor="t"
            )

        anna = add("Anna", "Müller", organisation="Stadt Viersen", email="a.m@viersen.example",
                   consents={"photo": True})  # fmt: skip
        juergen = add("Jürgen", "Weiß", organisation="Kreis Kleve", phone="02821 1")
        selin = add("Selin", "Özdemir", email="s.o@pm.example")
        programme.enrol(session, w1, anna.id, actor="t")
        svc.scan(session, event_id, anna.short_code, desk="Tür", context=svc.ScanContext(day))
        badges.record_printed(session, [juergen.id], actor="t", how="pdf")
    return {"anna": anna, "juergen": juergen, "selin": selin, "w1": w1}


def state(db):
    with db.session(write=False) as session:
        return (
            session.scalar(select(func.count()).select_from(Scan)),
            sorted(session.execute(select(Enrolment.participant_id, Enrolment.status)).all()),
            sorted(
                session.execute(
                    select(Participant.id, Participant.badge_print_count, Participant.badge_secret)
                ).all()
            ),
        )


def csv_file(path, rows):
    path.write_bytes("\r\n".join(";".join(r) for r in rows).encode("cp1252"))
    return path


def plan_and_mapping(db, event_id, path, policy="update"):
    table = read_table(path, is_header=F.is_known_header)
    with db.session(write=False) as session:
        mapping = suggest_mapping(session, event_id, table)
        return table, mapping, plan_import(session, event_id, table, mapping, duplicates=policy)


def test_a_newer_export_updates_registered_people_and_nothing_else(
    db, event_id, registered, tmp_path
):
    anna, juergen = registered["anna"], registered["juergen"]
    path = csv_file(tmp_path / "neu.csv", [
        ["Code", "Vorname", "Nachname", "Organisation", "E-Mail", "Telefon", "Fotos"],
        ["", "Anna", "Müller", "Stadt Mönchengladbach", "a.m@viersen.example", "", "nein"],
        [juergen.short_code.lower(), "Jürgen", "Weiß", "Kreis Kleve", "", "02821 594-0", ""],
        ["", "Selin", "Özdemir", "", "s.o@pm.example", "", ""],
        ["", "Ewa", "Kowalska", "Stadt Treuenbrietzen", "e.k@t.example", "", "ja"],
    ])  # fmt: skip
    before = state(db)
    table, mapping, report = plan_and_mapping(db, event_id, path)
    assert mapping.fields[0] == "badge_code"
    changes = {u.name: {(c.field, c.before, c.after) for c in u.changes} for u in report.updates}
    assert changes == {
        "Anna Müller": {("organisation", "Stadt Viersen", "Stadt Mönchengladbach"),
                        ("consent:photo", "ja", "nein")},
        "Jürgen Weiß": {("phone", "02821 1", "02821 594-0")},
        "Selin Özdemir": set(),  # matched by e-mail; nothing differs
    }  # fmt: skip
    assert {u.name: u.matched_by for u in report.updates}["Jürgen Weiß"] == "code"
    assert [c.values["last_name"] for c in report.to_import] == ["Kowalska"]
    result = apply_import(db, event_id, table, mapping, actor="office", duplicates="update")
    assert (result.updated, result.imported) == (2, 1)
    assert state(db)[0] == before[0] and state(db)[1] == before[1]  # check-ins, places
    assert [r for r in state(db)[2] if r[0] != result.participant_ids[0]] == before[2]  # badges
    with db.session(write=False) as session:
        a = session.get(Participant, anna.id)
        j = session.get(Participant, juergen.id)
        assert (a.organisation, a.email, j.phone, j.organisation) == (
            "Stadt Mönchengladbach",
            "a.m@viersen.example",
            "02821 594-0",
            "Kreis Kleve",
        )
        photo = session.scalar(select(Consent.granted).where(
            Consent.participant_id == anna.id, Consent.kind == "photo"))  # fmt: skip
        assert photo is False
        audited = session.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.action == "participant.update", AuditEntry.actor == "office"))  # fmt: skip
        assert sorted(audited) == sorted([anna.id, juergen.id])
        found = people.find_by_code(session, event_id, a.short_code)
        assert found.organisation == "Stadt Mönchengladbach"


def test_an_update_with_a_broken_row_changes_nobody(db, event_id, registered, tmp_path):
    path = csv_file(tmp_path / "neu.csv", [
        ["Vorname", "Nachname", "Organisation", "E-Mail"],
        ["Anna", "Müller", "Stadt Mönchengladbach", "a.m@viersen.example"],
        ["Ute", "", "Amt Brück", "ute(at)brueck"],
    ])  # fmt: skip
    table, mapping, report = plan_and_mapping(db, event_id, path)
    assert report.invalid_lines == (3,)
    with pytest.raises(ImportHasErrors):
        apply_import(db, event_id, table, mapping, actor="office", duplicates="update")
    with db.session(write=False) as session:
        assert session.get(Participant, registered["anna"].id).organisation == "Stadt Viersen"


def test_rows_that_cannot_say_whom_they_update_are_left_out(db, event_id, registered, tmp_path):
    anna, juergen = registered["anna"], registered["juergen"]
    path = csv_file(tmp_path / "neu.csv", [
        ["Teilnehmer-ID", "Code", "Vorname", "Nachname", "Organisation"],
        [str(anna.id), juergen.short_code, "Anna", "Müller", "Falsch"],  # two people
        [str(juergen.id), "", "Jürgen", "Weiß", "Kreis Wesel"],
        ["", juergen.short_code, "Jürgen", "Weiß", "Kreis Borken"],  # the same person again
    ])  # fmt: skip
    _table, _mapping, report = plan_and_mapping(db, event_id, path)
    codes = {i.line: i.problem.code for i in report.warnings}
    assert codes == {2: "update_ambiguous", 4: "update_twice"}
    assert [(u.line, u.matched_by) for u in report.updates] == [(3, "id")]
    assert report.to_import == ()


def test_regdesks_own_export_edited_in_excel_updates_in_place(db, event_id, registered, tmp_path):
    path = tmp_path / "liste.xlsx"
    export_list(db, event_id, ListRequest("participants"), path, actor="t")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    org, last = header.index("Organisation") + 1, header.index("Nachname") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, last).value == "Weiß":
            sheet.cell(row, org).value = "Kreis Wesel"
    book.save(path)
    before = state(db)
    table, mapping, report = plan_and_mapping(db, event_id, path)
    assert {u.name: [c.field for c in u.changes] for u in report.changing} == {
        "Jürgen Weiß": ["organisation"]
    }
    result = apply_import(db, event_id, table, mapping, actor="office", duplicates="update")
    assert (result.updated, result.imported) == (1, 0)
    assert state(db) == before
    with db.session(write=False) as session:
        assert session.get(Participant, registered["juergen"].id).organisation == "Kreis Wesel"
