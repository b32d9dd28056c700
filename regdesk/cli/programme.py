"""``regdesk programme ...``: the programme with its fill, editing slots and items,
enrolment and waiting lists, participants' ranked wishes."""

from __future__ import annotations

import argparse

from ..db import Database
from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..models import ItemKind
from ..services import events as event_service
from ..services import programme as svc
from ..services.audit import actor_name
from ..services.preferences import preferences_of, resolve_wishes, set_preferences
from ..text import format_date
from .days import find_day
from .participants import resolve_participant


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
    _add_editing(actions, common)
    wish = actions.add_parser(
        "wish", parents=[common], help="set a participant's ranked wishes (for allocate)"
    )
    wish.add_argument("who", help="participant id or badge short code")
    wish.add_argument(
        "choices",
        nargs="*",
        metavar="CHOICE",
        help="1st, 2nd, 3rd ... choice as item codes or titles; per-slot choices "
        'comma-separated ("W1,W4" "W2,W5"); none clears the wishes',
    )
    wishes = actions.add_parser("wishes", parents=[common], help="show a participant's wishes")
    wishes.add_argument("who", help="participant id or badge short code")


_UNSET = object()  # an option not given: keep the current value


def _add_editing(actions, common) -> None:
    slot = actions.add_parser("add-slot", parents=[common], help="add a time slot")
    slot.add_argument("day", help="date (DD.MM.YYYY) or day number of the event (1, 2 ...)")
    slot.add_argument("start", help="HH:MM")
    slot.add_argument("end", help="HH:MM")
    slot.add_argument("--label", default="")
    edit_slot = actions.add_parser("edit-slot", parents=[common], help="change a time slot")
    edit_slot.add_argument("slot", type=int, help="slot id")
    edit_slot.add_argument("--day", help="date or day number")
    edit_slot.add_argument("--start", help="HH:MM")
    edit_slot.add_argument("--end", help="HH:MM")
    edit_slot.add_argument("--label")
    delete_slot = actions.add_parser("delete-slot", parents=[common], help="remove an empty slot")
    delete_slot.add_argument("slot", type=int, help="slot id")

    for name, text in (("add-item", "add a programme item"), ("edit-item", "change an item")):
        item = actions.add_parser(name, parents=[common], help=text)
        if name == "add-item":
            item.add_argument("slot", type=int, help="slot id")
            item.add_argument("title")
        else:
            item.add_argument("item", type=int, help="item id")
            item.add_argument("--title")
            item.add_argument("--slot", type=int, help="move to this slot")
        item.add_argument("--kind", choices=[k.value for k in ItemKind])
        item.add_argument("--code", help='short code, e.g. "W3"; same code = same workshop')
        item.add_argument("--host")
        item.add_argument("--room")
        item.add_argument(
            "--capacity",
            type=_capacity,
            default=_UNSET,
            help='places (1 or more), or "none" / empty for unlimited',
        )
        item.add_argument("--description")
    delete_item = actions.add_parser(
        "delete-item", parents=[common], help="remove an item nobody is on or wishes for"
    )
    delete_item.add_argument("item", type=int, help="item id")


def _capacity(text: str) -> int | None:
    if text.strip().lower() in ("", "none", "unlimited", "unbegrenzt", "-"):
        return None
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of places: {text!r}") from None


def _day_id(session, event_id: int, text: str) -> int:
    day_id = find_day(event_service.get_event(session, event_id).days, text)
    if day_id is None:
        raise Invalid([Problem("day", "unknown_day")])
    return day_id


def run(db: Database, args: argparse.Namespace) -> int:
    with db.session(write=args.action not in ("list", "moved-up", "wishes")) as session:
        event_id = args.event or event_service.current_event_id(session)
        if args.action in EDITING:
            return EDITING[args.action](session, event_id, args)
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
        participant_id = resolve_participant(session, event_id, args.who)
        if args.action in ("wish", "wishes"):
            if args.action == "wish":
                pairs = resolve_wishes(session, event_id, args.choices)
                set_preferences(session, participant_id, pairs, actor=actor_name("cli"))
            for w in preferences_of(session, participant_id):
                print(
                    f"{w.rank}. {w.code:<4} {w.title}  "
                    f"({format_date(w.day)} {w.starts_at:%H:%M}–{w.ends_at:%H:%M})"
                )
            return 0
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


def _add_slot(session, event_id: int, args) -> int:
    data = svc.SlotInput(_day_id(session, event_id, args.day), args.start, args.end, args.label)
    _print_slot(svc.create_slot(session, event_id, data, actor=actor_name("cli")))
    return 0


def _print_slot(slot: svc.SlotSummary) -> None:
    print(f"Slot {slot.id}: {format_date(slot.day)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}")


def _edit_slot(session, event_id: int, args) -> int:
    current = svc.get_slot(session, args.slot)
    data = svc.SlotInput(
        _day_id(session, event_id, args.day) if args.day else current.day_id,
        args.start or current.starts_at,
        args.end or current.ends_at,
        current.label if args.label is None else args.label,
    )
    _print_slot(svc.update_slot(session, args.slot, data, actor=actor_name("cli")))
    return 0


def _delete_slot(session, event_id: int, args) -> int:
    svc.delete_slot(session, args.slot, actor=actor_name("cli"))
    print(f"Deleted slot {args.slot}")
    return 0


def _item_input(args, current: svc.ItemSummary | None) -> svc.ItemInput:
    def pick(name: str, fallback):
        value = getattr(args, name, None)
        return fallback if value is None else value

    capacity = args.capacity
    return svc.ItemInput(
        slot_id=pick("slot", current.slot_id if current else None),
        title=pick("title", current.title if current else ""),
        kind=pick("kind", current.kind if current else ItemKind.WORKSHOP.value),
        code=pick("code", current.code if current else ""),
        host=pick("host", current.host if current else ""),
        room=pick("room", current.room if current else ""),
        capacity=(current.capacity if current else None) if capacity is _UNSET else capacity,
        description=pick("description", current.description if current else ""),
    )


def _add_item(session, event_id: int, args) -> int:
    item = svc.create_item(session, _item_input(args, None), actor=actor_name("cli"))
    print(f"Item {item.id}: {item.title}")
    return 0


def _edit_item(session, event_id: int, args) -> int:
    current = svc.get_item(session, args.item)
    item, promoted = svc.update_item(
        session, args.item, _item_input(args, current), actor=actor_name("cli")
    )
    places = "open" if item.capacity is None else f"{item.enrolled}/{item.capacity}"
    print(f"Item {item.id}: {item.title} ({places})")
    for p in promoted:
        print(f"Moved up: {p.name} <{p.email or '-'}>")
    return 0


def _delete_item(session, event_id: int, args) -> int:
    svc.delete_item(session, args.item, actor=actor_name("cli"))
    print(f"Deleted item {args.item}")
    return 0


EDITING = {
    "add-slot": _add_slot,
    "edit-slot": _edit_slot,
    "delete-slot": _delete_slot,
    "add-item": _add_item,
    "edit-item": _edit_item,
    "delete-item": _delete_item,
}
