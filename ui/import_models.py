"""The import dialog's lists: the column assignment (editable through a combo box), a
preview of the first rows as they would be read, and the report of the dry run."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from regdesk.importing import fields as F
from regdesk.importing.mapping import ColumnMapping, value_key
from regdesk.importing.reader import SourceTable
from regdesk.importing.values import distinct_values
from regdesk.services.imports import ImportPlan

from .i18n import translate
from .table_model import ROOT, Index, TableModel

SAMPLES = 3
PREVIEW_ROWS = 30
WISH_CHOICES = 10  # wish ranks offered in the combo box (a saved mapping may hold more)
EDIT_ROLE = Qt.ItemDataRole.EditRole


def field_label(field: str) -> str:
    """A field as the user reads it, in the interface language."""
    rank = F.wish_rank(field)
    if rank is not None:
        return QCoreApplication.translate("ImportFields", "Wish %1").replace("%1", str(rank))
    labels = {
        "": QCoreApplication.translate("ImportFields", "— leave out —"),
        "salutation": QCoreApplication.translate("ImportFields", "Salutation"),
        "title": QCoreApplication.translate("ImportFields", "Academic title"),
        "first_name": QCoreApplication.translate("ImportFields", "First name"),
        "last_name": QCoreApplication.translate("ImportFields", "Last name"),
        "full_name": QCoreApplication.translate("ImportFields", "Full name (first and last)"),
        "organisation": QCoreApplication.translate("ImportFields", "Organisation"),
        "position": QCoreApplication.translate("ImportFields", "Position"),
        "email": QCoreApplication.translate("ImportFields", "E-mail"),
        "phone": QCoreApplication.translate("ImportFields", "Phone"),
        "category": QCoreApplication.translate("ImportFields", "Category"),
        "status": QCoreApplication.translate("ImportFields", "Status (registered/cancelled)"),
        "registered_at": QCoreApplication.translate(
            "ImportFields", "Registered at (the form's time stamp)"
        ),
        "cancel_reason": QCoreApplication.translate("ImportFields", "Cancellation reason"),
        "is_vip": QCoreApplication.translate("ImportFields", "VIP (yes/no)"),
        "group": QCoreApplication.translate("ImportFields", "Group / delegation"),
        "group_lead": QCoreApplication.translate("ImportFields", "Leads the group (yes/no)"),
        "days": QCoreApplication.translate("ImportFields", "Days"),
        "programme": QCoreApplication.translate("ImportFields", "Programme places"),
        "waitlist": QCoreApplication.translate("ImportFields", "Waiting lists"),
        "needs_dietary": QCoreApplication.translate("ImportFields", "Dietary needs"),
        "needs_accessibility": QCoreApplication.translate("ImportFields", "Accessibility needs"),
        "needs_interpreter": QCoreApplication.translate("ImportFields", "Interpreting"),
        "consent_photo": QCoreApplication.translate("ImportFields", "Consent: photos"),
        "consent_listing": QCoreApplication.translate(
            "ImportFields", "Consent: published participant list"
        ),
        "consent_badge_organisation": QCoreApplication.translate(
            "ImportFields", "Consent: organisation on the badge"
        ),
        "consent_health_data": QCoreApplication.translate("ImportFields", "Consent: health data"),
        "notes": QCoreApplication.translate("ImportFields", "Notes"),
        "badge_code": QCoreApplication.translate("ImportFields", "Badge code (to update)"),
        "participant_id": QCoreApplication.translate("ImportFields", "Participant id (to update)"),
    }
    return labels.get(field, field)


def change_label(column: str) -> str:
    """A participant column (or "consent:photo") as the user reads it."""
    if column.startswith("consent:"):
        return field_label(f"consent_{column.removeprefix('consent:')}")
    return field_label({"category_id": "category"}.get(column, column))


def field_choices(extra: tuple[str, ...] = ()) -> list[str]:
    choices = ["", *(f.key for f in F.FIELDS)]
    choices += [F.wish_field(rank) for rank in range(1, WISH_CHOICES + 1)]
    return choices + [f for f in extra if f not in choices]


class MappingModel(TableModel):
    """One row per column of the file: its header, sample values, the field it goes to."""

    HEADER, SAMPLES_, FIELD = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__((), parent)
        self.mapping = ColumnMapping((), ())
        self.samples: list[str] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Column in the file"), self.tr("Examples"), self.tr("Field in regdesk"))

    def load(self, table: SourceTable, mapping: ColumnMapping) -> None:
        self.samples = []
        for index in range(len(table.headers)):
            values = [v.replace("\n", " ") for v in table.column(index) if v.strip()]
            self.samples.append(" · ".join(values[:SAMPLES]))
        self.mapping = mapping
        self.set_rows(range(len(table.headers)))

    def set_mapping(self, mapping: ColumnMapping) -> None:
        self.mapping = mapping
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.FIELD))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        field = self.mapping.fields[row]
        if role == Qt.ItemDataRole.DisplayRole:
            label = field_label(field)
            if row in self.mapping.values:
                label += " · " + QCoreApplication.translate("ImportFields", "values assigned")
            return (self.mapping.headers[row], self.samples[row], label)[column]
        if role == EDIT_ROLE and column == self.FIELD:
            return field
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FIELD and not field:
            return QColor("#5F6B7A")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SAMPLES_:
            return self.samples[row]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = EDIT_ROLE) -> bool:
        if role != EDIT_ROLE or index.column() != self.FIELD or not F.is_field(value):
            return False
        self.mapping = self.mapping.with_field(index.row(), value)
        self.dataChanged.emit(index, index)
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the fields, for the mapping's third column."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("fieldChoice")
        combo.setAccessibleName(QCoreApplication.translate("ImportFields", "Field in regdesk"))
        current = index.data(EDIT_ROLE) or ""
        for field in field_choices((current,)):
            combo.addItem(field_label(field), field)
        # a choice from the list counts at once; Enter (or leaving the cell) also commits
        combo.activated.connect(lambda _: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT_ROLE) or "")))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), EDIT_ROLE)


class PreviewModel(TableModel):
    """The first rows of the file under the columns they are assigned to."""

    def __init__(self, parent=None) -> None:
        self.columns: list[int] = []
        self.titles: list[str] = []
        super().__init__((), parent)

    def headers(self) -> tuple[str, ...]:
        return ()

    def show(self, table: SourceTable | None, mapping: ColumnMapping) -> None:
        self.beginResetModel()
        self.columns = [i for i, f in enumerate(mapping.fields) if f]
        self.titles = [field_label(mapping.fields[i]) for i in self.columns]
        self._headers = tuple(self.titles)
        self.rows = list(table.rows[:PREVIEW_ROWS]) if table else []
        self.endResetModel()

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self.rows[index.row()].cells[self.columns[index.column()]].replace("\n", " ⏎ ")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[section].line)
        return super().headerData(section, orientation, role)


class ReportModel(TableModel):
    """The dry run's findings by row: problems, notes and likely duplicates."""

    LINE, COLUMN, KIND, MESSAGE = range(4)
    COLOURS = {"error": "#B3261E", "warning": "#7A5A00", "duplicate": "#1F5FA8",
               "update": "#1B7F3B"}  # fmt: skip

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Column"), self.tr("Kind"), self.tr("Message"))

    def show(self, plan: ImportPlan | None) -> None:
        rows = []
        if plan is not None:
            for issue in plan.issues:
                kind = "warning" if issue.warning else "error"
                rows.append((issue.line, issue.column, kind, issue.message(translate)))
            updated = {u.line for u in plan.updates}
            for duplicate in plan.duplicates:
                if duplicate.line not in updated:
                    rows.append((duplicate.line, "", "duplicate", self.duplicate_text(duplicate)))
            for update in plan.updates:
                rows.append((update.line, "", "update", self.update_text(update)))
        rows.sort(key=lambda r: (r[0], r[2] != "error"))
        self.set_rows(rows)

    def duplicate_text(self, duplicate) -> str:
        if duplicate.earlier_line is not None:
            text = (
                self.tr("Same e-mail as row %1: %2")
                if duplicate.reason == "email"
                else self.tr("Same name and organisation as row %1: %2")
            )
            return text.replace("%1", str(duplicate.earlier_line)).replace("%2", duplicate.name)
        text = (
            self.tr("Same e-mail as a registered participant: %1")
            if duplicate.reason == "email"
            else self.tr("Same name and organisation as a registered participant: %1")
        )
        return text.replace("%1", duplicate.name)

    def update_text(self, update) -> str:
        if not update.changes:
            return self.tr("%1: registered already, nothing changes").replace("%1", update.name)
        changes = "; ".join(
            f"{change_label(c.field)}: „{c.before}“ → „{c.after}“" for c in update.changes
        )
        return f"{update.name}: {changes}"

    def kind_text(self, kind: str) -> str:
        return {
            "error": self.tr("Problem"),
            "warning": self.tr("Note"),
            "duplicate": self.tr("Duplicate?"),
            "update": self.tr("Update"),
        }[kind]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column, kind, message = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(line), column, self.kind_text(kind), message)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.KIND:
            return QColor(self.COLOURS[kind])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.MESSAGE:
            return message
        return None


