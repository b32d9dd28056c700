"""``regdesk export``: the lists as XLSX, CSV or PDF, narrowed by the same filters as in
the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..db import Database
from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..exporting.labels import LANGUAGES
from ..progress import TextProgress
from ..services import events as event_service
from ..services.audit import actor_name
from ..services.audit_log import AuditFilter
from ..services.exports import LISTS, export_list
from ..services.list_common import ListRequest
from ..services.preferences import programme_items
from .days import find_day
from .participants import resolve_category

MAX_BLANK_ROWS = 200
DESCRIPTIONS = {
    "participants": "participant list (everything; re-imports)",
    "signin": "sign-in sheets: one per day, or per programme item with --item",
    "rosters": "rosters per item (workshop, excursion ...): places and waiting list",
    "unplaced": "who holds no place in the programme, why, first open wish, waiting lists",
    "catering": "dietary and accessibility needs (only who consented)",
    "published": "published participant list (only who consented)",
    "scans": "the scan log of the doors",
    "audit": "the audit log of every change",
    "consents": "consent records: every consent given, refused or taken back, and how",
}


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    lists = "; ".join(
        f"{kind} ({'/'.join(LISTS[kind][2])}): {text}" for kind, text in DESCRIPTIONS.items()
    )
    parser = sub.add_parser(
        "export",
        parents=[common],
        help="lists as XLSX, CSV or PDF",
        description=f"Lists -- {lists}.",
    )
    parser.add_argument("list", choices=list(LISTS), help="which list")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    parser.add_argument(
        "--format", choices=("xlsx", "csv", "pdf"), help="default: from the file name"
    )
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument(
        "--category", action="append", default=[], help="only this category (repeatable)"
    )
    parser.add_argument(
        "--status",
        choices=("registered", "cancelled", "all"),
        default="all",
        help="registrations (default all; attendance lists always take the registered)",
    )
    parser.add_argument(
        "--checked-in", choices=("yes", "no"), help="only who was (not) admitted at a door"
    )
    parser.add_argument(
        "--item",
        action="append",
        default=[],
        help="programme item by code, title or id (repeatable)",
    )
    parser.add_argument(
        "--day", action="append", default=[], help="day number or date (repeatable)"
    )
    parser.add_argument(
        "--person",
        type=int,
        default=None,
        metavar="ID",
        help="audit and consents: only the entries about this participant",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="de", help="language of the list")
    parser.add_argument(
        "--blank-rows",
        type=_blank_rows,
        default=0,
        metavar="N",
        help="sign-in sheets: N numbered empty rows for people added on the day",
    )
    parser.add_argument(
        "--phone",
        action="store_true",
        help="rosters: phone numbers on every item's list (excursions always have them)",
    )


def run(db: Database, args: argparse.Namespace) -> int:
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
        categories = tuple(resolve_category(session, event_id, c) for c in args.category)
        items = tuple(i for text in args.item for i in _items(session, event_id, text))
        days = event_service.get_event(session, event_id).days
        day_ids = []
        for text in args.day:
            day_id = find_day(days, text)
            if day_id is None:
                raise Invalid([Problem("day", "unknown_day")])
            day_ids.append(day_id)
    request = ListRequest(
        args.list,
        category_ids=categories,
        status=None if args.status == "all" else args.status,
        checked_in=None if args.checked_in is None else args.checked_in == "yes",
        item_ids=items,
        day_ids=tuple(day_ids),
        language=args.lang,
        blank_rows=args.blank_rows,
        phone=args.phone,
        audit=AuditFilter(participant_id=args.person) if args.person is not None else None,
    )
    chosen = args.format or _format_of(args.output, LISTS[args.list][2])
    result = export_list(
        db,
        event_id,
        request,
        args.output,
        format=chosen,
        actor=actor_name("cli"),
        progress=TextProgress("Export"),
    )
    sheets = f" on {result.sheets} sheet(s)" if result.sheets > 1 else ""
    print(
        f"Wrote {result.rows} row(s){sheets} to {result.path} ({result.format.upper()}, "
        f"{result.bytes / 1024:.0f} KiB, {result.seconds:.2f} s)"
    )
    return 0


def _blank_rows(text: str) -> int:
    if not text.isdigit() or int(text) > MAX_BLANK_ROWS:
        raise argparse.ArgumentTypeError(f"a whole number from 0 to {MAX_BLANK_ROWS}")
    return int(text)


def _format_of(path: Path, offered: tuple[str, ...]) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in ("xlsx", "csv", "pdf") else offered[0]


def _items(session, event_id: int, text: str) -> list[int]:
    """Every session of an item given by code, the item given by title or id."""
    items = programme_items(session, event_id)
    wanted = text.strip().casefold()
    by_code = [i.id for i in items if i.code and i.code.casefold() == wanted]
    found = by_code or [
        i.id for i in items if i.title.casefold() == wanted or str(i.id) == text.strip()
    ]
    if not found:
        raise Invalid([Problem("item", "unknown_item", (("value", text),))])
    return found
