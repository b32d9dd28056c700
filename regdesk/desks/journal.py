"""The door's journal on a SQLite file: scans decided while another program writes.

SQLite has one writer at a time. An import of 50,000 people, an allocation or a backup
tool can hold the file's write lock for many seconds, and a door desk that waits for it
keeps the guest waiting (or says "not checked"). The journal lets the door decide at
once instead:

- a small SQLite file beside the database (``regdesk.sqlite3-door``, 0600) holds the
  scans decided while the database was locked, until they are written to it;
- every door desk on the database attaches the journal to each of its connections, so
  a scan takes the journal's lock together with the database's (BEGIN IMMEDIATE takes
  both) and first writes any waiting journal rows into the database -- the desks stay
  serialised through the journal, whether the database answered or not;
- when the database's lock is not had within ``WAIT_S``, the scan is decided on a
  snapshot of the database (readers never wait in WAL mode) plus the journal's rows,
  seen through a temporary view ``scan`` that puts both together, while holding the
  journal's write lock; the scan is committed to the journal before the verdict shows;
- the rows are written into the database (``record_uploaded``: once per nonce, an
  override audited then), ``CHUNK`` at a time, by the next scans at any desk and by the
  desks' background flush, as soon as the lock is free; while more are waiting, a scan
  is still decided through the journal (a guest never waits for the backlog).

No scan is lost (each one is committed in the database or the journal before it is
shown), none is admitted twice (the journal's lock orders every desk's decisions), and
a guest waits at most about ``WAIT_S`` plus a snapshot's read. While the journal holds
rows, the desk's own counters and last scans read through the same view; other screens
and desks see them once they are written in, a second or so after the other writer
finished.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from ..db import Database, make_private
from ..models import Scan
from ..services.offline_scans import UploadedScan, record_uploaded
from .replica import waiting_scan_columns

WAIT_S = 0.5  # for the database's lock, before the journal decides
JOURNAL_WAIT_S = 1.0  # for the journal's lock (held by another desk for milliseconds)
CHUNK = 40  # journal rows written into the database per transaction (~50 ms)
SCHEMA = "door_journal"

journal_metadata = MetaData(schema=SCHEMA)
pending = Table(
    "pending_scan",
    journal_metadata,
    *waiting_scan_columns(),
    Column("override_reason", String(300), nullable=False, default=""),
)
_STORED = {c.name for c in pending.columns} - {"seq"}


def journal_path(database: Path) -> Path:
    return database.with_name(database.name + "-door")


def _create(path: Path) -> None:
    make_private(path)
    conn = sqlite3.connect(path, timeout=JOURNAL_WAIT_S)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        plain = MetaData()
        for table in journal_metadata.tables.values():
            table.to_metadata(plain, schema=None)
        plain.create_all(engine)
    finally:
        engine.dispose()


def attach_to(engine: Engine, path: Path) -> None:
    """Attach the journal to every connection ``engine`` makes (before its first BEGIN).
    A door's commit never runs the WAL's checkpoint (after an import that can copy
    100 MB while the guest waits): the desk's background flush does (``checkpoint``)."""

    @event.listens_for(engine, "connect")
    def _attach(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(path),))
        dbapi_connection.execute(f"PRAGMA {SCHEMA}.journal_mode = WAL")
        dbapi_connection.execute("PRAGMA main.wal_autocheckpoint = 0")
        dbapi_connection.execute(f"PRAGMA {SCHEMA}.wal_autocheckpoint = 0")


