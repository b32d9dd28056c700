"""A list as PDF on A4 landscape: on every page the list's title and heading (event,
date, place, organiser), the table's header row, the foot note (the data-protection
note of a sign-in sheet) and "Seite 2 von 5". Each sheet of the list starts on a new
page and counts its own pages: a sign-in sheet per day is one document to file.

Laid out by hand on a reportlab canvas, not with platypus: row heights are measured
first, the pages cut, then drawn, so the page count is known on page 1 and 10,000 rows
take seconds. Text wraps inside its column; a signature row leaves room to sign.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..badges.fonts import badge_fonts
from .cells import csv_text
from .document import INT, ListDocument, Sheet
from .labels import text

PAGE = landscape(A4)
MARGIN = 12 * mm
PAD = 1.4 * mm
SAMPLE = 2000  # rows measured for the column widths
MAX_LINES = 8  # a cell with more is cut with "…" (a row never outgrows a page)
GRID = HexColor("#8A94A3")
HEADER_FILL = HexColor("#DDE3EA")
ZEBRA = HexColor("#F3F5F8")
INK = HexColor("#111111")
GREY = HexColor("#4A5361")


@dataclass(frozen=True)
class Style:
    size: float
    leading: float
    min_row: float  # a row's least height


PLAIN = Style(8.5, 10.5, 0)
SIGNATURE = Style(10, 12, 11 * mm)  # room for a signature


def write_pdf(
    document: ListDocument,
    out: BinaryIO,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    from ..errors import Cancelled

    fonts = badge_fonts()
    canvas = Canvas(out, pagesize=PAGE, pageCompression=1, invariant=True)
    canvas.setTitle(document.title)
    canvas.setSubject(document.event_name)
    canvas.setAuthor(document.organiser or "regdesk")
    canvas.setCreator("regdesk")
    style = SIGNATURE if document.signature else PLAIN
    drawn = 0
    for sheet in document.sheets:
        layout = _SheetLayout(document, sheet, style, fonts)
        pages = layout.pages()
        for number, rows in enumerate(pages, start=1):
            if cancelled and cancelled():
                raise Cancelled()
            layout.draw_page(canvas, rows, number, len(pages))
            canvas.showPage()
            drawn += len(rows)
            if progress:
                progress(drawn)
    canvas.save()


class _SheetLayout:
    def __init__(self, document: ListDocument, sheet: Sheet, style: Style, fonts) -> None:
        self.document, self.sheet, self.style = document, sheet, style
        self.regular, self.bold = fonts.regular, fonts.bold
        self.columns = [c for c in sheet.columns if c.in_pdf]
        self.indexes = [i for i, c in enumerate(sheet.columns) if c.in_pdf]
        width = PAGE[0] - 2 * MARGIN
        self.widths = self.fit(width)
        list_title = sheet.list_title or document.title
        self.title = " – ".join(t for t in (list_title, sheet.title) if t)
        self.heading = list(sheet.heading) + [
            text("filter", document.language, what=", ".join(document.filters))
        ] * bool(document.filters)
        self.note_lines = self.wrap(sheet.note, self.regular, 7, width) if sheet.note else []
        self.header_lines = [
            self.wrap(c.title, self.bold, style.size, w - 2 * PAD)
            for c, w in zip(self.columns, self.widths, strict=True)
        ]
        self.header_height = (
            max(len(lines) for lines in self.header_lines) * style.leading + 2 * PAD
        )
        self.top = PAGE[1] - MARGIN - 17 - 11 * len(self.heading) - 6
        self.bottom = MARGIN + 14 + 9 * len(self.note_lines)

    # --- measuring --------------------------------------------------------------------------

    def fit(self, available: float) -> list[float]:
        """Column widths from what they hold (the first rows tell): every column at least
        as wide as its longest word, the rest of the page to those whose text is longer,
        so that words are not cut. A column with nothing in it (the signature) keeps its
        share of the declared widths."""
        size = self.style.size
        declared = sum(c.width for c in self.columns) or 1
        sample = self.sheet.rows[:SAMPLE]
        least, wanted = [], []
        for index, column in zip(self.indexes, self.columns, strict=True):
            texts = [self.shown(row[index]) for row in sample]
            share = available * column.width / declared
            if column.key == "signature":
                least.append(share)
                wanted.append(share)
                continue
            words = {w for t in texts for w in t.split()} | set(column.title.split())
            longest = max(
                [stringWidth(w, self.regular, size) for w in words]
                + [stringWidth(w, self.bold, size) for w in column.title.split()]
            )
            lines = {line for t in texts for line in t.split("\n") if line} | {column.title}
            full = max(stringWidth(line, self.regular, size) for line in lines)
            low = min(longest + 2 * PAD, available * 0.3)
            least.append(low)
            wanted.append(max(low, min(full + 2 * PAD, available * 0.45)))
        if sum(least) >= available:  # cap the widest columns, the narrow ones keep their words
            cap = _water_level(least, available)
            return [min(w, cap) for w in least]
        room = available - sum(least)
        growth = [w - low for w, low in zip(wanted, least, strict=True)]
        if sum(growth) > room:
            return [low + g * room / sum(growth) for low, g in zip(least, growth, strict=True)]
        spare = room - sum(growth)  # everything fits: the rest in the declared proportions
        return [w + spare * c.width / declared for w, c in zip(wanted, self.columns, strict=True)]

    def shown(self, value) -> str:
        if value is None or isinstance(value, str):
            return value or ""
        return csv_text(value, self.document.language)

    def wrap(self, value: str, font: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in value.split("\n"):
            words = paragraph.split(" ")
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if stringWidth(candidate, font, size) <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                while stringWidth(word, font, size) > width and len(word) > 1:
                    cut = max(1, int(len(word) * width / stringWidth(word, font, size)))
                    while cut > 1 and stringWidth(word[:cut], font, size) > width:
                        cut -= 1
                    soft = max(word.rfind(c, 0, cut) for c in "-/.@_") + 1
                    cut = soft if soft > cut // 2 else cut  # after - / . @ where one is near
                    lines.append(word[:cut])
                    word = word[cut:]
                line = word
            lines.append(line)
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1] + " …"]
        return lines

    def cells(self, row: tuple) -> list[list[str]]:
        size = self.style.size
        result = []
        for index, width in zip(self.indexes, self.widths, strict=True):
            shown = self.shown(row[index])
            result.append(self.wrap(shown, self.regular, size, width - 2 * PAD) if shown else [])
        return result

    def pages(self) -> list[list[tuple[list[list[str]], float]]]:
        """The rows of each page, each as (lines per cell, height)."""
        room = self.top - self.header_height - self.bottom
        pages: list[list] = [[]]
        used = 0.0
        for row in self.sheet.rows:
            cells = self.cells(row)
            lines = max((len(c) for c in cells), default=1) or 1
            height = max(self.style.min_row, lines * self.style.leading + 2 * PAD)
            if used + height > room and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append((cells, height))
            used += height
        return pages

    # --- drawing ----------------------------------------------------------------------------

    def draw_page(self, canvas: Canvas, rows: Sequence, number: int, pages: int) -> None:
        language = self.document.language
        left, right = MARGIN, PAGE[0] - MARGIN
        y = PAGE[1] - MARGIN - 13
        canvas.setFillColor(INK)
        canvas.setFont(self.bold, 13)
        canvas.drawString(left, y, self.title)
        canvas.setFont(self.regular, 9)
        for line in self.heading:
            y -= 11
            canvas.drawString(left, y, line)
        y = self.top
        self.draw_header(canvas, y)
        y -= self.header_height
        if not rows:
            canvas.setFont(self.regular, self.style.size)
            canvas.drawString(
                left + PAD, y - self.style.leading, self.sheet.empty or text("no_rows", language)
            )
        for index, (cells, height) in enumerate(rows):
            self.draw_row(canvas, y, cells, height, zebra=index % 2 == 1)
            y -= height
        # the foot: the note, then who made it and the page
        canvas.setFillColor(GREY)
        canvas.setFont(self.regular, 7)
        note_y = MARGIN + 12 + 9 * len(self.note_lines)
        for line in self.note_lines:
            note_y -= 9
            canvas.drawString(left, note_y, line)
        canvas.setFont(self.regular, 7.5)
        made = " · ".join(
            p
            for p in (
                self.document.event_name,
                text("created", language, when=self.document.created),
            )
            if p
        )
        canvas.drawString(left, MARGIN, made)
        canvas.drawRightString(right, MARGIN, text("page", language, page=number, pages=pages))
        canvas.setFillColor(INK)

    def draw_header(self, canvas: Canvas, top: float) -> None:
        height = self.header_height
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(MARGIN, top - height, sum(self.widths), height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(self.bold, self.style.size)
        x = MARGIN
        for lines, width in zip(self.header_lines, self.widths, strict=True):
            self.draw_lines(canvas, x, top, width, lines, right=False)
            x += width
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, top - height, MARGIN + sum(self.widths), top - height)
        if self.document.signature:
            canvas.setLineWidth(0.3)
            canvas.line(MARGIN, top, MARGIN + sum(self.widths), top)
            x = MARGIN
            for width in [0.0, *self.widths]:
                x += width
                canvas.line(x, top, x, top - height)

    def draw_row(self, canvas: Canvas, top: float, cells, height: float, zebra: bool) -> None:
        full = sum(self.widths)
        if zebra and not self.document.signature:
            canvas.setFillColor(ZEBRA)
            canvas.rect(MARGIN, top - height, full, height, stroke=0, fill=1)
            canvas.setFillColor(INK)
        canvas.setFont(self.regular, self.style.size)
        x = MARGIN
        for lines, column, width in zip(cells, self.columns, self.widths, strict=True):
            used = len(lines) * self.style.leading + 2 * PAD
            self.draw_lines(
                canvas, x, top - max(0.0, height - used) / 2, width, lines, column.kind == INT
            )
            x += width
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.3)
        canvas.line(MARGIN, top - height, MARGIN + full, top - height)
        if self.document.signature:  # boxes: every cell framed, for signing
            x = MARGIN
            for width in [0.0, *self.widths]:
                x += width
                canvas.line(x, top, x, top - height)

    def draw_lines(self, canvas, x, top, width, lines: list[str], right: bool) -> None:
        y = top - PAD - self.style.size
        for line in lines:
            if right:
                canvas.drawRightString(x + width - PAD, y, line)
            else:
                canvas.drawString(x + PAD, y, line)
            y -= self.style.leading


def _water_level(widths: list[float], available: float) -> float:
    """The cap c with sum(min(w, c)) == available."""
    ordered = sorted(widths)
    used = 0.0
    for index, width in enumerate(ordered):
        rest = len(ordered) - index
        if used + width * rest >= available:
            return (available - used) / rest
        used += width
    return ordered[-1]
