"""A list as an Excel workbook: one worksheet per sheet of the list, a bold header row
that stays in view, an autofilter, column widths, and typed cells -- dates as dates,
numbers as numbers, text as text (never run as a formula). Written in openpyxl's
write-only mode: memory stays flat for long lists."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .cells import YES_NO, is_risky
from .document import BOOL, DATE, DATETIME, ListDocument

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XML 1.0 has no place for them
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
FORMATS = {DATE: "DD.MM.YYYY", DATETIME: "DD.MM.YYYY HH:MM"}


def write_xlsx(
    document: ListDocument,
    out: BinaryIO,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """``progress(rows written)`` now and then; ``cancelled()`` stops with Cancelled."""
    from ..errors import Cancelled

    book = Workbook(write_only=True)
    book.properties.title = document.title
    book.properties.subject = document.event_name
    book.properties.creator = "regdesk"
    yes, no = YES_NO[document.language]
    names: set[str] = set()
    written = 0
    for sheet in document.sheets:
        ws = book.create_sheet(_sheet_name(sheet.title or document.title, names))
        columns = sheet.columns
        for number, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(number)].width = column.width
        ws.freeze_panes = "A2"
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.title)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(vertical="top")
            header.append(cell)
        ws.append(header)
        kinds = [c.kind for c in columns]
        for row in sheet.rows:
            cells = []
            for kind, value in zip(kinds, row, strict=True):
                if value is None or value == "":
                    cells.append(None)
                elif kind in FORMATS:
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = FORMATS[kind]
                    cells.append(cell)
                elif kind == BOOL:
                    cells.append(yes if value else no)
                elif isinstance(value, str):
                    cells.append(_text(ws, value))
                else:
                    cells.append(value)
            ws.append(cells)
            written += 1
            if written % 500 == 0:
                if cancelled and cancelled():
                    raise Cancelled()
                if progress:
                    progress(written)
    book.save(out)
    if progress:
        progress(written)


def _text(ws, value: str):
    value = _ILLEGAL.sub("", value)
    if not value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    if is_risky(value):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    return cell


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel allows 31 characters without [ ] : * ? / \\, unique within the workbook."""
    base = _SHEET_NAME.sub("-", title).strip("'") or "Liste"
    name, number = base[:31], 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.casefold())
    return name
