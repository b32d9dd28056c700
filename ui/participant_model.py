"""The participant list as a lazy table model, smooth at 100,000 rows.

The model holds only the ordered list of matching IDs (search, filters and sort happen in
SQL, answered by indexes) and fetches the rows the view asks for, a page at a time.
Sorting by a column header re-asks the database instead of sorting in Python; a
QSortFilterProxyModel would have to fetch every row to do the same, so none is used.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from regdesk.db import Database
from regdesk.services.search import (
    ParticipantFilter,
    ParticipantRow,
    participant_ids,
    participant_rows,
)

from .table_model import Index, TableModel

PAGE = 200
MAX_PAGES = 64  # pages kept in memory (12,800 rows)


def group_text(row: ParticipantRow, lead_text: str) -> str:
    """The group a row's person comes with; ``lead_text`` ("%1 (lead)") for its lead."""
    if not row.group_name:
        return ""
    return lead_text.replace("%1", row.group_name) if row.group_lead else row.group_name


class ParticipantTableModel(TableModel):
    LAST, FIRST, ORGANISATION, CATEGORY, STATUS, CODE, CHECKED_IN, EMAIL, GROUP = range(9)
    SORT_KEYS = {
        LAST: "name",
        FIRST: "first_name",
        ORGANISATION: "organisation",
        CATEGORY: "category",
        STATUS: "status",
        CODE: "short_code",
        EMAIL: "email",
    }
    reloaded = Signal()

    def __init__(self, db: Database, event_id: int, parent=None) -> None:
        super().__init__((), parent)
        self.db = db
        self.event_id = event_id
        self.query = ""
        self.filters = ParticipantFilter()
        self.sort_key = "rank"
        self.descending = False
        self._pages: OrderedDict[int, list[ParticipantRow]] = OrderedDict()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Last name"),
            self.tr("First name"),
            self.tr("Organisation"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Code"),
            self.tr("Checked in"),
            self.tr("E-mail"),
            self.tr("Group"),
        )

    # --- the ID list ------------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the database again for the matching IDs (cheap) and drop cached rows."""
        with self.db.session(write=False) as session:
            ids = participant_ids(
                session, self.event_id, self.query, self.filters, self.sort_key, self.descending
            )
        self.beginResetModel()
        self.rows = ids
        self._pages.clear()
        self.endResetModel()
        self.reloaded.emit()

    def search(self, query: str) -> None:
        """Show the matches for ``query``, best first."""
        self.query = query
        self.sort_key, self.descending = "rank", False
        self.reload()

    def set_filters(self, filters: ParticipantFilter) -> None:
        if filters != self.filters:
            self.filters = filters
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()

    def participant_id(self, row: int) -> int | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, participant_id: int) -> int:
        try:
            return self.rows.index(participant_id)
        except ValueError:
            return -1

    def refresh_rows(self) -> None:
        """Re-read the shown rows (after an edit) without changing the ID list."""
        self._pages.clear()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1)
            )

    # --- rows, a page at a time -------------------------------------------------------------

    def row_data(self, row: int) -> ParticipantRow | None:
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            ids = self.rows[page_no * PAGE : (page_no + 1) * PAGE]
            with self.db.session(write=False) as session:
                fetched = {r.id: r for r in participant_rows(session, ids)}
            page = [fetched.get(i) for i in ids]
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE
        return page[offset] if offset < len(page) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        col = index.column()
        cancelled = row.status == "cancelled"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LAST:
                return row.last_name
            if col == self.FIRST:
                return " ".join(p for p in (row.title, row.first_name) if p)
            if col == self.ORGANISATION:
                return row.organisation
            if col == self.CATEGORY:
                return row.category_name
            if col == self.STATUS:
                return self.tr("cancelled") if cancelled else self.tr("registered")
            if col == self.CODE:
                return row.short_code
            if col == self.CHECKED_IN:
                return self.tr("yes") if row.checked_in else "–"
            if col == self.EMAIL:
                return row.email
            if col == self.GROUP:
                return group_text(row, self.tr("%1 (lead)"))
        if role == Qt.ItemDataRole.DecorationRole and col == self.CATEGORY:
            return QColor(row.category_colour)
        if role == Qt.ItemDataRole.FontRole and cancelled:
            font = QFont()
            font.setStrikeOut(col in (self.LAST, self.FIRST))
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and cancelled:
            return QColor("#6B6B6B")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.LAST and row.is_vip:
            return "VIP"
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return False  # the row count is known from the ID list; rows load as they show
