"""Allocation on the database (SQLite and PostgreSQL): wishes, preview beside first come
first served, atomic apply, undo, and desks enrolling while a run is applied."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from regdesk.allocation import violations
from regdesk.errors import AllocationOutdated, NoAllocationToUndo, NothingToAllocate
from regdesk.errors import ValidationError as Invalid
from regdesk.models import AllocationRun, AuditEntry, Enrolment, Participant
from regdesk.services import allocation as alloc
from regdesk.services import participants as people
from regdesk.services import programme as svc
from regdesk.services.events import get_event
from regdesk.services.preferences import (
    preferences_of,
    resolve_wishes,
    set_preferences,
    wish_column_rank,
)


@pytest.fixture
def plan(db, event_id):
    """10-11: A (2 places), B (2 places); 11-12: C (1 place) and a second session of A
    (code A, 2 places); 9-12 an excursion X (3 places) overlapping everything.
    Eight participants."""
    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        first = svc.create_slot(session, event_id, svc.SlotInput(day, "10:00", "11:00"), actor="t")
        second = svc.create_slot(session, event_id, svc.SlotInput(day, "11:00", "12:00"), actor="t")
        long = svc.create_slot(session, event_id, svc.SlotInput(day, "09:00", "12:00"), actor="t")

        def item(slot, title, code, capacity):
            return svc.create_item(
                session, svc.ItemInput(slot.id, title, code=code, capacity=capacity), actor="t"
            ).id

        items = {
            "A": item(first, "Alpha", "A", 2),
            "B": item(first, "Beta", "B", 2),
            "C": item(second, "Gamma", "C", 1),
            "A2": item(second, "Alpha", "A", 2),
            "X": item(long, "Exkursion", "X", 3),
        }
        persons = [
            people.register(
                session, event_id, people.ParticipantInput(f"Vor{i}", f"Nach{i}"), actor="t"
            ).id
            for i in range(8)
        ]
    return items, persons


def wish(db, person, *cells):
    with db.session() as session:
        event_id = session.get(Participant, person).event_id
        return set_preferences(session, person, resolve_wishes(session, event_id, cells), actor="t")


def held(db, item_id=None):
    with db.session(write=False) as session:
        query = select(Enrolment.participant_id, Enrolment.item_id, Enrolment.status)
        if item_id is not None:
            query = query.where(Enrolment.item_id == item_id)
        return sorted(session.execute(query).all())


def test_wishes_resolve_codes_and_titles_and_report_unknown_ones(db, event_id, plan):
    _, persons = plan
    wishes = wish(db, persons[0], "a, gamma", "Beta", "")
    assert [(w.code, w.rank) for w in wishes] == [("A", 1), ("C", 1), ("B", 2)]
    with db.session(write=False) as session:  # the participant's detail shows them too
        assert people.participant_detail(session, persons[0]).wishes == tuple(wishes)
    with pytest.raises(Invalid) as info, db.session() as session:
        resolve_wishes(session, event_id, ["A", "Zeta; B", "nope"])
    assert [(p.field, p.code, dict(p.params)["value"]) for p in info.value.problems] == [
        ("wish2", "unknown_item", "Zeta"),
        ("wish3", "unknown_item", "nope"),
    ]


@pytest.mark.parametrize(
    "wishes,code",
    [
        ([("A", 1), ("A2", 2)], "wished_twice"),  # two sessions of one offering
        ([("A", 1), ("B", 1)], "rank_twice"),  # two first choices at the same time
        ([("A", 0)], "out_of_range"),
        ([("A", 51)], "out_of_range"),
    ],
)
def test_bad_wishes_are_refused_and_change_nothing(db, plan, wishes, code):
    items, persons = plan
    wish(db, persons[0], "C")
    with pytest.raises(Invalid) as info, db.session() as session:
        set_preferences(session, persons[0], [(items[k], r) for k, r in wishes], actor="t")
    assert info.value.problems[0].code == code
    with db.session(write=False) as session:
        assert [w.code for w in preferences_of(session, persons[0])] == ["C"]


def test_preview_apply_and_undo(db, event_id, plan):
    items, persons = plan
    with db.session() as session:  # a place given by hand stays fixed
        svc.enrol(session, items["A"], persons[7], actor="desk")
    for person in persons[:6]:
        wish(db, person, "A", "B", "X")  # ranked over offerings, for one slot each
    wish(db, persons[6], "C, A", "B")  # per slot: C or A first, B second
    wish(db, persons[7], "A", "C")  # already holds A: only C is open
    with db.session(write=False) as session:
        preview = alloc.preview(session, event_id)
        instance = alloc.build_instance(session, event_id)
    optimal, fcfs = preview.optimal, preview.fcfs
    assert optimal.proven_optimal
    assert violations(instance, optimal.assignments) == []
    # never worse than first come, first served: more people placed, or as many and
    # at least as many points
    placed = (optimal.summary.people - optimal.summary.people_without_place, optimal.score)
    assert placed >= (fcfs.summary.people - fcfs.summary.people_without_place, fcfs.score)
    assert {w.item_id for w in instance.wishes if w.participant_id == persons[7]} == {items["C"]}
    fill = {f.item.id: f for f in preview.items}
    assert fill[items["A"]].item.enrolled == 1  # the fixed place
    assert fill[items["A"]].optimal <= 1

    with db.session(write=False) as session:
        before = held(db)
    with db.session() as session:
        run = alloc.apply(session, event_id, optimal, actor="office")
    after = held(db)
    assert run.placed == len(optimal.assignments) == len(after) - len(before)
    assert run.proven_optimal and run.still_held == run.placed
    with db.session(write=False) as session:
        capacity = {
            i.id: i.capacity for _, its in svc.event_programme(session, event_id) for i in its
        }
        for item_id, cap in capacity.items():
            assert len([r for r in after if r[1] == item_id and r[2] == "enrolled"]) <= cap
        sources = session.scalars(
            select(Enrolment.source).where(Enrolment.allocation_run_id == run.id)
        ).all()
        assert set(sources) == {"allocation"}
        audited = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "enrolment.allocated")
        )
        assert audited == len({a.participant_id for a in optimal.assignments})
    # nobody holds two sessions of Alpha
    alpha = {items["A"], items["A2"]}
    for person in persons:
        assert len([r for r in after if r[0] == person and r[1] in alpha]) <= 1

    # with everything placed, a second run has nothing to apply
    with db.session(write=False) as session:
        again = alloc.preview(session, event_id)
    with pytest.raises(NothingToAllocate), db.session() as session:
        alloc.apply(session, event_id, again.optimal, actor="office")

    with db.session() as session:
        undone = alloc.undo_last(session, event_id, actor="office")
    assert undone.removed == run.placed
    assert held(db) == before
    with db.session(write=False) as session:
        assert alloc.runs(session, event_id)[0].undone_by == "office"
    with pytest.raises(NoAllocationToUndo), db.session() as session:
        alloc.undo_last(session, event_id, actor="office")


def test_cancelled_and_waiting_participants(db, event_id, plan):
    items, persons = plan
    for person in persons[:4]:
        wish(db, person, "C")
    with db.session() as session:
        svc.enrol(session, items["C"], persons[5], actor="desk")  # C is now full
        svc.enrol(session, items["C"], persons[0], actor="desk")  # persons[0] waits for C
        people.cancel(session, persons[1], "krank", actor="desk")
        instance = alloc.build_instance(session, event_id)
    # C has no place left; persons[0] waits anyway, persons[1] is cancelled
    assert instance.wishes == ()
    wish(db, persons[2], "C", "X")
    with db.session(write=False) as session:
        instance = alloc.build_instance(session, event_id)
    assert [(w.participant_id, w.item_id) for w in instance.wishes] == [(persons[2], items["X"])]


def test_apply_refuses_an_outdated_preview_and_writes_nothing(db, event_id, plan):
    items, persons = plan
    for person in persons[:3]:
        wish(db, person, "C")
    with db.session(write=False) as session:
        preview = alloc.preview(session, event_id)
    assert len(preview.optimal.assignments) == 1
    with db.session() as session:  # meanwhile a desk gives C's only place away
        svc.enrol(session, items["C"], persons[6], actor="desk")
    before = held(db)
    with pytest.raises(AllocationOutdated) as info, db.session() as session:
        alloc.apply(session, event_id, preview.optimal, actor="office")
    assert info.value.data["count"] == 1
    assert held(db) == before
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(AllocationRun)) == 0


def test_undo_moves_the_waiting_list_up(db, event_id, plan):
    items, persons = plan
    wish(db, persons[0], "C")
    with db.session(write=False) as session:
        preview = alloc.preview(session, event_id)
    with db.session() as session:
        alloc.apply(session, event_id, preview.optimal, actor="office")
        svc.enrol(session, items["C"], persons[1], actor="desk")  # full: waits
    assert ("waitlisted") in [r[2] for r in held(db, items["C"])]
    with db.session() as session:
        undone = alloc.undo_last(session, event_id, actor="office")
    assert [p.participant_id for p in undone.promotions] == [persons[1]]
    assert held(db, items["C"]) == [(persons[1], items["C"], "enrolled")]


def test_desks_enrolling_while_a_run_is_applied_never_overbook(db, event_id, plan):
    items, persons = plan
    for person in persons[:6]:
        wish(db, person, "X")
    with db.session(write=False) as session:
        preview = alloc.preview(session, event_id)
    assert len(preview.optimal.assignments) == 3
    barrier = threading.Barrier(3)
    outcomes: list[str] = []

    def office():
        barrier.wait()
        try:
            with db.session() as session:
                alloc.apply(session, event_id, preview.optimal, actor="office")
            outcomes.append("applied")
        except AllocationOutdated:
            outcomes.append("outdated")

    def desk(person):
        barrier.wait()
        with db.session() as session:
            outcomes.append(svc.enrol(session, items["X"], person, actor="desk").status)

    threads = [
        threading.Thread(target=office),
        threading.Thread(target=desk, args=(persons[6],)),
        threading.Thread(target=desk, args=(persons[7],)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    rows = held(db, items["X"])
    assert len([r for r in rows if r[2] == "enrolled"]) <= 3
    assert len(outcomes) == 3
    if "applied" in outcomes:  # the run came first: both desks were put on the waiting list
        assert sorted(outcomes) == ["applied", "waitlisted", "waitlisted"]
    else:  # a desk came first: the run refused as a whole
        assert [r[0] for r in rows if r[2] == "enrolled"] == sorted(
            p for p in (persons[6], persons[7])
        )


@pytest.mark.parametrize(
    "header,rank",
    [
        ("Wunsch 1", 1),
        ("wunsch2", 2),
        ("Wahl 3", 3),
        ("Präferenz 1", 1),
        ("Praeferenz 2", 2),
        ("Wunsch Nr. 4", 4),
        ("Choice 1", 1),
        ("Wunsch 0", None),
        ("Wunsch", None),
        ("Workshop", None),
        ("Wunschtermin 1", None),
        ("Workshop 2", 2),
        ("Workshop-Wunsch 3", 3),
        ("workshop_wahl 1", 1),
        ("1. Wahl", 1),
        ("2. Workshop-Wunsch", 2),
        ("Zweitwunsch", 2),
        ("Priorität 2", 2),
        ("Workshops", None),
        ("Wunsch 51", None),
    ],
)
def test_wish_columns_are_recognised_by_their_header(header, rank):
    assert wish_column_rank(header) == rank


def test_who_is_left_without_a_place_why_and_onto_the_first_wishs_waiting_list(
    db, event_id, plan, tmp_path
):
    from openpyxl import load_workbook

    from regdesk.services.exports import export_list
    from regdesk.services.list_common import ListRequest
    from regdesk.services.unplaced import Reason, unplaced, waitlist_first_wishes

    items, persons = plan
    for person in persons[:5]:  # five want C (1 place) first, then X (3 places)
        wish(db, person, "C", "X")
    wish(db, persons[5], "C")  # only C
    with db.session(write=False) as session:
        outcome = alloc.preview(session, event_id).optimal
        before = unplaced(session, event_id, outcome.assignments)
    # the preview: four of the six get C or X; two with wishes and the two without are left
    reasons = {p.participant_id: p.reason for p in before}
    assert len(outcome.assignments) == 4
    assert sorted(reasons.values()).count(Reason.NO_WISHES) == 2
    assert {persons[6], persons[7]} <= set(reasons)
    assert sum(r == Reason.WISHES_FULL for r in reasons.values()) == 2
    assert all(p.first_wish == "C · Gamma" for p in before if p.reason == Reason.WISHES_FULL)
    with db.session() as session:
        alloc.apply(session, event_id, outcome, actor="t")
    with db.session(write=False) as session:
        after = unplaced(session, event_id)
    assert [p.participant_id for p in after] == [p.participant_id for p in before]

    full = [p.participant_id for p in after if p.reason == Reason.WISHES_FULL]
    with db.session() as session:
        result = waitlist_first_wishes(session, event_id, [p.participant_id for p in after],
                                       actor="office")  # fmt: skip
    assert len(result.waiting) == 2 and not result.placed and not result.skipped
    assert all("C · Gamma" in line for line in result.waiting)
    waiting = [(pid, status) for pid, item, status in held(db, items["C"]) if pid in full]
    assert waiting == sorted((pid, "waitlisted") for pid in full)
    with db.session(write=False) as session:
        again = {p.participant_id: p for p in unplaced(session, event_id)}
    # still without a place, now waiting on C; their next open wish is X
    assert all(again[pid].waiting_for == ("C · Gamma",) for pid in full)
    assert all(again[pid].first_wish in ("X · Exkursion", "") for pid in full)

    export_list(db, event_id, ListRequest("unplaced"), tmp_path / "u.xlsx", format="xlsx",
                actor="t")  # fmt: skip
    rows = list(load_workbook(tmp_path / "u.xlsx").active.iter_rows(values_only=True))
    header = rows[0]
    assert "Telefon" in header and "Erster offener Wunsch" in header
    reason = header.index("Grund")
    assert sorted(r[reason] for r in rows[1:]) == sorted(
        ["alle Wunschangebote voll"] * 2 + ["keine Wünsche angegeben"] * 2
    )
    assert {r[header.index("Auf der Warteliste von")] for r in rows[1:]} == {"C · Gamma", None}
