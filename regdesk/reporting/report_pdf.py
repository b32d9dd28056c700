"""The report for the funding body as a PDF (A4 portrait): the summary, per day a table
per category and per kind of organisation with an arrivals chart, then the programme.
Charts are reportlab's own graphics, drawn from the same figures as the tables; every bar
carries its number, so the report reads in black and white too."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..badges.fonts import badge_fonts
from ..text import format_date, format_date_range
from .figures import OTHERS, Attendance, DayFigures, ReportFigures
from .texts import t

INK = colors.HexColor("#1B1B1B")
CAME = colors.HexColor("#1B7F3B")
HEADER_FILL = colors.HexColor("#DDE3EA")
RULE = colors.HexColor("#9AA5B1")


def _percent(part: int, whole: int, language: str) -> str:
    if not whole:
        return "–"
    value = f"{100 * part / whole:.0f} %"
    return value if language == "de" else value.replace(" %", "%")


def _number(n: int, language: str) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if language == "de" else text


class _Styles:
    def __init__(self) -> None:
        fonts = badge_fonts()
        self.regular, self.bold = fonts.regular, fonts.bold
        self.title = ParagraphStyle("title", fontName=self.bold, fontSize=18, leading=22,
                                    textColor=INK, spaceAfter=4)  # fmt: skip
        self.h2 = ParagraphStyle("h2", fontName=self.bold, fontSize=13, leading=16,
                                 textColor=INK, spaceBefore=10, spaceAfter=4)  # fmt: skip
        self.h3 = ParagraphStyle("h3", fontName=self.bold, fontSize=10.5, leading=13,
                                 textColor=INK, spaceBefore=6, spaceAfter=3)  # fmt: skip
        self.body = ParagraphStyle("body", fontName=self.regular, fontSize=9, leading=12,
                                   textColor=INK)  # fmt: skip
        self.small = ParagraphStyle("small", fontName=self.regular, fontSize=7.5, leading=10,
                                    textColor=colors.HexColor("#444444"))  # fmt: skip
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=8.5, leading=10.5)
        # column titles wrap rather than run into each other (long German words)
        self.head = ParagraphStyle("head", fontName=self.bold, fontSize=7.5, leading=9,
                                   alignment=2)  # fmt: skip
        self.head_left = ParagraphStyle("head_left", parent=self.head, alignment=0)


def _table(rows: list[list], widths: list[float], styles: _Styles, *, total: bool) -> Table:
    head = [Paragraph(_escape(str(c)), styles.head_left if i == 0 else styles.head)
            for i, c in enumerate(rows[0])]  # fmt: skip
    body = [head] + [
        [Paragraph(_escape(str(c)), styles.cell) if i == 0 else c for i, c in enumerate(r)]
        for r in rows[1:]
    ]
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("FONT", (0, 0), (-1, -1), styles.regular, 8.5),
        ("FONT", (0, 0), (-1, 0), styles.bold, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if total:
        commands += [("FONT", (0, -1), (-1, -1), styles.bold, 8.5),
                     ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]  # fmt: skip
    table.setStyle(TableStyle(commands))
    return table


def _attendance_rows(
    rows: tuple[Attendance, ...], total: Attendance, head: str, language: str, label
) -> list[list]:
    out = [[head, t("registered", language), t("admitted", language), t("no_show", language),
            t("rate", language)]]  # fmt: skip
    for r in (*rows, total):
        name = t("total", language) if r is total else label(r.key)
        out.append(
            [
                name,
                _number(r.registered, language),
                _number(r.admitted, language),
                _number(r.no_show, language),
                _percent(r.admitted, r.registered, language),
            ]
        )
    return out


def _arrivals_chart(day: DayFigures, styles: _Styles, language: str, width: float) -> Drawing:
    height = 55 * mm
    drawing = Drawing(width, height)
    values = [n for _, n in day.arrivals]
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 28
    chart.width, chart.height = width - 40, height - 46
    chart.data = [values]
    chart.bars[0].fillColor = CAME
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    top = max(values) if values else 1
    chart.valueAxis.valueMax = max(4, top + max(1, top // 8))
    chart.valueAxis.labels.fontName = styles.regular
    chart.valueAxis.labels.fontSize = 7
    labels = [f"{when:%H:%M}" if when.minute == 0 or len(values) <= 16 else ""
              for when, _ in day.arrivals]  # fmt: skip
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = styles.regular
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 0
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""  # the number on every bar
    chart.barLabels.fontName = styles.regular
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    drawing.add(chart)
    drawing.add(String(28, height - 10, t("arrivals", language), fontName=styles.bold,
                       fontSize=8.5, fillColor=INK))  # fmt: skip
    drawing.add(String(width - 12, 6, t("time", language), fontName=styles.regular,
                       fontSize=7, textAnchor="end", fillColor=INK))  # fmt: skip
    return drawing


def write_report_pdf(figures: ReportFigures, out: BinaryIO, *, language: str = "de") -> None:
    styles = _Styles()
    width = A4[0] - 36 * mm
    title = f"{t('title', language)} – {figures.event_name}"
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
        bottomMargin=16 * mm, title=title, author=figures.organiser or "regdesk",
        creator="regdesk", subject=figures.event_name,
    )  # fmt: skip

    def label(key: str) -> str:
        if key == OTHERS:
            return t("others", language)
        if f"kind.{key}" in _KINDS:
            return t(f"kind.{key}", language)
        return key

    story = [
        Paragraph(t("title", language), styles.title),
        Paragraph(f"<b>{_escape(figures.event_name)}</b> · "
                  + format_date_range(figures.first_day, figures.last_day), styles.body),
    ]  # fmt: skip
    if figures.venue:
        story.append(Paragraph(_escape(t("venue", language, name=figures.venue)), styles.body))
    if figures.organiser:
        story.append(
            Paragraph(_escape(t("organiser", language, name=figures.organiser)), styles.body)
        )
    story.append(Paragraph(t("made", language, when=figures.made_at.strftime("%d.%m.%Y %H:%M")),
                           styles.small))  # fmt: skip
    story.append(Paragraph(t("summary", language), styles.h2))
    summary = [
        [t("figure", language), t("count", language)],
        [t("registered", language), _number(figures.registered, language)],
        [t("cancelled", language), _number(figures.cancelled, language)],
        [t("came_once", language), _number(figures.admitted_any_day, language)],
    ]
    story.append(_table(summary, [width * 0.6, width * 0.2], styles, total=False))

    for day in figures.days:
        heading = f"{t('day', language)} {format_date(day.day)}"
        if day.label:
            heading += f" – {day.label}"
        block = [Paragraph(_escape(heading), styles.h2)]
        block.append(_table(
            _attendance_rows(day.by_category, day.total, t("category", language), language,
                             label),
            [width * w for w in (0.36, 0.15, 0.15, 0.2, 0.14)], styles,
            total=True,
        ))  # fmt: skip
        if day.admitted_unregistered:
            block.append(Paragraph(t("unregistered", language, n=day.admitted_unregistered),
                                   styles.small))  # fmt: skip
        story.append(KeepTogether(block))
        story.append(Spacer(1, 4))
        kinds = [Paragraph(t("organisation_kind", language), styles.h3)]
        kinds.append(_table(
            _attendance_rows(day.by_organisation_kind, day.total,
                             t("organisation_kind", language), language, label),
            [width * w for w in (0.36, 0.15, 0.15, 0.2, 0.14)], styles,
            total=True,
        ))  # fmt: skip
        kinds.append(Paragraph(t("kind_note", language), styles.small))
        story.append(KeepTogether(kinds))
        story.append(Spacer(1, 4))
        if day.arrivals:
            story.append(_arrivals_chart(day, styles, language, width))
        else:
            story.append(Paragraph(t("arrivals_none", language), styles.small))

    story.append(Paragraph(t("programme", language), styles.h2))
    if figures.items:
        keys = ("item", "when", "places", "enrolled", "waitlisted", "present",
                "present_enrolled")  # fmt: skip
        rows = [[t(key, language) for key in keys]]
        for i in figures.items:
            name = f"{i.code} {i.title}".strip()
            rows.append([
                name, f"{format_date(i.day)[:6]} {i.starts_at:%H:%M}–{i.ends_at:%H:%M}",
                t("open", language) if i.capacity is None else _number(i.capacity, language),
                _number(i.enrolled, language), _number(i.waitlisted, language),
                _number(i.present, language), _number(i.present_enrolled, language),
            ])  # fmt: skip
        story.append(_table(
            rows,
            [width * w for w in (0.25, 0.16, 0.09, 0.13, 0.13, 0.12, 0.12)],
            styles, total=False,
        ))  # fmt: skip
    else:
        story.append(Paragraph(t("no_programme", language), styles.small))
    story.append(Spacer(1, 8))
    if figures.threshold:
        story.append(Paragraph(t("folded", language, n=figures.threshold), styles.small))
    story.append(Paragraph(t("method", language), styles.small))

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(styles.regular, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, 9 * mm, f"{title}")
        canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, t("page", language, n=document.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)


_KINDS = {f"kind.{k}" for k in ("municipality", "state", "science", "civil_society",
                                "business", "other", "unknown")}  # fmt: skip


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
