"""Door mode's PIN: the organiser's PIN that unlocks a desk in door mode.

Only an argon2 hash is stored (memory-hard, salted), in the event: every desk of a shared
database asks for the same PIN. A PIN is 4 to 12 digits.
"""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..models import Event
from .audit import record
from .lookup import require

_PIN = re.compile(r"^\d{4,12}$")
_HASHER = PasswordHasher()


def has_pin(session: Session, event_id: int) -> bool:
    return bool(require(session, Event, event_id).door_pin_hash)


def set_pin(
    session: Session, event_id: int, pin: str, *, actor: str, current: str | None = None
) -> None:
    """Set or change the PIN; changing it needs the current one."""
    event = require(session, Event, event_id)
    if event.door_pin_hash and not check_pin(session, event_id, current or ""):
        raise Invalid([Problem("current_pin", "wrong_pin")])
    if not _PIN.match(pin or ""):
        raise Invalid([Problem("pin", "invalid_pin")])
    event.door_pin_hash = _HASHER.hash(pin)
    session.flush()
    record(
        session,
        actor=actor,
        action="door.pin_set",
        entity="event",
        entity_id=event_id,
        event_id=event_id,
    )


def check_pin(session: Session, event_id: int, pin: str) -> bool:
    stored = require(session, Event, event_id).door_pin_hash
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, pin or "")
    except (VerificationError, InvalidHashError):
        return False
