"""Event setup: creating and editing events, days and categories through the service."""

from __future__ import annotations

from datetime import date, time

import pytest

from regdesk.errors import CategoryInUse, DayInUse, LastCategory, NoEvent, NotFound
from regdesk.errors import ValidationError as Invalid
from regdesk.models import Participant, ProgrammeSlot
from regdesk.services import events as svc
from regdesk.services.audit import history

from .test_constraints import make_participant


def drafts(event):
    return [
        svc.CategoryDraft(c.name, c.badge_label, c.colour, c.is_default, c.id)
        for c in event.categories
    ]


def test_new_event_gets_days_and_german_default_categories(db, event_id):
    with db.session(write=False) as session:
        event = svc.get_event(session, event_id)
    assert [d.date for d in event.days] == [date(2025, 6, 16), date(2025, 6, 17), date(2025, 6, 18)]
    assert [c.name for c in event.categories] == [
        "Teilnehmer/in",
        "Referent/in",
        "Aussteller/in",
        "Presse",
        "Organisation",
    ]
    assert [c.badge_label for c in event.categories][-1] == "Orga"
    assert [c.is_default for c in event.categories] == [True, False, False, False, False]
    assert event.timezone == "Europe/Berlin"
    assert "Veranstalterin" in event.privacy_note


def test_input_is_trimmed_and_normalised_to_nfc(db):
    decomposed = "Regionalkonferenz Mo\u0308nchengladbach"
    with db.session() as session:
        event = svc.create_event(
            session,
            svc.EventInput(
                name=f"  {decomposed}   2025 ",
                first_day="12.03.2025",
                last_day="12.03.2025",
                venue_address="  Am Nordpark  \n  41069 Mönchengladbach ",
            ),
            actor="t",
        )
    assert event.name == "Regionalkonferenz Mönchengladbach 2025"
    assert event.venue_address == "Am Nordpark\n41069 Mönchengladbach"


@pytest.mark.parametrize(
    "changes,field,code",
    [
        ({"name": "  "}, "name", "required"),
        ({"name": "x" * 201}, "name", "too_long"),
        ({"first_day": "31.02.2025"}, "first_day", "invalid_date"),
        ({"first_day": ""}, "first_day", "required"),
        ({"last_day": "15.06.2025"}, "last_day", "day_order"),
        ({"last_day": "30.08.2025"}, "last_day", "too_many_days"),
        ({"timezone": "Europe/Bonn"}, "timezone", "invalid_timezone"),
        ({"contact": "c" * 301}, "contact", "too_long"),
    ],
)
def test_invalid_event_input_names_the_field_and_changes_nothing(
    db, event_id, changes, field, code
):
    with db.session(write=False) as session:
        before = svc.get_event(session, event_id)
    data = svc.EventInput(**{**before.as_input().__dict__, **changes})
    with pytest.raises(Invalid) as info, db.session() as session:
        svc.update_event(session, event_id, data, actor="t")
    assert [(p.field, p.code) for p in info.value.problems] == [(field, code)]
    assert info.value.problems[0].message()  # renders without missing parameters
    with db.session(write=False) as session:
        assert svc.get_event(session, event_id) == before


def test_changing_the_dates_adds_and_removes_days_and_audits(db, event_id):
    with db.session() as session:
        event = svc.get_event(session, event_id)
        data = svc.EventInput(
            **{
                **event.as_input().__dict__,
                "first_day": "17.06.2025",
                "last_day": "19.06.2025",
                "name": "Neuer Name",
            }
        )
        updated = svc.update_event(session, event_id, data, actor="desk-1")
    assert [d.date.day for d in updated.days] == [17, 18, 19]
    with db.session(write=False) as session:
        entries = history(session, "event", event_id)
    assert entries[-1].action == "event.update"
    assert entries[-1].actor == "desk-1"
    assert entries[-1].before == {
        "name": "Testkonferenz",
        "first_day": "2025-06-16",
        "last_day": "2025-06-18",
    }
    assert entries[-1].after["name"] == "Neuer Name"


def test_a_day_with_programme_cannot_be_dropped(db, event_id):
    with db.session() as session:
        event = svc.get_event(session, event_id)
        session.add(
            ProgrammeSlot(
                event_id=event_id, day_id=event.days[0].id, starts_at=time(10), ends_at=time(11)
            )
        )
    data = svc.EventInput(**{**event.as_input().__dict__, "first_day": "17.06.2025"})
    with pytest.raises(DayInUse) as info, db.session() as session:
        svc.update_event(session, event_id, data, actor="t")
    assert "16.06.2025" in info.value.message()
    with db.session(write=False) as session:
        assert len(svc.get_event(session, event_id).days) == 3


def test_day_labels(db, event_id):
    with db.session() as session:
        day = svc.get_event(session, event_id).days[1]
        svc.set_day_label(session, day.id, "  Exkursionstag ", actor="t")
    with db.session(write=False) as session:
        assert svc.get_event(session, event_id).days[1].label == "Exkursionstag"


def test_categories_add_rename_reorder_delete_in_one_save(db, event_id):
    with db.session(write=False) as session:
        event = svc.get_event(session, event_id)
    items = drafts(event)
    items[1] = svc.CategoryDraft("Referierende", "Referent/in", "#aa0000", False, items[1].id)
    items = [items[1], items[0], *items[2:4]]  # drop "Organisation", swap the first two
    items.append(svc.CategoryDraft("VIP", "", "#8A6D00"))
    with db.session() as session:
        saved = svc.save_categories(session, event_id, items, actor="t")
    assert [c.name for c in saved] == [
        "Referierende",
        "Teilnehmer/in",
        "Aussteller/in",
        "Presse",
        "VIP",
    ]
    assert saved[0].colour == "#AA0000"
    assert saved[-1].badge_label == "VIP"  # label defaults to the name
    assert [c.is_default for c in saved].count(True) == 1
    assert saved[1].is_default  # the default stays with "Teilnehmer/in"


