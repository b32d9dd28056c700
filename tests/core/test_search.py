"""Search as you type and participant lists: accent-, case- and transliteration-insensitive,
ranked, filtered and sorted — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from regdesk.models import Scan, Verdict
from regdesk.services import participants as svc
from regdesk.services.search import ParticipantFilter, participant_ids, participant_rows, search

PEOPLE = [
    ("Thomas", "Müller", "Stadt Bremerhaven", "t.mueller@bremerhaven.example"),
    ("Sabine", "Mueller", "Landkreis Cuxhaven", "sabine.mueller@cuxhaven.example"),
    ("Jan", "Muller", "Fraunhofer IESE", "jan.muller@iese.example"),
    ("Ayşe", "Çelik", "Stadt Ulm", "ayse.celik@ulm.example"),
    ("Łukasz", "Żółć", "Stadt Ulm", "lukasz@ulm.example"),
    ("Jiří", "Žák", "Deutscher Städtetag", "jiri.zak@staedtetag.example"),
    ("Björn", "Weiß", "BBSR", "bjoern.weiss@bbsr.example"),
    ("Anna", "Berger", "Stadt Bernau", "anna.berger@bernau.example"),
    ("Bernd", "Schulz", "Stadt Ulm", "bernd.schulz@ulm.example"),
    ("Σωκράτης", "Παπαδόπουλος", "Stadt Ulm", ""),
    ("Дмитрий", "Иванов", "Stadt Ulm", ""),
    ("Karl-Heinz", "von der Heyde", "Gemeinde Loxstedt", ""),
]


@pytest.fixture
def people(db, event_id, monkeypatch):
    """Digits-only badge codes: a random code starting with, say, "MU" would rightly
    match the query "mue" and make the name assertions below depend on chance."""
    codes = (f"{n:06d}".replace("0", "2").replace("1", "3") for n in range(100, 200))
    monkeypatch.setattr(svc, "new_short_code", lambda: next(codes))
    ids = {}
    with db.session() as session:
        for first, last, org, email in PEOPLE:
            person = svc.register(
                session,
                event_id,
                svc.ParticipantInput(first, last, organisation=org, email=email),
                actor="t",
            )
            ids[last] = person
    return ids


def names(db, event_id, query, **kw):
    with db.session(write=False) as session:
        rows = participant_rows(session, participant_ids(session, event_id, query, **kw))
    return [r.last_name for r in rows]


@pytest.mark.parametrize("query", ["mül", "Mül", "MUEL", "mue", "mul", "Müller", "muller"])
def test_umlaut_spellings_find_each_other(db, event_id, people, query):
    assert set(names(db, event_id, query)) == {"Müller", "Mueller", "Muller"}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("celik", "Çelik"),
        ("Çel", "Çelik"),
        ("zolc", "Żółć"),
        ("Żółć", "Żółć"),
        ("zak", "Žák"),
        ("weiss", "Weiß"),
        ("weiß", "Weiß"),
        ("sokrat", "Παπαδόπουλος"),
        ("Σωκρ", "Παπαδόπουλος"),
        ("dmitr", "Иванов"),
        ("иван", "Иванов"),
        ("heyde", "von der Heyde"),
        ("karl heinz", "von der Heyde"),
        ("bjoern", "Weiß"),
    ],
)
def test_accent_and_script_insensitive(db, event_id, people, query, expected):
    assert names(db, event_id, query) == [expected]


def test_search_covers_organisation_email_and_short_code(db, event_id, people):
    assert set(names(db, event_id, "fraunhofer")) == {"Muller"}
    assert set(names(db, event_id, "cuxhaven.example")) == {"Mueller"}
    assert names(db, event_id, "bjoern.weiss@bbsr") == ["Weiß"]
    code = people["Žák"].short_code
    assert names(db, event_id, code.lower()[:4]) == ["Žák"] or "Žák" in names(
        db, event_id, code[:4]
    )
    assert names(db, event_id, code) == ["Žák"]


def test_every_word_must_match(db, event_id, people):
    assert set(names(db, event_id, "stadt ulm")) == {
        "Çelik",
        "Żółć",
        "Schulz",
        "Παπαδόπουλος",
        "Иванов",
    }
    assert names(db, event_id, "ayse ulm") == ["Çelik"]
    assert names(db, event_id, "ayse bremerhaven") == []


def test_ranking_puts_exact_and_name_matches_first(db, event_id, people):
    # "ber": Berger (last name prefix) before Bernd (first name) before Bernau (organisation)
    ranked = names(db, event_id, "ber")
    assert ranked[:2] == ["Berger", "Schulz"]
    assert set(ranked) == {"Berger", "Schulz"}
    # an exact word beats a prefix: "jan" is Jan Muller's first name, exactly
    assert names(db, event_id, "jan")[0] == "Muller"


def test_empty_query_lists_everyone_alphabetically_ignoring_accents(db, event_id, people):
    listed = names(db, event_id, "")
    assert len(listed) == len(PEOPLE)
    assert listed.index("Çelik") < listed.index("Mueller")  # Ç sorts as C, not after Z
    assert listed.index("Žák") > listed.index("Weiß")


def test_filters_and_sorting(db, event_id, people):
    with db.session() as session:
        svc.cancel(session, people["Schulz"].id, "krank", actor="t")
        session.add(
            Scan(
                event_id=event_id,
                raw="x",
                verdict=Verdict.ADMITTED.value,
                participant_id=people["Çelik"].id,
            )
        )
        session.add(
            Scan(
                event_id=event_id,
                raw="y",
                verdict=Verdict.UNKNOWN.value,
                participant_id=people["Weiß"].id,
            )
        )
    assert "Schulz" not in names(
        db, event_id, "ulm", filters=ParticipantFilter(status="registered")
    )
    assert names(db, event_id, "", filters=ParticipantFilter(status="cancelled")) == ["Schulz"]
    assert names(db, event_id, "", filters=ParticipantFilter(checked_in=True)) == ["Çelik"]
    assert "Çelik" not in names(db, event_id, "", filters=ParticipantFilter(checked_in=False))
    assert "Weiß" in names(db, event_id, "", filters=ParticipantFilter(checked_in=False))
    by_org = names(db, event_id, "", sort="organisation")
    assert by_org[0] == "Weiß"  # BBSR
    assert names(db, event_id, "", sort="name", descending=True)[:2] == ["Żółć", "Žák"]
    with db.session(write=False) as session:
        rows = participant_rows(session, participant_ids(session, event_id, "celik"))
    assert rows[0].checked_in is True and rows[0].category_name == "Teilnehmer/in"


def test_category_filter(db, event_id, people):
    from regdesk.services.events import get_event

    with db.session() as session:
        press = next(c for c in get_event(session, event_id).categories if c.name == "Presse")
        svc.change_category(session, people["Berger"].id, press.id, actor="t")
    assert names(db, event_id, "", filters=ParticipantFilter(category_ids=(press.id,))) == [
        "Berger"
    ]


def test_search_limit_and_nonsense(db, event_id, people):
    with db.session(write=False) as session:
        assert len(search(session, event_id, "stadt", limit=2)) == 2
        assert (
            search(session, event_id, "@@@ ---")
            == participant_rows(session, participant_ids(session, event_id, ""))[:20]
        )
        assert search(session, event_id, "qqqqq") == []
