"""Table models for the event settings dialog and the overview: categories, days, counts."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QStyledItemDelegate, QWidget

from regdesk.services.events import CategoryDraft, CategorySummary, DaySummary
from regdesk.text import format_date

from .formatting import day_label, weekday
from .table_model import RIGHT, ROOT, Index, TableModel


class CategoriesModel(TableModel):
    """The event's categories as editable drafts: name, badge label, colour, default."""

    NAME, LABEL, COLOUR, DEFAULT, USED = range(5)

    def __init__(
        self, categories: list[CategorySummary] | tuple[CategorySummary, ...] = (), parent=None
    ) -> None:
        super().__init__(
            [
                CategoryDraft(c.name, c.badge_label, c.colour, c.is_default, c.id)
                for c in categories
            ],
            parent,
        )
        self.used = {c.id: c.participant_count for c in categories}
        self._next_key = itertools.count()
        self.keys = [next(self._next_key) for _ in self.rows]  # stable row identities
        self.reassign: dict[int, int] = {}  # removed category id -> key of the row it joins
        self.errors: dict[tuple[int, int], str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Badge label"),
            self.tr("Colour"),
            self.tr("Default"),
            self.tr("Participants"),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.NAME, self.LABEL, self.COLOUR):
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.DEFAULT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        draft = self.rows[index.row()]
        col = index.column()
        error = self.errors.get((index.row(), col))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.NAME:
                return draft.name
            if col == self.LABEL:
                return draft.badge_label
            if col == self.COLOUR:
                return draft.colour
            if col == self.USED and role == Qt.ItemDataRole.DisplayRole:
                return self.used.get(draft.id, 0) if draft.id else 0
        if role == Qt.ItemDataRole.DecorationRole and col == self.COLOUR:
            return QColor(draft.colour)
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DEFAULT:
            return Qt.CheckState.Checked if draft.is_default else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QColor("#FDE2E1")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and error:
            return error
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.USED:
            return RIGHT
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, col = index.row(), index.column()
        draft = self.rows[row]
        if role == Qt.ItemDataRole.CheckStateRole and col == self.DEFAULT:
            if Qt.CheckState(value) != Qt.CheckState.Checked:
                return False  # one category is always the default: choose another instead
            self.rows = [replace(d, is_default=(i == row)) for i, d in enumerate(self.rows)]
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value)
        if col == self.NAME:
            self.rows[row] = replace(draft, name=text)
        elif col == self.LABEL:
            self.rows[row] = replace(draft, badge_label=text)
        elif col == self.COLOUR:
            self.rows[row] = replace(draft, colour=text)
        else:
            return False
        self.errors.pop((row, col), None)
        self.dataChanged.emit(index, index)
        return True

    def add(self, name: str, colour: str = "#00707A") -> int:
        row = len(self.rows)
        self.beginInsertRows(ROOT, row, row)
        self.rows.append(CategoryDraft(name, name, colour))
        self.keys.append(next(self._next_key))
        self.endInsertRows()
        return row

    def remove(self, row: int, move_to: int | None = None) -> None:
        """Remove a row; its participants (if any) move to row ``move_to`` on saving."""
        removed_key = self.keys[row]
        target_key = self.keys[move_to] if move_to is not None else None
        self.beginRemoveRows(ROOT, row, row)
        removed = self.rows.pop(row)
        self.keys.pop(row)
        self.endRemoveRows()
        # those moving into the removed row follow on to its own target
        for cat_id, key in list(self.reassign.items()):
            if key == removed_key:
                self.reassign[cat_id] = target_key
        if removed.id is not None and target_key is not None:
            self.reassign[removed.id] = target_key
            self.used[self.rows[self.keys.index(target_key)].id] = self.used.get(
                self.rows[self.keys.index(target_key)].id, 0
            ) + self.used.get(removed.id, 0)
        if removed.is_default and self.rows:
            self.setData(
                self.index(0, self.DEFAULT),
                Qt.CheckState.Checked.value,
                Qt.ItemDataRole.CheckStateRole,
            )
        self.errors.clear()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not 0 <= row < len(self.rows) or not 0 <= target < len(self.rows):
            return row
        self.beginMoveRows(ROOT, row, row, ROOT, target + (1 if delta > 0 else 0))
        self.rows.insert(target, self.rows.pop(row))
        self.keys.insert(target, self.keys.pop(row))
        self.endMoveRows()
        self.errors.clear()
        return target

    def reassign_positions(self) -> dict[int, int]:
        """For the service: removed category id -> position of the row it joins."""
        return {
            cat_id: self.keys.index(key) for cat_id, key in self.reassign.items() if key is not None
        }

    def in_use(self, row: int) -> int:
        draft = self.rows[row]
        return self.used.get(draft.id, 0) if draft.id else 0

    def set_errors(self, errors: dict[tuple[int, int], str]) -> None:
        self.errors = errors
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 4))


