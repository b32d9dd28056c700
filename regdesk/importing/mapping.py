"""Which column of the file goes into which field: suggested from the headers, changed by
hand, saved as a small JSON file and used again for the next file of the same form.

A column's values can be mapped too, before its field reads them: "ja" in a column
"Exkursion" becomes the item code "EX" (a place in it), "Referent" in "Teilnahme als"
becomes the category "Referent/in", "x" in "Tag 1" becomes that day's date. Values are
compared folded ("Ja", "JA ", "ja" are one); an empty key stands for an empty cell.

Saved form (headers compared without case and punctuation; other headers of a later file
get suggestions)::

    {"regdesk_mapping": 1, "columns": {"Vorname": "first_name", "Wunsch 1": "wish:1",
     "Exkursion": "programme", "Interne Nr.": ""},
     "values": {"Exkursion": {"ja": "EX", "x": "EX", "nein": ""}}}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from ..errors import MappingFileInvalid, Problem
from ..errors import ValidationError as Invalid
from . import fields as F

FORMAT_VERSION = 1


def value_key(value: str) -> str:
    """Values compared without case and surrounding blanks ("Ja ", "JA" and "ja" are one;
    symbols such as ✓ stay themselves)."""
    return " ".join((value or "").casefold().split())


@dataclass(frozen=True)
class ColumnMapping:
    headers: tuple[str, ...]
    fields: tuple[str, ...]  # one per header; "" leaves the column out
    values: dict[int, dict[str, str]] = dataclass_field(default_factory=dict)  # column -> map

    @classmethod
    def suggested(cls, headers: Sequence[str]) -> ColumnMapping:
        return cls(tuple(headers), tuple(F.suggest(list(headers))))

    def with_field(self, column: int, field: str) -> ColumnMapping:
        fields = list(self.fields)
        fields[column] = field
        return ColumnMapping(self.headers, tuple(fields), self.values)

    def with_values(self, column: int, table: dict[str, str] | None) -> ColumnMapping:
        """The column's values read as ``table`` says (folded value -> text); None: as
        they are."""
        values = {c: t for c, t in self.values.items() if c != column}
        if table:
            values[column] = {value_key(k): v for k, v in table.items()}
        return ColumnMapping(self.headers, self.fields, values)

    def value_of(self, column: int, cell: str) -> str:
        table = self.values.get(column)
        if table is None:
            return cell
        return table.get(value_key(cell), cell)

    def columns_of(self, field: str) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f == field]

    def wish_columns(self) -> list[tuple[int, int]]:
        """(rank, column) of the wish columns, by rank."""
        return sorted(
            (rank, i) for i, f in enumerate(self.fields) if (rank := F.wish_rank(f)) is not None
        )

    def problems(self) -> list[Problem]:
        """What keeps this mapping from being used: no names, a field given twice."""
        found: list[Problem] = []
        used = set(self.fields)
        if not ({"first_name", "last_name"} <= used or "full_name" in used):
            found.append(Problem("mapping", "no_name_column"))
        for field in sorted(used - {F.IGNORE} - F.REPEATABLE):
            columns = self.columns_of(field)
            if len(columns) > 1:
                names = ", ".join(f'"{self.headers[i]}"' for i in columns)
                found.append(
                    Problem("mapping", "mapped_twice", (("value", field), ("columns", names)))
                )
        return found

    def check(self) -> None:
        problems = self.problems()
        if problems:
            raise Invalid(problems)

    def overridden(self, assignments: Sequence[str]) -> ColumnMapping:
        """Apply "Header=field" assignments (the command line's --map)."""
        mapping = self
        problems = []
        for assignment in assignments:
            header, sep, name = assignment.partition("=")
            column = self._column(header) if sep else None
            field = F.field_for_name(name) if sep else None
            if column is None:
                problems.append(
                    Problem(
                        "mapping",
                        "unknown_column",
                        (("value", header.strip()), ("choices", ", ".join(self.headers))),
                    )
                )
            elif field is None:
                problems.append(
                    Problem(
                        "mapping",
                        "unknown_field",
                        (("value", name.strip()), ("choices", ", ".join(field_choices()))),
                    )
                )
            else:
                mapping = mapping.with_field(column, field)
        if problems:
            raise Invalid(problems)
        return mapping

    def with_value_assignments(self, assignments: Sequence[str]) -> ColumnMapping:
        """Apply "Header=value:becomes,value:becomes" (the command line's --values)."""
        mapping = self
        for assignment in assignments:
            header, sep, pairs = assignment.partition("=")
            column = self._column(header) if sep else None
            if column is None:
                raise Invalid([Problem("mapping", "unknown_column", (
                    ("value", header.strip()), ("choices", ", ".join(self.headers))))])  # fmt: skip
            table = dict(mapping.values.get(column, {}))
            for pair in pairs.split(","):
                value, colon, becomes = pair.partition(":")
                if not colon:
                    raise Invalid([Problem("mapping", "bad_value_assignment",
                                           (("value", pair.strip()),))])  # fmt: skip
                table[value_key(value)] = becomes.strip()
            mapping = mapping.with_values(column, table)
        return mapping

    def _column(self, header: str) -> int | None:
        wanted = F.header_key(header)
        return next((i for i, h in enumerate(self.headers) if F.header_key(h) == wanted), None)

    # --- saved mappings ---------------------------------------------------------------------

    def to_json(self) -> str:
        columns = dict(zip(self.headers, self.fields, strict=True))
        data = {"regdesk_mapping": FORMAT_VERSION, "columns": columns}
        if self.values:
            data["values"] = {self.headers[c]: t for c, t in sorted(self.values.items())}
        return json.dumps(data, ensure_ascii=False, indent=2)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    def reused(
        self, saved: dict[str, str], values: dict[str, dict[str, str]] | None = None
    ) -> ColumnMapping:
        """This file's headers with a saved assignment (and value tables) where one names
        the same header."""
        by_key = {F.header_key(header): field for header, field in saved.items()}
        tables = {F.header_key(header): t for header, t in (values or {}).items()}
        keys = [F.header_key(h) for h in self.headers]
        return ColumnMapping(
            self.headers,
            tuple(by_key.get(k, f) for k, f in zip(keys, self.fields, strict=True)),
            {
                **{c: t for c, t in self.values.items() if keys[c] not in by_key},
                **{c: {value_key(v): b for v, b in tables[k].items()}
                   for c, k in enumerate(keys) if k in tables},
            },
        )  # fmt: skip

    def saved_form(self) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        """(header -> field, header -> value table): what ``reused`` takes."""
        return (
            dict(zip(self.headers, self.fields, strict=True)),
            {self.headers[c]: t for c, t in self.values.items()},
        )


def field_choices() -> list[str]:
    return [f.key for f in F.FIELDS] + ["wish:1", "wish:2", "…"]


def load_saved(path: str | Path) -> dict[str, str]:
    """A saved mapping: header -> field. Raises MappingFileInvalid with the reason."""
    return load_saved_mapping(path)[0]


def load_saved_mapping(path: str | Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """A saved mapping: (header -> field, header -> value table). Raises
    MappingFileInvalid with the reason."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingFileInvalid(name=path.name, reason=exc.strerror or str(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MappingFileInvalid(name=path.name, reason=f"not JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("regdesk_mapping") != FORMAT_VERSION:
        raise MappingFileInvalid(name=path.name, reason="not a regdesk column assignment")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise MappingFileInvalid(name=path.name, reason="'columns' must map headers to fields")
    result = {}
    for header, name in columns.items():
        field = F.field_for_name(name)
        if field is None:
            raise MappingFileInvalid(name=path.name, reason=f"unknown field {name!r}")
        result[header] = field
    values = data.get("values", {})
    if not isinstance(values, dict) or not all(
        isinstance(t, dict) and all(isinstance(k, str) and isinstance(v, str)
                                    for k, v in t.items())
        for t in values.values()
    ):  # fmt: skip
        raise MappingFileInvalid(name=path.name, reason="'values' must map values to text")
    return result, values
