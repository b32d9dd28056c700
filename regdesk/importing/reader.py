"""Reading a table of participants from a file as real tools write it.

CSV as German Excel saves it (``;`` or ``,`` separated, detected; Windows-1252 or UTF-8
with or without BOM, detected; Excel's "Unicode text", UTF-16 with tabs; quoted values
with line breaks; a ``sep=;`` first line) and XLSX workbooks (openpyxl, read-only).
A file that is no table at all -- empty, a PDF or picture renamed to .csv, the old
binary .xls -- is refused with a message that says what it is.

Row numbers are those a spreadsheet shows: the header is row 1 (unless title rows come
first), a value with line breaks stays one row.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from ..errors import (
    FileEmpty,
    FileUnreadable,
    ImportTooLarge,
    NoDataRows,
    NotATable,
    NulInFile,
    OldSpreadsheetFormat,
    UnknownSheet,
)
from ..exporting.cells import unneutralise
from ..text import format_date

DELIMITERS = (";", ",", "\t", "|")
SAMPLE_LINES = 50
HEADER_SEARCH = 10  # title rows above the header are skipped within the first rows
# Windows-1252 leaves these bytes undefined: a file holding them is not cp1252 text
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# UTF-8 read as Windows-1252 and saved as UTF-8 again: "MÃ¼ller", "WeiÃŸ", "JosÃ©"
MOJIBAKE = re.compile(r"Ã[\xa0-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[™œ“”˜¦]")
_MAGIC = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"\xd0\xcf\x11\xe0", "xls"),  # OLE2: Excel 97-2003, also old Word files
    (b"PK\x03\x04", "zip"),
)


@dataclass(frozen=True)
class ImportLimits:
    """What one file may hold. Beyond a limit the file is refused within seconds, before
    the database is touched: a file of 50 MB or a workbook that unpacks to gigabytes is a
    mistake or an attack, not a registration list. Each limit can be raised by setting
    ``REGDESK_IMPORT_MAX_MB``, ``_ROWS``, ``_CELLS`` or ``_UNPACKED_MB`` (the command line
    also takes ``--max-mb`` and ``--max-rows``)."""

    file_mb: int = 30
    rows: int = 100_000
    cells_per_row: int = 500
    unpacked_mb: int = 300

    @classmethod
    def from_env(cls, **given: int | None) -> ImportLimits:
        values = {}
        for name, env in (
            ("file_mb", "MB"),
            ("rows", "ROWS"),
            ("cells_per_row", "CELLS"),
            ("unpacked_mb", "UNPACKED_MB"),
        ):
            value = given.get(name)
            if value is None:
                text = os.environ.get(f"REGDESK_IMPORT_MAX_{env}", "")
                value = int(text) if text.strip().isdigit() else None
            if value is not None and value > 0:
                values[name] = value
        return cls(**values)


@dataclass(frozen=True)
class SourceRow:
    line: int  # the row number a spreadsheet shows
    cells: tuple[str, ...]
    extra: int = 0  # non-empty cells beyond the header's columns
    swallowed: bool = False  # an unclosed quotation mark ran on over line ends


@dataclass(frozen=True)
class SourceTable:
    name: str  # the file name, for messages
    kind: str  # "csv" or "xlsx"
    encoding: str  # "utf-8-sig", "utf-8", "cp1252", "utf-16"; "" for XLSX
    delimiter: str  # "" for XLSX
    sheet: str  # the worksheet read; "" for CSV
    sheets: tuple[str, ...]  # all worksheets of the workbook
    header_line: int
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    garbled: int = 0  # rows whose text looks converted to UTF-8 twice

    def column(self, index: int) -> list[str]:
        return [row.cells[index] if index < len(row.cells) else "" for row in self.rows]


def read_table(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    is_header: Callable[[str], bool] | None = None,
    limits: ImportLimits | None = None,
) -> SourceTable:
    """Read ``path`` (CSV or XLSX, told by content, not by name). ``encoding`` and
    ``delimiter`` override the detection for CSV; ``sheet`` picks a worksheet;
    ``is_header`` tells a known column header (to find the header below title rows);
    ``limits`` bound what is read (default: ``ImportLimits.from_env()``).

    Raises FileUnreadable, FileEmpty, ImportTooLarge, NotATable, NulInFile,
    OldSpreadsheetFormat, UnknownSheet or NoDataRows."""
    path = Path(path)
    limits = limits or ImportLimits.from_env()
    name = path.name
    data = _read_bytes(path, limits)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise FileEmpty(name=name)
    kind = next((k for magic, k in _MAGIC if data.startswith(magic)), "text")
    if kind == "zip":
        return _read_xlsx(name, data, sheet, is_header, limits)
    if kind == "xls" or path.suffix.lower() in (".xls", ".ods"):
        raise OldSpreadsheetFormat(name=name)
    if kind == "pdf":
        raise NotATable(name=name, reason="pdf")
    if kind == "image":
        raise NotATable(name=name, reason="image")
    text, used = _decode(name, data, encoding)
    return _read_csv(name, text, used, delimiter, is_header, limits)


def _read_bytes(path: Path, limits: ImportLimits) -> bytes:
    try:
        if path.is_dir():
            raise IsADirectoryError(path)
        size = path.stat().st_size
        if size > limits.file_mb * 1_000_000:
            raise ImportTooLarge(
                name=path.name, what="size", limit=limits.file_mb, found=round(size / 1e6)
            )
        with path.open("rb") as handle:  # never more than the limit, also from a pipe
            data = handle.read(limits.file_mb * 1_000_000 + 1)
    except FileNotFoundError:
        raise FileUnreadable(path=str(path), reason="missing") from None
    except IsADirectoryError:
        raise FileUnreadable(path=str(path), reason="folder") from None
    except PermissionError:
        raise FileUnreadable(path=str(path), reason="denied") from None
    except OSError as exc:
        raise FileUnreadable(path=str(path), reason="other", detail=exc.strerror or "") from None
    if len(data) > limits.file_mb * 1_000_000:  # it grew while read (a pipe, a download)
        raise ImportTooLarge(
            name=path.name, what="size", limit=limits.file_mb, found=round(len(data) / 1e6)
        )
    return data


# --- CSV ------------------------------------------------------------------------------------


def _decode(name: str, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and the encoding it was read in. A BOM decides; else strict UTF-8 (text
    in Windows-1252 with umlauts is practically never valid UTF-8), else Windows-1252."""
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise NotATable(name=name, reason="encoding", detail=str(exc)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, used = data.decode("utf-16"), "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        try:
            text, used = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise NotATable(name=name, reason="bom") from None
    elif data[:65536].count(b"\x00") > max(2, len(data[:65536]) // 200):
        raise NotATable(name=name, reason="binary")  # a stray NUL: NulInFile, with its line
    else:
        try:
            text, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            if _CP1252_UNDEFINED & set(data):
                raise NotATable(name=name, reason="binary") from None
            text, used = data.decode("cp1252"), "cp1252"
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise NotATable(name=name, reason="binary")
    return text, used


def detect_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most columns, most evenly
    (ties go to ``;``, German Excel's choice)."""
    sample = "\n".join(text.splitlines()[:SAMPLE_LINES])
    best, best_score = ";", (0.0, 0)
    for candidate in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=candidate) if any(r)]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = Counter(len(r) for r in rows)
        width, count = widths.most_common(1)[0]
        if width < 2:
            continue
        score = (count / len(rows), width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(
    name: str, text: str, encoding: str, delimiter: str | None, is_header, limits: ImportLimits
) -> SourceTable:
    nul = text.find("\x00")
    if nul >= 0:  # anywhere in the file, not only in the part the detection looked at
        raise NulInFile(name=name, line=text.count("\n", 0, nul) + 1)
    first, _, rest = text.partition("\n")
    sep_line = re.fullmatch(r"\s*sep=(.)\s*", first)
    line_offset = 0
    if sep_line is not None:  # Excel's hint line: "sep=;"
        delimiter = delimiter or sep_line.group(1)
        text, line_offset = rest, 1
    delimiter = delimiter or detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    try:
        for number, record in enumerate(reader, start=1 + line_offset):
            _check_row(name, number, len(record), len(records), limits)
            records.append((number, [unneutralise(cell) for cell in record]))
    except csv.Error as exc:
        raise NotATable(name=name, reason="csv", detail=str(exc)) from None
    return _table(name, "csv", encoding, delimiter, "", (), records, is_header, limits)


# --- XLSX -----------------------------------------------------------------------------------


def _check_row(name: str, line: int, cells: int, rows_before: int, limits: ImportLimits):
    if cells > limits.cells_per_row:
        raise ImportTooLarge(
            name=name, what="cells", limit=limits.cells_per_row, found=cells, line=line
        )
    if rows_before > limits.rows + HEADER_SEARCH:  # stop reading early; _table counts exactly
        raise ImportTooLarge(name=name, what="rows", limit=limits.rows)


def _unpacked_size(name: str, data: bytes) -> int:
    """What the archive's members say they unpack to (zipfile never reads past that)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NotATable(name=name, reason="zip", detail=str(exc)) from None


def _read_xlsx(
    name: str, data: bytes, sheet: str | None, is_header, limits: ImportLimits
) -> SourceTable:
    from openpyxl import load_workbook  # only when a workbook is read

    unpacked = _unpacked_size(name, data)
    if unpacked > limits.unpacked_mb * 1_000_000:
        raise ImportTooLarge(
            name=name, what="unpacked", limit=limits.unpacked_mb, found=round(unpacked / 1e6)
        )
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise NotATable(name=name, reason="zip", detail=str(exc)) from None
    except Exception as exc:  # openpyxl raises its own kinds for damaged workbooks
        raise NotATable(name=name, reason="workbook", detail=str(exc)) from None
    try:
        sheets = tuple(book.sheetnames)
        if sheet is not None:
            chosen = next((s for s in sheets if s.casefold() == sheet.casefold()), None)
            if chosen is None:
                raise UnknownSheet(name=name, sheet=sheet, sheets=", ".join(sheets))
            order = [chosen]
        else:  # the active sheet, else the first one that holds anything
            active = book.active.title if book.active is not None else sheets[0]
            order = [active] + [s for s in sheets if s != active]
        records: list[tuple[int, list[str]]] = []
        for title in order:
            records = []
            width = limits.cells_per_row + 1  # a sheet may claim 16,384 columns
            rows = book[title].iter_rows(values_only=True, max_col=width)
            for number, values in enumerate(rows, 1):
                cells = list(values)
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                if not cells:  # formatted but empty rows do not count
                    continue
                # cut at the limit: the width the sheet claims is what the message names
                wide = len(cells) > limits.cells_per_row
                found = (book[title].max_column or len(cells)) if wide else len(cells)
                _check_row(name, number, found, len(records), limits)
                records.append((number, [_cell_text(v) for v in cells]))
            if any(any(cells) for _, cells in records):
                break
        else:
            title = order[0]
    finally:
        book.close()
    return _table(name, "xlsx", "", "", title, sheets, records, is_header, limits)


def _cell_text(value) -> str:
    """A cell as the text a person would type: 16.06.2025, 10:30, 4930123456, 2,5."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return format_date(value.date())
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


# --- both -----------------------------------------------------------------------------------


def _table(
    name: str,
    kind: str,
    encoding: str,
    delimiter: str,
    sheet: str,
    sheets: tuple[str, ...],
    records: list[tuple[int, list[str]]],
    is_header,
    limits: ImportLimits,
) -> SourceTable:
    filled = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
    if not filled:
        raise FileEmpty(name=name)
    header_at = 0
    if is_header is not None:
        for position, (_, cells) in enumerate(filled[:HEADER_SEARCH]):
            if sum(1 for c in cells if c.strip() and is_header(c)) >= 2:
                header_at = position
                break
    header_line, header_cells = filled[header_at]
    raw_width = len(header_cells)
    while header_cells and not header_cells[-1].strip():
        header_cells = header_cells[:-1]
    headers = tuple(_header_names([c.strip() for c in header_cells]))
    width = len(headers)
    data = filled[header_at + 1 :]
    if len(data) > limits.rows:  # the rows below the header, blank ones not counted
        raise ImportTooLarge(name=name, what="rows", limit=limits.rows)
    # a CSV row longer than the rows around it had a separator inside an unquoted value
    usual = max(raw_width, Counter(len(c) for _, c in data).most_common(1)[0][0] if data else 0)
    rows = []
    garbled = 0
    for number, cells in data:
        if any("\x00" in c for c in cells):  # a workbook's cell written as _x0000_
            raise NulInFile(name=name, line=number)
        extra = sum(1 for c in cells[width:] if c.strip())
        if kind == "csv" and len(cells) > usual:
            extra = max(extra, len(cells) - usual)
        values = tuple(cells[:width]) + ("",) * (width - len(cells))
        swallowed = kind == "csv" and any(
            "\n" in c and c.count(delimiter) >= max(1, width - 1) for c in values
        )
        garbled += any(MOJIBAKE.search(c) for c in values)
        rows.append(SourceRow(number, values, extra, swallowed))
    if not rows:
        raise NoDataRows(name=name)
    return SourceTable(
        name, kind, encoding, delimiter, sheet, sheets, header_line, headers, tuple(rows), garbled
    )


def _header_names(cells: list[str]) -> list[str]:
    """Headers as given; an empty one becomes "Spalte 3", a repeated one "E-Mail (2)"."""
    result: list[str] = []
    seen: Counter[str] = Counter()
    for index, cell in enumerate(cells, start=1):
        text = " ".join(cell.split()) or f"Spalte {index}"
        seen[text.casefold()] += 1
        if seen[text.casefold()] > 1:
            text = f"{text} ({seen[text.casefold()]})"
        result.append(text)
    return result
