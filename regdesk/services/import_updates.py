"""Updating registered participants from a newer export of the same form.

A row is matched to a registered person by the participant id or badge code the file
carries (regdesk's own export has both), else by e-mail address; a person matched by two
rows, or a row whose id and code name different people, is not updated but reported.
For each match the preview lists what changes, field by field -- only fields the file
has a column for (a column missing from the file blanks nothing), and consents only for
the kinds the file answers. Check-ins, badges, places and waiting lists are never touched;
applying runs in the import's own transaction, all of it or nothing, each person audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..importing import fields as F
from ..importing.mapping import ColumnMapping
from ..importing.rows import Candidate
from ..models import Category, Participant
from .participants import ParticipantInput, update_participant

# import field -> the participant's columns it fills
_COLUMNS = {
    "salutation": ("salutation",), "title": ("title",),
    "first_name": ("first_name",), "last_name": ("last_name",),
    "full_name": ("first_name", "last_name", "title"),
    "organisation": ("organisation",), "position": ("position",), "email": ("email",),
    "phone": ("phone",), "category": ("category_id",), "is_vip": ("is_vip",),
    "needs_dietary": ("needs_dietary",), "needs_accessibility": ("needs_accessibility",),
    "needs_interpreter": ("needs_interpreter",), "notes": ("notes",),
}  # fmt: skip
INPUT_FIELDS = (
    "first_name", "last_name", "category_id", "salutation", "title", "organisation",
    "position", "email", "phone", "is_vip", "notes", "needs_dietary", "needs_accessibility",
    "needs_interpreter",
)  # fmt: skip


@dataclass(frozen=True)
class Change:
    field: str  # a participant column ("organisation"), or "consent:photo"
    before: str
    after: str


@dataclass(frozen=True)
class Update:
    line: int
    participant_id: int
    name: str
    matched_by: str  # "id", "code" or "email"
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Unmatched:
    line: int
    reason: str  # "ambiguous" (id and code disagree), "twice" (another row has the person)


def updated_columns(mapping: ColumnMapping) -> set[str]:
    used = set(mapping.fields)
    return {column for field in used for column in _COLUMNS.get(field, ())}


def answered_consents(mapping: ColumnMapping) -> set[str]:
    return {kind for field, kind in F.CONSENT_FIELDS.items() if field in mapping.fields}


def plan_updates(
    session: Session, event_id: int, mapping: ColumnMapping, rows: tuple[Candidate, ...]
) -> tuple[list[Update], list[Candidate], list[Unmatched]]:
    """(updates, rows that match nobody, rows that cannot be used)."""
    people = session.scalars(select(Participant).where(Participant.event_id == event_id)).all()
    by_id = {str(p.id): p for p in people}
    by_code = {p.short_code.upper(): p for p in people} | {p.badge_secret: p for p in people}
    by_email = {p.email_key: p for p in people if p.email_key}
    categories = dict(session.execute(select(Category.id, Category.name)).all())
    columns, kinds = updated_columns(mapping), answered_consents(mapping)
    updates: list[Update] = []
    new: list[Candidate] = []
    unusable: list[Unmatched] = []
    seen: dict[int, int] = {}
    for row in rows:
        code, pid = row.identity
        found = {
            "id": by_id.get(pid.strip()) if pid else None,
            "code": by_code.get(code.strip().upper()) if code else None,
            "email": by_email.get(row.keys["email_key"]) if row.keys["email_key"] else None,
        }
        named = {key: p for key, p in found.items() if p is not None}
        if found["id"] and found["code"] and found["id"] is not found["code"]:
            unusable.append(Unmatched(row.line, "ambiguous"))
            continue
        if not named:
            new.append(row)
            continue
        how, person = next(iter(named.items()))
        if person.id in seen:
            unusable.append(Unmatched(row.line, "twice"))
            continue
        seen[person.id] = row.line
        changes = _changes(person, row, columns, kinds, categories)
        updates.append(
            Update(row.line, person.id, f"{person.first_name} {person.last_name}", how, changes)
        )
    return updates, new, unusable


def _changes(person, row, columns, kinds, categories) -> tuple[Change, ...]:
    changes = []
    for column in INPUT_FIELDS:
        if column not in columns:
            continue
        before, after = getattr(person, column), row.values.get(column)
        if column == "category_id":
            before, after = categories.get(before, ""), categories.get(after, "")
        if _shown(before) != _shown(after):
            changes.append(Change(column, _shown(before), _shown(after)))
    current = {c.kind: c.granted for c in person.consents}
    for kind in sorted(kinds):
        if kind in row.consents and current.get(kind) != row.consents[kind]:
            changes.append(
                Change(f"consent:{kind}", _shown(current.get(kind)), _shown(row.consents[kind]))
            )
    return tuple(changes)


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def apply_updates(
    session: Session,
    mapping: ColumnMapping,
    updates: list[Update],
    rows: dict[int, Candidate],
    *,
    actor: str,
    via: str,
) -> int:
    """Write the updates (in the caller's transaction); returns how many people changed."""
    columns, kinds = updated_columns(mapping), answered_consents(mapping)
    changed = 0
    for update in updates:
        if not update.changes:
            continue
        person = session.get(Participant, update.participant_id)
        row = rows[update.line]
        values = {c: getattr(person, c) for c in INPUT_FIELDS}
        values |= {c: row.values[c] for c in INPUT_FIELDS if c in columns and c in row.values}
        consents = {c.kind: c.granted for c in person.consents}
        consents |= {k: v for k, v in row.consents.items() if k in kinds}
        update_participant(
            session,
            person.id,
            ParticipantInput(**values, consents=consents, consent_via=via),
            actor=actor,
            allow_duplicate=True,
        )
        changed += 1
    return changed
