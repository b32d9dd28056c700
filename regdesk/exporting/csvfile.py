"""A list as CSV that German Excel opens correctly by double-click: UTF-8 with BOM,
semicolons, CRLF, dates TT.MM.JJJJ, ja/nein, formula injection neutralised. A list of
several sheets (rosters per workshop) becomes one table with the sheet in a first
column."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import BinaryIO

from .cells import csv_text
from .document import ListDocument
from .labels import text


def write_csv(
    document: ListDocument,
    out: BinaryIO,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    from ..errors import Cancelled

    language = document.language
    stream = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    several = len(document.sheets) > 1
    columns = document.sheets[0].columns if document.sheets else ()
    prefix = [text("list", language)] if several else []
    writer.writerow(prefix + [c.title for c in columns])
    written = 0
    for sheet in document.sheets:
        lead = [csv_text(sheet.title, language)] if several else []
        for row in sheet.rows:
            writer.writerow(lead + [csv_text(v, language) for v in row])
            written += 1
            if written % 1000 == 0:
                if cancelled and cancelled():
                    raise Cancelled()
                if progress:
                    progress(written)
    stream.flush()
    stream.detach()
    if progress:
        progress(written)
