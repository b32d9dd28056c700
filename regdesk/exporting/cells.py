"""Cell values for spreadsheets: formula injection neutralised, German forms for CSV.

A cell that starts with = + - @, a tab or a carriage return may run as a formula when
a spreadsheet opens the file ("CSV injection"). Such text gets a leading apostrophe in
CSV; in XLSX it is stored as text with Excel's quote prefix (shown as it is, never run).
Numbers and phone numbers ("-12,5", "+49 30 901820") are left alone: made only of
digits, blanks and ( ) / . , + -, they cannot call a function or reach another cell.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..text import format_date

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_HARMLESS = re.compile(r"[+-]?[\d\s()/.,+-]*\d[\d\s()/.,+-]*")
YES_NO = {"de": ("ja", "nein"), "en": ("yes", "no")}


def is_risky(text: str) -> bool:
    return text.startswith(TRIGGERS) and _HARMLESS.fullmatch(text) is None


def neutralise(text: str) -> str:
    """Text safe to put into a CSV cell."""
    return "'" + text if is_risky(text) else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise`` when such a file is read back."""
    if text.startswith("'") and is_risky(text[1:]):
        return text[1:]
    return text


def csv_text(value, language: str = "de") -> str:
    """A value as German Excel reads it from CSV: 16.06.2025, 16.06.2025 14:05, ja."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES_NO[language][0 if value else 1]
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int | float):
        return str(value).replace(".", ",")
    return neutralise(str(value))
