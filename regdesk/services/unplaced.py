"""Who has no place in the programme after an allocation, and why; putting them on the
waiting list of their first wish; and the list of them for the office."""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..allocation import Assignment
from ..errors import RegdeskError
from ..exporting.document import INT, Column, Sheet
from ..models import (
    Category,
    Enrolment,
    EnrolmentStatus,
    Participant,
    ParticipantStatus,
    Preference,
    ProgrammeItem,
    ProgrammeSlot,
)
from .list_common import ListContext, ListRequest, filters_of
from .programme import enrol
from .search import participant_ids


class Reason(enum.StrEnum):
    NO_WISHES = "no_wishes"  # gave no wishes at all
    WISHES_FULL = "wishes_full"  # every wished item full (or at the time of a place held)


@dataclass(frozen=True)
class Unplaced:
    participant_id: int
    last_name: str
    first_name: str
    organisation: str
    email: str
    phone: str
    category: str
    reason: Reason
    first_wish_id: int | None  # the best-ranked wish they are not yet waiting for
    first_wish: str  # "W3 · Offene Daten"
    waiting_for: tuple[str, ...]  # the items whose waiting lists they are on


@dataclass(frozen=True)
class WaitlistOutcome:
    waiting: tuple[str, ...]  # "Anna Alt → W3 · Offene Daten (Warteliste 4)" as data
    placed: tuple[str, ...]  # the item had room after all: a place
    skipped: tuple[tuple[str, RegdeskError], ...]  # name, why not


def item_name(item: ProgrammeItem) -> str:
    return f"{item.code} · {item.title}" if item.code else item.title


def unplaced(
    session: Session,
    event_id: int,
    assignments: Iterable[Assignment] = (),
    *,
    only: Iterable[int] | None = None,
) -> list[Unplaced]:
    """Registered people who hold no place on any programme item -- after ``assignments``
    (a previewed allocation) would be given -- alphabetically, with the reason."""
    items = {
        item.id: item
        for item in session.scalars(
            select(ProgrammeItem)
            .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
            .where(ProgrammeSlot.event_id == event_id)
        )
    }
    placed = {a.participant_id for a in assignments}
    waiting: dict[int, list[int]] = defaultdict(list)
    for pid, item_id, status in session.execute(
        select(Enrolment.participant_id, Enrolment.item_id, Enrolment.status)
        .where(Enrolment.item_id.in_(items))
        .order_by(Enrolment.waitlist_position)
    ):
        if status == EnrolmentStatus.ENROLLED.value:
            placed.add(pid)
        else:
            waiting[pid].append(item_id)
    wishes: dict[int, list[int]] = defaultdict(list)
    for pid, item_id in session.execute(
        select(Preference.participant_id, Preference.item_id)
        .where(Preference.item_id.in_(items))
        .order_by(Preference.participant_id, Preference.rank, Preference.item_id)
    ):
        wishes[pid].append(item_id)
    query = (
        select(Participant, Category.name)
        .join(Category, Participant.category_id == Category.id)
        .where(
            Participant.event_id == event_id,
            Participant.status == ParticipantStatus.REGISTERED.value,
        )
        .order_by(Participant.name_key, Participant.id)
    )
    wanted = None if only is None else set(only)
    found = []
    for p, category in session.execute(query):
        if p.id in placed or (wanted is not None and p.id not in wanted):
            continue
        mine = wishes.get(p.id, [])
        first = next((i for i in mine if i not in waiting.get(p.id, ())), None)
        found.append(
            Unplaced(
                p.id,
                p.last_name,
                p.first_name,
                p.organisation,
                p.email,
                p.phone,
                category,
                Reason.WISHES_FULL if mine else Reason.NO_WISHES,
                first,
                item_name(items[first]) if first is not None else "",
                tuple(item_name(items[i]) for i in waiting.get(p.id, ())),
            )
        )
    return found


def waitlist_first_wishes(
    session: Session, event_id: int, participant_ids_: Iterable[int], *, actor: str
) -> WaitlistOutcome:
    """Each chosen person without a place onto the waiting list of their best-ranked wish
    they are not yet waiting for (a place, should it have room by now). Who cannot be put
    there (no wish left, a clash with a place meanwhile held) is skipped with the reason."""
    waiting, placed, skipped = [], [], []
    for person in unplaced(session, event_id, only=participant_ids_):
        name = f"{person.first_name} {person.last_name}"
        if person.first_wish_id is None:
            continue
        try:
            result = enrol(session, person.first_wish_id, person.participant_id, actor=actor)
        except RegdeskError as exc:
            skipped.append((name, exc))
            continue
        if result.status == EnrolmentStatus.ENROLLED.value:
            placed.append(f"{name} → {person.first_wish}")
        else:
            waiting.append(f"{name} → {person.first_wish} ({result.waitlist_position})")
    return WaitlistOutcome(tuple(waiting), tuple(placed), tuple(skipped))


def unplaced_list(session: Session, event: ListContext, request: ListRequest):
    """The list kind "unplaced": who has no place, why, their first wish and waiting lists;
    with e-mail and phone, to reach them."""
    t = event.t
    columns = (
        Column("number", t("number"), INT, width=5),
        Column("last_name", t("last_name"), width=20),
        Column("first_name", t("first_name"), width=18),
        Column("organisation", t("organisation"), width=30),
        Column("category", t("category"), width=16),
        Column("email", t("email"), width=30),
        Column("phone", t("phone"), width=18),
        Column("reason", t("unplaced_reason"), width=28),
        Column("first_wish", t("first_wish"), width=30),
        Column("waiting_for", t("waiting_for"), width=30),
    )
    chosen = set(participant_ids(session, event.summary.id, "", filters_of(request)))
    rows = [
        (n, p.last_name, p.first_name, p.organisation, p.category, p.email, p.phone,
         t(f"unplaced.{p.reason.value}"), p.first_wish, ", ".join(p.waiting_for))
        for n, p in enumerate(unplaced(session, event.summary.id, only=chosen), start=1)
    ]  # fmt: skip
    return [Sheet("", columns, rows, tuple(event.heading()), empty=t("no_rows"))], False
