"""Messages to participants: built-in wording in German and English for the registration
confirmation (with the person's badge as PDF), the allocation result, a move-up from a
waiting list and general information; an event may word each its own way. Placeholders
in braces are filled per person -- ``{salutation}`` in the forms German letters use
("Sehr geehrte Frau Dr. Müller"), ``{places}``, ``{waiting}``, ``{code}`` ..."""

from __future__ import annotations

import string
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..models import Event, EventDay, MailTemplate, Participant, ParticipantDay, Salutation
from ..services.lookup import require
from ..services.participants import participant_detail
from ..text import format_date, format_date_range

KINDS = ("confirmation", "allocation", "moved_up", "information", "certificate")
LANGUAGES = ("de", "en")
ATTACH_BADGE = {"confirmation"}  # the person's own badge goes along as a PDF
ATTACH_CERTIFICATE = {"certificate"}  # their certificate of attendance, made when queued

PLACEHOLDERS = (
    "salutation",
    "first_name",
    "last_name",
    "name",
    "title",
    "organisation",
    "event",
    "dates",
    "venue",
    "days",
    "places",
    "waiting",
    "code",
    "organiser",
    "contact",
)

BUILTIN: dict[str, dict[str, tuple[str, str]]] = {
    "confirmation": {
        "de": (
            "Ihre Anmeldung: {event}",
            "{salutation},\n\nvielen Dank für Ihre Anmeldung zu {event} am {dates} in {venue}.\n\n"
            "Ihre Tage: {days}\nIhr Programm: {places}\nWarteliste: {waiting}\n\n"
            "Ihr Namensschild hängt an (PDF). Bitte bringen Sie es ausgedruckt oder auf dem "
            "Telefon mit; am Einlass genügt auch Ihr Code {code}.\n\n"
            "Mit freundlichen Grüßen\n{organiser}\n{contact}",
        ),
        "en": (
            "Your registration: {event}",
            "{salutation},\n\nthank you for registering for {event} on {dates} in {venue}.\n\n"
            "Your days: {days}\nYour programme: {places}\nWaiting list: {waiting}\n\n"
            "Your name badge is attached (PDF). Please bring it printed or on your phone; at "
            "the door your code {code} will do as well.\n\n"
            "Kind regards\n{organiser}\n{contact}",
        ),
    },
    "allocation": {
        "de": (
            "Ihre Plätze: {event}",
            "{salutation},\n\ndie Plätze in den Workshops sind verteilt. Sie haben einen Platz "
            "in:\n{places}\n\nWarteliste: {waiting}\n\n"
            "Mit freundlichen Grüßen\n{organiser}\n{contact}",
        ),
        "en": (
            "Your places: {event}",
            "{salutation},\n\nthe places in the workshops have been allocated. You have a "
            "place in:\n{places}\n\nWaiting list: {waiting}\n\n"
            "Kind regards\n{organiser}\n{contact}",
        ),
    },
    "moved_up": {
        "de": (
            "Ein Platz ist frei geworden: {event}",
            "{salutation},\n\nein Platz ist frei geworden, Sie sind von der Warteliste "
            "nachgerückt. Ihr Programm jetzt:\n{places}\n\nFalls Sie den Platz nicht mehr "
            "brauchen, geben Sie uns bitte kurz Bescheid.\n\n"
            "Mit freundlichen Grüßen\n{organiser}\n{contact}",
        ),
        "en": (
            "A place has become free: {event}",
            "{salutation},\n\na place has become free and you have moved up from the waiting "
            "list. Your programme now:\n{places}\n\nIf you no longer need the place, please "
            "let us know.\n\nKind regards\n{organiser}\n{contact}",
        ),
    },
    "information": {
        "de": (
            "Information: {event}",
            "{salutation},\n\n…\n\nMit freundlichen Grüßen\n{organiser}\n{contact}",
        ),
        "en": (
            "Information: {event}",
            "{salutation},\n\n…\n\nKind regards\n{organiser}\n{contact}",
        ),
    },
    "certificate": {
        "de": (
            "Ihre Teilnahmebescheinigung: {event}",
            "{salutation},\n\nvielen Dank für Ihre Teilnahme an {event} am {dates} in "
            "{venue}. Ihre Teilnahmebescheinigung hängt an (PDF).\n\n"
            "Mit freundlichen Grüßen\n{organiser}\n{contact}",
        ),
        "en": (
            "Your certificate of attendance: {event}",
            "{salutation},\n\nthank you for taking part in {event} on {dates} in {venue}. "
            "Your certificate of attendance is attached (PDF).\n\n"
            "Kind regards\n{organiser}\n{contact}",
        ),
    },
}


@dataclass(frozen=True)
class Template:
    kind: str
    language: str
    subject: str
    body: str
    custom: bool  # the event's own wording (else the built-in one)


@dataclass(frozen=True)
class Rendered:
    to_address: str
    to_name: str
    subject: str
    body: str
    attach_badge: bool
    attach_certificate: bool = False


def get_template(session: Session, event_id: int, kind: str, language: str = "de") -> Template:
    _check(kind, language)
    own = session.scalar(
        select(MailTemplate).where(
            MailTemplate.event_id == event_id,
            MailTemplate.kind == kind,
            MailTemplate.language == language,
        )
    )
    if own is not None:
        return Template(kind, language, own.subject, own.body, True)
    subject, body = BUILTIN[kind][language]
    return Template(kind, language, subject, body, False)


