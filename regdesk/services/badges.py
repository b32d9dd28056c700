"""Badges: which participants, what each badge shows, the PDF for a batch (streamed,
with progress and cancel), print tracking, and reissuing a lost badge.

A badge counts as printed when it was put into a PDF or sent to a printer: the
"not yet printed" selection then leaves it out.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..badge_codes import new_secret
from ..badges.layouts import DEFAULT_LAYOUT, get_layout
from ..badges.pdf import DEFAULT_OPTIONS, PrintOptions, render_pdf
from ..badges.pdfjoin import PdfJoiner
from ..badges.scene import BadgeData
from ..db import Database
from ..errors import Cancelled, NothingToPrint, ParticipantNotRegistered
from ..models import (
    AuditEntry,
    Category,
    Consent,
    ConsentKind,
    Enrolment,
    EnrolmentStatus,
    Event,
    GroupMember,
    Participant,
    ParticipantGroup,
    ParticipantStatus,
    ProgrammeItem,
    ReplacedBadge,
    utcnow,
)
from ..text import clean, format_date_range
from .audit import record
from .lookup import require
from .participants import reindex, unused_short_code
from .search import ParticipantFilter, participant_ids

CHUNK = 1000  # badges per reportlab document before joining (a few MB at most)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BadgeSelection:
    """Whose badges: everyone matching ``filters`` (registered by default), or exactly
    ``ids``; sorted by last name, or by category then last name."""

    filters: ParticipantFilter = field(
        default_factory=lambda: ParticipantFilter(status=ParticipantStatus.REGISTERED.value)
    )
    ids: tuple[int, ...] = ()
    query: str = ""
    sort: str = "name"  # "name" or "category"


@dataclass(frozen=True)
class BatchResult:
    path: Path
    badges: int
    pages: int
    bytes: int
    seconds: float


def selected_ids(session: Session, event_id: int, selection: BadgeSelection) -> list[int]:
    sort = "category" if selection.sort == "category" else "name"
    if selection.ids:
        wanted = set(selection.ids)
        ordered = participant_ids(session, event_id, "", ParticipantFilter(), sort=sort)
        return [pid for pid in ordered if pid in wanted]
    return participant_ids(session, event_id, selection.query, selection.filters, sort=sort)


def badge_data(
    session: Session, participant_ids_: list[int], *, with_programme: bool = True
) -> list[BadgeData]:
    """What each badge shows, in the order of ``participant_ids_``."""
    if not participant_ids_:
        return []
    rows = session.execute(
        select(Participant, Category, Event)
        .join(Category, Participant.category_id == Category.id)
        .join(Event, Participant.event_id == Event.id)
        .where(Participant.id.in_(participant_ids_))
    ).all()
    refusals: dict[int, set[str]] = defaultdict(set)
    for pid, kind in session.execute(
        select(Consent.participant_id, Consent.kind).where(
            Consent.participant_id.in_(participant_ids_), Consent.granted.is_(False)
        )
    ):
        refusals[pid].add(kind)
    programme: dict[int, list[str]] = defaultdict(list)
    if with_programme:
        for pid, code in session.execute(
            select(Enrolment.participant_id, ProgrammeItem.code)
            .join(ProgrammeItem, Enrolment.item_id == ProgrammeItem.id)
            .where(
                Enrolment.participant_id.in_(participant_ids_),
                Enrolment.status == EnrolmentStatus.ENROLLED.value,
                ProgrammeItem.code != "",
            )
            .order_by(ProgrammeItem.slot_id, ProgrammeItem.id)
        ):
            programme[pid].append(code)
    groups = dict(
        session.execute(
            select(GroupMember.participant_id, ParticipantGroup.name)
            .join(ParticipantGroup, ParticipantGroup.id == GroupMember.group_id)
            .where(GroupMember.participant_id.in_(participant_ids_))
        ).all()
    )
    by_id = {}
    for p, category, event in rows:
        hidden = refusals.get(p.id, set())
        organisation_hidden = ConsentKind.BADGE_ORGANISATION.value in hidden
        by_id[p.id] = BadgeData(
            first_name=p.first_name,
            last_name=p.last_name,
            title=p.title,
            organisation="" if organisation_hidden else p.organisation,
            category=category.badge_label or category.name,
            colour=category.colour,
            short_code=p.short_code,
            secret=p.badge_secret,
            event_name=event.name,
            event_dates=format_date_range(event.first_day, event.last_day, "–"),
            no_photos=ConsentKind.PHOTO.value in hidden,
            programme=tuple(programme.get(p.id, ())),
            # a delegation's name tells the organisation: hidden with it
            group="" if organisation_hidden else groups.get(p.id, ""),
        )
    return [by_id[pid] for pid in participant_ids_ if pid in by_id]


def badge_pdf(
    session: Session,
    participant_ids_: list[int],
    layout: str = DEFAULT_LAYOUT,
    options: PrintOptions = DEFAULT_OPTIONS,
) -> bytes:
    """A small PDF in memory (one badge to reprint, a preview)."""
    return render_pdf(badge_data(session, participant_ids_), get_layout(layout), options)


def generate(
    db: Database,
    event_id: int,
    path: str | Path,
    *,
    layout: str = DEFAULT_LAYOUT,
    selection: BadgeSelection = BadgeSelection(),
    options: PrintOptions = DEFAULT_OPTIONS,
    actor: str,
    mark_printed: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Write the selected participants' badges into one PDF at ``path``.

    Streamed: chunks of CHUNK badges are rendered and joined into the file as they come,
    so memory stays flat. The file appears only when complete (written beside it, then
    renamed): a cancel or an error leaves no half-written PDF, and an existing file of
    that name untouched. Afterwards the badges count as printed."""
    started = time.perf_counter()
    chosen_layout = get_layout(layout)
    target = Path(path)
    with db.session(write=False) as session:
        ids = selected_ids(session, event_id, selection)
    if not ids:
        raise NothingToPrint()
    if progress:
        progress(0, len(ids))
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path(".")
    )
    try:
        with os.fdopen(handle, "wb") as out:
            joiner = PdfJoiner(out, title="Namensschilder")
            for done, chunk in _chunks(ids, chosen_layout.per_page):
                if cancelled and cancelled():
                    raise Cancelled()
                with db.session(write=False) as session:
                    data = badge_data(session, chunk)
                joiner.add(render_pdf(data, chosen_layout, options))
                if progress:
                    progress(done, len(ids))
            pages = joiner.close()
            out.flush()
            os.fsync(out.fileno())
        if cancelled and cancelled():
            raise Cancelled()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if mark_printed:
        with db.session() as session:
            record_printed(session, ids, actor=actor, how=f"pdf:{chosen_layout.key}")
    return BatchResult(
        target, len(ids), pages, target.stat().st_size, time.perf_counter() - started
    )


