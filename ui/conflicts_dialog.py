"""Konflikte: badges admitted at two desks while the desks were apart (who, when, which
desks), and this desk's offline scans that the server refused (kept, with its reason).
For the organiser after an outage; it follows the change signal while open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.desks.door import DoorDesk
from regdesk.desks.replica import REFUSED, OutboxRow
from regdesk.services.offline_scans import Conflict, conflicts

from .fit import fit_title
from .formatting import local_time
from .list_table import list_table
from .live import Follower, LiveData
from .table_model import Index, TableModel


class ConflictsModel(TableModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Participant"),
            self.tr("Code"),
            self.tr("First admitted"),
            self.tr("at desk"),
            self.tr("Admitted again"),
            self.tr("at desk"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        c: Conflict = self.rows[index.row()]
        offline = " " + self.tr("(offline)")
        return (
            c.name or self.tr("(removed)"),
            c.short_code,
            local_time(c.first_at),
            c.first_desk + (offline if c.first_offline else ""),
            local_time(c.second_at),
            c.second_desk + (offline if c.second_offline else ""),
        )[index.column()]


class RefusedModel(TableModel):
    def __init__(self, words, parent=None) -> None:
        self.words = words
        super().__init__((), parent)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Scanned"), self.tr("Verdict shown"), self.tr("Reason of the server"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row: OutboxRow = self.rows[index.row()]
        return (local_time(row.at), self.words(row.verdict), row.reason)[index.column()]


class ConflictsDialog(QDialog):
    def __init__(
        self,
        db: Database,
        event_id: int,
        desk: DoorDesk,
        words,
        live: LiveData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.desk = db, event_id, desk
        self.setObjectName("conflictsDialog")
        fit_title(self, self.tr("Conflicts"))
        self.resize(860, 480)
        self.summary = QLabel()
        self.summary.setObjectName("conflictsSummary")
        self.summary.setWordWrap(True)
        self.conflicts = ConflictsModel((), self)
        self.conflicts_view = list_table(
            "conflictsTable", self.tr("Badges admitted twice while apart"), self.conflicts
        )
        self.refused = RefusedModel(words, self)
        self.refused_view = list_table(
            "refusedTable", self.tr("Offline scans the server refused"), self.refused
        )
        self.refused_label = QLabel(self.tr("Offline scans of this desk the server refused:"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_view, 2)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused_view, 1)
        layout.addWidget(buttons)
        self.follower = Follower(self, live, lambda _t: self.refresh(), ("scan",))
        self.refresh()
        self.conflicts_view.setFocus()

    def refresh(self) -> None:
        with (self.desk.reading_db() or self.db).session(write=False) as session:
            found = conflicts(session, self.event_id)
        refused = [r for r in self.desk.outbox() if r.state == REFUSED]
        self.conflicts.set_rows(found)
        self.refused.set_rows(refused)
        self.refused_label.setVisible(bool(refused))
        self.refused_view.setVisible(bool(refused))
        if found:
            text = self.tr(
                "%1 badge(s) were admitted at two desks while the desks could not reach the "
                "server. Both admissions are kept; the later one is listed as the conflict."
            ).replace("%1", str(len({c.participant_id for c in found})))
        else:
            text = self.tr("No badge was admitted twice.")
        self.summary.setText(text)
