"""Suggested value tables for the columns a form tool writes: a yes/no column named for a
programme item ("Exkursion": ja/x/1/✓) becomes a place in that item, one named for a day
("Tag 1", "16.06.", "Dienstag") that day, and the values of a category column that name a
category loosely ("Referent" for "Referent/in") that category."""

from __future__ import annotations

from collections import Counter

from ..search_keys import fold
from ..text import format_date
from . import fields as F
from .mapping import ColumnMapping, value_key
from .reader import SourceTable
from .rows import EventContext, same_day

YES = F.YES_WORDS
NO = F.NO_WORDS


def distinct_values(table: SourceTable, column: int) -> list[tuple[str, int]]:
    """The column's values with how often each occurs, most frequent first (folded alike
    values counted as one, shown as first seen)."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for row in table.rows:
        cell = row.cells[column] if column < len(row.cells) else ""
        key = value_key(cell)
        counts[key] += 1
        shown.setdefault(key, cell.strip())
    return [(shown[k], n) for k, n in counts.most_common()]


def is_yes_no(values: list[tuple[str, int]]) -> bool:
    keys = {value_key(v) for v, _ in values}
    return bool(keys & YES) and keys <= YES | NO | {""}


def suggest_values(
    table: SourceTable, mapping: ColumnMapping, context: EventContext
) -> ColumnMapping:
    """``mapping`` with fields and value tables suggested where a column's values need one
    and the user has not chosen: unassigned yes/no columns named for an item or a day,
    and category values that name a category loosely."""
    for column, (header, field) in enumerate(zip(mapping.headers, mapping.fields, strict=True)):
        if column in mapping.values:
            continue
        values = distinct_values(table, column)
        if is_yes_no(values):
            target = None
            if field in (F.IGNORE, "programme", "waitlist") or F.wish_rank(field):
                item = _item_for(header, context)  # a place (or wish) in the item it names
                target = (field or "programme", item) if item else None
            if target is None and field in (F.IGNORE, "days"):
                target = _day_for(header, context)
            if target is not None:
                mapping = mapping.with_field(column, target[0])
                mapping = mapping.with_values(column, _yes_no_table(values, target[1]))
        elif field == "category":
            table_ = _category_table(values, context)
            if table_:
                mapping = mapping.with_values(column, table_)
    return mapping


def _yes_no_table(values: list[tuple[str, int]], yes: str) -> dict[str, str]:
    return {v: (yes if value_key(v) in YES else "") for v, _ in values}


def _item_for(header: str, context: EventContext) -> str | None:
    wanted = fold(header)
    if not wanted:
        return None
    found = [
        item
        for item in context.items.values()
        if wanted in (fold(item.code), fold(item.title))
        or fold(item.title).startswith(wanted + " ")
    ]
    codes = {item.code or item.title for item in found}
    if len(codes) != 1:  # none, or ambiguous: the user chooses
        return None
    return codes.pop()


def _day_for(header: str, context: EventContext) -> tuple[str, str] | None:
    word = fold(header)
    number = word.removeprefix("tag ").removeprefix("day ").strip()
    if word != number and number.isdigit() and 1 <= int(number) <= len(context.days):
        return "days", number
    found = [day for _, day in context.days if same_day(header.strip(), day)]
    return ("days", format_date(found[0])) if len(found) == 1 else None


def _category_table(values: list[tuple[str, int]], context: EventContext) -> dict[str, str]:
    """Values that are no category as they stand but begin one ("Referent" ->
    "Referent/in", "Presse-Vertreter" -> "Presse")."""
    names = {fold(name): name for name in context.category_names.split(", ") if name}
    table = {}
    for value, _ in values:
        key = fold(value)
        if not key or key in context.categories:
            continue
        close = [name for folded, name in names.items()
                 if folded.startswith(key) or key.startswith(folded)]  # fmt: skip
        if len(close) == 1:
            table[value] = close[0]
    return table
