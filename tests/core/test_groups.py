"""Groups (delegations): set in the form's service and edited, one group per folded name,
one lead (a new lead takes over), an empty group goes, everything audited; the group is
searchable, in the lists' rows and in the detail; bad input refused and nothing changed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from regdesk.errors import ValidationError as Invalid
from regdesk.models import AuditEntry, GroupMember, ParticipantGroup
from regdesk.services import groups
from regdesk.services import participants as people
from regdesk.services.search import search


def _add(session, event_id, first, last, group=None, lead=False):
    return people.register(
        session,
        event_id,
        people.ParticipantInput(first, last, organisation="Stadt Esslingen", group=group,
                                group_lead=lead),
        actor="t",
    )  # fmt: skip


def test_a_group_is_made_with_its_first_member_and_one_spelling_is_one_group(db, event_id):
    with db.session() as session:
        lead = _add(session, event_id, "Petra", "Hahn", "Delegation Esslingen", lead=True)
        _add(session, event_id, "Ömer", "Yıldız", "delegation  esslingen")
        _add(session, event_id, "Jana", "Roth", "Delegation Eßlingen ")
        _add(session, event_id, "Karl", "Frei")
    assert lead.group_name == "Delegation Esslingen" and lead.group_lead
    with db.session(write=False) as session:
        found = groups.list_groups(session, event_id)
        assert [(g.name, g.size, g.registered, g.lead_name) for g in found] == [
            ("Delegation Esslingen", 3, 3, "Petra Hahn")
        ]
        names = [m.name for m in groups.members(session, found[0].id)]
        assert names == ["Petra Hahn", "Jana Roth", "Ömer Yıldız"]  # the lead first
        assert groups.group_of(session, lead.id) == found[0]
        # the group's name finds its members; the rows carry it
        rows = search(session, event_id, "delegation essl")
        assert {r.last_name for r in rows} == {"Hahn", "Yıldız", "Roth"}
        assert {(r.group_name, r.group_lead) for r in rows} == {
            ("Delegation Esslingen", True), ("Delegation Esslingen", False)
        }  # fmt: skip
        detail = people.participant_detail(session, lead.id)
        assert detail.group.name == "Delegation Esslingen"
        assert len(detail.group_members) == 3


def test_a_new_lead_takes_over_and_an_empty_group_goes_all_audited(db, event_id):
    with db.session() as session:
        petra = _add(session, event_id, "Petra", "Hahn", "Delegation Ulm", lead=True)
        jana = _add(session, event_id, "Jana", "Roth", "Delegation Ulm")
    with db.session() as session:
        jana = people.update_participant(
            session, jana.id, replace(jana.as_input(), group_lead=True), actor="office"
        )
        assert jana.group_lead
        assert people.get_participant(session, petra.id).group_lead is False
    with db.session() as session:
        audits = session.execute(
            select(AuditEntry.entity_id, AuditEntry.before, AuditEntry.after)
            .where(AuditEntry.action == "participant.group", AuditEntry.actor == "office")
            .order_by(AuditEntry.id)
        ).all()
        assert [(a[0], a[1]["group_lead"], a[2]["group_lead"]) for a in audits] == [
            (petra.id, True, False), (jana.id, False, True)
        ]  # fmt: skip
    with db.session() as session:  # both leave: the group goes
        for person in (petra, jana):
            current = people.get_participant(session, person.id)
            people.update_participant(
                session, person.id, replace(current.as_input(), group="", group_lead=False),
                actor="t",
            )  # fmt: skip
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(ParticipantGroup)) == 0
        assert session.scalar(select(func.count()).select_from(GroupMember)) == 0
        assert search(session, event_id, "delegation ulm") == []


def test_moving_to_another_group_and_none_leaves_it_as_it_is(db, event_id):
    with db.session() as session:
        ben = _add(session, event_id, "Ben", "Kurz", "Gruppe A")
    with db.session() as session:
        kept = people.update_participant(
            session, ben.id, replace(ben.as_input(), group=None, phone="0711 1"), actor="t"
        )
        assert kept.group_name == "Gruppe A"
        moved = people.update_participant(
            session, ben.id, replace(kept.as_input(), group="Gruppe B"), actor="t"
        )
        assert moved.group_name == "Gruppe B"
    with db.session(write=False) as session:
        assert [g.name for g in groups.list_groups(session, event_id)] == ["Gruppe B"]


@pytest.mark.parametrize(
    ("group", "lead", "field", "code"),
    [
        ("", True, "group_lead", "lead_without_group"),
        ("x" * 201, False, "group", "too_long"),
        ("–– !", False, "group", "group_name_without_letters"),
    ],
)
def test_bad_group_input_is_refused_and_changes_nothing(db, event_id, group, lead, field, code):
    with db.session() as session, pytest.raises(Invalid) as caught:
        _add(session, event_id, "Ben", "Kurz", group, lead=lead)
    assert [(p.field, p.code) for p in caught.value.problems] == [(field, code)]
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(ParticipantGroup)) == 0


def test_groups_on_the_command_line(tmp_path):
    from .test_cli import regdesk

    db = str(tmp_path / "r.sqlite3")
    assert regdesk("-d", db, "init", "--name", "Städtetag", "--first-day", "02.09.2025",
                   "--last-day", "02.09.2025").returncode == 0  # fmt: skip
    lead = regdesk("-d", db, "participants", "add", "--first", "Petra", "--last", "Hahn",
                   "--group", "Delegation Esslingen", "--group-lead")  # fmt: skip
    assert lead.returncode == 0, lead.stderr
    assert lead.stdout.strip().endswith("leads the group Delegation Esslingen")
    member = regdesk("-d", db, "participants", "add", "--first", "Jana", "--last", "Roth",
                     "--group", "delegation esslingen")  # fmt: skip
    assert member.stdout.strip().endswith(", in the group Delegation Esslingen")
    alone = regdesk("-d", db, "participants", "add", "--first", "Ben", "--last", "Solo",
                    "--group-lead")  # fmt: skip
    assert alone.returncode == 1
    assert "Only a member of a group can lead it" in alone.stderr
    assert "Traceback" not in alone.stderr
    shown = regdesk("-d", db, "participants", "show", "1").stdout
    assert "Group:         Delegation Esslingen (lead)" in shown
    assert "with: Jana Roth [" in shown
    took_over = regdesk("-d", db, "participants", "edit", "2", "--group-lead")
    assert took_over.stdout.strip().endswith("leads the group Delegation Esslingen")
    assert "(lead)" not in regdesk("-d", db, "participants", "show", "1").stdout.split("with:")[0]
    left = regdesk("-d", db, "participants", "edit", "2", "--group", "")
    assert left.returncode == 0 and "group" not in left.stdout
