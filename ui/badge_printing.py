"""Printing badges through Qt (QPrinter): the same scenes as the PDF, painted page by
page onto the printer chosen in the print dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from regdesk.badges.fonts import badge_fonts
from regdesk.badges.layouts import MM, Layout
from regdesk.badges.pdf import PrintOptions, cut_marks
from regdesk.badges.scene import BadgeData, badge_scene

from .badge_painter import paint_scene


def prepare(printer: QPrinter, layout: Layout) -> None:
    """Page size of the layout, no margins: the layout places the badges itself."""
    size = QPageSize(
        QSizeF(*layout.page), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)


def print_badges(
    printer: QPrinter,
    badges: Sequence[BadgeData],
    layout: Layout,
    options: PrintOptions,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paint the badges onto ``printer``; returns how many were printed (fewer if
    cancelled -- whole pages only)."""
    fonts = badge_fonts()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        scale = printer.resolution() / 72.0
        painter.scale(scale, scale)
        page_h = layout.page[1] * MM
        w, h = layout.badge[0] * MM, layout.badge[1] * MM
        slots = list(layout.slots(options.offset_mm))
        done = 0
        for start in range(0, len(badges), layout.per_page):
            if cancelled and cancelled():
                break
            if start:
                printer.newPage()
            for (x, y), data in zip(slots, badges[start : start + layout.per_page], strict=False):
                scene = badge_scene(data, w, h, fonts, options.labels)
                paint_scene(painter, scene, x, page_h - y - h, h)
                done += 1
            if options.cut_marks and layout.is_sheet:
                paint_scene(painter, cut_marks(layout, options.offset_mm), 0, 0, page_h)
            if progress:
                progress(done, len(badges))
    finally:
        painter.end()
    return done
