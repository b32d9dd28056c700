"""The self-test of an installation (``regdesk-gui --self-test``, run on a bundle in CI):
the core part. Everything in a temporary folder; the user's own database is not touched.

Each check raises ``SelfTestFailed`` with what was expected and what came; the caller
prints the lines ``say`` is given. The checks prove that the installation carries what
it needs at run time: the migrations (a new database), the badge fonts of
resources/fonts (not a system font), reportlab and the QR code, the list writers (PDF,
XLSX), the door's decision (a badge admitted once, the second scan is an alarm) and,
where the postgres extra is installed, PostgreSQL's server binaries and the driver."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from .db import Database, open_database


class SelfTestFailed(RuntimeError):
    """A check of the self-test did not hold; the message says which and how."""


@dataclass(frozen=True)
class CoreResult:
    db: Database
    event_id: int
    participant_id: int
    checks: int


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


def run_core(folder: Path, say: Callable[[str], None]) -> CoreResult:
    """The core checks in ``folder``; returns the open demo database for the GUI's part."""
    from .badges import fonts
    from .demo import seed_demo
    from .desks.door import DoorDesk
    from .models import Participant
    from .services import badges, checkin
    from .services import events as event_service
    from .services.exports import export_list
    from .services.list_common import ListRequest

    checks = 0
    db = open_database(str(folder / "self-test.sqlite3"))
    check(bool(db.info.created and db.info.revision), "a new database with the schema")
    say(f"database created, schema {db.info.revision} (the migrations are inside)")
    checks += 1

    demo = seed_demo(db, "bad-belzig", participants=40, seed=7, actor="self-test")
    check(demo.participants == 40, f"40 demo participants, not {demo.participants}")
    say(f"demo event with {demo.participants} participants and {demo.items} programme items")
    checks += 1

    with db.session(write=False) as session:
        person = session.execute(
            select(Participant.id, Participant.badge_secret)
            .where(Participant.event_id == demo.event_id, Participant.status == "registered")
            .order_by(Participant.id)
        ).first()
        days = event_service.get_event(session, demo.event_id).days
    check(person is not None, "a registered participant in the demo event")

    used = badge_fonts_shipped(fonts)
    say(f"badge fonts from {used}")
    checks += 1
    pdf = folder / "badge.pdf"
    result = badges.generate(
        db,
        demo.event_id,
        pdf,
        selection=badges.BadgeSelection(ids=(person.id,)),
        actor="self-test",
    )
    data = pdf.read_bytes()
    check(data.startswith(b"%PDF-") and result.badges == 1, "a badge PDF with one badge")
    check(b"+DejaVuSans" in data and b"/FontFile2" in data, "the badge font embedded")
    say(f"badge PDF written ({len(data) // 1024} KiB)")
    checks += 1

    for kind, fmt in (("participants", "xlsx"), ("signin", "pdf")):
        out = folder / f"{kind}.{fmt}"
        written = export_list(
            db, demo.event_id, ListRequest(kind), out, format=fmt, actor="self-test"
        )
        check(written.rows > 0 and out.stat().st_size > 0, f"the {kind} list as {fmt}")
        if fmt == "xlsx":
            with zipfile.ZipFile(out) as book:
                check("xl/workbook.xml" in book.namelist(), "a readable XLSX workbook")
        else:
            check(out.read_bytes().startswith(b"%PDF-"), "a PDF list")
        say(f"{kind} list as {fmt.upper()} ({written.rows} rows)")
        checks += 1

    context = checkin.ScanContext(day_id=days[0].id, allow_reentry=False)
    door = DoorDesk(db, demo.event_id, "self-test")
    try:
        first = door.scan(person.badge_secret, context)
        second = door.scan(person.badge_secret, context)
    finally:
        door.close()
    check(first.verdict == "admitted", f"first scan admitted, not {first.verdict}")
    check(second.verdict == "already_used", f"second scan refused, not {second.verdict}")
    say("badge scanned: admitted once, the second scan refused")
    checks += 1

    checks += _postgres(folder, say)
    return CoreResult(db, demo.event_id, person.id, checks)


def badge_fonts_shipped(fonts_module) -> Path:
    found = fonts_module.badge_fonts()
    folders = {path.parent for path in found.paths.values()}
    check(
        folders == {fonts_module.SHIPPED},
        f"the badge fonts from {fonts_module.SHIPPED}, not {sorted(map(str, folders))}",
    )
    return fonts_module.SHIPPED


def _postgres(folder: Path, say: Callable[[str], None]) -> int:
    """The server binaries run (their shared libraries resolve), a server starts, and the
    schema is created on it through psycopg: what a desk that hosts the event needs."""
    from .desks import pgserver

    bindir = pgserver.bundled_bindir()
    if bindir is None:
        say("PostgreSQL: not installed (the postgres extra); this desk cannot host a server")
        return 0
    import psycopg

    check(psycopg.pq.__impl__ in ("binary", "c"), f"psycopg's libpq, not {psycopg.pq.__impl__}")
    os.chmod(folder, 0o711)  # as root the server runs as another user, who must enter
    server = pgserver.LocalServer(folder / "server", bindir=bindir)
    port = pgserver.free_port()
    server.init()
    server.configure(port=port, settings={"fsync": "off"})
    server.start()
    try:
        db = open_database(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres")
        try:
            revision = db.info.revision
        finally:
            db.close()
    finally:
        server.stop()
    say(f"PostgreSQL server started, schema {revision} on it (psycopg {psycopg.__version__})")
    return 1
