"""Exported lists read back -- XLSX with openpyxl, CSV with the csv module, PDF with
read back -- equal the database; formula injection is neutralised; the round trip
through an export and an import yields the same people (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from regdesk import pdfread
from regdesk.db import open_database
from regdesk.demo import seed_demo
from regdesk.errors import Cancelled, ExportFailed, FormatNotOffered, UnknownList
from regdesk.importing.fields import is_known_header
from regdesk.importing.mapping import ColumnMapping
from regdesk.importing.reader import read_table
from regdesk.models import (
    Consent,
    ConsentKind,
    EventDay,
    ItemKind,
    Participant,
    ParticipantDay,
    ParticipantStatus,
    Scan,
)
from regdesk.services import checkin, programme
from regdesk.services import participants as people
from regdesk.services.events import get_event
from regdesk.services.exports import export_list
from regdesk.services.imports import apply_import, plan_import
from regdesk.services.list_common import ListRequest
from regdesk.services.preferences import programme_items


def pdf_text(path) -> str:
    """Every page's text, pages separated by a form feed (as pdftotext gives them)."""
    return "".join(page + "\f" for page in pdfread.page_texts(path))


def csv_rows(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for German Excel"
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))


def export(db, event_id, kind, path, **kwargs):
    fmt = kwargs.pop("format", None)
    return export_list(db, event_id, ListRequest(kind, **kwargs), path, format=fmt, actor="test")


@pytest.fixture
def demo(db):
    """Mönchengladbach with 150 people, some places and a waiting list, a day-one-only
    guest and a few admissions at the door."""
    result = seed_demo(db, "moenchengladbach", participants=150, seed=3, actor="demo")
    event_id = result.event_id
    with db.session() as session:
        registered = session.scalars(
            select(Participant.id)
            .where(Participant.status == ParticipantStatus.REGISTERED.value)
            .order_by(Participant.id)
        ).all()
        workshop = shrink(session, event_id, "W1")
        for pid in registered[:5]:
            programme.enrol(session, workshop.id, pid, actor="t")
        day = get_event(session, event_id).days[0]
        for pid in registered[10:14]:
            checkin.scan(
                session,
                event_id,
                session.get(Participant, pid).badge_secret,
                desk="Eingang",
                context=checkin.ScanContext(day_id=day.id),
            )
    return event_id, registered, workshop


def shrink(session, event_id: int, code: str):
    """The workshop ``code`` down to three places."""
    workshop = next(i for i in programme_items(session, event_id) if i.code == code)
    item = programme.get_item(session, workshop.id)
    data = programme.ItemInput(item.slot_id, item.title, item.kind, item.code, capacity=3)
    programme.update_item(session, item.id, data, actor="t")
    return workshop


def db_people(db, event_id, ids=None) -> dict[str, dict]:
    """Participants by e-mail (demo e-mails are unique), as the lists should show them."""
    with db.session(write=False) as session:
        found = {}
        for p in session.scalars(select(Participant).where(Participant.event_id == event_id)):
            if ids is None or p.id in ids:
                found[p.email] = p
        return found


# --- the participant list -------------------------------------------------------------------


