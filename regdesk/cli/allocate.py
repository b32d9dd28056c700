"""``regdesk allocate``: give programme places from ranked wishes, optimally.

Prints the outcome beside first come, first served, then applies it (all or nothing)
unless ``--dry-run``; ``--undo`` takes the last applied run back.
"""

from __future__ import annotations

import argparse

from ..allocation import Outcome
from ..allocation.solver import DEFAULT_TIME_LIMIT
from ..db import Database
from ..services import allocation as svc
from ..services import events as event_service
from ..services.audit import actor_name


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "allocate",
        parents=[common],
        help="give programme places from ranked wishes, optimally",
        description="Allocates the open wishes (see 'regdesk programme wish') optimally: the "
        "most satisfaction in total, then the fairest. Places already held stay.",
    )
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument("--dry-run", action="store_true", help="show the outcome, change nothing")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"give up proving optimality after this long (default {DEFAULT_TIME_LIMIT:g})",
    )
    parser.add_argument("--undo", action="store_true", help="take back the last applied run")
    parser.add_argument("--items", action="store_true", help="also list the fill per item")


def run(db: Database, args: argparse.Namespace) -> int:
    if args.undo:
        with db.session() as session:
            event_id = args.event or event_service.current_event_id(session)
            result = svc.undo_last(session, event_id, actor=actor_name("cli"))
        print(f"Undid allocation run {result.run_id}: {result.removed} places taken back")
        for p in result.promotions:
            print(f"Moved up: {p.name} <{p.email or '-'}> -> {p.item_title}")
        return 0
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
        preview = svc.preview(session, event_id, time_limit=args.time_limit)
    print_comparison(preview.optimal, preview.fcfs)
    if args.items:
        print()
        print(f"{'ITEM':<44} {'HELD':>5} {'+OPT':>5} {'+FCFS':>6} {'PLACES':>7}")
        for fill in preview.items:
            item = fill.item
            places = "open" if item.capacity is None else str(item.capacity)
            title = f"{fill.slot.starts_at:%H:%M} {item.code} {item.title}"[:44]
            print(f"{title:<44} {item.enrolled:>5} {fill.optimal:>5} {fill.fcfs:>6} {places:>7}")
    if args.dry_run:
        print("\nDry run: nothing was changed.")
        return 0
    with db.session() as session:
        applied = svc.apply(session, event_id, preview.optimal, actor=actor_name("cli"))
    print(f"\nApplied as run {applied.id}: {applied.placed} places given.")
    return 0


def print_comparison(optimal: Outcome, fcfs: Outcome) -> None:
    s, f = optimal.summary, fcfs.summary
    proof = "proven optimal" if optimal.proven_optimal else "NOT proven optimal (time limit)"
    print(
        f"{s.people} participants wish for {s.wanted} places; "
        f"solved in {optimal.seconds:.2f} s, {proof}."
    )
    print(f"{'':<28} {'OPTIMAL':>16} {'FIRST COME':>16}")
    ranks = sorted(set(s.by_rank) | set(f.by_rank))
    for rank in ranks:
        print(
            f"{f'choice {rank}':<28} {_share(s.by_rank.get(rank, 0), s.wanted):>16}"
            f" {_share(f.by_rank.get(rank, 0), f.wanted):>16}"
        )
    print(f"{'places short':<28} {_share(s.short, s.wanted):>16} {_share(f.short, f.wanted):>16}")
    nobody = "people without any place"
    print(f"{nobody:<28} {s.people_without_place:>16} {f.people_without_place:>16}")
    print(f"{'points (Borda)':<28} {optimal.score:>16} {fcfs.score:>16}")


def _share(count: int, whole: int) -> str:
    return f"{count} ({100 * count / whole:.1f} %)" if whole else "0"
