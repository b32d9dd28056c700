"""Exporting a list to a file: which lists there are and in which formats, building the
list in one read session, and writing it so that the file appears only when complete
(written beside it, then renamed; a cancel or an error leaves no half-written file and
an existing one untouched). Every export is audited: lists hold personal data."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ..db import Database
from ..errors import Cancelled, FormatNotOffered, UnknownList
from ..exporting.atomic import write_atomically
from ..exporting.csvfile import write_csv
from ..exporting.document import ListDocument
from ..exporting.pdf import write_pdf
from ..exporting.xlsx import write_xlsx
from ..models import utcnow
from . import list_logs, list_sheets, lists, unplaced
from .audit import record
from .events import get_event
from .list_common import ListContext, ListRequest, filter_words, stamp

Progress = Callable[[int, int], None]

# list -> (title key, builder, formats; the first is the default)
LISTS: dict[str, tuple[str, Callable, tuple[str, ...]]] = {
    "participants": ("list.participants", lists.participant_list, ("xlsx", "csv", "pdf")),
    "signin": ("list.signin", list_sheets.signin, ("pdf",)),
    "rosters": ("list.rosters", list_sheets.rosters, ("pdf", "xlsx", "csv")),
    "unplaced": ("list.unplaced", unplaced.unplaced_list, ("xlsx", "csv", "pdf")),
    "catering": ("list.catering", lists.catering_list, ("pdf", "xlsx", "csv")),
    "published": ("list.published", lists.published_list, ("pdf", "xlsx", "csv")),
    "scans": ("list.scans", list_logs.scan_log, ("xlsx", "csv", "pdf")),
    "audit": ("list.audit", list_logs.audit_log, ("xlsx", "csv", "pdf")),
    "consents": ("list.consents", list_logs.consent_log, ("xlsx", "csv", "pdf")),
}
WRITERS = {"xlsx": write_xlsx, "csv": write_csv, "pdf": write_pdf}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    format: str
    rows: int
    sheets: int
    bytes: int
    seconds: float


def formats(kind: str) -> tuple[str, ...]:
    if kind not in LISTS:
        raise UnknownList(value=kind, choices=", ".join(LISTS))
    return LISTS[kind][2]


def build_list(session: Session, event_id: int, request: ListRequest) -> ListDocument:
    """The list ``request`` asks for, read in one session."""
    formats(request.kind)
    summary = get_event(session, event_id)
    event = ListContext(summary, ZoneInfo(summary.timezone), request.language)
    title, build, _ = LISTS[request.kind]
    sheets, signature = build(session, event, request)
    own = {sheet.list_title for sheet in sheets if sheet.list_title}
    return ListDocument(
        kind=request.kind,
        # the rosters of excursions only are an "Exkursionsliste", of mixed kinds the list's
        title=own.pop() if len(own) == 1 else event.t(title),
        sheets=tuple(sheets),
        event_name=summary.name,
        organiser=summary.organiser,
        language=request.language,
        signature=signature,
        created=stamp(event.local(utcnow())),
        filters=tuple(filter_words(session, event, request)),
    )


def export_list(
    db: Database,
    event_id: int,
    request: ListRequest,
    path: str | Path,
    *,
    format: str | None = None,
    actor: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the list to ``path`` as ``format`` (default: the list's first format).

    Raises UnknownList, FormatNotOffered, ExportFailed (the file could not be written)
    or Cancelled; in each case no file is left behind."""
    started = time.perf_counter()
    offered = formats(request.kind)
    chosen = format or offered[0]
    if chosen not in offered:
        raise FormatNotOffered(kind=request.kind, format=chosen, choices=", ".join(offered))
    target = Path(path)
    if progress:
        progress(0, 0)  # reading: no measure yet
    with db.session(write=False) as session:
        document = build_list(session, event_id, request)
    if cancelled and cancelled():
        raise Cancelled()
    total = document.rows

    def written(rows: int) -> None:
        if progress:
            progress(rows, total)

    write_atomically(
        target,
        lambda out: WRITERS[chosen](document, out, progress=written, cancelled=cancelled),
        cancelled,
    )
    with db.session() as session:
        record(
            session,
            actor=actor,
            action=f"export.{request.kind}",
            entity="event",
            entity_id=event_id,
            event_id=event_id,
            after={
                "file": target.name,
                "format": chosen,
                "rows": total,
                "filters": list(document.filters),
            },
        )
    return ExportResult(
        target,
        request.kind,
        chosen,
        total,
        len(document.sheets),
        target.stat().st_size,
        time.perf_counter() - started,
    )
