"""Files as real tools write them, for the import tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

HEADER = ["Anrede", "Titel", "Vorname", "Nachname", "Organisation", "E-Mail", "Telefon"]
PEOPLE = [
    ["Frau", "Dr.", "Anna", "Müller", "Stadt Viersen", "anna.mueller@viersen.example", ""],
    ["Herr", "", "Jürgen", "Weiß", "Kreis Kleve", "j.weiss@kleve.example", "+49 2821 594-0"],
    ["Frau", "", "Ayşe", "Çelik", "Stadt Ulm", "a.celik@ulm.example", ""],
    ["Herr", "Prof.", "Łukasz", "Żółć", "Uniwersytet Łódzki", "", ""],
]


def excel_csv(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "cp1252",
    delimiter: str = ";",
    header: Sequence[str] = HEADER,
) -> Path:
    """As German Excel saves "CSV (Trennzeichen-getrennt)" (cp1252) or "CSV UTF-8"
    (utf-8-sig): records end in CRLF, values with the separator, quotes or line breaks
    are quoted, a line break inside a value is a bare LF."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def openpyxl_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    header: Sequence[str] = HEADER,
    title_rows: Sequence[str] = (),
    sheet: str = "Anmeldungen",
    other_sheets: Sequence[str] = (),
) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for title in title_rows:
        ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for name in other_sheets:
        book.create_sheet(name).append(["nichts"])
    book.save(path)
    return path