def test_participant_list_as_xlsx_equals_the_database(db, demo, tmp_path):
    event_id, _, workshop = demo
    result = export(db, event_id, "participants", tmp_path / "liste.xlsx")
    book = load_workbook(result.path)
    ws = book.active
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:10] == [
        "Anrede", "Titel", "Vorname", "Nachname", "Organisation", "Funktion", "E-Mail",
        "Telefon", "Kategorie", "Status",
    ]  # fmt: skip
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{ws.max_row}"
    assert ws.column_dimensions["E"].width > ws.column_dimensions["A"].width
    assert all(c.font.bold for c in ws[1])
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(2)]
    stored = db_people(db, event_id)
    assert len(rows) == len(stored) == result.rows == 150
    with db.session(write=False) as session:
        for row in rows:
            p = stored[row["E-Mail"]]
            detail = people.participant_detail(session, p.id)
            assert (row["Vorname"], row["Nachname"]) == (p.first_name, p.last_name)
            assert (row["Titel"] or "", row["Organisation"] or "") == (p.title, p.organisation)
            assert row["Kategorie"] == detail.participant.category_name
            assert row["Status"] == {"registered": "angemeldet", "cancelled": "abgesagt"}[p.status]
            assert row["Code"] == p.short_code
            assert row["Anrede"] == {"frau": "Frau", "herr": "Herr", "none": None}[p.salutation]
            consents = {c.kind: c.granted for c in detail.participant.consents}
            assert (
                row["Einwilligung Fotos"]
                == {True: "ja", False: "nein", None: None}[consents.get("photo")]
            )
            assert isinstance(row["Angemeldet am"], datetime)  # a typed date cell
            assert ws.cell(2, header.index("Angemeldet am") + 1).number_format == (
                "DD.MM.YYYY HH:MM"
            )
            assert isinstance(row["Namensschild gedruckt"], int)
            places = [e.code for e in detail.enrolments if e.status == "enrolled"]
            assert (row["Programm"] or "") == ", ".join(places)
            wishes = {}
            for wish in detail.wishes:
                wishes.setdefault(wish.rank, []).append(wish.code or wish.title)
            for rank, codes in wishes.items():
                assert row[f"Wunsch {rank}"] == ", ".join(codes)
    waiting = [r for r in rows if r["Warteliste"]]
    assert [r["Warteliste"] for r in waiting] == [workshop.code] * 2
    assert sum(1 for r in rows if r["Eingecheckt"] == "ja") == 4


def test_participant_list_as_csv_opens_in_german_excel(db, demo, tmp_path):
    event_id, _, _ = demo
    export(db, event_id, "participants", tmp_path / "liste.csv", format="csv")
    header, *rows = csv_rows(tmp_path / "liste.csv")
    assert header[:4] == ["Anrede", "Titel", "Vorname", "Nachname"]
    stored = db_people(db, event_id)
    assert len(rows) == len(stored)
    column = {name: i for i, name in enumerate(header)}
    for row in rows:
        p = stored[row[column["E-Mail"]]]
        assert row[column["Nachname"]] == p.last_name
        assert row[column["Telefon"]] == p.phone  # "+49 2161 ..." reads naturally
        local = p.created_at.astimezone(ZoneInfo("Europe/Berlin")).strftime("%d.%m.%Y")
        assert row[column["Angemeldet am"]].startswith(local)  # TT.MM.JJJJ, the event's zone
        assert row[column["VIP"]] in ("ja", "nein")


def test_participant_list_as_pdf(db, demo, tmp_path):
    event_id, _, _ = demo
    export(db, event_id, "participants", tmp_path / "liste.pdf", format="pdf")
    text = pdf_text(tmp_path / "liste.pdf")
    pages = text.split("\f")[:-1]
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
        assert "Nachname" in page and "Organisation" in page  # the header on every page
        assert "Regionalkonferenz Smart Cities 2025" in page
    for p in db_people(db, event_id).values():
        assert p.last_name in text


def test_filters_narrow_the_list(db, demo, tmp_path):
    event_id, registered, workshop = demo
    with db.session(write=False) as session:
        event = get_event(session, event_id)
        presse = next(c.id for c in event.categories if c.name == "Presse")

    def emails(**kwargs):
        export(db, event_id, "participants", tmp_path / "f.csv", format="csv", **kwargs)
        header, *rows = csv_rows(tmp_path / "f.csv")
        return {r[header.index("E-Mail")] for r in rows}

    stored = db_people(db, event_id)
    assert emails(category_ids=(presse,)) == {
        e for e, p in stored.items() if p.category_id == presse
    }
    assert emails(status="cancelled") == {e for e, p in stored.items() if p.status == "cancelled"}
    checked = {p.email for p in stored.values() if p.id in registered[10:14]}
    assert emails(checked_in=True) == checked
    assert emails(checked_in=False) == set(stored) - checked
    assert emails(item_ids=(workshop.id,)) == {
        p.email for p in stored.values() if p.id in registered[:3]
    }
    assert len(emails(day_ids=(event.days[0].id,))) == len(stored)


# --- sign-in sheets -------------------------------------------------------------------------


