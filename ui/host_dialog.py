"""Datei ▸ Diesen Rechner als Server für weitere Plätze…: set up a PostgreSQL server on this
computer, copy the current database into it (on a worker, with progress and cancel), and
show the join code -- as text and as a QR code that another desk's scanner reads."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regdesk.badges.qr import QUIET, dark_runs, qr_matrix
from regdesk.db import Database
from regdesk.desks import hosting
from regdesk.errors import RegdeskError

from . import connection
from .fit import fit_title
from .messages import error_text
from .work_row import WorkRow


def qr_image(text: str, module_px: int = 6) -> QImage:
    """A QR code of ``text`` (alphanumeric), crisp at any size the screen shows it."""
    matrix = qr_matrix(text)
    size = (len(matrix) + 2 * QUIET) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for row, column, length in dark_runs(matrix):
        painter.fillRect(
            QRectF((column + QUIET) * module_px, (row + QUIET) * module_px,
                   length * module_px, module_px),
            QColor("black"),
        )  # fmt: skip
    painter.end()
    return image


class HostDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.hosted: hosting.Hosting | None = None
        self.setObjectName("hostDialog")
        fit_title(self, self.tr("This computer as server for other desks"))
        self.intro = QLabel(
            self.tr(
                "regdesk starts a database server on this computer. The other desks of the "
                "local network connect to it with a join code; nobody outside this network "
                "can. The current event is copied into the server; this computer's file "
                "stays as it is."
            )
        )
        self.intro.setWordWrap(True)
        self.keep = QCheckBox(self.tr("&Keep the server running when regdesk ends"))
        self.keep.setObjectName("keepServerRunning")
        self.keep.setChecked(connection.keep_server_running())
        self.start_button = QPushButton(self.tr("&Set up the server"))
        self.start_button.setObjectName("setUpServer")
        self.start_button.clicked.connect(self.set_up)
        self.work = WorkRow("hosting", self.tr("Copying the event into the server"), self)
        self.message = QLabel()
        self.message.setObjectName("hostMessage")
        self.message.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("joinCodeShown")
        self.code.setAccessibleName(self.tr("Join code"))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("DejaVu Sans Mono")
        font.setPointSize(18)
        font.setBold(True)
        self.code.setFont(font)
        self.qr = QLabel()
        self.qr.setObjectName("joinCodeQr")
        self.qr.setAccessibleName(self.tr("Join code as QR code"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.code, self.qr):
            widget.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.use_button = self.buttons.addButton(
            self.tr("&Work with the server now"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("useServer")
        self.use_button.hide()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.keep)
        layout.addWidget(self.start_button)
        layout.addWidget(self.work)
        layout.addWidget(self.message)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr)
        layout.addWidget(self.buttons)
        self.start_button.setFocus()

    def set_up(self) -> None:
        self.start_button.setEnabled(False)
        self.message.clear()
        db = self.db

        def job(progress, cancelled):
            return hosting.host(db, progress=progress, cancelled=cancelled)

        self.work.start(job, self._done, self._failed, self._cancelled,
                        self.tr("Copying…"))  # fmt: skip

    def _done(self, hosted: hosting.Hosting) -> None:
        self.hosted = hosted
        connection.set_keep_server_running(self.keep.isChecked())
        locale = QLocale()
        self.message.setText(
            self.tr(
                "The server runs at %1, port %2. Copied: %3 participants, %4 scans. On the "
                "other desks: File ▸ Connect to a shared database…, then type or scan:"
            )
            .replace("%1", hosted.join.host)
            .replace("%2", str(hosted.join.port))
            .replace("%3", locale.toString(hosted.counts.get("participant", 0)))
            .replace("%4", locale.toString(hosted.counts.get("scan", 0)))
        )
        self.code.setText(hosted.join.code)
        self.qr.setPixmap(self._pixmap(hosted.join.code))
        for widget in (self.code, self.qr, self.use_button):
            widget.show()
        self.start_button.hide()
        self.use_button.setDefault(True)
        self.use_button.setFocus()
        self.adjustSize()

    @staticmethod
    def _pixmap(code: str):
        from PySide6.QtGui import QPixmap

        return QPixmap.fromImage(qr_image(code))

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc).splitlines()[0]
        self.message.setText(text)

    def _cancelled(self) -> None:
        self.start_button.setEnabled(True)
        self.message.setText(self.tr("Cancelled. No server was set up."))
