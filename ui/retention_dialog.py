"""Retention periods (Aufbewahrung und Löschfristen): per class of personal data the days
it is kept after the event's last day, the date it is to be deleted -- following the
period as it is typed -- and how many still have such data stored."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.models import DataClass
from regdesk.privacy.retention import (
    DEFAULT_DAYS,
    MAX_DAYS,
    RetentionLine,
    retention_plan,
    set_retention,
)
from regdesk.services.events import get_event
from regdesk.text import format_date

from .fit import fit_title
from .messages import error_text


class RetentionDialog(QDialog):
    def __init__(self, db: Database, event_id: int, actor: str, parent=None) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor = db, event_id, actor
        fit_title(self, self.tr("Retention periods"))
        with db.session(write=False) as session:
            self.lines = {x.data_class: x for x in retention_plan(session, event_id)}
            self.last_day = get_event(session, event_id).last_day
        intro = QLabel(
            self.tr(
                "How long each kind of personal data is kept, counted from the event's last "
                "day (%1). A period of 0 days: deleted right after the event."
            ).replace("%1", format_date(self.last_day))
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Data</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Kept for</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Deleted on</b>")), 0, 2)
        self.days: dict[str, QSpinBox] = {}
        self.when: dict[str, QLabel] = {}
        for row, (name, line) in enumerate(self.lines.items(), 1):
            label = QLabel(self.class_name(name))
            spin = QSpinBox()
            spin.setRange(0, MAX_DAYS)
            spin.setSuffix(self.tr(" days"))
            spin.setValue(line.days)
            spin.setAccessibleName(self.class_name(name))
            spin.setObjectName(f"retention_{name}")
            label.setBuddy(spin)
            when = QLabel()
            when.setObjectName(f"retention_{name}_date")
            spin.valueChanged.connect(lambda _v, n=name: self._show(n))
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(when, row, 2)
            self.days[name], self.when[name] = spin, when
            self._show(name)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        self.delete_button = buttons.addButton(
            self.tr("&Delete data…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.delete_button.setObjectName("deleteDataButton")
        self.delete_button.setAccessibleName(self.tr("Delete personal data now"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.open_anonymise)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        next(iter(self.days.values())).setFocus()

    @staticmethod
    def class_name(name: str) -> str:
        return {
            "needs": QCoreApplication.translate(
                "RetentionDialog", "Needs (dietary, accessibility, interpreting)"
            ),
            "contact": QCoreApplication.translate(
                "RetentionDialog", "Contact data (e-mail, phone, position, notes)"
            ),
            "mail": QCoreApplication.translate(
                "RetentionDialog", "Mails sent (addresses and texts)"
            ),
            "identity": QCoreApplication.translate(
                "RetentionDialog", "Names and badge codes (proof of attendance)"
            ),
        }[name]

    def _show(self, name: str) -> None:
        line: RetentionLine = self.lines[name]
        purge_on = self.last_day + timedelta(days=self.days[name].value())
        held = QLocale().toString(line.held)
        count = (
            self.tr("%1 message(s) hold it") if name == "mail" else self.tr("%1 person(s) hold it")
        ).replace("%1", held)
        shown = format_date(purge_on)
        if purge_on <= date.today():  # the day has come: it is to be deleted now
            shown = self.tr("due since %1").replace("%1", shown)
        self.when[name].setText(f"{shown} · {count}")

    def open_anonymise(self):
        """The two-step deletion, with the classes that are due chosen."""
        from .anonymise_dialog import AnonymiseDialog

        due = [n for n, line in self.lines.items() if line.due and line.held]
        dialog = AnonymiseDialog(self.db, self.event_id, self.actor, due, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._reload_counts)
        dialog.open()
        return dialog

    def _reload_counts(self, *_args) -> None:
        with self.db.session(write=False) as session:
            self.lines = {x.data_class: x for x in retention_plan(session, self.event_id)}
        for name in self.lines:
            self._show(name)

    def restore_defaults(self) -> None:
        for data_class, days in DEFAULT_DAYS.items():
            self.days[data_class.value].setValue(days)

    def wanted(self) -> dict[str, int | None]:
        """The periods as set: the built-in one where it equals it (no rule of its own)."""
        chosen = {}
        for name, spin in self.days.items():
            days = spin.value()
            chosen[name] = None if days == DEFAULT_DAYS[DataClass(name)] else days
        return chosen

    def save(self) -> None:
        try:
            with self.db.session() as session:
                set_retention(session, self.event_id, self.wanted(), actor=self.actor)
        except RegdeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()
