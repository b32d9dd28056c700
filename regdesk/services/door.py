"""Door mode's PIN: the organiser's PIN that unlocks a desk in door mode.

Only an argon2 hash is stored (memory-hard, salted), in the event: every desk of a shared
database asks for the same PIN. A new PIN is 6 to 12 digits (a million tries, each an
argon2 hash, against the hash in a copied file; a PIN set before 6 digits were required
keeps working until it is changed).

At a desk, wrong PINs are slowed down: after ``FREE_TRIES`` wrong ones each further try
waits twice as long as the one before (2 s, 4 s, ... up to 5 minutes); a right PIN ends
the wait. The count is kept per event in the desk's process -- door mode cannot be left
without the PIN, so there is no restart to reset it.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from ..errors import PinLocked, Problem
from ..errors import ValidationError as Invalid
from ..models import Event
from .audit import record
from .lookup import require

_PIN = re.compile(r"^\d{6,12}$")
_HASHER = PasswordHasher()
FREE_TRIES = 3
FIRST_WAIT_S = 2.0
LONGEST_WAIT_S = 300.0


@dataclass
class _Tries:
    wrong: int = 0
    next_at: float = 0.0  # time.monotonic() before which no PIN is checked


_tries: dict[int, _Tries] = {}
_tries_lock = threading.Lock()


def pin_wait(event_id: int) -> float:
    """Seconds until the next PIN may be tried at this desk (0: now)."""
    with _tries_lock:
        tries = _tries.get(event_id)
        return max(0.0, tries.next_at - time.monotonic()) if tries else 0.0


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
    """Whether ``pin`` is the event's PIN. Raises PinLocked while wrong tries before it
    make this one wait (nothing is checked then, the try does not count)."""
    wait = pin_wait(event_id)
    if wait > 0:
        raise PinLocked(seconds=max(1, round(wait)))
    stored = require(session, Event, event_id).door_pin_hash
    if not stored:
        return False
    try:
        right = _HASHER.verify(stored, pin or "")
    except (VerificationError, InvalidHashError):
        right = False
    with _tries_lock:
        tries = _tries.setdefault(event_id, _Tries())
        if right:
            tries.wrong, tries.next_at = 0, 0.0
        else:
            tries.wrong += 1
            if tries.wrong >= FREE_TRIES:
                wait = min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** (tries.wrong - FREE_TRIES))
                tries.next_at = time.monotonic() + wait
    return right


def forget_tries() -> None:
    """A fresh count (for tests)."""
    with _tries_lock:
        _tries.clear()
