"""``regdesk access``: the Art. 15 DSGVO access export of one participant -- a JSON file
with every stored value and a PDF to read."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..db import Database
from ..exporting.labels import LANGUAGES
from ..services.audit import actor_name


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "access",
        parents=[common],
        help="Art. 15 DSGVO: everything stored about one participant (JSON and PDF)",
        description="The access export of Art. 15 DSGVO for one participant: the "
        "registration, consents, days, group, wishes, places, scans, mails, replaced badges "
        "and the audit entries about them, with the event's data-protection statement -- "
        "as JSON (every value) and as a PDF to hand over.",
    )
    parser.add_argument("participant", type=int, metavar="ID", help="the participant's id")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("."), help="the folder to write into"
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="de", help="default: de")


def run(db: Database, args: argparse.Namespace) -> int:
    from ..privacy.access import write_access_export

    result = write_access_export(
        db, args.participant, args.output, language=args.lang, actor=actor_name("cli")
    )
    print(f"Wrote {result.json_path} and {result.pdf_path} ({result.rows} stored row(s))")
    return 0


CLASS_NAMES = {
    "needs": "needs (dietary, accessibility, interpreting)",
    "contact": "contact data (e-mail, phone, position, notes)",
    "mail": "mails sent (addresses and texts)",
    "identity": "names and badge codes (proof of attendance)",
}


def _period(text: str) -> tuple[str, int | None]:
    """CLASS=DAYS, CLASS=Nd, CLASS=Ny (years) or CLASS=default."""
    name, sep, value = text.partition("=")
    value = value.strip().lower()
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected CLASS=PERIOD, e.g. contact=30: {text!r}")
    if value == "default":
        return name.strip(), None
    number, unit = (value[:-1], value[-1]) if value[-1:] in ("d", "y") else (value, "d")
    if not number.isdigit():
        raise argparse.ArgumentTypeError(f"not a period: {value!r} (e.g. 30, 30d, 5y, default)")
    years = int(number)
    return name.strip(), years * 365 + years // 4 if unit == "y" else int(number)


def add_retention_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "retention",
        parents=[common],
        help="how long each class of personal data is kept, and when it is deleted",
        description="Retention periods per class of personal data, counted in days from the "
        "event's last day: " + "; ".join(f"{k}: {v}" for k, v in CLASS_NAMES.items()) + ".",
    )
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument(
        "--set",
        dest="periods",
        type=_period,
        action="append",
        default=[],
        metavar="CLASS=PERIOD",
        help="e.g. contact=30, needs=0, identity=5y, mail=default (repeatable)",
    )


def run_retention(db: Database, args: argparse.Namespace) -> int:
    from ..privacy.retention import retention_plan, set_retention
    from ..services import events as event_service
    from ..text import format_date

    with db.session() as session:
        event_id = args.event or event_service.current_event_id(session)
        if args.periods:
            lines = set_retention(session, event_id, dict(args.periods), actor=actor_name("cli"))
        else:
            lines = retention_plan(session, event_id)
        event = event_service.get_event(session, event_id)
    print(f"Retention for event {event.id}: {event.name} (last day {format_date(event.last_day)})")
    for line in lines:
        kept = f"{line.days} day(s)" + (" (default)" if line.is_default else "")
        when = ("due since " if line.due else "deleted on ") + format_date(line.purge_on)
        unit = "message(s)" if line.data_class == "mail" else "person(s)"
        print(f"  {CLASS_NAMES[line.data_class]}: {kept}, {when}; held for {line.held} {unit}")
    return 0
