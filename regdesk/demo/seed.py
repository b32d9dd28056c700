"""Seeding a demo event: scenario programme plus N generated participants, in one transaction."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from ..badge_codes import new_secret, unique_short_codes
from ..db import Database
from ..errors import Cancelled
from ..models import (
    Consent,
    ConsentKind,
    GroupMember,
    Participant,
    ParticipantGroup,
    ParticipantStatus,
    Preference,
    ProgrammeItem,
    ProgrammeSlot,
    RegistrationSource,
    Salutation,
    SearchToken,
    utcnow,
)
from ..services.audit import record
from ..services.events import DEFAULT_CATEGORIES, CategoryDraft, EventInput, create_event
from ..services.groups import group_key
from ..services.participants import derived_keys, token_rows
from ..text import transliterate
from . import names
from .scenarios import SCENARIOS, Scenario

Progress = Callable[[int, int], None]
CHUNK = 2000


@dataclass(frozen=True)
class DemoResult:
    event_id: int
    scenario: str
    participants: int
    slots: int
    items: int
    seconds: float


def seed_demo(
    db: Database,
    scenario_key: str,
    *,
    participants: int = 300,
    seed: int | None = None,
    actor: str = "demo",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoResult:
    """Create the scenario's event with programme and ``participants`` generated people.

    Runs in one transaction: a cancel (``cancelled()`` returns True) or an error leaves the
    database as it was.
    """
    scenario = SCENARIOS[scenario_key]
    started = time.perf_counter()
    rng = random.Random(seed)
    with db.session() as session:
        categories = list(DEFAULT_CATEGORIES) + [
            CategoryDraft(name, label, colour) for name, label, colour in scenario.extra_categories
        ]
        event = create_event(session, _event_input(scenario), actor=actor, categories=categories)
        days = [d.id for d in event.days]
        n_slots = n_items = 0
        choice_rounds: list[list[ProgrammeItem]] = []
        for slot_def in scenario.slots:
            slot = ProgrammeSlot(
                event_id=event.id,
                day_id=days[slot_def.day],
                starts_at=slot_def.start,
                ends_at=slot_def.end,
                label=slot_def.label,
            )
            session.add(slot)
            session.flush()
            n_slots += 1
            rows = [
                ProgrammeItem(
                    slot_id=slot.id,
                    kind=item.kind.value,
                    code=item.code,
                    title=item.title,
                    host=item.host,
                    room=item.room,
                    capacity=item.capacity,
                )
                for item in slot_def.items
            ]
            session.add_all(rows)
            n_items += len(rows)
            if sum(1 for item in slot_def.items if item.capacity is not None) >= 2:
                choice_rounds.append(rows)
        session.flush()
        wishes = _WishGenerator(seed, choice_rounds)

        category_ids = {c.name: c.id for c in event.categories}
        weights = [scenario.category_weights.get(name, 0.5) for name in category_ids]
        generator = _PeopleGenerator(rng, scenario)
        taken_codes: set[str] = set()
        done = 0
        if progress:
            progress(0, participants)
        while done < participants:
            if cancelled and cancelled():
                raise Cancelled()
            count = min(CHUNK, participants - done)
            codes = unique_short_codes(count, taken_codes)
            chosen = rng.choices(list(category_ids), weights=weights, k=count)
            rows = [
                generator.person(event.id, category_ids[cat], cat, code)
                for cat, code in zip(chosen, codes, strict=True)
            ]
            consents = [row.pop("_consents") for row in rows]
            ids = session.scalars(
                insert(Participant).returning(Participant.id, sort_by_parameter_order=True),
                rows,
            ).all()
            search_rows = [
                token
                for pid, row in zip(ids, rows, strict=True)
                for token in token_rows(event.id, pid, row)
            ]
            session.execute(insert(SearchToken), search_rows)
            consent_rows = [
                {
                    "participant_id": pid,
                    "kind": kind,
                    "granted": granted,
                    "given_via": "Anmeldeformular",
                }
                for pid, decisions in zip(ids, consents, strict=True)
                for kind, granted in decisions
            ]
            if consent_rows:
                session.execute(insert(Consent), consent_rows)
            wish_rows = [
                wish
                for pid, row in zip(ids, rows, strict=True)
                if row["status"] == ParticipantStatus.REGISTERED.value
                for wish in wishes.ranked(pid)
            ]
            if wish_rows:
                session.execute(insert(Preference), wish_rows)
            done += count
            if progress:
                progress(done, participants)
        if "Delegation" in category_ids:  # delegations come as groups, led by their first
            _delegations(session, event.id, category_ids["Delegation"])
        record(
            session,
            actor=actor,
            action="demo.seed",
            entity="event",
            entity_id=event.id,
            event_id=event.id,
            after={"scenario": scenario.key, "participants": participants},
        )
    return DemoResult(
        event.id, scenario.key, participants, n_slots, n_items, time.perf_counter() - started
    )


def _delegations(session, event_id: int, category_id: int) -> None:
    """The people of the category "Delegation" grouped by their organisation
    ("Delegation Stadt Ulm"), the first registered of each leading it; with search words."""
    people = session.execute(
        select(Participant.id, Participant.organisation, Participant.first_name,
               Participant.last_name, Participant.email, Participant.short_code)
        .where(Participant.category_id == category_id, Participant.organisation != "",
               Participant.status == ParticipantStatus.REGISTERED.value)
        .order_by(Participant.id)
    ).all()  # fmt: skip
    by_org: dict[str, list] = {}
    for person in people:
        by_org.setdefault(person.organisation, []).append(person)
    groups = {org: members for org, members in by_org.items() if len(members) >= 2}
    if not groups:
        return
    now = utcnow()
    for org, members in groups.items():
        name = f"Delegation {org}"[:200]
        group_id = session.scalar(
            insert(ParticipantGroup)
            .values(event_id=event_id, name=name, name_key=group_key(name), created_at=now)
            .returning(ParticipantGroup.id)
        )
        session.execute(
            insert(GroupMember),
            [
                {"group_id": group_id, "participant_id": m.id, "is_lead": i == 0}
                for i, m in enumerate(members)
            ],
        )
        ids = [m.id for m in members]
        session.execute(delete(SearchToken).where(SearchToken.participant_id.in_(ids)))
        session.execute(
            insert(SearchToken),
            [
                token
                for m in members
                for token in token_rows(event_id, m.id, {**m._asdict(), "group": name})
            ],
        )


def _event_input(s: Scenario) -> EventInput:
    return EventInput(
        name=s.name,
        subtitle=s.subtitle,
        venue_name=s.venue_name,
        venue_address=s.venue_address,
        first_day=s.first_day,
        last_day=s.last_day,
        organiser=s.organiser,
        contact=s.contact,
    )


class _WishGenerator:
    """Ranked wishes for three in four people, with a few popular workshops, so the demo
    has something to allocate. Rounds of parallel workshops that share codes (a workshop
    held twice) are ranked together over their offerings; other rounds get three choices
    each. Its own random stream: the people generated stay the same either way."""

    SHARE = 0.75
    CHOICES = 3

    def __init__(self, seed: int | None, rounds: list[list[ProgrammeItem]]) -> None:
        self.rng = random.Random(None if seed is None else f"wishes-{seed}")
        self.groups: list[tuple[list[int], list[float]]] = []
        for cluster in _clusters(rounds):
            first_session: dict[str, int] = {}
            for item in cluster:
                first_session.setdefault(item.code or f"#{item.id}", item.id)
            weights = [1 / (k + 1) for k in range(len(first_session))]
            self.rng.shuffle(weights)
            self.groups.append((list(first_session.values()), weights))

    def ranked(self, participant_id: int) -> list[dict]:
        if not self.groups or self.rng.random() >= self.SHARE:
            return []
        rows = []
        for items, weights in self.groups:
            pool = list(zip(items, weights, strict=True))
            for rank in range(1, min(self.CHOICES, len(pool)) + 1):
                pick = self.rng.random() * sum(w for _, w in pool)
                for index, (item_id, weight) in enumerate(pool):
                    pick -= weight
                    if pick <= 0 or index == len(pool) - 1:
                        rows.append(
                            {"participant_id": participant_id, "item_id": item_id, "rank": rank}
                        )
                        del pool[index]
                        break
        return rows


def _clusters(rounds: list[list[ProgrammeItem]]) -> list[list[ProgrammeItem]]:
    """Rounds joined when they share an item code."""
    clusters: list[list[ProgrammeItem]] = []
    for items in rounds:
        codes = {i.code for i in items if i.code}
        joined = [c for c in clusters if codes & {i.code for i in c if i.code}]
        merged = [i for c in joined for i in c] + items
        clusters = [c for c in clusters if c not in joined] + [merged]
    return clusters


class _PeopleGenerator:
    def __init__(self, rng: random.Random, scenario: Scenario) -> None:
        self.rng = rng
        self.municipalities = names.MUNICIPALITIES[scenario.region]
        self.emails: set[str] = set()
        self.now = utcnow()

    def person(self, event_id: int, category_id: int, category: str, short_code: str) -> dict:
        rng = self.rng
        if rng.random() < 0.78:
            first, last = rng.choice(names.GERMAN_FIRST), rng.choice(names.GERMAN_LAST)
        else:
            firsts, lasts = rng.choice(names.INTERNATIONAL)
            first, last = rng.choice(firsts), rng.choice(lasts)
        if category == "Presse":
            organisation = rng.choice(names.PRESS_ORGANISATIONS)
        elif rng.random() < 0.65:
            organisation = rng.choice(self.municipalities)
        else:
            organisation = rng.choice(names.OTHER_ORGANISATIONS)
        needs_dietary = rng.choice(names.DIETARY) if rng.random() < 0.09 else ""
        needs_access = rng.choice(names.ACCESSIBILITY) if rng.random() < 0.025 else ""
        cancelled = rng.random() < 0.03
        consents = [
            (ConsentKind.PHOTO.value, rng.random() < 0.88),
            (ConsentKind.LISTING.value, rng.random() < 0.6),
            (ConsentKind.BADGE_ORGANISATION.value, rng.random() < 0.96),
        ]
        if needs_dietary or needs_access:
            consents.append((ConsentKind.HEALTH_DATA.value, True))
        email = self._email(first, last, organisation)
        return {
            **derived_keys(first, last, organisation, email),
            "event_id": event_id,
            "salutation": (
                Salutation.NONE
                if rng.random() < 0.08
                else Salutation.FRAU
                if first in names.FEMALE
                else Salutation.HERR
            ).value,
            "title": rng.choice(names.TITLES),
            "first_name": first,
            "last_name": last,
            "organisation": organisation,
            "position": rng.choice(names.POSITIONS),
            "email": email,
            "phone": f"+49 {rng.randint(30, 9999)} {rng.randint(100000, 9999999)}",
            "category_id": category_id,
            "status": (
                ParticipantStatus.CANCELLED if cancelled else ParticipantStatus.REGISTERED
            ).value,
            "cancel_reason": "Terminkollision" if cancelled else "",
            "cancelled_at": self.now if cancelled else None,
            "source": RegistrationSource.DEMO.value,
            "badge_secret": new_secret(),
            "short_code": short_code,
            "needs_dietary": needs_dietary,
            "needs_accessibility": needs_access,
            "is_vip": category == "VIP",
            "notes": "",
            "created_at": self.now,
            "updated_at": self.now,
            "_consents": consents,
        }

    def _email(self, first: str, last: str, organisation: str) -> str:
        local = re.sub(r"[^a-z0-9]+", ".", transliterate(f"{first} {last}").lower()).strip(".")
        domain = re.sub(r"[^a-z0-9]+", "-", transliterate(organisation).lower()).strip("-")
        domain = "-".join(domain.split("-")[:3]) + ".example"
        email = f"{local}@{domain}"
        n = 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.emails.add(email)
        return email
