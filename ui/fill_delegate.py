"""A fill bar for programme items: how full, in colour *and* in words ("18/20 · 2 free",
"40/40 · full"), so the state never depends on colour alone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .programme_models import FILL_ROLE

TRACK = QColor("#ECEFF1")
OPEN = QColor("#B3E5FC")  # unlimited
ROOMY = QColor("#A5D6A7")  # below 80 %
TIGHT = QColor("#FFD54F")  # 80 % and more
FULL = QColor("#EF9A9A")
TEXT = QColor("#1A1A1A")


def fill_colour(enrolled: int, capacity: int | None) -> QColor:
    if capacity is None:
        return OPEN
    if capacity == 0 or enrolled >= capacity:
        return FULL
    return TIGHT if enrolled >= 0.8 * capacity else ROOMY


class FillDelegate(QStyledItemDelegate):
    """Draws the fill bar where the model gives FILL_ROLE; other cells as usual. Rows get
    room for the bar's text."""

    ROW_HEIGHT = 26

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self.ROW_HEIGHT))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        fill = index.data(FILL_ROLE)
        if fill is None:
            super().paint(painter, option, index)
            return
        enrolled, capacity = fill
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        bar = QRectF(option.rect).adjusted(3, 3, -3, -3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(bar, 3, 3)
        share = 1.0 if capacity is None or capacity == 0 else min(1.0, enrolled / capacity)
        done = QRectF(bar)
        done.setWidth(bar.width() * share)
        painter.setBrush(fill_colour(enrolled, capacity))
        painter.drawRoundedRect(done, 3, 3)
        painter.setPen(QPen(TEXT))
        font = option.font
        font.setBold(capacity is not None and enrolled >= capacity)
        painter.setFont(font)
        painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        painter.restore()
