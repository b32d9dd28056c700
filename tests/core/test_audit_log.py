"""The audit log narrowed by who, what, about whom and when: for the viewer (newest
first, a page at a time, with the total) and for its export (the same entries)."""

from __future__ import annotations

from datetime import timedelta

from openpyxl import load_workbook
from sqlalchemy import select, update

from regdesk.models import AuditEntry, utcnow
from regdesk.services import participants as people
from regdesk.services.audit_log import AuditFilter, audit_choices, audit_page
from regdesk.services.exports import export_list
from regdesk.services.list_common import ListRequest


def a_log(db, event_id):
    with db.session() as session:
        anna = people.register(
            session, event_id, people.ParticipantInput("Anna", "Müller"), actor="office:anna"
        )
        ben = people.register(
            session, event_id, people.ParticipantInput("Ben", "Şahin"), actor="cli:ben@pc"
        )
        people.cancel(session, ben.id, "krank", actor="office:anna")
    with db.session() as session:  # the registrations happened yesterday
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.action.in_(["participant.manual"]))
            .values(at=utcnow() - timedelta(days=1))
        )
    return anna, ben


def test_the_log_is_narrowed_by_who_what_whom_and_when(db, event_id):
    anna, _ = a_log(db, event_id)
    with db.session(write=False) as session:
        everything, total = audit_page(session, event_id)
        assert total == len(everything) >= 3
        assert everything[0].at >= everything[-1].at  # newest first
        by_anna, _ = audit_page(session, event_id, AuditFilter(actor="office:anna"))
        assert {line.action for line in by_anna} == {"participant.manual", "participant.cancel"}
        registrations, n = audit_page(session, event_id, AuditFilter(actions=("participant.",)))
        assert n == len(registrations) and all(
            line.action.startswith("participant.") for line in registrations
        )
        about_ben, _ = audit_page(session, event_id, AuditFilter(person="sahin"))  # any accent
        assert {line.person for line in about_ben} == {"Ben Şahin"}
        by_id, _ = audit_page(session, event_id, AuditFilter(participant_id=anna.id))
        assert {line.entity_id for line in by_id} == {anna.id}
        today, _ = audit_page(
            session, event_id, AuditFilter(since=utcnow() - timedelta(hours=1),
                                           actions=("participant.",))
        )  # fmt: skip
        assert [line.action for line in today] == ["participant.cancel"]
        first, total = audit_page(session, event_id, limit=2)
        second, _ = audit_page(session, event_id, limit=2, offset=2)
        assert len(first) == 2 and {x.id for x in first}.isdisjoint({x.id for x in second})
        actors, actions = audit_choices(session, event_id)
        assert {"office:anna", "cli:ben@pc"} <= set(actors)
        assert "participant.cancel" in actions


def test_the_export_holds_what_the_viewer_shows(db, event_id, tmp_path):
    a_log(db, event_id)
    narrowed = AuditFilter(actor="office:anna")
    result = export_list(
        db, event_id, ListRequest("audit", audit=narrowed), tmp_path / "log.xlsx",
        actor="t",
    )  # fmt: skip
    with db.session(write=False) as session:
        shown, total = audit_page(session, event_id, narrowed)
        assert session.scalar(select(AuditEntry.id).where(AuditEntry.action == "export.audit"))
    sheet = load_workbook(result.path).active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    data = [r for r in rows if r[1] == "office:anna"]
    assert len(data) == total == result.rows
    assert sorted(r[3] for r in data) == sorted(line.action for line in shown)
