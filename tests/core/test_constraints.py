"""Rules the data must keep live in the database too, not only in Python."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from regdesk.badge_codes import new_secret
from regdesk.models import (
    Category,
    Enrolment,
    Event,
    Participant,
    ProgrammeItem,
    ProgrammeSlot,
)
from regdesk.services import events as event_service


def make_participant(session, event_id, **overrides):
    category = session.query(Category).filter_by(event_id=event_id).first()
    values = dict(
        event_id=event_id,
        first_name="Anna",
        last_name="Müller",
        category_id=category.id,
        badge_secret=new_secret(),
        short_code="ABCDEF",
    )
    values.update(overrides)
    participant = Participant(**values)
    session.add(participant)
    session.flush()
    return participant


def rejected(db, action):
    with pytest.raises(IntegrityError), db.session() as session:
        action(session)


def test_badge_secret_is_unique(db, event_id):
    with db.session() as session:
        secret = make_participant(session, event_id).badge_secret
    rejected(db, lambda s: make_participant(s, event_id, badge_secret=secret, short_code="XXXXXX"))


def test_short_code_is_unique_within_an_event(db, event_id):
    with db.session() as session:
        make_participant(session, event_id, short_code="KQ7MB2")
    rejected(db, lambda s: make_participant(s, event_id, short_code="KQ7MB2"))


def test_participant_needs_an_existing_category(db, event_id):
    rejected(db, lambda s: make_participant(s, event_id, category_id=999_999))


def test_category_in_use_cannot_be_deleted_at_database_level(db, event_id):
    with db.session() as session:
        category_id = make_participant(session, event_id).category_id
    rejected(
        db, lambda s: s.execute(text("DELETE FROM category WHERE id = :i"), {"i": category_id})
    )


@pytest.mark.parametrize(
    "field,value",
    [
        ("status", "deleted"),
        ("salutation", "divers"),
        ("badge_print_count", -1),
        ("first_name", "  "),
        ("badge_secret", "SHORT"),
    ],
)
def test_participant_checks(db, event_id, field, value):
    rejected(db, lambda s: make_participant(s, event_id, **{field: value}))


def test_event_day_order_and_name_checks(db):
    rejected(
        db,
        lambda s: (
            s.add(Event(name="X", first_day=date(2025, 6, 2), last_day=date(2025, 6, 1))),
            s.flush(),
        ),
    )
    rejected(
        db,
        lambda s: (
            s.add(Event(name=" ", first_day=date(2025, 6, 1), last_day=date(2025, 6, 1))),
            s.flush(),
        ),
    )


def test_category_colour_check(db, event_id):
    rejected(
        db,
        lambda s: (
            s.add(Category(event_id=event_id, name="Neu", badge_label="Neu", colour="red")),
            s.flush(),
        ),
    )


def programme(session, event_id, capacity=10):
    event = event_service.get_event(session, event_id)
    slot = ProgrammeSlot(
        event_id=event_id, day_id=event.days[0].id, starts_at=time(10), ends_at=time(11)
    )
    session.add(slot)
    session.flush()
    item = ProgrammeItem(slot_id=slot.id, title="Workshop", capacity=capacity)
    session.add(item)
    session.flush()
    return slot, item


def test_capacity_is_never_negative(db, event_id):
    rejected(db, lambda s: programme(s, event_id, capacity=-1))


def test_slot_ends_after_it_starts(db, event_id):
    def bad(session):
        event = event_service.get_event(session, event_id)
        session.add(
            ProgrammeSlot(
                event_id=event_id, day_id=event.days[0].id, starts_at=time(11), ends_at=time(10)
            )
        )
        session.flush()

    rejected(db, bad)


def test_enrolment_unique_and_waitlist_position_consistent(db, event_id):
    with db.session() as session:
        _, item = programme(session, event_id)
        pid = make_participant(session, event_id).id
        session.add(Enrolment(item_id=item.id, participant_id=pid))
        item_id = item.id
    rejected(db, lambda s: (s.add(Enrolment(item_id=item_id, participant_id=pid)), s.flush()))
    rejected(
        db,
        lambda s: (
            s.add(Enrolment(item_id=item_id, participant_id=pid, status="waitlisted")),
            s.flush(),
        ),
    )


def test_timestamps_read_back_timezone_aware(db, event_id):
    with db.session(write=False) as session:
        event = session.get(Event, event_id)
        assert event.created_at.tzinfo is not None
        assert event.created_at.utcoffset().total_seconds() == 0
