"""The ``regdesk`` command line: the same services as the GUI, for scripting and batch work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from .. import __version__
from ..db import Database, display_url, first_line, open_database, resolve_database_url
from ..errors import RegdeskError, ValidationError
from ..progress import TextProgress
from ..services import events as event_service
from ..services.audit import actor_name
from ..services.overview import event_counts
from ..text import format_date, format_date_range
from . import (
    allocate,
    badges,
    checkin,
    export,
    imports,
    mail,
    participants,
    privacy,
    programme,
    report,
)
from .terminal import make_safe

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        "-d",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="SQLAlchemy URL or SQLite file (default: $REGDESK_DATABASE_URL, "
        "else regdesk.sqlite3 in the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="regdesk",
        parents=[common],
        description="Registration desk and door check-in for conferences.",
    )
    parser.add_argument("--version", action="version", version=f"regdesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = sub.add_parser("init", parents=[common], help="create an event")
    init.add_argument("--name", required=True, help="event name")
    init.add_argument("--first-day", required=True, help="first day, DD.MM.YYYY or YYYY-MM-DD")
    init.add_argument("--last-day", help="last day (default: the first day)")
    init.add_argument("--subtitle", default="")
    init.add_argument("--venue-name", default="")
    init.add_argument("--venue-address", default="")
    init.add_argument("--organiser", default="")
    init.add_argument("--contact", default="")
    init.add_argument("--timezone", default="Europe/Berlin")

    from ..demo.scenarios import DEFAULT_SCENARIO, SCENARIOS

    demo = sub.add_parser(
        "demo", parents=[common], help="seed a demo event from one of the five scenarios"
    )
    demo.add_argument("--scenario", choices=sorted(SCENARIOS), default=DEFAULT_SCENARIO)
    demo.add_argument(
        "--participants",
        type=_count,
        default=300,
        metavar="N",
        help="generated participants (default 300)",
    )
    demo.add_argument("--seed", type=int, default=None, help="random seed for repeatable data")

    participants.add_parser(sub, common)
    programme.add_parser(sub, common)
    allocate.add_parser(sub, common)
    badges.add_parser(sub, common)
    checkin.add_parser(sub, common)
    imports.add_parser(sub, common)
    export.add_parser(sub, common)
    report.add_parser(sub, common)
    report.add_certificates_parser(sub, common)
    mail.add_parser(sub, common)
    privacy.add_parser(sub, common)
    privacy.add_retention_parser(sub, common)
    privacy.add_anonymise_parser(sub, common)

    info = sub.add_parser("info", parents=[common], help="database, events and counts")
    info.add_argument(
        "--event", type=int, default=None, metavar="ID", help="event id (default: the latest)"
    )
    return parser


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("must be between 0 and 1,000,000")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever it prints goes through ``terminal.SafeStream``."""
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = make_safe(sys.stdout), make_safe(sys.stderr)
    try:
        return _main(argv)
    finally:
        if sys.stdout is not None:  # None: the pipe was closed (see BrokenPipeError)
            sys.stdout = streams[0]
        sys.stderr = streams[1]


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    url = resolve_database_url(getattr(args, "database", None))
    try:
        db = open_database(url)
    except RegdeskError as exc:
        return _fail(exc)
    try:
        return COMMANDS[args.command](db, args)
    except RegdeskError as exc:
        return _fail(exc)
    except DBAPIError as exc:  # the server went away (or a file was locked) mid-command
        print(
            f"regdesk: the database {display_url(url)} stopped answering "
            f"({first_line(exc)}); the unfinished step changed nothing",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into head, less ...: end quietly
        sys.stdout = None
        return EXIT_OK
    except KeyboardInterrupt:
        print("regdesk: interrupted; nothing was changed by the unfinished step", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        db.close()


def _fail(exc: RegdeskError) -> int:
    if isinstance(exc, ValidationError):
        print("regdesk: the input was not accepted:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.field}: {problem.message()}", file=sys.stderr)
    else:
        print(f"regdesk: {exc.message()}", file=sys.stderr)
    return EXIT_ERROR


def cmd_init(db: Database, args: argparse.Namespace) -> int:
    data = event_service.EventInput(
        name=args.name,
        first_day=args.first_day,
        last_day=args.last_day or args.first_day,
        subtitle=args.subtitle,
        venue_name=args.venue_name,
        venue_address=args.venue_address,
        organiser=args.organiser,
        contact=args.contact,
        timezone=args.timezone,
    )
    with db.session() as session:
        event = event_service.create_event(session, data, actor=actor_name("cli"))
    print(
        f"Created event {event.id}: {event.name} "
        f"({format_date_range(event.first_day, event.last_day, '–')}, "
        f"{len(event.days)} day(s), {len(event.categories)} categories)"
    )
    return EXIT_OK


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from ..demo import seed_demo

    result = seed_demo(
        db,
        args.scenario,
        participants=args.participants,
        seed=args.seed,
        actor=actor_name("cli"),
        progress=TextProgress("Participants"),
    )
    print(
        f"Created demo event {result.event_id} ({result.scenario}): "
        f"{result.participants} participants, {result.slots} slots, {result.items} "
        f"programme items in {result.seconds:.2f} s"
    )
    return EXIT_OK


def cmd_info(db: Database, args: argparse.Namespace) -> int:
    info = db.info
    print(f"Database:  {display_url(info.url)} ({info.backend}, schema {info.revision})")
    if info.path is not None and info.path.exists():
        print(f"File size: {info.path.stat().st_size / 1e6:.1f} MB")
    if info.backup is not None:
        print(f"Upgraded from schema {info.upgraded_from}; copy kept at {info.backup}")
    with db.session(write=False) as session:
        events = event_service.list_events(session)
        if not events:
            print("Events:    none yet (create one with 'regdesk init' or 'regdesk demo')")
            return EXIT_OK
        event_id = args.event or event_service.current_event_id(session)
        event = event_service.get_event(session, event_id)
        counts = event_counts(session, event_id)
    print(f"Events:    {len(events)}")
    for other in events:
        marker = "*" if other.id == event.id else " "
        print(f"  {marker} {other.id:4d}  {format_date(other.first_day)}  {other.name}")
    print()
    print(f"Event {event.id}: {event.name}")
    if event.subtitle:
        print(f"  {event.subtitle}")
    place = ", ".join(p for p in (event.venue_name, event.venue_address.replace("\n", ", ")) if p)
    print(
        f"  {format_date_range(event.first_day, event.last_day, '–')}"
        f"{', ' + place if place else ''}"
    )
    print(
        f"  Participants: {counts.participants} ({counts.registered} registered, "
        f"{counts.cancelled} cancelled, {counts.walk_ins} walk-ins)"
    )
    for cat in counts.by_category:
        print(f"    {cat.name:<20} {cat.registered:>7}")
    places = f"{counts.places} places" + (
        f" + {counts.unlimited_items} unlimited" if counts.unlimited_items else ""
    )
    print(f"  Programme:    {counts.slots} slots, {counts.items} items, {places}")
    print(f"  Scans:        {counts.scans}")
    return EXIT_OK


COMMANDS = {
    "access": privacy.run,
    "retention": privacy.run_retention,
    "anonymise": privacy.run_anonymise,
    "init": cmd_init,
    "demo": cmd_demo,
    "info": cmd_info,
    "participants": participants.run,
    "programme": programme.run,
    "allocate": allocate.run,
    "badges": badges.run,
    "checkin": checkin.run,
    "import": imports.run,
    "export": export.run,
    "report": report.run,
    "certificates": report.run_certificates,
    "mail": mail.run,
}


if __name__ == "__main__":
    sys.exit(main())
