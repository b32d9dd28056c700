"""The report's figures against counts made independently from the scan log (plain SQL)
on a seeded event with a real morning at the door: admissions, re-entries, an undone
one, a day guest let in anyway, session doors; small groups folded; the kinds of
organisation told by their names."""

from __future__ import annotations

import contextlib
import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update

from regdesk.demo import seed_demo
from regdesk.errors import RegdeskError
from regdesk.models import Participant, Scan
from regdesk.reporting.figures import OTHERS, organisation_kind, report_figures
from regdesk.services import checkin
from regdesk.services import participants as people
from regdesk.services.programme import enrol, event_programme


def a_morning(db, seed=3):
    """Tag der Regionen (two days): 70 % come on day one, 50 % on day two, some scanned
    twice, one admission undone, a few at the session doors; scan times spread over the
    morning."""
    result = seed_demo(db, "tag-der-regionen", participants=160, seed=seed)
    rng = random.Random(seed)
    event_id = result.event_id
    with db.session() as session:
        ids = session.scalars(
            select(Participant.id).where(Participant.status == "registered").order_by(
                Participant.id)
        ).all()  # fmt: skip
        days = [d for d in checkin_days(session, event_id)]
        people.set_days(session, ids[0], [days[0]], actor="t")  # a day-one guest
        items = [i for _, group in event_programme(session, event_id) for i in group]
        workshop = next(i for i in items if i.capacity)
        for pid in ids[5:25]:
            with contextlib.suppress(RegdeskError):  # a clash: not enrolled, fine here
                enrol(session, workshop.id, pid, actor="t")
    codes = {}
    with db.session(write=False) as session:
        for p in session.execute(select(Participant.id, Participant.badge_secret)):
            codes[p.id] = p.badge_secret
    for day_no, share in ((0, 0.7), (1, 0.5)):
        context = checkin.ScanContext(day_id=days[day_no])
        for pid in ids:
            if rng.random() > share:
                continue
            with db.session() as session:
                r = checkin.scan(session, event_id, codes[pid], desk="Nord", context=context)
                minutes = rng.randint(0, 180)
                session.execute(
                    update(Scan).where(Scan.id == r.scan_id)
                    .values(at=r.at.replace(hour=6, minute=45) + timedelta(minutes=minutes))
                )  # fmt: skip
            if rng.random() < 0.1:  # back in after lunch: a re-entry, not a second arrival
                with db.session() as session:
                    checkin.scan(session, event_id, codes[pid], desk="Süd", context=context)
    with db.session() as session:  # one admission taken back
        checkin.undo_last(session, event_id, "Nord", actor="t")
    with db.session() as session:  # the day-one guest let in on day two anyway
        checkin.scan(
            session,
            event_id,
            codes[ids[0]],
            desk="Nord",
            context=checkin.ScanContext(day_id=days[1], override_reason="getauscht"),
        )
        door = checkin.ScanContext(item_id=workshop.id)
        for pid in ids[5:12] + ids[40:43]:  # most enrolled; three who are not: turned away
            checkin.scan(session, event_id, codes[pid], desk="Saal", context=door)
    return event_id, days, workshop.id


def checkin_days(session, event_id):
    from regdesk.models import EventDay

    return session.scalars(
        select(EventDay.id).where(EventDay.event_id == event_id).order_by(EventDay.date)
    ).all()


def independent(db, event_id, day_id):
    """Registered for the day, came, per category -- straight from the tables."""
    sql = text(
        """
        SELECT c.name,
               COUNT(*) AS registered,
               SUM(CASE WHEN EXISTS (
                   SELECT 1 FROM scan s WHERE s.participant_id = p.id AND s.day_id = :day
                   AND s.item_id IS NULL AND s.verdict = 'admitted' AND s.undone_at IS NULL)
                   THEN 1 ELSE 0 END) AS came
        FROM participant p JOIN category c ON c.id = p.category_id
        WHERE p.event_id = :event AND p.status = 'registered'
          AND (NOT EXISTS (SELECT 1 FROM participant_day d WHERE d.participant_id = p.id)
               OR EXISTS (SELECT 1 FROM participant_day d WHERE d.participant_id = p.id
                          AND d.day_id = :day))
        GROUP BY c.name
        """
    )
    with db.session(write=False) as session:
        return {r.name: (r.registered, r.came) for r in session.execute(
            sql, {"day": day_id, "event": event_id})}  # fmt: skip


