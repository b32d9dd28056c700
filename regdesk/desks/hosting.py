"""This computer as the server for other desks: a PostgreSQL server of regdesk's own
(regdesk.desks.pgserver), reachable from the local subnets only, with a random password
and scram-sha-256; the current SQLite database copied into it (counts verified, the file
left as it was); and a join code that another desk types or scans to connect.

The join code holds the server's address, port and password in the badge alphabet
(upper-case letters and digits, no Y/Z, no look-alikes), so that a handheld scanner on a
US layout reads it as well as a person types it; a check character catches typos.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import URL

from ..badge_codes import ALPHABET
from ..db import Database, data_dir, open_database
from ..errors import Cancelled, RegdeskError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import Base
from ..services.checkin import normalise
from .pgserver import LocalServer, ServerError, free_port

DATABASE = "regdesk"
USER = "regdesk"
DEFAULT_PORT = 55432
PREFIX = "RDJ"
_SECRET_BYTES = 10  # 80 random bits of password, over a LAN limited to its subnets
_DIGITS = 28  # 16 bytes in base 29 need 27 digits; one more for the check character
CHUNK = 5000


class InvalidJoinCode(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "This is not a join code of a regdesk server ({reason}). Type it again or scan it "
        "from the hosting desk's screen.",
    )


class HostingFailed(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The server could not be set up: {reason}. Nothing was changed."
    )


class CopyMismatch(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The copy into the server is incomplete ({table}: {source} rows here, {target} "
        "there). The server's database was not used; the file is unchanged.",
    )


@dataclass(frozen=True)
class JoinInfo:
    host: str
    port: int
    secret: bytes

    @property
    def password(self) -> str:
        return self.secret.hex()

    @property
    def url(self) -> str:
        return URL.create(
            "postgresql+psycopg", username=USER, password=self.password, host=self.host,
            port=self.port, database=DATABASE,
        ).render_as_string(hide_password=False)  # fmt: skip

    @property
    def code(self) -> str:
        return join_code(self)


def join_code(info: JoinInfo) -> str:
    """ "RDJ-XXXX-XXXX-…": address, port and password, grouped for reading aloud."""
    raw = ipaddress.IPv4Address(info.host).packed + info.port.to_bytes(2, "big") + info.secret
    number = int.from_bytes(raw, "big")
    digits = []
    for _ in range(_DIGITS - 1):
        number, digit = divmod(number, len(ALPHABET))
        digits.append(digit)
    digits.append(sum(d * (i + 1) for i, d in enumerate(digits)) % len(ALPHABET))
    body = "".join(ALPHABET[d] for d in digits)
    groups = [body[i : i + 4] for i in range(0, len(body), 4)]
    return "-".join([PREFIX, *groups])


def parse_join_code(text_: str) -> JoinInfo:
    """The server behind a join code, as typed or scanned (blanks, hyphens, case, a
    scanner's Y/Z swap do not matter)."""
    code = normalise(text_)
    if not code.startswith(PREFIX):
        raise InvalidJoinCode(reason="it does not begin with RDJ")
    body = code[len(PREFIX) :]
    if len(body) != _DIGITS or any(c not in ALPHABET for c in body):
        raise InvalidJoinCode(reason=f"{len(body)} characters instead of {_DIGITS}")
    digits = [ALPHABET.index(c) for c in body]
    check = sum(d * (i + 1) for i, d in enumerate(digits[:-1])) % len(ALPHABET)
    if check != digits[-1]:
        raise InvalidJoinCode(reason="a character is wrong")
    number = 0
    for digit in reversed(digits[:-1]):
        number = number * len(ALPHABET) + digit
    if number >= 1 << (8 * (6 + _SECRET_BYTES)):
        raise InvalidJoinCode(reason="a character is wrong")
    raw = number.to_bytes(6 + _SECRET_BYTES, "big")
    return JoinInfo(str(ipaddress.IPv4Address(raw[:4])), int.from_bytes(raw[4:6], "big"),
                    raw[6:])  # fmt: skip


# --- the network ----------------------------------------------------------------------------


def local_networks() -> list[str]:
    """This computer's own subnets (IPv4, and loopback for IPv6): who may connect."""
    import socket

    import psutil

    nets = {"127.0.0.1/32", "::1/128"}
    for addresses in psutil.net_if_addrs().values():
        for addr in addresses:
            if addr.family != socket.AF_INET or not addr.netmask:
                continue
            net = ipaddress.ip_interface(f"{addr.address}/{addr.netmask}").network
            if not net.is_link_local and not net.is_loopback:
                nets.add(str(net))
    return sorted(nets)


def lan_address() -> str:
    """The address other desks reach this computer at: a private IPv4 of an interface
    that is up; loopback where there is none."""
    import socket

    import psutil

    up = {name for name, stats in psutil.net_if_stats().items() if stats.isup}
    found = []
    for name, addresses in psutil.net_if_addrs().items():
        for addr in addresses:
            if addr.family == socket.AF_INET and name in up:
                ip = ipaddress.IPv4Address(addr.address)
                if ip.is_private and not ip.is_loopback and not ip.is_link_local:
                    found.append(str(ip))
    return sorted(found)[0] if found else "127.0.0.1"


# --- hosting --------------------------------------------------------------------------------


def server_folder() -> Path:
    """Where this computer's server keeps its data: ``REGDESK_SERVER_DIR``, else the data
    folder (as root: /var/lib/regdesk/server, which the server's system user can enter)."""
    if os.environ.get("REGDESK_SERVER_DIR"):
        return Path(os.environ["REGDESK_SERVER_DIR"])
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/lib/regdesk/server")
    return data_dir() / "server"


@dataclass(frozen=True)
class Hosting:
    folder: Path
    join: JoinInfo
    local_url: str  # for this computer itself (127.0.0.1)
    counts: dict[str, int]  # rows copied per table


def host(
    source: Database,
    folder: Path | None = None,
    *,
    port: int | None = None,
    address: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Hosting:
    """Set up the server in ``folder``, start it and copy ``source`` into it. On failure
    or cancel nothing stays behind: the server is stopped and its folder removed."""
    folder = folder or server_folder()
    try:
        server = LocalServer(folder)
    except ServerError as exc:
        raise HostingFailed(reason=str(exc)) from exc
    if server.initialised:
        raise HostingFailed(reason=f"{folder} already holds a server")
    secret = secrets.token_bytes(_SECRET_BYTES)
    join = JoinInfo(address or lan_address(), port or _port(), secret)
    try:
        server.init(superuser=USER, password=join.password)
        server.configure(port=join.port, listen="*")
        server.allow(local_networks())
        try:
            server.start()
        except ServerError as exc:
            if port is not None or "already in use" not in str(exc):
                raise
            # another program took the port between the check and the start: another one
            join = JoinInfo(join.host, free_port("0.0.0.0"), secret)
            server.configure(port=join.port, listen="*")
            server.start()
        _create_database(join)
    except Exception as exc:
        server.halt()
        server.remove()
        raise HostingFailed(reason=str(exc).strip()[:300]) from exc
    local = JoinInfo("127.0.0.1", join.port, secret)

    def step(done: int, total: int) -> None:
        if cancelled():
            raise Cancelled()
        if progress:
            progress(done, total)

    try:
        target = open_database(local.url)
        try:
            counts = copy_database(source, target, progress=step)
        finally:
            target.close()
    except BaseException:
        server.halt()
        server.remove()
        raise
    (folder / "hosting.json").write_text(json.dumps({"port": join.port, "host": join.host}))
    return Hosting(folder, join, local.url, counts)


def _port() -> int:
    import socket

    with socket.socket() as s:
        try:
            s.bind(("0.0.0.0", DEFAULT_PORT))
            return DEFAULT_PORT
        except OSError:
            return free_port("0.0.0.0")


def _create_database(join: JoinInfo) -> None:
    import psycopg

    login = {"host": "127.0.0.1", "port": join.port, "user": USER, "password": join.password}
    with psycopg.connect(**login, dbname="postgres", autocommit=True, connect_timeout=10) as conn:
        conn.execute(f"CREATE DATABASE {DATABASE} TEMPLATE template0 ENCODING 'UTF8'")


def restart(folder: Path | None = None) -> LocalServer:
    """After a restart of the computer or a crash: the hosted server up again (a stale
    postmaster.pid is cleared)."""
    server = LocalServer(folder or server_folder())
    if not server.running():
        server.start()
    return server


def copy_database(
    source: Database, target: Database, *, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Every row of every table, ids kept, in one transaction on the target; the counts
    compared table by table before it commits. ``target`` must hold no event yet."""
    tables = Base.metadata.sorted_tables
    with source.session(write=False) as src:
        sizes = {t.name: src.scalar(select(func.count()).select_from(t)) for t in tables}
    total, done = sum(sizes.values()) or 1, 0
    with target.session() as dst, source.session(write=False) as src:
        events = dst.scalar(text("SELECT count(*) FROM event"))
        if events:
            raise HostingFailed(reason="the server's database already holds an event")
        for table in tables:
            result = src.execute(select(table).order_by(*table.primary_key.columns))
            while rows := result.mappings().fetchmany(CHUNK):
                dst.execute(insert(table), [dict(r) for r in rows])
                done += len(rows)
                if progress:
                    progress(done, total)
        for table in tables:
            copied = dst.scalar(select(func.count()).select_from(table))
            if copied != sizes[table.name]:
                raise CopyMismatch(table=table.name, source=sizes[table.name], target=copied)
            if dst.get_bind().dialect.name == "postgresql" and "id" in table.c:
                dst.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"
                ))  # fmt: skip
    return sizes
