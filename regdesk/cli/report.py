"""``regdesk report``: the report for the funding body (Teilnahmestatistik) as PDF or
XLSX -- per day and category registered, admitted, no-show; per programme item enrolled
and present; the arrivals per 15 minutes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..db import Database
from ..exporting.labels import LANGUAGES
from ..services import events as event_service
from ..services.audit import actor_name

FORMATS = ("pdf", "xlsx")  # reporting.service.FORMATS (imported when a report is made)


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "report",
        parents=[common],
        help="the report for the funding body (PDF or XLSX)",
        description="The attendance report for the funding body: registered, admitted and "
        "no-show per day and category and per kind of organisation; per programme item "
        "enrolled and present; arrivals per 15 minutes.",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    parser.add_argument("--format", choices=FORMATS, help="default: from the file name")
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument("--lang", choices=LANGUAGES, default="de", help="default: de")
    parser.add_argument(
        "--fold",
        type=int,
        default=0,
        metavar="N",
        help="fold categories and kinds of organisation with fewer than N people into one "
        "row, so no one is identifiable (e.g. 5)",
    )


def run(db: Database, args: argparse.Namespace) -> int:
    from ..reporting.service import write_report  # reportlab's platypus: only when needed

    if args.fold < 0:
        raise SystemExit("regdesk: --fold must be 0 or more")
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
    result = write_report(
        db, event_id, args.output, format=args.format, language=args.lang,
        threshold=args.fold, actor=actor_name("cli"),
    )  # fmt: skip
    f = result.figures
    print(
        f"Wrote {result.path} ({result.format.upper()}, {result.size:,} bytes): "
        f"{f.registered} registered, {f.admitted_any_day} admitted, "
        f"{len(f.days)} day(s), {len(f.items)} programme item(s)"
    )
    return 0


def add_certificates_parser(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    parser = sub.add_parser(
        "certificates",
        parents=[common],
        help="attendance certificates (PDF, a page per person admitted)",
        description="Attendance certificates (Teilnahmebescheinigungen): days attended with "
        "the first admission, the programme attended, the hours -- from the scan log.",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument(
        "--who", action="append", default=[], metavar="ID_OR_CODE",
        help="only this participant (repeatable; default: everyone admitted)",
    )  # fmt: skip
    parser.add_argument("--lang", choices=LANGUAGES, default="de", help="default: de")
    parser.add_argument(
        "--signer", default="", help='under the signature line, e.g. "Dr. A. Roth, Leitung"'
    )
    parser.add_argument("--signature", type=Path, default=None, metavar="IMAGE",
                        help="a scanned signature (PNG or JPEG) above the line")  # fmt: skip


def run_certificates(db: Database, args: argparse.Namespace) -> int:
    from ..reporting.service import write_certificate_file
    from .participants import resolve_participant

    if args.signature is not None and not args.signature.is_file():
        raise SystemExit(f"regdesk: no signature image at {args.signature}")
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
        ids = [resolve_participant(session, event_id, who) for who in args.who] or None
    result = write_certificate_file(
        db, event_id, args.output, participant_ids=ids, language=args.lang,
        signer=args.signer, signature_image=args.signature, actor=actor_name("cli"),
    )  # fmt: skip
    print(f"Wrote {result.path}: {result.pages} certificate(s)")
    return 0
