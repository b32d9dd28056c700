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


def add_anonymise_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "anonymise",
        parents=[common],
        help="delete personal data in two steps: a preview with a code, then the purge",
        description="Anonymisation in two steps. First --preview FILE writes everything that "
        "will be deleted and prints a confirmation code; then --confirm CODE deletes exactly "
        "that (a code from an older preview is refused: make a new one). Names, contacts, "
        "free text and needs go, badge codes are replaced; categories, days, places and "
        "check-in times stay, so the report comes out the same. 'identity' takes the other "
        "classes with it. Classes: " + "; ".join(f"{k}: {v}" for k, v in CLASS_NAMES.items()),
    )
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every class: the whole event")
    which.add_argument("--due", action="store_true", help="the classes whose period is over")
    which.add_argument(
        "--class", dest="classes", action="append", choices=sorted(CLASS_NAMES),
        metavar="CLASS", help="one class (repeatable): " + ", ".join(sorted(CLASS_NAMES)),
    )  # fmt: skip
    step = parser.add_mutually_exclusive_group(required=True)
    step.add_argument("--preview", type=Path, metavar="FILE", help="write what will be deleted")
    step.add_argument("--confirm", metavar="CODE", help="delete it: the preview's code")


def run_anonymise(db: Database, args: argparse.Namespace) -> int:
    from ..privacy.anonymise import anonymise, due_classes, write_preview
    from ..services import events as event_service

    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
        if args.all:
            classes = tuple(CLASS_NAMES)
        elif args.due:
            classes = due_classes(session, event_id)
            if not classes:
                print("No retention period is over yet: nothing is due for deletion.")
                return 0
        else:
            classes = tuple(args.classes)
    actor = actor_name("cli")
    if args.preview:
        result = write_preview(db, event_id, classes, args.preview, actor=actor)
        print(
            f"Wrote {args.preview}: {result.people} person(s), {result.mails} mail(s) "
            f"of {', '.join(result.classes)}."
        )
        print(f"Confirmation code: {result.code}")
        print("To delete exactly this: regdesk anonymise ... --confirm " + result.code)
        return 0
    result = anonymise(db, event_id, classes, args.confirm, actor=actor)
    print(
        f"Deleted {', '.join(result.classes)} of {result.people} person(s) and "
        f"{result.mails} mail(s); overwrote {result.audit_entries} audit entr(y/ies) and "
        f"{result.scans} scan(s)."
    )
    for copy in result.backups_removed:
        print(f"  deleted the copy made before a migration: {copy}")
    if result.compacted and db.info.backend == "sqlite" and not result.wal_truncated:
        print(
            "  The write-ahead log could not be emptied while another program reads the "
            "database; SQLite empties it when the last program using the file closes it."
        )
    return 0
