"""Arrivals over time as bars, one per 15 minutes: painted by this small widget rather than
by Qt Charts, which lives in PySide6-Addons (a 200 MB dependency no other screen needs).
Every bar carries its number and the hours are written under it, so the chart reads
without colour; a screen reader gets the same figures as its description."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#1B7F3B")
AXIS = QColor("#44505F")
TEXT = QColor("#1B1B1B")
MIN_BINS = 12


class ArrivalsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalsChart")
        self.setAccessibleName(self.tr("Arrivals per 15 minutes"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches its figures
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.bins: tuple[tuple[time, int], ...] = ()

    def sizeHint(self) -> QSize:
        return QSize(600, 150)

    def set_bins(self, bins: tuple[tuple[time, int], ...]) -> None:
        self.bins = tuple(bins)
        figures = ", ".join(f"{when:%H:%M}: {count}" for when, count in self.bins)
        self.setAccessibleDescription(figures or self.tr("No arrivals yet."))
        self.setToolTip(self.accessibleDescription())
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, line + 4, -8, -(line + 6))
        painter.setPen(TEXT)
        title = self.tr("Arrivals per 15 minutes")
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(8, 0, self.width() - 16, line + 2), left, title)
        if not self.bins:
            painter.setPen(AXIS)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No arrivals yet."))
            return
        top = max(count for _, count in self.bins) or 1
        # three hours at least: one early bar is a bar, not a wall
        slot = area.width() / max(len(self.bins), MIN_BINS)
        gap = min(6.0, slot * 0.2)
        label_every = max(1, round(metrics.horizontalAdvance("00:00 ") / max(slot, 1)))
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for n, (when, count) in enumerate(self.bins):
            x = area.left() + n * slot
            height = (area.height() - line) * count / top
            bar = QRectF(x + gap / 2, area.bottom() - height, slot - gap, height)
            painter.fillRect(bar, BAR)
            if count:
                painter.setPen(TEXT)
                painter.drawText(QRectF(x, bar.top() - line, slot, line),
                                 Qt.AlignmentFlag.AlignCenter, str(count))  # fmt: skip
            if n % label_every == 0:
                painter.setPen(AXIS)
                painter.drawText(QRectF(x - slot, area.bottom() + 2, slot * 3, line),
                                 Qt.AlignmentFlag.AlignHCenter, f"{when:%H:%M}")  # fmt: skip
