"""Door mode: the check-in screen alone, full screen, locked. Leaving it needs the
organiser's PIN (checked against its argon2 hash); closing, Escape and Alt+F4 do not
leave it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.services import door
from regdesk.services.events import get_event

from .checkin_page import CheckinPage
from .live import LiveData
from .messages import error_text


class DoorModeWindow(QWidget):
    left = Signal()

    def __init__(
        self,
        db: Database,
        event_id: int,
        actor: str,
        settings_from: CheckinPage,
        *,
        live: LiveData | None = None,
    ):
        super().__init__(None, Qt.WindowType.Window)
        self.db, self.event_id = db, event_id
        self.unlocked = False
        self.setObjectName("doorModeWindow")
        self.setWindowTitle(self.tr("Door mode – regdesk"))
        with db.session(write=False) as session:
            event = get_event(session, event_id)
        title = QLabel(self.tr("%1 · door mode").replace("%1", event.name))
        title.setStyleSheet("font-size:14pt; font-weight:bold; color:white;")
        self.message = QLabel()
        self.message.setObjectName("doorMessage")
        self.message.setStyleSheet("color:#FFD54F; font-weight:bold;")
        self.leave_button = QPushButton(self.tr("&Leave door mode…"))
        self.leave_button.setObjectName("leaveDoorMode")
        self.leave_button.setAccessibleName(self.tr("Leave door mode"))
        self.leave_button.clicked.connect(self.ask_pin)
        bar = QWidget()
        bar.setStyleSheet("background:#1B2A3A;")
        bar_layout = QHBoxLayout(bar)
        bar_layout.addWidget(title)
        bar_layout.addStretch()
        bar_layout.addWidget(self.message)
        bar_layout.addWidget(self.leave_button)
        self.page = CheckinPage(
            db, event_id, actor, door=True, desk=settings_from.door_desk, live=live
        )
        self.page.copy_settings(settings_from)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.page, 1)

    def ask_pin(self) -> None:
        pin, ok = QInputDialog.getText(
            self,
            self.tr("Leave door mode"),
            self.tr("Organiser PIN:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            self.page.scan_field.setFocus()
            return
        try:
            with self.db.session(write=False) as session:
                right = door.check_pin(session, self.event_id, pin)
        except RegdeskError as exc:  # too many wrong tries, or the database went away
            self.message.setText(error_text(exc))
            self.page.scan_field.setFocus()
            return
        if right:
            self.unlocked = True
            self.close()
        else:
            self.message.setText(self.tr("Wrong PIN – door mode stays on."))
            self.page.scan_field.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unlocked:
            self.page.capture.stop()
            self.left.emit()
            event.accept()
        else:
            event.ignore()
            self.message.setText(self.tr("Door mode: leaving needs the organiser PIN."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Escape does not leave door mode
            return
        super().keyPressEvent(event)
