"""The File menu's database actions: connect to a shared server, host one on this
computer, or go back to the local file. The window then asks (``database_requested``)
to be moved onto the chosen database (ui.app.Desk does it)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from regdesk.db import default_database_url

from . import connection
from .connect_dialog import ConnectDialog
from .host_dialog import HostDialog


class DatabaseActions(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        on_file = window.db.info.backend == "sqlite"
        for name, text, slot, enabled in (
            ("actionConnect", self.tr("&Connect to a shared database…"), self.connect, True),
            ("actionHost", self.tr("This computer as &server for other desks…"), self.host,
             on_file),
            ("actionLocalFile", self.tr("Work on the &local file again"), self.use_local_file,
             not on_file),
        ):  # fmt: skip
            action = QAction(text, window)
            action.setObjectName(name)
            action.triggered.connect(slot)
            action.setEnabled(enabled)
            menu.addAction(action)

    def connect(self) -> None:
        dialog = ConnectDialog(self.window)
        if dialog.exec() and dialog.url:
            if dialog.remember.isChecked() and not connection.remember(dialog.url):
                QMessageBox.information(
                    self.window,
                    self.tr("Password not stored"),
                    self.tr(
                        "This computer has no keyring to keep the password safely; regdesk "
                        "will ask for it again next time."
                    ),
                )
            self.window.database_requested.emit(dialog.url, False)
        dialog.deleteLater()

    def host(self) -> None:
        dialog = HostDialog(self.window.db, self.window)
        accepted = dialog.exec()
        hosted = dialog.hosted
        dialog.deleteLater()
        if hosted is None:
            return
        connection.remember(hosted.local_url, hosted=True)
        if accepted:
            self.window.database_requested.emit(hosted.local_url, True)

    def use_local_file(self) -> None:
        connection.forget()
        self.window.database_requested.emit(default_database_url(), False)
