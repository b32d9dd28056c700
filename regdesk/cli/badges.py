"""``regdesk badges``: name badges as PDF, and reissuing a lost badge."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..badges.layouts import DEFAULT_LAYOUT, LAYOUTS
from ..badges.pdf import PrintOptions
from ..db import Database
from ..models import ParticipantStatus
from ..progress import TextProgress
from ..services import badges as svc
from ..services import events as event_service
from ..services.audit import actor_name
from ..services.search import ParticipantFilter
from .participants import resolve_category, resolve_participant


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    layouts = "; ".join(f"{key}: {layout.name}" for key, layout in LAYOUTS.items())
    parser = sub.add_parser(
        "badges",
        parents=[common],
        help="name badges as PDF (all, filtered, chosen, or not yet printed)",
        description=f"Layouts -- {layouts}.",
    )
    parser.add_argument("-o", "--output", type=Path, help="the PDF file to write")
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default=DEFAULT_LAYOUT)
    parser.add_argument(
        "--category", action="append", default=[], help="only this category (repeatable)"
    )
    parser.add_argument("--not-printed", action="store_true", help="only badges not printed yet")
    parser.add_argument("--search", default="", help="only participants matching this search")
    parser.add_argument(
        "--who", action="append", default=[], help="participant id or badge code (repeatable)"
    )
    parser.add_argument("--sort", choices=["name", "category"], default="name")
    parser.add_argument("--cut-marks", action="store_true", help="cut marks on sheet layouts")
    parser.add_argument(
        "--offset",
        type=_offset,
        default=(0.0, 0.0),
        metavar="RIGHT,DOWN",
        help="printer correction in mm, e.g. 1.5,-0.5",
    )
    parser.add_argument(
        "--no-mark-printed",
        action="store_true",
        help="do not count these badges as printed (a proof copy)",
    )
    parser.add_argument(
        "--reissue",
        metavar="WHO",
        help="a lost or misprinted badge: new code for WHO (the old one stops working)",
    )
    parser.add_argument("--reason", default="", help="why the badge is reissued")


def _offset(text: str) -> tuple[float, float]:
    try:
        right, down = (float(x.replace(",", ".")) for x in text.split(";" if ";" in text else ","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"want RIGHT,DOWN in mm (e.g. 1.5,-0.5), not {text!r}"
        ) from None
    if max(abs(right), abs(down)) > 20:
        raise argparse.ArgumentTypeError(f"at most 20 mm each way, not {text!r}")
    return right, down


def run(db: Database, args: argparse.Namespace) -> int:
    with db.session(write=args.reissue is not None) as session:
        event_id = args.event or event_service.current_event_id(session)
        if args.reissue is not None:
            pid = resolve_participant(session, event_id, args.reissue)
            result = svc.reissue(session, pid, args.reason, actor=actor_name("cli"))
            print(
                f"Reissued the badge of {pid}: new code {result.short_code} "
                f"(the old code {result.old_short_code} now says 'replaced')"
            )
            args.who = [str(pid)]
        ids = tuple(resolve_participant(session, event_id, w) for w in args.who)
        categories = tuple(resolve_category(session, event_id, c) for c in args.category)
    if args.output is None:
        if args.reissue is not None:
            return 0
        print("regdesk badges: where to? Give the PDF file with -o FILE.pdf", file=sys.stderr)
        return 2
    selection = svc.BadgeSelection(
        filters=ParticipantFilter(
            category_ids=categories,
            status=ParticipantStatus.REGISTERED.value,
            badge_printed=False if args.not_printed else None,
        ),
        ids=ids,
        query=args.search,
        sort=args.sort,
    )
    result = svc.generate(
        db,
        event_id,
        args.output,
        layout=args.layout,
        selection=selection,
        options=PrintOptions(cut_marks=args.cut_marks, offset_mm=args.offset),
        actor=actor_name("cli"),
        mark_printed=not args.no_mark_printed,
        progress=TextProgress("Badges"),
    )
    print(
        f"Wrote {result.badges} badge(s) on {result.pages} page(s) to {result.path} "
        f"({result.bytes / 1024:.0f} KiB, {result.seconds:.1f} s)"
    )
    return 0
