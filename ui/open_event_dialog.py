"""File ▸ Open event…: the events of the database with their dates, the one opened last
first. The chosen one becomes the default of the desks and of the command line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.services.events import EventChoice, event_choices
from regdesk.text import format_date_range

from .fit import fit_title
from .formatting import local_time
from .table_model import RIGHT, Index, TableModel


class EventsModel(TableModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Event"),
            self.tr("Dates"),
            self.tr("Venue"),
            self.tr("Participants"),
            self.tr("Last opened"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e: EventChoice = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return RIGHT
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        opened = local_time(e.opened_at) if e.opened_at else ""
        return (
            e.name,
            format_date_range(e.first_day, e.last_day),
            e.venue_name,
            QLocale().toString(e.participants),
            opened,
        )[index.column()]


class OpenEventDialog(QDialog):
    def __init__(self, db: Database, current_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openEventDialog")
        fit_title(self, self.tr("Open event"))
        self.resize(820, 420)
        self.chosen: int | None = None
        with db.session(write=False) as session:
            events = event_choices(session)
        self.model = EventsModel(events, self)
        self.view = QTableView()
        self.view.setObjectName("eventsTable")
        self.view.setAccessibleName(self.tr("Events of the database"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _index: self._open())  # Return, double click
        label = QLabel(self.tr("&Events of this database, the one opened last first:"))
        label.setBuddy(self.view)
        note = QLabel(
            self.tr(
                "The event opened here is also the default of the command line "
                "(regdesk … without --event)."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#4A5361;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setObjectName("openEventButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        row = next((r for r, e in enumerate(events) if e.id == current_id), 0)
        if events:
            self.view.selectRow(row)
        self.view.setFocus()

    def _open(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.model.rows[rows[0].row()].id
        self.accept()
