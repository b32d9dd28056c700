"""Attendance certificates (Teilnahmebescheinigungen): one A4 page per person who was
admitted -- the event, where and by whom; the days attended with the first admission
(and the last check-out where the door recorded one); the programme attended, by its
door's scan, or by the place held where that door did not scan; the hours of programme;
a line (or an image) for the signature. German or English.

Attended is what the scan log says, never what was booked: a person who was not admitted
at all gets no certificate (NotAdmitted)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..badges.fonts import badge_fonts
from ..errors import NobodyAdmitted, NotAdmitted
from ..models import (
    Direction,
    Enrolment,
    EnrolmentStatus,
    Event,
    EventDay,
    Participant,
    Scan,
    Verdict,
)
from ..services.lookup import require
from ..services.preferences import programme_items
from ..text import format_date, format_date_range

TEXTS = {
    "title": ("Teilnahmebescheinigung", "Certificate of attendance"),
    "confirm": ("Hiermit wird bestätigt, dass", "This is to certify that"),
    "took_part": ("an der Veranstaltung", "attended the event"),
    "on": ("am", "on"),
    "in": ("in", "at"),
    "days": ("Teilgenommen an", "Attended on"),
    "from": ("ab {t} Uhr", "from {t}"),
    "until": ("bis {t} Uhr", "until {t}"),
    "programme": ("Besuchte Programmpunkte", "Programme attended"),
    "hours": ("Programmstunden insgesamt: {h}", "Hours of programme in total: {h}"),
    "no_programme": ("Keine Programmpunkte mit Einlass erfasst.", "No programme item recorded."),
    "organiser": ("Veranstalter", "Organiser"),
    "place_date": ("Ort, Datum", "Place, date"),
    "signature": ("Unterschrift", "Signature"),
    "basis": (
        "Grundlage: Einlasserfassung am Veranstaltungsort.",
        "Based on the admission records at the venue.",
    ),
    "file": ("Teilnahmebescheinigungen", "Certificates of attendance"),
}


def _t(key: str, language: str, **values) -> str:
    german, english = TEXTS[key]
    text = english if language == "en" else german
    return text.format(**values) if values else text


@dataclass(frozen=True)
class DayAttended:
    day: date
    first_in: time  # event time
    last_out: time | None  # the last check-out after it, if the door recorded one


@dataclass(frozen=True)
class ItemAttended:
    day: date
    starts_at: time
    ends_at: time
    code: str
    title: str
    by_scan: bool  # admitted at its door (else: held a place, the door did not scan)

    @property
    def hours(self) -> float:
        start = datetime.combine(self.day, self.starts_at)
        end = datetime.combine(self.day, self.ends_at)
        return max((end - start).total_seconds() / 3600, 0.0)


@dataclass(frozen=True)
class Certificate:
    participant_id: int
    name: str  # with the academic title
    organisation: str
    event_name: str
    event_dates: str
    venue: str
    venue_address: str
    organiser: str
    days: tuple[DayAttended, ...]
    items: tuple[ItemAttended, ...]

    @property
    def hours(self) -> float:
        return sum(i.hours for i in self.items)


def admitted_ids(session: Session, event_id: int) -> set[int]:
    """Who was admitted at an entry at least once (undone ones aside): who gets a
    certificate. One index read, not the certificates themselves."""
    return set(
        session.scalars(
            select(Scan.participant_id)
            .where(
                Scan.event_id == event_id,
                Scan.item_id.is_(None),
                Scan.verdict == Verdict.ADMITTED.value,
                Scan.undone_at.is_(None),
                Scan.participant_id.is_not(None),
            )
            .distinct()
        )
    )


def certificates(session: Session, event_id: int, participant_ids: list[int] | None = None):
    """The certificates of ``participant_ids`` (None: everyone admitted), in name order.
    A person asked for by id who was never admitted raises NotAdmitted."""
    event = require(session, Event, event_id)
    zone = ZoneInfo(event.timezone or "Europe/Berlin")
    people_query = select(Participant).where(Participant.event_id == event_id)
    if participant_ids is not None:
        people_query = people_query.where(Participant.id.in_(participant_ids))
    people = {p.id: p for p in session.scalars(people_query.order_by(Participant.name_key))}
    scans = session.execute(
        select(Scan.participant_id, Scan.day_id, Scan.item_id, Scan.at, Scan.verdict,
               Scan.direction)
        .where(Scan.event_id == event_id, Scan.participant_id.in_(list(people)),
               Scan.undone_at.is_(None))
        .order_by(Scan.at)
    ).all()  # fmt: skip
    days = dict(
        session.execute(
            select(EventDay.id, EventDay.date).where(EventDay.event_id == event_id)
        ).all()
    )
    entry_in: dict[int, dict[int, datetime]] = defaultdict(dict)
    entry_out: dict[int, dict[int, datetime]] = defaultdict(dict)
    at_door: dict[int, set[int]] = defaultdict(set)
    for pid, day_id, item_id, at, verdict, direction in scans:
        if item_id is not None:
            if verdict == Verdict.ADMITTED.value:
                at_door[pid].add(item_id)
            continue
        if verdict == Verdict.ADMITTED.value:
            entry_in[pid].setdefault(day_id, at)
        elif verdict == Verdict.CHECKED_OUT.value and direction == Direction.OUT.value:
            entry_out[pid][day_id] = at  # the last one wins (ordered by time)
    # doors that scanned at all (anyone): there, only a scan counts as having attended
    scanned_doors = set(
        session.scalars(
            select(Scan.item_id).where(Scan.event_id == event_id, Scan.item_id.is_not(None))
            .distinct()
        )
    )  # fmt: skip
    held: dict[int, set[int]] = defaultdict(set)
    for pid, item_id in session.execute(
        select(Enrolment.participant_id, Enrolment.item_id).where(
            Enrolment.participant_id.in_(list(people)),
            Enrolment.status == EnrolmentStatus.ENROLLED.value,
        )
    ):
        held[pid].add(item_id)
    items = {i.id: i for i in programme_items(session, event_id)}
    result = []
    for pid, p in people.items():
        came = entry_in.get(pid, {})
        if not came:
            if participant_ids is not None:
                raise NotAdmitted(name=f"{p.first_name} {p.last_name}")
            continue
        attended_days = tuple(
            DayAttended(
                days[day_id],
                came[day_id].astimezone(zone).time().replace(second=0, microsecond=0),
                out.astimezone(zone).time().replace(second=0, microsecond=0)
                if (out := entry_out.get(pid, {}).get(day_id)) and out > came[day_id]
                else None,
            )
            for day_id in sorted(came, key=lambda d: days[d])
        )
        came_on = {days[d] for d in came}
        attended_items = []
        for item_id in sorted(
            at_door[pid] | {i for i in held[pid] if i not in scanned_doors},
            key=lambda i: (items[i].day, items[i].starts_at, i),
        ):
            item = items[item_id]
            by_scan = item_id in at_door[pid]
            if not by_scan and item.day not in came_on:
                continue  # a place held on a day the person did not come
            attended_items.append(
                ItemAttended(item.day, item.starts_at, item.ends_at, item.code, item.title,
                             by_scan)
            )  # fmt: skip
        result.append(
            Certificate(
                pid,
                " ".join(x for x in (p.title, p.first_name, p.last_name) if x),
                p.organisation,
                event.name,
                format_date_range(event.first_day, event.last_day),
                event.venue_name,
                event.venue_address,
                event.organiser,
                attended_days,
                tuple(attended_items),
            )
        )
    if not result:
        raise NobodyAdmitted()
    return result


def _hours(value: float, language: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "de" else text


def write_certificates(
    items: list[Certificate],
    out: BinaryIO,
    *,
    language: str = "de",
    signer: str = "",
    signature_image: Path | None = None,
    place: str = "",
    issued: date | None = None,
) -> int:
    """One page per certificate; returns the pages written."""
    fonts = badge_fonts()
    regular, bold = fonts.regular, fonts.bold
    canvas = Canvas(out, pagesize=A4, pageCompression=1, invariant=True)
    canvas.setTitle(_t("file", language))
    canvas.setCreator("regdesk")
    width, height = A4
    left, right = 25 * mm, width - 25 * mm
    image = ImageReader(str(signature_image)) if signature_image else None
    issued = issued or date.today()
    for c in items:
        canvas.setAuthor(c.organiser or "regdesk")
        y = height - 38 * mm
        canvas.setFont(regular, 10)
        canvas.setFillColor(colors.HexColor("#444444"))
        top = height - 18 * mm  # a long organiser (a ministry with its partners) on two lines
        lines = _wrap(c.organiser, regular, 10, right - left)
        if len(lines) > 2:
            lines = [lines[0], _fit(" ".join(lines[1:]), regular, 10, right - left)]
        for number, line in enumerate(lines):
            canvas.drawString(left, top - number * 4.5 * mm, line)
        canvas.setFillColor(colors.black)
        canvas.setFont(bold, 24)
        canvas.drawString(left, y, _t("title", language))
        y -= 16 * mm
        canvas.setFont(regular, 12)
        canvas.drawString(left, y, _t("confirm", language))
        y -= 10 * mm
        canvas.setFont(bold, 18)
        canvas.drawString(left, y, _fit(c.name, bold, 18, right - left))
        if c.organisation:
            y -= 7 * mm
            canvas.setFont(regular, 11)
            canvas.drawString(left, y, _fit(c.organisation, regular, 11, right - left))
        y -= 11 * mm
        canvas.setFont(regular, 12)
        canvas.drawString(left, y, _t("took_part", language))
        y -= 8 * mm
        canvas.setFont(bold, 14)
        for line in _wrap(c.event_name, bold, 14, right - left)[:3]:
            canvas.drawString(left, y, line)
            y -= 6.5 * mm
        canvas.setFont(regular, 11)
        canvas.drawString(left, y, c.event_dates)
        where = ", ".join(x for x in (c.venue, c.venue_address.replace("\n", ", ")) if x)
        if where:
            y -= 5.5 * mm
            canvas.drawString(left, y, _fit(where, regular, 11, right - left))
        y -= 13 * mm
        canvas.setFont(bold, 11)
        canvas.drawString(left, y, _t("days", language))
        canvas.setFont(regular, 11)
        for d in c.days:
            y -= 6 * mm
            line = f"{format_date(d.day)}  {_t('from', language, t=f'{d.first_in:%H:%M}')}"
            if d.last_out is not None:
                line += f" {_t('until', language, t=f'{d.last_out:%H:%M}')}"
            canvas.drawString(left + 5 * mm, y, line)
        y -= 11 * mm
        canvas.setFont(bold, 11)
        canvas.drawString(left, y, _t("programme", language))
        canvas.setFont(regular, 10.5)
        if not c.items:
            y -= 6 * mm
            canvas.drawString(left + 5 * mm, y, _t("no_programme", language))
        shown = c.items[:14]
        for i in shown:
            y -= 6 * mm
            label = f"{format_date(i.day)[:6]} {i.starts_at:%H:%M}–{i.ends_at:%H:%M}  "
            title = f"{i.code} {i.title}".strip()
            canvas.drawString(left + 5 * mm, y, _fit(label + title, regular, 10.5,
                                                     right - left - 5 * mm))  # fmt: skip
        if len(c.items) > len(shown):
            y -= 6 * mm
            canvas.drawString(left + 5 * mm, y, f"+ {len(c.items) - len(shown)}")
        if c.items:
            y -= 8 * mm
            canvas.setFont(bold, 10.5)
            canvas.drawString(left, y, _t("hours", language, h=_hours(c.hours, language)))
        # the signature at the foot
        base = 45 * mm
        canvas.setFont(regular, 10.5)
        canvas.drawString(left, base + 14 * mm,
                          f"{place or c.venue}, {format_date(issued)}".lstrip(", "))  # fmt: skip
        canvas.setLineWidth(0.6)
        canvas.line(left, base + 10 * mm, left + 70 * mm, base + 10 * mm)
        canvas.line(right - 80 * mm, base + 10 * mm, right, base + 10 * mm)
        if image is not None:
            canvas.drawImage(image, right - 78 * mm, base + 11 * mm, width=60 * mm,
                             height=18 * mm, preserveAspectRatio=True, mask="auto",
                             anchor="sw")  # fmt: skip
        canvas.setFont(regular, 8.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(left, base + 6 * mm, _t("place_date", language))
        canvas.drawString(
            right - 80 * mm,
            base + 6 * mm,
            signer or f"{_t('signature', language)} – {_t('organiser', language)}",
        )
        canvas.setFont(regular, 7.5)
        canvas.drawString(left, 18 * mm, _t("basis", language))
        canvas.setFillColor(colors.black)
        canvas.showPage()
    canvas.save()
    return len(items)


def _fit(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if stringWidth(trial, font, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines
