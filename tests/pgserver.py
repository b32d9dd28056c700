"""A throwaway PostgreSQL server for the tests, from the binaries regdesk uses to host a
shared database (the pip wheel; a system PostgreSQL where that is missing).

Set REGDESK_TEST_PG_URL to use an existing server instead (a URL to a database whose user
may CREATE DATABASE).
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

from regdesk.desks.pgserver import LocalServer, find_bindir, free_port

__all__ = ["DatabaseFactory", "PostgresServer", "find_bindir"]


class PostgresServer:
    """A throwaway server (regdesk.desks.pgserver) on 127.0.0.1, started on construction;
    ``stop()`` removes everything."""

    def __init__(self, bindir: Path | None = None, *, durable: bool = False) -> None:
        """``durable``: a commit survives ``halt()`` (an immediate stop, as a crash); the
        shared test server trades that for speed."""
        self.port = free_port()
        self.server = LocalServer(Path(tempfile.mkdtemp(prefix="regdesk-pg-")), bindir)
        self.bindir = self.server.bindir
        self.server.init()
        fast = {"fsync": "off"}
        if not durable:
            fast.update(synchronous_commit="off", full_page_writes="off")
        self.server.configure(port=self.port, settings=fast)
        self.server.allow(["127.0.0.1/32"], method="trust")
        self.start()
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        self.server.start()

    def halt(self) -> None:
        """Stop at once, as a crash or a pulled cable would (the data stays)."""
        self.server.halt()

    def running(self) -> bool:
        return self.server.running()

    def ensure_running(self) -> None:
        if not self.running():
            self.start()

    def stop(self) -> None:
        self.server.halt()
        self.server.remove()


class DatabaseFactory:
    """Creates and drops one fresh database per test on a server."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url

    def _admin(self):
        import psycopg

        url = make_url(self.admin_url)
        return psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database,
            autocommit=True,
            connect_timeout=5,
        )

    def check(self) -> None:
        with self._admin() as conn:
            conn.execute("SELECT 1")

    def create(self) -> str:
        name = f"regdesk_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
