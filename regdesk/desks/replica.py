"""A desk's local replica of what the door needs, and its outbox of offline scans.

The replica is a SQLite file with regdesk's own schema, holding one event's rows that a
verdict depends on: the event, its days and categories, the participants (secrets,
short codes, status), their days and replaced badges, the programme and enrolments, and
the scans so far. So an offline verdict is decided by the very same ``checkin.scan`` as
an online one, only on this file.

Scans are kept by nonce, not by the server's ids: a scan decided here gets a local id,
and the server's scans are merged in by nonce (older ones without a nonce as
``srv:<id>``). Each offline scan is written to ``desk_outbox`` in the same local
transaction as its verdict, before the verdict is shown; the outbox is uploaded in
order and nothing in it is ever deleted: a row is ``pending``, ``sent`` or ``refused``
(with the server's reason).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection

from ..db import Database, open_database
from ..models import (
    Category,
    Enrolment,
    Event,
    EventDay,
    GroupMember,
    Participant,
    ParticipantDay,
    ParticipantGroup,
    ProgrammeItem,
    ProgrammeSlot,
    ReplacedBadge,
    Scan,
    utcnow,
)
from ..models.base import UTCDateTime
from ..services.checkin import as_scanned


def waiting_scan_columns() -> list[Column]:
    """A scan a desk decided and showed, waiting to go into the database: the columns of
    this outbox and of a SQLite desk's journal (regdesk.desks.journal)."""
    return [
        Column("seq", Integer, primary_key=True),
        Column("nonce", String(40), nullable=False, unique=True),
        Column("event_id", Integer, nullable=False),
        Column("at", UTCDateTime, nullable=False),
        Column("desk", String(60), nullable=False),
        Column("raw", String(200), nullable=False),
        Column("verdict", String(24), nullable=False),
        Column("direction", String(3), nullable=False),
        Column("participant_id", Integer),
        Column("day_id", Integer),
        Column("item_id", Integer),
    ]