class ColourDelegate(QStyledItemDelegate):
    """Edits a #RRGGBB colour with Qt's colour dialog (keyboard operable)."""

    def createEditor(self, parent: QWidget, option, index: Index):
        dialog = QColorDialog(QColor(index.data(Qt.ItemDataRole.EditRole)), parent)
        dialog.setWindowTitle(self.tr("Choose the category colour"))
        dialog.setModal(True)
        return dialog

    def setEditorData(self, editor: QColorDialog, index: Index) -> None:
        editor.setCurrentColor(QColor(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QColorDialog, model, index: Index) -> None:
        if editor.result() == QColorDialog.DialogCode.Accepted:
            model.setData(index, editor.currentColor().name().upper())

    def updateEditorGeometry(self, editor, option, index) -> None:
        pass  # a dialog places itself


class DaysModel(TableModel):
    """The event's days (from first to last day) with an editable label each."""

    DATE, WEEKDAY, LABEL = range(3)

    def __init__(self, days: tuple[DaySummary, ...] = (), parent=None) -> None:
        super().__init__([d.date for d in days], parent)
        self.labels = {d.date: d.label for d in days}

    def set_range(self, first: date, last: date) -> None:
        count = max(0, (last - first).days + 1) if last >= first else 0
        self.set_rows(first + timedelta(days=i) for i in range(min(count, 366)))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Weekday"), self.tr("Label (optional)"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.LABEL else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        day = self.rows[index.row()]
        if index.column() == self.DATE:
            return format_date(day)
        if index.column() == self.WEEKDAY:
            return weekday(day)
        return self.labels.get(day, "")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.LABEL:
            return False
        self.labels[self.rows[index.row()]] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def label_changes(self, original: tuple[DaySummary, ...]) -> dict[date, str]:
        """Labels that differ from the saved days, by date (only days that stay)."""
        saved = {d.date: d.label for d in original}
        return {
            day: self.labels.get(day, "")
            for day in self.rows
            if self.labels.get(day, "").strip() != saved.get(day, "")
        }


class CategoryCountsModel(TableModel):
    """Registered participants per category (CategoryCount rows), for the overview."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("Badge label"), self.tr("Registered"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.badge_label, row.registered)[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(row.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return RIGHT
        return None


class ProgrammeOutlineModel(TableModel):
    """The programme's slots (SlotOutline rows) for the overview."""

    DAY, TIME, SLOT, ITEMS, PLACES = range(5)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Day"),
            self.tr("Time"),
            self.tr("Slot"),
            self.tr("Items"),
            self.tr("Places"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DAY:
                return day_label(row.day)
            if col == self.TIME:
                return f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}"
            if col == self.SLOT:
                return row.label
            if col == self.ITEMS:
                return f"{row.items} ({row.codes})" if row.items > 1 else row.codes
            if row.unlimited and not row.places:
                return self.tr("open")
            return f"{row.places}+" if row.unlimited else row.places
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PLACES:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col == self.PLACES and row.unlimited:
            return self.tr("At least one item has no limit.")
        return None