class ValuesModel(TableModel):
    """The distinct values of one column, how often each occurs, and what each becomes
    before the field reads it (editable: F2 or typing)."""

    VALUE, COUNT, BECOMES = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__((), parent)
        self.column = -1
        self.table: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Value in the file"), self.tr("Rows"), self.tr("Becomes"))

    def show(self, table: SourceTable | None, mapping: ColumnMapping, column: int) -> None:
        self.column = column
        self.table = dict(mapping.values.get(column, {}))
        rows = distinct_values(table, column) if table is not None and column >= 0 else []
        self.set_rows(rows)

    def current_table(self) -> dict[str, str]:
        return dict(self.table)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value, count = self.rows[index.row()]
        key = value_key(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == self.VALUE:
                return value or self.tr("(empty)")
            if index.column() == self.COUNT:
                return str(count)
            if key not in self.table:
                return self.tr("(as it is)")
            return self.table[key] or self.tr("(nothing)")
        if role == EDIT_ROLE and index.column() == self.BECOMES:
            return self.table.get(key, value)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.BECOMES:
            return QColor("#5F6B7A") if key not in self.table else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.BECOMES:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = EDIT_ROLE) -> bool:
        if role != EDIT_ROLE or index.column() != self.BECOMES:
            return False
        original = self.rows[index.row()][0]
        self.table[value_key(original)] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True
