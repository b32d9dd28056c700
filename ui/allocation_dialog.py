"""Plätze zuteilen: run the optimal allocation on a worker thread, show it beside first
come, first served, and apply it (all or nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regdesk.allocation import Outcome
from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.services import allocation as alloc
from regdesk.services.exports import export_list
from regdesk.services.list_common import ListRequest
from regdesk.services.unplaced import Reason, Unplaced, unplaced, waitlist_first_wishes

from . import i18n
from .fill_delegate import FillDelegate
from .fit import fit_title
from .messages import error_text
from .programme_models import FILL_ROLE, fill_text
from .table_model import RIGHT, Index, TableModel
from .workers import Worker


def share(count: int, whole: int) -> str:
    percent = QLocale().toString(100 * count / whole if whole else 0.0, "f", 1)
    return f"{QLocale().toString(count)} ({percent} %)"


class ComparisonModel(TableModel):
    """One row per figure; columns: optimal, first come first served."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Figure"),
            self.tr("Optimal allocation"),
            self.tr("First come, first served"),
        )

    def set_outcomes(self, optimal: Outcome, fcfs: Outcome) -> None:
        s, f = optimal.summary, fcfs.summary
        rows = [
            (
                self.tr("Choice %1").replace("%1", str(rank)),
                share(s.by_rank.get(rank, 0), s.wanted),
                share(f.by_rank.get(rank, 0), f.wanted),
            )
            for rank in sorted(set(s.by_rank) | set(f.by_rank))
        ]
        rows += [
            (
                self.tr("Places wished for but not given"),
                share(s.short, s.wanted),
                share(f.short, f.wanted),
            ),
            (
                self.tr("People without any place"),
                QLocale().toString(s.people_without_place),
                QLocale().toString(f.people_without_place),
            ),
            (
                self.tr("People with every wished place"),
                QLocale().toString(s.people_fully_served),
                QLocale().toString(f.people_fully_served),
            ),
        ]
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        return None


class FillModel(TableModel):
    """Per wished-for item: places held before, what each method adds, fill afterwards."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Programme item"),
            self.tr("Held"),
            self.tr("+ Optimal"),
            self.tr("+ First come"),
            self.tr("After the allocation"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fill: alloc.ItemFill = self.rows[index.row()]
        item, column = fill.item, index.column()
        after = item.enrolled + fill.optimal
        if role == FILL_ROLE and column == 5:
            return (after, item.capacity)
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 4:
            return RIGHT
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == 0:
            return f"{fill.slot.starts_at:%H:%M}–{fill.slot.ends_at:%H:%M}"
        if column == 1:
            return f"{item.code} · {item.title}" if item.code else item.title
        if column == 5:
            return fill_text(after, item.capacity)
        return str((item.enrolled, fill.optimal, fill.fcfs)[column - 2])


class UnplacedModel(TableModel):
    """Who would hold no place (before applying) or holds none (after), and why."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Why without a place"),
            self.tr("First open wish"),
            self.tr("On the waiting list of"),
        )

    def reason(self, reason: Reason) -> str:
        return {
            Reason.NO_WISHES: self.tr("gave no wishes"),
            Reason.WISHES_FULL: self.tr("every wished item full"),
        }[reason]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        p: Unplaced = self.rows[index.row()]
        return (
            f"{p.last_name}, {p.first_name}",
            p.organisation,
            self.reason(p.reason),
            p.first_wish,
            ", ".join(p.waiting_for),
        )[index.column()]


