"""The event settings dialog: event details, days and categories, saved through the services
in one transaction. Used to create the first event, too."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import CategoryInUse, LastCategory, Problem, RegdeskError, ValidationError
from regdesk.services import events as svc
from regdesk.text import format_date

from .date_field import DateField
from .event_models import CategoriesModel, ColourDelegate, DaysModel
from .field_form import FieldForm, ReturnMovesOn, banner, save_cancel_buttons
from .fit import fit_title, open_at_least
from .messages import error_text, problems_by_field

TEXT_FIELDS = ("name", "subtitle", "venue_name", "organiser", "contact")


class EventDialog(ReturnMovesOn, QDialog):
    """Edit an event (``event_id`` given) or create one (``event_id`` None)."""

    def __init__(
        self, db: Database, actor: str, event_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.event_id = event_id
        self.setObjectName("eventDialog")
        fit_title(self, self.tr("Event settings") if event_id else self.tr("New event"))
        open_at_least(self, 760, 600)

        if event_id is not None:
            with db.session(write=False) as session:
                self.original: svc.EventSummary | None = svc.get_event(session, event_id)
        else:
            self.original = None

        self.banner = banner()
        self.banner.setAccessibleName(self.tr("Error"))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("eventTabs")
        self.tabs.addTab(self._event_tab(), self.tr("&Event"))
        self.tabs.addTab(self._days_tab(), self.tr("&Days"))
        self.tabs.addTab(self._categories_tab(), self.tr("&Categories"))

        buttons, self.save_button = save_cancel_buttons(
            self,
            self.tr("&Save") if event_id else self.tr("&Create event"),
            self.save,
            self.tr("Cancel"),
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._load()
        self._initial_state = self._state()
        self.fields["name"].setFocus()  # not the tab bar: typing starts with the name

    def reveal_field(self, widget: QWidget) -> None:
        """A field named as missing: its tab in front."""
        self.tabs.setCurrentIndex(0)

    # --- building ---------------------------------------------------------------------------

    def _event_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = FieldForm(form)
        labels = {
            "name": self.tr("&Name *"),
            "subtitle": self.tr("Subtitle / &motto"),
            "venue_name": self.tr("&Venue"),
            "venue_address": self.tr("&Address"),
            "first_day": self.tr("&First day *"),
            "last_day": self.tr("&Last day *"),
            "timezone": self.tr("&Time zone"),
            "organiser": self.tr("Or&ganiser"),
            "contact": self.tr("C&ontact"),
            "privacy_note": self.tr("&Privacy note"),
        }
        for name in svc.EVENT_FIELDS:
            self.form.add(name, labels[name], self._make_field(name))
        self.fields, self.errors = self.form.fields, self.form.errors
        self.range_note = QLabel()
        self.range_note.setObjectName("rangeNote")
        self.range_note.setWordWrap(True)
        self.range_note.setStyleSheet("color:#1F5FA8;")
        self.range_note.hide()
        form.insertRow(svc.EVENT_FIELDS.index("last_day") + 1, "", self.range_note)
        hint = QLabel(self.tr("* required. Dates as DD.MM.YYYY (also 5.9.24), or Alt+Down."))
        hint.setStyleSheet("color:#555;")
        form.addRow("", hint)
        self._length: int | None = None  # days after the first, kept when the first moves
        self.fields["first_day"].dateChanged.connect(self._first_day_changed)
        self.fields["last_day"].dateChanged.connect(self._last_day_changed)
        return page

    def _make_field(self, name: str) -> QWidget:
        if name in ("venue_address", "privacy_note"):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64 if name == "venue_address" else 84)
            return edit
        if name in ("first_day", "last_day"):
            return DateField()
        if name == "timezone":
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(svc.timezones())
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            return combo
        edit = QLineEdit()
        edit.setClearButtonEnabled(True)
        return edit

    def _days_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "Each day from the first to the last day is a check-in day. "
                'A label (e.g. "Excursion day") is optional.'
            )
        )
        note.setWordWrap(True)
        self.days_model = DaysModel(self.original.days if self.original else (), parent=self)
        self.days_view = QTableView()
        self.days_view.setObjectName("daysTable")
        self.days_view.setAccessibleName(self.tr("Event days"))
        self.days_view.setModel(self.days_model)
        self.days_view.horizontalHeader().setSectionResizeMode(
            DaysModel.LABEL, QHeaderView.ResizeMode.Stretch
        )
        self.days_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.days_view.setTabKeyNavigation(False)
        layout.addWidget(note)
        layout.addWidget(self.days_view)
        return page

    def _categories_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "Categories print on the badge as a coloured band with the badge "
                "label. The default category is preselected for new "
                "participants. F2 edits a cell."
            )
        )
        note.setWordWrap(True)
        categories = self.original.categories if self.original else self._default_categories()
        self.categories_model = CategoriesModel(categories, parent=self)
        view = QTableView()
        view.setObjectName("categoriesTable")
        view.setAccessibleName(self.tr("Categories"))
        view.setModel(self.categories_model)
        view.setItemDelegateForColumn(CategoriesModel.COLOUR, ColourDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setTabKeyNavigation(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(CategoriesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CategoriesModel.LABEL, QHeaderView.ResizeMode.Stretch)
        self.categories_view = view

        buttons = QHBoxLayout()
        for name, text, slot in (
            ("addCategory", self.tr("&Add"), self._add_category),
            ("removeCategory", self.tr("&Remove"), self._remove_category),
            ("moveCategoryUp", self.tr("Move &up"), lambda: self._move_category(-1)),
            ("moveCategoryDown", self.tr("Move do&wn"), lambda: self._move_category(1)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addWidget(note)
        layout.addWidget(view)
        layout.addLayout(buttons)
        return page

    def _default_categories(self) -> list[svc.CategorySummary]:
        return [
            svc.CategorySummary(0, d.name, d.badge_label, d.colour, i, d.is_default)
            for i, d in enumerate(svc.DEFAULT_CATEGORIES)
        ]

    # --- data in and out --------------------------------------------------------------------

    def _load(self) -> None:
        if self.original is not None:
            data = self.original.as_input()
        else:  # no guessed dates: "today" saved by a stray Return was wrong data
            data = svc.EventInput(name="", first_day=None, last_day=None)
        for name in TEXT_FIELDS:
            self.fields[name].setText(getattr(data, name))
        self.fields["venue_address"].setPlainText(data.venue_address)
        self.fields["privacy_note"].setPlainText(data.privacy_note)
        self.fields["first_day"].setDate(data.first_day)
        self.fields["last_day"].setDate(data.last_day)
        if data.first_day and data.last_day:
            self._length = (data.last_day - data.first_day).days
        self.fields["timezone"].setCurrentText(data.timezone)
        if self.original is None:  # new event: default categories carry no ids yet
            for row in range(self.categories_model.rowCount()):
                draft = self.categories_model.rows[row]
                self.categories_model.rows[row] = svc.CategoryDraft(
                    draft.name, draft.badge_label, draft.colour, draft.is_default, None
                )
        self._range_changed()

    def event_input(self) -> svc.EventInput:
        f = self.fields
        return svc.EventInput(
            name=f["name"].text(),
            subtitle=f["subtitle"].text(),
            venue_name=f["venue_name"].text(),
            venue_address=f["venue_address"].toPlainText(),
            # a text that is no date goes as typed: the service names it under its field
            first_day=f["first_day"].date() or f["first_day"].text(),
            last_day=f["last_day"].date() or f["last_day"].text(),
            timezone=f["timezone"].currentText(),
            organiser=f["organiser"].text(),
            contact=f["contact"].text(),
            privacy_note=f["privacy_note"].toPlainText(),
        )

    def _first_day_changed(self) -> None:
        """A moved first day keeps the event's length: the last day moves with it, and
        the dialog says so. A new event's last day starts as its first."""
        first, last = self.fields["first_day"].date(), self.fields["last_day"].date()
        self.range_note.hide()
        if first is not None and self._length is None and last is None:
            self.fields["last_day"].setDate(first)
            return  # the last day's change shows the range
        if first is not None and self._length is not None:
            moved = first + timedelta(days=self._length)
            if moved != last:
                self.fields["last_day"].setDate(moved)
                self.range_note.setText(
                    self.tr("The last day moved to %1: the event keeps its %n day(s).", "",
                            self._length + 1).replace("%1", format_date(moved))
                )  # fmt: skip
                self.range_note.show()
                return
        self._range_changed()

    def _last_day_changed(self) -> None:
        first, last = self.fields["first_day"].date(), self.fields["last_day"].date()
        if first is not None and last is not None:
            self._length = (last - first).days if last >= first else None
        self._range_changed()

    def _range_changed(self) -> None:
        """The days tab follows the range; a last day before the first is said at once."""
        first, last = self.fields["first_day"].date(), self.fields["last_day"].date()
        self.errors["last_day"].hide()
        if first is not None and last is not None and last < first:
            # the service's own message, shown before saving
            self.form.show(problems_by_field(ValidationError([Problem("last_day", "day_order")])))
        elif self.fields["last_day"].is_valid():
            self.fields["last_day"].setStyleSheet("")
        if first is None or last is None:
            self.days_model.set_rows([])
        else:
            self.days_model.set_range(first, last)
        self.days_view.resizeColumnToContents(DaysModel.DATE)
        self.days_view.resizeColumnToContents(DaysModel.WEEKDAY)

    # --- categories -------------------------------------------------------------------------

    def _current_row(self) -> int:
        index = self.categories_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _add_category(self) -> None:
        row = self.categories_model.add(self.tr("New category"))
        index = self.categories_model.index(row, CategoriesModel.NAME)
        self.categories_view.setCurrentIndex(index)
        self.categories_view.edit(index)

    def _remove_category(self) -> None:
        row = self._current_row()
        if row < 0:
            return
        model = self.categories_model
        if model.rowCount() == 1:
            self._show_banner(error_text(LastCategory()))
            return
        used = model.in_use(row)
        if not used:
            model.remove(row)
            return
        others = [(r, d.name) for r, d in enumerate(model.rows) if r != row]
        name = model.rows[row].name
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Remove category"),
            self.tr('%1 participant(s) belong to "%2". Move them to:')
            .replace("%1", str(used))
            .replace("%2", name),
            [text for _, text in others],
            0,
            False,
        )
        if not ok:
            self._show_banner(error_text(CategoryInUse(name=name, count=used)))
            return
        target = next(r for r, text in others if text == choice)
        model.remove(row, move_to=target)

    def _move_category(self, delta: int) -> None:
        row = self._current_row()
        if row < 0:
            return
        target = self.categories_model.move(row, delta)
        self.categories_view.setCurrentIndex(self.categories_model.index(target, 0))

    # --- leaving ----------------------------------------------------------------------------

    def _state(self) -> tuple:
        labels = tuple(sorted((d, self.days_model.labels.get(d, "")) for d in self.days_model.rows))
        return self.event_input(), tuple(self.categories_model.rows), labels

    def has_changes(self) -> bool:
        return self._state() != self._initial_state

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before throwing edits away."""
        if self.has_changes() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard changes?"),
            self.tr("You have changed the event settings. Close without saving?"),
            parent=self,
        )
        box.setObjectName("discardChangesBox")
        discard = box.addButton(self.tr("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    # --- saving -----------------------------------------------------------------------------

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def _clear_errors(self) -> None:
        self.banner.hide()
        self.form.clear()
        self.categories_model.set_errors({})

    def save(self) -> None:
        self._clear_errors()
        data = self.event_input()
        categories = list(self.categories_model.rows)
        try:
            with self.db.session() as session:
                if self.event_id is None:
                    event = svc.create_event(session, data, actor=self.actor, categories=categories)
                    self.event_id = event.id
                else:
                    svc.update_event(session, self.event_id, data, actor=self.actor)
                    svc.save_categories(
                        session,
                        self.event_id,
                        categories,
                        actor=self.actor,
                        reassign=self.categories_model.reassign_positions(),
                    )
                event = svc.get_event(session, self.event_id)
                old_days = self.original.days if self.original else ()
                labels = self.days_model.label_changes(old_days)
                for day in event.days:
                    if day.date in labels:
                        svc.set_day_label(session, day.id, labels[day.date], actor=self.actor)
        except ValidationError as exc:
            if self.original is None:
                self.event_id = None
            self._show_problems(exc)
            return
        except RegdeskError as exc:
            if self.original is None:
                self.event_id = None
            self._show_banner(error_text(exc))
            return
        self.accept()

    def _show_problems(self, exc: ValidationError) -> None:
        by_field = problems_by_field(exc)
        category_errors: dict[tuple[int, int], str] = {}
        columns = {
            "name": CategoriesModel.NAME,
            "badge_label": CategoriesModel.LABEL,
            "colour": CategoriesModel.COLOUR,
        }
        for field, messages in by_field.items():
            if field.startswith("categories["):
                row = int(field[len("categories[") : field.index("]")])
                column = columns[field.rsplit(".", 1)[1]]
                category_errors[(row, column)] = " ".join(messages)
        first_widget = self.form.show(by_field)
        self.categories_model.set_errors(category_errors)
        self._show_banner(self.tr("Please correct the marked fields."))
        if first_widget is not None:
            self.tabs.setCurrentIndex(0)
            first_widget.setFocus()
        elif category_errors:
            self.tabs.setCurrentIndex(2)
            (row, column), message = next(iter(category_errors.items()))
            self.categories_view.setCurrentIndex(self.categories_model.index(row, column))
            self._show_banner(self.tr("Please correct the marked categories: %s") % message)
