"""What a desk keeps between starts (QSettings): its name, where it checks in (per
database and event), the re-entry rule and the sound. A desk is named once; the name is
what the scan log, the overview and the other desks call it."""

from __future__ import annotations

import hashlib

from regdesk.db import Database, display_url

from .i18n import settings

NAME = "desk/name"
REENTRY = "desk/reentry"
SOUND = "desk/sound"


def _place(db: Database, event_id: int) -> str:
    key = hashlib.sha256(f"{display_url(db.info.url)}|{event_id}".encode()).hexdigest()[:12]
    return f"desk/context/{key}"


def saved_name() -> str:
    return str(settings().value(NAME, "") or "")


def save_name(name: str) -> None:
    settings().setValue(NAME, name)


def saved_context(db: Database, event_id: int) -> str:
    return str(settings().value(_place(db, event_id), "") or "")


def save_context(db: Database, event_id: int, key: str) -> None:
    settings().setValue(_place(db, event_id), key)


def flag(name: str, default: bool) -> bool:
    return settings().value(name, default, type=bool)


def save_flag(name: str, value: bool) -> None:
    settings().setValue(name, bool(value))
