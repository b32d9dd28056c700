"""Paint badge scenes with QPainter: the preview on screen and printing through the Qt
print dialog use the very scene the PDF is made from (regdesk.badges.scene).

Units: the painter is scaled so that one unit is one PDF point; text is drawn at a
hundredfold pixel size and scaled back, so sizes stay exact to a hundredth of a point.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QPainter, QPen

from regdesk.badges.fonts import BadgeFonts, badge_fonts
from regdesk.badges.qr import QUIET, dark_runs
from regdesk.badges.scene import Box, Circle, Code, Line, Text

_FAMILIES: dict[str, str] = {}


def _family(fonts: BadgeFonts, weight: str) -> str:
    if weight not in _FAMILIES:
        font_id = QFontDatabase.addApplicationFont(str(fonts.paths[weight]))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _FAMILIES[weight] = families[0] if families else "DejaVu Sans"
    return _FAMILIES[weight]


def paint_scene(painter: QPainter, scene, left: float, top: float, height: float) -> None:
    """Paint a scene whose badge is ``height`` points tall with its top left corner at
    (``left``, ``top``) in painter units (points)."""
    fonts = badge_fonts()

    def y(value: float) -> float:  # PDF y (upwards, from the bottom) to painter y
        return top + height - value

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for p in scene:
        if isinstance(p, Box):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.fill))
            rect = QRectF(left + p.x, y(p.y + p.h), p.w, p.h)
            if p.radius:
                painter.drawRoundedRect(rect, p.radius, p.radius)
            else:
                painter.drawRect(rect)
        elif isinstance(p, Text):
            font = QFont(_family(fonts, p.weight))
            font.setBold(p.weight == "bold")
            font.setPixelSize(max(1, round(p.size * 100)))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            width = fonts.width(p.text, p.weight, p.size)
            x = {"left": p.x, "right": p.x - width, "centre": p.x - width / 2}[p.align]
            painter.save()
            painter.setFont(font)
            painter.setPen(QColor(p.colour))
            painter.translate(left + x, y(p.y))
            painter.scale(0.01, 0.01)
            painter.drawText(QPointF(0, 0), p.text)
            painter.restore()
        elif isinstance(p, Code):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("#000000")))
            m = p.module
            n = len(p.matrix)
            x0 = left + p.x + QUIET * m
            y0 = y(p.y + (QUIET + n) * m)
            for row, column, length in dark_runs(p.matrix):
                painter.drawRect(QRectF(x0 + column * m, y0 + row * m, length * m, m * 1.002))
        elif isinstance(p, Line):
            painter.setPen(QPen(QColor(p.colour), p.width))
            painter.drawLine(QPointF(left + p.x1, y(p.y1)), QPointF(left + p.x2, y(p.y2)))
        elif isinstance(p, Circle):
            painter.setPen(QPen(QColor(p.colour), p.width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(left + p.x, y(p.y)), p.r, p.r)
    painter.restore()
