"""Enrolling several people in one programme item at once (a delegation, a selection):
one transaction, in the order given -- the first chosen gets the first free place, the
rest go onto the waiting list in that order. Who cannot be enrolled (already on the item,
another item at that time, registration cancelled) is reported and left out; the others
are enrolled all the same."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..errors import AlreadyEnrolled, ParticipantNotRegistered, RegdeskError, TimeClash
from ..models import EnrolmentStatus, Participant, ProgrammeItem
from .programme import EnrolmentResult, enrol, lock_rows


@dataclass(frozen=True)
class Refusal:
    participant_id: int
    error: RegdeskError  # why (its message names the person)


@dataclass(frozen=True)
class ManyEnrolled:
    enrolled: tuple[EnrolmentResult, ...]
    waitlisted: tuple[EnrolmentResult, ...]
    refused: tuple[Refusal, ...]


def enrol_many(
    session: Session, item_id: int, participant_ids: list[int], *, actor: str
) -> ManyEnrolled:
    """Enrol each of ``participant_ids`` (duplicates once) in the item, or put them on
    its waiting list when it is full; each enrolment audited as a single one would be."""
    ordered = list(dict.fromkeys(participant_ids))
    # every row this takes, locked first, people then the item, in one order -- the same
    # order a single enrolment takes them in, so neither can deadlock the other
    lock_rows(session, Participant, sorted(ordered))
    lock_rows(session, ProgrammeItem, [item_id])
    results: list[EnrolmentResult] = []
    refused: list[Refusal] = []
    for pid in ordered:
        try:
            with session.begin_nested():
                results.append(enrol(session, item_id, pid, actor=actor))
        except (AlreadyEnrolled, TimeClash, ParticipantNotRegistered) as exc:
            refused.append(Refusal(pid, exc))
    return ManyEnrolled(
        tuple(r for r in results if r.status == EnrolmentStatus.ENROLLED.value),
        tuple(r for r in results if r.status == EnrolmentStatus.WAITLISTED.value),
        tuple(refused),
    )
