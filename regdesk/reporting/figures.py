"""The figures of the report for the funding body (Teilnahmestatistik): who was registered,
who came and who did not, per day and category, per programme item (enrolled, present at
its door), per kind of organisation, and when people arrived (15-minute bins in the
event's time zone). Read from registrations and the scan log only -- counts, categories,
days, places and check-in times -- so that the report comes out the same after the
personal data has been anonymised.

Small groups can be folded: a category or kind of organisation with fewer than
``threshold`` registered people on a day goes into one row "others", so that no one is
identifiable in a published report."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, Float, Integer, cast, func, literal_column, select
from sqlalchemy.orm import Session

from ..models import (
    Category,
    Enrolment,
    EnrolmentStatus,
    Event,
    EventDay,
    Participant,
    ParticipantDay,
    ParticipantStatus,
    ProgrammeItem,
    ProgrammeSlot,
    Scan,
    Verdict,
)
from ..search_keys import fold
from ..services.lookup import require
from ..services.preferences import programme_items

BIN_MINUTES = 15
OTHERS = "others"  # the key of a folded row

# Kinds of organisation, told by words in the name (folded, as the search folds them):
# the first rule that matches decides. Public-sector funding reports ask for the share of
# municipalities; an organisation that matches none is "other".
ORGANISATION_KINDS: tuple[tuple[str, re.Pattern], ...] = (
    ("municipality", re.compile(
        r"\b(stadt|gemeinde|landkreis|kreis|amt|markt|samtgemeinde|verbandsgemeinde|"
        r"bezirksamt|stadtverwaltung|kommune|kommunal\w*|landeshauptstadt|hansestadt)\b")),
    ("state", re.compile(
        r"\b(bund\w*|bundesministerium|ministerium|landesamt|senat\w*|staatskanzlei|"
        r"regierungsprasidium|bezirksregierung|landesverwaltung|bmi|bmwsb)\b")),
    ("science", re.compile(
        r"\b(universitat|hochschule|fachhochschule|institut|university|akademie|"
        r"forschung\w*|fraunhofer|helmholtz|leibniz)\b")),
    ("civil_society", re.compile(
        r"\b(e ?v|verein|verband|stiftung|initiative|netzwerk|genossenschaft|"
        r"kirche\w*|diakonie|caritas)\b")),
    ("business", re.compile(r"\b(gmbh|ag|kg|ug|se|ohg|co|inc|ltd|consulting|agentur)\b")),
)  # fmt: skip


def organisation_kind(name: str) -> str:
    """municipality, state, science, civil_society, business, other -- or unknown (empty)."""
    folded = fold(name)
    if not folded:
        return "unknown"
    for kind, pattern in ORGANISATION_KINDS:
        if pattern.search(folded):
            return kind
    return "other"


@dataclass(frozen=True)
class Attendance:
    """Registered, came, did not come -- for a day and a category (or kind)."""

    key: str  # a category's name, an organisation kind, or OTHERS
    registered: int
    admitted: int

    @property
    def no_show(self) -> int:
        return max(self.registered - self.admitted, 0)


@dataclass(frozen=True)
class DayFigures:
    day_id: int
    day: date
    label: str
    total: Attendance
    by_category: tuple[Attendance, ...]
    by_organisation_kind: tuple[Attendance, ...]
    admitted_unregistered: int  # let in although registered for other days (admitted anyway)
    arrivals: tuple[tuple[time, int], ...]  # 15-minute bins (event time) with admissions


@dataclass(frozen=True)
class ItemFigures:
    item_id: int
    day: date
    starts_at: time
    ends_at: time
    code: str
    title: str
    capacity: int | None
    enrolled: int
    waitlisted: int
    present: int  # distinct people admitted at its door
    present_enrolled: int  # of them, enrolled


@dataclass(frozen=True)
class ReportFigures:
    event_id: int
    event_name: str
    first_day: date
    last_day: date
    venue: str
    organiser: str
    timezone: str
    registered: int  # registrations that stand (cancelled ones not counted)
    cancelled: int
    admitted_any_day: int  # people admitted at the entry at least once
    days: tuple[DayFigures, ...]
    items: tuple[ItemFigures, ...]
    threshold: int  # rows below it folded into OTHERS (0: none folded)
    made_at: datetime


def _fold_small(rows: list[Attendance], threshold: int) -> tuple[Attendance, ...]:
    if threshold <= 0:
        return tuple(rows)
    kept = [r for r in rows if r.registered >= threshold]
    small = [r for r in rows if r.registered < threshold]
    if len(small) == 1 and kept:  # one small row alone is as identifiable: fold it in too
        smallest = min(kept, key=lambda r: r.registered)
        kept.remove(smallest)
        small.append(smallest)
    if small:
        kept.append(
            Attendance(
                OTHERS,
                sum(r.registered for r in small),
                sum(r.admitted for r in small),
            )
        )
    return tuple(kept)


def report_figures(
    session: Session, event_id: int, *, threshold: int = 0, now: datetime | None = None
) -> ReportFigures:
    """Every figure of the report, from one consistent read."""
    event = require(session, Event, event_id)
    zone = ZoneInfo(event.timezone or "Europe/Berlin")
    days = session.execute(
        select(EventDay.id, EventDay.date, EventDay.label)
        .where(EventDay.event_id == event_id)
        .order_by(EventDay.date)
    ).all()
    categories = dict(
        session.execute(
            select(Category.id, Category.name).where(Category.event_id == event_id)
        ).all()
    )
    category_order = {
        cid: n
        for n, cid in enumerate(
            session.scalars(
                select(Category.id)
                .where(Category.event_id == event_id)
                .order_by(Category.sort_order, Category.id)
            )
        )
    }
    people = session.execute(
        select(Participant.id, Participant.category_id, Participant.organisation,
               Participant.organisation_kind, Participant.status)
        .where(Participant.event_id == event_id)
    ).all()  # fmt: skip
    standing = {p.id: p for p in people if p.status == ParticipantStatus.REGISTERED.value}
    chosen: dict[int, set[int]] = defaultdict(set)
    for pid, day_id in session.execute(
        select(ParticipantDay.participant_id, ParticipantDay.day_id)
        .join(Participant, Participant.id == ParticipantDay.participant_id)
        .where(Participant.event_id == event_id)
    ):
        chosen[pid].add(day_id)
    admissions = session.execute(
        select(Scan.participant_id, Scan.day_id, Scan.item_id, Scan.at).where(
            Scan.event_id == event_id,
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
            Scan.participant_id.is_not(None),
        )
    ).all()
    first_in: dict[tuple[int, int], datetime] = {}  # (person, day) -> first entry
    at_door: dict[int, set[int]] = defaultdict(set)  # item -> people admitted there
    for pid, day_id, item_id, at in admissions:
        if item_id is not None:
            at_door[item_id].add(pid)
        elif (pid, day_id) not in first_in or at < first_in[(pid, day_id)]:
            first_in[(pid, day_id)] = at
    kinds = {  # the kind kept when the name was removed, else told from the name
        pid: p.organisation_kind or organisation_kind(p.organisation) for pid, p in standing.items()
    }

    day_figures = []
    for day_id, day, label in days:
        expected = [pid for pid in standing if not chosen.get(pid) or day_id in chosen[pid]]
        came = {pid for (pid, d) in first_in if d == day_id}
        by_category: Counter = Counter()
        came_by_category: Counter = Counter()
        by_kind: Counter = Counter()
        came_by_kind: Counter = Counter()
        for pid in expected:
            cid = standing[pid].category_id
            by_category[cid] += 1
            by_kind[kinds[pid]] += 1
            if pid in came:
                came_by_category[cid] += 1
                came_by_kind[kinds[pid]] += 1
        category_rows = [
            Attendance(categories[cid], by_category[cid], came_by_category[cid])
            for cid in sorted(by_category, key=lambda c: category_order.get(c, 0))
        ]
        kind_rows = [
            Attendance(kind, by_kind[kind], came_by_kind[kind])
            for kind in [k for k, _ in ORGANISATION_KINDS] + ["other", "unknown"]
            if by_kind[kind]
        ]
        bins = Counter(bin_of(at, zone) for (_pid, d), at in first_in.items() if d == day_id)
        day_arrivals = _continuous(bins)
        expected_set = set(expected)
        day_figures.append(
            DayFigures(
                day_id=day_id,
                day=day,
                label=label or "",
                total=Attendance("total", len(expected), len(came & expected_set)),
                by_category=_fold_small(category_rows, threshold),
                by_organisation_kind=_fold_small(kind_rows, threshold),
                admitted_unregistered=len(came - expected_set),
                arrivals=day_arrivals,
            )
        )

    enrolments: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for item_id, pid, status in session.execute(
        select(Enrolment.item_id, Enrolment.participant_id, Enrolment.status)
        .join(ProgrammeItem, ProgrammeItem.id == Enrolment.item_id)
        .join(ProgrammeSlot, ProgrammeItem.slot_id == ProgrammeSlot.id)
        .where(ProgrammeSlot.event_id == event_id)
    ):
        if pid in standing:
            enrolments[item_id][status].add(pid)
    items = tuple(
        ItemFigures(
            item.id, item.day, item.starts_at, item.ends_at, item.code, item.title,
            item.capacity,
            len(enrolments[item.id][EnrolmentStatus.ENROLLED.value]),
            len(enrolments[item.id][EnrolmentStatus.WAITLISTED.value]),
            len(at_door[item.id]),
            len(at_door[item.id] & enrolments[item.id][EnrolmentStatus.ENROLLED.value]),
        )
        for item in programme_items(session, event_id)
    )  # fmt: skip
    return ReportFigures(
        event_id=event.id,
        event_name=event.name,
        first_day=event.first_day,
        last_day=event.last_day,
        venue=event.venue_name,
        organiser=event.organiser,
        timezone=event.timezone,
        registered=len(standing),
        cancelled=len(people) - len(standing),
        admitted_any_day=len({pid for pid, _ in first_in}),
        days=tuple(day_figures),
        items=items,
        threshold=threshold,
        made_at=now or datetime.now(zone),
    )


def bin_of(at: datetime, zone: ZoneInfo) -> time:
    """The 15-minute bin (its start, in the event's time) of a moment."""
    local = at.astimezone(zone)
    return time(local.hour, local.minute - local.minute % BIN_MINUTES)


def arrivals(session: Session, event_id: int, day_id: int) -> tuple[tuple[time, int], ...]:
    """Who arrived when at a day's entry: the first admission of each person, counted in
    15-minute bins of the event's time, from the first arrival to the last. The database
    counts per 15 minutes of UTC -- every time zone is a whole number of quarter hours off
    UTC, so those are the event's bins too -- and only the bins come back."""
    event = require(session, Event, event_id)
    zone = ZoneInfo(event.timezone or "Europe/Berlin")
    firsts = (
        select(func.min(Scan.at).label("first"))
        .where(
            Scan.event_id == event_id,
            Scan.day_id == day_id,
            Scan.item_id.is_(None),
            Scan.verdict == Verdict.ADMITTED.value,
            Scan.undone_at.is_(None),
        )
        .group_by(Scan.participant_id)
        .subquery()
    )
    quarters = select(_quarter_hour(session, firsts.c.first).label("quarter")).subquery()
    bins: Counter = Counter()
    for quarter, count in session.execute(
        select(quarters.c.quarter, func.count()).group_by(quarters.c.quarter)
    ):
        bins[bin_of(_utc(quarter), zone)] += count
    return _continuous(bins)


def _quarter_hour(session: Session, column):
    """The start of the quarter hour a stored moment falls in, as the database gives it."""
    if session.get_bind().dialect.name == "sqlite":  # stored as text: 'YYYY-MM-DD HH:MM:SS'
        minute = cast(func.strftime("%M", column), Integer) / BIN_MINUTES * BIN_MINUTES
        return func.strftime("%Y-%m-%d %H:", column).op("||")(func.printf("%02d", minute))
    quarter = cast(func.floor(func.extract("minute", column) / BIN_MINUTES), Float)
    minutes = literal_column(f"interval '{BIN_MINUTES} minutes'") * quarter
    moment = DateTime(timezone=True)
    hour = func.date_trunc(literal_column("'hour'"), column, type_=moment)
    return hour.op("+", return_type=moment)(minutes)


def _utc(value) -> datetime:
    if isinstance(value, str):  # SQLite: naive UTC text
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _continuous(bins: Counter) -> tuple[tuple[time, int], ...]:
    """The bins from the first arrival to the last, empty ones included (a curve)."""
    if not bins:
        return ()
    start = min(bins)
    end = max(bins)
    out = []
    cursor = datetime.combine(date(2000, 1, 1), start)
    last = datetime.combine(date(2000, 1, 1), end)
    while cursor <= last:
        out.append((cursor.time(), bins.get(cursor.time(), 0)))
        cursor += timedelta(minutes=BIN_MINUTES)
    return tuple(out)
