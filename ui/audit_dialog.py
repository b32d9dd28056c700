"""The audit log (Änderungsprotokoll): every change of the event, newest first, narrowed by
who, what, about whom and when; the changes in words; exported as the viewer narrowed it
(XLSX, CSV or PDF, on a worker). It follows changes made here and at other desks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QLocale, Qt, QTime, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
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
from .fit import fit_title
from .formatting import day_label, local_time
from .history_text import HistoryText
from .list_table import list_table
from .live import Follower, LiveData
from .messages import error_text
from .table_model import Index, TableModel
from .work_row import WorkRow

PAGE = 500
CHOSEN = "chosen"  # the "when" choice of a period of one's own


def moment_edit(name: str) -> QDateTimeEdit:
    """A date and time to the minute, typed (DD.MM.YYYY HH:MM) or from the calendar."""
    edit = QDateTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("dd.MM.yyyy HH:mm")
    edit.setCalendarPopup(True)
    return edit


class AuditModel(TableModel):
    def __init__(self, words: HistoryText, parent=None) -> None:
        self.words = words
        self.zone: ZoneInfo | None = None  # the event's; None: this computer's
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
            return local_time(line.at, self.zone)  # the event's time, as the filters
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
        fit_title(self, self.tr("Audit log"))
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
        self.when.addItem(self.tr("from … to … (choose)"), CHOSEN)
        # a period of one's own, to the minute: what happened at the door 10:00-10:30
        self.since_edit, self.until_edit = (moment_edit(n) for n in ("auditSince", "auditUntil"))
        self.since_edit.setAccessibleName(self.tr("From"))
        self.until_edit.setAccessibleName(self.tr("To"))
        self.since_edit.setDateTime(QDateTime(midnight.date(), QTime(0, 0)))
        self.until_edit.setDateTime(QDateTime(now.date(), QTime(now.hour, now.minute)).addSecs(60))
        period = QHBoxLayout()
        period.addWidget(self.when, 1)
        for text, edit in ((self.tr("&from"), self.since_edit), (self.tr("&to"), self.until_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            period.addWidget(label)
            period.addWidget(edit)
        filters = QFormLayout()
        for text, widget, row in (
            (self.tr("&Who"), self.who, self.who), (self.tr("W&hat"), self.what, self.what),
            (self.tr("About wh&om"), self.person, self.person),
            (self.tr("Whe&n"), self.when, period),
        ):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addRow(label, row)

        self.model = AuditModel(self.words, self)
        self.model.zone = self.zone
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
        self.when.currentIndexChanged.connect(lambda _: self._show_period())
        for edit in (self.since_edit, self.until_edit):
            edit.dateTimeChanged.connect(lambda _: self._timer.start())
        self._show_period()
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

    def period_problem(self) -> str:
        return self.tr("The end of the period must come after its start.")

    def _show_period(self) -> None:
        chosen = self.when.currentData() == CHOSEN
        self.since_edit.setEnabled(chosen)
        self.until_edit.setEnabled(chosen)

    def _chosen_period(self) -> tuple[datetime, datetime]:
        def aware(edit) -> datetime:
            value = edit.dateTime()
            d, t = value.date(), value.time()
            return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)

        return aware(self.since_edit), aware(self.until_edit)

    def filters(self) -> AuditFilter:
        period = self.when.currentData()
        if period == CHOSEN:
            period = self._chosen_period()
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
        if self.when.currentData() == CHOSEN:
            since, until = self._chosen_period()
            if until <= since:  # said, and the list stays as it was
                self.status.setText(self.period_problem())
                return
        if self.status.text() == self.period_problem():
            self.status.clear()
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
