"""Datei ▸ Mit gemeinsamer Datenbank verbinden…: the join code of the hosting desk (typed,
or scanned with the badge scanner), or the server's address, port, database, user and
password. The connection is tried on a worker before the dialog closes; the address is
remembered for this computer, the password in the OS keyring."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from regdesk.db import open_database
from regdesk.desks.hosting import DEFAULT_PORT, InvalidJoinCode, parse_join_code
from regdesk.errors import RegdeskError

from .fit import fit_title
from .messages import error_text
from .work_row import WorkRow


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        fit_title(self, self.tr("Connect to a shared database"))
        self.url: str | None = None
        intro = QLabel(
            self.tr(
                "Type or scan the join code shown at the desk that hosts the server – or "
                "give the server's details."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("joinCode")
        self.code.setAccessibleName(self.tr("Join code"))
        self.code.setPlaceholderText("RDJ-XXXX-XXXX-…")
        self.code.textChanged.connect(self._code_typed)
        mono = QFont("DejaVu Sans Mono")
        self.code.setFont(mono)
        self.code.setMinimumWidth(QFontMetrics(mono).horizontalAdvance("RDJ-" + "XXXX-" * 7) + 24)
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit("regdesk")
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit("regdesk")
        self.user.setObjectName("serverUser")
        self.password = QLineEdit()
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember on this computer (password in the keyring)"))
        self.remember.setObjectName("rememberServer")
        self.remember.setChecked(True)
        form = QFormLayout()
        for label, widget in (
            (self.tr("&Join code:"), self.code),
            (self.tr("&Server:"), self.host),
            (self.tr("P&ort:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User:"), self.user),
            (self.tr("Pass&word:"), self.password),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.message = QLabel()
        self.message.setObjectName("connectMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#B3261E; font-weight:bold;")
        self.work = WorkRow("connect", self.tr("Connecting"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addWidget(self.work)
        layout.addWidget(self.buttons)
        self.code.setFocus()

    def _code_typed(self, text: str) -> None:
        """A complete code fills in the server's details (a scanner ends with Enter)."""
        try:
            info = parse_join_code(text)
        except InvalidJoinCode:
            return
        self.host.setText(info.host)
        self.port.setValue(info.port)
        self.database.setText("regdesk")
        self.user.setText("regdesk")
        self.password.setText(info.password)
        self.message.clear()

    def chosen_url(self) -> str | None:
        if self.code.text().strip():
            try:
                return parse_join_code(self.code.text()).url
            except InvalidJoinCode as exc:
                self.message.setText(error_text(exc))
                self.code.setFocus()
                return None
        required = (
            (self.tr("server"), self.host),
            (self.tr("database"), self.database),
            (self.tr("user"), self.user),
        )
        missing = [name for name, widget in required if not widget.text().strip()]
        if missing:
            self.message.setText(self.tr("Missing: %1").replace("%1", ", ".join(missing)))
            return None
        return URL.create(
            "postgresql+psycopg", username=self.user.text().strip(),
            password=self.password.text() or None, host=self.host.text().strip(),
            port=self.port.value(), database=self.database.text().strip(),
        ).render_as_string(hide_password=False)  # fmt: skip

    def try_connect(self) -> None:
        url = self.chosen_url()
        if url is None:
            return
        self.message.clear()
        self.buttons.setEnabled(False)

        def job(progress, cancelled):
            db = open_database(url)  # migrations too: the server may be new
            db.close()
            return url

        self.work.start(job, self._connected, self._failed, self._cancelled,
                        self.tr("Connecting…"))  # fmt: skip

    def _connected(self, url: str) -> None:
        self.buttons.setEnabled(True)
        self.url = url
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc).splitlines()[0]
        self.message.setText(text)

    def _cancelled(self) -> None:
        self.buttons.setEnabled(True)
