"""Importing participants in three steps: the file (CSV or Excel, its encoding and
separator detected), the column assignment (suggested, editable, saved and loaded) with a
preview, then the report of the dry run and the import itself -- all rows or none, unless
the rows with problems are left out on purpose. Reading, checking and importing run on a
worker thread with a progress bar and a cancel button."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.importing import fields as F
from regdesk.importing.mapping import ColumnMapping, load_saved_mapping
from regdesk.importing.reader import SourceTable, read_table
from regdesk.services.imports import (
    ImportPlan,
    ImportResult,
    apply_import,
    plan_import,
    suggest_mapping,
)

from .field_form import BANNER_STYLE
from .fit import fit_title
from .i18n import translate
from .import_models import FieldDelegate, MappingModel, PreviewModel, ReportModel, ValuesModel
from .messages import error_text
from .work_row import WorkRow

FILE, MAPPING, REPORT = range(3)
ENCODINGS = (("", None), ("UTF-8", "utf-8-sig"), ("Windows-1252", "cp1252"), ("UTF-16", "utf-16"))
SEPARATORS = (("", None), ("; (Semikolon)", ";"), (", (Komma)", ","), ("Tab", "\t"), ("|", "|"))
OK_STYLE = "background:#E3F1E6; color:#0F4D22; border:1px solid #1B7F3B; border-radius:4px;"


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(
        self, db: Database, actor: str, event_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.event_id = db, actor, event_id
        self.setObjectName("importDialog")
        fit_title(self, self.tr("Import participants"))
        self.resize(980, 680)
        self.table: SourceTable | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None

        self.steps = QLabel()
        self.steps.setObjectName("importSteps")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._report_page())

        self.work = WorkRow("import", self.tr("Progress of the import"), self)
        self.work.busy_changed.connect(lambda *_: self._update_buttons())
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("nextButton")
        self.next_button.clicked.connect(self.next)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.apply)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.work, 3)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button,
                       self.close_button):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter reads the file or edits; it clicks nothing
        self.show_step(FILE)

    @property
    def worker(self):
        return self.work.worker

    # --- the three pages --------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Choose a CSV file (as Excel saves it, with semicolons or commas) or an Excel "
                "workbook (.xlsx). Encoding and separator are detected; change them only if "
                "the preview looks wrong."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.returnPressed.connect(self.read)
        browse = QPushButton(self.tr("C&hoose file…"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.encoding = self._combo("encodingChoice", self.tr("Encoding"), ENCODINGS)
        self.separator = self._combo("separatorChoice", self.tr("Separator"), SEPARATORS)
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetChoice")
        self.sheet.setAccessibleName(self.tr("Worksheet"))
        form = QFormLayout()
        form.addRow(self.tr("&File"), row)
        form.addRow(self.tr("&Encoding"), self.encoding)
        form.addRow(self.tr("&Separator"), self.separator)
        form.addRow(self.tr("&Worksheet"), self.sheet)
        for index in range(form.rowCount()):
            label = form.itemAt(index, QFormLayout.ItemRole.LabelRole).widget()
            field = form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            label.setBuddy(field.widget() or self.path)
        for combo in (self.encoding, self.separator, self.sheet):
            combo.activated.connect(lambda *_: self.read())
        self.file_status = QLabel()
        self.file_status.setObjectName("fileStatus")
        self.file_status.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.file_status)
        layout.addStretch()
        return page

    def _combo(self, name: str, accessible: str, choices) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for text, value in choices:
            combo.addItem(text or self.tr("detect"), value)
        return combo

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_model = MappingModel(self)
        self.mapping_model.dataChanged.connect(lambda *_: self.mapping_changed())
        self.mapping_view = self._view("mappingTable", self.tr("Column assignment"))
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(MappingModel.FIELD, FieldDelegate(self))
        self.mapping_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.mapping_view.horizontalHeader()
        header.resizeSection(0, 220)
        header.resizeSection(1, 380)
        self.mapping_status = QLabel()
        self.mapping_status.setObjectName("mappingStatus")
        self.mapping_status.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview_view = self._view("previewTable", self.tr("Preview of the first rows"))
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().show()
        tools = QHBoxLayout()
        for name, text, slot in (
            ("loadMapping", self.tr("&Load assignment…"), self.load_mapping),
            ("saveMapping", self.tr("&Save assignment…"), self.save_mapping),
            ("suggestMapping", self.tr("S&uggestions"), self.suggest_mapping),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{name}Button")
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            tools.addWidget(button)
        tools.addStretch()
        hint = QLabel(self.tr("Assign each column to a field (F2 or a letter opens the choice)."))
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.mapping_view, 3)
        layout.addLayout(tools)
        layout.addWidget(self.mapping_status)
        # the chosen column's values, and what each becomes ("ja" -> EX, "Referent" -> ...)
        self.values_model = ValuesModel(self)
        self.values_view = self._view("valuesTable", self.tr("Values of the chosen column"))
        self.values_view.setModel(self.values_model)
        self.values_view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.values_model.dataChanged.connect(lambda *_: self._values_edited())
        self.mapping_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_values(current.row())
        )
        self.values_label = QLabel(self.tr("Values of the column (F2 changes what one becomes):"))
        self.values_label.setBuddy(self.values_view)
        lower = QHBoxLayout()
        preview = QVBoxLayout()
        preview.addWidget(QLabel(self.tr("Preview:")))
        preview.addWidget(self.preview_view)
        values = QVBoxLayout()
        values.addWidget(self.values_label)
        values.addWidget(self.values_view)
        lower.addLayout(preview, 3)
        lower.addLayout(values, 2)
        layout.addLayout(lower, 2)
        return page

    def _show_values(self, column: int) -> None:
        header = self.mapping_model.mapping.headers[column] if column >= 0 else ""
        self.values_label.setText(
            self.tr("Values of “%1” (F2 changes what one becomes):").replace("%1", header)
        )
        self.values_model.show(self.table, self.mapping_model.mapping, column)
        self.values_view.resizeColumnsToContents()

    def _values_edited(self) -> None:
        column = self.values_model.column
        if column < 0:
            return
        mapping = self.mapping_model.mapping.with_values(column, self.values_model.current_table())
        self.mapping_model.set_mapping(mapping)

    def _report_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size:12pt; padding:6px;")
        self.report_model = ReportModel((), self)
        self.report_view = self._view("reportTable", self.tr("Report per row"))
        self.report_view.setModel(self.report_model)
        header = self.report_view.horizontalHeader()
        header.resizeSection(0, 60)
        header.resizeSection(1, 160)
        header.resizeSection(2, 100)
        self.skip_invalid = QCheckBox(self.tr("Leave out the rows with &problems, import the rest"))
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(lambda *_: self._update_buttons())
        self.accept_lost = QCheckBox(self.tr('Import names with lost letters ("?") &anyway'))
        self.accept_lost.setObjectName("acceptLostLetters")
        self.accept_lost.setToolTip(
            self.tr('Better: export the file again as "CSV UTF-8" and read that one.')
        )
        self.accept_lost.toggled.connect(lambda *_: self._update_buttons())
        self.accept_lost.hide()
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("duplicatePolicy")
        self.duplicates.setAccessibleName(self.tr("Likely duplicates"))
        self.duplicates.addItem(self.tr("Leave likely duplicates out"), "skip")
        self.duplicates.addItem(self.tr("Import likely duplicates anyway"), "add")
        self.duplicates.addItem(self.tr("Update registered people from the file"), "update")
        self.duplicates.activated.connect(lambda *_: self.check())
        save_report = QPushButton(self.tr("Save &report…"))
        save_report.setObjectName("saveReportButton")
        save_report.clicked.connect(self.save_report)
        options = QHBoxLayout()
        options.addWidget(self.skip_invalid)
        options.addWidget(self.accept_lost)
        options.addWidget(self.duplicates)
        options.addStretch()
        options.addWidget(save_report)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(options)
        return page

    def _view(self, name: str, accessible: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    # --- moving between steps ---------------------------------------------------------------

    def show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        names = (self.tr("1 File"), self.tr("2 Columns"), self.tr("3 Check and import"))
        self.steps.setText(
            " → ".join(f"<b>{n}</b>" if i == step else n for i, n in enumerate(names))
        )
        self._update_buttons()
        focus = (self.path, self.mapping_view, self.report_view)[step]
        focus.setFocus()

    def back(self) -> None:
        if self.pages.currentIndex() > FILE:
            self.show_step(self.pages.currentIndex() - 1)

    def next(self) -> None:
        if self.pages.currentIndex() == FILE and self.table is not None:
            self.show_step(MAPPING)
        elif self.pages.currentIndex() == MAPPING:
            self.check()

    def _update_buttons(self) -> None:
        idle = self.worker is None
        step = self.pages.currentIndex()
        done = self.result is not None
        self.back_button.setEnabled(idle and step > FILE and not done)
        ready = {
            FILE: self.table is not None,
            MAPPING: not self.mapping_model.mapping.problems(),
            REPORT: False,
        }[step]
        self.next_button.setEnabled(idle and ready and not done)
        self.next_button.setVisible(step != REPORT)
        self.next_button.setText(self.tr("C&heck") if step == MAPPING else self.tr("&Next"))
        plan = self.plan
        can_import = (
            plan is not None
            and bool(plan.to_import or plan.changing)
            and (not plan.invalid_lines or self.skip_invalid.isChecked())
            and (not plan.lost_letter_lines or self.accept_lost.isChecked())
        )
        self.accept_lost.setVisible(plan is not None and bool(plan.lost_letter_lines))
        self.import_button.setVisible(step == REPORT)
        self.import_button.setEnabled(idle and can_import and not done)
        self.close_button.setText(self.tr("&Done") if done else self.tr("Close"))

    # --- step 1: the file -------------------------------------------------------------------

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import participants"),
            str(Path.home()),
            self.tr("Tables (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if path:
            self.path.setText(path)
            self.read()

    def read(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip() or self.worker is not None:
            return
        encoding, separator = self.encoding.currentData(), self.separator.currentData()
        sheet = self.sheet.currentText() if self.sheet.count() > 1 else None

        # a corrected file with the same headers keeps what was chosen for the first one
        previous = self.mapping_model.mapping.saved_form() if self.table is not None else None
        db, event_id = self.db, self.event_id

        def job(progress, cancelled):
            table = read_table(
                path, encoding=encoding, delimiter=separator, sheet=sheet,
                is_header=F.is_known_header,
            )  # fmt: skip
            with db.session(write=False) as session:
                return table, suggest_mapping(session, event_id, table, previous)

        self._run(job, lambda read: self._read(*read), self.tr("Reading the file…"))

    def _read(self, table: SourceTable, mapping: ColumnMapping) -> None:
        self.table = table
        self.plan = self.result = None
        if table.kind == "xlsx":
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItems(list(table.sheets))
            self.sheet.setCurrentText(table.sheet)
            self.sheet.blockSignals(False)
        self.sheet.setEnabled(table.kind == "xlsx" and len(table.sheets) > 1)
        self.encoding.setEnabled(table.kind == "csv")
        self.separator.setEnabled(table.kind == "csv")
        self.file_status.setStyleSheet(OK_STYLE + " padding:8px;")
        self.file_status.setText(self.describe(table))
        self.mapping_model.load(table, mapping)
        self._show_values(0 if table.headers else -1)
        self.mapping_changed()
        self._update_buttons()
        self.next_button.setFocus()

    def describe(self, table: SourceTable) -> str:
        rows = QLocale().toString(len(table.rows))
        if table.kind == "xlsx":
            text = self.tr("%1: Excel workbook, sheet “%2”, %3 rows of data.")
            text = text.replace("%2", table.sheet)
        else:
            separator = self.tr("tab") if table.delimiter == "\t" else table.delimiter
            encoding = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1252": "Windows-1252"}
            text = (
                self.tr("%1: CSV, %2, separator “%4”, %3 rows of data.")
                .replace("%2", encoding.get(table.encoding, table.encoding.upper()))
                .replace("%4", separator)
            )
        text = text.replace("%1", table.name).replace("%3", rows)
        if table.header_line > 1:
            text += " " + self.tr("The header is in row %1.").replace("%1", str(table.header_line))
        if table.garbled:
            text += " " + self.tr(
                "%1 rows look garbled (like “MÃ¼ller”): the file may have been converted twice."
            ).replace("%1", str(table.garbled))
        return text

    # --- step 2: the columns ----------------------------------------------------------------

    def mapping_changed(self) -> None:
        mapping = self.mapping_model.mapping
        self.plan = None
        self.preview_model.show(self.table, mapping)
        self.preview_view.resizeColumnsToContents()  # 30 rows at most: cheap
        for column in range(self.preview_model.columnCount()):
            if self.preview_view.columnWidth(column) > 260:
                self.preview_view.setColumnWidth(column, 260)
        problems = mapping.problems()
        if problems:
            self.mapping_status.setStyleSheet(BANNER_STYLE)
            self.mapping_status.setText(" ".join(p.message(translate) for p in problems))
        else:
            used = sum(1 for f in mapping.fields if f)
            self.mapping_status.setStyleSheet("")
            self.mapping_status.setText(
                self.tr("%1 of %2 columns are taken over.")
                .replace("%1", str(used))
                .replace("%2", str(len(mapping.fields)))
            )
        self._update_buttons()

    def suggest_mapping(self) -> None:
        if self.table is not None:
            with self.db.session(write=False) as session:
                suggested = suggest_mapping(session, self.event_id, self.table)
            self.mapping_model.set_mapping(suggested)
            self._show_values(max(0, self.mapping_view.currentIndex().row()))

    def save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save column assignment"), str(Path.home() / "zuordnung.json"),
            self.tr("Column assignments (*.json)"),
        )  # fmt: skip
        if path:
            try:
                self.mapping_model.mapping.save(path)
            except OSError as exc:
                self.mapping_status.setText(str(exc))
                return
            self.mapping_status.setText(self.tr("Saved to %1.").replace("%1", path))

    def load_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load column assignment"), str(Path.home()),
            self.tr("Column assignments (*.json)"),
        )  # fmt: skip
        if path:
            self.use_saved_mapping(Path(path))

    def use_saved_mapping(self, path: Path) -> None:
        try:
            saved, values = load_saved_mapping(path)
        except RegdeskError as exc:
            self.mapping_status.setStyleSheet(BANNER_STYLE)
            self.mapping_status.setText(error_text(exc))
            return
        self.mapping_model.set_mapping(self.mapping_model.mapping.reused(saved, values))
        self._show_values(max(0, self.mapping_view.currentIndex().row()))

    # --- step 3: check and import -----------------------------------------------------------

    def check(self) -> None:
        if self.table is None or self.worker is not None:
            return
        db, event_id, table = self.db, self.event_id, self.table
        mapping, policy = self.mapping_model.mapping, self.duplicates.currentData()

        def job(progress, cancelled):
            with db.session(write=False) as session:
                return plan_import(
                    session, event_id, table, mapping, duplicates=policy,
                    progress=progress, cancelled=cancelled,
                )  # fmt: skip

        self._run(job, self._checked, self.tr("Checking the rows…"))

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.report_model.show(plan)
        locale = QLocale()
        text = self.tr(
            "%1 rows: <b>%2 can be imported</b>, %3 have problems, %4 look like duplicates."
        )
        counts = (plan.total, len(plan.to_import), len(plan.invalid_lines), len(plan.duplicates))
        for number, value in enumerate(counts, start=1):
            text = text.replace(f"%{number}", locale.toString(value))
        if plan.updates:
            text += "<br>" + self.tr("%1 registered people matched, %2 of them change.").replace(
                "%1", locale.toString(len(plan.updates))
            ).replace("%2", locale.toString(len(plan.changing)))
        if plan.invalid_lines:
            text += "<br>" + self.tr(
                "Nothing is imported while rows have problems: correct them in the file and "
                "read it again, or leave them out."
            )
        self.summary.setText(text)
        self.show_step(REPORT)

    def apply(self) -> None:
        if self.plan is None or self.worker is not None:
            return
        db, event_id, table, actor = self.db, self.event_id, self.table, self.actor
        mapping, policy = self.plan.mapping, self.plan.duplicate_policy
        skip = self.skip_invalid.isChecked()
        lost = self.accept_lost.isChecked()

        def job(progress, cancelled):
            return apply_import(
                db, event_id, table, mapping, actor=actor, skip_invalid=skip,
                duplicates=policy, accept_lost_letters=lost, progress=progress,
                cancelled=cancelled,
            )  # fmt: skip

        self._run(job, self._applied, self.tr("Importing…"))

    def _applied(self, result: ImportResult) -> None:
        self.result = result
        locale = QLocale()
        self.summary.setStyleSheet(OK_STYLE + " font-size:12pt; padding:8px;")
        self.summary.setText(
            self.tr(
                "<b>%1 participants imported</b> (%2 places, %3 on waiting lists). "
                "Left out: %4 rows with problems, %5 likely duplicates."
            )
            .replace("%1", locale.toString(result.imported))
            .replace("%2", locale.toString(result.enrolled))
            .replace("%3", locale.toString(result.waitlisted))
            .replace("%4", locale.toString(result.skipped_invalid))
            .replace("%5", locale.toString(result.skipped_duplicates))
            + (
                " "
                + self.tr("<b>%1 registered participants updated.</b>").replace(
                    "%1", locale.toString(result.updated)
                )
                if result.updated
                else ""
            )
        )
        self._update_buttons()
        self.close_button.setFocus()
        self.imported.emit(result)

    def save_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(Path.home() / "importbericht.csv"),
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        model = self.report_model
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
            writer.writerow(model.headers())
            for line, column, kind, message in model.rows:
                writer.writerow([line, column, model.kind_text(kind), message])

    # --- the worker -------------------------------------------------------------------------

    def _run(self, job, done, message: str) -> None:
        self.work.start(job, done, self._failed, self._cancelled, message)

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        step = self.pages.currentIndex()
        label = (self.file_status, self.mapping_status, self.summary)[step]
        label.setStyleSheet(BANNER_STYLE)
        label.setText(text)
        if step == FILE:
            self.table = None
        self._update_buttons()

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Cancelled. Nothing was changed."))
        self._update_buttons()

    def reject(self) -> None:
        if self.worker is not None:  # the worker finishes first; a cancel is asked for
            self.work.cancel()
            return
        super().reject()
