"""Badges into PDF with reportlab: the scene painted on a canvas, a page at a time.

Vector throughout: text in the embedded TTF (subset), the QR code as filled rectangles
(one per horizontal run of dark modules), so it stays sharp at any printer resolution.
Large batches are rendered in chunks and joined into one file as they come
(pdfjoin.py), so memory stays flat however many badges there are.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from .fonts import BadgeFonts, badge_fonts
from .layouts import MM, Layout
from .qr import QUIET, dark_runs
from .scene import BadgeData, Box, Circle, Code, Labels, Line, Text, badge_scene

rl_config.useA85 = 0  # binary streams: smaller files, and no base-85 pass in pure Python

CUT_MARK = 4 * MM  # length of a cut mark
CUT_GAP = 1 * MM  # distance between a cut mark and the badge edge


@dataclass(frozen=True)
class PrintOptions:
    cut_marks: bool = False
    offset_mm: tuple[float, float] = (0.0, 0.0)  # printer correction: right, down
    labels: Labels = field(default_factory=Labels)


DEFAULT_OPTIONS = PrintOptions()
_COLOURS: dict[str, HexColor] = {}


def _colour(value: str) -> HexColor:
    colour = _COLOURS.get(value)
    if colour is None:
        colour = _COLOURS[value] = HexColor(value)
    return colour


def paint(canvas: Canvas, scene, x0: float, y0: float, fonts: BadgeFonts) -> None:
    """Paint a badge scene with its lower left corner at (x0, y0)."""
    for p in scene:
        if isinstance(p, Text):
            canvas.setFillColor(_colour(p.colour))
            canvas.setFont(fonts.name(p.weight), p.size)
            if p.align == "left":
                canvas.drawString(x0 + p.x, y0 + p.y, p.text)
            elif p.align == "right":
                canvas.drawRightString(x0 + p.x, y0 + p.y, p.text)
            else:
                canvas.drawCentredString(x0 + p.x, y0 + p.y, p.text)
        elif isinstance(p, Box):
            canvas.setFillColor(_colour(p.fill))
            if p.radius:
                canvas.roundRect(x0 + p.x, y0 + p.y, p.w, p.h, p.radius, stroke=0, fill=1)
            else:
                canvas.rect(x0 + p.x, y0 + p.y, p.w, p.h, stroke=0, fill=1)
        elif isinstance(p, Code):
            _paint_code(canvas, p, x0, y0)
        elif isinstance(p, Line):
            canvas.setStrokeColor(_colour(p.colour))
            canvas.setLineWidth(p.width)
            canvas.line(x0 + p.x1, y0 + p.y1, x0 + p.x2, y0 + p.y2)
        elif isinstance(p, Circle):
            canvas.setStrokeColor(_colour(p.colour))
            canvas.setLineWidth(p.width)
            canvas.circle(x0 + p.x, y0 + p.y, p.r, stroke=1, fill=0)


def _paint_code(canvas: Canvas, code: Code, x0: float, y0: float) -> None:
    """One path of rectangles, one per run of dark modules, filled once. Written as PDF
    operators directly (``addLiteral``): a few hundred rectangles per badge through
    reportlab's path objects cost more than the rest of the badge together."""
    m = code.module
    n = len(code.matrix)
    left = x0 + code.x + QUIET * m
    top = y0 + code.y + (QUIET + n) * m
    h = m * 1.002  # a hair taller, so that rows never show a seam
    canvas.setFillColor(_colour("#000000"))
    ops = [
        f"{left + column * m:.3f} {top - (row + 1) * m:.3f} {length * m:.3f} {h:.3f} re"
        for row, column, length in dark_runs(code.matrix)
    ]
    ops.append("f")
    canvas.addLiteral("\n".join(ops))


def cut_marks(layout: Layout, offset: tuple[float, float]) -> list[Line]:
    """Short lines in the page margin, in line with every badge edge (page coordinates,
    points from the bottom left), for sheets cut with a guillotine."""
    corners = list(layout.slots(offset))
    bw, bh = layout.badge[0] * MM, layout.badge[1] * MM
    xs = sorted({round(x, 3) for x, _ in corners} | {round(x + bw, 3) for x, _ in corners})
    ys = sorted({round(y, 3) for _, y in corners} | {round(y + bh, 3) for _, y in corners})
    left, right, bottom, top = xs[0], xs[-1], ys[0], ys[-1]
    black, width = "#000000", 0.3
    lines = []
    for x in xs:
        lines.append(Line(x, top + CUT_GAP, x, top + CUT_GAP + CUT_MARK, width, black))
        lines.append(Line(x, bottom - CUT_GAP, x, bottom - CUT_GAP - CUT_MARK, width, black))
    for y in ys:
        lines.append(Line(left - CUT_GAP, y, left - CUT_GAP - CUT_MARK, y, width, black))
        lines.append(Line(right + CUT_GAP, y, right + CUT_GAP + CUT_MARK, y, width, black))
    return lines


def render_pdf(
    badges: Sequence[BadgeData], layout: Layout, options: PrintOptions = DEFAULT_OPTIONS
) -> bytes:
    """One PDF with ``badges`` on as many pages as the layout needs."""
    fonts = badge_fonts()
    out = io.BytesIO()
    page = (layout.page[0] * MM, layout.page[1] * MM)
    canvas = Canvas(out, pagesize=page, pageCompression=1, invariant=1)
    canvas.setTitle("Namensschilder")
    canvas.setCreator("regdesk")
    w, h = layout.badge[0] * MM, layout.badge[1] * MM
    slots = list(layout.slots(options.offset_mm))
    for start in range(0, len(badges), layout.per_page):
        for (x, y), data in zip(slots, badges[start : start + layout.per_page], strict=False):
            paint(canvas, badge_scene(data, w, h, fonts, options.labels), x, y, fonts)
        if options.cut_marks and layout.is_sheet:
            paint(canvas, cut_marks(layout, options.offset_mm), 0, 0, fonts)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