def checkpoint(engine: Engine) -> None:
    """Copy the file's and the journal's WAL back (PASSIVE: never waits for, nor blocks,
    a reader or a writer)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA main.wal_checkpoint(PASSIVE)")
        conn.exec_driver_sql(f"PRAGMA {SCHEMA}.wal_checkpoint(PASSIVE)")


def _view_sql() -> str:
    """``temp.scan``: the database's scans and the journal's, as one table (journal rows
    with negative ids, so that an id tells where a scan is)."""
    names = [c.name for c in Scan.__table__.columns]
    from_journal = []
    for name in names:
        if name == "id":
            from_journal.append("-seq AS id")
        elif name in _STORED:
            from_journal.append(name)
        elif name == "undone_by":
            from_journal.append("'' AS undone_by")
        elif name == "offline":
            from_journal.append("0 AS offline")
        else:
            from_journal.append(f"NULL AS {name}")
    return (
        f"CREATE TEMP VIEW scan AS SELECT {', '.join(names)} FROM main.scan "
        f"UNION ALL SELECT {', '.join(from_journal)} FROM {SCHEMA}.pending_scan"
    )


class Journal:
    """The journal of one SQLite database, for a door desk (see the module's text)."""

    def __init__(self, db: Database) -> None:
        assert db.info.path is not None
        self.path = journal_path(db.info.path)
        _create(self.path)
        url = db.engine.url.render_as_string(hide_password=False)
        # decisions on a snapshot: a connection of their own, with the view, never pooled
        # with the desk's others (there ``scan`` must stay the database's table)
        self._engine = create_engine(
            url, poolclass=NullPool, connect_args={"timeout": JOURNAL_WAIT_S}
        )
        view = _view_sql()

        @event.listens_for(self._engine, "connect")
        def _prepare(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute(f"PRAGMA busy_timeout = {int(JOURNAL_WAIT_S * 1000)}")
            dbapi_connection.execute("PRAGMA foreign_keys = ON")
            dbapi_connection.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(self.path),))
            dbapi_connection.execute(view)

        @event.listens_for(self._engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN")  # deferred: the database is only read

        # the file and the journal as one, for the door's counters and last scans while
        # the journal holds scans (read only: writes to the view fail)
        self.reading = Database(self._engine, db.info)

    def close(self) -> None:
        self._engine.dispose()

    # --- deciding while the database is locked -----------------------------------------------

    @contextlib.contextmanager
    def deciding(self) -> Iterator[Session]:
        """A session on the database's snapshot and the journal, with the journal's write
        lock held: what is decided in it and logged with ``log`` is committed to the
        journal when the block ends."""
        with self._engine.connect() as conn, conn.begin():
            # the journal's lock first, then the snapshot: every desk deciding here, or
            # writing the journal into the database, is before or after this one
            conn.exec_driver_sql(f"DELETE FROM {SCHEMA}.pending_scan WHERE seq < 0")  # lock
            with Session(bind=conn) as session:
                yield session

    @staticmethod
    def log(conn: Connection, values: dict) -> int:
        """Log a scan (``values`` as checkin.scan makes them) into the journal; its id
        there is negative (see ``_view_sql``)."""
        row = {k: v for k, v in values.items() if k in _STORED}
        seq = conn.execute(insert(pending).values(row).returning(pending.c.seq)).scalar_one()
        return -seq

    # --- writing the journal into the database ----------------------------------------------

    @staticmethod
    def waiting(conn: Connection) -> int:
        """Journal rows not yet in the database (on a connection that attached it)."""
        return conn.execute(select(func.count()).select_from(pending)).scalar_one()

    @staticmethod
    def write_into(session: Session, limit: int = CHUNK) -> int:
        """Write the journal's first ``limit`` rows into the database, in the caller's
        transaction (which holds both locks: BEGIN IMMEDIATE on a connection that
        attached the journal). A part at a time: a guest never waits for hundreds."""
        conn = session.connection()
        rows = conn.execute(select(pending).order_by(pending.c.seq).limit(limit)).mappings().all()
        for row in rows:
            upload = UploadedScan(
                row["nonce"], row["at"], row["desk"], row["raw"], row["verdict"],
                row["direction"], row["participant_id"], row["day_id"], row["item_id"],
                row["override_reason"], offline=False,
            )  # fmt: skip
            record_uploaded(session, row["event_id"], upload)
        if rows:
            conn.execute(delete(pending).where(pending.c.seq <= rows[-1]["seq"]))
        return len(rows)
