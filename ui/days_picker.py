"""Which days of the event a person comes on: a check box per day. All checked is every
day (also the days added to the event later); none checked is refused by the service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from .formatting import day_label


class DaysPicker(QWidget):
    changed = Signal()

    def __init__(self, days, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("daysPicker")
        self.setAccessibleName(self.tr("Days"))
        self.boxes: dict[int, QCheckBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for day in days:
            box = QCheckBox(day_label(day.date))
            box.setObjectName(f"day_{day.id}")
            box.setAccessibleName(self.tr("Comes on %1").replace("%1", day_label(day.date)))
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[day.id] = box
            layout.addWidget(box)
        layout.addStretch()
        self.setFocusProxy(next(iter(self.boxes.values()), None))

    @property
    def several(self) -> bool:
        """Only an event of several days asks."""
        return len(self.boxes) > 1

    def day_ids(self) -> tuple[int, ...]:
        return tuple(d for d, box in self.boxes.items() if box.isChecked())

    def set_day_ids(self, day_ids) -> None:
        """() or None: every day."""
        wanted = set(day_ids or self.boxes)
        for day_id, box in self.boxes.items():
            box.setChecked(day_id in wanted)

    def setStyleSheet(self, style: str) -> None:  # the form marks a field with a problem
        super().setStyleSheet("QCheckBox { color: #B3261E; font-weight: bold; }" if style else "")