class AllocationDialog(QDialog):
    def __init__(self, db: Database, actor: str, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.event_id = db, actor, event_id
        self.preview: alloc.AllocationPreview | None = None
        self.applied: alloc.RunSummary | None = None
        self.worker: Worker | None = None
        self.changed_programme = False  # people put on waiting lists here
        self.setObjectName("allocationDialog")
        fit_title(self, self.tr("Allocate places from wishes"))
        self.resize(980, 680)

        heading = QLabel(self.tr("Allocate places from wishes"))
        heading.setStyleSheet("font-size:16pt; font-weight:bold;")
        explain = QLabel(
            self.tr(
                "Places already held stay as they are. The open wishes are allocated so that "
                "first as many people as possible get a place, then the choices are as good "
                "as possible in total, and among equally good allocations nobody is pushed "
                "to a low choice to lift somebody else. First come, first served on the same "
                "wishes is shown for comparison. Nothing changes until you apply."
            )
        )
        explain.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("allocationStatus")
        self.status.setAccessibleName(self.tr("Allocation status"))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size:11pt; font-weight:bold;")
        self.progress = QProgressBar()
        self.progress.setObjectName("allocationProgress")
        self.progress.setAccessibleName(self.tr("Allocation progress"))
        self.progress.setRange(0, 0)  # the solver reports no steps: a busy bar

        self.comparison = ComparisonModel((), self)
        self.comparison_view = self._table(
            "comparisonTable", self.tr("Comparison"), self.comparison
        )
        self.fill = FillModel((), self)
        self.fill_view = self._table("allocationFillTable", self.tr("Fill per item"), self.fill)
        self.fill_view.setItemDelegateForColumn(5, FillDelegate(self.fill_view))
        header = self.fill_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(5, 160)

        self.unplaced = UnplacedModel((), self)
        self.unplaced_view = self._table(
            "unplacedTable", self.tr("People without a place"), self.unplaced
        )
        self.unplaced_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.unplaced_summary = QLabel()
        self.unplaced_summary.setObjectName("unplacedSummary")
        self.unplaced_summary.setWordWrap(True)
        self.waitlist_button = QPushButton(
            self.tr("Put them on the &waiting list of their first wish")
        )
        self.waitlist_button.setObjectName("waitlistFirstWishButton")
        self.waitlist_button.clicked.connect(self.waitlist_first_wishes)
        self.export_button = QPushButton(self.tr("E&xport the list…"))
        self.export_button.setObjectName("exportUnplacedButton")
        self.export_button.clicked.connect(self.export_unplaced)
        unplaced_page = QWidget()
        unplaced_layout = QVBoxLayout(unplaced_page)
        unplaced_layout.addWidget(self.unplaced_summary)
        unplaced_layout.addWidget(self.unplaced_view, 1)
        unplaced_buttons = QHBoxLayout()
        unplaced_buttons.addWidget(self.waitlist_button)
        unplaced_buttons.addWidget(self.export_button)
        unplaced_buttons.addStretch()
        unplaced_layout.addLayout(unplaced_buttons)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("allocationTabs")
        self.tabs.addTab(self.fill_view, self.tr("&Fill per item"))
        self.tabs.addTab(unplaced_page, self.tr("&Without a place"))

        self.run_button = QPushButton(self.tr("&Calculate again"))
        self.run_button.setObjectName("calculateButton")
        self.run_button.clicked.connect(self.calculate)
        self.cancel_button = QPushButton(self.tr("C&ancel calculation"))
        self.cancel_button.setObjectName("cancelCalculationButton")
        self.cancel_button.clicked.connect(self.cancel_calculation)
        self.apply_button = QPushButton(self.tr("&Apply allocation"))
        self.apply_button.setObjectName("applyAllocationButton")
        self.apply_button.clicked.connect(self.apply)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeAllocationButton")
        self.close_button.clicked.connect(self.reject)
        for button in (self.run_button, self.cancel_button, self.apply_button, self.close_button,
                       self.waitlist_button, self.export_button):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", ""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Share of the wished places")))
        layout.addWidget(self.comparison_view)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.calculate()

    def _table(self, name: str, accessible: str, model) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(26)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    # --- calculation on a worker thread -----------------------------------------------------

    def calculate(self) -> None:
        db, event_id = self.db, self.event_id

        def job(progress, cancelled):
            with db.session(write=False) as session:
                preview = alloc.preview(session, event_id, cancelled=cancelled)
                return preview, unplaced(session, event_id, preview.optimal.assignments)

        self.preview = None
        self.worker = Worker(job, self)
        self.worker.signals.finished.connect(self._calculated)
        self.worker.signals.failed.connect(self._failed)
        self.worker.signals.cancelled.connect(self._cancelled)
        self._busy(True)
        self.status.setText(self.tr("Calculating the optimal allocation…"))
        self.worker.start()

    def cancel_calculation(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.run_button.setEnabled(not busy and self.applied is None)
        self.apply_button.setEnabled(not busy and self._has_places() and self.applied is None)
        # the list's buttons act on the database: once what it shows is what is stored
        stored = self.applied is not None or not self._has_places()
        self.waitlist_button.setEnabled(not busy and stored and self._waitlistable() > 0)
        self.export_button.setEnabled(not busy and stored)
        hint = "" if stored else self.tr("Apply the allocation first: the list shows its outcome.")
        for button in (self.waitlist_button, self.export_button):
            button.setToolTip(hint)
        if busy:
            self.cancel_button.setFocus()

    def _has_places(self) -> bool:
        return self.preview is not None and bool(self.preview.optimal.assignments)

    def _waitlistable(self) -> int:
        return sum(1 for p in self.unplaced.rows if p.first_wish_id is not None)

    def _show_unplaced(self, rows: list[Unplaced]) -> None:
        self.unplaced.set_rows(rows)
        full = sum(1 for p in rows if p.reason == Reason.WISHES_FULL)
        self.tabs.setTabText(
            1, self.tr("&Without a place (%1)").replace("%1", QLocale().toString(len(rows)))
        )
        self.unplaced_summary.setText(
            self.tr(
                "%1 without a place: %2 whose wished items are all full, %3 who gave no wishes."
            )
            .replace("%1", QLocale().toString(len(rows)))
            .replace("%2", QLocale().toString(full))
            .replace("%3", QLocale().toString(len(rows) - full))
        )
        self.unplaced_view.resizeColumnsToContents()

    def _calculated(self, result) -> None:
        self.worker = None
        preview, rows = result
        self.preview = preview
        self._show_unplaced(rows)
        self.comparison.set_outcomes(preview.optimal, preview.fcfs)
        rows = self.comparison.rowCount()
        self.comparison_view.setFixedHeight(
            self.comparison_view.horizontalHeader().height() + 26 * rows + 4
        )
        self.fill.set_rows(preview.items)
        self._busy(False)
        s = preview.optimal.summary
        if not s.people:
            self.status.setText(self.tr("There are no open wishes to allocate."))
            return
        seconds = QLocale().toString(preview.optimal.seconds, "f", 2)
        proof = (
            self.tr("proven optimal")
            if preview.optimal.proven_optimal
            else self.tr("not proven optimal (time limit reached)")
        )
        self.status.setText(
            self.tr("%1 people wish for %2 places: %3 can be given, %4 in %5 s.")
            .replace("%1", QLocale().toString(s.people))
            .replace("%2", QLocale().toString(s.wanted))
            .replace("%3", QLocale().toString(s.placed))
            .replace("%4", proof)
            .replace("%5", seconds)
        )
        if self._has_places():
            self.apply_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.worker = None
        self._busy(False)
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        self.status.setText(self.tr("The allocation failed: %1").replace("%1", text))

    def _reload_unplaced(self) -> None:
        try:
            with self.db.session(write=False) as session:
                self._show_unplaced(unplaced(session, self.event_id))
        except RegdeskError as exc:
            self.status.setText(error_text(exc))

    def _cancelled(self) -> None:
        self.worker = None
        self._busy(False)
        self.status.setText(self.tr("Calculation cancelled. Nothing was changed."))
        self.run_button.setFocus()

    # --- apply ------------------------------------------------------------------------------

    def apply(self) -> None:
        if not self._has_places():
            return
        try:
            with self.db.session() as session:
                self.applied = alloc.apply(
                    session, self.event_id, self.preview.optimal, actor=self.actor
                )
        except RegdeskError as exc:
            self.status.setText(error_text(exc))
            self.apply_button.setEnabled(False)
            return
        # the dialog stays: who is left without a place is the next thing to look at
        self.status.setText(
            self.tr("%1 places were given. “Undo last allocation” takes them back.").replace(
                "%1", QLocale().toString(self.applied.placed)
            )
        )
        self._reload_unplaced()
        self._busy(False)
        self.tabs.setCurrentIndex(1)
        (self.waitlist_button if self.waitlist_button.isEnabled() else self.close_button).setFocus()

    def waitlist_first_wishes(self) -> None:
        ids = [p.participant_id for p in self.unplaced.rows if p.first_wish_id is not None]
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Waiting lists"),
            self.tr(
                "Put %1 people on the waiting list of their first open wish? Where a place "
                "has come free meanwhile, they get it."
            ).replace("%1", QLocale().toString(len(ids))),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                outcome = waitlist_first_wishes(session, self.event_id, ids, actor=self.actor)
        except RegdeskError as exc:
            QMessageBox.warning(self, self.tr("Waiting lists"), error_text(exc))
            return
        self.changed_programme = True
        lines = [
            self.tr("%1 now on a waiting list, %2 got a place.")
            .replace("%1", QLocale().toString(len(outcome.waiting)))
            .replace("%2", QLocale().toString(len(outcome.placed)))
        ]
        lines += [f"{name}: {error_text(exc)}" for name, exc in outcome.skipped[:10]]
        self.status.setText(" ".join(lines[:1]))
        self._reload_unplaced()
        self._busy(False)
        if outcome.skipped:
            QMessageBox.information(self, self.tr("Waiting lists"), "\n".join(lines))

    def export_unplaced(self) -> None:
        stem = self.tr("without-a-place")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the list"),
            str(Path.home() / f"{stem}.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv", "pdf"):
            path, fmt = path.with_name(path.name + ".xlsx"), "xlsx"
        db, event_id, actor = self.db, self.event_id, self.actor
        request = ListRequest("unplaced", language=i18n.current_language())

        def job(progress, cancelled):
            return export_list(
                db, event_id, request, path, format=fmt, actor=actor, progress=progress,
                cancelled=cancelled,
            )  # fmt: skip

        self.worker = Worker(job, self)
        self.worker.signals.finished.connect(self._exported)
        self.worker.signals.failed.connect(self._export_failed)
        self.worker.signals.cancelled.connect(self._export_cancelled)
        self._busy(True)
        self.status.setText(self.tr("Writing %1…").replace("%1", str(path)))
        self.worker.start()

    def _export_failed(self, exc: BaseException) -> None:
        self.worker = None
        self._busy(False)
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        self.status.setText(self.tr("The list was not written: %1").replace("%1", text))

    def _export_cancelled(self) -> None:
        self.worker = None
        self._busy(False)
        self.status.setText(self.tr("Export cancelled; no file was written."))

    def _exported(self, result) -> None:
        self.worker = None
        self._busy(False)
        self.status.setText(
            self.tr("%1 entries written to %2.")
            .replace("%1", QLocale().toString(result.rows))
            .replace("%2", str(result.path))
        )

    def reject(self) -> None:
        if self.worker is not None:  # closing while calculating: cancel first
            self.cancel_calculation()
            self.worker.signals.cancelled.connect(self.reject)
            return
        if self.applied is not None or self.changed_programme:
            super().accept()  # the page reloads what changed
            return
        super().reject()
