"""Models of the Programm screen: the programme tree (slots with their items and fill),
the people on an item (draggable onto another item), and who moved up."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from regdesk.services.programme import ItemSummary, PersonOnItem, Promotion, SlotSummary

from .formatting import day_label, local_time
from .table_model import RIGHT, ROOT, Index, TableModel

PERSON_MIME = "application/x-regdesk-person"
ID_ROLE = Qt.ItemDataRole.UserRole
FILL_ROLE = Qt.ItemDataRole.UserRole + 1  # (enrolled, capacity or None)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "slot" or "item"


def fill_text(enrolled: int, capacity: int | None) -> str:
    """The fill in words: "18/20 · 2 free", "40/40 · full", "12 · open"."""
    if capacity is None:
        return QCoreApplication.translate("Fill", "%1 · open").replace("%1", str(enrolled))
    text = f"{enrolled}/{capacity}"
    if enrolled >= capacity:
        return QCoreApplication.translate("Fill", "%1 · full").replace("%1", text)
    return (
        QCoreApplication.translate("Fill", "%1 · %2 free")
        .replace("%1", text)
        .replace("%2", str(capacity - enrolled))
    )


class ProgrammeTreeModel(QAbstractItemModel):
    """Slots (top level, in time order) with their items. People dropped on an item ask
    to be moved there (``move_requested``); the page does it and reloads."""

    TITLE, ROOM, FILL, WAITING = range(4)
    move_requested = Signal(int, int, int)  # participant, from item, to item

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.slots: list[tuple[SlotSummary, list[ItemSummary]]] = []
        self._headers = (
            self.tr("Programme"),
            self.tr("Room"),
            self.tr("Places"),
            self.tr("Waiting"),
        )

    def set_programme(self, programme) -> None:
        self.beginResetModel()
        self.slots = list(programme)
        self.endResetModel()

    # --- structure: a slot's internal id is 0, an item's is its slot row + 1 ---------------

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self.slots)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.slots[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def slot_at(self, index: Index) -> SlotSummary | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.slots[row][0]

    def item_at(self, index: Index) -> ItemSummary | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.slots[index.internalId() - 1][1][index.row()]

    def index_of_item(self, item_id: int) -> QModelIndex:
        for s, (_, items) in enumerate(self.slots):
            for r, item in enumerate(items):
                if item.id == item_id:
                    return self.index(r, 0, self.index(s, 0))
        return QModelIndex()

    def index_of_slot(self, slot_id: int) -> QModelIndex:
        for s, (slot, _) in enumerate(self.slots):
            if slot.id == slot_id:
                return self.index(s, 0)
        return QModelIndex()

    # --- data -----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item_at(index)
        if item is None:
            return self._slot_data(self.slots[index.row()][0], index.column(), role)
        column = index.column()
        if role == ID_ROLE:
            return item.id
        if role == KIND_ROLE:
            return "item"
        if role == FILL_ROLE:
            return (item.enrolled, item.capacity) if column == self.FILL else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.WAITING:
            return RIGHT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.TITLE:
                return f"{item.code} · {item.title}" if item.code else item.title
            if column == self.ROOM:
                return item.room
            if column == self.FILL:
                return fill_text(item.enrolled, item.capacity)
            if column == self.WAITING:
                return str(item.waitlisted) if item.waitlisted else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE and item.host:
            return item.host
        return None

    def _slot_data(self, slot: SlotSummary, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return slot.id
        if role == KIND_ROLE:
            return "slot"
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if shown and column == self.TITLE:
            when = f"{day_label(slot.day)}  {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}"
            return f"{when}  {slot.label}".rstrip()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # --- drag and drop: people onto items -------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.item_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [PERSON_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(PERSON_MIME) and self.item_at(parent) is not None

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        target = self.item_at(parent)
        if target is None or not data.hasFormat(PERSON_MIME):
            return False
        for person in json.loads(bytes(data.data(PERSON_MIME)).decode()):
            if person["item_id"] != target.id:
                self.move_requested.emit(person["participant_id"], person["item_id"], target.id)
        return False  # the page moves and reloads; nothing is removed by the view


class PeopleModel(TableModel):
    """Enrolled people (by name) or a waiting list (in order) of one item; rows drag onto
    another item in the programme tree to move them."""

    def __init__(self, waiting: bool, parent=None) -> None:
        self.waiting = waiting
        super().__init__((), parent)
        self.item_id: int | None = None

    def headers(self) -> tuple[str, ...]:
        first = (self.tr("No."),) if self.waiting else ()
        return (
            *first,
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Category"),
            self.tr("Via"),
        )

    def source_text(self, person: PersonOnItem) -> str:
        names = {
            "manual": self.tr("by hand"),
            "import": self.tr("import"),
            "allocation": self.tr("allocation"),
            "waitlist": self.tr("moved up"),
        }
        via = self.tr("waiting since") if self.waiting else names.get(person.source, person.source)
        return f"{via} {person.since.astimezone():%d.%m. %H:%M}"

    def set_people(self, item_id: int | None, rows: list[PersonOnItem]) -> None:
        self.item_id = item_id
        self.set_rows(rows)

    def person(self, row: int) -> PersonOnItem | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person: PersonOnItem = self.rows[index.row()]
        column = index.column() - (1 if self.waiting else 0)
        if role == ID_ROLE:
            return person.participant_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column < 0:
            return RIGHT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column < 0:
                return str(person.waitlist_position)
            return (
                person.name,
                person.organisation,
                person.category,
                self.source_text(person),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{person.email}\n{local_time(person.since)}".strip()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [PERSON_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        people = [
            {"participant_id": self.rows[r].participant_id, "item_id": self.item_id} for r in rows
        ]
        data = QMimeData()
        data.setData(PERSON_MIME, json.dumps(people).encode())
        return data


class MovedUpModel(TableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("Name"), self.tr("E-mail"), self.tr("Programme item"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        p: Promotion = self.rows[index.row()]
        return (local_time(p.at) if p.at else "", p.name, p.email, p.item_title)[index.column()]
