"""One row of an imported table into a participant ready to insert, or the problems
that keep it out: names (also split from one "full name" cell), salutation, category,
consents, status, days, programme places and wishes, checked by the same rules as the
participant form. What the rows need of the event is read once (``load_context``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Problem
from ..i18n import Translate, untranslated
from ..models import Category, Event, EventDay, GroupMember, Participant, ParticipantGroup
from ..search_keys import fold
from ..services.groups import group_key, group_problems
from ..services.participants import ParticipantInput, check_input, derived_keys
from ..services.preferences import (
    ItemTime,
    check_wishes,
    item_names,
    match_items,
    parse_wish_cells,
    programme_items,
)
from ..services.preferences import split_items as split_list
from ..text import clean, format_date, parse_date
from . import fields as F
from .form_consent import FormConsent
from .mapping import ColumnMapping
from .reader import MOJIBAKE, SourceRow, SourceTable

# A letter the exporting program could not write in its code page comes out as "?"
# (Windows-1252 and Latin-1 have no ł, ş, ı, ą, ő ...): "?ukasz ?ó??", "D?browski",
# "Y?lmaz"; a decoder that gave up leaves U+FFFD. A "?" touching a letter stands for one.
# In a person's name any "?" touching a letter is one; in an organisation's a "?" may end
# a question ("Warum nicht? e.V."), so there only one inside or at the start of a word.
LOST_LETTERS = "lost_letters"
NAME_FIELDS = ("title", "first_name", "last_name", "full_name", "organisation", "position")
_LOST_IN_NAME = re.compile(r"\ufffd|(?<=\w)\?|\?(?=\w)")
_LOST_IN_TEXT = re.compile(r"\ufffd|(?<=\w)\?+(?=\w)|(?<!\w)\?+(?=\w)")


def lost_letters(value: str, *, name: bool = True) -> bool:
    pattern = _LOST_IN_NAME if name else _LOST_IN_TEXT
    return bool(value) and pattern.search(value) is not None


# fields of check_input's problems -> the import field whose column they concern
_PROBLEM_FIELD = {"category_id": "category", "consents": "consent_health_data"}


@dataclass(frozen=True)
class RowIssue:
    line: int
    column: str  # the file's header; "" for the row as a whole
    problem: Problem
    warning: bool = False  # reported, but the row still goes in

    def message(self, translate: Translate = untranslated) -> str:
        return self.problem.message(translate)


@dataclass(frozen=True)
class Candidate:
    """A row without problems, ready to insert."""

    line: int
    values: dict  # the participant's columns, cleaned and checked
    keys: dict  # the folded keys for duplicates and order (participants.derived_keys)
    status: str
    cancel_reason: str
    consents: dict[str, bool]
    day_ids: tuple[int, ...] = ()
    programme: tuple[int, ...] = ()
    waitlist: tuple[int, ...] = ()
    identity: tuple[str, str] = ("", "")  # (badge code, participant id) as the file says
    wishes: tuple[tuple[int, int], ...] = ()
    group: str = ""  # the group (delegation) the person comes with
    group_lead: bool = False
    registered_at: datetime | None = None  # the form's time stamp (UTC), if the file has one
    from_form: frozenset[str] = frozenset()  # consents given by the file's form statement


@dataclass
class EventContext:
    """What the plan needs of the event, read once."""

    event_id: int
    categories: dict[str, int]  # folded name or badge label -> id
    category_names: str
    default_category: int | None
    category_ids: list[int]
    days: list[tuple[int, date]]
    items: dict[int, ItemTime]
    item_names: dict[str, int]
    by_email: dict[str, tuple[int, str]] = field(default_factory=dict)
    by_name: dict[str, tuple[int, str]] = field(default_factory=dict)
    # the groups that have a lead already: folded name -> who leads it (updated as the file
    # is read, so a second lead for one group is refused)
    group_leads: dict[str, str] = field(default_factory=dict)
    timezone: str = "Europe/Berlin"  # the event's: a time stamp without offset is local
    form_consent: FormConsent | None = None  # consents the form collected, for every row


def load_context(session: Session, event_id: int) -> EventContext:
    categories = session.execute(
        select(Category.id, Category.name, Category.badge_label, Category.is_default)
        .where(Category.event_id == event_id)
        .order_by(Category.is_default.desc(), Category.sort_order)
    ).all()
    lookup: dict[str, int] = {}
    for c in categories:
        lookup.setdefault(fold(c.name), c.id)
    for c in categories:
        lookup.setdefault(fold(c.badge_label), c.id)
    items = programme_items(session, event_id)
    context = EventContext(
        event_id=event_id,
        categories=lookup,
        category_names=", ".join(c.name for c in categories),
        default_category=categories[0].id if categories else None,
        category_ids=[c.id for c in categories],
        days=[
            (d.id, d.date)
            for d in session.execute(
                select(EventDay.id, EventDay.date)
                .where(EventDay.event_id == event_id)
                .order_by(EventDay.date)
            )
        ],
        items={i.id: i for i in items},
        item_names=item_names(items),
        timezone=session.scalar(select(Event.timezone).where(Event.id == event_id))
        or "Europe/Berlin",
    )
    for p in session.execute(
        select(
            Participant.id,
            Participant.email_key,
            Participant.dup_key,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
        ).where(Participant.event_id == event_id)
    ):
        who = (p.id, describe(p.first_name, p.last_name, p.organisation))
        if p.email_key:
            context.by_email.setdefault(p.email_key, who)
        context.by_name.setdefault(p.dup_key, who)
    for key, first, last, organisation in session.execute(
        select(
            ParticipantGroup.name_key,
            Participant.first_name,
            Participant.last_name,
            Participant.organisation,
        )
        .join(GroupMember, GroupMember.group_id == ParticipantGroup.id)
        .join(Participant, Participant.id == GroupMember.participant_id)
        .where(ParticipantGroup.event_id == event_id, GroupMember.is_lead.is_(True))
    ):
        context.group_leads[key] = describe(first, last, organisation)
    return context


def describe(first: str, last: str, organisation: str) -> str:
    return f"{first} {last}" + (f" ({organisation})" if organisation else "")


class RowReader:
    """One row of the file into a Candidate, or the problems that keep it out."""

    def __init__(self, table: SourceTable, mapping: ColumnMapping, context: EventContext) -> None:
        self.table, self.mapping, self.context = table, mapping, context
        self.columns = {
            f: mapping.columns_of(f) for f in set(mapping.fields) if f and not f.startswith("wish")
        }
        self.wish_columns = mapping.wish_columns()

    def header(self, field_name: str) -> str:
        if field_name == "wishes":
            columns = [column for _, column in self.wish_columns]
        elif field_name.startswith("wish") and field_name[4:].isdigit():
            columns = self.mapping.columns_of(F.wish_field(int(field_name[4:])))
        else:
            columns = self.mapping.columns_of(field_name)
        if not columns and field_name in ("first_name", "last_name", "title"):
            columns = self.mapping.columns_of("full_name")
        return ", ".join(self.mapping.headers[i] for i in columns)

    def cell(self, row: SourceRow, field_name: str, sep: str = " ") -> str:
        value_of = self.mapping.value_of
        parts = [value_of(i, row.cells[i]) for i in self.columns.get(field_name, ())]
        return sep.join(p for p in parts if p.strip())

    def read(self, row: SourceRow) -> tuple[Candidate | None, list[RowIssue]]:
        problems: list[Problem] = []
        warnings: list[Problem] = []
        if row.extra:
            code = "too_many_fields" if self.table.kind == "csv" else "values_without_header"
            problems.append(Problem("", code, (("count", row.extra),)))
        if row.swallowed:
            problems.append(Problem("", "unclosed_quote"))
        garbled = next((c for c in row.cells if MOJIBAKE.search(c)), None)
        if garbled is not None:
            warnings.append(Problem("", "garbled_text", (("value", garbled[:40]),)))
        for name in NAME_FIELDS:
            value = self.cell(row, name)
            if lost_letters(value, name=name not in ("organisation", "position")):
                warnings.append(Problem(name, LOST_LETTERS, (("value", value[:60]),)))
        cell = self.cell
        title, first, last = cell(row, "title"), cell(row, "first_name"), cell(row, "last_name")
        full = cell(row, "full_name")
        if full and not (first or last):
            split = F.split_name(full)
            if split is None:
                problems.append(Problem("full_name", "unsplittable_name", (("value", full),)))
            else:
                title = title or split[0]
                first, last = split[1], split[2]
        salutation = F.salutation(cell(row, "salutation"))
        if salutation is None:
            problems.append(_choice("salutation", cell(row, "salutation"), "Frau, Herr, –"))
        consents = {}
        for name, kind in F.CONSENT_FIELDS.items():
            answer = self.yes_no(row, name, problems)
            if answer is not None:
                consents[kind] = answer
        from_form: frozenset[str] = frozenset()
        if self.context.form_consent is not None:  # what the form asked, unless answered here
            from_form = frozenset(k for k in self.context.form_consent.kinds if k not in consents)
            consents.update(dict.fromkeys(from_form, True))
        status = F.status(cell(row, "status"))
        if status is None:
            problems.append(_choice("status", cell(row, "status"), "angemeldet, abgesagt"))
        stamp, stamp_text = None, cell(row, "registered_at")
        try:
            stamp = F.registered_at(stamp_text, self.context.timezone)
        except ValueError:
            problems.append(Problem("registered_at", "invalid_timestamp", (("value", stamp_text),)))
        category_id = self.category(cell(row, "category"), problems)
        data = ParticipantInput(
            first_name=first,
            last_name=last,
            category_id=category_id,
            salutation=salutation or "",
            title=title,
            organisation=cell(row, "organisation"),
            position=cell(row, "position"),
            email=cell(row, "email"),
            phone=cell(row, "phone"),
            is_vip=bool(self.yes_no(row, "is_vip", problems)),
            notes=cell(row, "notes", "\n"),
            needs_dietary=cell(row, "needs_dietary"),
            needs_accessibility=cell(row, "needs_accessibility"),
            needs_interpreter=cell(row, "needs_interpreter"),
            consents=consents,
        )
        values, field_problems = check_input(
            data, self.context.category_ids, self.context.default_category
        )
        problems += field_problems
        group = clean(cell(row, "group"))
        lead = bool(self.yes_no(row, "group_lead", problems))
        problems += group_problems(group, lead)
        day_ids = self.days(cell(row, "days", ","), problems)
        places = self.items(row, "programme", problems)
        waiting = self.items(row, "waitlist", problems)
        self.clashes(places, problems)
        wish_cells = [""] * (self.wish_columns[-1][0] if self.wish_columns else 0)
        for rank, column in self.wish_columns:
            wish_cells[rank - 1] = self.mapping.value_of(column, row.cells[column])
        wishes, wish_problems = parse_wish_cells(self.context.item_names, wish_cells)
        problems += wish_problems
        if not wish_problems:
            problems += check_wishes(self.context.items, wishes)
        key = group_key(group)
        if lead and key in self.context.group_leads:
            problems.append(
                Problem(
                    "group_lead",
                    "group_has_lead",
                    (("group", group), ("lead", self.context.group_leads[key])),
                )
            )
        issues = [self.issue(row.line, p) for p in problems]
        issues += [self.issue(row.line, p, warning=True) for p in warnings]
        if problems:
            return None, issues
        if lead:
            self.context.group_leads[key] = describe(first, last, cell(row, "organisation"))
        return (
            Candidate(
                line=row.line,
                values=values,
                keys=derived_keys(
                    values["first_name"],
                    values["last_name"],
                    values["organisation"],
                    values["email"],
                ),
                status=status,
                cancel_reason=clean(cell(row, "cancel_reason"))[:500],
                consents=consents,
                day_ids=day_ids,
                programme=places,
                waitlist=waiting,
                identity=(clean(cell(row, "badge_code")), clean(cell(row, "participant_id"))),
                wishes=tuple(wishes),
                group=group,
                group_lead=lead,
                registered_at=stamp,
                from_form=from_form,
            ),
            issues,
        )

    def issue(self, line: int, problem: Problem, warning: bool = False) -> RowIssue:
        field_name = _PROBLEM_FIELD.get(problem.field, problem.field)
        return RowIssue(line, self.header(field_name) if field_name else "", problem, warning)

    def yes_no(self, row: SourceRow, name: str, problems: list[Problem]) -> bool | None:
        text = self.cell(row, name)
        try:
            return F.yes_no(text)
        except ValueError:
            problems.append(Problem(name, "not_yes_no", (("value", text),)))
            return None

    def category(self, text: str, problems: list[Problem]) -> int | None:
        if not clean(text):
            return None
        found = self.context.categories.get(fold(text))
        if found is None:
            problems.append(
                Problem(
                    "category",
                    "unknown_category_name",
                    (("value", clean(text)), ("choices", self.context.category_names)),
                )
            )
        return found

    def days(self, text: str, problems: list[Problem]) -> tuple[int, ...]:
        """Days as dates (16.06.2025, 2025-06-16, 16.06.) or numbers (1, Tag 2); empty or
        "alle": every day."""
        days = self.context.days
        chosen: list[int] = []
        for part in split_list(text):
            word = fold(part)
            if word in ("alle", "all", "alle tage", "all days"):
                return ()
            number = word.removeprefix("tag ").removeprefix("day ").strip()
            day_id = None
            if number.isdigit() and 1 <= int(number) <= len(days) and len(number) <= 2:
                day_id = days[int(number) - 1][0]
            else:
                day_id = next((d for d, when in days if same_day(part, when)), None)
            if day_id is None:
                problems.append(
                    Problem(
                        "days",
                        "unknown_day_value",
                        (("value", part), ("choices", ", ".join(format_date(d) for _, d in days))),
                    )
                )
            elif day_id not in chosen:
                chosen.append(day_id)
        if len(chosen) == len(days):
            return ()  # every day: no rows, as for anybody registered for the whole event
        return tuple(chosen)

    def items(self, row: SourceRow, name: str, problems: list[Problem]) -> tuple[int, ...]:
        found, unknown = match_items(self.context.item_names, self.cell(row, name, "\n"))
        problems += [Problem(name, "unknown_item", (("value", n),)) for n in unknown]
        return tuple(found)

    def clashes(self, places: tuple[int, ...], problems: list[Problem]) -> None:
        items = [self.context.items[i] for i in places]
        for index, item in enumerate(items):
            for other in items[:index]:
                if item.overlaps(other):
                    problems.append(
                        Problem(
                            "programme",
                            "same_time",
                            (("value", other.title), ("other", item.title)),
                        )
                    )


def _choice(name: str, value: str, choices: str) -> Problem:
    return Problem(name, "unknown_choice", (("value", clean(value)), ("choices", choices)))


def same_day(text: str, day: date) -> bool:
    text = clean(text)
    try:
        return parse_date(text) == day
    except ValueError:
        pass
    try:  # "16.06." without the year
        return parse_date(f"{text.rstrip('.')}.{day.year}") == day
    except ValueError:
        return False
