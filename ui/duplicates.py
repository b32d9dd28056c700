"""The likely-duplicate panel shown by the participant and walk-in forms."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from regdesk.services.participants import DuplicateCandidate

from .table_model import Index, TableModel


class DuplicatesModel(TableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Organisation"), self.tr("E-mail"), self.tr("Why"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        c: DuplicateCandidate = self.rows[index.row()]
        why = (
            self.tr("same e-mail") if c.reason == "email" else self.tr("same name and organisation")
        )
        if c.status == "cancelled":
            why += " · " + self.tr("cancelled")
        return (f"{c.first_name} {c.last_name}", c.organisation, c.email, why)[index.column()]


class DuplicatePanel(QFrame):
    """Lists the candidates; the user opens one or saves anyway."""

    open_requested = Signal(int)  # participant id
    save_anyway = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatePanel")
        self.setStyleSheet(
            "#duplicatePanel { background:#FFF4D6; border:1px solid #C9A227; border-radius:4px; }"
        )
        title = QLabel(self.tr("This person may already be registered."))
        title.setStyleSheet("font-weight:bold; color:#5C4400;")
        self.model = DuplicatesModel(parent=self)
        self.view = QTableView()
        self.view.setObjectName("duplicateCandidates")
        self.view.setAccessibleName(self.tr("Possible duplicates"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setMaximumHeight(110)
        self.view.setTabKeyNavigation(False)
        self.open_button = QPushButton(self.tr("Show the e&xisting one"))
        self.open_button.setObjectName("openDuplicateButton")
        self.open_button.clicked.connect(self._open)
        self.anyway_button = QPushButton(self.tr("Register any&way"))
        self.anyway_button.setObjectName("saveAnywayButton")
        self.anyway_button.clicked.connect(self.save_anyway)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.anyway_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.hide()

    def show_candidates(self, candidates) -> None:
        self.model.set_rows(candidates)
        self.view.selectRow(0)
        self.show()
        self.open_button.setFocus()

    def _open(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.rows[row].id)
