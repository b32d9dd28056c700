"""Lists of the check-in screen: the last scans, the counts per category, and people
found by name for a manual admission."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from regdesk.services.checkin import ScanLine, verdict_class
from regdesk.services.search import ParticipantRow

from .formatting import local_time
from .participant_model import group_text
from .table_model import RIGHT, Index, TableModel

MARKS = {"ok": "✔", "warn": "⚠", "stop": "✖"}


class RecentScansModel(TableModel):
    def __init__(self, words, parent=None) -> None:
        self.words = words  # verdict -> words (the verdict panel's)
        super().__init__((), parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Verdict"), self.tr("Name"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line: ScanLine = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return local_time(line.at)[-5:]
            if index.column() == 1:
                words = self.words(line.verdict)
                mark = MARKS[verdict_class(line.verdict)]
                text = f"{mark} {words}"
                if line.override_reason:
                    text += " " + self.tr("(anyway: %1)").replace("%1", line.override_reason)
                return text + (" " + self.tr("(undone)") if line.undone else "")
            return line.name or line.raw
        if role == Qt.ItemDataRole.FontRole and line.undone:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class CategoryCountsModel(TableModel):
    """A day's entry per category: in, expected, and not (yet) come -- the no-shows once
    the day is over."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("In"), self.tr("Expected"), self.tr("Not come"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name, admitted, expected = self.rows[index.row()]
            return (name, str(admitted), str(expected),
                    str(max(expected - admitted, 0)))[index.column()]  # fmt: skip
        return None


class FoundModel(TableModel):
    """People found by a search, to choose one (admit, enrol)."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Organisation"), self.tr("Group"), self.tr("Code"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row: ParticipantRow = self.rows[index.row()]
        group = group_text(row, self.tr("%1 (lead)"))
        return (f"{row.last_name}, {row.first_name}", row.organisation, group, row.short_code)[
            index.column()
        ]


class RoomsModel(TableModel):
    """Session doors: in the room now, places taken (enrolled) of the places; came in."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Programme item"), self.tr("In the room"), self.tr("Taken"),
                self.tr("Places"), self.tr("Came in"))  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            room = self.rows[index.row()]
            counts = room.counts
            places = str(counts.capacity) if counts.capacity is not None else self.tr("open")
            return (room.label, str(counts.inside), str(counts.enrolled), places,
                    str(counts.admitted))[index.column()]  # fmt: skip
        return None


class VipArrivalsModel(TableModel):
    """VIPs admitted today, newest first: when, who, where."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Name"), self.tr("Organisation"), self.tr("Where"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            arrival = self.rows[index.row()]
            where = arrival.place or self.tr("Entry (%1)").replace("%1", arrival.desk)
            return (local_time(arrival.at)[-5:], arrival.name, arrival.organisation,
                    where)[index.column()]  # fmt: skip
        return None
