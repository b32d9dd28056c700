"""The days a person comes on: set when registering and editing (service and command
line), all days the same as every day, none refused, another event's day refused; the
change audited; shown in the detail; the walk-in registered and admitted at the entry
in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from regdesk.errors import ValidationError as Invalid
from regdesk.models import AuditEntry, Participant, ParticipantDay, Scan
from regdesk.services import checkin
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event
from regdesk.services.walk_in import register_and_admit

from .test_cli import regdesk


@pytest.fixture
def congress(db):
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Bundeskongress", first_day="17.09.2019", last_day="19.09.2019"),
            actor="t",
        )
        other = create_event(
            session,
            EventInput(name="Anderes", first_day="01.10.2019", last_day="01.10.2019"),
            actor="t",
        )
    return event.id, [d.id for d in event.days], other.days[0].id


def test_days_are_set_on_register_and_edit_and_audited(db, congress):
    event_id, days, _ = congress
    with db.session() as session:
        ben = people.register(
            session, event_id, people.ParticipantInput("Ben", "Schulz", day_ids=tuple(days[:2])),
            actor="t",
        )  # fmt: skip
        assert ben.day_ids == tuple(days[:2])
        every = people.register(
            session, event_id, people.ParticipantInput("Eva", "Ko", day_ids=tuple(days)),
            actor="t",
        )  # fmt: skip
        assert every.day_ids == ()  # all days is every day: no rows
    with db.session() as session:
        kept = people.update_participant(  # None: the days stay as they are
            session, ben.id, replace(ben.as_input(), organisation="Stadt Ulm", day_ids=None),
            actor="t",
        )  # fmt: skip
        assert kept.day_ids == tuple(days[:2])
        moved = people.update_participant(
            session, ben.id, replace(ben.as_input(), day_ids=(days[2],)), actor="t"
        )
        assert moved.day_ids == (days[2],)
    with db.session(write=False) as session:
        changes = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "participant.days")
        ).all()
        detail = people.participant_detail(session, ben.id)
    assert [(c.before, c.after) for c in changes] == [
        ({"day_ids": []}, {"day_ids": days[:2]}),
        ({"day_ids": days[:2]}, {"day_ids": [days[2]]}),
    ]
    assert detail.days == (date(2019, 9, 19),) and detail.event_days == 3


def test_no_day_and_another_events_day_are_refused_and_change_nothing(db, congress):
    event_id, days, foreign = congress
    for wrong, code in (((), "no_day"), ((days[0], foreign), "unknown_day")):
        with pytest.raises(Invalid) as caught, db.session() as session:
            people.register(
                session, event_id, people.ParticipantInput("Ben", "Schulz", day_ids=wrong),
                actor="t",
            )  # fmt: skip
        assert [(p.field, p.code) for p in caught.value.problems] == [("day_ids", code)]
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 0
        assert session.scalar(select(func.count()).select_from(ParticipantDay)) == 0


def test_a_walk_in_at_the_entry_is_admitted_in_the_same_transaction(db, congress):
    event_id, days, _ = congress
    context = checkin.ScanContext(day_id=days[1])
    with db.session() as session:
        person, result = register_and_admit(
            session, event_id, people.ParticipantInput("Ayşe", "Yılmaz"),
            actor="t", desk="Eingang", context=context,
        )  # fmt: skip
    assert (result.verdict, result.person.id) == ("admitted", person.id)
    with db.session(write=False) as session:
        assert checkin.day_counts(session, event_id, days[1]).admitted == 1
    # a scan that fails takes the registration with it: nothing half done
    with pytest.raises(Invalid), db.session() as session:
        register_and_admit(
            session, event_id, people.ParticipantInput("Jan", "Kowalski"),
            actor="t", desk="Eingang", context=checkin.ScanContext(day_id=999_999),
        )  # fmt: skip
    with db.session(write=False) as session:
        names = session.scalars(select(Participant.last_name)).all()
        assert names == ["Yılmaz"] and session.scalar(select(func.count(Scan.id))) == 1


def test_days_on_the_command_line(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    assert regdesk("-d", db, "init", "--name", "Kongress", "--first-day", "17.09.2019",
                   "--last-day", "19.09.2019").returncode == 0  # fmt: skip
    added = regdesk("-d", db, "participants", "add", "--first", "Ben", "--last", "Schulz",
                    "--days", "1,18.09.2019")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().endswith("on 17.09.2019, 18.09.2019")
    wrong = regdesk("-d", db, "participants", "add", "--first", "Eva", "--last", "Ko",
                    "--days", "4")  # fmt: skip
    assert wrong.returncode == 1
    assert "No day of the event is '4'; the event has: 1 = 17.09.2019" in wrong.stderr
    edited = regdesk("-d", db, "participants", "edit", "1", "--days", "3", "--org", "Ulm")
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.strip() == "Saved 1: Ben Schulz (Teilnehmer/in), on 19.09.2019"
    shown = regdesk("-d", db, "participants", "show", "1").stdout
    assert "Days:          19.09.2019" in shown and "Organisation:  Ulm" in shown
    again = regdesk("-d", db, "participants", "edit", "1", "--days", "all")
    assert again.stdout.strip().endswith(", every day")
