"""The one place that builds the database engine and opens (and upgrades) a database.

Default: a SQLite file in the user's data folder, WAL journal, foreign keys on, a busy
timeout, and ``BEGIN IMMEDIATE`` for write transactions so that two desks writing at the
same moment queue up instead of failing half-way. Any SQLAlchemy URL (PostgreSQL through
psycopg 3) may replace it: ``--database`` or ``REGDESK_DATABASE_URL``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from . import schema
from .errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocationUnwritable,
    DatabaseTooNew,
    DatabaseUnavailable,
    MigrationFailed,
    NotARegdeskDatabase,
    SchemaVersionMissing,
)

ENV_VAR = "REGDESK_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 15_000
PG_CONNECT_TIMEOUT_S = 5
SQLITE_HEADER = b"SQLite format 3\x00"
_READ_ONLY = "regdesk_read_only"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir("regdesk", appauthor=False))


def default_database_url() -> str:
    return URL.create("sqlite", database=str(data_dir() / "regdesk.sqlite3")).render_as_string()


def resolve_database_url(explicit: str | None = None) -> str:
    """``--database`` beats ``REGDESK_DATABASE_URL`` beats the default SQLite file.

    A bare file path is accepted as a SQLite database.
    """
    url = explicit or os.environ.get(ENV_VAR) or default_database_url()
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        url = URL.create("sqlite", database=str(path)).render_as_string()
    return url


def display_url(url: str) -> str:
    """The URL with any password masked, for titles, logs and messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other backends and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


@dataclass(frozen=True)
class DatabaseInfo:
    """What was opened, for titles, status bars and `regdesk info`."""

    url: str  # password masked
    backend: str  # "sqlite" or "postgresql"
    path: Path | None  # the SQLite file, if any
    revision: str
    created: bool  # a new, empty database was set up
    upgraded_from: str | None  # revision before an upgrade on open
    backup: Path | None  # the copy taken before that upgrade

    @property
    def location(self) -> str:
        """The SQLite file's path, or the server URL (password masked)."""
        return str(self.path) if self.path is not None else self.url


class Database:
    """An open, up-to-date database. ``session()`` is one unit of work."""

    def __init__(self, engine: Engine, info: DatabaseInfo) -> None:
        self.engine = engine
        self.info = info
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            bind=engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )

    @contextlib.contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on an exception.

        On SQLite a write session takes the write lock at its start (BEGIN IMMEDIATE), so
        concurrent writers wait for each other rather than failing on upgrade of a lock.
        """
        factory = self._sessions if write else self._read_sessions
        with factory() as session, session.begin():
            session.connection()  # begin now, not at the first statement
            yield session

    def fast_failing(self, timeout_s: float = 2.0) -> Database:
        """The same database through an engine that gives up within about ``timeout_s``
        (connecting, a statement, waiting for a lock): for the door, which would rather
        decide offline than keep a guest waiting. On SQLite: a shorter busy timeout, so
        that a scan behind another writer becomes "not checked" instead of a frozen door."""
        if self.info.backend not in ("postgresql", "sqlite") or self.info.path is None:
            return self
        url = self.engine.url.render_as_string(hide_password=False)
        return Database(build_engine(url, timeout_s=timeout_s), self.info)

    def close(self) -> None:
        self.engine.dispose()


def build_engine(url: str, *, timeout_s: float | None = None) -> Engine:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        busy_ms = SQLITE_BUSY_TIMEOUT_MS if timeout_s is None else int(timeout_s * 1000)
        engine = create_engine(url, connect_args={"timeout": busy_ms / 1000})
        _configure_sqlite(engine, busy_ms)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        connect_args = {"connect_timeout": PG_CONNECT_TIMEOUT_S, "application_name": "regdesk"}
        if timeout_s is not None:
            ms = int(timeout_s * 1000)
            connect_args.update(
                connect_timeout=max(1, round(timeout_s)),
                tcp_user_timeout=ms,  # a vanished network, not only a refused connection
                options=f"-c statement_timeout={ms} -c lock_timeout={ms}",
            )
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    return create_engine(url)


def _configure_sqlite(engine: Engine, busy_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN instead of pysqlite guessing.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() not in ("wal", "memory"):
            raise sqlite3.OperationalError(f"could not switch to WAL journal (got {mode})")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = conn.get_execution_options().get(_READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


# --- opening --------------------------------------------------------------------------------


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open the database at ``url``, creating or upgrading its schema.

    Refuses, without changing anything, a location that cannot be written, a file that is
    not a SQLite database or fails its integrity check, a database of another application,
    and a database written by a newer regdesk.
    """
    url = resolve_database_url(url)
    shown = display_url(url)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
        _inspect_sqlite_read_only(path, shown)
        make_private(path)
    try:
        engine = build_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseUnavailable(url=shown, reason=str(exc)) from exc

    try:
        info = _prepare_schema(engine, url, shown, path, upgrade=upgrade)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, info)


def _prepare_schema(
    engine: Engine, url: str, shown: str, path: Path | None, *, upgrade: bool
) -> DatabaseInfo:
    backend = engine.dialect.name
    try:
        with engine.connect() as conn:
            current = schema.current_revision(conn)
            foreign = schema.foreign_tables(conn) if current is None else []
            conn.rollback()
    except DBAPIError as exc:
        if path is not None:
            raise _unusable(path, exc.orig) from exc
        raise DatabaseUnavailable(url=shown, reason=first_line(exc.orig)) from exc

    if foreign:
        raise NotARegdeskDatabase(url=shown)
    if current is None and _has_tables_of_ours(engine):
        raise SchemaVersionMissing(url=shown)
    head = schema.head_revision()
    if current is not None and current not in schema.known_revisions():
        raise DatabaseTooNew(url=shown, revision=current, head=head)

    created = current is None
    backup = None
    if current != head and upgrade:
        if path is not None and not created:
            backup = _backup_sqlite(path, current, head)
        try:
            _upgrade(engine, head)
        except DBAPIError as exc:
            raise MigrationFailed(
                url=shown, reason=first_line(exc.orig), backup=str(backup or "-")
            ) from exc
        revision = head
    else:
        revision = current or ""
    return DatabaseInfo(
        url=shown,
        backend=backend,
        path=path,
        revision=revision,
        created=created,
        upgraded_from=None if created or current == head or not upgrade else current,
        backup=backup,
    )


