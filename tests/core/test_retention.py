"""Retention per event: each class of personal data with its period from the event's
last day, the date it will be deleted and how many still hold it; periods set, audited,
refused when unknown or out of range (and then nothing changes); the command line."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from regdesk.errors import ValidationError
from regdesk.models import AuditEntry, ConsentKind
from regdesk.privacy.retention import MAX_DAYS, retention_plan, set_retention
from regdesk.services import participants as people

from .test_cli import regdesk


def seeded(db, event_id):
    with db.session() as session:
        people.register(session, event_id, people.ParticipantInput(
            "Anna", "Müller", email="anna@example.org", needs_dietary="vegan",
            consents={ConsentKind.HEALTH_DATA.value: True}), actor="t")  # fmt: skip
        people.register(session, event_id, people.ParticipantInput("Ben", "Şahin"), actor="t")


def test_the_built_in_periods_count_from_the_last_day(db, event_id):
    seeded(db, event_id)
    with db.session(write=False) as session:
        plan = {x.data_class: x for x in retention_plan(session, event_id, date(2025, 7, 1))}
    assert plan["needs"].purge_on == date(2025, 6, 18) and plan["needs"].due  # last day 18.06.
    assert plan["contact"].purge_on == date(2025, 7, 18) and not plan["contact"].due
    assert plan["identity"].purge_on == date(2030, 6, 18) and plan["identity"].is_default
    assert (plan["needs"].held, plan["contact"].held, plan["identity"].held) == (1, 1, 2)
    assert plan["mail"].held == 0


def test_periods_are_set_audited_and_bad_ones_change_nothing(db, event_id):
    with db.session() as session:
        lines = set_retention(session, event_id, {"contact": 14, "identity": 3653}, actor="t")
    plan = {x.data_class: x for x in lines}
    assert plan["contact"].days == 14 and not plan["contact"].is_default
    assert plan["contact"].purge_on == date(2025, 7, 2)
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "event.retention"))
        assert entry.one().after == {"contact": 14, "identity": 3653}
    for wanted in ({"contact": -1}, {"contact": MAX_DAYS + 1}, {"contacts": 3},
                   {"needs": 0, "contact": "30"}):  # fmt: skip
        with db.session() as session, pytest.raises(ValidationError):
            set_retention(session, event_id, wanted, actor="t")
    with db.session() as session:
        plan = {x.data_class: x for x in retention_plan(session, event_id)}
        assert plan["contact"].days == 14 and plan["needs"].is_default
        back = set_retention(session, event_id, {"contact": None}, actor="t")
    assert next(x for x in back if x.data_class == "contact").is_default


def test_the_command_line_shows_and_sets_the_periods(db, db_url, event_id):
    seeded(db, event_id)
    shown = regdesk("retention", "-d", db_url)
    assert shown.returncode == 0, shown.stderr
    assert "contact data (e-mail, phone, position, notes): 30 day(s) (default)" in shown.stdout
    assert "held for 2 person(s)" in shown.stdout
    changed = regdesk("retention", "-d", db_url, "--set", "identity=10y", "--set", "needs=0")
    assert changed.returncode == 0, changed.stderr
    assert "names and badge codes (proof of attendance): 3652 day(s), deleted on 18.06.2035" \
        in changed.stdout  # fmt: skip
    bad = regdesk("retention", "-d", db_url, "--set", "contact=dreißig")
    assert bad.returncode == 2 and "not a period" in bad.stderr
    unknown = regdesk("retention", "-d", db_url, "--set", "fotos=3")
    assert unknown.returncode == 1 and "Unknown value 'fotos'" in unknown.stderr
    assert "Traceback" not in bad.stderr + unknown.stderr
