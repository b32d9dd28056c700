"""Allocation runs on the database: read the wishes, preview the optimal outcome beside
first come, first served, apply it atomically, undo the last run.

What stays fixed: every place somebody already holds (enrolled by hand, imported, moved up
or given by an earlier run) keeps its place; it uses up capacity, blocks its time for
that person and counts as their session of that offering. Waiting lists are left alone.
Only registered participants with wishes take part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from ..allocation import (
    Assignment,
    Instance,
    Offer,
    Outcome,
    Wish,
    first_come_first_served,
    solve,
    violations,
)
from ..allocation.solver import DEFAULT_TIME_LIMIT
from ..errors import AllocationOutdated, NoAllocationToUndo, NothingToAllocate
from ..models import (
    AllocationRun,
    AuditEntry,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    EventDay,
    Participant,
    ParticipantStatus,
    Preference,
    ProgrammeItem,
    ProgrammeSlot,
    utcnow,
)
from .audit import record
from .programme import ItemSummary, Promotion, SlotSummary, event_programme, lock_rows, promote


def offering_key(item: ProgrammeItem) -> str:
    """Items with the same code are sessions of one offering (a workshop held twice)."""
    code = (item.code or "").strip().upper()
    return code or f"#{item.id}"


@dataclass(frozen=True)
class ItemFill:
    slot: SlotSummary
    item: ItemSummary  # with the places held before the run
    optimal: int  # places the optimal allocation adds
    fcfs: int  # places first come, first served would add


@dataclass(frozen=True)
class AllocationPreview:
    event_id: int
    optimal: Outcome
    fcfs: Outcome
    items: tuple[ItemFill, ...]  # every item somebody wished for


@dataclass(frozen=True)
class RunSummary:
    id: int
    created_at: datetime
    actor: str
    placed: int
    proven_optimal: bool
    summary: dict
    undone_at: datetime | None
    undone_by: str
    still_held: int  # places from this run that are still there


@dataclass(frozen=True)
class UndoResult:
    run_id: int
    removed: int
    promotions: tuple[Promotion, ...]


# --- the instance ---------------------------------------------------------------------------


def build_instance(session: Session, event_id: int) -> Instance:
    """The event's open wishes as an allocation problem (see the module docstring)."""
    items = session.execute(
        select(ProgrammeItem, ProgrammeSlot.starts_at, ProgrammeSlot.ends_at, EventDay.date)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(ProgrammeSlot.event_id == event_id)
    ).all()
    item_ids = [row[0].id for row in items]
    held = session.execute(
        select(Enrolment.participant_id, Enrolment.item_id, Enrolment.status).where(
            Enrolment.item_id.in_(item_ids)
        )
    ).all()
    enrolled = defaultdict(int)
    for _, item_id, status in held:
        if status == EnrolmentStatus.ENROLLED.value:
            enrolled[item_id] += 1
    offers: dict[int, Offer] = {}
    sessions: dict[str, list[Offer]] = defaultdict(list)
    for item, starts, ends, day in items:
        free = None if item.capacity is None else max(0, item.capacity - enrolled[item.id])
        offer = Offer(
            item.id,
            offering_key(item),
            free,
            day.toordinal(),
            starts.hour * 60 + starts.minute,
            ends.hour * 60 + ends.minute,
        )
        offers[item.id] = offer
        sessions[offer.offering].append(offer)

    holds: dict[int, list[Offer]] = defaultdict(list)
    waiting: set[tuple[int, int]] = set()
    for participant_id, item_id, status in held:
        if status == EnrolmentStatus.ENROLLED.value:
            holds[participant_id].append(offers[item_id])
        else:
            waiting.add((participant_id, item_id))

    ranks: dict[int, dict[str, int]] = defaultdict(dict)
    for participant_id, item_id, rank in session.execute(
        select(Preference.participant_id, Preference.item_id, Preference.rank)
        .join(Participant, Preference.participant_id == Participant.id)
        .where(
            Participant.event_id == event_id,
            Participant.status == ParticipantStatus.REGISTERED.value,
        )
    ):
        offering = offers[item_id].offering
        wished = ranks[participant_id]
        wished[offering] = min(rank, wished.get(offering, rank))

    wishes: list[Wish] = []
    for participant_id, wished in ranks.items():
        mine = holds.get(participant_id, [])
        taken = {o.offering for o in mine}
        for offering, rank in wished.items():
            if offering in taken:
                continue
            for offer in sessions[offering]:
                if offer.free == 0 or (participant_id, offer.item_id) in waiting:
                    continue
                if any(offer.overlaps(h) for h in mine):
                    continue
                wishes.append(Wish(participant_id, offer.item_id, rank))
    wishes.sort(key=lambda w: (w.participant_id, w.rank, w.item_id))
    order = session.scalars(
        select(Participant.id)
        .where(Participant.id.in_({w.participant_id for w in wishes}))
        .order_by(Participant.created_at, Participant.id)
    ).all()
    used = {w.item_id for w in wishes}
    return Instance(
        tuple(o for o in offers.values() if o.item_id in used), tuple(wishes), tuple(order)
    )


# --- preview, apply, undo -------------------------------------------------------------------


def preview(
    session: Session,
    event_id: int,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
    cancelled: Callable[[], bool] | None = None,
) -> AllocationPreview:
    """The optimal allocation of the open wishes and, for comparison, first come, first
    served on the same data. Changes nothing."""
    instance = build_instance(session, event_id)
    optimal = solve(instance, time_limit=time_limit, cancelled=cancelled)
    fcfs = first_come_first_served(instance)
    wished = {o.item_id for o in instance.offers}
    fills = tuple(
        ItemFill(
            slot, item, optimal.summary.fill.get(item.id, 0), fcfs.summary.fill.get(item.id, 0)
        )
        for slot, items in event_programme(session, event_id)
        for item in items
        if item.id in wished
    )
    return AllocationPreview(event_id, optimal, fcfs, fills)