def test_sign_in_sheets_one_per_day_alphabetical_with_note(db, event_id, tmp_path):
    with db.session() as session:
        days = [d.id for d in get_event(session, event_id).days]
        ids = {}
        for first, last in (
            ("Zoë", "Zander"), ("Anna", "Özdemir"), ("Jan", "Müller"), ("Eva", "Mueller"),
            ("Kai", "Abel"), ("Lea", "Nowak"),
        ):  # fmt: skip
            ids[last] = people.register(
                session,
                event_id,
                people.ParticipantInput(first, last, organisation="Stadt Ulm"),
                actor="t",
            ).id
        people.set_days(session, ids["Nowak"], [days[1]], actor="t")  # day two only
        people.cancel(session, ids["Abel"], "krank", actor="t")
    result = export(db, event_id, "signin", tmp_path / "unterschriften.pdf")
    assert result.sheets == 3
    text = pdf_text(tmp_path / "unterschriften.pdf")
    sheets = text.split("\f")[:-1]
    assert len(sheets) == 3
    first_day = sheets[0]
    for needle in (
        "Unterschriftenliste", "Veranstaltung: Testkonferenz", "Datum: Montag, 16.06.2025",
        "Ort: Kulturzentrum", "Nr.", "Nachname", "Vorname", "Organisation", "Unterschrift",
        "Seite 1 von 1", "Ihre Angaben werden zur Durchführung",
    ):  # fmt: skip
        assert needle in first_day, needle
    order = [n for n in ("Mueller", "Müller", "Özdemir", "Zander") if n in first_day]
    assert sorted(order, key=first_day.index) == ["Mueller", "Müller", "Özdemir", "Zander"]
    assert "Nowak" not in first_day and "Abel" not in first_day
    assert "Nowak" in sheets[1] and "Dienstag, 17.06.2025" in sheets[1]


def test_sign_in_sheet_of_a_programme_item(db, demo, tmp_path):
    event_id, registered, workshop = demo
    export(db, event_id, "signin", tmp_path / "w.pdf", item_ids=(workshop.id,))
    text = pdf_text(tmp_path / "w.pdf")
    assert f"Programmpunkt: {workshop.code} – {workshop.title}" in text
    with db.session(write=False) as session:
        names = [session.get(Participant, pid).last_name for pid in registered[:5]]
    assert sum(1 for n in names if n in text) >= 3  # the three with a place, not the waiting


def test_sign_in_sheet_with_empty_rows_for_people_added_on_the_day(db, event_id, tmp_path):
    with db.session() as session:
        for last in ("Abel", "Berg"):
            people.register(session, event_id, people.ParticipantInput("X", last), actor="t")
    export(db, event_id, "signin", tmp_path / "s.pdf", day_ids=(1,), blank_rows=3)
    lines = [line.split() for line in pdf_text(tmp_path / "s.pdf").splitlines()]
    numbered = [line[0] for line in lines if line and line[0].isdigit() and len(line[0]) < 3]
    assert numbered == ["1", "2", "3", "4", "5"]  # Abel, Berg, then three to fill in
    assert [line[1] for line in lines if line and line[0] in ("1", "2")] == ["Abel", "Berg"]
    assert all(len(line) == 1 for line in lines if line and line[0] in ("3", "4", "5"))


def test_signature_rows_leave_room_to_sign(db, event_id, tmp_path):
    with db.session() as session:
        for n in range(40):
            people.register(
                session, event_id, people.ParticipantInput(f"Vor{n}", f"Nach{n:02d}"), actor="t"
            )
    export(db, event_id, "signin", tmp_path / "s.pdf", day_ids=(1,))
    pages = pdf_text(tmp_path / "s.pdf").split("\f")[:-1]
    assert 2 <= len(pages) <= 4  # 40 people at 10-20 rows a page
    assert all("Unterschrift" in p and "Seite" in p for p in pages)


# --- rosters, catering, published -----------------------------------------------------------


