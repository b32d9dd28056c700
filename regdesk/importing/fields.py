"""What a column of an imported table can hold, the headers that usually name it, and
how its cells are read (salutations, yes/no, status, full names, lists of items or days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ..models import ConsentKind, ParticipantStatus, Salutation
from ..search_keys import fold
from ..services.preferences import MAX_RANK, wish_column_rank
from ..text import clean

WISH_PREFIX = "wish:"
IGNORE = ""


@dataclass(frozen=True)
class Field:
    key: str
    repeatable: bool = False  # several columns may feed it (their values are joined)


# the order in which the mapping dialog offers them
FIELDS: tuple[Field, ...] = (
    Field("salutation"),
    Field("title"),
    Field("first_name"),
    Field("last_name"),
    Field("full_name"),
    Field("organisation"),
    Field("position"),
    Field("email"),
    Field("phone"),
    Field("category"),
    Field("status"),
    Field("registered_at"),  # when the form was sent: first come, first served
    Field("cancel_reason"),
    Field("is_vip"),
    Field("group"),  # the group (delegation) the person comes with
    Field("group_lead"),  # yes: leads that group
    Field("days", repeatable=True),  # also one yes/no column per day
    Field("programme", repeatable=True),
    Field("waitlist", repeatable=True),
    Field("needs_dietary"),
    Field("needs_accessibility"),
    Field("needs_interpreter"),
    Field("consent_photo"),
    Field("consent_listing"),
    Field("consent_badge_organisation"),
    Field("consent_health_data"),
    Field("notes", repeatable=True),
    # which registered person a row is, for updating from a newer export
    Field("badge_code"),
    Field("participant_id"),
)
FIELD_KEYS = frozenset(f.key for f in FIELDS)
REPEATABLE = frozenset(f.key for f in FIELDS if f.repeatable)
CONSENT_FIELDS = {
    "consent_photo": ConsentKind.PHOTO.value,
    "consent_listing": ConsentKind.LISTING.value,
    "consent_badge_organisation": ConsentKind.BADGE_ORGANISATION.value,
    "consent_health_data": ConsentKind.HEALTH_DATA.value,
}


def wish_field(rank: int) -> str:
    return f"{WISH_PREFIX}{rank}"


def wish_rank(field: str) -> int | None:
    if not field.startswith(WISH_PREFIX):
        return None
    number = field.removeprefix(WISH_PREFIX)
    return int(number) if number.isdigit() and 1 <= int(number) <= MAX_RANK else None


def is_field(field: str) -> bool:
    return field == IGNORE or field in FIELD_KEYS or wish_rank(field) is not None


def header_key(header: str) -> str:
    """Headers compared without case, accents, blanks and punctuation: "E-Mail-Adresse",
    "e mail adresse" and "EMailAdresse" are one."""
    return fold(header).replace(" ", "")


# Headers of registration forms, web ticketing exports and regdesk's own exports (German
# and English), by the field they name; compared through _key.
ALIASES: dict[str, tuple[str, ...]] = {
    "salutation": ("Anrede", "Salutation", "Briefanrede"),
    "title": ("Titel", "Akademischer Titel", "Title", "Academic title", "Grad"),
    "first_name": ("Vorname", "Vornamen", "Rufname", "First name", "Given name", "Forename"),
    "last_name": (
        "Nachname", "Familienname", "Zuname", "Last name", "Surname", "Family name",
    ),
    "full_name": (
        "Name", "Vollständiger Name", "Vor- und Nachname", "Teilnehmer", "Teilnehmerin",
        "Teilnehmer/in", "Teilnehmende", "Full name", "Participant",
    ),
    "organisation": (
        "Organisation", "Organization", "Institution", "Firma", "Behörde", "Kommune",
        "Unternehmen", "Dienststelle", "Einrichtung", "Arbeitgeber", "Verwaltung",
        "Stadt/Gemeinde", "Organisation/Institution", "Company", "Affiliation",
        "Kommune / Organisation", "Organisation / Kommune", "Behörde / Organisation",
        "Organisation / Behörde", "Institution / Organisation", "Kommune/Landkreis",
        "Kommune / Institution", "Organisation / Firma",
    ),
    "position": (
        "Funktion", "Position", "Stelle", "Amtsbezeichnung", "Tätigkeit", "Job title",
        "Function",
    ),
    "email": (
        "E-Mail", "Email", "Mail", "E-Mail-Adresse", "Mailadresse", "E-Mail Adresse",
        "Email address",
    ),
    "phone": (
        "Telefon", "Tel", "Tel.", "Telefonnummer", "Rufnummer", "Mobil", "Handy", "Phone",
        "Telephone", "Mobile",
    ),
    "category": (
        "Kategorie", "Rolle", "Teilnehmerkategorie", "Teilnahmeart", "Teilnahme als", "Gruppe",
        "Ich nehme teil als", "Teilnahme in der Rolle", "Art der Teilnahme", "Participating as",
        "Category",
        "Role",
    ),
    "status": ("Status", "Anmeldestatus", "Registration status"),
    "registered_at": (
        "Zeitstempel", "Anmeldedatum", "Anmeldezeitpunkt", "Anmeldung am", "Angemeldet am",
        "Registriert am", "Datum der Anmeldung", "Eingangsdatum", "Eingegangen am",
        "Eingang", "Absendedatum", "Gesendet am", "Timestamp", "Registration date",
        "Registered at", "Registered on", "Submitted at", "Submission date", "Date submitted",
        "Created", "Order date",
    ),
    "badge_code": ("Code", "Badge-Code", "Badgecode", "Kurzcode", "Badge code", "Short code"),
    "participant_id": ("Teilnehmer-ID", "Teilnehmende-ID", "Participant ID", "regdesk-ID"),
    "cancel_reason": ("Absagegrund", "Stornogrund", "Cancellation reason", "Cancel reason"),
    "is_vip": ("VIP",),
    "group": (
        "Delegation", "Gruppe/Delegation", "Delegation/Gruppe", "Reisegruppe", "Gruppenname",
        "Besuchergruppe", "Group", "Delegation name", "Group name",
    ),
    "group_lead": (
        "Gruppenleitung", "Delegationsleitung", "Leitung", "Gruppenleiter", "Gruppenleiterin",
        "Delegationsleiter", "Delegationsleiterin", "Group lead", "Group leader",
        "Delegation lead",
    ),
    "days": ("Tage", "Teilnahmetage", "Tag", "Days", "Day"),
    "programme": (
        "Workshop", "Workshops", "Programm", "Programmpunkte", "Forum", "Foren", "Session",
        "Sessions", "Exkursion", "Programme", "Program",
    ),
    "waitlist": ("Warteliste", "Wartelisten", "Waiting list", "Waitlist"),
    "needs_dietary": (
        "Ernährung", "Essen", "Verpflegung", "Diät", "Allergien", "Unverträglichkeiten",
        "Essenswunsch", "Dietary", "Diet", "Dietary needs",
    ),
    "needs_accessibility": (
        "Barrierefreiheit", "Zugänglichkeit", "Mobilität", "Assistenzbedarf",
        "Accessibility", "Access needs",
    ),
    "needs_interpreter": (
        "Dolmetschen", "Dolmetscher", "Gebärdensprache", "Sprachmittlung", "Interpreter",
        "Interpreting",
    ),
    "consent_photo": (
        "Einwilligung Fotos", "Fotos", "Foto", "Fotoerlaubnis", "Fotoeinwilligung",
        "Consent photos", "Photos",
    ),
    "consent_listing": (
        "Einwilligung Teilnehmerliste", "Teilnehmerliste", "Veröffentlichung",
        "Einwilligung Teilnehmendenliste", "Consent participant list", "Listing",
    ),
    "consent_badge_organisation": (
        "Organisation auf Namensschild", "Organisation auf dem Namensschild",
        "Organisation on badge",
    ),
    "consent_health_data": (
        "Einwilligung Gesundheitsdaten", "Gesundheitsdaten", "Consent health data",
        "Health data",
    ),
    "notes": (
        "Bemerkung", "Bemerkungen", "Notiz", "Notizen", "Anmerkung", "Anmerkungen",
        "Kommentar", "Notes", "Note", "Comment", "Comments",
    ),
}  # fmt: skip
_BY_KEY = {header_key(alias): field for field, aliases in ALIASES.items() for alias in aliases}


def suggest_field(header: str) -> str:
    """The field a header most likely names, or IGNORE."""
    rank = wish_column_rank(header)
    if rank is not None:
        return wish_field(rank)
    return _BY_KEY.get(header_key(header), IGNORE)


def suggest(headers: tuple[str, ...] | list[str]) -> list[str]:
    """A field for each header: each field once (the first column that names it wins),
    "Name" beside a first-name column means the last name."""
    fields = [suggest_field(h) for h in headers]
    if "first_name" in fields and "last_name" not in fields and "full_name" in fields:
        fields[fields.index("full_name")] = "last_name"
    seen: set[str] = set()
    for index, field in enumerate(fields):
        if field and field not in REPEATABLE:
            if field in seen:
                fields[index] = IGNORE
            seen.add(field)
    return fields


def is_known_header(header: str) -> bool:
    return suggest_field(header) != IGNORE


def field_for_name(text: str) -> str | None:
    """A field from what a person typed in a saved mapping or on the command line: the
    key ("first_name", "wish:2") or a header that names it ("Vorname", "Wunsch 2")."""
    text = clean(text)
    if text.casefold() in ("", "-", "ignore", "ignorieren"):
        return IGNORE
    if text in FIELD_KEYS or wish_rank(text) is not None:
        return text
    field = suggest_field(text)
    return field or None


# --- reading cells --------------------------------------------------------------------------

_SALUTATIONS = {
    **dict.fromkeys(("frau", "fr", "ms", "mrs", "miss", "madame", "mme"), Salutation.FRAU),
    **dict.fromkeys(("herr", "hr", "mr", "monsieur"), Salutation.HERR),
    **dict.fromkeys(
        ("", "ohne angabe", "keine angabe", "k a", "keine", "divers", "none", "ohne", "x"),
        Salutation.NONE,
    ),
}
YES_WORDS = _YES = frozenset(("ja", "j", "x", "yes", "y", "1", "true", "wahr", "ok", "✓", "✔"))
NO_WORDS = _NO = frozenset(("nein", "n", "no", "0", "false", "falsch", "-", "–"))
_STATUS = {
    **dict.fromkeys(
        ("", "angemeldet", "registriert", "bestatigt", "aktiv", "registered", "confirmed"),
        ParticipantStatus.REGISTERED,
    ),
    **dict.fromkeys(
        ("abgesagt", "storniert", "abgemeldet", "cancelled", "canceled"),
        ParticipantStatus.CANCELLED,
    ),
}


def salutation(text: str) -> str | None:
    found = _SALUTATIONS.get(fold(text))
    return None if found is None else found.value


def yes_no(text: str) -> bool | None:
    """True or False; None for an empty cell (the question was not asked). Raises
    ValueError for anything else."""
    value = clean(text).casefold().rstrip(".")
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(text)


def status(text: str) -> str | None:
    found = _STATUS.get(fold(text))
    return None if found is None else found.value


_TITLE_WORD = re.compile(r"^(?:[A-Za-zÄÖÜäöü]+\.(?:-[A-Za-zÄÖÜäöü]+\.?)*|Prof|Dr|PD)$")
_PARTICLES = frozenset(
    ("von", "vom", "zu", "zum", "zur", "van", "der", "den", "de", "del", "della", "di", "da",
     "dos", "du", "la", "le", "ten", "ter", "af", "av", "bin", "ibn", "al", "el")
)  # fmt: skip


def split_name(text: str) -> tuple[str, str, str] | None:
    """(title, first name, last name) from one cell: "Müller, Anna", "Dr. Anna Müller",
    "Anna von der Leyen", "Prof. Dr. Jan de Vries". None when it cannot be told."""
    text = clean(text)
    if "," in text:
        last, _, first = (part.strip() for part in text.partition(","))
        title, first = _take_title(first)
        return (title, first, last) if first and last else None
    title, rest = _take_title(text)
    words = rest.split()
    if len(words) < 2:
        return None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return title, " ".join(words[:cut]), " ".join(words[cut:])


def _take_title(text: str) -> tuple[str, str]:
    words = text.split()
    titles = []
    while len(words) > 1 and _TITLE_WORD.match(words[0]):
        titles.append(words.pop(0))
    return " ".join(titles), " ".join(words)


_STAMP_FORMATS = (
    "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%y %H:%M:%S", "%d.%m.%y %H:%M",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M:%S",
    "%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d",
)  # fmt: skip


def registered_at(text: str, timezone: str) -> datetime | None:
    """A form's time stamp ("16.06.2025 14:03:22" as Google Forms, LimeSurvey and Excel
    write it, ISO 8601 with or without its offset, a date alone) as a UTC time; the time
    of a stamp without an offset is the event's local time. None when empty; ValueError
    when it is no time stamp."""
    value = clean(text)
    if not value:
        return None
    try:  # ISO with an offset or Z: "2025-06-16T14:03:22+02:00"
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        stamp = None
        for pattern in _STAMP_FORMATS:
            try:
                stamp = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
        if stamp is None:
            raise ValueError(value) from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=ZoneInfo(timezone))
    return stamp.astimezone(UTC)