def apply(session: Session, event_id: int, outcome: Outcome, *, actor: str) -> RunSummary:
    """Give the places of a previewed outcome, all or none. If anything changed meanwhile
    so that one of them no longer fits (a place taken, a wish withdrawn, a registration
    cancelled), AllocationOutdated is raised and nothing is written."""
    assignments: Sequence[Assignment] = outcome.assignments
    if not assignments:
        raise NothingToAllocate()
    lock_rows(session, Participant, sorted({a.participant_id for a in assignments}))
    lock_rows(session, ProgrammeItem, sorted({a.item_id for a in assignments}))
    problems = violations(build_instance(session, event_id), assignments)
    if problems:
        raise AllocationOutdated(count=len(problems))
    summary = _summary_json(outcome)
    run = AllocationRun(
        event_id=event_id,
        actor=actor,
        placed=len(assignments),
        proven_optimal=outcome.proven_optimal,
        summary=summary,
    )
    session.add(run)
    session.flush()
    now = utcnow()
    session.execute(
        insert(Enrolment),
        [
            {
                "item_id": a.item_id,
                "participant_id": a.participant_id,
                "status": EnrolmentStatus.ENROLLED.value,
                "source": EnrolmentSource.ALLOCATION.value,
                "allocation_run_id": run.id,
                "created_at": now,
            }
            for a in assignments
        ],
    )
    by_person: dict[int, list[dict]] = defaultdict(list)
    for a in assignments:
        by_person[a.participant_id].append({"item_id": a.item_id, "rank": a.rank})
    session.execute(
        insert(AuditEntry),
        [
            {
                "at": now,
                "actor": actor,
                "action": "enrolment.allocated",
                "entity": "participant",
                "entity_id": participant_id,
                "event_id": event_id,
                "after": {"run": run.id, "places": places},
            }
            for participant_id, places in by_person.items()
        ],
    )
    record(
        session,
        actor=actor,
        action="allocation.apply",
        entity="allocation_run",
        entity_id=run.id,
        event_id=event_id,
        after=summary,
    )
    return _run_summary(session, run)


def undo_last(session: Session, event_id: int, *, actor: str) -> UndoResult:
    """Take back the places of the last applied run that are still held; waiting lists
    move up into the freed places as usual."""
    run = session.scalar(
        select(AllocationRun)
        .where(AllocationRun.event_id == event_id, AllocationRun.undone_at.is_(None))
        .order_by(AllocationRun.id.desc())
        .limit(1)
    )
    if run is None:
        raise NoAllocationToUndo()
    rows = session.execute(
        select(Enrolment.participant_id, Enrolment.item_id).where(
            Enrolment.allocation_run_id == run.id,
            Enrolment.status == EnrolmentStatus.ENROLLED.value,
        )
    ).all()
    lock_rows(session, Participant, sorted({p for p, _ in rows}))
    lock_rows(session, ProgrammeItem, sorted({i for _, i in rows}))
    removed = session.execute(
        Enrolment.__table__.delete().where(
            Enrolment.allocation_run_id == run.id,
            Enrolment.status == EnrolmentStatus.ENROLLED.value,
        )
    ).rowcount
    now = utcnow()
    by_person: dict[int, list[int]] = defaultdict(list)
    for participant_id, item_id in rows:
        by_person[participant_id].append(item_id)
    if by_person:
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": now,
                    "actor": actor,
                    "action": "enrolment.allocation_undone",
                    "entity": "participant",
                    "entity_id": participant_id,
                    "event_id": event_id,
                    "before": {"run": run.id, "item_ids": item_ids},
                }
                for participant_id, item_ids in by_person.items()
            ],
        )
    session.execute(
        update(AllocationRun)
        .where(AllocationRun.id == run.id)
        .values(undone_at=now, undone_by=actor)
    )
    record(
        session,
        actor=actor,
        action="allocation.undo",
        entity="allocation_run",
        entity_id=run.id,
        event_id=event_id,
        after={"removed": removed},
    )
    promotions: list[Promotion] = []
    for item_id in sorted({i for _, i in rows}):
        promotions += promote(session, item_id, actor=actor)
    return UndoResult(run.id, removed, tuple(promotions))


def runs(session: Session, event_id: int) -> list[RunSummary]:
    """Every applied run of the event, newest first."""
    return [
        _run_summary(session, run)
        for run in session.scalars(
            select(AllocationRun)
            .where(AllocationRun.event_id == event_id)
            .order_by(AllocationRun.id.desc())
        )
    ]


def _run_summary(session: Session, run: AllocationRun) -> RunSummary:
    held = session.scalar(
        select(func.count()).select_from(Enrolment).where(Enrolment.allocation_run_id == run.id)
    )
    return RunSummary(
        run.id,
        run.created_at,
        run.actor,
        run.placed,
        run.proven_optimal,
        run.summary,
        run.undone_at,
        run.undone_by,
        held or 0,
    )


def _summary_json(outcome: Outcome) -> dict:
    s = outcome.summary
    return {
        "placed": s.placed,
        "wanted": s.wanted,
        "by_rank": {str(rank): n for rank, n in s.by_rank.items()},
        "short": s.short,
        "people": s.people,
        "people_without_place": s.people_without_place,
        "score": outcome.score,
        "proven_optimal": outcome.proven_optimal,
        "seconds": round(outcome.seconds, 3),
    }
