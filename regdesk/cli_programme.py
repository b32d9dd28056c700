"""``regdesk programme ...``: the programme with its fill, enrolment and waiting lists."""

from __future__ import annotations

import argparse

from .db import Database
from .services import events as event_service
from .services import programme as svc
from .services.audit import actor_name
from .text import format_date


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "programme", parents=[common], help="programme: fill, enrol, waiting lists"
    )
    parser.add_argument(
        "--event", type=int, default=None, metavar="ID", help="event id (default: the latest)"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", parents=[common], help="slots and items with their fill")
    for name, text in (
        ("enrol", "give a place (or a waiting-list place when full)"),
        ("unenrol", "take a participant off an item; the waiting list moves"),
    ):
        action = actions.add_parser(name, parents=[common], help=text)
        action.add_argument("item", type=int, help="programme item id")
        action.add_argument("who", help="participant id or badge short code")
        if name == "enrol":
            action.add_argument(
                "--no-waitlist",
                action="store_true",
                help="refuse instead of waiting-listing when full",
            )
    actions.add_parser(
        "moved-up", parents=[common], help="who moved up from a waiting list (to inform them)"
    )


def run(db: Database, args: argparse.Namespace) -> int:
    from .cli_participants import _resolve

    with db.session(write=args.action in ("enrol", "unenrol")) as session:
        event_id = args.event or event_service.current_event_id(session)
        if args.action == "list":
            for slot, items in svc.event_programme(session, event_id):
                print(
                    f"{format_date(slot.day)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}"
                    f"  {slot.label}"
                )
                for item in items:
                    places = "open" if item.capacity is None else f"{item.enrolled}/{item.capacity}"
                    waiting = f", {item.waitlisted} waiting" if item.waitlisted else ""
                    print(f"  {item.id:>4}  {item.code:<4} {item.title[:50]:<50} {places}{waiting}")
            return 0
        if args.action == "moved-up":
            for p in svc.moved_up(session, event_id):
                when = f"{p.at.astimezone():%d.%m.%Y %H:%M}" if p.at else ""
                print(f"{when}  {p.name} <{p.email or '-'}> -> {p.item_title}")
            return 0
        participant_id = _resolve(session, event_id, args.who)
        if args.action == "enrol":
            result = svc.enrol(
                session,
                args.item,
                participant_id,
                actor=actor_name("cli"),
                waitlist=not args.no_waitlist,
            )
            title = svc.get_item(session, args.item).title
            if result.status == "enrolled":
                print(f"Enrolled {participant_id} in {title}")
            else:
                print(
                    f"{title} is full: {participant_id} is number "
                    f"{result.waitlist_position} on the waiting list"
                )
            return 0
        promoted = svc.unenrol(session, args.item, participant_id, actor=actor_name("cli"))
        print(f"Removed {participant_id} from item {args.item}")
        for p in promoted:
            print(f"Moved up: {p.name} <{p.email or '-'}>")
        return 0
