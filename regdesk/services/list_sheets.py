"""Lists of one day or one programme item each: sign-in sheets (Unterschriftenlisten),
which funded events file as proof of attendance, and the workshop rosters for the hosts.
"""

from __future__ import annotations

from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..exporting.document import BOOL, INT, Column, Sheet
from ..models import (
    Category,
    Enrolment,
    EnrolmentStatus,
    EventDay,
    ItemKind,
    Participant,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
    Scan,
    Verdict,
)
from .list_common import ListContext, ListRequest, filters_of, people_of
from .search import participant_ids

REGISTERED = ParticipantStatus.REGISTERED.value


def _items(session: Session, event_id: int, item_ids: tuple[int, ...]):
    """(item, slot, day) of the chosen items (all when none are chosen), in time order."""
    query = (
        select(ProgrammeItem, ProgrammeSlot, EventDay.date)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
        .where(ProgrammeSlot.event_id == event_id)
        .order_by(EventDay.date, ProgrammeSlot.starts_at, ProgrammeItem.id)
    )
    if item_ids:
        query = query.where(ProgrammeItem.id.in_(item_ids))
    return session.execute(query).all()


def _when(event: ListContext, day, starts: time, ends: time) -> str:
    hours = event.t("o_clock", start=f"{starts:%H:%M}", end=f"{ends:%H:%M}")
    return f"{event.day_name(day)}, {hours}"


def _item_title(item: ProgrammeItem) -> str:
    return f"{item.code} – {item.title}" if item.code else item.title


def _item_heading(event: ListContext, item: ProgrammeItem, slot, day) -> list[str]:
    lines = [f"{event.t('item')}: {_item_title(item)}"]
    lines.append(f"{event.t('date')}: {_when(event, day, slot.starts_at, slot.ends_at)}")
    if item.room:
        lines.append(f"{event.t('room')}: {item.room}")
    if item.host:
        lines.append(f"{event.t('host')}: {item.host}")
    return lines


def signin(session: Session, event: ListContext, request: ListRequest):
    """One sheet per day (who is registered for it) and per programme item (who holds a
    place): No., last name, first name, organisation, a box to sign; alphabetical."""
    t = event.t
    columns = (
        Column("number", t("number"), INT, width=5),
        Column("last_name", t("last_name"), width=22),
        Column("first_name", t("first_name"), width=20),
        Column("organisation", t("organisation"), width=38),
        Column("signature", t("signature"), width=34),
    )
    note = event.summary.privacy_note
    sheets = []
    days = [d for d in event.summary.days if not request.day_ids or d.id in request.day_ids]
    if request.item_ids and not request.day_ids:
        days = []
    for day in days:
        filters = filters_of(request, status=REGISTERED, day_ids=(day.id,), item_ids=())
        ids = participant_ids(session, event.summary.id, "", filters, sort="name")
        heading = event.heading()
        heading.insert(1, f"{t('date')}: {event.day_name(day.date)}")
        sheets.append(
            Sheet(
                event.day_name(day.date),
                columns,
                _signin_rows(session, ids, request.blank_rows),
                tuple(heading),
                note,
            )
        )
    items = _items(session, event.summary.id, request.item_ids) if request.item_ids else []
    for item, slot, day in items:  # items only when asked for
        filters = filters_of(request, status=REGISTERED, item_ids=(item.id,), day_ids=())
        ids = participant_ids(session, event.summary.id, "", filters, sort="name")
        heading = event.heading()[:1] + _item_heading(event, item, slot, day)
        heading += event.heading()[1:]
        sheets.append(
            Sheet(
                _item_title(item),
                columns,
                _signin_rows(session, ids, request.blank_rows),
                tuple(heading),
                note,
            )
        )
    return sheets, True


def _signin_rows(session: Session, ids: list[int], blank: int) -> list[tuple]:
    """The people in order, then ``blank`` numbered rows to write in by hand."""
    people = people_of(session, ids)
    rows = [
        (n, p.last_name, p.first_name, p.organisation, "")
        for n, (p, _) in enumerate((people[pid] for pid in ids), start=1)
    ]
    return rows + [(n, "", "", "", "") for n in range(len(rows) + 1, len(rows) + blank + 1)]


def rosters(session: Session, event: ListContext, request: ListRequest):
    """Per programme item, for its host: who holds a place (alphabetical), then the
    waiting list in order; the chosen items, else every item with people on it."""
    t = event.t
    columns = (
        Column("number", t("number"), INT, width=5),
        Column("last_name", t("last_name"), width=20),
        Column("first_name", t("first_name"), width=18),
        Column("organisation", t("organisation"), width=36),
        Column("category", t("category"), width=16),
        Column("email", t("email"), width=30, in_pdf=False),
        Column("phone", t("phone"), width=18),
        Column("place", t("place"), width=14),
        Column("checked_in", t("checked_in"), BOOL, width=11),
    )
    phone_at = 6
    wanted = set(
        participant_ids(
            session, event.summary.id, "", filters_of(request, item_ids=(), status=REGISTERED)
        )
    )
    sheets = []
    for item, slot, day in _items(session, event.summary.id, request.item_ids):
        rows_ = session.execute(
            select(Enrolment, Participant, Category.name)
            .join(Participant, Enrolment.participant_id == Participant.id)
            .join(Category, Participant.category_id == Category.id)
            .where(Enrolment.item_id == item.id)
            .order_by(  # places first ("enrolled" < "waitlisted"), by name; then the queue
                Enrolment.status, Enrolment.waitlist_position, Participant.name_key, Participant.id
            )
        ).all()
        if not rows_ and not request.item_ids:
            continue
        at_door = set(
            session.scalars(
                select(Scan.participant_id).where(
                    Scan.item_id == item.id,
                    Scan.verdict == Verdict.ADMITTED.value,
                    Scan.undone_at.is_(None),
                )
            )
        )
        rows = []
        for enrolment, p, category in rows_:
            if p.id not in wanted:
                continue
            if enrolment.status == EnrolmentStatus.ENROLLED.value:
                place = t("enrolled")
            else:
                place = t("waitlisted", n=enrolment.waitlist_position)
            rows.append(
                (len(rows) + 1, p.last_name, p.first_name, p.organisation, category, p.email,
                 p.phone, place, p.id in at_door)
            )  # fmt: skip
        enrolled = sum(1 for e, _, _ in rows_ if e.status == EnrolmentStatus.ENROLLED.value)
        waiting = len(rows_) - enrolled
        fill = (
            t("fill", enrolled=enrolled, capacity=item.capacity)
            if item.capacity is not None
            else t("fill_unlimited", enrolled=enrolled)
        )
        if waiting:
            fill += " · " + t("waiting", n=waiting)
        heading = event.heading()[:1] + _item_heading(event, item, slot, day) + [fill]
        # on a bus the guide rings who is missing: an excursion's list always has phones
        if request.phone or item.kind == ItemKind.EXCURSION.value:
            own_columns, own_rows = columns, rows
        else:
            own_columns = columns[:phone_at] + columns[phone_at + 1 :]
            own_rows = [row[:phone_at] + row[phone_at + 1 :] for row in rows]
        sheets.append(
            Sheet(
                _item_title(item),
                own_columns,
                own_rows,
                tuple(heading),
                list_title=t(ROSTER_TITLES.get(item.kind, "roster.other")),
            )
        )
    return sheets, False


ROSTER_TITLES = {
    ItemKind.WORKSHOP.value: "roster.workshop",
    ItemKind.EXCURSION.value: "roster.excursion",
    ItemKind.FORUM.value: "roster.forum",
}
