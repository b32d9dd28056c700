"""A page for an area whose screen is not built yet: it says so plainly and what will come,
and points to what already works (the CLI)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    def __init__(
        self, object_name: str, title: str, description: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        heading = QLabel(title)
        heading.setStyleSheet("font-size:18pt; font-weight:bold;")
        status = QLabel(self.tr("Not available yet in this version."))
        status.setObjectName("comingStatus")
        status.setStyleSheet(
            "background:#FFF4D6; color:#5C4400; border:1px solid #C9A227;"
            " border-radius:4px; padding:6px; font-weight:bold;"
        )
        body = QLabel(description)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setStyleSheet("font-size:11pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(status, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(body)
        layout.addStretch()
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{status.text()} {description}")
