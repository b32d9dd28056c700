"""The access export of Art. 15 DSGVO: everything stored about one person -- the
registration, and every row of every table that refers to them (consents, days, group,
wishes, places, scans, mails, replaced badges, search words), the audit entries about
them -- with the event's statement of purposes, recipients and retention.

The tables are found through the schema (every foreign key to ``participant``), so a
table added later is in the export without anyone remembering it."""

from __future__ import annotations

import base64
import enum
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import __version__
from ..db import Database
from ..exporting.atomic import write_atomically
from ..models import (
    AuditEntry,
    Base,
    Event,
    EventDay,
    Participant,
    ParticipantGroup,
    ProgrammeItem,
    ProgrammeSlot,
    utcnow,
)
from ..services.audit import record
from ..services.lookup import require

PERSON_TABLE = "participant"


def person_tables() -> list[tuple[str, str]]:
    """(table, column) of every column that refers to a participant, in schema order."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.column.table.name == PERSON_TABLE for fk in column.foreign_keys):
                found.append((table.name, column.name))
    return found


def child_tables(parents: set[str]) -> list[tuple[str, str, str]]:
    """(table, column, parent) of every column that refers to a row of ``parents`` -- what
    belongs to the person's rows (a mail's attachment), one level down."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            for fk in column.foreign_keys:
                parent = fk.column.table.name
                if parent in parents and parent != PERSON_TABLE and fk.column.name == "id":
                    found.append((table.name, column.name, parent))
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):  # a file kept for them (a certificate sent): the file itself
        return {"base64": base64.b64encode(value).decode("ascii"), "bytes": len(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


@dataclass(frozen=True)
class AccessData:
    participant_id: int
    event_id: int
    data: dict[str, Any]  # what the JSON file holds

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.data["tables"].get(table, [])


def access_data(session: Session, participant_id: int) -> AccessData:
    """Everything stored about the participant, as plain values (JSON-ready)."""
    person = require(session, Participant, participant_id)
    event = session.get(Event, person.event_id)
    table_of = Base.metadata.tables
    record = {c.name: _plain(getattr(person, c.key)) for c in Participant.__table__.columns}
    tables: dict[str, list[dict[str, Any]]] = {}

    def rows(name: str, where) -> list[dict[str, Any]]:
        table = table_of[name]
        found = session.execute(select(table).where(where(table)).order_by(table.c.id))
        return [{k: _plain(v) for k, v in row.items()} for row in found.mappings()]

    for name, column in person_tables():
        if found := rows(name, lambda t, c=column: t.c[c] == participant_id):
            tables[name] = found
    for name, column, parent in child_tables(set(tables)):
        ids = [row["id"] for row in tables[parent]]
        if found := rows(name, lambda t, c=column, i=ids: t.c[c].in_(i)):
            tables.setdefault(name, []).extend(found)
    audit = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == PERSON_TABLE, AuditEntry.entity_id == participant_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    tables["audit_entry"] = [
        {c.name: _plain(getattr(entry, c.key)) for c in AuditEntry.__table__.columns}
        for entry in audit
    ]
    data = {
        "about": {
            "made_at": utcnow().isoformat(),
            "made_by": f"regdesk {__version__}",
            "legal_basis": "Art. 15 DSGVO / GDPR",
        },
        "controller": {
            "event": event.name,
            "organiser": event.organiser,
            "contact": event.contact,
            "venue": event.venue_name,
            "first_day": event.first_day.isoformat(),
            "last_day": event.last_day.isoformat(),
            "statement": event.privacy_note,
        },
        "person": record,
        "tables": tables,
        "names": _names(session, person.event_id),
    }
    return AccessData(participant_id, person.event_id, data)


def _names(session: Session, event_id: int) -> dict[str, dict[str, str]]:
    """What the ids in the rows stand for: days, programme items, groups."""
    days = session.execute(
        select(EventDay.id, EventDay.date, EventDay.label).where(EventDay.event_id == event_id)
    ).all()
    items = session.execute(
        select(ProgrammeItem.id, ProgrammeItem.code, ProgrammeItem.title)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(ProgrammeSlot.event_id == event_id)
    ).all()
    groups = session.execute(
        select(ParticipantGroup.id, ParticipantGroup.name).where(
            ParticipantGroup.event_id == event_id
        )
    ).all()
    return {
        "day": {str(i): f"{d.isoformat()} {label}".strip() for i, d, label in days},
        "item": {str(i): f"{code} {title}".strip() for i, code, title in items},
        "group": {str(i): name for i, name in groups},
    }


@dataclass(frozen=True)
class AccessExport:
    json_path: Path
    pdf_path: Path
    rows: int  # rows of the person's tables and audit entries in the export

    @property
    def path(self) -> Path:  # the file to open: the one to read
        return self.pdf_path


def write_access_export(
    db: Database, participant_id: int, folder: str | Path, *, language: str = "de", actor: str
) -> AccessExport:
    """The person's Art. 15 export into ``folder``: a JSON file (machine-readable, every
    value) and a PDF (to read), each written whole or not at all; the export is audited."""
    from .access_pdf import write_access_pdf  # reportlab's platypus: only when needed

    target = Path(folder)  # a missing folder: ExportFailed says so, nothing is written
    with db.session(write=False) as session:
        access = access_data(session, participant_id)
    person = access.data["person"]
    stem = (
        f"auskunft-{person['short_code']}"
        if language == "de"
        else (f"access-{person['short_code']}")
    )
    json_path, pdf_path = target / f"{stem}.json", target / f"{stem}.pdf"
    text = json.dumps(access.data, ensure_ascii=False, indent=2, sort_keys=False)
    write_atomically(json_path, lambda out: out.write(text.encode("utf-8")))
    write_atomically(pdf_path, lambda out: write_access_pdf(access, out, language=language))
    rows = sum(len(rows) for rows in access.data["tables"].values())
    with db.session() as session:
        record(
            session, actor=actor, action="export.access", entity=PERSON_TABLE,
            entity_id=participant_id, event_id=access.event_id,
            after={"file": json_path.name, "rows": rows, "language": language},
        )  # fmt: skip
    return AccessExport(json_path, pdf_path, rows)
