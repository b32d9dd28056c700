"""The logs as lists: every scan at the doors, every change (the audit trail), and every
consent decision (when, which, what answer, how it was given, by whom recorded)."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..exporting.document import DATE, DATETIME, INT, Column, Sheet
from ..exporting.labels import action_text
from ..models import (
    AuditEntry,
    Category,
    ConsentKind,
    EventDay,
    Participant,
    ProgrammeItem,
    Scan,
    Verdict,
)
from .audit_log import AuditFilter, audit_query
from .list_common import ListContext, ListRequest

_VERDICT_WORDS = {v.value: v.value for v in Verdict} | {
    Verdict.CANCELLED.value: "verdict_cancelled"
}


def scan_log(session: Session, event: ListContext, request: ListRequest):
    """Every scan, successful or not, in time order: at which desk, which day or door,
    what it decided, whose badge, what was read, and whether it was undone."""
    t = event.t
    query = (
        select(Scan, EventDay.date, ProgrammeItem.code, ProgrammeItem.title, Participant)
        .outerjoin(EventDay, Scan.day_id == EventDay.id)
        .outerjoin(ProgrammeItem, Scan.item_id == ProgrammeItem.id)
        .outerjoin(Participant, Scan.participant_id == Participant.id)
        .where(Scan.event_id == event.summary.id)
        .order_by(Scan.at, Scan.id)
    )
    if request.day_ids:
        query = query.where(Scan.day_id.in_(request.day_ids))
    if request.item_ids:
        query = query.where(Scan.item_id.in_(request.item_ids))
    if request.category_ids:
        query = query.where(Participant.category_id.in_(request.category_ids))
    if request.status is not None:
        query = query.where(Participant.status == request.status)
    columns = (
        Column("time", t("time"), DATETIME, width=17),
        Column("desk", t("desk"), width=16),
        Column("day", t("day"), DATE, width=12),
        Column("item", t("item"), width=22),
        Column("direction", t("direction"), width=9),
        Column("verdict", t("verdict"), width=18),
        Column("last_name", t("last_name"), width=18),
        Column("first_name", t("first_name"), width=16),
        Column("short_code", t("short_code"), width=9),
        Column("scanned", t("scanned"), width=24, in_pdf=False),
        Column("override_reason", t("override_reason"), width=24),
        Column("undone_at", t("undone_at"), DATETIME, width=17),
        Column("undone_by", t("undone_by"), width=16, in_pdf=False),
    )
    rows = [
        (
            event.local(scan.at),
            scan.desk,
            day,
            (f"{code} – {title}" if code else title) if title else "",
            t(scan.direction),
            t(_VERDICT_WORDS.get(scan.verdict, "unknown")),
            person.last_name if person else "",
            person.first_name if person else "",
            person.short_code if person else "",
            scan.raw,
            scan.override_reason,
            event.local(scan.undone_at),
            scan.undone_by,
        )
        for scan, day, code, title, person in session.execute(query)
    ]
    return [Sheet("", columns, rows, tuple(event.heading()))], False


def audit_log(session: Session, event: ListContext, request: ListRequest):
    """Every recorded change of the event: when, who, what, and the values before and
    after (as JSON). A day narrows it to changes made on that calendar day; the request's
    audit filter as the viewer narrowed it."""
    t = event.t
    query, person = audit_query(event.summary.id, request.audit or AuditFilter())
    query = query.order_by(AuditEntry.at, AuditEntry.id)
    if request.category_ids:
        query = query.join(Category, person.category_id == Category.id).where(
            Category.id.in_(request.category_ids)
        )
    days = {d.id: d.date for d in event.summary.days}
    chosen = [days[d] for d in request.day_ids if d in days]
    rows = []
    for entry, first, last in session.execute(query):
        when = event.local(entry.at)
        if chosen and when.date() not in chosen:
            continue
        rows.append(
            (
                when,
                entry.actor,
                action_text(entry.action, event.language),
                entry.action,
                entry.entity,
                entry.entity_id,
                f"{first} {last}" if first else "",
                _json(entry.before),
                _json(entry.after),
            )
        )
    columns = (
        Column("time", t("time"), DATETIME, width=17),
        Column("actor", t("actor"), width=26),
        Column("action", t("action"), width=26),
        Column("action_code", t("action_code"), width=18, in_pdf=False),
        Column("entity", t("entity"), width=12),
        Column("entity_id", t("entity_id"), INT, width=8),
        Column("person", t("person"), width=22),
        Column("before", t("before"), width=40),
        Column("after", t("after"), width=40),
    )
    return [Sheet("", columns, rows, tuple(event.heading()))], False


CONSENT_ACTIONS = ("consent.set", "participant.import")
_CONSENT_COLUMNS = {kind.value: f"consent_{kind.value}" for kind in ConsentKind}


def consent_decisions(entry: AuditEntry) -> list[tuple[str, bool | None, str]]:
    """The consent decisions an audit entry records: (kind, answer, how given), the
    answer None when a recorded answer was taken back to "not asked"."""
    after = entry.after or {}
    if entry.action == "consent.set":
        via = str(after.get("via", ""))
        return [(k, after.get(k), via) for k in sorted(after) if k in _CONSENT_COLUMNS]
    if entry.action == "participant.import":
        consents = after.get("consents") or {}
        via = str(after.get("consent_via") or "Import")
        return [(k, consents[k], via) for k in sorted(consents) if k in _CONSENT_COLUMNS]
    return []


def consent_log(session: Session, event: ListContext, request: ListRequest):
    """Every consent decision of the event's participants in time order -- given,
    refused, or taken back -- with how it was given ("Anmeldeformular", "vor Ort") and
    who recorded it: the proof Art. 7 (1) DSGVO asks for. Narrowed like the audit log
    (a person, a time), by category and status."""
    t = event.t
    filters = request.audit or AuditFilter()
    query, person = audit_query(event.summary.id, replace(filters, actions=CONSENT_ACTIONS))
    query = query.add_columns(person.short_code, person.category_id, person.status)
    query = query.order_by(AuditEntry.at, AuditEntry.id)
    answers = {True: t("consent_given"), False: t("consent_refused"), None: t("consent_none")}
    rows = []
    for entry, first, last, code, category_id, status in session.execute(query):
        if request.category_ids and category_id not in request.category_ids:
            continue
        if request.status is not None and status != request.status:
            continue
        for kind, answer, via in consent_decisions(entry):
            rows.append(
                (
                    event.local(entry.at),
                    last or "",
                    first or "",
                    code or "",
                    t(_CONSENT_COLUMNS[kind]),
                    answers.get(answer, str(answer)),
                    via,
                    entry.actor,
                )
            )
    columns = (
        Column("time", t("time"), DATETIME, width=17),
        Column("last_name", t("last_name"), width=18),
        Column("first_name", t("first_name"), width=16),
        Column("short_code", t("short_code"), width=9),
        Column("consent", t("consent"), width=28),
        Column("answer", t("answer"), width=14),
        Column("given_via", t("given_via"), width=20),
        Column("actor", t("actor"), width=24),
    )
    return [Sheet("", columns, rows, tuple(event.heading()), empty=t("no_consents"))], False


def _json(value) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
