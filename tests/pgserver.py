"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl on 127.0.0.1.

Set REGDESK_TEST_PG_URL to use an existing server instead (a URL to a database whose user
may CREATE DATABASE).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url


def find_bindir() -> Path | None:
    candidates: list[str] = []
    if os.environ.get("REGDESK_PG_BINDIR"):
        candidates.append(os.environ["REGDESK_PG_BINDIR"])
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(
                ["pg_config", "--bindir"], capture_output=True, text=True, check=True
            )
            candidates.append(out.stdout.strip())
        except (OSError, subprocess.CalledProcessError):
            pass
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb")).resolve().parent))
    for candidate in candidates:
        path = Path(candidate)
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """Started on construction; ``stop()`` removes everything."""

    def __init__(self, bindir: Path, *, durable: bool = False) -> None:
        """``durable``: a commit survives ``halt()`` (an immediate stop, as a crash); the
        shared test server trades that for speed."""
        self.bindir = bindir
        self.durable = durable
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="regdesk-pg-"))
        self.user_prefix: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root needs a 'postgres' system user") from exc
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.user_prefix = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self._run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        self.start()
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.dir / "data"),
            "-l",
            str(self.dir / "log"),
            "-w",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off "
            + ("" if self.durable else "-c synchronous_commit=off -c full_page_writes=off ")
            + "-c max_connections=200",
            "start",
        )

    def halt(self) -> None:
        """Stop at once, as a crash or a pulled cable would (the data stays)."""
        subprocess.run(
            [*self.user_prefix, str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"),
             "-m", "immediate", "-w", "stop"],
            capture_output=True,
        )  # fmt: skip

    def running(self) -> bool:
        status = subprocess.run(
            [*self.user_prefix, str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"),
             "status"],
            capture_output=True,
        )  # fmt: skip
        return status.returncode == 0

    def ensure_running(self) -> None:
        if not self.running():
            self.start()

    def _run(self, *cmd: str) -> None:
        result = subprocess.run([*self.user_prefix, *cmd], capture_output=True, text=True)
        if result.returncode != 0:
            log = self.dir / "log"
            detail = log.read_text() if log.exists() else ""
            raise RuntimeError(f"{cmd[0]} failed: {result.stderr}{result.stdout}{detail}")

    def stop(self) -> None:
        self.halt()
        shutil.rmtree(self.dir, ignore_errors=True)


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
