"""Event days on the command line: a day number (1, 2 ...) or a date (17.09.2019,
2019-09-17); a list of them separated by commas, or "all"."""

from __future__ import annotations

from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..text import format_date, parse_date


def find_day(days, text: str) -> int | None:
    """The id of the event day given as a day number (1, 2 ...) or a date, or None."""
    text = text.strip()
    if text.isdigit() and 1 <= int(text) <= len(days):
        return days[int(text) - 1].id
    try:
        wanted = parse_date(text)
    except ValueError:
        return None
    return next((d.id for d in days if d.date == wanted), None)


def parse_days(days, text: str | None) -> tuple[int, ...] | None:
    """``--days``: None when not given, every day for "all", else the days named."""
    if text is None:
        return None
    if text.strip().casefold() in ("all", "alle"):
        return tuple(d.id for d in days)
    chosen = []
    for part in (p for p in text.split(",") if p.strip()):
        day_id = find_day(days, part)
        if day_id is None:
            choices = ", ".join(f"{i} = {format_date(d.date)}" for i, d in enumerate(days, 1))
            params = (("value", part.strip()), ("choices", choices))
            raise Invalid([Problem("day_ids", "unknown_day_value", params)])
        chosen.append(day_id)
    return tuple(chosen)
