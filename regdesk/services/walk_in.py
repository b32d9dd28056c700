"""A walk-in at the entry: registered and admitted in one transaction, so that the guest
standing at the desk is in at once -- no second step, no scan of the badge just printed.
If the admission cannot be logged, the registration is not kept either."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Participant, RegistrationSource
from . import checkin
from . import participants as people


def register_and_admit(
    session: Session,
    event_id: int,
    data: people.ParticipantInput,
    *,
    actor: str,
    desk: str,
    context: checkin.ScanContext,
    allow_duplicate: bool = False,
) -> tuple[people.ParticipantSummary, checkin.ScanResult]:
    """Register ``data`` as a walk-in and scan the new badge at ``context`` (usually the
    entry of today); the verdict is the door's usual one (a guest registered for other
    days only is "wrong day")."""
    person = people.register(
        session,
        event_id,
        data,
        actor=actor,
        source=RegistrationSource.WALK_IN,
        allow_duplicate=allow_duplicate,
    )
    secret = session.scalar(select(Participant.badge_secret).where(Participant.id == person.id))
    result = checkin.scan(session, event_id, secret, desk=desk, context=context)
    return person, result
