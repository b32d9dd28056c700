"""Demo events from the five scenarios."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from regdesk.demo import SCENARIOS, seed_demo
from regdesk.demo.seed import Cancelled
from regdesk.models import Consent, Event, Participant, ProgrammeItem
from regdesk.services.events import get_event
from regdesk.services.overview import event_counts


@pytest.mark.parametrize("key", sorted(SCENARIOS))
def test_every_scenario_seeds_a_complete_event(sqlite_db, key):
    result = seed_demo(sqlite_db, key, participants=400, seed=7)
    scenario = SCENARIOS[key]
    with sqlite_db.session(write=False) as session:
        event = get_event(session, result.event_id)
        counts = event_counts(session, result.event_id)
        emails = session.scalars(select(Participant.email)).all()
    assert event.name == scenario.name
    assert (event.first_day, event.last_day) == (scenario.first_day, scenario.last_day)
    assert len(event.days) == (scenario.last_day - scenario.first_day).days + 1
    assert {c for c, *_ in scenario.extra_categories} <= {c.name for c in event.categories}
    assert counts.participants == 400
    assert counts.items == sum(len(s.items) for s in scenario.slots) == result.items
    assert len(set(emails)) == 400


def test_scenario_details_from_the_design(sqlite_db):
    result = seed_demo(sqlite_db, "tag-der-regionen", participants=10, seed=1)
    with sqlite_db.session(write=False) as session:
        vku = session.scalars(select(ProgrammeItem).where(ProgrammeItem.code == "S1")).one()
        event = get_event(session, result.event_id)
        slot = vku.slot
    assert vku.title == "Digitale Daseinsvorsorge"
    assert (slot.starts_at.hour, slot.ends_at.hour, slot.ends_at.minute) == (15, 16, 30)
    assert slot.day_id == event.days[0].id


def test_generated_people_include_international_names_and_valid_codes(sqlite_db):
    seed_demo(sqlite_db, "stuttgart", participants=3000, seed=3)
    with sqlite_db.session(write=False) as session:
        people = session.execute(
            select(
                Participant.first_name,
                Participant.last_name,
                Participant.badge_secret,
                Participant.short_code,
            )
        ).all()
        consents = session.scalar(select(func.count()).select_from(Consent))
    names = " ".join(f"{f} {n}" for f, n, *_ in people)
    for letter in "łşễΣДä":
        assert letter in names
    assert len({p.badge_secret for p in people}) == len({p.short_code for p in people}) == 3000
    assert consents >= 3 * 3000


def test_cancel_leaves_nothing_behind(sqlite_db):
    calls = []

    def cancel_after_first_chunk():
        return len(calls) > 1

    with pytest.raises(Cancelled):
        seed_demo(
            sqlite_db,
            "hessen",
            participants=10_000,
            progress=lambda d, t: calls.append(d),
            cancelled=cancel_after_first_chunk,
        )
    with sqlite_db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0
        assert session.scalar(select(func.count()).select_from(Participant)) == 0


def test_demo_runs_on_both_backends(db):
    result = seed_demo(db, "bad-belzig", participants=250, seed=2)
    with db.session(write=False) as session:
        counts = event_counts(session, result.event_id)
    assert counts.participants == 250
    assert counts.registered + counts.cancelled == 250
    assert sum(c.registered for c in counts.by_category) == counts.registered
