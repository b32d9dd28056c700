"""``regdesk participants ...``: the participant services on the command line."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from ..badge_codes import ALPHABET, SHORT_CODE_LENGTH
from ..db import Database
from ..errors import NotFound, PossibleDuplicate, Problem, UnknownCode
from ..errors import ValidationError as Invalid
from ..models import RegistrationSource, Salutation
from ..services import events as event_service
from ..services import participants as svc
from ..services.audit import actor_name
from ..services.search import SORTS, ParticipantFilter, participant_ids, participant_rows
from ..text import format_date
from .days import parse_days

STATUS_TEXT = {"registered": "registered", "cancelled": "CANCELLED"}
DAYS_HELP = (
    "the days the person comes on: day numbers or dates, comma-separated "
    "(e.g. 1,2 or 17.09.2019), or all (the default for a new person)"
)


GROUP_HELP = (
    "the group (delegation) the person comes with, made if new; the same name in any case "
    "or accents is the same group"
)


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "participants", parents=[common], help="register, list, search, cancel participants"
    )
    parser.add_argument(
        "--event", type=int, default=None, metavar="ID", help="event id (default: the latest)"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", parents=[common], help="register a participant")
    add.add_argument("--first", required=True, help="first name")
    add.add_argument("--last", required=True, help="last name")
    add.add_argument("--title", default="", help="academic title, e.g. Dr.")
    add.add_argument("--salutation", choices=[s.value for s in Salutation], default="none")
    add.add_argument("--organisation", "--org", default="")
    add.add_argument("--position", default="")
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument(
        "--category",
        default=None,
        help="category name or id (default: the event's default category)",
    )
    add.add_argument("--vip", action="store_true")
    add.add_argument("--days", default=None, help=DAYS_HELP)
    add.add_argument("--group", default=None, metavar="NAME", help=GROUP_HELP)
    add.add_argument("--group-lead", action="store_true", help="leads the group (--group)")
    add.add_argument("--walk-in", action="store_true", help="registered at the door")
    add.add_argument(
        "--force", action="store_true", help="register even if a likely duplicate exists"
    )

    listing = actions.add_parser("list", parents=[common], help="list participants")
    listing.add_argument(
        "--category", action="append", default=[], help="category name or id (repeatable)"
    )
    listing.add_argument("--status", choices=["registered", "cancelled"])
    checked = listing.add_mutually_exclusive_group()
    checked.add_argument("--checked-in", dest="checked_in", action="store_true", default=None)
    checked.add_argument("--not-checked-in", dest="checked_in", action="store_false")
    listing.add_argument("--sort", choices=[s for s in SORTS if s != "rank"], default="name")
    listing.add_argument("--desc", action="store_true", help="descending order")
    listing.add_argument("--limit", type=int, default=None)

    search = actions.add_parser("search", parents=[common], help="search as at the desk")
    search.add_argument("query", help="name, organisation, e-mail or short code, any accents")
    search.add_argument("--limit", type=int, default=20)

    edit = actions.add_parser(
        "edit", parents=[common], help="change a participant (only what is given changes)"
    )
    edit.add_argument("who", help="participant id or badge short code")
    for option in ("first", "last", "title", "organisation", "position", "email", "phone"):
        edit.add_argument(f"--{option}", default=None)
    edit.add_argument("--category", default=None, help="category name or id")
    vip = edit.add_mutually_exclusive_group()
    vip.add_argument("--vip", dest="vip", action="store_true", default=None)
    vip.add_argument("--no-vip", dest="vip", action="store_false")
    edit.add_argument("--days", default=None, help=DAYS_HELP)
    edit.add_argument(
        "--group", default=None, metavar="NAME", help=GROUP_HELP + '; "" leaves the group'
    )
    lead = edit.add_mutually_exclusive_group()
    lead.add_argument(
        "--group-lead",
        dest="group_lead",
        action="store_true",
        default=None,
        help="leads the group (takes over from the lead it had)",
    )
    lead.add_argument("--no-group-lead", dest="group_lead", action="store_false")
    edit.add_argument("--force", action="store_true", help="save even if a likely duplicate exists")

    show = actions.add_parser("show", parents=[common], help="one participant in full")
    show.add_argument("who", help="participant id or badge short code")

    cancel = actions.add_parser("cancel", parents=[common], help="cancel a registration")
    cancel.add_argument("who", help="participant id or badge short code")
    cancel.add_argument("--reason", required=True)

    restore = actions.add_parser("restore", parents=[common], help="undo a cancellation")
    restore.add_argument("who", help="participant id or badge short code")


def run(db: Database, args: argparse.Namespace) -> int:
    with db.session(write=args.action in ("add", "edit", "cancel", "restore")) as session:
        event_id = args.event or event_service.current_event_id(session)
        return ACTIONS[args.action](session, event_id, args)


def resolve_category(session, event_id: int, text: str | None) -> int | None:
    if text is None:
        return None
    categories = event_service.get_event(session, event_id).categories
    for category in categories:
        if (
            text.isdigit() and category.id == int(text)
        ) or category.name.casefold() == text.strip().casefold():
            return category.id
    names = ", ".join(c.name for c in categories)
    raise Invalid([Problem("category", "unknown_choice", (("value", text), ("choices", names)))])


def resolve_participant(session, event_id: int, who: str) -> int:
    text = who.strip().upper()
    if len(text) == SHORT_CODE_LENGTH and set(text) <= set(ALPHABET):
        try:
            return svc.find_by_code(session, event_id, text).id
        except UnknownCode:
            if not text.isdigit():
                raise
    if text.isdigit():
        participant = svc.get_participant(session, int(text))
        if participant.event_id != event_id:
            raise NotFound(entity="Participant", key=text)
        return participant.id
    return svc.find_by_code(session, event_id, text).id


def _print_rows(rows) -> None:
    if not rows:
        print("no participants")
        return
    table = [("ID", "CODE", "NAME", "ORGANISATION", "CATEGORY", "STATUS", "IN")]
    for r in rows:
        name = " ".join(p for p in (r.title, r.first_name, r.last_name) if p)
        table.append(
            (
                str(r.id),
                r.short_code,
                name[:40],
                r.organisation[:45],
                r.category_name,
                STATUS_TEXT.get(r.status, r.status),
                "yes" if r.checked_in else "",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def cmd_add(session, event_id: int, args) -> int:
    data = svc.ParticipantInput(
        first_name=args.first,
        last_name=args.last,
        title=args.title,
        salutation=args.salutation,
        organisation=args.organisation,
        position=args.position,
        email=args.email,
        phone=args.phone,
        is_vip=args.vip,
        category_id=resolve_category(session, event_id, args.category),
        day_ids=parse_days(event_service.get_event(session, event_id).days, args.days),
        group=args.group,
        group_lead=args.group_lead,
    )
    source = RegistrationSource.WALK_IN if args.walk_in else RegistrationSource.MANUAL
    try:
        person = svc.register(
            session,
            event_id,
            data,
            actor=actor_name("cli"),
            source=source,
            allow_duplicate=args.force,
        )
    except PossibleDuplicate as exc:
        _duplicates(exc, "likely already registered — not added", "register anyway")
        return 1
    print(
        f"Registered {person.id}: {person.display_name} ({person.category_name}), "
        f"badge code {person.short_code}{_days_note(session, event_id, person)}"
        f"{_group_note(person)}"
    )
    return 0


def _group_note(person) -> str:
    if not person.group_name:
        return ""
    return f", {'leads' if person.group_lead else 'in'} the group {person.group_name}"


def _duplicates(exc: PossibleDuplicate, what: str, force: str) -> None:
    print(f"regdesk: {what}:", file=sys.stderr)
    for c in exc.candidates:
        why = "same e-mail" if c.reason == "email" else "same name and organisation"
        print(
            f"  {c.id}: {c.first_name} {c.last_name}, {c.organisation or '-'}, "
            f"{c.email or '-'} ({why}, {c.status})",
            file=sys.stderr,
        )
    print(f"Use --force to {force}.", file=sys.stderr)


def _days_note(session, event_id: int, person) -> str:
    if not person.day_ids:
        return ""
    days = event_service.get_event(session, event_id).days
    return ", on " + ", ".join(format_date(d.date) for d in days if d.id in person.day_ids)


def cmd_edit(session, event_id: int, args) -> int:
    pid = resolve_participant(session, event_id, args.who)
    current = svc.get_participant(session, pid).as_input()
    changes = {
        name: getattr(args, option)
        for option, name in (
            ("first", "first_name"), ("last", "last_name"), ("title", "title"),
            ("organisation", "organisation"), ("position", "position"), ("email", "email"),
            ("phone", "phone"), ("vip", "is_vip"),
        )
        if getattr(args, option) is not None
    }  # fmt: skip
    if args.category is not None:
        changes["category_id"] = resolve_category(session, event_id, args.category)
    changes["day_ids"] = parse_days(event_service.get_event(session, event_id).days, args.days)
    if args.group is not None:
        changes["group"] = args.group
        if not args.group.strip():
            changes["group_lead"] = False
    if args.group_lead is not None:
        changes["group_lead"] = args.group_lead
    data = replace(current, **changes)
    try:
        person = svc.update_participant(
            session, pid, data, actor=actor_name("cli"), allow_duplicate=args.force
        )
    except PossibleDuplicate as exc:
        _duplicates(exc, "another participant looks the same — not saved", "save anyway")
        return 1
    days = _days_note(session, event_id, person) or ", every day"
    print(
        f"Saved {person.id}: {person.display_name} ({person.category_name}){days}"
        f"{_group_note(person)}"
    )
    return 0


def cmd_list(session, event_id: int, args) -> int:
    filters = ParticipantFilter(
        category_ids=tuple(resolve_category(session, event_id, c) for c in args.category),
        status=args.status,
        checked_in=args.checked_in,
    )
    ids = participant_ids(
        session, event_id, "", filters, sort=args.sort, descending=args.desc, limit=args.limit
    )
    _print_rows(participant_rows(session, ids))
    return 0


def cmd_search(session, event_id: int, args) -> int:
    ids = participant_ids(session, event_id, args.query, limit=args.limit)
    _print_rows(participant_rows(session, ids))
    return 0


def cmd_show(session, event_id: int, args) -> int:
    detail = svc.participant_detail(session, resolve_participant(session, event_id, args.who))
    p = detail.participant
    salutation = {"frau": "Frau ", "herr": "Herr "}.get(p.salutation, "")
    print(f"{p.id}: {salutation}{p.display_name}")
    for label, value in (
        ("Organisation", p.organisation),
        ("Position", p.position),
        ("E-mail", p.email),
        ("Phone", p.phone),
        ("Category", p.category_name),
        ("Badge code", p.short_code),
        ("Status", p.status + (f" ({p.cancel_reason})" if p.cancel_reason else "")),
        ("Dietary", p.needs_dietary),
        ("Accessibility", p.needs_accessibility),
        ("Interpreter", p.needs_interpreter),
        ("Notes", p.notes),
        ("Days", _days_note(session, event_id, p).removeprefix(", on ") or "every day"),
        ("Group", p.group_name + (" (lead)" if p.group_lead else "")),
    ):
        if value:
            print(f"  {label + ':':<14} {value}")
    for consent in p.consents:
        print(
            f"  consent {consent.kind}: {'yes' if consent.granted else 'no'} "
            f"({consent.given_via}, {consent.given_at:%d.%m.%Y})"
        )
    for m in detail.group_members:
        if m.participant_id != p.id:
            lead = " (lead)" if m.is_lead else ""
            print(f"  with: {m.name}{lead} [{m.short_code}]")
    for e in detail.enrolments:
        print(f"  programme: {e.code} {e.title} ({e.status})")
    for scan in detail.scans:
        print(f"  scan {scan.at:%d.%m.%Y %H:%M} {scan.desk}: {scan.verdict}")
    for h in detail.history:
        print(f"  {h.at:%d.%m.%Y %H:%M} {h.actor}: {h.action} {h.after or ''}")
    return 0


def cmd_cancel(session, event_id: int, args) -> int:
    person = svc.cancel(
        session,
        resolve_participant(session, event_id, args.who),
        args.reason,
        actor=actor_name("cli"),
    )
    print(f"Cancelled {person.id}: {person.display_name} ({person.cancel_reason})")
    return 0


def cmd_restore(session, event_id: int, args) -> int:
    person = svc.restore(
        session, resolve_participant(session, event_id, args.who), actor=actor_name("cli")
    )
    print(f"Restored {person.id}: {person.display_name}")
    return 0


ACTIONS = {
    "add": cmd_add,
    "edit": cmd_edit,
    "list": cmd_list,
    "search": cmd_search,
    "show": cmd_show,
    "cancel": cmd_cancel,
    "restore": cmd_restore,
}
