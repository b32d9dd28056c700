"""Importing participants from a table: the dry run (a report per row, duplicates within
the file and against the event) and the import itself, all or nothing.

``plan_import`` reads nothing but the database and says, row by row, what would happen.
``apply_import`` runs the same plan again inside one write transaction (on SQLite the
write lock is held from its start, on PostgreSQL the event's row is locked, so the
duplicate check is exact against other imports) and inserts every
row that goes in, in bulk. It refuses while rows have problems unless told to skip them;
a cancel, an error or a killed process leaves the database as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..badge_codes import new_secret, unique_short_codes
from ..db import Database
from ..errors import Cancelled, ImportHasErrors, LostLettersNotAccepted, Problem
from ..importing.form_consent import FormConsent
from ..importing.mapping import ColumnMapping
from ..importing.reader import SourceTable
from ..importing.rows import (
    LOST_LETTERS,
    Candidate,
    EventContext,
    RowIssue,
    RowReader,
    describe,
    load_context,
)
from ..importing.values import suggest_values
from ..models import (
    AuditEntry,
    Consent,
    EnrolmentSource,
    Event,
    GroupMember,
    Participant,
    ParticipantDay,
    ParticipantGroup,
    ParticipantStatus,
    Preference,
    RegistrationSource,
    ReplacedBadge,
    SearchToken,
    utcnow,
)
from . import programme
from .audit import jsonable, record
from .groups import group_key
from .import_updates import Update, apply_updates, plan_updates
from .participants import token_rows

Progress = Callable[[int, int], None]
CHUNK = 1000
UNUSABLE_FOR_UPDATE = {"update_ambiguous", "update_twice"}
DUPLICATE_POLICIES = ("skip", "add", "update")  # update: registered people from the file


@dataclass(frozen=True)
class Duplicate:
    """A row that looks like a person already there: in the event, or earlier in the file."""

    line: int
    reason: str  # "email" or "name", as in the participants' duplicate check
    name: str  # the other one: "Anna Müller (Stadt Ulm)"
    participant_id: int | None = None
    earlier_line: int | None = None


@dataclass(frozen=True)
class ImportPlan:
    table: SourceTable
    mapping: ColumnMapping
    duplicate_policy: str
    candidates: tuple[Candidate, ...]
    invalid_lines: tuple[int, ...]
    issues: tuple[RowIssue, ...]
    duplicates: tuple[Duplicate, ...]
    updates: tuple[Update, ...] = ()  # duplicate policy "update": who changes, and how

    @property
    def total(self) -> int:
        return len(self.table.rows)

    @property
    def errors(self) -> tuple[RowIssue, ...]:
        return tuple(i for i in self.issues if not i.warning)

    @property
    def warnings(self) -> tuple[RowIssue, ...]:
        return tuple(i for i in self.issues if i.warning)

    @property
    def lost_letter_lines(self) -> tuple[int, ...]:
        """Rows that would go in with "?" for letters the exporting program lost."""
        going = {c.line for c in self.to_import}
        found = {i.line for i in self.issues if i.problem.code == LOST_LETTERS}
        return tuple(sorted(found & going))

    @property
    def to_import(self) -> tuple[Candidate, ...]:
        if self.duplicate_policy == "add":
            return self.candidates
        skipped = {d.line for d in self.duplicates} | {u.line for u in self.updates}
        skipped |= {i.line for i in self.issues if i.problem.code in UNUSABLE_FOR_UPDATE}
        return tuple(c for c in self.candidates if c.line not in skipped)

    @property
    def changing(self) -> tuple[Update, ...]:
        """The updates that change something."""
        return tuple(u for u in self.updates if u.changes)

    @property
    def skipped_duplicates(self) -> int:
        return len(self.candidates) - len(self.to_import) - len(self.updates)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    cancelled: int  # of them, imported as cancelled registrations
    skipped_invalid: int
    skipped_duplicates: int
    enrolled: int
    waitlisted: int
    wishes: int
    participant_ids: tuple[int, ...]
    seconds: float
    plan: ImportPlan | None = None  # the plan it followed, checked inside its transaction
    updated: int = 0  # registered people changed (duplicate policy "update")


# --- the plan -------------------------------------------------------------------------------


def suggest_mapping(
    session: Session,
    event_id: int,
    table: SourceTable,
    previous: tuple[dict[str, str], dict[str, dict[str, str]]] | None = None,
) -> ColumnMapping:
    """Fields from the headers, value tables from the event (yes/no columns named for an
    item or a day, loose category names); what the user chose for the same headers
    before wins -- ``previous``: a saved assignment (load_saved_mapping), or the file read
    before a correction (ColumnMapping.saved_form)."""
    mapping = ColumnMapping.suggested(table.headers)
    if previous is not None:
        mapping = mapping.reused(*previous)
    return suggest_values(table, mapping, load_context(session, event_id))


def plan_import(
    session: Session,
    event_id: int,
    table: SourceTable,
    mapping: ColumnMapping,
    *,
    duplicates: str = "skip",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    form_consent: FormConsent | None = None,
) -> ImportPlan:
    """What importing ``table`` with ``mapping`` would do; changes nothing.
    ``form_consent``: consents the registration form collected, for rows that do not
    answer them in a column (see importing.form_consent).

    Raises ValidationError when the mapping cannot be used (no name column, a field
    given twice)."""
    mapping.check()
    if duplicates not in DUPLICATE_POLICIES:
        raise ValueError(duplicates)
    context = load_context(session, event_id)
    context.form_consent = form_consent
    reader = RowReader(table, mapping, context)
    candidates: list[Candidate] = []
    issues: list[RowIssue] = []
    invalid: list[int] = []
    found: list[Duplicate] = []
    seen_email: dict[str, tuple[int, str]] = {}
    seen_name: dict[str, tuple[int, str]] = {}
    for index, row in enumerate(table.rows):
        if cancelled and index % 500 == 0 and cancelled():
            raise Cancelled()
        candidate, row_issues = reader.read(row)
        issues += row_issues
        if candidate is None:
            invalid.append(row.line)
        else:
            candidates.append(candidate)
            keys = candidate.keys
            who = describe(
                candidate.values["first_name"],
                candidate.values["last_name"],
                candidate.values["organisation"],
            )
            duplicate = _duplicate(row.line, keys, context, seen_email, seen_name)
            if duplicate is not None:
                found.append(duplicate)
            if keys["email_key"]:
                seen_email.setdefault(keys["email_key"], (row.line, who))
            seen_name.setdefault(keys["dup_key"], (row.line, who))
        if progress and (index % 500 == 0 or index == len(table.rows) - 1):
            progress(index + 1, len(table.rows))
    updates: list[Update] = []
    if duplicates == "update":
        updates, _new, unusable = plan_updates(session, event_id, mapping, tuple(candidates))
        issues += [
            RowIssue(u.line, "", Problem("", f"update_{u.reason}"), warning=True) for u in unusable
        ]
    plan = ImportPlan(
        table, mapping, duplicates, tuple(candidates), tuple(invalid), tuple(issues),
        tuple(found), tuple(updates),
    )  # fmt: skip
    issues += _capacity_notes(session, plan.to_import, context)
    return replace(plan, issues=tuple(sorted(issues, key=lambda i: i.line)))


def _duplicate(line, keys, context, seen_email, seen_name) -> Duplicate | None:
    email = keys["email_key"]
    if email and email in context.by_email:
        pid, who = context.by_email[email]
        return Duplicate(line, "email", who, participant_id=pid)
    if keys["dup_key"] in context.by_name:
        pid, who = context.by_name[keys["dup_key"]]
        return Duplicate(line, "name", who, participant_id=pid)
    if email and email in seen_email:
        earlier, who = seen_email[email]
        return Duplicate(line, "email", who, earlier_line=earlier)
    if keys["dup_key"] in seen_name:
        earlier, who = seen_name[keys["dup_key"]]
        return Duplicate(line, "name", who, earlier_line=earlier)
    return None


def _capacity_notes(
    session: Session, rows: tuple[Candidate, ...], context: EventContext
) -> list[RowIssue]:
    """Who would wait instead of getting a place, and the other way round, with the places
    taken now (the import enrols in file order, the waiting lists after the places)."""
    taken = programme.enrolled_counts(session, list(context.items))
    notes = []
    for wanted_list, column in (("programme", "programme"), ("waitlist", "waitlist")):
        for row in rows:
            for item_id in getattr(row, wanted_list):
                item = context.items[item_id]
                if row.status != ParticipantStatus.REGISTERED.value:
                    code = "cancelled_gets_no_place"
                elif item.capacity is None or taken.get(item_id, 0) < item.capacity:
                    taken[item_id] = taken.get(item_id, 0) + 1
                    code = "has_room" if wanted_list == "waitlist" else ""
                else:
                    code = "goes_on_waitlist" if wanted_list == "programme" else ""
                if code:
                    notes.append(
                        RowIssue(
                            row.line,
                            column,
                            Problem(column, code, (("value", item.title),)),
                            warning=True,
                        )
                    )
    return notes


# --- applying -------------------------------------------------------------------------------


def apply_import(
    db: Database,
    event_id: int,
    table: SourceTable,
    mapping: ColumnMapping,
    *,
    actor: str,
    skip_invalid: bool = False,
    duplicates: str = "skip",
    accept_lost_letters: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    form_consent: FormConsent | None = None,
) -> ImportResult:
    """Import every row that goes in, in one transaction: all of them or none.
    ``form_consent``: see plan_import.

    Names with letters lost by the exporting program ("?ukasz") go in only by choice
    (``accept_lost_letters``); otherwise LostLettersNotAccepted, and nothing changes.

    Raises ImportHasErrors when rows have problems (unless ``skip_invalid``; its ``plan``
    holds the report),
    ValidationError for an unusable mapping, Cancelled when ``cancelled()`` turns true."""
    started = time.perf_counter()
    total = 2 * len(table.rows)

    def planning(done: int, _total: int) -> None:
        if progress:
            progress(done, total)

    with db.session() as session:
        # SQLite: the write lock is held from the start; PostgreSQL: the event's row is
        # locked, so imports into one event run one after the other
        programme.lock_rows(session, Event, [event_id])
        plan = plan_import(
            session,
            event_id,
            table,
            mapping,
            duplicates=duplicates,
            progress=planning,
            cancelled=cancelled,
            form_consent=form_consent,
        )
        if plan.invalid_lines and not skip_invalid:
            raise ImportHasErrors(count=len(plan.invalid_lines), plan=plan)
        if plan.lost_letter_lines and not accept_lost_letters:
            raise LostLettersNotAccepted(count=len(plan.lost_letter_lines), plan=plan)
        rows = plan.to_import
        ids = _insert(
            session, event_id, rows, table.name, actor, progress, cancelled, total, form_consent
        )
        updated = apply_updates(
            session, mapping, list(plan.updates), {c.line: c for c in plan.candidates},
            actor=actor, via=f"Import: {table.name}",
        )  # fmt: skip
        enrolled = waitlisted = 0
        # places and waiting lists in the order people registered (the form's time stamp,
        # else the file's order): the earliest gets the last free place
        by_time = sorted(
            zip(ids, rows, strict=True),
            key=lambda pair: (
                pair[1].registered_at is None,
                pair[1].registered_at or 0,
                pair[1].line,
            ),
        )
        for attribute in ("programme", "waitlist"):
            for pid, row in by_time:
                if row.status != ParticipantStatus.REGISTERED.value:
                    continue
                for item_id in getattr(row, attribute):
                    result = programme.enrol(
                        session, item_id, pid, actor=actor, source=EnrolmentSource.IMPORT
                    )
                    if result.status == "enrolled":
                        enrolled += 1
                    else:
                        waitlisted += 1
        if cancelled and cancelled():
            raise Cancelled()
        result = ImportResult(
            imported=len(ids),
            cancelled=sum(1 for r in rows if r.status == ParticipantStatus.CANCELLED.value),
            skipped_invalid=len(plan.invalid_lines),
            skipped_duplicates=plan.skipped_duplicates,
            enrolled=enrolled,
            waitlisted=waitlisted,
            wishes=sum(len(r.wishes) for r in rows),
            participant_ids=tuple(ids),
            seconds=0.0,
            plan=plan,
            updated=updated,
        )
        record(
            session,
            actor=actor,
            action="import.apply",
            entity="event",
            entity_id=event_id,
            event_id=event_id,
            after={
                "file": table.name,
                "rows": len(table.rows),
                "imported": result.imported,
                "skipped_invalid": result.skipped_invalid,
                "skipped_duplicates": result.skipped_duplicates,
                "updated": updated,
                "duplicates": duplicates,
                "mapping": {h: f for h, f in zip(mapping.headers, mapping.fields, strict=True)},
            }
            | ({"form_consent": form_consent.audited()} if form_consent else {}),
        )
    if progress:
        progress(total, total)
    return ImportResult(**{**result.__dict__, "seconds": time.perf_counter() - started})


def _insert(
    session: Session,
    event_id: int,
    rows: tuple[Candidate, ...],
    file_name: str,
    actor: str,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    total: int,
    form_consent: FormConsent | None = None,
) -> list[int]:
    """The participants with their search words, consents, days, wishes and an audit
    entry each, in chunks of bulk inserts."""
    taken = set(
        session.scalars(select(Participant.short_code).where(Participant.event_id == event_id))
    )
    taken |= set(
        session.scalars(
            select(ReplacedBadge.short_code)
            .join(Participant, ReplacedBadge.participant_id == Participant.id)
            .where(Participant.event_id == event_id)
        )
    )
    codes = unique_short_codes(len(rows), taken)
    now = utcnow()
    via = f"Import: {file_name}"[:100]
    timezone = session.scalar(select(Event.timezone).where(Event.id == event_id)) or "Europe/Berlin"
    group_ids = _groups(session, event_id, [row.group for row in rows if row.group], now)
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        if cancelled and cancelled():
            raise Cancelled()
        chunk = rows[start : start + CHUNK]
        values = []
        for row, code in zip(chunk, codes[start : start + CHUNK], strict=True):
            cancelled_row = row.status == ParticipantStatus.CANCELLED.value
            values.append(
                {
                    **row.values,
                    **row.keys,
                    "event_id": event_id,
                    "status": row.status,
                    "cancel_reason": (row.cancel_reason or "Import") if cancelled_row else "",
                    "cancelled_at": now if cancelled_row else None,
                    "source": RegistrationSource.IMPORT.value,
                    "badge_secret": new_secret(),
                    "short_code": code,
                    "created_at": row.registered_at or now,  # first come, first served
                    "updated_at": now,
                    "badge_print_count": 0,
                }
            )
        # one executemany, then the ids by the secrets (unique): RETURNING in file order
        # would make SQLAlchemy insert row by row
        session.execute(insert(Participant.__table__), values)
        secrets = [v["badge_secret"] for v in values]
        by_secret = dict(
            session.execute(
                select(Participant.badge_secret, Participant.id).where(
                    Participant.badge_secret.in_(secrets)
                )
            ).all()
        )
        chunk_ids = [by_secret[secret] for secret in secrets]
        session.execute(
            insert(SearchToken.__table__),
            [
                t
                for pid, v, row in zip(chunk_ids, values, chunk, strict=True)
                for t in token_rows(event_id, pid, {**v, "group": row.group})
            ],
        )
        members = [
            {"group_id": group_ids[group_key(row.group)], "participant_id": pid,
             "is_lead": row.group_lead}
            for pid, row in zip(chunk_ids, chunk, strict=True)
            if row.group
        ]  # fmt: skip
        if members:
            session.execute(insert(GroupMember.__table__), members)
        consents = [
            {"participant_id": pid, "kind": kind, "granted": granted, "given_at": at,
             "given_via": source}
            for pid, row in zip(chunk_ids, chunk, strict=True)
            for kind, granted in sorted(row.consents.items())
            for at, source in [_consent_source(row, kind, now, via, form_consent, timezone)]
        ]  # fmt: skip
        if consents:
            session.execute(insert(Consent.__table__), consents)
        days = [
            {"participant_id": pid, "day_id": day_id}
            for pid, row in zip(chunk_ids, chunk, strict=True)
            for day_id in row.day_ids
        ]
        if days:
            session.execute(insert(ParticipantDay.__table__), days)
        wishes = [
            {"participant_id": pid, "item_id": item_id, "rank": rank}
            for pid, row in zip(chunk_ids, chunk, strict=True)
            for item_id, rank in row.wishes
        ]
        if wishes:
            session.execute(insert(Preference.__table__), wishes)
        session.execute(
            insert(AuditEntry.__table__),
            [
                {
                    "at": now,
                    "actor": actor,
                    "action": "participant.import",
                    "entity": "participant",
                    "entity_id": pid,
                    "event_id": event_id,
                    "after": jsonable(
                        {k: v[k] for k in _AUDITED}
                        | {"consents": row.consents, "line": row.line}
                        | ({"consent_via": via} if set(row.consents) - row.from_form else {})
                        | ({"consent_from_form": sorted(row.from_form)} if row.from_form else {})
                        | ({"group": row.group, "group_lead": row.group_lead} if row.group else {})
                        | ({"registered_at": row.registered_at} if row.registered_at else {})
                    ),
                }
                for pid, v, row in zip(chunk_ids, values, chunk, strict=True)
            ],
        )
        ids += chunk_ids
        if progress:
            progress(total // 2 + start + len(chunk), total)
    return ids


def _consent_source(
    row: Candidate, kind: str, now, via: str, form: FormConsent | None, timezone: str
) -> tuple:
    """(given at, given via) of a row's consent: the file's, or the form's statement."""
    if form is not None and kind in row.from_form:
        return form.given_at(row.registered_at, timezone), form.via()
    return now, via


def _groups(session: Session, event_id: int, names: list[str], now) -> dict[str, int]:
    """The ids of the groups the file names (folded name -> id), made where new; the
    first spelling in the file names a new group."""
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(group_key(name), name)
    if not wanted:
        return {}
    found = dict(
        session.execute(
            select(ParticipantGroup.name_key, ParticipantGroup.id).where(
                ParticipantGroup.event_id == event_id
            )
        ).all()
    )
    new = [
        {"event_id": event_id, "name": name, "name_key": key, "created_at": now}
        for key, name in wanted.items()
        if key not in found
    ]
    if new:
        session.execute(insert(ParticipantGroup.__table__), new)
        found = dict(
            session.execute(
                select(ParticipantGroup.name_key, ParticipantGroup.id).where(
                    ParticipantGroup.event_id == event_id
                )
            ).all()
        )
    return {key: found[key] for key in wanted}


_AUDITED = (
    "salutation", "title", "first_name", "last_name", "organisation", "position", "email",
    "phone", "category_id", "is_vip", "notes", "needs_dietary", "needs_accessibility",
    "needs_interpreter", "status", "cancel_reason", "short_code",
)  # fmt: skip
