"""Participant services: validation, registration, duplicates, edit, cancel/restore,
category change and audit — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from regdesk.badge_codes import ALPHABET
from regdesk.errors import (
    AlreadyCancelled,
    NotCancelled,
    NotFound,
    PossibleDuplicate,
    UnknownCode,
)
from regdesk.errors import ValidationError as Invalid
from regdesk.models import ConsentKind, Participant, RegistrationSource, SearchToken
from regdesk.search_keys import words
from regdesk.services import participants as svc
from regdesk.services.events import get_event

P = svc.ParticipantInput


def register(db, event_id, data: P, **kw):
    with db.session() as session:
        return svc.register(session, event_id, data, actor="desk-1", **kw)


def count(db) -> int:
    with db.session(write=False) as session:
        return session.scalar(select(func.count()).select_from(Participant))


def test_register_gets_default_category_secret_and_short_code(db, event_id):
    person = register(
        db,
        event_id,
        P("Anna", "Müller", organisation="Stadt Bad Belzig", email="anna.mueller@bad-belzig.de"),
    )
    assert person.category_name == "Teilnehmer/in"
    assert person.status == "registered" and person.source == "manual"
    assert len(person.short_code) == 6 and set(person.short_code) <= set(ALPHABET)
    with db.session(write=False) as session:
        secret = session.get(Participant, person.id).badge_secret
    assert len(secret) == 20 and set(secret) <= set(ALPHABET)


def test_input_is_trimmed_and_nfc_normalised(db, event_id):
    person = register(
        db, event_id, P("  Z\u030cofie ", " Dvor\u030ca\u0301k  ", organisation="  Stadt   Ulm ")
    )
    assert (person.first_name, person.last_name, person.organisation) == (
        "Žofie",
        "Dvořák",
        "Stadt Ulm",
    )


@pytest.mark.parametrize(
    "changes,field,code",
    [
        ({"first_name": "  "}, "first_name", "required"),
        ({"last_name": ""}, "last_name", "required"),
        ({"first_name": "x" * 101}, "first_name", "too_long"),
        ({"organisation": "o" * 301}, "organisation", "too_long"),
        ({"email": "anna.mueller"}, "email", "invalid_email"),
        ({"email": "anna@mueller"}, "email", "invalid_email"),
        ({"email": "anna @x.de"}, "email", "invalid_email"),
        ({"email": "a@@x.de"}, "email", "invalid_email"),
        ({"phone": "call me"}, "phone", "invalid_phone"),
        ({"salutation": "divers"}, "salutation", "unknown_choice"),
        ({"category_id": 999_999}, "category_id", "unknown_category"),
        ({"needs_dietary": "vegan"}, "needs_dietary", "needs_consent"),
        (
            {"needs_accessibility": "Rollstuhl", "consents": {"health_data": False}},
            "needs_accessibility",
            "needs_consent",
        ),
        ({"consents": {"newsletter": True}}, "consents", "unknown_choice"),
    ],
)
def test_each_validation_rule_names_its_field_and_changes_nothing(
    db, event_id, changes, field, code
):
    data = P(**{"first_name": "Anna", "last_name": "Müller", **changes})
    with pytest.raises(Invalid) as info:
        register(db, event_id, data)
    assert [(p.field, p.code) for p in info.value.problems] == [(field, code)]
    assert info.value.problems[0].message()
    assert count(db) == 0


@pytest.mark.parametrize(
    "email", ["anna.mueller@stadt.de", "a+b@sub.example.org", "jürgen@müller.de", "x@bmwsb.bund.de"]
)
def test_valid_emails(db, event_id, email):
    assert register(db, event_id, P("Anna", "Müller", email=email)).email == email


def test_needs_are_kept_with_health_data_consent(db, event_id):
    person = register(
        db,
        event_id,
        P("Anna", "Müller", needs_dietary="vegan", consents={"health_data": True, "photo": False}),
    )
    assert person.needs_dietary == "vegan"
    assert person.consent(ConsentKind.HEALTH_DATA) is True
    assert person.consent(ConsentKind.PHOTO) is False
    assert person.consent(ConsentKind.LISTING) is None
    assert {c.kind: c.given_via for c in person.consents}["photo"] == "Anmeldung"


@pytest.mark.parametrize(
    "existing,new",
    [
        (("Thomas", "Müller", "Stadt Bremerhaven"), ("Thomas", "Mueller", "Stadt Bremerhaven")),
        (("Thomas", "Müller", "Stadt Bremerhaven"), ("thomas", "MULLER", "stadt bremerhaven")),
        (("Thomas", "Weiß", "BBSR"), ("Thomas", "Weiss", "BBSR")),
        (("Ayşe", "Çelik", "Stadt Ulm"), ("Ayse", "Celik", "Stadt Ulm")),
        (("Łukasz", "Żółć", "Stadt Ulm"), ("Lukasz", "Zolc", "Stadt Ulm")),
        (("Σωκράτης", "Παπαδόπουλος", ""), ("Sokratis", "Papadopoylos", "")),
    ],
)
def test_duplicate_by_name_and_organisation(db, event_id, existing, new):
    first = register(db, event_id, P(*existing[:2], organisation=existing[2]))
    with pytest.raises(PossibleDuplicate) as info:
        register(db, event_id, P(*new[:2], organisation=new[2]))
    assert [(c.id, c.reason) for c in info.value.candidates] == [(first.id, "name")]
    assert count(db) == 1
    forced = register(db, event_id, P(*new[:2], organisation=new[2]), allow_duplicate=True)
    assert forced.id != first.id and count(db) == 2


def test_duplicate_by_email_in_any_case(db, event_id):
    first = register(db, event_id, P("Anna", "Schmidt", email="Anna.Schmidt@Example.org"))
    with pytest.raises(PossibleDuplicate) as info:
        register(db, event_id, P("Annette", "Schmitt", email="anna.schmidt@example.ORG"))
    assert [(c.id, c.reason) for c in info.value.candidates] == [(first.id, "email")]


def test_same_name_in_another_organisation_is_no_duplicate(db, event_id):
    register(db, event_id, P("Thomas", "Müller", organisation="Stadt Bremerhaven"))
    register(db, event_id, P("Thomas", "Müller", organisation="Stadt Cuxhaven"))
    assert count(db) == 2


def test_edit_checks_duplicates_against_the_others_only(db, event_id):
    anna = register(db, event_id, P("Anna", "Müller", email="anna@example.org"))
    bert = register(db, event_id, P("Bert", "Meier", email="bert@example.org"))
    with db.session() as session:  # saving unchanged is not a duplicate of itself
        svc.update_participant(session, anna.id, anna.as_input(), actor="t")
    data = P("Bert", "Meier", email="ANNA@example.org")
    with pytest.raises(PossibleDuplicate), db.session() as session:
        svc.update_participant(session, bert.id, data, actor="t")
    with db.session(write=False) as session:
        assert svc.get_participant(session, bert.id).email == "bert@example.org"


def test_edit_is_audited_with_before_and_after(db, event_id):
    anna = register(db, event_id, P("Anna", "Müller", organisation="Stadt Ulm"))
    data = P(
        **{
            **anna.as_input().__dict__,
            "organisation": "Stadt Neu-Ulm",
            "consents": {"photo": False},
        }
    )
    with db.session() as session:
        svc.update_participant(session, anna.id, data, actor="desk-2")
        detail = svc.participant_detail(session, anna.id)
    newest = detail.history[0]
    assert newest.actor == "desk-2"
    actions = [h.action for h in detail.history]
    assert actions[-1] == "participant.manual" and "participant.update" in actions
    update = next(h for h in detail.history if h.action == "participant.update")
    assert update.before == {"organisation": "Stadt Ulm"}
    assert update.after == {"organisation": "Stadt Neu-Ulm"}
    consent = next(h for h in detail.history if h.action == "consent.set")
    assert consent.after == {"photo": False, "via": "Änderung"}


def test_edit_reindexes_search(db, event_id):
    from regdesk.services.search import participant_ids

    anna = register(db, event_id, P("Anna", "Müller"))
    with db.session() as session:
        svc.update_participant(session, anna.id, P("Anna", "Schäfer"), actor="t")
        assert participant_ids(session, event_id, "schaf") == [anna.id]
        assert participant_ids(session, event_id, "mül") == []


def test_cancel_needs_a_reason_and_restore_undoes_it(db, event_id):
    anna = register(db, event_id, P("Anna", "Müller"))
    with pytest.raises(Invalid) as info, db.session() as session:
        svc.cancel(session, anna.id, "   ", actor="t")
    assert info.value.problems[0].field == "cancel_reason"
    with db.session() as session:
        cancelled = svc.cancel(session, anna.id, "Krankheit", actor="t")
    assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "Krankheit")
    with pytest.raises(AlreadyCancelled), db.session() as session:
        svc.cancel(session, anna.id, "nochmal", actor="t")
    with db.session() as session:
        restored = svc.restore(session, anna.id, actor="t")
    assert (restored.status, restored.cancel_reason) == ("registered", "")
    with pytest.raises(NotCancelled), db.session() as session:
        svc.restore(session, anna.id, actor="t")
    with db.session(write=False) as session:
        actions = [h.action for h in svc.participant_detail(session, anna.id).history]
    assert actions[:2] == ["participant.restore", "participant.cancel"]


def test_change_category(db, event_id):
    anna = register(db, event_id, P("Anna", "Müller"))
    with db.session() as session:
        press = next(c for c in get_event(session, event_id).categories if c.name == "Presse")
        changed = svc.change_category(session, anna.id, press.id, actor="t")
    assert changed.category_name == "Presse"
    with pytest.raises(Invalid), db.session() as session:
        svc.change_category(session, anna.id, 999_999, actor="t")


def test_walk_in_source_and_lookup_by_code(db, event_id):
    walk_in = register(db, event_id, P("Jan", "Berg"), source=RegistrationSource.WALK_IN)
    assert walk_in.source == "walk_in"
    assert {c.given_via for c in walk_in.consents} <= {"vor Ort"}
    with db.session(write=False) as session:
        secret = session.get(Participant, walk_in.id).badge_secret
        assert svc.find_by_code(session, event_id, walk_in.short_code.lower()).id == walk_in.id
        assert svc.find_by_code(session, event_id, f" {secret}\n").id == walk_in.id
        with pytest.raises(UnknownCode):
            svc.find_by_code(session, event_id, "ZZZZZZ")
        with pytest.raises(NotFound):
            svc.get_participant(session, 123456)


def test_search_tokens_are_written_on_register(db, event_id):
    anna = register(db, event_id, P("Anna", "Müller-Lüdenscheidt", email="a.m@stadt.de"))
    with db.session(write=False) as session:
        found = set(
            session.scalars(select(SearchToken.token).where(SearchToken.participant_id == anna.id))
        )
    # the short code is folded like every word ("TVGEUE" -> "tvgeu", as Mueller -> muller),
    # so it is found however it is typed
    (code,) = words(anna.short_code)
    assert {"anna", "muller", "ludenscheidt", "stadt", code} <= found
