"""Consents the registration form itself asked for, stated once for a whole file.

A form that asked "Ich willige ein, dass meine Angaben zur Ernährung gespeichert werden"
exports the answers, but often not that question as a column: without it, every row with
a dietary wish is refused (needs are health data). The organiser states instead, for the
file, which consents the form collected, with the form's wording and the date of that
form: each row without its own answer for such a consent counts as having given it, and
the consent records the form as its source (the full text goes into the import's audit
entry). A column that answers "nein" for a row still wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..models import ConsentKind
from ..text import clean_multiline, format_date, parse_date

MAX_TEXT = 2000


@dataclass(frozen=True)
class FormConsent:
    kinds: frozenset[str]  # ConsentKind values
    text: str  # the form's wording of the consent
    given_on: date  # the date of the form (its version, or the end of registration)

    @classmethod
    def checked(cls, kinds, text: str, given_on: str | date) -> FormConsent:
        """From what the organiser gave; ValidationError names what is wrong."""
        problems: list[Problem] = []
        names = {str(k).strip() for k in kinds if str(k).strip()}
        known = {k.value for k in ConsentKind}
        unknown = sorted(names - known)
        if not names:
            problems.append(Problem("form_consent", "required"))
        for name in unknown:
            problems.append(
                Problem(
                    "form_consent",
                    "unknown_choice",
                    (("value", name), ("choices", ", ".join(sorted(known)))),
                )
            )
        wording = clean_multiline(text)
        if not wording:
            problems.append(Problem("form_consent_text", "required"))
        elif len(wording) > MAX_TEXT:
            problems.append(Problem("form_consent_text", "too_long", (("max", MAX_TEXT),)))
        day = None
        try:
            day = parse_date(given_on)
        except ValueError:
            problems.append(Problem("form_consent_date", "invalid_date", (("value", given_on),)))
        if day is not None and day > date.today():
            problems.append(Problem("form_consent_date", "form_date_ahead"))
        if problems:
            raise Invalid(problems)
        return cls(frozenset(names), wording, day)

    def via(self) -> str:
        """The consent's source as stored with each person (at most 100 characters)."""
        return f"Anmeldeformular vom {format_date(self.given_on)}: {self.text}"[:100]

    def given_at(self, registered_at: datetime | None, timezone: str) -> datetime:
        """When the person gave it: when they sent the form, else the form's date."""
        if registered_at is not None:
            return registered_at
        return datetime.combine(self.given_on, time(0), ZoneInfo(timezone)).astimezone(UTC)

    def audited(self) -> dict:
        return {"kinds": sorted(self.kinds), "text": self.text, "date": self.given_on.isoformat()}
