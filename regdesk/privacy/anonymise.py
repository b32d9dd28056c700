"""Anonymisation in two steps, as pretix's shredder does it: first a preview -- a file of
everything that will be removed, and a confirmation code computed over exactly that --
then the purge, which runs only with that code (so what is deleted is what was seen).

What goes, per class (see ``retention.FIELDS``):
- needs: dietary, accessibility and interpreting needs;
- contact: e-mail, phone, position, notes and the reason given for a cancellation;
- mail: the mails sent -- their addresses, names, subjects, texts and server replies, and
  the files kept with them (a certificate);
- identity (which takes the other three with it): salutation, title, names, organisation;
  badge secrets and short codes are replaced by new random ones (also those of replaced
  badges), so an old badge scans as unknown; the groups' names (a delegation named after
  its municipality, a "Familie X") become "Gruppe <id>".
Everywhere else a removed value could be repeated is overwritten as well: the audit
entries' before/after values, allocation summaries, scanned text (``scan.raw``), door
staff's override reasons, the search words.

What stays: each person's row with category, status, days, places, wishes and consent
records, every scan with its time, verdict, day and item, and the kind of organisation
(``participant.organisation_kind``) -- so the report for the funding body comes out the
same after the purge.

Then the file itself: on SQLite the database is rebuilt (VACUUM, with secure_delete), its
write-ahead log checkpointed and truncated, and the copies set aside before migrations
(``*.before-*.bak``), which hold the removed data, deleted. On PostgreSQL the tables are
rewritten (VACUUM FULL), so no dead row versions keep the old values."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..badge_codes import new_secret, unique_short_codes
from ..db import Database
from ..errors import (
    Cancelled,
    ConfirmationCodeMismatch,
    NothingToAnonymise,
    Problem,
    ValidationError,
)
from ..exporting.atomic import write_atomically
from ..models import (
    AllocationRun,
    AuditEntry,
    DataClass,
    Event,
    GroupMember,
    MailAttachment,
    MailMessage,
    Participant,
    ParticipantGroup,
    ReplacedBadge,
    Salutation,
    Scan,
    SearchToken,
    utcnow,
)
from ..reporting.figures import organisation_kind
from ..search_keys import words
from ..services.audit import record
from ..services.groups import group_key
from ..services.lookup import require
from ..services.participants import derived_keys, token_rows
from .retention import FIELDS, retention_plan

ANONYMOUS_FIRST_NAME = "Anonym"  # the name columns may not be empty; the id follows
ANONYMOUS_GROUP = "Gruppe {id}"
MAIL_FIELDS = (*FIELDS[DataClass.MAIL], "last_error", "message_id")
PERSON_FIELDS = {  # participant columns cleared per class
    DataClass.NEEDS: FIELDS[DataClass.NEEDS],
    DataClass.CONTACT: (*FIELDS[DataClass.CONTACT], "cancel_reason"),
    DataClass.IDENTITY: ("salutation", "title", "first_name", "last_name", "organisation"),
}
BLANK = ""  # what an overwritten value in the audit entries becomes
CHUNK = 500


def _classes(chosen: Iterable[str]) -> tuple[DataClass, ...]:
    """The classes to purge, in a fixed order; identity takes the others with it (an
    anonymous person has no contact data, needs or mails of their own)."""
    names = set()
    for name in chosen:
        try:
            names.add(DataClass(name))
        except ValueError:
            choices = ", ".join(c.value for c in DataClass)
            raise ValidationError(
                [Problem("data_class", "unknown_choice", (("value", name), ("choices", choices)))]
            ) from None
    if DataClass.IDENTITY in names:
        names = set(DataClass)
    if not names:
        raise ValidationError([Problem("data_class", "required")])
    return tuple(c for c in DataClass if c in names)


def due_classes(session: Session, event_id: int, today=None) -> tuple[str, ...]:
    """The classes whose retention period has run out and that still hold data."""
    return tuple(
        line.data_class
        for line in retention_plan(session, event_id, today)
        if line.due and line.held
    )


@dataclass(frozen=True)
class Preview:
    event_id: int
    classes: tuple[str, ...]
    code: str  # the confirmation code: a digest of exactly what will be removed
    people: int  # persons with data of the classes
    mails: int  # mail messages with addresses or texts
    data: dict[str, Any] = field(repr=False)  # what the preview file holds


def _person_columns(classes: Collection[DataClass]) -> list[str]:
    columns: list[str] = []
    for data_class in classes:
        columns += PERSON_FIELDS.get(data_class, ())
    if DataClass.IDENTITY in classes:
        columns += ["badge_secret", "short_code"]
    return columns


def _removed_people(
    session: Session, event_id: int, classes: Collection[DataClass]
) -> list[dict[str, Any]]:
    """Per person (id order) the stored values that the purge removes; people with none
    of them (or already anonymised, for identity) left out."""
    columns = _person_columns(classes)
    if not columns:
        return []
    rows = session.execute(
        select(Participant.id, Participant.anonymised_at,
               *(getattr(Participant, c) for c in columns))
        .where(Participant.event_id == event_id)
        .order_by(Participant.id)
    ).all()  # fmt: skip
    identity = DataClass.IDENTITY in classes
    replaced: dict[int, list[list[str]]] = {}
    if identity:
        for pid, secret, code in session.execute(
            select(ReplacedBadge.participant_id, ReplacedBadge.secret, ReplacedBadge.short_code)
            .join(Participant, Participant.id == ReplacedBadge.participant_id)
            .where(Participant.event_id == event_id)
            .order_by(ReplacedBadge.id)
        ):
            replaced.setdefault(pid, []).append([secret, code])
    people = []
    for row in rows:
        if identity and row.anonymised_at is not None:
            continue  # names already gone; nothing of the other classes is left either
        values = {
            c: getattr(row, c)
            for c in columns
            if getattr(row, c) not in ("", None, Salutation.NONE.value)
        }
        if identity and row.id in replaced:
            values["replaced_badges"] = replaced[row.id]
        if values:
            people.append({"id": row.id, **values})
    return people


def _removed_mails(session: Session, event_id: int, classes: Collection[DataClass]) -> list:
    if DataClass.MAIL not in classes:
        return []
    rows = session.execute(
        select(MailMessage.id, MailMessage.participant_id, MailMessage.kind,
               *(getattr(MailMessage, c) for c in MAIL_FIELDS))
        .where(MailMessage.event_id == event_id)
        .order_by(MailMessage.id)
    ).all()  # fmt: skip
    files: dict[int, list[str]] = {}
    for mail_id, name, content in session.execute(
        select(MailAttachment.mail_id, MailAttachment.filename, MailAttachment.content)
        .join(MailMessage, MailMessage.id == MailAttachment.mail_id)
        .where(MailMessage.event_id == event_id)
        .order_by(MailAttachment.id)
    ):
        files.setdefault(mail_id, []).append(f"{name} ({hashlib.sha256(content).hexdigest()})")
    return [
        {"id": r.id, "participant_id": r.participant_id, "kind": r.kind}
        | {c: getattr(r, c) for c in MAIL_FIELDS}
        | ({"attachments": files[r.id]} if r.id in files else {})
        for r in rows
        if any(getattr(r, c) for c in MAIL_FIELDS) or r.id in files
    ]


def _removed_groups(session: Session, event_id: int, classes: Collection[DataClass]) -> list:
    """With identity: the groups whose names are still their own (id, name)."""
    if DataClass.IDENTITY not in classes:
        return []
    rows = session.execute(
        select(ParticipantGroup.id, ParticipantGroup.name)
        .where(ParticipantGroup.event_id == event_id)
        .order_by(ParticipantGroup.id)
    ).all()
    return [{"id": i, "name": n} for i, n in rows if n != ANONYMOUS_GROUP.format(id=i)]


def _code(
    event_id: int, classes: Collection[DataClass], people: list, mails: list, groups: list
) -> str:
    what = [event_id, [c.value for c in classes], people, mails, groups]
    digest = hashlib.sha256(
        json.dumps(
            what,
            ensure_ascii=False, sort_keys=True, default=str,
        ).encode("utf-8")
    ).digest()  # fmt: skip
    letters = base64.b32encode(digest[:5]).decode("ascii")  # 8 letters and digits
    return f"{letters[:4]}-{letters[4:]}"


def normalise_code(code: str) -> str:
    """What was typed, as the code is written: upper case, one hyphen in the middle."""
    plain = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{plain[:4]}-{plain[4:]}" if len(plain) == 8 else code.strip().upper()


def preview(session: Session, event_id: int, classes: Iterable[str]) -> Preview:
    """What purging ``classes`` would remove, with its confirmation code. Raises
    NothingToAnonymise when none of it is stored any more."""
    event = require(session, Event, event_id)
    chosen = _classes(classes)
    people = _removed_people(session, event_id, chosen)
    mails = _removed_mails(session, event_id, chosen)
    groups = _removed_groups(session, event_id, chosen)
    if not people and not mails and not groups:
        raise NothingToAnonymise()
    code = _code(event_id, chosen, people, mails, groups)
    data = {
        "about": {
            "made_at": utcnow().isoformat(),
            "event": event.name,
            "event_id": event_id,
            "classes": [c.value for c in chosen],
            "confirmation_code": code,
            "note": "Everything listed here is deleted by the purge with this code; the "
            "counts, categories, days, places and check-in times stay.",
        },
        "people": people,
        "mail_messages": mails,
        "groups": groups,
    }
    return Preview(event_id, tuple(c.value for c in chosen), code, len(people), len(mails), data)


def write_preview(
    db: Database, event_id: int, classes: Iterable[str], path: str | Path, *, actor: str
) -> Preview:
    """The preview as a JSON file (written whole or not at all; the export is audited)."""
    with db.session(write=False) as session:
        result = preview(session, event_id, classes)
    text = json.dumps(result.data, ensure_ascii=False, indent=2, default=str)
    write_atomically(Path(path), lambda out: out.write(text.encode("utf-8")))
    with db.session() as session:
        record(session, actor=actor, action="privacy.preview", entity="event",
               entity_id=event_id, event_id=event_id,
               after={"classes": list(result.classes), "people": result.people,
                      "mails": result.mails, "code": result.code})  # fmt: skip
    return result


# --- the purge ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeResult:
    classes: tuple[str, ...]
    people: int
    mails: int
    audit_entries: int  # audit entries with a value overwritten
    scans: int  # scans whose scanned text was overwritten
    backups_removed: tuple[str, ...]  # the copies set aside before migrations, deleted
    # the file was rebuilt (SQLite: VACUUM, WAL truncated; PG: VACUUM FULL); False: it
    # could not be (``compact`` again later) -- the data is deleted either way
    compacted: bool
    wal_truncated: bool  # SQLite: the write-ahead log is empty (False: a reader held it)


class _Scrubber:
    """Overwrites, in JSON values, every string that repeats a removed value: one equal
    to it (folded), one holding an e-mail address, one with a word of a removed name."""

    def __init__(
        self, people: list[dict], mails: list[dict], classes, group_names: Iterable[str] = ()
    ) -> None:
        self.exact: set[str] = {n.strip().casefold() for n in group_names if n.strip()}
        self.name_words: set[str] = set()
        self.addresses = DataClass.CONTACT in classes or DataClass.MAIL in classes
        for person in people:
            for key, value in person.items():
                if key == "id":
                    continue
                for text in value if key == "replaced_badges" else [value]:
                    for part in text if isinstance(text, list) else [text]:
                        if isinstance(part, str) and part.strip():
                            self.exact.add(part.strip().casefold())
                if key in ("first_name", "last_name"):
                    self.name_words.update(w for w in words(value) if len(w) >= 3)
        for mail in mails:
            for key in ("to_address", "to_name"):
                if mail[key].strip():
                    self.exact.add(mail[key].strip().casefold())
            self.name_words.update(w for w in words(mail["to_name"]) if len(w) >= 3)

    def personal(self, text: str) -> bool:
        if text.strip().casefold() in self.exact:
            return True
        if self.addresses and "@" in text:
            return True
        return bool(self.name_words) and not self.name_words.isdisjoint(words(text))

    def clean(self, value: Any, key: str = "") -> tuple[Any, bool]:
        if isinstance(value, str):
            return (BLANK, True) if value and self.personal(value) else (value, False)
        if isinstance(value, dict):
            changed = False
            out = {}
            for k, v in value.items():
                out[k], hit = self.clean(v, k)
                changed |= hit
            return out, changed
        if isinstance(value, list):
            pairs = [self.clean(v, key) for v in value]
            return [v for v, _ in pairs], any(hit for _, hit in pairs)
        return value, False


def purge(
    session: Session,
    event_id: int,
    classes: Iterable[str],
    code: str,
    *,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PurgeResult:
    """Remove the classes' data of the event, if ``code`` is the confirmation code of
    what is stored now (else ConfirmationCodeMismatch, and nothing changes). The file
    is not compacted here: see ``anonymise``."""
    require(session, Event, event_id)
    chosen = _classes(classes)
    people = _removed_people(session, event_id, chosen)
    mails = _removed_mails(session, event_id, chosen)
    named = _removed_groups(session, event_id, chosen)
    if not people and not mails and not named:
        raise NothingToAnonymise()
    wanted = normalise_code(code)
    if wanted != _code(event_id, chosen, people, mails, named):
        raise ConfirmationCodeMismatch(code=wanted)
    identity = DataClass.IDENTITY in chosen
    columns = [c for c in _person_columns(chosen) if c not in ("badge_secret", "short_code")]
    ids = [p["id"] for p in people]
    steps = 5

    def step(done: int) -> None:
        if cancelled and cancelled():
            raise Cancelled()  # before the commit: the transaction rolls back
        if progress:
            progress(done, steps)

    step(0)

    rows = []
    now = utcnow()
    if identity:
        kinds = dict(
            session.execute(
                select(Participant.id, Participant.organisation).where(
                    Participant.event_id == event_id
                )
            ).all()
        )
        taken = set(
            session.scalars(select(Participant.short_code).where(Participant.event_id == event_id))
        ) | set(
            session.scalars(
                select(ReplacedBadge.short_code)
                .join(Participant, Participant.id == ReplacedBadge.participant_id)
                .where(Participant.event_id == event_id)
            )
        )
        codes = iter(unique_short_codes(len(ids), taken))
    for pid in ids:
        values: dict[str, Any] = {"id": pid}
        for column in columns:
            values[column] = Salutation.NONE.value if column == "salutation" else ""
        if identity:
            values.update(
                first_name=ANONYMOUS_FIRST_NAME, last_name=str(pid), badge_secret=new_secret(),
                short_code=next(codes), anonymised_at=now,
                organisation_kind=organisation_kind(kinds[pid]),
            )  # fmt: skip
        rows.append(values)
    for start in range(0, len(rows), CHUNK):
        session.execute(update(Participant), rows[start : start + CHUNK])
    for group in named:
        name = ANONYMOUS_GROUP.format(id=group["id"])
        session.execute(
            update(ParticipantGroup)
            .where(ParticipantGroup.id == group["id"])
            .values(name=name, name_key=group_key(name))
        )
    session.flush()
    # the folded keys and the search words follow the values that are left
    current = session.execute(
        select(Participant.id, Participant.first_name, Participant.last_name,
               Participant.organisation, Participant.email, Participant.short_code)
        .where(Participant.id.in_(ids))
    ).all() if ids else []  # fmt: skip
    groups = dict(
        session.execute(
            select(GroupMember.participant_id, ParticipantGroup.name)
            .join(ParticipantGroup, ParticipantGroup.id == GroupMember.group_id)
            .where(ParticipantGroup.event_id == event_id)
        ).all()
    )
    keys = [
        {"id": r.id} | derived_keys(r.first_name, r.last_name, r.organisation, r.email)
        for r in current
    ]
    for start in range(0, len(keys), CHUNK):
        session.execute(update(Participant), keys[start : start + CHUNK])
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        session.execute(delete(SearchToken).where(SearchToken.participant_id.in_(chunk)))
    tokens = [
        t
        for r in current
        for t in token_rows(event_id, r.id, r._asdict() | {"group": groups.get(r.id, "")})
    ]
    for start in range(0, len(tokens), CHUNK * 4):
        session.execute(insert(SearchToken), tokens[start : start + CHUNK * 4])
    step(1)

    if identity:
        old = session.execute(
            select(ReplacedBadge.id)
            .join(Participant, Participant.id == ReplacedBadge.participant_id)
            .where(Participant.event_id == event_id)
        ).scalars().all()  # fmt: skip
        badge_rows = [
            {"id": i, "secret": new_secret(), "short_code": "", "reason": ""} for i in old
        ]
        for start in range(0, len(badge_rows), CHUNK):
            session.execute(update(ReplacedBadge), badge_rows[start : start + CHUNK])
    scans = 0
    if identity:
        scans = session.execute(
            update(Scan).where(Scan.event_id == event_id, Scan.raw != "").values(raw="")
        ).rowcount
        session.execute(
            update(Scan)
            .where(Scan.event_id == event_id, Scan.override_reason != "")
            .values(override_reason="-")
        )
    if mails:
        mail_ids = [m["id"] for m in mails]
        for start in range(0, len(mail_ids), CHUNK):
            chunk = mail_ids[start : start + CHUNK]
            session.execute(delete(MailAttachment).where(MailAttachment.mail_id.in_(chunk)))
        session.execute(
            update(MailMessage)
            .where(MailMessage.id.in_(mail_ids))
            .values(**dict.fromkeys(MAIL_FIELDS, ""))
        )
    step(2)

    scrub = _Scrubber(people, mails, chosen, [g["name"] for g in named])
    entries = 0
    audit_rows = session.execute(
        select(AuditEntry.id, AuditEntry.before, AuditEntry.after).where(
            (AuditEntry.event_id == event_id)
            | ((AuditEntry.entity == "participant") & AuditEntry.entity_id.in_(ids or [-1]))
        )
    ).all()
    changed_rows = []
    for entry_id, before, after in audit_rows:
        new_before, hit_before = scrub.clean(before)
        new_after, hit_after = scrub.clean(after)
        if hit_before or hit_after:
            changed_rows.append({"id": entry_id, "before": new_before, "after": new_after})
    for start in range(0, len(changed_rows), CHUNK):
        session.execute(update(AuditEntry), changed_rows[start : start + CHUNK])
    entries = len(changed_rows)
    for run_id, summary in session.execute(
        select(AllocationRun.id, AllocationRun.summary).where(AllocationRun.event_id == event_id)
    ).all():
        cleaned, hit = scrub.clean(summary)
        if hit:
            session.execute(
                update(AllocationRun).where(AllocationRun.id == run_id).values(summary=cleaned)
            )
    step(3)

    step(4)
    record(session, actor=actor, action="privacy.purge", entity="event",
           entity_id=event_id, event_id=event_id,
           after={"classes": [c.value for c in chosen], "people": len(people),
                  "mails": len(mails), "code": wanted})  # fmt: skip
    session.flush()
    return PurgeResult(
        tuple(c.value for c in chosen), len(people), len(mails), entries, scans, (), False, False
    )


def anonymise(
    db: Database,
    event_id: int,
    classes: Iterable[str],
    code: str,
    *,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PurgeResult:
    """The purge in one transaction, then the file made free of the removed values (see
    the module's note). The result says what was done and what could not be."""
    with db.session() as session:
        result = purge(
            session, event_id, classes, code, actor=actor, progress=progress,
            cancelled=cancelled,
        )  # fmt: skip
    try:  # committed: no cancel from here on, and the data is gone whatever follows
        compacted, truncated, removed = compact(db)
    except SQLAlchemyError:  # e.g. another program holds a write lock all the while
        compacted, truncated, removed = False, False, ()
    if progress:
        progress(5, 5)
    return PurgeResult(
        result.classes, result.people, result.mails, result.audit_entries, result.scans,
        removed, compacted, truncated,
    )  # fmt: skip


def compact(db: Database) -> tuple[bool, bool, tuple[str, ...]]:
    """Rebuild the database so that no deleted or overwritten value is left in free pages,
    dead row versions or the write-ahead log; delete the pre-migration copies (they hold
    the old values). Returns (compacted, WAL truncated, copies deleted)."""
    if db.info.backend == "sqlite" and db.info.path is not None:
        return _compact_sqlite(db)
    if db.info.backend == "postgresql":
        tables = ("participant", "participant_group", "replaced_badge", "search_token", "scan",
                  "mail_message", "mail_attachment", "audit_entry", "allocation_run")  # fmt: skip
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM FULL " + ", ".join(tables))
        return True, False, ()
    return False, False, ()


def _compact_sqlite(db: Database) -> tuple[bool, bool, tuple[str, ...]]:
    path = db.info.path
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA secure_delete = ON")
        raw.execute("VACUUM")
        busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    removed = []
    for copy in sorted(path.parent.glob(f"{path.name}.before-*.bak")):
        copy.unlink(missing_ok=True)
        removed.append(str(copy))
    return True, busy == 0, tuple(removed)
