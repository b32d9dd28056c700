"""Formatting for the screens, in the UI language (Qt's default locale follows it)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QLocale
from sqlalchemy.engine import make_url

from regdesk.text import format_date


def weekday(day: date, short: bool = False) -> str:
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().dayName(day.isoweekday(), kind)


def day_label(day: date) -> str:
    """Short weekday and date: "Do. 05.09.2024"."""
    return f"{weekday(day, short=True)} {format_date(day)}"


def local_time(value: datetime, zone: tzinfo | None = None) -> str:
    """A stored UTC timestamp in ``zone`` (None: this computer's time): "05.09.2024 10:15"."""
    local = value.astimezone(zone)
    return f"{format_date(local.date())} {local:%H:%M}"


def server_name(url: str) -> str:
    """A server URL as people say it: "host:port/database" (never the password)."""
    parsed = make_url(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.host or 'localhost'}{port}/{parsed.database or ''}"
