"""Choosing the people to enrol in a programme item: one or many. Type a name (accents do
not matter), pick with the arrow keys (Shift+arrows for several), Enter puts them on the
list below and clears the search for the next name; "whole group" adds a delegation;
Enter in the empty search (or Ctrl+Enter) enrols everyone listed, in that order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.models import ParticipantStatus
from regdesk.services.groups import members
from regdesk.services.search import ParticipantFilter, participant_rows, search

from .checkin_models import FoundModel
from .fit import fit_title
from .list_table import chosen_rows, list_table


class EnrolDialog(QDialog):
    """Ends accepted with ``chosen_ids`` (in the order they were added)."""

    def __init__(self, db: Database, event_id: int, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.event_id = db, event_id
        self.setObjectName("enrolDialog")
        fit_title(self, title)
        self.resize(700, 560)
        self.query = QLineEdit()
        self.query.setObjectName("candidateSearch")
        self.query.setAccessibleName(self.tr("Search participant"))
        self.query.setPlaceholderText(self.tr("Name, organisation, e-mail, group or badge code"))
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.query)
        self.model = FoundModel((), self)
        self.view = list_table("candidateTable", self.tr("Matching participants"), self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _: self.add_current())
        self.chosen_model = FoundModel((), self)
        self.chosen_view = list_table("chosenTable", self.tr("To enrol"), self.chosen_model)
        self.chosen_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosenLabel")
        self.chosen_label.setBuddy(self.chosen_view)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("addChosen")
        self.add_button.clicked.connect(self.add_current)
        self.group_button = QPushButton(self.tr("Add the whole &group"))
        self.group_button.setObjectName("addGroup")
        self.group_button.clicked.connect(self.add_group)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("removeChosen")
        self.remove_button.clicked.connect(self.remove_selected)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.chosen_view)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        finish = QShortcut(QKeySequence("Ctrl+Return"), self)
        finish.activated.connect(self.finish)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        self.query.textChanged.connect(self.timer.start)
        self.query.returnPressed.connect(self._entered)
        self.query.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("enrolChosen")
        self.ok.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.query, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.group_button)
        actions.addStretch()
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen_label, 1)
        chosen_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addLayout(actions)
        layout.addLayout(chosen_row)
        layout.addWidget(self.chosen_view, 2)
        layout.addWidget(self.buttons)
        self.refresh()
        self.query.setFocus()

    @property
    def chosen_ids(self) -> list[int]:
        return [r.id for r in self.chosen_model.rows]

    def eventFilter(self, watched, event) -> bool:  # arrows in the search field move the list
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.model.rowCount() - 1, self.view.currentIndex().row() + step))
                extend = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                flag = QItemSelectionModel.SelectionFlag
                flags = flag.Rows | (flag.Select if extend else flag.ClearAndSelect)
                index = self.model.index(row, 0)
                self.view.selectionModel().setCurrentIndex(index, flags)
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        self.timer.stop()
        filters = ParticipantFilter(status=ParticipantStatus.REGISTERED.value)
        with self.db.session(write=False) as session:
            rows = search(session, self.event_id, self.query.text(), limit=50, filters=filters)
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self._update()

    def _entered(self) -> None:
        """Enter: the search's choice onto the list; in an empty search, enrol them."""
        if self.query.text().strip():
            self.add_current()
        else:
            self.finish()

    def _marked(self) -> list:
        if self.timer.isActive():
            self.refresh()
        rows = chosen_rows(self.view)
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def _add(self, rows) -> None:
        have = set(self.chosen_ids)
        new = [r for r in rows if r.id not in have]
        if new:
            self.chosen_model.set_rows([*self.chosen_model.rows, *new])
        self.query.clear()
        self.query.setFocus()
        self._update()

    def add_current(self) -> None:
        self._add(self._marked())

    def add_group(self) -> None:
        """Every registered member of the group of the person marked in the search."""
        marked = [r for r in self._marked() if r.group_id is not None]
        if not marked:
            return
        with self.db.session(write=False) as session:
            ids = [
                m.participant_id
                for m in members(session, marked[0].group_id)
                if m.status == ParticipantStatus.REGISTERED.value
            ]
            rows = participant_rows(session, ids)
        self._add(rows)

    def remove_selected(self) -> None:
        gone = {self.chosen_model.rows[i.row()].id for i in self.chosen_view.selectedIndexes()}
        if not gone and self.chosen_view.currentIndex().isValid():
            gone = {self.chosen_model.rows[self.chosen_view.currentIndex().row()].id}
        self.chosen_model.set_rows([r for r in self.chosen_model.rows if r.id not in gone])
        self._update()

    def finish(self) -> None:
        if self.chosen_model.rowCount():
            self.accept()
        elif self._marked():  # nothing listed yet: the one marked in the search
            self.add_current()
            self.accept()

    def _update(self) -> None:
        n = self.chosen_model.rowCount()
        self.chosen_label.setText(
            self.tr("&To enrol (%n) – Enter in the empty search enrols them", "", n)
            if n
            else self.tr("&To enrol: nobody yet – Enter puts the one found here")
        )
        self.ok.setText(self.tr("&Enrol %n", "", n) if n else self.tr("&Enrol"))
        self.ok.setEnabled(n > 0 or self.model.rowCount() > 0)
        self.remove_button.setEnabled(n > 0)
        current: QModelIndex = self.view.currentIndex()
        row = self.model.rows[current.row()] if current.isValid() else None
        self.group_button.setEnabled(row is not None and row.group_id is not None)
        self.group_button.setText(
            self.tr("Add the whole &group: %1").replace("%1", row.group_name)
            if row is not None and row.group_id is not None
            else self.tr("Add the whole &group")
        )