def _has_tables_of_ours(engine: Engine) -> bool:
    """An empty version table beside other tables: not a new database."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
    return schema.VERSION_TABLE in names and bool(names - {schema.VERSION_TABLE})


def is_busy(exc: BaseException | None) -> bool:
    """Another writer holds the SQLite file (not: it is gone or damaged); ``exc`` from
    sqlite3, or SQLAlchemy's wrapper around it."""
    exc = getattr(exc, "orig", None) or exc
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def _unusable(path: Path, exc: BaseException | None) -> DatabaseError:
    """A file that cannot be read now: busy (another program's lock) is not damaged."""
    if is_busy(exc):
        return DatabaseBusy(path=str(path), reason=first_line(exc))
    return DatabaseCorrupt(path=str(path), reason=first_line(exc))


def _upgrade(engine: Engine, head: str) -> None:
    """Run the migrations in one transaction.

    On SQLite, Alembic's batch mode rebuilds a table by copying it and dropping the old
    one; with foreign keys on, that drop would cascade into the rows that refer to it
    (consents, enrolments ...). So, as Alembic advises, foreign keys are off during the
    upgrade, and PRAGMA foreign_key_check must come back clean before it commits.
    """
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if engine.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")  # only outside a transaction
        try:
            with conn.begin():
                schema.upgrade(conn, head)
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationIntegrityError(broken)
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


class MigrationIntegrityError(DBAPIError):
    def __init__(self, rows) -> None:
        super().__init__(
            "PRAGMA foreign_key_check",
            None,
            Exception(f"foreign keys broken after upgrade: {rows[:3]}"),
        )


def _owner_only(path: Path, mode: int) -> None:
    """Take group and others' access away from ``path`` if this user owns it."""
    try:
        st = path.stat()
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return
        if st.st_mode & 0o077:
            os.chmod(path, mode)
    except OSError:
        pass  # gone meanwhile, or a file system without modes (FAT stick)


def make_private(path: Path) -> None:
    """A database file only its user can read (names, needs, badge secrets, the PIN's
    hash): created 0600 before SQLite creates it, an existing one (and its -wal, -shm,
    -journal, which SQLite creates with the database's mode) tightened to 0600."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for name in ("", "-wal", "-shm", "-journal"):
        _owner_only(path.with_name(path.name + name), 0o600)


def _check_sqlite_file(path: Path) -> None:
    """Refuse early, before SQLite creates or touches anything."""
    folder = path.parent
    try:
        new_folder = not folder.exists()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if new_folder or folder == data_dir():  # ours: owner only (an own choice is kept)
            _owner_only(folder, 0o700)
    except OSError as exc:
        raise DatabaseLocationUnwritable(path=str(path), reason=_os_reason(exc)) from exc
    if not folder.is_dir():
        raise DatabaseLocationUnwritable(path=str(path), reason=f"{folder} is not a folder")
    try:  # a real write, because os.access says yes to root on a read-only mount
        probe = folder / f".regdesk-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DatabaseLocationUnwritable(path=str(path), reason=_os_reason(exc)) from exc
    if path.exists():
        if not path.is_file():
            raise DatabaseCorrupt(path=str(path), reason="not a regular file")
        if not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseLocationUnwritable(
                path=str(path), reason="no permission to read and write"
            )
        size = path.stat().st_size
        if size > 0:
            with path.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
            if header != SQLITE_HEADER:
                raise DatabaseCorrupt(path=str(path), reason="not a SQLite database file")


def _inspect_sqlite_read_only(path: Path, shown: str) -> None:
    """Check an existing file through a read-only connection, so that a file we refuse
    (damaged, another application's, written by a newer regdesk) is never modified --
    not even by the switch to WAL that the engine makes on connect."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _unusable(path, exc) from exc
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            raise DatabaseCorrupt(path=str(path), reason="; ".join(rows[:3]))
        found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in found}
        if tables and schema.VERSION_TABLE not in tables:
            raise NotARegdeskDatabase(url=shown)
        if schema.VERSION_TABLE in tables:
            row = conn.execute(f"SELECT version_num FROM {schema.VERSION_TABLE}").fetchone()
            if row is not None and row[0] not in schema.known_revisions():
                raise DatabaseTooNew(url=shown, revision=row[0], head=schema.head_revision())
    except sqlite3.Error as exc:
        raise _unusable(path, exc) from exc
    finally:
        conn.close()


def _backup_sqlite(path: Path, current: str | None, head: str) -> Path:
    """A consistent copy of the file (SQLite's backup API, WAL included) beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{current}-to-{head}-{stamp}.bak")
    make_private(target)  # the copy holds the same personal data
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def first_line(exc: BaseException | None) -> str:
    """The first line of what the database (or SQLAlchemy's wrapper around it) said."""
    exc = getattr(exc, "orig", None) or exc
    text_ = str(exc).strip() if exc is not None else ""
    return text_.splitlines()[0] if text_ else type(exc).__name__


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