def test_swapping_two_category_names_is_allowed(db, event_id):
    with db.session(write=False) as session:
        items = drafts(svc.get_event(session, event_id))
    a, b = items[0], items[1]
    items[0] = svc.CategoryDraft(b.name, a.badge_label, a.colour, a.is_default, a.id)
    items[1] = svc.CategoryDraft(a.name, b.badge_label, b.colour, b.is_default, b.id)
    with db.session() as session:
        saved = svc.save_categories(session, event_id, items, actor="t")
    assert [c.name for c in saved][:2] == [b.name, a.name]
    with db.session(write=False) as session:
        assert history(session, "category", a.id)[-1].after["name"] == b.name


@pytest.mark.parametrize(
    "bad,field,code",
    [
        (svc.CategoryDraft("", "x", "#000000"), "categories[5].name", "required"),
        (svc.CategoryDraft("presse", "x", "#000000"), "categories[5].name", "duplicate"),
        (svc.CategoryDraft("Neu", "x", "rot"), "categories[5].colour", "invalid_colour"),
        (svc.CategoryDraft("Neu", "x" * 41, "#000000"), "categories[5].badge_label", "too_long"),
    ],
)
def test_invalid_categories_are_refused(db, event_id, bad, field, code):
    with db.session(write=False) as session:
        items = drafts(svc.get_event(session, event_id))
    with pytest.raises(Invalid) as info, db.session() as session:
        svc.save_categories(session, event_id, [*items, bad], actor="t")
    assert [(p.field, p.code) for p in info.value.problems] == [(field, code)]


def test_a_category_in_use_cannot_be_deleted(db, event_id):
    with db.session() as session:
        participant = make_participant(session, event_id)
        category_id = participant.category_id
    with db.session(write=False) as session:
        items = [d for d in drafts(svc.get_event(session, event_id)) if d.id != category_id]
    with pytest.raises(CategoryInUse) as info, db.session() as session:
        svc.save_categories(session, event_id, items, actor="t")
    assert info.value.data["count"] == 1
    with db.session(write=False) as session:
        assert len(svc.get_event(session, event_id).categories) == 5
        assert session.get(Participant, participant.id).category_id == category_id


def test_an_event_keeps_at_least_one_category(db, event_id):
    with pytest.raises(LastCategory), db.session() as session:
        svc.save_categories(session, event_id, [], actor="t")


def test_counts_per_category(db, event_id):
    with db.session() as session:
        make_participant(session, event_id)
        event = svc.get_event(session, event_id)
    assert event.categories[0].participant_count == 1


def test_current_event_and_missing_events(db):
    with pytest.raises(NoEvent), db.session(write=False) as session:
        svc.current_event_id(session)
    with pytest.raises(NotFound), db.session(write=False) as session:
        svc.get_event(session, 12345)


def test_a_category_in_use_is_deleted_by_reassigning_its_participants(db, event_id):
    with db.session() as session:
        first = make_participant(session, event_id, short_code="AAAAAA")
        second = make_participant(session, event_id, short_code="BBBBBB", badge_secret="B" * 20)
        old_id = first.category_id
    with db.session(write=False) as session:
        items = [d for d in drafts(svc.get_event(session, event_id)) if d.id != old_id]
    items.append(svc.CategoryDraft("Gäste", "Gast", "#005F73"))
    with db.session() as session:
        saved = svc.save_categories(
            session, event_id, items, actor="desk", reassign={old_id: len(items) - 1}
        )
    guests = saved[-1]
    assert guests.name == "Gäste" and guests.participant_count == 2
    assert old_id not in {c.id for c in saved}
    with db.session(write=False) as session:
        for pid in (first.id, second.id):
            assert session.get(Participant, pid).category_id == guests.id
            entry = history(session, "participant", pid)[-1]
            assert (entry.action, entry.before, entry.after) == (
                "participant.category",
                {"category_id": old_id},
                {"category_id": guests.id},
            )
        assert history(session, "category", old_id)[-1].action == "category.delete"


def test_reassigning_to_a_position_that_does_not_exist_is_refused(db, event_id):
    with db.session() as session:
        old_id = make_participant(session, event_id).category_id
        items = [d for d in drafts(svc.get_event(session, event_id)) if d.id != old_id]
    with pytest.raises(Invalid), db.session() as session:
        svc.save_categories(session, event_id, items, actor="t", reassign={old_id: 99})


def test_a_deleted_name_can_be_reused_in_the_same_save(db, event_id):
    with db.session(write=False) as session:
        items = drafts(svc.get_event(session, event_id))
    presse = items.pop(3)
    items.append(svc.CategoryDraft(presse.name, "Medien", "#123456"))
    with db.session() as session:
        saved = svc.save_categories(session, event_id, items, actor="t")
    assert saved[-1].name == "Presse" and saved[-1].id != presse.id


def test_the_event_opened_last_is_the_default_of_desks_and_command_line(db):
    from regdesk.services.events import current_event_id, event_choices, open_event

    with db.session() as session:
        first = svc.create_event(session, svc.EventInput("Erster", "01.03.2026", "01.03.2026"),
                                 actor="t")  # fmt: skip
        second = svc.create_event(session, svc.EventInput("Zweiter", "01.04.2026", "01.04.2026"),
                                  actor="t")  # fmt: skip
        assert current_event_id(session) == second.id  # created last: opened last
        open_event(session, first.id)
        assert current_event_id(session) == first.id
        choices = event_choices(session)
        assert [c.name for c in choices] == ["Erster", "Zweiter"]
        assert choices[0].opened_at is not None and choices[0].participants == 0
