"""Retention (Art. 5 (1) e DSGVO): each class of personal data is kept for its purpose
only -- counted in days from the event's last day -- and the event shows when each
will be deleted and how many people still have such data stored.

Built-in periods (an event may set its own): needs right after the event, contact data
and the mails sent 30 days, names and badge codes -- the proof of attendance the funding
body may ask for -- five years."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..errors import Problem, ValidationError
from ..models import DataClass, Event, MailMessage, Participant, RetentionRule
from ..services.audit import record
from ..services.lookup import require

DEFAULT_DAYS = {
    DataClass.NEEDS: 0,
    DataClass.CONTACT: 30,
    DataClass.MAIL: 30,
    DataClass.IDENTITY: 1826,  # five years
}
MAX_DAYS = 15 * 366  # fifteen years: longer than any funding body keeps proof
# what each class holds (participant columns; MAIL: the mail queue's rows)
FIELDS = {
    DataClass.NEEDS: ("needs_dietary", "needs_accessibility", "needs_interpreter"),
    DataClass.CONTACT: ("email", "phone", "position", "notes"),
    DataClass.MAIL: ("to_address", "to_name", "subject", "body"),
    DataClass.IDENTITY: ("salutation", "title", "first_name", "last_name", "organisation",
                         "badge_secret", "short_code"),
}  # fmt: skip


@dataclass(frozen=True)
class RetentionLine:
    data_class: str
    days: int
    is_default: bool
    purge_on: date  # the day it is deleted (the event's last day + days)
    due: bool  # that day has come
    held: int  # people (MAIL: messages) whose data of this class is still stored


def overdue(session: Session, event_id: int, today: date | None = None) -> list[RetentionLine]:
    """The classes whose period is over and whose data is still stored (counted only for
    those: the overview asks on every change)."""
    return [line for line in retention_plan(session, event_id, today, only_due=True) if line.held]


def retention_plan(
    session: Session, event_id: int, today: date | None = None, *, only_due: bool = False
) -> list[RetentionLine]:
    """Each class with its period, the day it is deleted and what is still held;
    ``only_due``: the classes whose day has come."""
    event = require(session, Event, event_id)
    today = today or date.today()
    own = dict(
        session.execute(
            select(RetentionRule.data_class, RetentionRule.days).where(
                RetentionRule.event_id == event_id
            )
        ).all()
    )
    lines = []
    for data_class in DataClass:
        days = own.get(data_class.value, DEFAULT_DAYS[data_class])
        purge_on = event.last_day + timedelta(days=days)
        if only_due and today < purge_on:
            continue
        lines.append(
            RetentionLine(
                data_class.value, days, data_class.value not in own, purge_on,
                today >= purge_on, _held(session, event_id, data_class),
            )
        )  # fmt: skip
    return lines


def _held(session: Session, event_id: int, data_class: DataClass) -> int:
    if data_class == DataClass.MAIL:
        return session.scalar(
            select(func.count()).where(
                MailMessage.event_id == event_id, MailMessage.to_address != ""
            )
        )
    people = select(func.count()).where(Participant.event_id == event_id)
    if data_class != DataClass.IDENTITY:
        columns = [getattr(Participant, name) for name in FIELDS[data_class]]
        people = people.where(or_(*(column != "" for column in columns)))
    return session.scalar(people)


def set_retention(
    session: Session, event_id: int, wanted: dict[str, int | None], *, actor: str
) -> list[RetentionLine]:
    """Set the event's periods: days per class, None for the built-in period. Raises
    ValidationError for an unknown class or a period out of range; nothing changes."""
    require(session, Event, event_id)
    known = {c.value for c in DataClass}
    problems = []
    for name, days in wanted.items():
        if name not in known:
            choices = ", ".join(sorted(known))
            problems.append(
                Problem("data_class", "unknown_choice", (("value", name), ("choices", choices)))
            )
        elif days is not None and (not isinstance(days, int) or not 0 <= days <= MAX_DAYS):
            problems.append(Problem(name, "out_of_range", (("min", 0), ("max", MAX_DAYS))))
    if problems:
        raise ValidationError(problems)
    rules = {
        r.data_class: r
        for r in session.scalars(select(RetentionRule).where(RetentionRule.event_id == event_id))
    }
    before, after = {}, {}
    for name, days in sorted(wanted.items()):
        rule = rules.get(name)
        old = rule.days if rule is not None else None
        if old == days:
            continue
        before[name], after[name] = old, days
        if days is None:
            session.delete(rule)
        elif rule is None:
            session.add(RetentionRule(event_id=event_id, data_class=name, days=days))
        else:
            rule.days = days
    if after:
        session.flush()
        record(session, actor=actor, action="event.retention", entity="event",
               entity_id=event_id, event_id=event_id, before=before, after=after)  # fmt: skip
    return retention_plan(session, event_id)