desk_metadata = MetaData()
outbox = Table(
    "desk_outbox",
    desk_metadata,
    *waiting_scan_columns(),
    Column("state", String(10), nullable=False, default="pending"),  # pending, sent, refused
    Column("outcome", String(12), nullable=False, default=""),  # recorded, duplicate, conflict
    Column("reason", Text, nullable=False, default=""),
    Column("sent_at", UTCDateTime),
)
meta = Table(
    "desk_meta",
    desk_metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

PENDING, SENT, REFUSED = "pending", "sent", "refused"
# Pulled again on every incremental pull: an undo or a conflict mark on a scan that was
# already here (scan ids only grow, but these columns change on old rows).
UNDO_LOOKBACK = timedelta(minutes=10)


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    nonce: str
    at: datetime
    desk: str
    raw: str
    verdict: str
    participant_id: int | None
    day_id: int | None
    item_id: int | None
    direction: str
    state: str
    outcome: str
    reason: str
    override_reason: str = ""  # from the scan itself (the outbox keeps what it always had)


def _scoped(event_id: int):
    """(table, query) of every replicated table, for one event, parents first."""
    people = select(Participant.id).where(Participant.event_id == event_id)
    slots = select(ProgrammeSlot.id).where(ProgrammeSlot.event_id == event_id)
    items = select(ProgrammeItem.id).where(ProgrammeItem.slot_id.in_(slots))
    return (
        (Event, select(Event).where(Event.id == event_id)),
        (EventDay, select(EventDay).where(EventDay.event_id == event_id)),
        (Category, select(Category).where(Category.event_id == event_id)),
        (Participant, select(Participant).where(Participant.event_id == event_id)),
        (ParticipantDay, select(ParticipantDay).where(ParticipantDay.participant_id.in_(people))),
        (ParticipantGroup, select(ParticipantGroup).where(ParticipantGroup.event_id == event_id)),
        (GroupMember, select(GroupMember).where(GroupMember.participant_id.in_(people))),
        (ReplacedBadge, select(ReplacedBadge).where(ReplacedBadge.participant_id.in_(people))),
        (ProgrammeSlot, select(ProgrammeSlot).where(ProgrammeSlot.event_id == event_id)),
        (ProgrammeItem, select(ProgrammeItem).where(ProgrammeItem.slot_id.in_(slots))),
        (Enrolment, select(Enrolment).where(Enrolment.item_id.in_(items))),
    )


_SCAN_COLUMNS = [c for c in Scan.__table__.columns if c.name != "id"]


class Replica:
    """The replica file of one event; ``db`` is an ordinary regdesk database on it."""

    def __init__(self, path: Path, event_id: int) -> None:
        self.path = path
        self.event_id = event_id
        self.db: Database = open_database(str(path))
        desk_metadata.create_all(self.db.engine)

    def close(self) -> None:
        self.db.close()

    # --- metadata ---------------------------------------------------------------------------

    def get(self, key: str, default: str = "") -> str:
        with self.db.session(write=False) as session:
            value = session.scalar(select(meta.c.value).where(meta.c.key == key))
        return default if value is None else value

    @staticmethod
    def _put(conn: Connection, key: str, value: str) -> None:
        conn.execute(delete(meta).where(meta.c.key == key))
        conn.execute(insert(meta).values(key=key, value=value))

    @property
    def ready(self) -> bool:
        """Whether the replica has been filled from the server at least once."""
        return bool(self.get("filled_at"))

    # --- filling from the server ------------------------------------------------------------

    def refresh(self, server: Database) -> int:
        """Copy everything the door needs from the server (one read transaction there, one
        write transaction here); the scans of the outbox not yet sent stay. Returns the
        number of participants."""
        with server.session(write=False) as source:
            tables = [
                (model.__table__, source.execute(query.with_only_columns(
                    *model.__table__.columns)).mappings().all())
                for model, query in _scoped(self.event_id)
            ]  # fmt: skip
            scans = self._server_scans(source, after=0, since=None)
            last_id = source.scalar(select(func.max(Scan.id)).where(Scan.event_id == self.event_id))
        with self._write_without_foreign_keys() as conn:
            for table, _rows in reversed(tables):
                conn.execute(delete(table))
            pending = select(outbox.c.nonce).where(outbox.c.state == PENDING)
            conn.execute(delete(Scan).where(or_(Scan.nonce.is_(None), Scan.nonce.not_in(pending))))
            for table, rows in tables:
                if rows:
                    values = [dict(r) for r in rows]
                    if table is Enrolment.__table__:
                        for v in values:
                            v["allocation_run_id"] = None  # runs are not replicated
                    conn.execute(insert(table), values)
            self._merge_scans(conn, scans)
            self._put(conn, "last_scan_id", str(last_id or 0))
            self._put(conn, "filled_at", datetime.now().isoformat(timespec="seconds"))
        self._empty_the_log()
        return sum(len(rows) for table, rows in tables if table is Participant.__table__)

    def pull_scans(self, server: Database) -> int:
        """Merge the server's new scans (and recent undos) in; returns how many came."""
        last = int(self.get("last_scan_id", "0"))
        since = datetime.now().astimezone() - UNDO_LOOKBACK
        with server.session(write=False) as source:
            scans = self._server_scans(source, after=last, since=since)
        if not scans:
            return 0
        with self.db.session() as session:
            conn = session.connection()
            self._merge_scans(conn, scans)
            top = max([last, *(s["_server_id"] for s in scans)])
            self._put(conn, "last_scan_id", str(top))
        return len(scans)

    def _server_scans(self, source, *, after: int, since: datetime | None) -> list[dict]:
        condition = Scan.id > after
        if since is not None:
            condition = or_(condition, Scan.undone_at >= since, Scan.received_at >= since)
        rows = source.execute(
            select(Scan.id.label("_server_id"), *_SCAN_COLUMNS)
            .where(Scan.event_id == self.event_id, condition)
            .order_by(Scan.id)
        ).mappings()
        return [{**row, "nonce": row["nonce"] or f"srv:{row['_server_id']}"} for row in rows]

    @staticmethod
    def _merge_scans(conn: Connection, scans: list[dict]) -> None:
        """New scans in (by nonce), undos and conflict marks onto those already here. A
        server admission that collides with an offline one of this desk not yet sent is
        left out: for a verdict the one here says the same."""
        if not scans:
            return
        values = [{k: v for k, v in s.items() if k != "_server_id"} for s in scans]
        conn.execute(insert(Scan).prefix_with("OR IGNORE"), values)
        changed = [v for v in values if v["undone_at"] is not None or v["conflict_of"]]
        for v in changed:
            conn.execute(
                update(Scan)
                .where(Scan.nonce == v["nonce"])
                .values(undone_at=v["undone_at"], undone_by=v["undone_by"])
            )

    def _empty_the_log(self) -> None:
        """Write the refresh into the file and truncate the write-ahead log, which would
        otherwise keep the replaced rows' old pages until it is reused. A desk reading
        at this moment keeps the log: then it goes at the next refresh."""
        with self.db.engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextlib.contextmanager
    def _write_without_foreign_keys(self) -> Iterator[Connection]:
        """A write transaction with foreign keys off, so that tables are replaced whole
        without cascades (the scans here point at the participants being replaced)."""
        with self.db.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA foreign_keys = OFF")  # only outside a transaction
            # what a refresh replaces is overwritten, not only unlinked: a purge on the
            # server leaves no old name in this file's free pages after the next refresh
            raw.execute("PRAGMA secure_delete = ON")
            try:
                with conn.begin():
                    yield conn
            finally:
                raw.execute("PRAGMA foreign_keys = ON")

    # --- the outbox -------------------------------------------------------------------------

    @staticmethod
    def add_to_outbox(conn: Connection, event_id: int, result, raw: str, direction: str) -> None:
        conn.execute(
            insert(outbox).values(
                nonce=result.nonce,
                event_id=event_id,
                at=result.at,
                desk=result.desk[:60],
                raw=as_scanned(raw),
                verdict=result.verdict,
                direction=direction,
                participant_id=result.person.id if result.person else None,
                day_id=result.day_id,
                item_id=result.item_id,
                state=PENDING,
                outcome="",
                reason="",
            )
        )

    def outbox_rows(self, state: str | None = None) -> list[OutboxRow]:
        query = (
            select(outbox, Scan.override_reason)
            .outerjoin(Scan, Scan.nonce == outbox.c.nonce)
            .order_by(outbox.c.seq)
        )
        if state is not None:
            query = query.where(outbox.c.state == state)
        with self.db.session(write=False) as session:
            rows = session.execute(query).mappings().all()
        return [
            OutboxRow(
                r["seq"], r["nonce"], r["at"], r["desk"], r["raw"], r["verdict"],
                r["participant_id"], r["day_id"], r["item_id"], r["direction"], r["state"],
                r["outcome"], r["reason"], r["override_reason"] or "",
            )
            for r in rows
        ]  # fmt: skip

    def outbox_counts(self) -> dict[str, int]:
        """How many rows of the outbox are pending, sent, refused."""
        with self.db.session(write=False) as session:
            return dict(
                session.execute(select(outbox.c.state, func.count()).group_by(outbox.c.state)).all()
            )

    def pending_count(self) -> int:
        return self.outbox_counts().get(PENDING, 0)

    def mark(self, seq: int, state: str, outcome: str = "", reason: str = "") -> None:
        with self.db.session() as session:
            session.execute(
                update(outbox)
                .where(outbox.c.seq == seq)
                .values(state=state, outcome=outcome, reason=reason[:500], sent_at=utcnow())
            )
