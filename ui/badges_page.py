"""Badges: choose whose badges (the list with search and filters, or selected rows), the
layout and print options; a live preview of the badge as it prints; a PDF made on a
worker thread with progress and cancel; printing through the Qt print dialog; reissue
of a lost badge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QLocale, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regdesk.badges.layouts import DEFAULT_LAYOUT, LAYOUTS, get_layout
from regdesk.badges.pdf import PrintOptions
from regdesk.badges.scene import Labels
from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.models import ParticipantStatus
from regdesk.services import badges as svc
from regdesk.services.events import get_event
from regdesk.services.search import ParticipantFilter

from .action_button import action_button
from .badge_preview import BadgePreview
from .badge_printing import prepare, print_badges
from .messages import error_text
from .participant_model import ParticipantTableModel
from .workers import Worker

SEARCH_DELAY_MS = 150


class BadgesPage(QWidget):
    def __init__(
        self, db: Database, event_id: int, actor: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        self.setObjectName("badgesPage")
        self.worker: Worker | None = None
        self.last_pdf: Path | None = None

        self.search = QLineEdit()
        self.search.setObjectName("badgeSearch")
        self.search.setAccessibleName(self.tr("Search participants"))
        self.search.setPlaceholderText(self.tr("Search: name, organisation, e-mail or badge code"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._timer.start)
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("badgeCategoryFilter")
        self.category_filter.setAccessibleName(self.tr("Filter by category"))
        self.printed_filter = QComboBox()
        self.printed_filter.setObjectName("printedFilter")
        self.printed_filter.setAccessibleName(self.tr("Filter by printed badge"))
        for text, value in (
            (self.tr("Printed or not"), None),
            (self.tr("Badge not printed yet"), False),
            (self.tr("Badge printed"), True),
        ):
            self.printed_filter.addItem(text, value)
        for combo in (self.category_filter, self.printed_filter):
            combo.currentIndexChanged.connect(self._apply_filters)

        self.model = ParticipantTableModel(db, event_id, self)
        self.model.reloaded.connect(self._update_counts)
        self.view = QTableView()
        self.view.setObjectName("badgeParticipantTable")
        self.view.setAccessibleName(self.tr("Participants for badges"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 130), (1, 110), (2, 200), (3, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.refresh_preview())

        # options
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("layoutChoice")
        for key, layout in LAYOUTS.items():
            self.layout_choice.addItem(self.layout_name(key, layout.name), key)
        self.layout_choice.setCurrentIndex(self.layout_choice.findData(DEFAULT_LAYOUT))
        self.sort_choice = QComboBox()
        self.sort_choice.setObjectName("sortChoice")
        self.sort_choice.addItem(self.tr("Last name"), "name")
        self.sort_choice.addItem(self.tr("Category, then last name"), "category")
        self.cut_marks = QCheckBox(self.tr("Cut &marks (sheets)"))
        self.cut_marks.setObjectName("cutMarks")
        self.offset_x = self._offset_spin("offsetRight")
        self.offset_y = self._offset_spin("offsetDown")
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(self.tr("right")))
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel(self.tr("down")))
        offsets.addWidget(self.offset_y)
        self.scope_all = QRadioButton()
        self.scope_all.setObjectName("scopeAll")
        self.scope_selected = QRadioButton()
        self.scope_selected.setObjectName("scopeSelected")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.scope_all)
        self.scope.addButton(self.scope_selected)
        self.scope_all.setChecked(True)
        options = QGroupBox(self.tr("Print"))
        form = QFormLayout(options)
        for label, widget in (
            (self.tr("&Layout"), self.layout_choice),
            (self.tr("&Order"), self.sort_choice),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(caption, widget)
        form.addRow("", self.cut_marks)
        offset_label = QLabel(self.tr("Printer offs&et (mm)"))
        offset_label.setBuddy(self.offset_x)
        form.addRow(offset_label, offsets)
        form.addRow(self.tr("Whose badges"), self.scope_all)
        form.addRow("", self.scope_selected)
        for widget in (self.layout_choice, self.cut_marks, self.offset_x, self.offset_y):
            signal = (
                getattr(widget, "currentIndexChanged", None)
                or getattr(widget, "toggled", None)
                or widget.valueChanged
            )
            signal.connect(lambda *_: self.refresh_preview())
        self.scope.buttonToggled.connect(lambda *_: self._update_buttons())

        self.preview = BadgePreview()
        self.preview.setAccessibleName(self.tr("Badge preview"))
        self.preview_caption = QLabel()
        self.preview_caption.setObjectName("previewCaption")
        self.preview_caption.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, text, shortcut, slot in (
            ("makePdf", self.tr("Make &PDF…"), "Ctrl+Shift+P", self.make_pdf),
            ("print", self.tr("P&rint…"), "Ctrl+P", self.print_dialog),
            ("openPdf", self.tr("Open the P&DF"), "", self.open_pdf),
            ("reissue", self.tr("Re&issue badge…"), "", self.reissue_current),
        ):
            self.buttons[name] = action_button(self, name, text, shortcut, slot)
            actions.addWidget(self.buttons[name])
        self.progress = QProgressBar()
        self.progress.setObjectName("badgeProgress")
        self.progress.setAccessibleName(self.tr("Progress of the badges"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancelBadgesButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setObjectName("badgeStatus")
        self.status.setAccessibleName(self.tr("Badge status"))
        self.status.setWordWrap(True)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.printed_filter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_caption)
        right_layout.addWidget(options)
        right_layout.addLayout(actions)
        right_layout.addLayout(busy)
        right_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(splitter)
        self.setFocusProxy(self.search)

        self._busy(False)
        self.reload_categories()
        self._apply_filters()

    def layout_name(self, key: str, fallback: str) -> str:
        return {
            "a6": self.tr("A6 landscape, one per page"),
            "a6-4up": self.tr("4 × A6 on A4"),
            "a7-8up": self.tr("8 × A7 on A4"),
            "durable-90x54": self.tr("Durable sheet 90 × 54 mm (10 per A4)"),
            "herma-80x50": self.tr("Herma sheet 80 × 50 mm (10 per A4)"),
            "iso-card": self.tr("ISO card 86 × 54 mm, one per page"),
        }.get(key, fallback)

    def _offset_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-20.0, 20.0)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        spin.setAccessibleName(
            self.tr("Printer offset to the right")
            if name == "offsetRight"
            else self.tr("Printer offset downwards")
        )
        return spin

    # --- the list ---------------------------------------------------------------------------

    def reload_categories(self) -> None:
        with self.db.session(write=False) as session:
            categories = get_event(session, self.event_id).categories
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in categories:
            self.category_filter.addItem(category.name, category.id)
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(current)))
        self.category_filter.blockSignals(False)

    def filters(self) -> ParticipantFilter:
        category = self.category_filter.currentData()
        return ParticipantFilter(
            category_ids=(category,) if category is not None else (),
            status=ParticipantStatus.REGISTERED.value,
            badge_printed=self.printed_filter.currentData(),
        )

    def _apply_search(self) -> None:
        self.model.search(self.search.text())
        self.refresh_preview()

    def _apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        self.refresh_preview()

    def reload(self) -> None:
        """Fetch the list again (other desks, printed counts), keeping the selection of
        those still in it."""
        chosen, current = self.selected_ids(), self.current_id()
        self.model.reload()
        selection = self.view.selectionModel()
        for pid in chosen:
            row = self.model.row_of(pid)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        if current is not None and self.model.row_of(current) >= 0:
            selection.setCurrentIndex(
                self.model.index(self.model.row_of(current), 0),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        self.refresh_preview()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [pid for pid in (self.model.participant_id(r) for r in rows) if pid is not None]

    def _selection_changed(self) -> None:
        self._update_counts()

    def _update_counts(self) -> None:
        locale = QLocale()
        self.scope_all.setText(
            self.tr("&All in the list (%1)").replace("%1", locale.toString(self.model.rowCount()))
        )
        self.scope_selected.setText(
            self.tr("Only the &selected (%1)").replace(
                "%1", locale.toString(len(self.selected_ids()))
            )
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.worker is None
        count = (
            len(self.selected_ids()) if self.scope_selected.isChecked() else self.model.rowCount()
        )
        for name in ("makePdf", "print"):
            self.buttons[name].setEnabled(idle and count > 0)
        self.buttons["openPdf"].setEnabled(
            idle and self.last_pdf is not None and self.last_pdf.exists()
        )
        self.buttons["reissue"].setEnabled(idle and self.current_id() is not None)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if index.isValid():
            return self.model.participant_id(index.row())
        return self.model.participant_id(0) if self.model.rowCount() else None

    # --- what to print ----------------------------------------------------------------------

    def chosen_layout(self):
        return get_layout(self.layout_choice.currentData())

    def options(self) -> PrintOptions:
        return PrintOptions(
            cut_marks=self.cut_marks.isChecked(),
            offset_mm=(self.offset_x.value(), self.offset_y.value()),
            labels=Labels(no_photos=self.tr("No photos")),
        )

    def selection(self) -> svc.BadgeSelection:
        sort = self.sort_choice.currentData()
        if self.scope_selected.isChecked():
            return svc.BadgeSelection(ids=tuple(self.selected_ids()), sort=sort)
        return svc.BadgeSelection(filters=self.filters(), query=self.search.text(), sort=sort)

    def refresh_preview(self) -> None:
        pid = self.current_id()
        if pid is None:
            self.preview.show_nothing(self.tr("No participant in the list."))
            self.preview_caption.setText("")
        else:
            with self.db.session(write=False) as session:
                (data,) = svc.badge_data(session, [pid])
            layout = self.chosen_layout()
            self.preview.show_badge(data, layout, self.options())
            self.preview_caption.setText(
                self.tr("Preview: %1 %2 · %3 × %4 mm")
                .replace("%1", data.first_name)
                .replace("%2", data.last_name)
                .replace("%3", f"{layout.badge[0]:g}")
                .replace("%4", f"{layout.badge[1]:g}")
            )
        self._update_counts()

    # --- PDF on a worker thread -------------------------------------------------------------

    def make_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save badges as PDF"),
            str(Path.home() / self.tr("badges.pdf")),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.generate_pdf(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def generate_pdf(self, path: Path) -> None:
        db, event_id, actor = self.db, self.event_id, self.actor
        layout, selection, options = self.chosen_layout().key, self.selection(), self.options()

        def job(progress, cancelled):
            return svc.generate(
                db,
                event_id,
                path,
                layout=layout,
                selection=selection,
                options=options,
                actor=actor,
                progress=progress,
                cancelled=cancelled,
            )

        self.worker = Worker(job, self)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._generated)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)
        self._busy(True)
        self.status.setText(self.tr("Making the badges…"))
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.cancel_button.setFocus()
        self._update_buttons()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _generated(self, result: svc.BatchResult) -> None:
        self.worker = None
        self.last_pdf = result.path
        self._busy(False)
        self.status.setText(
            self.tr("%1 badges on %2 pages in %3.")
            .replace("%1", QLocale().toString(result.badges))
            .replace("%2", QLocale().toString(result.pages))
            .replace("%3", str(result.path))
        )
        self.reload()
        self.buttons["openPdf"].setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.worker = None
        self._busy(False)
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        self.status.setText(self.tr("No PDF was made: %1").replace("%1", text))

    def _cancelled(self) -> None:
        self.worker = None
        self._busy(False)
        self.status.setText(self.tr("Cancelled. No file was written."))

    def open_pdf(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))

    # --- printing ---------------------------------------------------------------------------

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer, self.chosen_layout())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print badges"))
        accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter, ids: list[int] | None = None) -> int:
        """Print the chosen badges (or ``ids``) on ``printer``; they count as printed."""
        layout = self.chosen_layout()
        prepare(printer, layout)
        with self.db.session(write=False) as session:
            if ids is None:
                ids = svc.selected_ids(session, self.event_id, self.selection())
            data = svc.badge_data(session, ids)
        try:
            printed = print_badges(printer, data, layout, self.options())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not printed"), str(exc))
            return 0
        with self.db.session() as session:
            svc.record_printed(session, ids[:printed], actor=self.actor, how=f"print:{layout.key}")
        self.status.setText(self.tr("%1 badges sent to the printer.").replace("%1", str(printed)))
        self.reload()
        return printed

    def print_participant(self, participant_id: int | list[int]) -> None:
        """Print one badge now, or those of several people chosen in the participant list
        (from the list, the door or after a walk-in)."""
        ids = [participant_id] if isinstance(participant_id, int) else list(participant_id)
        if not ids:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer, self.chosen_layout())
        # over the window that asked (the walk-in form stays in front afterwards)
        dialog = QPrintDialog(printer, QApplication.activeWindow() or self)
        dialog.setWindowTitle(self.tr("Print %n badge(s)", "", len(ids)))
        accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.print_to(printer, ids)

    # --- reissue ----------------------------------------------------------------------------

    def reissue_current(self) -> None:
        pid = self.current_id()
        if pid is not None:
            self.reissue(pid)

    def reissue(self, participant_id: int) -> bool:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reissue badge"),
            self.tr(
                "The old badge stops working: scanning it will say “replaced”.\n"
                "Reason (e.g. lost, misprinted):"
            ),
        )
        if not ok:
            return False
        try:
            with self.db.session() as session:
                result = svc.reissue(session, participant_id, reason, actor=self.actor)
        except RegdeskError as exc:
            QMessageBox.warning(self, self.tr("Not possible"), error_text(exc))
            return False
        self.status.setText(
            self.tr("New badge code %1; the old code %2 no longer works. Print the new badge now.")
            .replace("%1", result.short_code)
            .replace("%2", result.old_short_code)
        )
        self.reload()
        return True
