"""The change signal: learn that the data changed, whoever changed it.

One watcher per database, on a thread of its own, calls ``on_change(topics)``:

- SQLite: ``PRAGMA data_version`` on a connection of the watcher's own changes whenever
  *another* connection commits -- this process's other connections and other processes
  alike -- so polling it four times a second is the whole cross-process signal. It tells
  no table, so the topics are ``ALL``.
- PostgreSQL: statement triggers (migration 0007) send ``NOTIFY regdesk_changes`` with
  the table's name at commit; the watcher LISTENs on a dedicated autocommit connection.
  Notifications sent while it is disconnected are lost, so after every (re)connect it
  reports ``ALL``: the catch-up is the subscribers' refresh. It reconnects with back-off
  and reports whether the server answers (``on_state``).

The core never imports Qt: the GUI hands these calls to its own thread (ui/live.py).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.engine import make_url

from ..db import resolve_database_url, sqlite_path
from ..models import utcnow

CHANNEL = "regdesk_changes"
ALL = frozenset({"*"})
POLL_S = 0.25
FOLD_S = 0.02  # notifications arriving this close together are reported as one
PING_S = 3.0  # a silent connection (network gone, no reset) is found out this often
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 5.0)

OnChange = Callable[[frozenset[str]], None]
OnState = Callable[[bool, datetime | None], None]  # (server answers, since when it does not)


def touches(topics: frozenset[str], *tables: str) -> bool:
    """Whether a change to ``topics`` concerns any of ``tables``."""
    return "*" in topics or not topics.isdisjoint(tables)


def pg_conninfo(url: str, *, timeout_s: float = 2.0) -> dict:
    parsed = make_url(url)
    info = {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "password": parsed.password,
        "dbname": parsed.database,
        "connect_timeout": max(1, round(timeout_s)),
        "application_name": "regdesk-changes",
        **{k: v for k, v in parsed.query.items() if isinstance(v, str)},
    }
    return {k: v for k, v in info.items() if v is not None}


class ChangeWatcher:
    """Watches one database on a daemon thread until ``stop()``."""

    def __init__(
        self,
        url: str,
        on_change: OnChange,
        on_state: OnState | None = None,
        *,
        poll_s: float = POLL_S,
    ) -> None:
        self.url = url = resolve_database_url(url)
        self.on_change = on_change
        self.on_state = on_state or (lambda _up, _since: None)
        self.poll_s = poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.path = sqlite_path(url)
        self.backend = make_url(url).get_backend_name()

    def start(self) -> None:
        if self._thread is not None or self.backend not in ("sqlite", "postgresql"):
            return
        target = self._watch_sqlite if self.backend == "sqlite" else self._watch_postgres
        self._thread = threading.Thread(target=target, name="regdesk-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    # --- SQLite -----------------------------------------------------------------------------

    def _watch_sqlite(self) -> None:
        if self.path is None:  # in-memory: nobody else can write
            return
        conn = sqlite3.connect(self.path, timeout=1, check_same_thread=False)
        try:
            seen = None
            while not self._stop.wait(self.poll_s if seen is not None else 0):
                try:
                    version = conn.execute("PRAGMA data_version").fetchone()[0]
                except sqlite3.Error:
                    continue  # busy for a moment: next round
                if seen is not None and version != seen:
                    self.on_change(ALL)
                seen = version
        finally:
            conn.close()

    # --- PostgreSQL -------------------------------------------------------------------------

    def _watch_postgres(self) -> None:
        import psycopg

        failures = 0
        down_since: datetime | None = None
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(**pg_conninfo(self.url), autocommit=True)
            except psycopg.Error:
                if down_since is None:
                    down_since = utcnow()
                    self.on_state(False, down_since)
                self._stop.wait(BACKOFF_S[min(failures, len(BACKOFF_S) - 1)])
                failures += 1
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                failures = 0
                down_since = None
                self.on_state(True, None)
                self.on_change(ALL)  # first connect and every reconnect: what was missed
                self._listen(conn)
            except psycopg.Error:
                down_since = utcnow()
                self.on_state(False, down_since)
            finally:
                conn.close()

    def _listen(self, conn) -> None:
        last_ping = time.monotonic()
        while not self._stop.is_set():
            topics = {n.payload for n in conn.notifies(timeout=self.poll_s, stop_after=1)}
            if topics:  # reported at once, with whatever follows within a moment
                topics |= {n.payload for n in conn.notifies(timeout=FOLD_S)}
                self.on_change(frozenset(topics))
            if time.monotonic() - last_ping >= PING_S:
                conn.execute("SELECT 1")
                last_ping = time.monotonic()