def _chunks(ids: list[int], per_page: int) -> Iterator[tuple[int, list[int]]]:
    size = max(per_page, CHUNK - CHUNK % per_page)  # whole pages per chunk
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield start + len(chunk), chunk


def record_printed(session: Session, ids: list[int], *, actor: str, how: str) -> None:
    """Count one more print for each badge, with the time, and audit it."""
    now = utcnow()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        session.execute(
            update(Participant)
            .where(Participant.id.in_(part))
            .values(badge_printed_at=now, badge_print_count=Participant.badge_print_count + 1)
        )
        events = dict(
            session.execute(
                select(Participant.id, Participant.event_id).where(Participant.id.in_(part))
            ).all()
        )
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": now,
                    "actor": actor,
                    "action": "badge.printed",
                    "entity": "participant",
                    "entity_id": pid,
                    "event_id": events.get(pid),
                    "after": {"how": how},
                }
                for pid in part
            ],
        )


@dataclass(frozen=True)
class Reissued:
    participant_id: int
    short_code: str  # the new one
    old_short_code: str


def reissue(session: Session, participant_id: int, reason: str, *, actor: str) -> Reissued:
    """A lost or misprinted badge: new secret and new short code. The old ones are kept
    as replaced, so scanning or typing them says "replaced by a newer badge"."""
    participant = require(session, Participant, participant_id)
    if participant.status != ParticipantStatus.REGISTERED.value:
        raise ParticipantNotRegistered(name=f"{participant.first_name} {participant.last_name}")
    old_secret, old_code = participant.badge_secret, participant.short_code
    session.add(
        ReplacedBadge(
            participant_id=participant.id,
            secret=old_secret,
            short_code=old_code,
            reason=clean(reason)[:200],
        )
    )
    participant.badge_secret = new_secret()
    participant.short_code = unused_short_code(session, participant.event_id)
    session.flush()
    reindex(session, participant)
    record(
        session,
        actor=actor,
        action="badge.reissue",
        entity="participant",
        entity_id=participant.id,
        event_id=participant.event_id,
        before={"short_code": old_code},
        after={"short_code": participant.short_code, "reason": clean(reason)},
    )
    return Reissued(participant.id, participant.short_code, old_code)
