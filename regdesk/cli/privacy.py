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
