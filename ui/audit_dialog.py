"""The audit log (Änderungsprotokoll): every change of the event, newest first, narrowed by
who, what, about whom and when; the changes in words; exported as the viewer narrowed it
(XLSX, CSV or PDF, on a worker). It follows changes made here and at other desks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.exporting.labels import action_text
from regdesk.services.audit_log import AuditFilter, AuditLine, audit_choices, audit_page
from regdesk.services.events import get_event
from regdesk.services.exports import export_list
from regdesk.services.list_common import ListRequest
from regdesk.services.participants import history_names

from . import i18n
from .formatting import day_label, local_time
from .history_text import HistoryText
from .list_table import list_table
from .live import Follower, LiveData
from .messages import error_text
from .table_model import Index, TableModel
from .work_row import WorkRow

PAGE = 500


class AuditModel(TableModel):
    def __init__(self, words: HistoryText, parent=None) -> None:
        self.words = words
        super().__init__((), parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Who"), self.tr("What"), self.tr("Person"),
                self.tr("Change"))  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):  # fmt: skip
            return None
        line: AuditLine = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return local_time(line.at)
        if column == 1:
            return self.words.actor(line.actor)
        if column == 2:
            return action_text(line.action, i18n.current_language())
        if column == 3:
            return line.person
        html = self.words.changes(line.action, line.before, line.after)
        text = QTextDocumentFragment.fromHtml(html).toPlainText() if html else ""
        return " · ".join(part.strip() for part in text.splitlines() if part.strip())


class AuditDialog(QDialog):
    def __init__(
        self,
        db: Database,
        event_id: int,
        actor: str,
        live: LiveData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 640)
        with db.session(write=False) as session:
            event = get_event(session, event_id)
            names = history_names(session, event_id)
        self.zone = ZoneInfo(event.timezone or "Europe/Berlin")
        self.words = HistoryText()
        self.words.names = names
        self.shown = PAGE

        self.who = QComboBox()
        self.who.setObjectName("auditWho")
        self.who.setAccessibleName(self.tr("Who"))
        self.what = QComboBox()
        self.what.setObjectName("auditWhat")
        self.what.setAccessibleName(self.tr("What"))
        self.person = QLineEdit()
        self.person.setObjectName("auditPerson")
        self.person.setAccessibleName(self.tr("About whom"))
        self.person.setPlaceholderText(self.tr("Name of a participant"))
        self.person.setClearButtonEnabled(True)
        self.when = QComboBox()
        self.when.setObjectName("auditWhen")
        self.when.setAccessibleName(self.tr("When"))
        now = datetime.now(self.zone)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self.when.addItem(self.tr("any time"), None)
        self.when.addItem(self.tr("today"), (midnight, None))
        self.when.addItem(self.tr("the last 7 days"), (midnight - timedelta(days=6), None))
        for day in event.days:
            start = datetime(day.date.year, day.date.month, day.date.day, tzinfo=self.zone)
            self.when.addItem(day_label(day.date), (start, start + timedelta(days=1)))
        filters = QFormLayout()
        for text, widget in (
            (self.tr("&Who"), self.who), (self.tr("W&hat"), self.what),
            (self.tr("About wh&om"), self.person), (self.tr("Whe&n"), self.when),
        ):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addRow(label, widget)

        self.model = AuditModel(self.words, self)
        self.view = list_table("auditTable", self.tr("Entries of the audit log"), self.model)
        self.view.setWordWrap(False)
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        self.more = QPushButton(self.tr("&More"))
        self.more.setObjectName("auditMore")
        self.more.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.choose_file)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.work = WorkRow("auditExport", self.tr("Progress of the export"), self)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.more)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.work)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.person.textChanged.connect(self._timer.start)
        for combo in (self.who, self.what, self.when):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.activated.connect(self.reload)
        self.follower = Follower(self, live, lambda _topics: self.reload())
        self._fill_choices()
        self.reload()
        self.who.setFocus()

    def _fill_choices(self) -> None:
        with self.db.session(write=False) as session:
            actors, actions = audit_choices(session, self.event_id)
        language = i18n.current_language()
        for combo, everything, choices in (
            (self.who, self.tr("everyone"), [(self.words.actor(a), a) for a in actors]),
            (self.what, self.tr("everything"),
             sorted(((action_text(a, language), a) for a in actions), key=lambda c: c[0])),
        ):  # fmt: skip
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, value in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def filters(self) -> AuditFilter:
        period = self.when.currentData()
        since, until = period if period else (None, None)
        return AuditFilter(
            actor=self.who.currentData() or "",
            actions=(self.what.currentData(),) if self.what.currentData() else (),
            person=self.person.text().strip(),
            since=since.astimezone(UTC) if since else None,
            until=until.astimezone(UTC) if until else None,
        )

    def reload(self) -> None:
        self._timer.stop()
        try:
            with self.db.session(write=False) as session:
                lines, total = audit_page(session, self.event_id, self.filters(),
                                          limit=self.shown)  # fmt: skip
        except RegdeskError as exc:
            self.status.setText(error_text(exc))
            return
        self.model.set_rows(lines)
        self.view.resizeColumnsToContents()
        locale = QLocale()
        if total > len(lines):
            self.count.setText(
                self.tr("The newest %1 of %2 entries – narrow them with the filters.")
                .replace("%1", locale.toString(len(lines)))
                .replace("%2", locale.toString(total))
            )
        else:
            self.count.setText(self.tr("%n entry(ies)", "", total))
        self.more.setEnabled(total > len(lines))
        self.total = total

    def load_more(self) -> None:
        self.shown += PAGE
        self.reload()

    # --- export ------------------------------------------------------------------------

    def choose_file(self) -> None:
        stem = self.tr("audit-log")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), str(Path.home() / (stem + ".xlsx")),
            self.tr("Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"),
        )  # fmt: skip
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self.work.worker is not None:
            return
        fmt = path.suffix.lower().lstrip(".") or "xlsx"
        request = ListRequest("audit", language=i18n.current_language(), audit=self.filters())
        db, event_id, actor = self.db, self.event_id, self.actor
        target = path if path.suffix else path.with_suffix(".xlsx")

        def job(progress, cancelled):
            return export_list(db, event_id, request, target, format=fmt, actor=actor,
                               progress=progress, cancelled=cancelled)  # fmt: skip

        self.status.setText(self.tr("Writing the audit log…"))
        self.work.start(job, self._exported, self._failed, self._cancelled)

    def _exported(self, result) -> None:
        self.status.setText(
            self.tr("%1 entries written to %2.")
            .replace("%1", QLocale().toString(result.rows))
            .replace("%2", str(result.path))
        )

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        self.status.setText(self.tr("No file was written: %1").replace("%1", text))

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled. No file was written."))
