"""``regdesk checkin``: scan at the door from a terminal -- one code, or a handheld
scanner typing codes line by line (``--stdin``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date

from ..db import Database
from ..desks.door import DoorDesk
from ..errors import RegdeskError
from ..models import Direction
from ..services import checkin as svc
from ..services import events as event_service
from ..services.audit import actor_name
from ..text import format_date
from .days import find_day

WORDS = {
    "admitted": "ADMITTED",
    "re_entry": "RE-ENTRY (already in today)",
    "already_used": "ALREADY USED",
    "replaced": "REPLACED BADGE (reissued; do not admit with this one)",
    "cancelled": "CANCELLED REGISTRATION",
    "unknown": "UNKNOWN CODE",
    "not_enrolled": "NOT ENROLLED in this session",
    "wrong_day": "WRONG DAY (not registered for this day)",
    "checked_out": "CHECKED OUT",
}


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "checkin",
        parents=[common],
        help="scan badges at the door (a code, or --stdin for a scanner)",
        description="Exit code: 0 when every scan was admitted, re-entry or checked out; "
        "1 otherwise.",
    )
    parser.add_argument("codes", nargs="*", metavar="CODE", help="badge secret or short code")
    parser.add_argument("--stdin", action="store_true", help="read one code per line")
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument("--desk", default="", help="this desk's name (default: the computer)")
    parser.add_argument("--item", type=int, default=None, metavar="ID", help="a session door")
    parser.add_argument(
        "--day", default=None, help="the event day (DD.MM.YYYY or number; default: today)"
    )
    parser.add_argument("--out", action="store_true", help="check out (exit)")
    parser.add_argument(
        "--no-reentry", action="store_true", help="a second scan is an alarm (already used)"
    )
    parser.add_argument("--undo", action="store_true", help="undo this desk's last admission")


def run(db: Database, args: argparse.Namespace) -> int:
    desk = args.desk or actor_name("desk").split(":", 1)[1]
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
        days = event_service.get_event(session, event_id).days
    if args.undo:
        with db.session() as session:
            result = svc.undo_last(session, event_id, desk, actor=actor_name(f"desk:{desk}"))
        print(f"Undone: the admission of {result.person.name if result.person else '?'}")
        return 0
    day_id = None
    if args.item is None:
        day_id = _day(days, args.day)
        if day_id is None:
            wanted = args.day or format_date(date.today())
            print(
                f"regdesk checkin: {wanted} is not a day of this event "
                f"({', '.join(format_date(d.date) for d in days)}); choose one with --day",
                file=sys.stderr,
            )
            return 2
    context = svc.ScanContext(
        day_id=day_id,
        item_id=args.item,
        direction=Direction.OUT.value if args.out else Direction.IN.value,
        allow_reentry=not args.no_reentry,
    )
    codes = args.codes if not args.stdin else _scanned_lines(sys.stdin)
    if not args.stdin and not codes:
        print("regdesk checkin: give a CODE or --stdin", file=sys.stderr)
        return 2
    door = DoorDesk(db, event_id, desk)
    try:
        door.start(fill=True)  # on a server: the replica first, so that a drop finds it
        if not door.online:
            print(f"regdesk checkin: OFFLINE – the server does not answer; {desk} decides "
                  "from its copy and uploads later", file=sys.stderr, flush=True)  # fmt: skip
        all_ok = True
        for code in codes:
            if not code.strip():
                continue
            try:
                result = door.scan(code, context)
            except RegdeskError as exc:  # one clear line, and on to the next guest
                print(f"NOT CHECKED · {exc.message()}", flush=True)
                all_ok = False
                continue
            print(_line(result), flush=True)  # shown only once committed
            all_ok &= result.colour == "ok"
        left = door.drain(timeout_s=30.0)
        if left:
            print(f"regdesk checkin: {left} offline scan(s) wait for the server; they are "
                  "uploaded the next time this desk runs", file=sys.stderr)  # fmt: skip
    finally:
        door.close()
    return 0 if all_ok else 1


def _scanned_lines(stream) -> Iterator[str]:
    """The lines a scanner typed, one at a time as they come. Bytes that are no UTF-8 (a
    scanner on the wrong code page, line noise) become U+FFFD: an unknown code, not the
    end of the desk."""
    binary = getattr(stream, "buffer", None)
    if binary is None:  # already text (a test's StringIO)
        yield from iter(stream.readline, "")
        return
    for line in iter(binary.readline, b""):
        yield line.decode("utf-8", errors="replace")


def _day(days, text: str | None) -> int | None:
    if text is None:
        return next((d.id for d in days if d.date == date.today()), None)
    return find_day(days, text)


def _line(result: svc.ScanResult) -> str:
    word = WORDS.get(result.verdict, result.verdict.upper())
    parts = ["OFFLINE", word] if result.offline else [word]
    p = result.person
    if p is not None:
        parts.append(f"{p.name} ({p.organisation or '-'}) · {p.category}")
        notes = [
            x
            for x in (
                "VIP" if p.is_vip else "",
                p.accessibility,
                "badge reissued" if p.reissued else "",
            )
            if x
        ]
        if notes:
            parts.append("! " + "; ".join(notes))
    if result.previous_at is not None:
        parts.append(f"first in {result.previous_at.astimezone():%H:%M} at {result.previous_desk}")
    return " · ".join(parts)
