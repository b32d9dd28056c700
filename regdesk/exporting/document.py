"""A list as the writers see it: sheets of typed rows with a heading and a foot note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# Column kinds: what a cell holds, so that each format writes it properly (a date cell
# in XLSX, TT.MM.JJJJ in CSV ...). Values may be None (an empty cell).
TEXT, INT, DATE, DATETIME, BOOL = "text", "int", "date", "datetime", "bool"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = TEXT
    width: float = 14  # in characters (XLSX); the PDF shares the page in proportion
    in_pdf: bool = True  # a wide list shows fewer columns on paper


@dataclass(frozen=True)
class Sheet:
    title: str  # "16.06.2025", "W1 – Bodenpolitik"; the XLSX sheet's name
    columns: tuple[Column, ...]
    rows: Sequence[tuple]
    heading: tuple[str, ...] = ()  # lines above the table on paper: event, date, place ...
    note: str = ""  # at the foot of every page (the data-protection note)
    empty: str = ""  # said on paper when there are no rows
    list_title: str = ""  # this sheet's own list name ("Exkursionsliste"), else the document's


@dataclass(frozen=True)
class ListDocument:
    kind: str  # "participants", "signin" ...
    title: str  # "Teilnehmerliste"
    sheets: tuple[Sheet, ...]
    event_name: str = ""
    organiser: str = ""
    language: str = "de"
    signature: bool = False  # tall rows with a box to sign in
    created: str = ""  # "30.11.2026 14:05", printed at the foot
    filters: tuple[str, ...] = field(default=())  # what the list was narrowed to, in words

    @property
    def rows(self) -> int:
        return sum(len(s.rows) for s in self.sheets)
