"""A desk that keeps admitting when the server goes away: uploads recorded once per nonce,
conflicts kept and listed, the replica and outbox of a desk against a real PostgreSQL
server that is halted (pg_ctl stop -m immediate) and started again."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from regdesk.db import open_database
from regdesk.desks.door import DoorDesk
from regdesk.desks.replica import REFUSED, SENT
from regdesk.errors import DeskNotReady, NotFound
from regdesk.models import AuditEntry, Participant, Scan, utcnow
from regdesk.services import checkin as svc
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event
from regdesk.services.offline_scans import Outcome, UploadedScan, conflicts, record_uploaded


def make_event(db, n=5):
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Regionalforum", first_day="26.08.2025", last_day="26.08.2025"),
            actor="t",
        )
        ids = [
            people.register(
                session, event.id, people.ParticipantInput(f"Gast{i}", f"Nr{i}"), actor="t"
            ).id
            for i in range(n)
        ]
        codes = [session.get(Participant, i).badge_secret for i in ids]
    return event.id, event.days[0].id, ids, codes


def upload(pid, day, at, *, nonce, desk="Eingang Süd", verdict="admitted"):
    return UploadedScan(nonce, at, desk, "X", verdict, "in", pid, day, None)


def test_an_upload_is_recorded_once_and_a_double_admission_is_a_conflict(db):
    event_id, day, ids, _codes = make_event(db)
    t0 = utcnow() - timedelta(minutes=30)
    with db.session() as session:  # desk A online at t0+10
        online = svc.scan(
            session, event_id, _codes[0], desk="Eingang Nord", context=svc.ScanContext(day)
        )
        session.execute(
            Scan.__table__.update()
            .where(Scan.id == online.scan_id)
            .values(at=t0 + timedelta(minutes=10))
        )
    with db.session() as session:  # desk B offline admitted the same badge later, at t0+20
        assert (
            record_uploaded(
                session, event_id, upload(ids[0], day, t0 + timedelta(minutes=20), nonce="n1")
            )
            == Outcome.CONFLICT
        )
    with db.session() as session:  # sent again (the answer was lost): nothing new
        assert (
            record_uploaded(
                session, event_id, upload(ids[0], day, t0 + timedelta(minutes=20), nonce="n1")
            )
            == Outcome.DUPLICATE
        )
    with db.session() as session:  # another person, offline only: a plain admission
        assert (
            record_uploaded(session, event_id, upload(ids[1], day, t0, nonce="n2"))
            == Outcome.RECORDED
        )
    with db.session() as session:  # desk C offline admitted person 0 *before* A did
        assert (
            record_uploaded(
                session, event_id, upload(ids[0], day, t0, nonce="n3", desk="Eingang Ost")
            )
            == Outcome.CONFLICT
        )
    with db.session(write=False) as session:
        rows = session.execute(
            select(Scan.desk, Scan.conflict_of.is_not(None), Scan.offline)
            .where(Scan.participant_id == ids[0])
            .order_by(Scan.at)
        ).all()
        found = conflicts(session, event_id)
        counts = svc.day_counts(session, event_id, day)
    # the first by time stands; both later ones are conflicts
    assert rows == [("Eingang Ost", False, True), ("Eingang Nord", True, False),
                    ("Eingang Süd", True, True)]  # fmt: skip
    assert {(c.first_desk, c.second_desk) for c in found} == {
        ("Eingang Ost", "Eingang Nord"),
        ("Eingang Ost", "Eingang Süd"),
    }
    assert all(c.name == "Gast0 Nr0" for c in found)
    assert counts.admitted == 2  # two people in, however often admitted


def test_an_upload_for_another_events_person_is_refused(db):
    event_id, day, _ids, _ = make_event(db)
    _other, _, other_ids, _ = make_event(db)
    with pytest.raises(NotFound), db.session() as session:
        record_uploaded(session, event_id, upload(other_ids[0], day, utcnow(), nonce="x"))
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Scan)) == 0


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.postgres
def test_a_desk_admits_offline_and_uploads_when_the_server_is_back(haltable_pg, tmp_path):
    server, url = haltable_pg
    db = open_database(url)
    event_id, day, ids, codes = make_event(db, 6)
    ctx = svc.ScanContext(day_id=day, allow_reentry=False)
    desk = DoorDesk(db, event_id, "Eingang Nord", replica=tmp_path / "nord.sqlite3")
    other = DoorDesk(db, event_id, "Eingang Süd", replica=tmp_path / "sued.sqlite3")
    try:
        desk.start(fill=True)
        other.start(fill=True)
        assert desk.scan(codes[0], ctx).verdict == "admitted"
        assert wait_for(lambda: not desk._remember.qsize())  # copied into the replica
        server.halt()
        t = time.monotonic()
        first = desk.scan(codes[1], ctx)  # the server is gone: decided offline
        assert time.monotonic() - t < 3
        assert first.offline and first.verdict == "admitted" and not desk.online
        assert desk.scan(codes[0], ctx).verdict == "already_used"  # admitted online before
        assert desk.scan(codes[1], ctx).verdict == "already_used"  # admitted offline here
        assert desk.scan("NOSUCHCODE", ctx).verdict == "unknown"
        assert other.scan(codes[1], ctx).verdict == "admitted"  # apart: a double admission
        anyway = desk.scan(codes[0], svc.ScanContext(day, allow_reentry=False,
                                                     override_reason="Jacke geholt"))  # fmt: skip
        assert (anyway.verdict, anyway.reason, anyway.offline) == ("re_entry", "override", True)
        assert desk.state().pending == 5 and not desk.state().online
        server.start()
        assert wait_for(lambda: desk.online and other.online, 30)
        assert [r.state for r in desk.outbox()] == [SENT] * 5
    finally:
        desk.close()
        other.close()
    with db.session(write=False) as session:
        scans = session.execute(
            select(Scan.desk, Scan.verdict, Scan.offline, Scan.participant_id).order_by(Scan.at)
        ).all()
        found = conflicts(session, event_id)
        assert session.scalar(select(func.count(func.distinct(Scan.nonce)))) == len(scans)
        overruled = session.execute(
            select(Scan.verdict, Scan.override_reason).where(Scan.override_reason != "")
        ).all()
        audited = session.scalar(
            select(AuditEntry.after).where(AuditEntry.action == "checkin.override")
        )
    db.close()
    assert [tuple(r) for r in overruled] == [("re_entry", "Jacke geholt")]  # uploaded, audited
    assert audited["reason"] == "Jacke geholt"
    assert len(scans) == 7
    assert [(c.first_desk, c.second_desk, c.participant_id) for c in found] == [
        ("Eingang Nord", "Eingang Süd", ids[1])
    ]


@pytest.mark.postgres
def test_a_desk_without_a_copy_says_so_and_never_gives_a_verdict(haltable_pg, tmp_path):
    server, url = haltable_pg
    db = open_database(url)
    event_id, day, _ids, codes = make_event(db, 1)
    desk = DoorDesk(db, event_id, "Tür", replica=tmp_path / "r.sqlite3")
    try:
        server.halt()
        with pytest.raises(DeskNotReady):
            desk.scan(codes[0], svc.ScanContext(day_id=day))
        assert desk.outbox() == []
    finally:
        desk.close()
        server.start()
        db.close()


@pytest.mark.postgres
def test_a_refused_upload_stays_in_the_outbox_with_the_reason(haltable_pg, tmp_path):
    server, url = haltable_pg
    db = open_database(url)
    event_id, day, _ids, codes = make_event(db, 2)
    desk = DoorDesk(db, event_id, "Tür", replica=tmp_path / "r.sqlite3")
    try:
        desk.start(fill=True)
        server.halt()
        assert desk.scan(codes[1], svc.ScanContext(day_id=day)).offline
        server.start()
        with db.session() as session:  # meanwhile the office removed that person's day
            session.execute(Scan.__table__.delete())
            from regdesk.models import EventDay

            session.execute(EventDay.__table__.delete().where(EventDay.id == day))
        assert wait_for(lambda: desk.online, 30)
        (row,) = desk.outbox()
        assert row.state == REFUSED and "EventDay" in row.reason
        assert desk.state().refused == 1 and desk.state().pending == 0
    finally:
        desk.close()
        db.close()


def _server_processes(server) -> list[int]:
    import psutil

    pid = int((server.server.data / "postmaster.pid").read_text().split("\n", 1)[0])
    main = psutil.Process(pid)
    return [pid, *(child.pid for child in main.children(recursive=True))]


@pytest.mark.postgres
def test_a_frozen_server_costs_a_guest_at_most_the_timeout(haltable_pg, tmp_path):
    """The server's processes stopped (SIGSTOP): connections stay open, nothing answers --
    as an overloaded or frozen host. The desk decides offline after its timeout, and when
    the server thaws the scan is recorded once, whichever of the two attempts arrives."""
    import os
    import signal

    server, url = haltable_pg
    db = open_database(url)
    event_id, day, ids, codes = make_event(db, 3)
    ctx = svc.ScanContext(day_id=day)
    desk = DoorDesk(db, event_id, "Tür", replica=tmp_path / "r.sqlite3", timeout_s=1.5)
    frozen = _server_processes(server)
    try:
        desk.start(fill=True)
        assert desk.scan(codes[0], ctx).verdict == "admitted"  # the connection is pooled
        for pid in frozen:
            os.kill(pid, signal.SIGSTOP)
        t = time.monotonic()
        result = desk.scan(codes[1], ctx)
        waited = time.monotonic() - t
        assert result.offline and result.verdict == "admitted"
        assert 1.4 <= waited < 3.0
        t = time.monotonic()
        assert desk.scan(codes[2], ctx).offline  # already offline: no waiting at all
        assert time.monotonic() - t < 0.5
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    try:
        assert wait_for(lambda: desk.online and desk.state().pending == 0, 30)
    finally:
        desk.close()
    with db.session(write=False) as session:
        rows = session.execute(select(Scan.nonce, Scan.participant_id)).all()
    db.close()
    assert len(rows) == 3 and len({n for n, _ in rows}) == 3
    assert sorted(p for _, p in rows) == sorted(ids)
