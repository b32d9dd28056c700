"""Check-in: every verdict and reason, per-day entry over three days, session doors,
check-out, undo, scanner noise; desks racing (threads and processes) on SQLite and
PostgreSQL; a process killed mid-burst loses no admission it reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from regdesk.errors import NothingToUndo
from regdesk.errors import ValidationError as Invalid
from regdesk.models import Participant, Scan
from regdesk.services import badges, programme
from regdesk.services import checkin as svc
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fest(db):
    """A three-day congress: Anna (all days), Ben (days 1-2 only), Cem (cancelled),
    Dora (badge reissued); workshop W1 on day 1 with one place: Anna in, Ben waiting."""
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Bundeskongress", first_day="17.09.2019", last_day="19.09.2019"),
            actor="t",
        )
        days = [d.id for d in event.days]

        def person(first, last, **kw):
            return people.register(
                session, event.id, people.ParticipantInput(first, last, **kw), actor="t"
            ).id

        ids = {
            "anna": person("Anna", "Müller", is_vip=True),
            "ben": person("Ben", "Schulz"),
            "cem": person("Cem", "Yılmaz"),
            "dora": person("Dora", "Weiß", organisation="Stadt Ulm"),
        }
        people.set_days(session, ids["ben"], days[:2], actor="t")
        people.cancel(session, ids["cem"], "krank", actor="t")
        slot = programme.create_slot(
            session, event.id, programme.SlotInput(days[0], "10:00", "11:30"), actor="t"
        )
        w1 = programme.create_item(
            session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1", capacity=1), actor="t"
        ).id
        programme.enrol(session, w1, ids["anna"], actor="t")
        programme.enrol(session, w1, ids["ben"], actor="t")
        codes = {
            k: (p.badge_secret, p.short_code)
            for k, p in ((k, session.get(Participant, v)) for k, v in ids.items())
        }
        old_dora = codes["dora"]
        badges.reissue(session, ids["dora"], "verloren", actor="t")
        codes["dora"] = (session.get(Participant, ids["dora"]).badge_secret,) * 2
    return {
        "event": event.id,
        "days": days,
        "ids": ids,
        "codes": codes,
        "old_dora": old_dora,
        "w1": w1,
    }


def scan(db, fest, code, *, desk="Eingang 1", day=0, **context):
    ctx = svc.ScanContext(day_id=None if "item_id" in context else fest["days"][day], **context)
    with db.session() as session:
        return svc.scan(session, fest["event"], code, desk=desk, context=ctx)


def test_scanner_noise_is_ignored():
    assert svc.normalise(" kq7mb2\t") == "KQ7MB2"
    assert svc.normalise("KQ7 MB2\r\n") == "KQ7MB2"
    assert svc.normalise("kq7-mb2ß") == "KQ7MB2"  # a US-layout scanner: - becomes ß
    assert svc.normalise("AYZB") == "AZYB"  # Y and Z come back swapped
    assert svc.verdict_class("admitted") == "ok"
    assert svc.verdict_class("already_used") == "warn"
    assert svc.verdict_class("unknown") == "stop"


def test_entry_per_day_and_re_entry(db, fest):
    secret = fest["codes"]["anna"][0]
    first = scan(db, fest, secret.lower() + "\t")  # Caps Lock, and a scanner's Tab
    assert (first.verdict, first.reason) == ("admitted", "first_entry")
    assert first.person.name == "Anna Müller" and first.person.is_vip
    again = scan(db, fest, secret + "\r\n", desk="Eingang 2")
    assert (again.verdict, again.reason) == ("re_entry", "re_entry")
    assert again.previous_desk == "Eingang 1" and again.previous_at == first.at
    # the next day is a new entry
    assert scan(db, fest, secret, day=1).verdict == "admitted"
    # where re-entry is not allowed, a second scan is an alarm with when and where
    used = scan(db, fest, secret, day=1, desk="VIP", allow_reentry=False)
    assert (used.verdict, used.previous_desk) == ("already_used", "Eingang 1")
    # the short code typed by hand works too
    assert scan(db, fest, fest["codes"]["anna"][1].lower(), day=2).verdict == "admitted"


def test_registered_days_cancelled_replaced_unknown(db, fest):
    ben = fest["codes"]["ben"][0]
    assert scan(db, fest, ben, day=1).verdict == "admitted"
    wrong = scan(db, fest, ben, day=2)
    assert (wrong.verdict, wrong.reason) == ("wrong_day", "not_registered_this_day")
    assert scan(db, fest, fest["codes"]["cem"][0]).verdict == "cancelled"
    for old in fest["old_dora"]:  # the lost badge's secret and its short code
        replaced = scan(db, fest, old)
        assert replaced.verdict == "replaced" and replaced.person.last_name == "Weiß"
    new = scan(db, fest, fest["codes"]["dora"][0])
    assert new.verdict == "admitted" and new.person.reissued  # "badge reissued" note
    for junk in ("", "\r\n", "HELLO-WORLD", "ABCDEFGHJKMNPQRSTUVW"):
        result = scan(db, fest, junk)
        assert (result.verdict, result.person) == ("unknown", None)
    with db.session(write=False) as session:  # every scan was logged, failures too
        verdicts = [v for (v,) in session.execute(select(Scan.verdict).order_by(Scan.id))]
        raws = [r for (r,) in session.execute(select(Scan.raw).order_by(Scan.id))]
    assert len(verdicts) == 10 and verdicts.count("unknown") == 4
    assert "HELLO-WORLD" in raws


def test_session_door_and_check_out(db, fest):
    anna, ben = fest["codes"]["anna"][0], fest["codes"]["ben"][0]
    door = {"item_id": fest["w1"]}
    assert scan(db, fest, anna, **door).verdict == "admitted"
    assert scan(db, fest, anna, **door).verdict == "re_entry"
    waiting = scan(db, fest, ben, **door)
    assert (waiting.verdict, waiting.reason) == ("not_enrolled", "waitlisted")
    # entry and exit at the main door; the counters follow
    assert scan(db, fest, anna).verdict == "admitted"  # the session door is not the entry
    assert scan(db, fest, ben).verdict == "admitted"
    with db.session(write=False) as session:
        counts = svc.day_counts(session, fest["event"], fest["days"][0])
    assert (counts.admitted, counts.inside, counts.expected) == (2, 2, 3)
    out = scan(db, fest, ben, direction="out")
    assert (out.verdict, out.reason) == ("checked_out", "checked_out")
    assert scan(db, fest, ben, direction="out").reason == "not_inside"
    with db.session(write=False) as session:
        counts = svc.day_counts(session, fest["event"], fest["days"][0])
        assert (counts.admitted, counts.inside) == (2, 1)
        on_day_3 = svc.day_counts(session, fest["event"], fest["days"][2])
    assert on_day_3.expected == 2  # Ben comes on days 1 and 2 only; Cem cancelled
    assert scan(db, fest, ben).verdict == "re_entry"  # back in
    with db.session(write=False) as session:
        assert svc.day_counts(session, fest["event"], fest["days"][0]).inside == 2


def test_undo_the_last_admission_of_a_desk(db, fest):
    anna, ben = fest["codes"]["anna"][0], fest["codes"]["ben"][0]
    scan(db, fest, anna, desk="Eingang 1")
    scan(db, fest, ben, desk="Eingang 2")
    with db.session() as session:
        undone = svc.undo_last(session, fest["event"], "Eingang 1", actor="Eingang 1")
    assert undone.person.last_name == "Müller"
    assert scan(db, fest, anna).verdict == "admitted"  # scanned again: admitted afresh
    with db.session() as session:
        svc.undo_last(session, fest["event"], "Eingang 1", actor="Eingang 1")
        with pytest.raises(NothingToUndo):
            svc.undo_last(session, fest["event"], "Eingang 1", actor="Eingang 1")
    with db.session(write=False) as session:
        assert svc.day_counts(session, fest["event"], fest["days"][0]).admitted == 1


def test_context_must_belong_to_the_event(db, fest):
    with pytest.raises(Invalid), db.session() as session:
        svc.scan(session, fest["event"], "X", desk="d", context=svc.ScanContext(day_id=999_999))
    with pytest.raises(Invalid), db.session() as session:
        svc.scan(session, fest["event"], "X", desk="d", context=svc.ScanContext())


def admissions(db, participant_id) -> int:
    with db.session(write=False) as session:
        return session.scalar(
            select(func.count())
            .select_from(Scan)
            .where(Scan.participant_id == participant_id, Scan.verdict == "admitted")
        )


def test_desks_racing_admit_a_badge_exactly_once_threads(db, fest):
    secret = fest["codes"]["anna"][0]
    barrier = threading.Barrier(8)
    verdicts, errors = [], []

    def desk(n):
        barrier.wait()
        try:
            verdicts.append(scan(db, fest, secret, desk=f"Desk {n}").verdict)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert sorted(verdicts) == ["admitted"] + ["re_entry"] * 7
    assert admissions(db, fest["ids"]["anna"]) == 1


def test_desks_racing_admit_a_badge_exactly_once_processes(db, db_url, fest):
    codes = [fest["codes"][k][0] for k in ("anna", "ben", "dora")]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.core.scan_worker",
                db_url,
                str(fest["event"]),
                str(fest["days"][0]),
                f"Desk {n}",
                *codes,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(6)
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    lines = [line.split() for out, _ in outputs for line in out.splitlines()]
    for code in codes:
        assert sorted(v for c, v in lines if c == code) == ["admitted"] + ["re_entry"] * 5
    for key in ("anna", "ben", "dora"):
        assert admissions(db, fest["ids"][key]) == 1


def test_a_killed_process_loses_no_admission_it_reported(db, db_url, event_id):
    with db.session() as session:
        day = session.execute(text("SELECT min(id) FROM event_day")).scalar()
        for i in range(400):
            people.register(
                session, event_id, people.ParticipantInput(f"Gast{i}", f"Nr{i}"), actor="t"
            )
        codes = list(session.scalars(select(Participant.badge_secret).order_by(Participant.id)))
    worker = [sys.executable, "-m", "tests.core.scan_worker", db_url, str(event_id), str(day)]
    proc = subprocess.Popen([*worker, "Tür", *codes], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    reported = []
    deadline = time.monotonic() + 60
    while len(reported) < 40 and time.monotonic() < deadline:
        reported.append(proc.stdout.readline().split())
    os.kill(proc.pid, signal.SIGKILL)  # in the middle of the burst
    proc.wait()
    reported += [line.split() for line in proc.stdout.read().splitlines() if line.strip()]
    admitted = {code for code, verdict in reported if verdict == "admitted"}
    assert 40 <= len(admitted) < len(codes)
    with db.session(write=False) as session:
        stored = set(
            session.scalars(
                select(Participant.badge_secret)
                .join(Scan, Scan.participant_id == Participant.id)
                .where(Scan.verdict == "admitted")
            )
        )
        assert admitted <= stored
        assert len(stored) - len(admitted) <= 1  # at most the one committed as it was killed
        if db.engine.dialect.name == "sqlite":
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_door_pin_is_stored_as_an_argon2_hash(db, fest):
    from regdesk.models import Event
    from regdesk.services import door

    event_id = fest["event"]
    with db.session(write=False) as session:
        assert not door.has_pin(session, event_id)
        assert not door.check_pin(session, event_id, "")
    for bad in ("", "123", "4711", "12345", "12ab56", "1234567890123"):
        with pytest.raises(Invalid) as info, db.session() as session:
            door.set_pin(session, event_id, bad, actor="t")
        assert info.value.problems[0].code == "invalid_pin"
    with db.session() as session:
        door.set_pin(session, event_id, "471108", actor="orga")
    with db.session(write=False) as session:
        stored = session.get(Event, event_id).door_pin_hash
        assert stored.startswith("$argon2") and "471108" not in stored
        assert door.check_pin(session, event_id, "471108")
        assert not door.check_pin(session, event_id, "471109")
    with pytest.raises(Invalid) as info, db.session() as session:  # changing needs the old one
        door.set_pin(session, event_id, "081500", actor="t", current="111111")
    assert info.value.problems[0].code == "wrong_pin"
    with db.session() as session:
        door.set_pin(session, event_id, "081500", actor="t", current="471108")
        assert door.check_pin(session, event_id, "081500")
