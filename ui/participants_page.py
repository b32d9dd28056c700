"""Teilnehmende: search as you type, filters, the participant list (lazy, 100,000 rows),
a detail pane, and the desk's actions: new, walk-in, edit, cancel, restore."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.services import participants as svc
from regdesk.services.events import get_event
from regdesk.services.search import ParticipantFilter, count

from .action_button import action_button
from .list_table import chosen_rows
from .live import kept_position
from .messages import error_text
from .participant_detail import ParticipantDetailPane
from .participant_dialog import ParticipantDialog
from .participant_model import ParticipantTableModel
from .walk_in_dialog import Admission, WalkInDialog

SEARCH_DELAY_MS = 120  # wait for a pause in typing before asking the database


class ParticipantsPage(QWidget):
    changed = Signal()  # participants were added or changed (for the overview)
    badge_requested = Signal(object)  # hand-over of a new walk-in to badge printing
    reprint_requested = Signal(object)  # print the badges of these participants (ids)
    certificates_requested = Signal(object)  # attendance certificates for these (ids)
    access_requested = Signal(int)  # the Art. 15 access export of this person
    reissue_requested = Signal(int)  # a lost badge: new code, then print

    def __init__(
        self, db: Database, event_id: int, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        self.setObjectName("participantsPage")

        self.search = QLineEdit()
        self.search.setObjectName("participantSearch")
        self.search.setAccessibleName(self.tr("Search participants"))
        self.search.setPlaceholderText(
            self.tr("Search: name, organisation, e-mail or badge code (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(380)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_entered)

        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.setAccessibleName(self.tr("Filter by category"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        for text, value in (
            (self.tr("All statuses"), None),
            (self.tr("Registered"), "registered"),
            (self.tr("Cancelled"), "cancelled"),
        ):
            self.status_filter.addItem(text, value)
        self.checked_filter = QComboBox()
        self.checked_filter.setObjectName("checkedInFilter")
        self.checked_filter.setAccessibleName(self.tr("Filter by check-in"))
        for text, value in (
            (self.tr("Checked in or not"), None),
            (self.tr("Checked in"), True),
            (self.tr("Not checked in"), False),
        ):
            self.checked_filter.addItem(text, value)
        for combo in (self.category_filter, self.status_filter, self.checked_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("participantCount")

        self.model = ParticipantTableModel(db, event_id, self)
        self.model.reloaded.connect(self._update_count)
        self.view = QTableView()
        self.view.setObjectName("participantTable")
        self.view.setAccessibleName(self.tr("Participants"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several chosen (Shift/Ctrl with the arrows or a click): their badges print at once
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # no column sort at first: alphabetical, or by relevance while searching
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 140), (1, 130), (2, 240), (3, 120), (4, 90), (5, 70), (6, 80)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _: self.edit_selected())
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.detail = ParticipantDetailPane()

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, text, shortcut, slot in (
            ("new", self.tr("&New…"), "Ctrl+N", self.new_participant),
            ("walkIn", self.tr("&Walk-in…"), "Ctrl+Shift+N", lambda: self.walk_in()),
            ("edit", self.tr("&Edit…"), "", self.edit_selected),
            ("cancel", self.tr("&Cancel registration…"), "Ctrl+Del", self.cancel_selected),
            ("restore", self.tr("&Restore"), "", self.restore_selected),
            ("reprint", self.tr("&Print badge…"), "Ctrl+P", self.reprint_selected),
            ("reissue", self.tr("Reissue &badge…"), "", self.reissue_selected),
            ("certificates", self.tr("Cer&tificates…"), "", self.certificates_selected),
            ("access", self.tr("Data &access…"), "", self.access_selected),
        ):
            self.buttons[name] = action_button(self, name, text, shortcut, slot)
            bar.addWidget(self.buttons[name])
        bar.addStretch()

        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        edit = QAction(self.view)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_selected)
        self.view.addAction(edit)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.checked_filter, 1)
        filters.addWidget(self.count_label)  # the buttons' row is full
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.search)

        self.reload_categories()
        self.model.reload()
        self._update_buttons()

    # --- list -------------------------------------------------------------------------------

    def reload_categories(self) -> None:
        with self.db.session(write=False) as session:
            categories = get_event(session, self.event_id).categories
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in categories:
            self.category_filter.addItem(category.name, category.id)
        index = self.category_filter.findData(current)
        self.category_filter.setCurrentIndex(max(0, index))
        self.category_filter.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_search(self) -> None:
        """A new search shows the best matches first (a header click sorts them again)."""
        selected = self.current_id()
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self.model.search(self.search.text())
        self._select(
            selected if selected is not None and self.model.row_of(selected) >= 0 else None
        )

    def _search_entered(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        if self.model.rowCount():
            self.view.setFocus()

    def _apply_filters(self) -> None:
        category = self.category_filter.currentData()
        self.model.set_filters(
            ParticipantFilter(
                category_ids=(category,) if category is not None else (),
                status=self.status_filter.currentData(),
                checked_in=self.checked_filter.currentData(),
            )
        )
        self._select(None)

    def _update_count(self) -> None:
        with self.db.session(write=False) as session:
            total = count(session, self.event_id)
        locale = QLocale()
        self.count_label.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", locale.toString(self.model.rowCount()))
            .replace("%2", locale.toString(total))
        )

    def _select(self, participant_id: int | None) -> None:
        row = self.model.row_of(participant_id) if participant_id is not None else 0
        if row < 0 or not self.model.rowCount():
            self.view.clearSelection()
            self.detail.show_nothing()
            self._update_buttons()
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        self._current_changed(index)

    def show_participant(self, participant_id: int) -> None:
        """Select a participant, clearing search and filters if they hide it."""
        if self.model.row_of(participant_id) < 0:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            for combo in (self.category_filter, self.status_filter, self.checked_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.model.query, self.model.filters = "", ParticipantFilter()
            self.model.reload()
        self._select(participant_id)
        self.view.setFocus()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.participant_id(index.row()) if index.isValid() else None

    def _current_changed(self, index) -> None:
        pid = self.model.participant_id(index.row()) if index.isValid() else None
        if pid is None:
            self.detail.show_nothing()
        else:
            with self.db.session(write=False) as session:
                self.detail.show_detail(svc.participant_detail(session, pid))
        self._update_buttons()

    def _update_buttons(self) -> None:
        pid = self.current_id()
        row = self.model.row_data(self.view.currentIndex().row()) if pid is not None else None
        self.buttons["edit"].setEnabled(row is not None)
        self.buttons["cancel"].setEnabled(row is not None and row.status == "registered")
        self.buttons["restore"].setEnabled(row is not None and row.status == "cancelled")
        self.buttons["reissue"].setEnabled(row is not None and row.status == "registered")
        self.buttons["certificates"].setEnabled(row is not None)
        self.buttons["access"].setEnabled(row is not None)
        printable = self._printable()
        self.buttons["reprint"].setEnabled(bool(printable))
        self.buttons["reprint"].setText(
            self.tr("&Print %n badges…", "", len(printable))
            if len(printable) > 1
            else self.tr("&Print badge…")
        )

    def _printable(self) -> list[int]:
        """The chosen whose registration stands (a cancelled one gets no badge)."""
        found = [self.model.row_data(r) for r in chosen_rows(self.view)]
        return [r.id for r in found if r is not None and r.status == "registered"]

    def refresh_current(self) -> None:
        pid = self.current_id()
        self.model.refresh_rows()
        if pid is not None:
            self._select(pid)

    def reprint_selected(self) -> None:
        chosen = self._printable()
        if chosen and self.buttons["reprint"].isEnabled():
            self.reprint_requested.emit(chosen)

    def certificates_selected(self) -> None:
        """Attendance certificates for the chosen (made on the Lists & export page)."""
        chosen = self._printable()
        if chosen:
            self.certificates_requested.emit(chosen)

    def access_selected(self) -> None:
        """Everything stored about the current person (Art. 15 GDPR), as JSON and PDF."""
        pid = self.current_id()
        if pid is not None and self.buttons["access"].isEnabled():
            self.access_requested.emit(pid)

    def reissue_selected(self) -> None:
        pid = self.current_id()
        if pid is not None and self.buttons["reissue"].isEnabled():
            self.reissue_requested.emit(pid)

    def reload(self) -> None:
        """Fetch the list again (after an import), and tell the other areas."""
        self.model.reload()
        self._select(None)
        self.changed.emit()

    def live_refresh(self, _topics: frozenset[str]) -> None:
        """Changed elsewhere (another screen, process or desk): the same search and filters
        read again; the selected person stays selected, the list where it was scrolled."""
        selected = self.current_id()
        with kept_position(self.view):
            self.model.reload()
            if selected is not None and self.model.row_of(selected) >= 0:
                index = self.model.index(self.model.row_of(selected), 0)
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._current_changed(index)
            else:
                self._select(None)

    def _after_change(self, participant_id: int) -> None:
        self.model.reload()
        self._select(participant_id if self.model.row_of(participant_id) >= 0 else None)
        self.changed.emit()

    # --- actions ----------------------------------------------------------------------------

    def new_participant(self) -> None:
        dialog = ParticipantDialog(self.db, self.actor, self.event_id, None, self)
        if dialog.exec():
            if dialog.open_id is not None:
                self.show_participant(dialog.open_id)
            elif dialog.saved is not None:
                self._after_change(dialog.saved.id)
                self.show_participant(dialog.saved.id)

    def edit_selected(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        dialog = ParticipantDialog(self.db, self.actor, self.event_id, pid, self)
        if dialog.exec():
            if dialog.open_id is not None:
                self.show_participant(dialog.open_id)
            else:
                self._after_change(pid)

    def walk_in(self, admission: Admission | None = None) -> None:
        """The walk-in form; from the door (``admission``) the guest is admitted at once."""
        dialog = WalkInDialog(self.db, self.actor, self.event_id, self, admission=admission)
        dialog.registered.connect(self._walk_in_registered)
        dialog.open_requested.connect(self.show_participant)
        dialog.exec()

    def _walk_in_registered(self, person) -> None:
        self._after_change(person.id)
        self.badge_requested.emit(person)

    def cancel_selected(self) -> None:
        pid = self.current_id()
        if pid is None or not self.buttons["cancel"].isEnabled():
            return
        with self.db.session(write=False) as session:
            person = svc.get_participant(session, pid)
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Cancel registration"),
            self.tr("Cancel the registration of %1?\nReason (required):").replace(
                "%1", person.display_name
            ),
        )
        if not ok:
            return
        self._run(lambda session: svc.cancel(session, pid, reason, actor=self.actor), pid)

    def restore_selected(self) -> None:
        pid = self.current_id()
        if pid is None or not self.buttons["restore"].isEnabled():
            return
        with self.db.session(write=False) as session:
            person = svc.get_participant(session, pid)
        answer = QMessageBox.question(
            self,
            self.tr("Restore registration"),
            self.tr("Restore the cancelled registration of %1?").replace("%1", person.display_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda session: svc.restore(session, pid, actor=self.actor), pid)

    def _run(self, action, participant_id: int) -> None:
        try:
            with self.db.session() as session:
                action(session)
        except RegdeskError as exc:
            QMessageBox.warning(self, self.tr("Not possible"), error_text(exc))
            return
        self._after_change(participant_id)
