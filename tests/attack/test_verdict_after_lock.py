"""A scan that waits for the office: the badge reissued or the registration cancelled
while the scan waits for the person's lock is never admitted (issue 18, item 8).

The office's change is held open, the scan started behind it, then the office commits:
the scan must decide on the row as it is after the wait."""

from __future__ import annotations

import threading
import time

import pytest

from regdesk.models import Participant
from regdesk.services import badges
from regdesk.services import checkin as svc
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event


@pytest.fixture
def guest(db):
    with db.session() as session:
        event = create_event(
            session, EventInput(name="Fachtag", first_day="17.09.2019", last_day="17.09.2019"),
            actor="t",
        )  # fmt: skip
        pid = people.register(
            session, event.id, people.ParticipantInput("Anna", "Schmidt"), actor="t"
        ).id
        secret = session.get(Participant, pid).badge_secret
        return event.id, event.days[0].id, pid, secret


def scan_behind(db, office, event_id, day_id, code) -> svc.ScanResult:
    """Run ``office(session)`` in an open transaction, scan ``code`` meanwhile from
    another thread, commit the office's change, and return the scan's verdict."""
    results: list = []

    def door() -> None:
        with db.session() as session:
            context = svc.ScanContext(day_id=day_id)
            results.append(svc.scan(session, event_id, code, desk="Tür 1", context=context))

    with db.session() as session:
        office(session)
        session.flush()
        thread = threading.Thread(target=door)
        thread.start()
        time.sleep(0.4)
        assert thread.is_alive(), "the scan did not wait for the office's transaction"
    thread.join(20)
    assert not thread.is_alive()
    return results[0]


def test_a_badge_reissued_while_the_scan_waits_is_replaced(db, guest):
    event_id, day_id, pid, old = guest
    result = scan_behind(
        db, lambda s: badges.reissue(s, pid, "verloren", actor="Büro"), event_id, day_id, old
    )
    assert result.verdict == svc.Verdict.REPLACED.value
    assert result.colour != "ok"


def test_a_registration_cancelled_while_the_scan_waits_is_cancelled(db, guest):
    event_id, day_id, pid, secret = guest
    result = scan_behind(
        db, lambda s: people.cancel(s, pid, "abgesagt", actor="Büro"), event_id, day_id, secret
    )
    assert result.verdict == svc.Verdict.CANCELLED.value


def test_the_new_badge_is_admitted_after_the_wait(db, guest):
    event_id, day_id, pid, _old = guest
    new: list[str] = []

    def reissue(session) -> None:
        badges.reissue(session, pid, "verloren", actor="Büro")
        new.append(session.get(Participant, pid).badge_secret)

    with db.session() as session:
        reissue(session)
    with db.session() as session:
        result = svc.scan(session, event_id, new[0], desk="Tür 1",
                          context=svc.ScanContext(day_id=day_id))  # fmt: skip
    assert result.verdict == svc.Verdict.ADMITTED.value
