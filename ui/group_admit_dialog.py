"""Admit the whole group: its members, the lead first, each ticked when they can come in
(registered, not in yet). Door staff untick who is not here; Space ticks and unticks the
selected row, Enter admits the ticked ones -- together, in one transaction."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from regdesk.services.checkin import MemberAtDoor

from .fit import fit_title
from .formatting import local_time
from .list_table import list_table
from .table_model import Index, TableModel


class MembersModel(TableModel):
    """The group's members with a tick each; only those who can come in can be ticked."""

    def __init__(self, members: list[MemberAtDoor], parent=None) -> None:
        super().__init__(members, parent)
        self.ticked = {m.participant_id for m in members if self.can_come_in(m)}

    @staticmethod
    def can_come_in(member: MemberAtDoor) -> bool:
        return member.registered and member.admitted_at is None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Organisation"), self.tr("At the door"))

    def state(self, member: MemberAtDoor) -> str:
        if not member.registered:
            return self.tr("registration cancelled")
        if member.admitted_at is not None:
            return self.tr("in since %1").replace("%1", local_time(member.admitted_at))
        return self.tr("to admit") if member.participant_id in self.ticked else self.tr("not here")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.isValid() and index.column() == 0 and self.can_come_in(self.rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member: MemberAtDoor = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            if not self.can_come_in(member):
                return None
            ticked = member.participant_id in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = member.name + (" " + self.tr("(lead)") if member.is_lead else "")
            return (name, member.organisation, self.state(member))[index.column()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        member = self.rows[index.row()]
        if not self.can_come_in(member):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self.ticked.add if checked else self.ticked.discard)(member.participant_id)
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(2))
        return True

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            member = self.rows[row]
            ticked = member.participant_id in self.ticked
            state = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
            self.setData(self.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)

    def chosen(self) -> list[int]:
        return [m.participant_id for m in self.rows if m.participant_id in self.ticked]


class GroupAdmitDialog(QDialog):
    """Ends accepted with ``chosen()`` the people to admit."""

    def __init__(self, group_name: str, members: list[MemberAtDoor], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupAdmitDialog")
        fit_title(self, self.tr("Admit the group"))
        self.resize(620, 400)
        self.model = MembersModel(members, self)
        in_already = sum(m.admitted_at is not None for m in members)
        summary = QLabel(
            self.tr("<b>%1</b>: %2 member(s), %3 in already. Untick who is not here.")
            .replace("%1", group_name)
            .replace("%2", str(len(members)))
            .replace("%3", str(in_already))
        )
        summary.setObjectName("groupSummary")
        summary.setWordWrap(True)
        self.view = list_table("groupMembers", self.tr("Members of the group"), self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda index: self.model.toggle(index.row()))
        self.view.installEventFilter(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("admitGroup")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(lambda *_: self._count())
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self._count()
        self.view.setFocus()
        if members:
            self.view.selectRow(0)

    def eventFilter(self, watched, event) -> bool:  # Space in the list ticks the row
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
        ):
            self.model.toggle(self.view.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _count(self) -> None:
        n = len(self.model.chosen())
        self.ok.setText(self.tr("&Admit %n", "", n))
        self.ok.setEnabled(n > 0)

    def chosen(self) -> list[int]:
        return self.model.chosen()
