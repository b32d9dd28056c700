"""``regdesk import``: participants from CSV or XLSX -- a dry run unless ``--apply``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..db import Database
from ..errors import ImportHasErrors, LostLettersNotAccepted
from ..importing import fields as F
from ..importing.form_consent import FormConsent
from ..importing.mapping import ColumnMapping, load_saved_mapping
from ..importing.reader import ImportLimits, SourceTable, read_table
from ..progress import TextProgress
from ..services import events as event_service
from ..services.audit import actor_name
from ..services.imports import (
    DUPLICATE_POLICIES,
    ImportPlan,
    apply_import,
    plan_import,
    suggest_mapping,
)

SHOWN = 50  # issues listed unless --all
ENCODINGS = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "cp1252": "Windows-1252"}


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="participants from CSV or XLSX (a dry run unless --apply)",
        description="Reads the file, assigns its columns to fields (suggested from the "
        "headers, or from --mapping and --map), and reports every row that has a problem "
        "and every likely duplicate. Nothing changes without --apply; with it, all rows go "
        "in or none.",
    )
    parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
    parser.add_argument("--event", type=int, default=None, metavar="ID")
    parser.add_argument("--apply", action="store_true", help="import (default: a dry run)")
    parser.add_argument(
        "--mapping", type=Path, metavar="FILE.json", help="a saved column assignment"
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help='assign one column, e.g. "Dienststelle=organisation" or "Intern=" to leave it out '
        "(repeatable)",
    )
    parser.add_argument(
        "--values",
        action="append",
        default=[],
        metavar='"HEADER=VALUE:BECOMES,…"',
        help='read a column\'s values as others, e.g. "Exkursion=ja:EX,x:EX,nein:" or '
        '"Teilnahme als=Referent:Referent/in" (repeatable; saved with --save-mapping)',
    )
    parser.add_argument(
        "--save-mapping", type=Path, metavar="FILE.json", help="save the column assignment used"
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the other rows when some have problems (default: import nothing)",
    )
    parser.add_argument(
        "--accept-lost-letters",
        action="store_true",
        help='import names in which the exporting program replaced letters with "?" '
        "(default: refuse; export the file as CSV UTF-8 instead)",
    )
    parser.add_argument(
        "--duplicates",
        choices=DUPLICATE_POLICIES,
        default="skip",
        help="likely duplicates: leave them out (default), add them anyway, or update the "
        "registered people the rows match (by participant id, badge code or e-mail; only the "
        "file's columns change; check-ins, badges and places never)",
    )
    parser.add_argument("--sheet", help="the worksheet of an XLSX file (default: the active one)")
    parser.add_argument("--encoding", help="CSV encoding (default: detected)")
    parser.add_argument("--delimiter", help="CSV separator (default: detected)")
    parser.add_argument("--all", action="store_true", help=f"list every issue (default {SHOWN})")
    parser.add_argument(
        "--form-consent",
        metavar="KINDS",
        help="consents the registration form itself asked for, for rows without a column "
        "answering them: health_data, photo, listing, badge_organisation (comma-separated); "
        "needs --form-consent-text and --form-consent-date",
    )
    parser.add_argument(
        "--form-consent-text", metavar="TEXT", default="", help="the form's wording of it"
    )
    parser.add_argument(
        "--form-consent-date",
        metavar="DATE",
        default="",
        help="the date of that form (DD.MM.YYYY)",
    )
    parser.add_argument(
        "--max-mb",
        type=int,
        default=None,
        metavar="MB",
        help=f"largest file accepted (default {ImportLimits().file_mb} MB)",
    )
    parser.add_argument(
        "--max-rows",
        type=int,
        default=None,
        metavar="N",
        help=f"most rows accepted (default {ImportLimits().rows:,})",
    )


def read_with_mapping(
    db: Database, event_id: int, args: argparse.Namespace
) -> tuple[SourceTable, ColumnMapping]:
    table = read_table(
        args.file,
        encoding=args.encoding,
        delimiter=_delimiter(args.delimiter),
        sheet=args.sheet,
        is_header=F.is_known_header,
        limits=ImportLimits.from_env(file_mb=args.max_mb, rows=args.max_rows),
    )
    saved = load_saved_mapping(args.mapping) if args.mapping is not None else None
    with db.session(write=False) as session:
        mapping = suggest_mapping(session, event_id, table, saved)
    return table, mapping.overridden(args.map).with_value_assignments(args.values)


def _delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    return {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ","}.get(text.lower(), text)


def run(db: Database, args: argparse.Namespace) -> int:
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
    table, mapping = read_with_mapping(db, event_id, args)
    print(describe_table(table))
    print("Columns:")
    width = max(len(h) for h in table.headers)
    for column, (header, field) in enumerate(zip(mapping.headers, mapping.fields, strict=True)):
        values = mapping.values.get(column, {})
        shown = ", ".join(f"{v or '(empty)'} -> {b or '(nothing)'}" for v, b in values.items())
        print(
            f"  {header:<{width}}  -> {field or '(left out)'}" + (f"  [{shown}]" if values else "")
        )
    if args.save_mapping is not None:
        mapping.save(args.save_mapping)
        print(f"Column assignment saved to {args.save_mapping}")
    mapping.check()
    form = None
    if args.form_consent is not None or args.form_consent_text or args.form_consent_date:
        form = FormConsent.checked(
            (args.form_consent or "").split(","), args.form_consent_text, args.form_consent_date
        )
        print(f"Consent from the form ({', '.join(sorted(form.kinds))}): {form.via()}")
    with db.session(write=False) as session:
        if not args.apply:  # the report only
            plan = plan_import(
                session, event_id, table, mapping, duplicates=args.duplicates, form_consent=form
            )
    if not args.apply:
        print_report(plan, shown=None if args.all else SHOWN)
        print("Dry run: nothing was changed. Add --apply to import.")
        return 1 if plan.invalid_lines or plan.lost_letter_lines else 0
    try:  # the report of the plan the import followed, checked inside its transaction
        result = apply_import(
            db,
            event_id,
            table,
            mapping,
            actor=actor_name("cli"),
            skip_invalid=args.skip_invalid,
            duplicates=args.duplicates,
            accept_lost_letters=args.accept_lost_letters,
            progress=TextProgress("Import"),
            form_consent=form,
        )
    except (ImportHasErrors, LostLettersNotAccepted) as refused:
        print_report(refused.data["plan"], shown=None if args.all else SHOWN)
        raise
    print_report(result.plan, shown=None if args.all else SHOWN)
    print(
        f"Imported {result.imported} participant(s)"
        + (f" ({result.cancelled} as cancelled)" if result.cancelled else "")
        + f" in {result.seconds:.2f} s; {result.enrolled} place(s), "
        f"{result.waitlisted} on waiting lists, {result.wishes} wish(es). "
        f"Left out: {result.skipped_invalid} with problems, "
        f"{result.skipped_duplicates} duplicate(s)."
        + (f" Updated {result.updated} registered participant(s)." if result.updated else "")
    )
    return 0


def describe_table(table: SourceTable) -> str:
    if table.kind == "xlsx":
        where = f"Excel workbook, sheet {table.sheet!r}"
        if len(table.sheets) > 1:
            where += f" (of {', '.join(table.sheets)})"
    else:
        separator = "tab" if table.delimiter == "\t" else repr(table.delimiter)
        encoding = ENCODINGS.get(table.encoding, table.encoding)
        where = f"CSV, {encoding}, separator {separator}"
    return (
        f"File: {table.name} ({where}); header in row {table.header_line}, "
        f"{len(table.rows)} row(s) of data"
    )


def print_report(plan: ImportPlan, shown: int | None = SHOWN) -> None:
    sections = (
        (f"Problems ({len(plan.invalid_lines)} row(s) cannot be imported):", plan.errors),
        (f"Notes ({len(plan.warnings)}):", plan.warnings),
    )
    for title, issues in sections:
        if not issues:
            continue
        print(title)
        for issue in issues[:shown]:
            column = f", {issue.column}" if issue.column else ""
            print(f"  row {issue.line}{column}: {issue.message()}")
        if shown is not None and len(issues) > shown:
            print(f"  ... and {len(issues) - shown} more (--all lists them)")
    if plan.duplicates:
        fate = "imported anyway" if plan.duplicate_policy == "add" else "left out"
        print(f"Likely duplicates ({len(plan.duplicates)}, {fate}):")
        for duplicate in plan.duplicates[:shown]:
            what = "same e-mail" if duplicate.reason == "email" else "same name and organisation"
            other = (
                f"row {duplicate.earlier_line}"
                if duplicate.earlier_line is not None
                else f"participant {duplicate.participant_id}"
            )
            print(f"  row {duplicate.line}: {what} as {other}, {duplicate.name}")
        if shown is not None and len(plan.duplicates) > shown:
            print(f"  ... and {len(plan.duplicates) - shown} more (--all lists them)")
    if plan.updates:
        print(f"Updates ({len(plan.changing)} of {len(plan.updates)} matched people change):")
        for update in plan.changing[:shown]:
            changes = "; ".join(f"{c.field}: {c.before!r} -> {c.after!r}" for c in update.changes)
            print(f"  row {update.line}: {update.name} (by {update.matched_by}): {changes}")
        if shown is not None and len(plan.changing) > shown:
            print(f"  ... and {len(plan.changing) - shown} more (--all lists them)")
    if plan.lost_letter_lines:
        print(
            f"Lost letters in {len(plan.lost_letter_lines)} row(s): export the file again as "
            '"CSV UTF-8", or import these names as they are with --accept-lost-letters.'
        )
    print(
        f"Summary: {plan.total} row(s): {len(plan.to_import)} to import, "
        f"{len(plan.invalid_lines)} with problems, {plan.skipped_duplicates} duplicate(s) "
        "left out."
    )
