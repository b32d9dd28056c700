"""First start: the database holds no event yet. Create one, or load a demo event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.demo import SCENARIOS, seed_demo
from regdesk.demo.scenarios import DEFAULT_SCENARIO
from regdesk.errors import RegdeskError
from regdesk.text import format_date

from .event_dialog import EventDialog
from .fit import fit_title, open_at_least
from .messages import error_text
from .workers import Worker


class WelcomeDialog(QDialog):
    """Ends accepted with ``event_id`` set, or rejected when the user quits."""

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.event_id: int | None = None
        self.worker: Worker | None = None
        self.setObjectName("welcomeDialog")
        fit_title(self, self.tr("Welcome to regdesk"))
        open_at_least(self, 620)

        title = QLabel(self.tr("Welcome to regdesk"))
        title.setStyleSheet("font-size:18pt; font-weight:bold;")
        intro = QLabel(
            self.tr(
                "This database holds no event yet. Create your event, or load "
                "a demo event to try regdesk out."
            )
        )
        intro.setWordWrap(True)
        where = QLabel(self.tr("Database: %1").replace("%1", db.info.location))
        where.setStyleSheet("color:#555;")
        where.setWordWrap(True)

        self.create_button = QPushButton(self.tr("&Create a new event…"))
        self.create_button.setObjectName("createEventButton")
        self.create_button.setAccessibleName(self.tr("Create a new event"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_event)

        demo_box = QGroupBox(self.tr("Demo event"))
        self.scenario = QComboBox()
        self.scenario.setObjectName("scenarioCombo")
        self.scenario.setAccessibleName(self.tr("Scenario"))
        for key, scenario in SCENARIOS.items():
            self.scenario.addItem(f"{scenario.name} ({format_date(scenario.first_day)})", key)
        self.scenario.setCurrentIndex(self.scenario.findData(DEFAULT_SCENARIO))
        self.participants = QSpinBox()
        self.participants.setObjectName("participantsSpin")
        self.participants.setAccessibleName(self.tr("Generated participants"))
        self.participants.setRange(0, 100_000)
        self.participants.setSingleStep(100)
        self.participants.setValue(300)
        self.participants.setGroupSeparatorShown(True)
        self.demo_button = QPushButton(self.tr("&Load demo event"))
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.setAccessibleName(self.tr("Load demo event"))
        self.demo_button.clicked.connect(self.load_demo)
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("C&ancel loading"))
        self.cancel_button.setObjectName("cancelDemoButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))
        self.cancel_button.clicked.connect(self.cancel_demo)
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setObjectName("demoStatus")
        self.status.setWordWrap(True)

        form = QFormLayout(demo_box)
        scenario_label = QLabel(self.tr("&Scenario"))
        scenario_label.setBuddy(self.scenario)
        people_label = QLabel(self.tr("&Participants"))
        people_label.setBuddy(self.participants)
        form.addRow(scenario_label, self.scenario)
        form.addRow(people_label, self.participants)
        run_row = QHBoxLayout()
        run_row.addWidget(self.demo_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        form.addRow(run_row)
        form.addRow(self.status)

        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(8)
        layout.addWidget(demo_box)
        layout.addLayout(bottom)

    def create_event(self) -> None:
        dialog = EventDialog(self.db, self.actor, None, self)
        if dialog.exec() and dialog.event_id is not None:
            self.event_id = dialog.event_id
            self.accept()

    def load_demo(self) -> None:
        key = self.scenario.currentData()
        count = self.participants.value()
        db, actor = self.db, self.actor

        def job(progress, cancelled):
            return seed_demo(
                db, key, participants=count, actor=actor, progress=progress, cancelled=cancelled
            )

        self.worker = Worker(job, self)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._demo_done)
        self.worker.signals.failed.connect(self._demo_failed)
        self.worker.signals.cancelled.connect(self._demo_cancelled)
        self._busy(True)
        self.status.setText(self.tr("Creating the demo event…"))
        self.worker.start()

    def cancel_demo(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _busy(self, busy: bool) -> None:
        for widget in (
            self.create_button,
            self.demo_button,
            self.scenario,
            self.participants,
            self.quit_button,
        ):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, max(1, self.participants.value()))
            self.progress.setValue(0)
            self.cancel_button.setFocus()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _demo_done(self, result) -> None:
        self.worker = None
        self._busy(False)
        self.event_id = result.event_id
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self.worker = None
        self._busy(False)
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc)
        self.status.setText(self.tr("The demo event could not be created: %1").replace("%1", text))

    def _demo_cancelled(self) -> None:
        self.worker = None
        self._busy(False)
        self.status.setText(self.tr("Cancelled. Nothing was saved."))
        self.demo_button.setFocus()

    def reject(self) -> None:
        if self.worker is not None:  # closing while loading: cancel first, close when done
            self.cancel_demo()
            return
        super().reject()
