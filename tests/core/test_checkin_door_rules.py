"""The door's rules where the rules need a person: an open item (no limit) admits every
registered guest and counts them; "admit anyway" with a reason overrules wrong day, not
enrolled, waiting list and already used -- audited, in the scan log -- and nothing else;
a wrong-day verdict names the days the guest booked. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from regdesk.models import AuditEntry, Scan
from regdesk.services import checkin as svc
from regdesk.services import programme

from . import test_checkin
from .test_checkin import scan

fest = test_checkin.fest  # the three-day congress fixture


def open_item(db, fest):
    with db.session() as session:
        slot = programme.create_slot(
            session, fest["event"], programme.SlotInput(fest["days"][0], "18:00", "21:00"),
            actor="t",
        )  # fmt: skip
        item = programme.create_item(
            session, programme.ItemInput(slot.id, "Get-together", code="G1"), actor="t"
        ).id
        programme.enrol(session, item, fest["ids"]["anna"], actor="t")  # enrolled anyway
    return item


def test_an_open_item_admits_every_registered_guest_and_counts_them(db, fest):
    g1 = open_item(db, fest)
    door = {"item_id": g1}
    anna, ben, cem = (fest["codes"][k][0] for k in ("anna", "ben", "cem"))
    assert scan(db, fest, anna, **door).verdict == "admitted"
    came = scan(db, fest, ben, **door)  # not enrolled: an open item lets him in
    assert (came.verdict, came.reason) == ("admitted", "first_entry")
    assert scan(db, fest, cem, **door).verdict == "cancelled"  # still not a cancelled one
    assert scan(db, fest, ben, **door).verdict == "re_entry"
    with db.session(write=False) as session:
        room = svc.room_counts(session, g1)
    assert (room.admitted, room.inside, room.enrolled, room.capacity) == (2, 2, 1, None)
    scan(db, fest, ben, direction="out", **door)
    with db.session(write=False) as session:
        assert svc.room_counts(session, g1).inside == 1


def test_wrong_day_names_the_booked_days_and_can_be_overruled(db, fest):
    ben = fest["codes"]["ben"][0]
    wrong = scan(db, fest, ben, day=2)
    assert wrong.verdict == "wrong_day" and wrong.overridable
    assert wrong.booked_days == (date(2019, 9, 17), date(2019, 9, 18))
    anyway = scan(db, fest, ben, day=2, override_reason="  Tagesticket getauscht ")
    assert (anyway.verdict, anyway.reason) == ("admitted", "override")
    assert anyway.override_reason == "Tagesticket getauscht" and not anyway.overridable
    with db.session(write=False) as session:
        logged = session.execute(
            select(Scan.verdict, Scan.override_reason).where(Scan.id == anyway.scan_id)
        ).one()
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "checkin.override")
        ).one()
        counts = svc.day_counts(session, fest["event"], fest["days"][2])
    assert tuple(logged) == ("admitted", "Tagesticket getauscht")
    assert audit.actor == "desk:Eingang 1" and audit.entity_id == fest["ids"]["ben"]
    assert audit.after["reason"] == "Tagesticket getauscht"
    assert counts.admitted == 1  # Ben, let in on a day he did not book
    # the next scan that day is an ordinary re-entry: he is in
    assert scan(db, fest, ben, day=2).verdict == "re_entry"


def test_waiting_list_not_enrolled_and_already_used_can_be_overruled(db, fest):
    ben, dora = fest["codes"]["ben"][0], fest["codes"]["dora"][0]
    door = {"item_id": fest["w1"]}
    waiting = scan(db, fest, ben, **door)
    assert (waiting.verdict, waiting.reason, waiting.overridable) == (
        "not_enrolled", "waitlisted", True,
    )  # fmt: skip
    assert scan(db, fest, ben, override_reason="Referent lässt zu", **door).reason == "override"
    stranger = scan(db, fest, dora, override_reason="Presse", **door)
    assert (stranger.verdict, stranger.override_reason) == ("admitted", "Presse")
    first = scan(db, fest, dora, allow_reentry=False)
    used = scan(db, fest, dora, allow_reentry=False)
    assert used.verdict == "already_used" and used.overridable
    back = scan(db, fest, dora, allow_reentry=False, override_reason="Jacke geholt")
    assert (back.verdict, back.reason, back.previous_at) == ("re_entry", "override", first.at)


def test_what_a_reason_cannot_overrule(db, fest):
    for code in (fest["codes"]["cem"][0], fest["old_dora"][0], "NIEMAND"):
        result = scan(db, fest, code, override_reason="bitte")
        assert result.verdict in ("cancelled", "replaced", "unknown")
        assert not result.overridable and result.override_reason == ""
    # a blank reason is no reason
    ben = fest["codes"]["ben"][0]
    assert scan(db, fest, ben, day=2, override_reason="   ").verdict == "wrong_day"
    # an ordinary admission given a reason stays ordinary
    anna = scan(db, fest, fest["codes"]["anna"][0], override_reason="VIP")
    assert (anna.reason, anna.override_reason) == ("first_entry", "")
    with db.session(write=False) as session:
        assert session.scalar(select(Scan.id).where(Scan.override_reason != "")) is None
