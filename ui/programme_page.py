"""Programm: days and slots with their items and fill, the people on an item and its
waiting list, enrol / remove / move (buttons, keys, or drag onto another item), editing
slots and items, the allocation from wishes with undo, and who moved up."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.services import allocation as alloc
from regdesk.services import programme as svc
from regdesk.services.enrol_many import enrol_many

from .action_button import action_button
from .allocation_dialog import AllocationDialog
from .enrol_dialog import EnrolDialog
from .fill_delegate import FillDelegate
from .formatting import day_label, local_time
from .live import kept_position
from .messages import error_text
from .programme_dialogs import (
    ChooseItemDialog,
    ItemDialog,
    SlotDialog,
    kind_names,
)
from .programme_models import MovedUpModel, PeopleModel, ProgrammeTreeModel, fill_text


class ProgrammePage(QWidget):
    changed = Signal()  # enrolments or the programme changed (for the overview)

    def __init__(
        self, db: Database, event_id: int, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        self.setObjectName("programmePage")

        self.tree_model = ProgrammeTreeModel(self)
        self.tree_model.move_requested.connect(self.move_person)
        self.tree = QTreeView()
        self.tree.setObjectName("programmeTree")
        self.tree.setAccessibleName(self.tr("Programme: time slots and items"))
        self.tree.setModel(self.tree_model)
        self.tree.setItemDelegate(FillDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ProgrammeTreeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ProgrammeTreeModel.ROOM, 90)
        header.resizeSection(ProgrammeTreeModel.FILL, 140)
        header.resizeSection(ProgrammeTreeModel.WAITING, 80)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(lambda _: self.edit_selected())

        self.item_heading = QLabel()
        self.item_heading.setObjectName("itemHeading")
        self.item_heading.setStyleSheet("font-size:14pt; font-weight:bold;")
        self.item_heading.setWordWrap(True)
        self.item_facts = QLabel()
        self.item_facts.setObjectName("itemFacts")
        self.item_facts.setWordWrap(True)
        self.item_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.enrolled_model = PeopleModel(False, self)
        self.waiting_model = PeopleModel(True, self)
        self.enrolled_view = self._people_view("enrolledTable", self.enrolled_model)
        self.enrolled_view.setAccessibleName(self.tr("Enrolled participants"))
        self.waiting_view = self._people_view("waitingTable", self.waiting_model)
        self.waiting_view.setAccessibleName(self.tr("Waiting list"))
        self.enrolled_box = QGroupBox()
        QVBoxLayout(self.enrolled_box).addWidget(self.enrolled_view)
        self.waiting_box = QGroupBox()
        waiting_layout = QVBoxLayout(self.waiting_box)
        waiting_layout.addWidget(self.waiting_view)
        priority = QHBoxLayout()
        self.buttons = {}
        for name, text, key, step in (
            ("waitUp", self.tr("Move up the list"), Qt.Key.Key_Up, -1),
            ("waitDown", self.tr("Move down the list"), Qt.Key.Key_Down, 1),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{name}Button")
            button.setAccessibleName(text.replace("&", ""))
            button.setToolTip(f"{text.replace('&', '')} (Ctrl+{'↑' if step < 0 else '↓'})")
            button.clicked.connect(lambda _=False, s=step: self.move_in_waitlist(s))
            action = QAction(self.waiting_view)
            action.setShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=step: self.move_in_waitlist(s))
            self.waiting_view.addAction(action)
            self.buttons[name] = button
            priority.addWidget(button)
        priority.addStretch()
        waiting_layout.addLayout(priority)

        top = QHBoxLayout()
        for name, text, shortcut, slot in (
            ("newSlot", self.tr("New &time slot…"), "", self.new_slot),
            ("newItem", self.tr("New &item…"), "", self.new_item),
            ("editProgramme", self.tr("&Edit…"), "", self.edit_selected),
            ("deleteProgramme", self.tr("De&lete…"), "", self.delete_selected),
            ("allocate", self.tr("Allocate from &wishes…"), "Ctrl+Shift+A", self.allocate),
            ("undoAllocation", self.tr("&Undo last allocation…"), "", self.undo_allocation),
        ):
            top.addWidget(self._button(name, text, shortcut, slot))
            if name == "deleteProgramme":
                top.addSpacing(24)
        top.addStretch()
        people_bar = QHBoxLayout()
        for name, text, shortcut, slot in (
            ("enrol", self.tr("E&nrol participant…"), "Ctrl+Shift+E", self.enrol_person),
            ("remove", self.tr("&Remove from item"), "Ctrl+Del", self.remove_person),
            ("move", self.tr("&Move to…"), "Ctrl+M", self.move_selected),
        ):
            people_bar.addWidget(self._button(name, text, shortcut, slot))
        people_bar.addStretch()
        hint = QLabel(self.tr("Tip: drag people onto another item in the programme to move them."))
        hint.setStyleSheet("color:#555;")
        hint.setWordWrap(True)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.item_heading)
        detail_layout.addWidget(self.item_facts)
        detail_layout.addLayout(people_bar)
        detail_layout.addWidget(self.enrolled_box, 3)
        detail_layout.addWidget(self.waiting_box, 2)
        detail_layout.addWidget(hint)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 520])

        self.moved_model = MovedUpModel((), self)
        self.moved_view = QTableView()
        self.moved_view.setObjectName("movedUpTable")
        self.moved_view.setAccessibleName(self.tr("Moved up from a waiting list"))
        self.moved_view.setModel(self.moved_model)
        self.moved_view.verticalHeader().hide()
        self.moved_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.moved_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.moved_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.moved_view.horizontalHeader().setStretchLastSection(True)
        moved = QWidget()
        moved_layout = QVBoxLayout(moved)
        moved_hint = QLabel(
            self.tr(
                "These people moved up from a waiting list into a freed place, newest first. "
                "Please let them know."
            )
        )
        moved_hint.setWordWrap(True)
        moved_layout.addWidget(moved_hint)
        moved_layout.addWidget(self.moved_view)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("programmeTabs")
        self.tabs.addTab(splitter, self.tr("Programme"))
        self.tabs.addTab(moved, "")
        self.runs_label = QLabel()
        self.runs_label.setObjectName("allocationRuns")
        self.runs_label.setStyleSheet("color:#333;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.runs_label)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tree)
        self.reload()

    def _button(self, name: str, text: str, shortcut: str, slot) -> QPushButton:
        self.buttons[name] = action_button(self, name, text, shortcut, slot)
        return self.buttons[name]

    def _people_view(self, name: str, model: PeopleModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setDragEnabled(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        offset = 1 if model.waiting else 0
        if model.waiting:
            header.resizeSection(0, 36)
        header.resizeSection(offset, 140)
        header.resizeSection(offset + 1, 120)
        header.resizeSection(offset + 2, 90)
        header.setStretchLastSection(True)
        view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        delete = QAction(view)
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.remove_person)
        view.addAction(delete)
        return view

    # --- reading ----------------------------------------------------------------------------

    def live_refresh(self, _topics: frozenset[str]) -> None:
        """Changed elsewhere: the same item stays chosen, the views where they were."""
        with kept_position(self.tree, self.enrolled_view, self.waiting_view):
            self.reload()

    def reload(self, item_id: int | None = None, slot_id: int | None = None) -> None:
        """Fetch the programme again, keeping (or moving to) the current item or slot."""
        if item_id is None and slot_id is None:
            item = self.current_item()
            slot = self.current_slot()
            item_id = item.id if item else None
            slot_id = slot.id if slot and not item else None
        with self.db.session(write=False) as session:
            programme = svc.event_programme(session, self.event_id)
            moved = svc.moved_up(session, self.event_id)
            runs = alloc.runs(session, self.event_id)
        self.tree_model.set_programme(programme)
        for row in range(len(programme)):  # a slot's date, time and label use the full width
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.moved_model.set_rows(moved)
        self.tabs.setTabText(1, self.tr("Moved up (%1)").replace("%1", str(len(moved))))
        self._show_runs(runs)
        index = (
            self.tree_model.index_of_item(item_id)
            if item_id is not None
            else self.tree_model.index_of_slot(slot_id)
            if slot_id is not None
            else self.tree_model.index(0, 0)
        )
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)
        self._current_changed(self.tree.currentIndex())

    def _show_runs(self, runs: list[alloc.RunSummary]) -> None:
        self.last_run = next((r for r in runs if r.undone_at is None), None)
        if self.last_run is None:
            self.runs_label.setText(self.tr("No allocation applied yet."))
        else:
            self.runs_label.setText(
                self.tr("Last allocation: %1 by %2, %3 places (%4 still held).")
                .replace("%1", local_time(self.last_run.created_at))
                .replace("%2", self.last_run.actor)
                .replace("%3", str(self.last_run.placed))
                .replace("%4", str(self.last_run.still_held))
            )

    def current_item(self) -> svc.ItemSummary | None:
        return self.tree_model.item_at(self.tree.currentIndex())

    def current_slot(self) -> svc.SlotSummary | None:
        return self.tree_model.slot_at(self.tree.currentIndex())

    def _current_changed(self, index) -> None:
        item = self.tree_model.item_at(index)
        slot = self.tree_model.slot_at(index)
        if item is None:
            self.enrolled_model.set_people(None, [])
            self.waiting_model.set_people(None, [])
            if slot is None:
                self.item_heading.setText(self.tr("No programme yet: add a time slot."))
                self.item_facts.setText("")
            else:
                self.item_heading.setText(
                    f"{day_label(slot.day)}  {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}"
                )
                self.item_facts.setText(
                    slot.label + "\n" + self.tr("Choose an item of this slot to see its people.")
                )
        else:
            with self.db.session(write=False) as session:
                enrolled, waiting = svc.item_people(session, item.id)
            self.enrolled_model.set_people(item.id, enrolled)
            self.waiting_model.set_people(item.id, waiting)
            self.item_heading.setText(f"{item.code} · {item.title}" if item.code else item.title)
            facts = [
                kind_names().get(item.kind, item.kind),
                f"{day_label(slot.day)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}",
            ]
            facts += [x for x in (item.room, item.host) if x]
            self.item_facts.setText(
                " · ".join(facts) + "\n" + fill_text(item.enrolled, item.capacity)
            )
        self.enrolled_box.setTitle(
            self.tr("Enrolled (%1)").replace("%1", str(len(self.enrolled_model.rows)))
        )
        self.waiting_box.setTitle(
            self.tr("Waiting list (%1)").replace("%1", str(len(self.waiting_model.rows)))
        )
        self._update_buttons()

    def _selected_people(self) -> list[tuple[int, int]]:
        """(participant, item) of the selected rows, from whichever list has focus or a
        selection (enrolled first)."""
        for view, model in (
            (self.enrolled_view, self.enrolled_model),
            (self.waiting_view, self.waiting_model),
        ):
            rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
            if rows and (view.hasFocus() or not self._other(view).hasFocus()):
                return [(model.rows[r].participant_id, model.item_id) for r in rows]
        return []

    def _other(self, view: QTableView) -> QTableView:
        return self.waiting_view if view is self.enrolled_view else self.enrolled_view

    def _update_buttons(self) -> None:
        item = self.current_item()
        chosen = bool(self._selected_people())
        self.buttons["enrol"].setEnabled(item is not None)
        self.buttons["remove"].setEnabled(chosen)
        self.buttons["move"].setEnabled(chosen)
        self.buttons["editProgramme"].setEnabled(self.tree.currentIndex().isValid())
        self.buttons["deleteProgramme"].setEnabled(self.tree.currentIndex().isValid())
        self.buttons["newItem"].setEnabled(bool(self.tree_model.slots))
        self.buttons["undoAllocation"].setEnabled(getattr(self, "last_run", None) is not None)
        waiting = sorted({i.row() for i in self.waiting_view.selectionModel().selectedRows()})
        single = len(waiting) == 1
        self.buttons["waitUp"].setEnabled(single and waiting[0] > 0)
        self.buttons["waitDown"].setEnabled(
            single and waiting[0] < self.waiting_model.rowCount() - 1
        )

    # --- people -----------------------------------------------------------------------------

    def _run(self, action) -> tuple[bool, object]:
        """Run ``action(session)`` in one transaction: (worked, its result). A refusal is
        shown in words and changes nothing."""
        try:
            with self.db.session() as session:
                return True, action(session)
        except RegdeskError as exc:
            QMessageBox.warning(self, self.tr("Not possible"), error_text(exc))
            return False, None

    def _after(self, promotions=(), item_id: int | None = None) -> None:
        self.reload(item_id=item_id)
        self.changed.emit()
        if promotions:
            names = "\n".join(f"• {p.name} → {p.item_title}" for p in promotions)
            QMessageBox.information(
                self,
                self.tr("Moved up"),
                self.tr("Moved up from the waiting list (please inform them):\n%1").replace(
                    "%1", names
                ),
            )

    def enrol_person(self) -> None:
        """Enrol one or several people (a delegation, a list read out on the phone) in the
        item: one transaction; the first chosen get the free places, the rest wait."""
        item = self.current_item()
        if item is None:
            return
        dialog = EnrolDialog(
            self.db, self.event_id, self.tr("Enrol in “%1”").replace("%1", item.title), self
        )
        try:
            if not dialog.exec() or not dialog.chosen_ids:
                return
            chosen = dialog.chosen_ids
            names = {r.id: f"{r.first_name} {r.last_name}" for r in dialog.chosen_model.rows}
        finally:
            dialog.deleteLater()
        ok, result = self._run(
            lambda session: enrol_many(session, item.id, chosen, actor=self.actor)
        )
        if not ok:
            return
        self._after(item_id=item.id)
        lines = []
        if len(chosen) > 1 and result.enrolled:
            lines.append(self.tr("%n enrolled.", "", len(result.enrolled)))
        if result.waitlisted:
            if len(chosen) == 1:
                lines.append(
                    self.tr("“%1” is full: number %2 on the waiting list.")
                    .replace("%1", item.title)
                    .replace("%2", str(result.waitlisted[0].waitlist_position))
                )
            else:
                lines.append(
                    self.tr("“%1” is full – on the waiting list: %2").replace("%1", item.title)
                    .replace("%2", ", ".join(
                        f"{names.get(r.participant_id, '?')} ({r.waitlist_position})"
                        for r in result.waitlisted
                    ))
                )  # fmt: skip
        for refusal in result.refused:
            lines.append(error_text(refusal.error))
        if lines:
            show = QMessageBox.warning if result.refused else QMessageBox.information
            show(self, self.tr("Enrolled"), "\n".join(lines))

    def remove_person(self) -> None:
        chosen = self._selected_people()
        item = self.current_item()
        if not chosen or item is None:
            return
        names = ", ".join(
            p.name
            for model in (self.enrolled_model, self.waiting_model)
            for p in model.rows
            if (p.participant_id, model.item_id) in chosen
        )
        answer = QMessageBox.question(
            self,
            self.tr("Remove from item"),
            self.tr("Remove %1 from “%2”?").replace("%1", names).replace("%2", item.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def action(session):
            promoted = []
            for participant_id, item_id in chosen:
                promoted += svc.unenrol(session, item_id, participant_id, actor=self.actor)
            return promoted

        ok, promoted = self._run(action)
        if ok:
            self._after(promoted, item_id=item.id)

    def move_selected(self) -> None:
        chosen = self._selected_people()
        item, slot = self.current_item(), self.current_slot()
        if not chosen or item is None:
            return
        same, other = [], []
        for s, items in self.tree_model.slots:
            for candidate in items:
                if candidate.id == item.id:
                    continue
                fill = fill_text(candidate.enrolled, candidate.capacity)
                text = f"{s.starts_at:%H:%M} {candidate.code} {candidate.title} ({fill})"
                (same if s.id == slot.id else other).append((text, candidate.id))
        if not same and not other:
            return
        dialog = ChooseItemDialog(
            same + other, self.tr("Move"), self.tr("Move the selected people &to:"), self
        )
        if dialog.exec() and dialog.chosen is not None:
            self.move_people(chosen, dialog.chosen)

    def move_person(self, participant_id: int, from_item: int, to_item: int) -> None:
        """A drop onto another item in the tree."""
        self.move_people([(participant_id, from_item)], to_item)

    def move_people(self, chosen: list[tuple[int, int]], to_item: int) -> None:
        def action(session):
            promoted = []
            for participant_id, from_item in chosen:
                promoted += svc.move(session, participant_id, from_item, to_item, actor=self.actor)[
                    1
                ]
            return promoted

        ok, promoted = self._run(action)
        if ok:
            self._after(promoted, item_id=to_item)

    def move_in_waitlist(self, step: int) -> None:
        """Give a waiting person an explicit priority: one place up or down the list."""
        rows = sorted({i.row() for i in self.waiting_view.selectionModel().selectedRows()})
        if len(rows) != 1 or self.waiting_model.item_id is None:
            return
        person = self.waiting_model.rows[rows[0]]
        target = (person.waitlist_position or rows[0] + 1) + step
        if not 1 <= target <= self.waiting_model.rowCount():
            return
        item_id = self.waiting_model.item_id
        ok, _ = self._run(
            lambda session: svc.reorder_waitlist(
                session, item_id, person.participant_id, target, actor=self.actor
            )
        )
        if ok:
            self.reload(item_id=item_id)
            self.waiting_view.setFocus()
            self.waiting_view.selectionModel().setCurrentIndex(
                self.waiting_model.index(target - 1, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    # --- programme --------------------------------------------------------------------------

    def new_slot(self) -> None:
        dialog = SlotDialog(self.db, self.actor, self.event_id, None, self)
        if dialog.exec():
            self.reload(slot_id=dialog.result_value.id)
            self.changed.emit()

    def new_item(self) -> None:
        slot = self.current_slot()
        dialog = ItemDialog(
            self.db, self.actor, self.event_id, None, slot.id if slot else None, self
        )
        if dialog.exec():
            self.reload(item_id=dialog.result_value.id)
            self.changed.emit()

    def edit_selected(self) -> None:
        item, slot = self.current_item(), self.current_slot()
        if item is not None:
            dialog = ItemDialog(self.db, self.actor, self.event_id, item, parent=self)
            if dialog.exec():
                self._after(dialog.promotions, item_id=item.id)
        elif slot is not None:
            dialog = SlotDialog(self.db, self.actor, self.event_id, slot, self)
            if dialog.exec():
                self.reload(slot_id=slot.id)
                self.changed.emit()

    def delete_selected(self) -> None:
        item, slot = self.current_item(), self.current_slot()
        if item is not None:
            question = self.tr("Delete the programme item “%1”?").replace("%1", item.title)
            action = lambda session: svc.delete_item(session, item.id, actor=self.actor)  # noqa: E731
        elif slot is not None:
            question = self.tr("Delete the time slot %1?").replace(
                "%1", f"{day_label(slot.day)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}"
            )
            action = lambda session: svc.delete_slot(session, slot.id, actor=self.actor)  # noqa: E731
        else:
            return
        answer = QMessageBox.question(self, self.tr("Delete"), question)
        if answer == QMessageBox.StandardButton.Yes and self._run(action)[0]:
            self.reload(slot_id=slot.id if item is not None else None)
            self.changed.emit()

    # --- allocation -------------------------------------------------------------------------

    def allocate(self) -> None:
        dialog = AllocationDialog(self.db, self.actor, self.event_id, self)
        if dialog.exec():  # applied, or people put on waiting lists: said in the dialog
            self._after()

    def undo_allocation(self) -> None:
        if getattr(self, "last_run", None) is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo last allocation"),
            self.tr(
                "Take back the %1 places of the allocation of %2 that are still held? "
                "Places given by hand stay."
            )
            .replace("%1", str(self.last_run.still_held))
            .replace("%2", local_time(self.last_run.created_at)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        ok, result = self._run(
            lambda session: alloc.undo_last(session, self.event_id, actor=self.actor)
        )
        if ok:
            self._after(result.promotions)