def test_rosters_list_places_then_the_waiting_list(db, demo, tmp_path):
    event_id, registered, workshop = demo
    export(db, event_id, "rosters", tmp_path / "r.xlsx", format="xlsx", item_ids=(workshop.id,))
    ws = load_workbook(tmp_path / "r.xlsx").active
    assert ws.title.startswith(workshop.code)
    rows = [[c.value for c in row] for row in ws.iter_rows(2)]
    assert [r[6] for r in rows] == ["Platz"] * 3 + ["Warteliste 1", "Warteliste 2"]
    with db.session(write=False) as session:
        waiting = [session.get(Participant, pid).last_name for pid in registered[3:5]]
    assert [r[1] for r in rows[3:]] == waiting
    export(db, event_id, "rosters", tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    assert "3 von 3 Plätzen belegt · 2 auf der Warteliste" in text


def test_rosters_are_named_for_the_kind_and_excursions_carry_phones(db, demo, tmp_path):
    event_id, registered, workshop = demo
    with db.session() as session:
        slot = programme.get_item(session, workshop.id).slot_id
        data = programme.ItemInput(
            slot, "Hafenrundfahrt", ItemKind.EXCURSION.value, "EX", capacity=9
        )
        excursion = programme.create_item(session, data, actor="t")
        for pid in registered[20:23]:
            programme.enrol(session, excursion.id, pid, actor="t")
        session.get(Participant, registered[20]).phone = "+49 2161 555-12"
    export(db, event_id, "rosters", tmp_path / "x.pdf", item_ids=(excursion.id,))
    text = pdf_text(tmp_path / "x.pdf")
    assert f"Exkursionsliste – {excursion.code} – " in text and "Workshop-Liste" not in text
    assert "Telefon" in text and "+49 2161 555-12" in text
    export(db, event_id, "rosters", tmp_path / "x.xlsx", format="xlsx", item_ids=(excursion.id,))
    book = load_workbook(tmp_path / "x.xlsx")
    assert book.properties.title == "Exkursionsliste"
    header = [c.value for c in next(book.active.iter_rows(1, 1))]
    assert "Telefon" in header
    # a workshop's list has no phones, unless asked for; both kinds together: the general name
    export(db, event_id, "rosters", tmp_path / "w.xlsx", format="xlsx", item_ids=(workshop.id,))
    header = [c.value for c in next(load_workbook(tmp_path / "w.xlsx").active.iter_rows(1, 1))]
    assert "Telefon" not in header
    both = (workshop.id, excursion.id)
    export(db, event_id, "rosters", tmp_path / "b.xlsx", format="xlsx", item_ids=both, phone=True)
    book = load_workbook(tmp_path / "b.xlsx")
    assert book.properties.title == "Listen der Programmpunkte"
    assert all("Telefon" in [c.value for c in next(ws.iter_rows(1, 1))] for ws in book)
    export(db, event_id, "rosters", tmp_path / "e.pdf", item_ids=both, language="en")
    text = pdf_text(tmp_path / "e.pdf")
    assert "Workshop roster – W1" in text and "Excursion list – " in text


def test_catering_list_holds_only_consented_needs(db, event_id, tmp_path):
    with db.session() as session:

        def add(first, last, **kwargs):
            return people.register(
                session, event_id, people.ParticipantInput(first, last, **kwargs), actor="t"
            ).id

        add("Anna", "Vegan", needs_dietary="vegan", consents={"health_data": True})
        add("Ben", "Rolli", needs_accessibility="Rollstuhl", consents={"health_data": True})
        add("Cem", "Ohne", consents={"health_data": True})
        withdrawn = add("Dora", "Widerruf", needs_dietary="laktosefrei",
                        consents={"health_data": True})  # fmt: skip
        session.execute(
            Consent.__table__.update()
            .where(Consent.participant_id == withdrawn)
            .values(granted=False)
        )
    export(db, event_id, "catering", tmp_path / "c.csv", format="csv")
    _, *rows = csv_rows(tmp_path / "c.csv")
    assert [(r[1], r[6], r[7]) for r in rows] == [
        ("Rolli", "", "Rollstuhl"),
        ("Vegan", "vegan", ""),
    ]


def test_published_list_holds_only_who_consented_and_no_contacts(db, event_id, tmp_path):
    with db.session() as session:
        for last, listed in (("Ja", True), ("Nein", False), ("Ungefragt", None)):
            consents = {} if listed is None else {ConsentKind.LISTING.value: listed}
            people.register(
                session,
                event_id,
                people.ParticipantInput("X", last, email=f"{last}@x.example", consents=consents),
                actor="t",
            )
    export(db, event_id, "published", tmp_path / "p.pdf")
    text = pdf_text(tmp_path / "p.pdf")
    assert re.search(r"\bJa\b", text) and "Nein" not in text and "Ungefragt" not in text
    assert "@x.example" not in text
    assert "Nur Personen, die der Veröffentlichung zugestimmt haben." in text


# --- logs -----------------------------------------------------------------------------------


def test_scan_log_and_audit_log(db, demo, tmp_path):
    event_id, _, _ = demo
    with db.session() as session:
        day = session.scalars(select(EventDay).where(EventDay.event_id == event_id)).first()
        checkin.scan(session, event_id, "NICHTDA", desk="Eingang",
                     context=checkin.ScanContext(day_id=day.id))  # fmt: skip
        admitted = session.scalar(select(Scan.raw).where(Scan.verdict == "admitted"))
        checkin.scan(session, event_id, admitted, desk="Eingang",
                     context=checkin.ScanContext(day_id=day.id, allow_reentry=False,
                                                 override_reason="Jacke geholt"))  # fmt: skip
    export(db, event_id, "scans", tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx").active
    assert ws.cell(1, 11).value == "Trotzdem eingelassen, weil"
    rows = [[c.value for c in row] for row in ws.iter_rows(2)]
    assert [r[5] for r in rows] == ["eingelassen"] * 4 + ["unbekannter Code", "Wiedereintritt"]
    assert all(r[1] == "Eingang" and r[2] == datetime.combine(day.date, datetime.min.time())
               for r in rows)  # fmt: skip
    assert rows[-2][9] == "NICHTDA" and rows[-2][10] is None
    assert rows[-1][10] == "Jacke geholt"  # the override, in the log
    export(db, event_id, "audit", tmp_path / "a.csv", format="csv")
    header, *rows = csv_rows(tmp_path / "a.csv")
    assert header[:4] == ["Zeit", "Wer", "Aktion", "Aktionscode"]
    actions = {r[3]: r[2] for r in rows}  # the code, and what it says in words
    assert actions["demo.seed"] == "Demoveranstaltung angelegt"
    assert actions["enrolment.enrolled"] == "für Programmpunkt angemeldet"
    assert actions["checkin.override"] == "trotzdem eingelassen"
    assert actions["export.scans"] == "Liste exportiert: Scan-Protokoll"  # exports audited


# --- safety ---------------------------------------------------------------------------------

RISKY = {
    "first_name": '=HYPERLINK("http://evil.example","klick")',
    "organisation": "+SUM(A1:A9)",
    "position": "@cmd",
    "notes": "-2+3+cmd|' /C calc'!A0",
}


def test_formula_injection_is_neutralised_and_numbers_read_naturally(db, event_id, tmp_path):
    with db.session() as session:
        people.register(
            session,
            event_id,
            people.ParticipantInput(
                RISKY["first_name"], "Böse", organisation=RISKY["organisation"],
                position=RISKY["position"], notes=RISKY["notes"], phone="+49 30 901820",
                title="-",
            ),
            actor="t",
        )  # fmt: skip
    export(db, event_id, "participants", tmp_path / "x.csv", format="csv")
    header, row = csv_rows(tmp_path / "x.csv")
    cell = dict(zip(header, row, strict=True))
    assert cell["Vorname"] == "'" + RISKY["first_name"]
    assert cell["Organisation"] == "'" + RISKY["organisation"]
    assert cell["Funktion"] == "'@cmd"
    assert cell["Bemerkungen"] == "'" + RISKY["notes"]
    assert cell["Telefon"] == "+49 30 901820"  # no apostrophe: a phone number stays one
    assert cell["Namensschild gedruckt"] == "0"
    export(db, event_id, "participants", tmp_path / "x.xlsx")
    ws = load_workbook(tmp_path / "x.xlsx").active
    header = [c.value for c in ws[1]]
    cells = dict(zip(header, ws[2], strict=True))
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)  # no formula at all
    for column, key in (("Vorname", "first_name"), ("Organisation", "organisation")):
        assert cells[column].value == RISKY[key]  # the text itself, unchanged ...
        assert cells[column].data_type == "s" and cells[column].quotePrefix  # ... never run
    assert cells["Telefon"].value == "+49 30 901820" and not cells["Telefon"].quotePrefix
    # and it reads back in as it was
    table = read_table(tmp_path / "x.csv", is_header=is_known_header)
    assert table.rows[0].cells[header.index("Vorname")] == RISKY["first_name"]


def test_a_failed_or_cancelled_export_leaves_no_file(db, event_id, tmp_path):
    with pytest.raises(ExportFailed, match="nowhere"):
        export(db, event_id, "participants", tmp_path / "nowhere" / "x.xlsx")
    target = tmp_path / "x.pdf"
    target.write_bytes(b"the old one")
    with db.session() as session:
        for n in range(30):
            people.register(session, event_id, people.ParticipantInput("A", f"B{n}"), actor="t")
    with pytest.raises(Cancelled):
        export_list(db, event_id, ListRequest("signin"), target, actor="t",
                    cancelled=lambda: True)  # fmt: skip
    assert target.read_bytes() == b"the old one"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("regdesk.")] == ["x.pdf"]
    with pytest.raises(FormatNotOffered, match="pdf"):
        export(db, event_id, "signin", tmp_path / "x.xlsx", format="xlsx")
    with pytest.raises(UnknownList):
        export(db, event_id, "shoes", tmp_path / "x.xlsx")