def test_the_figures_match_counts_made_from_the_scan_log(db):
    event_id, _, workshop = a_morning(db)
    with db.session(write=False) as session:
        figures = report_figures(session, event_id)
        bins = session.execute(
            text("SELECT participant_id, day_id, MIN(at) FROM scan WHERE verdict='admitted' "
                 "AND item_id IS NULL AND undone_at IS NULL GROUP BY participant_id, day_id")
        ).all()  # fmt: skip
        door = session.execute(
            text("SELECT COUNT(DISTINCT participant_id) FROM scan WHERE item_id = :i "
                 "AND verdict = 'admitted' AND undone_at IS NULL"), {"i": workshop}
        ).scalar()  # fmt: skip
    for day in figures.days:
        expected = independent(db, event_id, day.day_id)
        got = {a.key: (a.registered, a.admitted) for a in day.by_category}
        assert got == expected
        assert day.total.registered == sum(r for r, _ in expected.values())
        assert day.total.admitted == sum(c for _, c in expected.values())
        assert day.total.no_show == day.total.registered - day.total.admitted
        assert sum(n for _, n in day.arrivals) == sum(1 for b in bins if b[1] == day.day_id)
        assert sum(k.registered for k in day.by_organisation_kind) == day.total.registered
    assert figures.days[1].admitted_unregistered == 1  # the day-one guest, let in anyway
    item = next(i for i in figures.items if i.item_id == workshop)
    assert item.present == door and item.present_enrolled <= item.enrolled


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Asia/Kolkata", "America/St_Johns"])
def test_the_arrival_bins_counted_by_the_database_are_those_of_each_first_admission(db, zone):
    """The database bins per quarter hour of UTC; in the event's zone (Berlin, and zones
    half an hour off, which also change to summer time) every first admission still
    lands in its own 15-minute bin, as if each were binned one by one."""
    from collections import Counter
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from regdesk.models import Event
    from regdesk.reporting.figures import arrivals, bin_of

    event_id, days, _ = a_morning(db)
    with db.session() as session:
        session.execute(update(Event).where(Event.id == event_id).values(timezone=zone))
    with db.session(write=False) as session:
        for day in days:
            firsts = session.execute(
                text("SELECT MIN(at) FROM scan WHERE verdict='admitted' AND item_id IS NULL"
                     " AND undone_at IS NULL AND day_id = :d GROUP BY participant_id"),
                {"d": day},
            ).scalars().all()  # fmt: skip
            moments = [
                datetime.fromisoformat(f).replace(tzinfo=UTC) if isinstance(f, str)
                else f.astimezone(UTC)
                for f in firsts
            ]  # fmt: skip
            one_by_one = Counter(bin_of(m, ZoneInfo(zone)) for m in moments)
            curve = dict(arrivals(session, event_id, day))
            assert {t: n for t, n in curve.items() if n} == dict(one_by_one)
            assert sum(curve.values()) == len(moments) > 20


def test_small_groups_are_folded_so_no_one_stands_out(db):
    event_id, _days, _ = a_morning(db)
    with db.session(write=False) as session:
        plain = report_figures(session, event_id)
        folded = report_figures(session, event_id, threshold=10)
    for a, b in zip(plain.days, folded.days, strict=True):
        assert all(r.registered >= 10 for r in b.by_category if r.key != OTHERS)
        others = [r for r in b.by_category if r.key == OTHERS]
        assert not others or others[0].registered >= 10 or len(b.by_category) == 1
        assert sum(r.registered for r in a.by_category) == sum(r.registered for r in b.by_category)
        assert sum(r.admitted for r in a.by_category) == sum(r.admitted for r in b.by_category)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Stadt Viersen", "municipality"), ("Landkreis Potsdam-Mittelmark", "municipality"),
        ("Amt Niemegk", "municipality"), ("Bundesministerium für Wohnen", "state"),
        ("Hochschule Bremerhaven", "science"), ("Netzwerk Stadtentwicklung e.V.", "civil_society"),
        ("Digitalagentur des Landes GmbH", "business"), ("Büro Müller", "other"),
        ("Klimahaus", "other"), ("", "unknown"),
    ],
)  # fmt: skip
def test_the_kind_of_organisation_is_told_by_its_name(name, kind):
    assert organisation_kind(name) == kind


def test_the_report_reads_back_as_pdf_and_xlsx_with_the_same_figures(db, tmp_path):
    from openpyxl import load_workbook

    from regdesk.models import AuditEntry
    from regdesk.reporting.service import write_report

    from .badge_helpers import page_texts

    event_id, _, _ = a_morning(db)
    pdf = write_report(db, event_id, tmp_path / "bericht.pdf", threshold=5, actor="t")
    xlsx = write_report(db, event_id, tmp_path / "report.xlsx", language="en", actor="t")
    text = " ".join(page_texts(pdf.path))
    assert "Teilnahmestatistik Tag der Regionen 2025 · 16.06.2025 – 17.06.2025" in text
    for day in pdf.figures.days:
        total = day.total
        assert f"Gesamt {total.registered} {total.admitted} {total.no_show}" in text
        assert "Ankünfte je 15 Minuten" in text
    assert "Gruppen mit weniger als 5 Personen sind unter „Weitere“ zusammengefasst" in text
    assert "Weitere (zusammengefasst)" in text
    book = load_workbook(xlsx.path)
    assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "Programme"
    first = book[book.sheetnames[1]]
    rows = [[c.value for c in r] for r in first.iter_rows(min_row=3, max_col=4)]
    totals = next(r for r in rows if r[0] == "Total")
    day = xlsx.figures.days[0]
    assert totals[1:] == [day.total.registered, day.total.admitted, day.total.no_show]
    assert len(first._charts) == 1  # the arrivals, as a chart the funding body can reuse
    programme = book["Programme"]
    present = {r[0].value: r[6].value for r in programme.iter_rows(min_row=2)}
    assert present == {f"{i.code} {i.title}".strip(): i.present for i in xlsx.figures.items}
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "export.report")) == 2


def test_the_report_on_the_command_line(tmp_path):
    from .test_cli import regdesk

    db = str(tmp_path / "r.sqlite3")
    assert regdesk("-d", db, "demo", "--scenario", "bad-belzig", "--participants", "30"
                   ).returncode == 0  # fmt: skip
    done = regdesk("-d", db, "report", "-o", str(tmp_path / "b.pdf"), "--fold", "5")
    assert done.returncode == 0, done.stderr
    assert "b.pdf (PDF," in done.stdout and "30 registered" not in done.stderr
    wrong = regdesk("-d", db, "report", "-o", str(tmp_path / "b.doc"))
    assert wrong.returncode == 1 and "pdf, xlsx" in wrong.stderr
    assert "Traceback" not in wrong.stderr and not (tmp_path / "b.doc").exists()
