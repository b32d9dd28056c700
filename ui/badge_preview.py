"""One badge as it will print, drawn from the same scene as the PDF, scaled to fit."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from regdesk.badges.fonts import badge_fonts
from regdesk.badges.layouts import MM, Layout
from regdesk.badges.pdf import PrintOptions
from regdesk.badges.scene import BadgeData, badge_scene

from .badge_painter import paint_scene


class BadgePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("badgePreview")
        self.setMinimumSize(280, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scene: list = []
        self.size_pt = (0.0, 0.0)
        self.message = ""
        self.data: BadgeData | None = None

    def sizeHint(self) -> QSize:
        return QSize(440, 320)

    def show_badge(self, data: BadgeData, layout: Layout, options: PrintOptions) -> None:
        w, h = layout.badge[0] * MM, layout.badge[1] * MM
        self.data = data
        self.scene = badge_scene(data, w, h, badge_fonts(), options.labels)
        self.size_pt = (w, h)
        self.message = ""
        self.setAccessibleDescription(f"{data.first_name} {data.last_name}, {data.category}")
        self.update()

    def show_nothing(self, message: str) -> None:
        self.scene, self.data, self.message = [], None, message
        self.setAccessibleDescription(message)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#E4E7EB"))
        if not self.scene:
            painter.setPen(QColor("#444444"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
            )
            return
        w, h = self.size_pt
        margin = 16
        scale = min((self.width() - 2 * margin) / w, (self.height() - 2 * margin) / h)
        left = (self.width() - w * scale) / 2
        top = (self.height() - h * scale) / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(left + 3, top + 3, w * scale, h * scale), QColor(0, 0, 0, 60))
        painter.translate(left, top)
        painter.scale(scale, scale)
        paint_scene(painter, self.scene, 0, 0, h)
        painter.setPen(QPen(QColor("#9AA3AD"), 0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, w, h))
