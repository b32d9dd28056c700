"""The lists of people: the participant list (everything, for the back office and for a
re-import), the published list (only who consented to being listed) and the catering
and accessibility list (only who consented to their health data being kept)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..exporting.document import BOOL, DATETIME, INT, Column, Sheet
from ..models import (
    Consent,
    ConsentKind,
    Enrolment,
    EnrolmentStatus,
    EventDay,
    GroupMember,
    ParticipantDay,
    ParticipantGroup,
    ParticipantStatus,
    Preference,
    ProgrammeItem,
    ProgrammeSlot,
)
from ..text import format_date
from .list_common import (
    ListContext,
    ListRequest,
    consented,
    filters_of,
    grouped,
    item_label,
    join_items,
    people_of,
    salutation_word,
)
from .search import ParticipantFilter, participant_ids

ENROLLED = EnrolmentStatus.ENROLLED.value
_CONSENT_COLUMNS = (
    ("consent_photo", ConsentKind.PHOTO),
    ("consent_listing", ConsentKind.LISTING),
    ("consent_badge_organisation", ConsentKind.BADGE_ORGANISATION),
    ("consent_health_data", ConsentKind.HEALTH_DATA),
)


def chosen_days(session: Session, ids: list[int]) -> dict[int, list]:
    """The days each participant chose, by date; none for those registered for all."""
    rows = grouped(
        session,
        ids,
        lambda: (
            select(ParticipantDay.participant_id, EventDay.date)
            .join(EventDay, ParticipantDay.day_id == EventDay.id)
            .order_by(EventDay.date)
        ),
        ParticipantDay.participant_id,
    )
    return {pid: [day for (day,) in days] for pid, days in rows.items()}


def participant_list(session: Session, event: ListContext, request: ListRequest):
    ids = participant_ids(session, event.summary.id, "", filters_of(request), sort="name")
    people = people_of(session, ids)
    consents = grouped(
        session, ids, lambda: select(Consent.participant_id, Consent.kind, Consent.granted),
        Consent.participant_id,
    )  # fmt: skip
    days = chosen_days(session, ids)
    places = grouped(
        session,
        ids,
        lambda: (
            select(
                Enrolment.participant_id, ProgrammeItem.code, ProgrammeItem.title, Enrolment.status
            )
            .join(ProgrammeItem, Enrolment.item_id == ProgrammeItem.id)
            .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
            .join(EventDay, ProgrammeSlot.day_id == EventDay.id)
            .order_by(EventDay.date, ProgrammeSlot.starts_at, ProgrammeItem.id)
        ),
        Enrolment.participant_id,
    )
    wishes = grouped(
        session,
        ids,
        lambda: (
            select(
                Preference.participant_id, Preference.rank, ProgrammeItem.code, ProgrammeItem.title
            )
            .join(ProgrammeItem, Preference.item_id == ProgrammeItem.id)
            .order_by(Preference.rank, ProgrammeItem.slot_id, ProgrammeItem.id)
        ),
        Preference.participant_id,
    )
    ranks = max((rank for rows in wishes.values() for rank, _, _ in rows), default=0)
    inside = set(participant_ids(session, event.summary.id, "", ParticipantFilter(checked_in=True)))
    groups = {
        pid: (name, lead)
        for pid, rows_ in grouped(
            session, ids,
            lambda: select(GroupMember.participant_id, ParticipantGroup.name, GroupMember.is_lead)
            .join(ParticipantGroup, ParticipantGroup.id == GroupMember.group_id),
            GroupMember.participant_id,
        ).items()
        for name, lead in rows_
    }  # fmt: skip
    t = event.t
    columns = [
        Column("salutation", t("salutation"), width=8, in_pdf=False),
        Column("title", t("title"), width=9),
        Column("first_name", t("first_name"), width=16),
        Column("last_name", t("last_name"), width=18),
        Column("organisation", t("organisation"), width=34),
        Column("position", t("position"), width=20),
        Column("email", t("email"), width=30),
        Column("phone", t("phone"), width=18, in_pdf=False),
        Column("category", t("category"), width=15),
        Column("status", t("status"), width=11),
        Column("cancel_reason", t("cancel_reason"), width=20, in_pdf=False),
        Column("is_vip", t("is_vip"), BOOL, width=6, in_pdf=False),
        Column("group", t("group"), width=22, in_pdf=False),
        Column("group_lead", t("group_lead"), BOOL, width=8, in_pdf=False),
        Column("short_code", t("short_code"), width=9, in_pdf=False),
        Column("days", t("days"), width=14, in_pdf=False),
        Column("programme", t("programme"), width=16, in_pdf=False),
        Column("waitlist", t("waitlist"), width=12, in_pdf=False),
        *(Column(f"wish{n}", t("wish", n=n), width=10, in_pdf=False) for n in range(1, ranks + 1)),
        Column("needs_dietary", t("needs_dietary"), width=18, in_pdf=False),
        Column("needs_accessibility", t("needs_accessibility"), width=18, in_pdf=False),
        Column("needs_interpreter", t("needs_interpreter"), width=14, in_pdf=False),
        *(Column(key, t(key), BOOL, width=12, in_pdf=False) for key, _ in _CONSENT_COLUMNS),
        Column("notes", t("notes"), width=30, in_pdf=False),
        Column("checked_in", t("checked_in"), BOOL, width=11),
        Column("badge_printed", t("badge_printed"), INT, width=11, in_pdf=False),
        Column("registered_at", t("registered_at"), DATETIME, width=17, in_pdf=False),
    ]
    rows = []
    for pid in ids:
        p, category = people[pid]
        given = {kind: granted for kind, granted in consents.get(pid, ())}
        held = places.get(pid, ())
        wished = wishes.get(pid, ())
        rows.append(
            (
                salutation_word(event, p.salutation),
                p.title,
                p.first_name,
                p.last_name,
                p.organisation,
                p.position,
                p.email,
                p.phone,
                category,
                t(p.status),
                p.cancel_reason,
                p.is_vip,
                *groups.get(pid, ("", False)),
                p.short_code,
                ", ".join(format_date(d) for d in days.get(pid, ())),
                join_items([item_label(c, ti) for c, ti, s in held if s == ENROLLED]),
                join_items([item_label(c, ti) for c, ti, s in held if s != ENROLLED]),
                *(
                    join_items([item_label(c, ti) for r, c, ti in wished if r == n])
                    for n in range(1, ranks + 1)
                ),
                p.needs_dietary,
                p.needs_accessibility,
                p.needs_interpreter,
                *(given.get(kind.value) for _, kind in _CONSENT_COLUMNS),
                p.notes,
                pid in inside,
                p.badge_print_count,
                event.local(p.created_at),
            )
        )
    return [Sheet("", tuple(columns), rows, tuple(event.heading()))], False


def published_list(session: Session, event: ListContext, request: ListRequest):
    """Only people who consented to being listed, and only what a published list shows."""
    filters = filters_of(request, status=ParticipantStatus.REGISTERED.value)
    ids = participant_ids(session, event.summary.id, "", filters, sort="name")
    listed = consented(session, ids, ConsentKind.LISTING)
    ids = [pid for pid in ids if pid in listed]
    people = people_of(session, ids)
    t = event.t
    columns = (
        Column("number", t("number"), INT, width=6),
        Column("title", t("title"), width=10),
        Column("first_name", t("first_name"), width=18),
        Column("last_name", t("last_name"), width=20),
        Column("organisation", t("organisation"), width=40),
        Column("position", t("position"), width=26),
    )
    rows = [
        (n, p.title, p.first_name, p.last_name, p.organisation, p.position)
        for n, (p, _) in enumerate((people[pid] for pid in ids), start=1)
    ]
    sheet = Sheet("", columns, rows, tuple(event.heading()), t("consented_only"))
    return [sheet], False


def catering_list(session: Session, event: ListContext, request: ListRequest):
    """Dietary, accessibility and interpreting needs, only of people who consented."""
    filters = filters_of(request, status=ParticipantStatus.REGISTERED.value)
    ids = participant_ids(session, event.summary.id, "", filters, sort="name")
    allowed = consented(session, ids, ConsentKind.HEALTH_DATA)
    people = people_of(session, [pid for pid in ids if pid in allowed])
    days = chosen_days(session, list(people))
    t = event.t
    columns = (
        Column("number", t("number"), INT, width=6),
        Column("last_name", t("last_name"), width=18),
        Column("first_name", t("first_name"), width=16),
        Column("organisation", t("organisation"), width=30),
        Column("category", t("category"), width=14),
        Column("days", t("days"), width=14),
        Column("needs_dietary", t("needs_dietary"), width=26),
        Column("needs_accessibility", t("needs_accessibility"), width=26),
        Column("needs_interpreter", t("needs_interpreter"), width=18),
    )
    rows = []
    for pid in ids:
        if pid not in people:
            continue
        p, category = people[pid]
        if not (p.needs_dietary or p.needs_accessibility or p.needs_interpreter):
            continue
        on = ", ".join(format_date(d) for d in days.get(pid, ())) or t("all_days")
        rows.append(
            (len(rows) + 1, p.last_name, p.first_name, p.organisation, category, on,
             p.needs_dietary, p.needs_accessibility, p.needs_interpreter)
        )  # fmt: skip
    sheet = Sheet("", columns, rows, tuple(event.heading()), t("health_consented_only"))
    return [sheet], False
