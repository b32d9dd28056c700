"""The report for the funding body as an Excel workbook: a summary sheet, a sheet per day
(categories, kinds of organisation, arrivals per 15 minutes with a chart of them) and the
programme -- numbers as numbers, so the funding body can sum and chart them itself."""

from __future__ import annotations

from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ..text import format_date, format_date_range
from .figures import OTHERS, Attendance, ReportFigures
from .texts import t

BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDE3EA")


def _head(ws, row: int, values: list) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = BOLD
        cell.fill = FILL


def _attendance(ws, row: int, head: str, rows, total: Attendance, language, label) -> int:
    _head(ws, row, [head, t("registered", language), t("admitted", language),
                    t("no_show", language), t("rate", language)])  # fmt: skip
    for r in (*rows, total):
        row += 1
        name = t("total", language) if r is total else label(r.key)
        ws.cell(row=row, column=1, value=name)
        ws.cell(row=row, column=2, value=r.registered)
        ws.cell(row=row, column=3, value=r.admitted)
        ws.cell(row=row, column=4, value=r.no_show)
        rate = ws.cell(row=row, column=5, value=r.admitted / r.registered if r.registered else None)
        rate.number_format = "0%"
        if r is total:
            for col in range(1, 6):
                ws.cell(row=row, column=col).font = BOLD
    return row + 2


def write_report_xlsx(figures: ReportFigures, out: BinaryIO, *, language: str = "de") -> None:
    def label(key: str) -> str:
        if key == OTHERS:
            return t("others", language)
        try:
            return t(f"kind.{key}", language)
        except KeyError:
            return key

    book = Workbook()
    summary = book.active
    summary.title = t("summary", language)
    summary["A1"] = f"{t('title', language)} – {figures.event_name}"
    summary["A1"].font = Font(bold=True, size=14)
    summary["A2"] = format_date_range(figures.first_day, figures.last_day)
    summary["A3"] = figures.venue
    summary["A4"] = figures.organiser
    _head(summary, 6, [t("summary", language), t("count", language)])
    for n, (key, value) in enumerate(
        (("registered", figures.registered), ("cancelled", figures.cancelled),
         ("came_once", figures.admitted_any_day)), start=7,
    ):  # fmt: skip
        summary.cell(row=n, column=1, value=t(key, language))
        summary.cell(row=n, column=2, value=value)
    if figures.threshold:
        summary["A11"] = t("folded", language, n=figures.threshold)
    summary["A12"] = t("method", language)
    summary["A13"] = t("made", language, when=figures.made_at.strftime("%d.%m.%Y %H:%M"))
    summary.column_dimensions["A"].width = 44
    summary.column_dimensions["B"].width = 14

    for day in figures.days:
        ws = book.create_sheet(f"{t('day', language)} {format_date(day.day)}"[:31])
        ws["A1"] = f"{t('day', language)} {format_date(day.day)}" + (
            f" – {day.label}" if day.label else ""
        )
        ws["A1"].font = Font(bold=True, size=12)
        row = _attendance(ws, 3, t("category", language), day.by_category, day.total,
                          language, label)  # fmt: skip
        row = _attendance(ws, row, t("organisation_kind", language), day.by_organisation_kind,
                          day.total, language, label)  # fmt: skip
        if day.admitted_unregistered:
            ws.cell(row=row - 1, column=1,
                    value=t("unregistered", language, n=day.admitted_unregistered))  # fmt: skip
        _head(ws, row, [t("time", language), t("arrivals", language)])
        first = row + 1
        for when, count in day.arrivals:
            row += 1
            ws.cell(row=row, column=1, value=f"{when:%H:%M}")
            ws.cell(row=row, column=2, value=count)
        if day.arrivals:
            chart = BarChart()
            chart.title = t("arrivals", language)
            chart.y_axis.title = t("count", language)
            chart.x_axis.title = t("time", language)
            chart.legend = None
            chart.add_data(Reference(ws, min_col=2, min_row=first - 1, max_row=row),
                           titles_from_data=True)  # fmt: skip
            chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=row))
            chart.width, chart.height = 22, 8
            ws.add_chart(chart, "G3")
        for col, width in zip("ABCDE", (34, 12, 12, 14, 8), strict=True):
            ws.column_dimensions[col].width = width

    ws = book.create_sheet(t("programme", language)[:31])
    heads = [t("item", language), t("day", language), t("time", language),
             t("places", language), t("enrolled", language), t("waitlisted", language),
             t("present", language), t("present_enrolled", language)]  # fmt: skip
    _head(ws, 1, heads)
    for n, i in enumerate(figures.items, start=2):
        for col, value in enumerate(
            (f"{i.code} {i.title}".strip(), i.day, f"{i.starts_at:%H:%M}–{i.ends_at:%H:%M}",
             i.capacity if i.capacity is not None else t("open", language), i.enrolled,
             i.waitlisted, i.present, i.present_enrolled), start=1,
        ):  # fmt: skip
            cell = ws.cell(row=n, column=col, value=value)
            if col == 2:
                cell.number_format = "DD.MM.YYYY"
    for col, width in enumerate((40, 12, 13, 9, 12, 12, 16, 16), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    book.save(out)
