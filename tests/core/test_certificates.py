"""Attendance certificates: the days with the first admission and the check-out, the
programme attended by its door's scan (or by the place held where the door did not
scan), the hours, German and English, one page each, read back from the PDF; nobody who
never came gets one; on the command line."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from regdesk.errors import NotAdmitted
from regdesk.models import Participant, Scan
from regdesk.reporting.certificates import certificates
from regdesk.reporting.service import write_certificate_file
from regdesk.services import checkin, programme
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event

from .badge_helpers import page_count, page_texts


@pytest.fixture
def congress(db):
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Bundeskongress Stadtentwicklung", first_day="17.09.2019",
                       last_day="18.09.2019", venue_name="Wagenhallen",
                       organiser="Bundesministerium des Innern"),
            actor="t",
        )  # fmt: skip
        d1, d2 = (d.id for d in event.days)
        slot1 = programme.create_slot(
            session, event.id, programme.SlotInput(d1, "10:00", "11:30"), actor="t"
        )
        slot2 = programme.create_slot(
            session, event.id, programme.SlotInput(d2, "14:00", "17:00"), actor="t"
        )
        w1 = programme.create_item(
            session, programme.ItemInput(slot1.id, "Bodenpolitik", code="W1", capacity=30),
            actor="t",
        ).id  # fmt: skip
        e1 = programme.create_item(
            session, programme.ItemInput(slot2.id, "Quartiersrundgang", code="E1", capacity=20),
            actor="t",
        ).id  # fmt: skip
        ids = {
            name: people.register(
                session, event.id,
                people.ParticipantInput(name, last, title=title, organisation="Stadt Ulm"),
                actor="t",
            ).id
            for name, last, title in (("Łukasz", "Żółć", "Dr."), ("Ben", "Kurz", ""),
                                      ("Ayşe", "Çelik", ""))
        }  # fmt: skip
        for pid in (ids["Łukasz"], ids["Ayşe"]):
            programme.enrol(session, w1, pid, actor="t")
            programme.enrol(session, e1, pid, actor="t")
        codes = {k: session.get(Participant, v).badge_secret for k, v in ids.items()}
    return event.id, (d1, d2), (w1, e1), ids, codes


def scan_at(db, event_id, code, context, when):
    with db.session() as session:
        r = checkin.scan(session, event_id, code, desk="Nord", context=context)
        session.execute(update(Scan).where(Scan.id == r.scan_id).values(at=when))
    return r


def test_a_certificate_says_what_the_scan_log_says(db, congress, tmp_path):
    event_id, (d1, d2), (w1, _e1), ids, codes = congress
    utc = lambda *a: datetime(2019, 9, *a, tzinfo=UTC)  # noqa: E731 -- CEST is UTC+2
    scan_at(db, event_id, codes["Łukasz"], checkin.ScanContext(d1), utc(17, 7, 5))
    scan_at(db, event_id, codes["Łukasz"], checkin.ScanContext(item_id=w1), utc(17, 7, 58))
    scan_at(db, event_id, codes["Łukasz"], checkin.ScanContext(d1, direction="out"),
            utc(17, 14, 30))  # fmt: skip
    scan_at(db, event_id, codes["Łukasz"], checkin.ScanContext(d2), utc(18, 11, 40))
    scan_at(db, event_id, codes["Ayşe"], checkin.ScanContext(d1), utc(17, 8, 0))  # not W1's door
    with db.session(write=False) as session:
        (lukasz,) = certificates(session, event_id, [ids["Łukasz"]])
        ayse = certificates(session, event_id, [ids["Ayşe"]])[0]
        with pytest.raises(NotAdmitted) as never:
            certificates(session, event_id, [ids["Ben"]])
    assert "Ben Kurz was never admitted" in never.value.message()
    assert [(d.day.day, f"{d.first_in:%H:%M}", d.last_out) for d in lukasz.days][1][:2] == (
        18, "13:40")  # fmt: skip
    assert f"{lukasz.days[0].first_in:%H:%M}" == "09:05"
    assert f"{lukasz.days[0].last_out:%H:%M}" == "16:30"
    # W1's door scanned: only the scan counts; E1's door did not: the place held counts
    assert [(i.code, i.by_scan) for i in lukasz.items] == [("W1", True), ("E1", False)]
    assert lukasz.hours == 4.5
    assert [i.code for i in ayse.items] == []  # not at W1's door, not there on day two
    result = write_certificate_file(db, event_id, tmp_path / "b.pdf", actor="t",
                                    signer="Dr. A. Roth, Referatsleitung")  # fmt: skip
    assert result.pages == 2 and page_count(result.path) == 2
    text = page_texts(result.path)[1]  # by name: Çelik, then Żółć
    assert "Teilnahmebescheinigung Hiermit wird bestätigt, dass Dr. Łukasz Żółć" in text
    assert "an der Veranstaltung Bundeskongress Stadtentwicklung" in text
    assert "17.09.2019 ab 09:05 Uhr bis 16:30 Uhr" in text and "18.09.2019 ab 13:40 Uhr" in text
    assert "W1 Bodenpolitik" in text and "E1 Quartiersrundgang" in text
    assert "Programmstunden insgesamt: 4,5" in text
    assert "Dr. A. Roth, Referatsleitung" in text
    english = write_certificate_file(db, event_id, tmp_path / "e.pdf", language="en",
                                     participant_ids=[ids["Łukasz"]], actor="t")  # fmt: skip
    (text,) = page_texts(english.path)
    assert "Certificate of attendance This is to certify that Dr. Łukasz Żółć" in text
    assert "17.09.2019 from 09:05 until 16:30" in text
    assert "Hours of programme in total: 4.5" in text


def test_certificates_on_the_command_line(db_url, tmp_path, congress):
    from .test_cli import regdesk

    event_id, (d1, _), _, _ids, codes = congress
    nobody = regdesk("-d", db_url, "certificates", "-o", str(tmp_path / "x.pdf"))
    assert nobody.returncode == 1 and "Nobody has been admitted yet" in nobody.stderr
    with open_db(db_url) as db:
        scan_at(db, event_id, codes["Ben"], checkin.ScanContext(d1), datetime.now(UTC))
    done = regdesk("-d", db_url, "certificates", "-o", str(tmp_path / "c.pdf"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("1 certificate(s)")
    assert "Ben Kurz" in page_texts(tmp_path / "c.pdf")[0]


def open_db(url):
    import contextlib

    from regdesk.db import open_database

    @contextlib.contextmanager
    def opened():
        db = open_database(url)
        try:
            yield db
        finally:
            db.close()

    return opened()


def test_a_long_organiser_is_wrapped_within_the_page(db, congress, tmp_path):
    """A ministry with its partners (the demo's Bad Belzig organiser is 130 letters) goes
    on two lines inside the margins, not cut and not off the page."""
    import pypdfium2

    from regdesk.models import Event

    event_id, (d1, _d2), _items, _ids, codes = congress
    organiser = ("Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB); "
                 "Koordinierungs- und Transferstelle, DLR Projektträger")  # fmt: skip
    with db.session() as session:
        session.get(Event, event_id).organiser = organiser
    scan_at(db, event_id, codes["Ayşe"], checkin.ScanContext(d1), datetime(2019, 9, 17, 8,
            tzinfo=UTC))  # fmt: skip
    result = write_certificate_file(db, event_id, tmp_path / "c.pdf", actor="t")
    (text,) = page_texts(result.path)
    assert organiser in " ".join(text.split())
    page = pypdfium2.PdfDocument(str(result.path))[0]
    width = page.get_width()
    texts = page.get_textpage()
    for i in range(texts.count_rects()):
        left, _bottom, right, _top = texts.get_rect(i)
        assert left >= 0 and right <= width - 20 * 72 / 25.4, texts.get_rect(i)  # 2 cm margin
