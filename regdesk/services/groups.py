"""Groups (delegations, school classes): who comes together and who leads them.

A group is named per event and found by its folded name ("Stadt Esslingen" and
"stadt esslingen" are one group); a person belongs to one group at most, a group has one
lead at most. A group exists while it has members. Every change is audited on the person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import Problem
from ..models import GroupMember, Participant, ParticipantGroup, ParticipantStatus
from ..search_keys import fold
from ..text import clean
from .audit import record
from .lookup import require

MAX_NAME = 200


@dataclass(frozen=True)
class GroupSummary:
    id: int
    name: str
    size: int  # members, cancelled ones included
    registered: int  # members whose registration stands
    lead_id: int | None
    lead_name: str


@dataclass(frozen=True)
class GroupMemberInfo:
    participant_id: int
    name: str
    organisation: str
    short_code: str
    status: str
    is_lead: bool


def group_key(name: str) -> str:
    """The key two spellings of one group share (case, accents, blanks)."""
    return fold(clean(name))[:MAX_NAME]


def group_problems(name: str | None, lead: bool) -> list[Problem]:
    """What is wrong with a group given in a form, a file or the CLI (no database)."""
    text = clean(name or "")
    if len(text) > MAX_NAME:
        return [Problem("group", "too_long", (("max", MAX_NAME),))]
    if text and not group_key(text):
        return [Problem("group", "group_name_without_letters", (("value", text),))]
    if lead and not text:
        return [Problem("group_lead", "lead_without_group")]
    return []


def _find_or_create(session: Session, event_id: int, name: str) -> ParticipantGroup:
    key = group_key(name)
    query = select(ParticipantGroup).where(
        ParticipantGroup.event_id == event_id, ParticipantGroup.name_key == key
    )
    group = session.scalar(query)
    if group is not None:
        return group
    try:  # another desk may create the same group at this moment: then take theirs
        with session.begin_nested():
            group = ParticipantGroup(event_id=event_id, name=clean(name), name_key=key)
            session.add(group)
            session.flush()
    except IntegrityError:
        group = session.scalar(query)
        assert group is not None
    return group


def _state(participant: Participant) -> dict:
    m = participant.membership
    return {"group": m.group.name if m else "", "group_lead": bool(m and m.is_lead)}


def _audit(session: Session, participant: Participant, before: dict, *, actor: str) -> None:
    after = _state(participant)
    if after != before:
        record(
            session,
            actor=actor,
            action="participant.group",
            entity="participant",
            entity_id=participant.id,
            event_id=participant.event_id,
            before=before,
            after=after,
        )


def set_group(
    session: Session, participant: Participant, name: str | None, lead: bool, *, actor: str
) -> None:
    """Put the participant into the group ``name`` (made if new), as its lead or not;
    ``""`` takes them out, ``None`` leaves everything as it is. A new lead takes over from
    the old one (both audited). A group left without members goes."""
    if name is None:
        return
    text = clean(name)
    before = _state(participant)
    member = participant.membership
    old_group = member.group if member is not None else None
    if not text:
        if member is not None:
            participant.membership = None
            session.flush()
            _drop_if_empty(session, old_group)
        _audit(session, participant, before, actor=actor)
        return
    group = _find_or_create(session, participant.event_id, text)
    if lead:  # the old lead steps back first: one lead per group (a unique index)
        for other in session.scalars(
            select(GroupMember).where(
                GroupMember.group_id == group.id,
                GroupMember.is_lead.is_(True),
                GroupMember.participant_id != participant.id,
            )
        ):
            other_person = require(session, Participant, other.participant_id)
            other_before = _state(other_person)
            other.is_lead = False
            session.flush()
            _audit(session, other_person, other_before, actor=actor)
    if member is None:
        participant.membership = GroupMember(group_id=group.id, is_lead=lead)
    else:
        member.group_id = group.id
        member.is_lead = lead
    session.flush()
    session.refresh(participant, ["membership"])
    if old_group is not None and old_group.id != group.id:
        _drop_if_empty(session, old_group)
    _audit(session, participant, before, actor=actor)


def _drop_if_empty(session: Session, group: ParticipantGroup | None) -> None:
    if group is None:
        return
    left = session.scalar(
        select(func.count()).select_from(GroupMember).where(GroupMember.group_id == group.id)
    )
    if not left:
        session.delete(group)
        session.flush()


# --- reading --------------------------------------------------------------------------------


def list_groups(
    session: Session, event_id: int, *, group_id: int | None = None
) -> list[GroupSummary]:
    """The event's groups by name (or only ``group_id``), with their size and lead."""
    size = (
        select(func.count())
        .select_from(GroupMember)
        .where(GroupMember.group_id == ParticipantGroup.id)
        .scalar_subquery()
    )
    registered = (
        select(func.count())
        .select_from(GroupMember)
        .join(Participant, GroupMember.participant_id == Participant.id)
        .where(
            GroupMember.group_id == ParticipantGroup.id,
            Participant.status == ParticipantStatus.REGISTERED.value,
        )
        .scalar_subquery()
    )
    lead = (
        select(GroupMember.participant_id)
        .where(GroupMember.group_id == ParticipantGroup.id, GroupMember.is_lead.is_(True))
        .scalar_subquery()
    )
    query = select(ParticipantGroup.id, ParticipantGroup.name, size, registered, lead).where(
        ParticipantGroup.event_id == event_id
    )
    if group_id is not None:
        query = query.where(ParticipantGroup.id == group_id)
    rows = session.execute(query.order_by(ParticipantGroup.name_key)).all()
    names = _names(session, [r[4] for r in rows if r[4] is not None])
    return [GroupSummary(r[0], r[1], r[2], r[3], r[4], names.get(r[4], "")) for r in rows]


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(
        session.execute(
            select(Participant.id, Participant.first_name + " " + Participant.last_name).where(
                Participant.id.in_(ids)
            )
        ).all()
    )


def members(session: Session, group_id: int) -> list[GroupMemberInfo]:
    """The group's members: the lead first, then by name."""
    rows = session.execute(
        select(Participant, GroupMember.is_lead)
        .join(GroupMember, GroupMember.participant_id == Participant.id)
        .where(GroupMember.group_id == group_id)
        .order_by(GroupMember.is_lead.desc(), Participant.name_key, Participant.id)
    ).all()
    return [
        GroupMemberInfo(
            p.id,
            " ".join(x for x in (p.title, p.first_name, p.last_name) if x),
            p.organisation,
            p.short_code,
            p.status,
            bool(is_lead),
        )
        for p, is_lead in rows
    ]


def group_of(session: Session, participant_id: int) -> GroupSummary | None:
    """The group the participant belongs to, if any."""
    group_id = session.scalar(
        select(GroupMember.group_id).where(GroupMember.participant_id == participant_id)
    )
    if group_id is None:
        return None
    event_id = session.scalar(
        select(ParticipantGroup.event_id).where(ParticipantGroup.id == group_id)
    )
    return list_groups(session, event_id, group_id=group_id)[0]


def group_names(session: Session, event_id: int) -> list[str]:
    """The names of the event's groups, for a form's completion."""
    return list(
        session.scalars(
            select(ParticipantGroup.name)
            .where(ParticipantGroup.event_id == event_id)
            .order_by(ParticipantGroup.name_key)
        )
    )