def save_template(
    session: Session, event_id: int, kind: str, language: str, subject: str, body: str
) -> Template:
    """The event's own wording; refused when it names a placeholder there is not."""
    _check(kind, language)
    check_placeholders(subject, body)
    if not subject.strip():
        raise Invalid([Problem("subject", "required")])
    own = session.scalar(
        select(MailTemplate).where(
            MailTemplate.event_id == event_id,
            MailTemplate.kind == kind,
            MailTemplate.language == language,
        )
    )
    if own is None:
        own = MailTemplate(event_id=event_id, kind=kind, language=language)
        session.add(own)
    own.subject, own.body = subject.strip(), body
    session.flush()
    return Template(kind, language, own.subject, own.body, True)


def check_placeholders(subject: str, body: str) -> None:
    """Refuse a wording that names a placeholder there is not (or has a lone brace)."""
    for part, text in (("subject", subject), ("body", body)):
        unknown = unknown_placeholders(text)
        if unknown:
            params = (("value", ", ".join(unknown)), ("choices", ", ".join(PLACEHOLDERS)))
            raise Invalid([Problem(part, "unknown_placeholder", params)])


def unknown_placeholders(text: str) -> list[str]:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:  # a lone brace
        return ["{"]
    return sorted({n for n in names if n not in PLACEHOLDERS})


def _check(kind: str, language: str) -> None:
    for name, value, choices in (("kind", kind, KINDS), ("language", language, LANGUAGES)):
        if value not in choices:
            raise Invalid(
                [
                    Problem(
                        name, "unknown_choice", (("value", value), ("choices", ", ".join(choices)))
                    )
                ]
            )


# --- one person's message -------------------------------------------------------------------


def salutation_line(salutation: str, title: str, first: str, last: str, language: str) -> str:
    """ "Sehr geehrte Frau Dr. Müller" / "Sehr geehrter Herr Weiß" / "Guten Tag Alex Kim";
    "Dear Dr Müller" / "Dear Ms Müller" / "Dear Alex Kim"."""
    titled = " ".join(x for x in (title, last) if x)
    if language == "de":
        if salutation == Salutation.FRAU.value:
            return f"Sehr geehrte Frau {titled}"
        if salutation == Salutation.HERR.value:
            return f"Sehr geehrter Herr {titled}"
        return f"Guten Tag {first} {last}".strip()
    if title:
        return f"Dear {title.replace('.', '')} {last}"
    if salutation == Salutation.FRAU.value:
        return f"Dear Ms {last}"
    if salutation == Salutation.HERR.value:
        return f"Dear Mr {last}"
    return f"Dear {first} {last}".strip()


def values_for(session: Session, participant_id: int, language: str) -> dict[str, str]:
    person = require(session, Participant, participant_id)
    event = require(session, Event, person.event_id)
    detail = participant_detail(session, participant_id)
    own_days = list(
        session.scalars(
            select(EventDay.date)
            .join(ParticipantDay, ParticipantDay.day_id == EventDay.id)
            .where(ParticipantDay.participant_id == participant_id)
            .order_by(EventDay.date)
        )
    )
    every = "alle Tage" if language == "de" else "every day"
    none = "–"
    places = [
        f"{e.code + ' ' if e.code else ''}{e.title} ({format_date(e.day)} "
        f"{e.starts_at:%H:%M}–{e.ends_at:%H:%M})"
        for e in detail.enrolments
        if e.status == "enrolled"
    ]
    position = "Platz" if language == "de" else "position"
    waiting = [
        f"{e.code + ' ' if e.code else ''}{e.title} ({position} {e.waitlist_position})"
        for e in detail.enrolments
        if e.status == "waitlisted"
    ]
    return {
        "salutation": salutation_line(
            person.salutation, person.title, person.first_name, person.last_name, language
        ),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "name": " ".join(x for x in (person.title, person.first_name, person.last_name) if x),
        "title": person.title,
        "organisation": person.organisation,
        "event": event.name,
        "dates": format_date_range(event.first_day, event.last_day, "–"),
        "venue": event.venue_name or "",
        "days": ", ".join(format_date(d) for d in own_days) or every,
        "places": "\n".join(f"  {p}" for p in places) if places else none,
        "waiting": "\n".join(f"  {w}" for w in waiting) if waiting else none,
        "code": person.short_code,
        "organiser": event.organiser or "",
        "contact": event.contact or "",
    }


def render(
    session: Session,
    event_id: int,
    participant_id: int,
    kind: str,
    language: str = "de",
    wording: tuple[str, str] | None = None,
) -> Rendered:
    """One person's message as it will be sent (the preview shows exactly this);
    ``wording``: (subject, body) being edited, not saved yet."""
    template = get_template(session, event_id, kind, language)
    if wording is not None:
        check_placeholders(*wording)
        template = Template(kind, language, wording[0], wording[1], True)
    person = require(session, Participant, participant_id)
    values = values_for(session, participant_id, language)
    return Rendered(
        person.email,
        values["name"],
        template.subject.format_map(values).replace("\n", " ").strip(),
        _tidy(template.body.format_map(values)),
        kind in ATTACH_BADGE,
        kind in ATTACH_CERTIFICATE,
    )


def _tidy(body: str) -> str:
    """No blanks at line ends, no empty lines at the end (an event without a contact)."""
    return "\n".join(line.rstrip() for line in body.splitlines()).rstrip() + "\n"