# --- the round trip -------------------------------------------------------------------------


def same_people(db, event_id) -> list[tuple]:
    """Everything a person is, without what the database gives (ids, codes, times); no
    days chosen is every day."""
    with db.session(write=False) as session:
        every_day = tuple(d.date for d in get_event(session, event_id).days)
        result = []
        ids = session.scalars(select(Participant.id).where(Participant.event_id == event_id))
        for pid in ids:
            detail = people.participant_detail(session, pid)
            p = detail.participant
            days = session.scalars(
                select(EventDay.date)
                .join(ParticipantDay, ParticipantDay.day_id == EventDay.id)
                .where(ParticipantDay.participant_id == pid)
            ).all()
            result.append(
                (
                    p.salutation, p.title, p.first_name, p.last_name, p.organisation,
                    p.position, p.email, p.phone, p.category_name, p.status,
                    p.cancel_reason, p.is_vip, p.notes, p.needs_dietary,
                    p.needs_accessibility, p.needs_interpreter,
                    tuple(sorted((c.kind, c.granted) for c in p.consents)),
                    tuple(sorted(days)) or every_day,
                    tuple(sorted((e.code or e.title, e.status) for e in detail.enrolments)),
                    tuple(sorted((w.code or w.title, w.rank) for w in detail.wishes)),
                )
            )  # fmt: skip
        return sorted(result)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip_into_an_empty_event_yields_the_same_people(db, demo, tmp_path, db_url, fmt):
    event_id, registered, _ = demo
    with db.session() as session:  # a guest of one day, and notes over two lines
        people.set_days(session, registered[20], [get_event(session, event_id).days[0].id],
                         actor="t")  # fmt: skip
        session.get(Participant, registered[21]).notes = "Anreise mit dem Zug\nBitte Quittung"
    path = export(db, event_id, "participants", tmp_path / f"alle.{fmt}", format=fmt).path
    target_url = str(tmp_path / "empty.sqlite3")
    empty = open_database(target_url)
    try:
        fresh = seed_demo(empty, "moenchengladbach", participants=0, seed=3).event_id
        with empty.session() as session:  # set up as the first event
            shrink(session, fresh, "W1")
        table = read_table(path, is_header=is_known_header)
        mapping = ColumnMapping.suggested(table.headers)
        with empty.session(write=False) as session:
            report = plan_import(session, fresh, table, mapping, duplicates="add")
        assert report.errors == ()
        result = apply_import(empty, fresh, table, mapping, actor="t", duplicates="add")
        assert result.imported == 150
        assert same_people(empty, fresh) == same_people(db, event_id)
    finally:
        empty.close()


def test_english_lists_read_back_too(db, demo, tmp_path):
    event_id, _, _ = demo
    path = export(db, event_id, "participants", tmp_path / "all.xlsx", language="en").path
    table = read_table(path, is_header=is_known_header)
    mapping = ColumnMapping.suggested(table.headers)
    assert mapping.fields[:10] == (
        "salutation", "title", "first_name", "last_name", "organisation", "position", "email",
        "phone", "category", "status",
    )  # fmt: skip
    with db.session(write=False) as session:
        report = plan_import(session, event_id, table, mapping)
    assert report.errors == () and len(report.duplicates) == 150  # everybody is there already
