"""E-Mail an Teilnehmende: the event's mail server (password into the OS keyring) with a
test message; the message -- its kind, language, wording (the event's own template) and
recipients -- with a preview per person; the queue, sent on a worker with progress and
cancel, each message's state, and resending failed or uncertain ones by choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from regdesk.db import Database
from regdesk.errors import RegdeskError
from regdesk.mail import queue as mq
from regdesk.mail.settings import (
    SmtpSettings,
    get_settings,
    save_settings,
    send_test,
    store_password,
    stored_password,
)
from regdesk.mail.templates import get_template, render, save_template
from regdesk.models import MailState, Participant
from regdesk.services import allocation as alloc

from .fit import fit_title
from .list_table import list_table
from .messages import error_text
from .table_model import Index, TableModel
from .work_row import WorkRow

STATES = ("queued", "sending", "sent", "failed", "uncertain")


class QueueModel(TableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("State"), self.tr("To"), self.tr("Server said"), self.tr("Subject"))

    def state_text(self, state: str) -> str:
        return {
            "queued": self.tr("queued"),
            "sending": self.tr("being sent"),
            "sent": self.tr("sent"),
            "failed": self.tr("failed"),
            "uncertain": self.tr("uncertain – may have gone"),
        }.get(state, state)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        line = self.rows[index.row()]
        return (self.state_text(line.state), line.to_address, line.last_error, line.subject)[
            index.column()
        ]


class MailDialog(QDialog):
    def __init__(
        self,
        db: Database,
        event_id: int,
        actor: str,
        selected: tuple[int, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.actor, self.selected = db, event_id, actor, selected
        self.setObjectName("mailDialog")
        fit_title(self, self.tr("E-mail to participants"))
        self.resize(900, 640)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._server_tab(), self.tr("&Mail server"))
        self.tabs.addTab(self._message_tab(), self.tr("M&essage"))
        self.tabs.addTab(self._queue_tab(), self.tr("&Queue"))
        self.work = WorkRow("mail", self.tr("Mail"), self)
        self.status = QLabel()
        self.status.setObjectName("mailStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.work)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._load_settings()
        self._load_template()
        self.refresh_queue()
        self.tabs.setCurrentIndex(0 if get_settings_of(db, event_id) is None else 1)

    # --- the server -------------------------------------------------------------------------

    def _server_tab(self) -> QWidget:
        page = QWidget()
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.security = QComboBox()
        for text, value in (
            (self.tr("STARTTLS"), "starttls"),
            (self.tr("SSL/TLS"), "ssl"),
            (self.tr("none (local relay)"), "none"),
        ):
            self.security.addItem(text, value)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the keyring of this computer"))
        self.sender = QLineEdit()
        self.sender_name = QLineEdit()
        self.per_minute = QSpinBox()
        self.per_minute.setRange(1, 10_000)
        self.per_minute.setValue(60)
        self.test_to = QLineEdit()
        form = QFormLayout()
        for name, label, widget in (
            ("smtpHost", self.tr("&Server:"), self.host),
            ("smtpPort", self.tr("P&ort:"), self.port),
            ("smtpSecurity", self.tr("Encr&yption:"), self.security),
            ("smtpUser", self.tr("&User:"), self.user),
            ("smtpPassword", self.tr("Pass&word:"), self.password),
            ("smtpSender", self.tr("Sender &address:"), self.sender),
            ("smtpSenderName", self.tr("Sender &name:"), self.sender_name),
            ("smtpPerMinute", self.tr("At most per m&inute:"), self.per_minute),
            ("smtpTestTo", self.tr("&Test message to:"), self.test_to),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        row = button_row(
            ("saveMailSettings", self.tr("Sa&ve settings"), self.save_settings),
            ("sendTestMessage", self.tr("Send test messa&ge"), self.send_test_message),
        )
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch()
        return page

    def _load_settings(self) -> None:
        settings = get_settings_of(self.db, self.event_id)
        if settings is None:
            return
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.security)))
        self.user.setText(settings.username)
        self.sender.setText(settings.sender_address)
        self.sender_name.setText(settings.sender_name)
        self.per_minute.setValue(settings.per_minute)

    def _wanted(self) -> SmtpSettings:
        return SmtpSettings(
            self.host.text().strip(),
            self.port.value(),
            self.security.currentData(),
            self.user.text().strip(),
            self.sender.text().strip(),
            self.sender_name.text().strip(),
            self.per_minute.value(),
        )

    def save_settings(self) -> bool:
        try:
            with self.db.session() as session:
                saved = save_settings(session, self.event_id, self._wanted())
            if self.password.text():
                store_password(saved, self.password.text())
        except RegdeskError as exc:
            self.status.setText(error_text(exc))
            return False
        except Exception as exc:  # no keyring here
            self.status.setText(
                self.tr("The settings were saved, the password not: %1").replace("%1", str(exc))
            )
            return False
        self.status.setText(self.tr("Mail server settings saved."))
        return True

    def _password(self, settings: SmtpSettings) -> str | None:
        return self.password.text() or stored_password(settings)

    def send_test_message(self) -> None:
        if not self.save_settings():
            return
        settings, to = self._wanted(), self.test_to.text().strip()
        password = self._password(settings)

        def job(progress, cancelled):
            send_test(settings, password, to)
            return to

        self.work.start(
            job,
            lambda to: self.status.setText(self.tr("Test message sent to %1.").replace("%1", to)),
            self._failed,
            lambda: None,
            self.tr("Sending…"),
        )

    # --- the message ------------------------------------------------------------------------

    def _message_tab(self) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        self.kind.setObjectName("mailKind")
        for text, value in (
            (self.tr("Registration confirmation (with badge)"), "confirmation"),
            (self.tr("Allocation result"), "allocation"),
            (self.tr("Moved up from the waiting list"), "moved_up"),
            (self.tr("General information"), "information"),
            (self.tr("Certificate of attendance (PDF attached)"), "certificate"),
        ):
            self.kind.addItem(text, value)
        self.signer = QLineEdit()
        self.signer.setObjectName("mailCertificateSigner")
        self.signer.setPlaceholderText(self.tr("e.g. Dr. Anna Roth, head of unit"))
        self.signer.setMaxLength(120)
        self.language = QComboBox()
        self.language.setObjectName("mailLanguage")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.who = QComboBox()
        self.who.setObjectName("mailRecipients")
        choices = [
            (self.tr("Everybody registered"), "registered"),
            (self.tr("Registered, not sent this message yet"), "not_mailed"),
            (self.tr("Moved up since their last notice"), "moved_up"),
            (self.tr("Admitted at least once (who gets a certificate)"), "admitted"),
        ]
        with self.db.session(write=False) as session:
            last = next(
                (r for r in alloc.runs(session, self.event_id) if r.undone_at is None), None
            )
        if last is not None:
            choices.append(
                (
                    self.tr("Placed by the last allocation (%1 places)").replace(
                        "%1", str(last.placed)
                    ),
                    f"allocation:{last.id}",
                )
            )
        if self.selected:
            choices.insert(
                0, (self.tr("The %1 chosen").replace("%1", str(len(self.selected))), "selected")
            )
        for text, value in choices:
            self.who.addItem(text, value)
        self.subject = QLineEdit()
        self.subject.setObjectName("mailSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("mailBody")
        self.preview_person = QComboBox()
        self.preview_person.setObjectName("mailPreviewPerson")
        self.preview_person.setAccessibleName(self.tr("Preview for"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("mailPreview")
        self.preview.setReadOnly(True)
        self.recipients_label = QLabel()
        self.recipients_label.setObjectName("mailRecipientCount")
        form = QFormLayout()
        for label, widget in (
            (self.tr("&Kind of message:"), self.kind),
            (self.tr("&Language:"), self.language),
            (self.tr("&To:"), self.who),
            (self.tr("Certificate si&gned by:"), self.signer),
            (self.tr("&Subject:"), self.subject),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        form.addRow(self.tr("Te&xt:"), self.body)
        self.body.setAccessibleName(self.tr("Text"))
        self.preview.setAccessibleName(self.tr("Preview of the message"))
        buttons = button_row(
            ("saveTemplateButton", self.tr("Save &wording for this event"), self.save_wording),
            ("previewMailButton", self.tr("&Preview"), self.show_preview),
            ("queueMailButton", self.tr("P&ut in the queue"), self.put_in_queue),
        )
        layout = QVBoxLayout(page)
        layout.addLayout(form, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.recipients_label)
        preview_row = QHBoxLayout()
        preview_label = QLabel(self.tr("Preview &for:"))
        preview_label.setBuddy(self.preview_person)
        preview_row.addWidget(preview_label)
        preview_row.addWidget(self.preview_person, 1)
        layout.addLayout(preview_row)
        layout.addWidget(self.preview, 2)
        self.preview_person.currentIndexChanged.connect(lambda *_: self._show_message())
        self._typing = QTimer(self)  # the preview follows the wording as it is typed
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self._show_message)
        self.subject.textChanged.connect(self._typing.start)
        self.body.textChanged.connect(self._typing.start)
        for combo in (self.kind, self.language):
            combo.currentIndexChanged.connect(lambda *_: self._load_template())
        self.who.currentIndexChanged.connect(lambda *_: self.show_preview())
        return page

    def _load_template(self) -> None:
        certificate = self.kind.currentData() == "certificate"
        self.signer.setEnabled(certificate)
        if certificate and self.who.currentData() in ("registered", "not_mailed"):
            self.who.setCurrentIndex(self.who.findData("admitted"))  # who has one to get
        with self.db.session(write=False) as session:
            template = get_template(
                session, self.event_id, self.kind.currentData(), self.language.currentData()
            )
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        self.show_preview()

    def recipient_ids(self) -> list[int]:
        which = self.who.currentData()
        if which == "selected":
            return list(self.selected)
        with self.db.session(write=False) as session:
            return mq.recipients(session, self.event_id, which, self.kind.currentData())

    def save_wording(self) -> bool:
        try:
            with self.db.session() as session:
                save_template(
                    session,
                    self.event_id,
                    self.kind.currentData(),
                    self.language.currentData(),
                    self.subject.text(),
                    self.body.toPlainText(),
                )
        except RegdeskError as exc:
            self.status.setText(error_text(exc))
            return False
        self.status.setText(self.tr("Wording saved for this event."))
        self.show_preview()
        return True

    def show_preview(self) -> None:
        """The recipients counted and offered for the preview (the first 200 by name)."""
        ids = self.recipient_ids()
        self.recipients_label.setText(
            self.tr("%1 recipient(s)").replace("%1", QLocale().toString(len(ids)))
        )
        with self.db.session(write=False) as session:
            names = dict(
                session.execute(
                    select(
                        Participant.id, Participant.last_name + ", " + Participant.first_name
                    ).where(Participant.id.in_(ids[:200]))
                ).all()
            )
        current = self.preview_person.currentData()
        self.preview_person.blockSignals(True)
        self.preview_person.clear()
        for pid in ids[:200]:
            self.preview_person.addItem(names.get(pid, str(pid)), pid)
        self.preview_person.setCurrentIndex(max(0, self.preview_person.findData(current)))
        self.preview_person.blockSignals(False)
        self._show_message()

    def _show_message(self) -> None:
        pid = self.preview_person.currentData()
        if pid is None:
            self.preview.setPlainText(self.tr("Nobody to write to."))
            return
        wording = (self.subject.text(), self.body.toPlainText())
        kind, language = self.kind.currentData(), self.language.currentData()
        try:
            with self.db.session(write=False) as session:
                message = render(session, self.event_id, pid, kind, language, wording)
        except RegdeskError as exc:  # a placeholder there is not: said in the preview
            self.preview.setPlainText(error_text(exc))
            return
        head = [
            self.tr("To: %1 <%2>")
            .replace("%1", message.to_name)
            .replace("%2", message.to_address or "–"),
            self.tr("Subject: %1").replace("%1", message.subject),
        ]
        if message.attach_badge:
            head.append(self.tr("Attachment: the person's badge (PDF)"))
        if message.attach_certificate:
            head.append(self.tr("Attachment: the person's certificate of attendance (PDF)"))
        self.preview.setPlainText("\n".join(head) + "\n\n" + message.body)

    def put_in_queue(self) -> None:
        if not self.save_wording():
            return
        ids, kind, language = (
            self.recipient_ids(),
            self.kind.currentData(),
            self.language.currentData(),
        )
        signer = self.signer.text().strip()
        db, event_id, actor = self.db, self.event_id, self.actor

        def job(progress, cancelled):
            with db.session() as session:
                batch = mq.batch_of(kind, "")
                return mq.enqueue(
                    session,
                    event_id,
                    kind,
                    ids,
                    language=language,
                    batch=batch,
                    signer=signer,
                    actor=actor,
                    progress=progress,
                    cancelled=cancelled,
                )

        self.work.start(job, self._queued, self._failed, self._cancelled, self.tr("Queueing…"))

    def _queued(self, result: mq.Queued) -> None:
        text = (
            self.tr("%1 message(s) queued; %2 had this message already, %3 have no e-mail address.")
            .replace("%1", str(result.queued))
            .replace("%2", str(result.already))
            .replace("%3", str(result.without_address))
        )
        if result.not_admitted:
            text += " " + self.tr("%n were never admitted and get no certificate.", "",
                                  result.not_admitted)  # fmt: skip
        self.status.setText(text)
        self.refresh_queue()
        self.tabs.setCurrentIndex(2)

    # --- the queue --------------------------------------------------------------------------

    def _queue_tab(self) -> QWidget:
        page = QWidget()
        self.counts = QLabel()
        self.counts.setObjectName("mailQueueCounts")
        self.queue_model = QueueModel((), self)
        self.queue_view = list_table("mailQueue", self.tr("Messages"), self.queue_model)
        row = button_row(
            ("sendMailButton", self.tr("&Send what is due"), self.send),
            (
                "resendMailButton",
                self.tr("&Resend the chosen (failed or uncertain)"),
                self.resend_chosen,
            ),
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts)
        layout.addWidget(self.queue_view, 1)
        layout.addLayout(row)
        return page

    def refresh_queue(self) -> None:
        with self.db.session(write=False) as session:
            lines = mq.queue_lines(session, self.event_id)
            counts = mq.queue_counts(session, self.event_id)
        self.queue_model.set_rows(lines)
        self.counts.setText(
            " · ".join(f"{self.queue_model.state_text(s)}: {counts.get(s, 0)}" for s in STATES)
        )

    def send(self) -> None:
        settings = get_settings_of(self.db, self.event_id)
        if settings is None:
            self.status.setText(error_text(mq.MailNotConfigured()))
            self.tabs.setCurrentIndex(0)
            return
        db, event_id, actor, password = self.db, self.event_id, self.actor, self._password(settings)

        def job(progress, cancelled):
            return mq.send_queue(
                db, event_id, password, actor=actor, progress=progress, cancelled=cancelled
            )

        self.work.start(job, self._sent, self._failed, self._cancelled, self.tr("Sending…"))

    def _sent(self, report: mq.SendReport) -> None:
        text = (
            self.tr("Sent %1, failed %2, to try again later %3.")
            .replace("%1", str(report.sent))
            .replace("%2", str(report.failed))
            .replace("%3", str(report.later))
        )
        if report.uncertain:
            text += " " + self.tr(
                "%1 message(s) were being sent when sending stopped last time; they may have "
                "gone. Check, then resend them by choice."
            ).replace("%1", str(report.uncertain))
        self.status.setText(text)
        self.refresh_queue()

    def resend_chosen(self) -> None:
        rows = {i.row() for i in self.queue_view.selectionModel().selectedRows()}
        ids = [
            self.queue_model.rows[r].id
            for r in rows
            if self.queue_model.rows[r].state in (MailState.FAILED.value, MailState.UNCERTAIN.value)
        ]
        with self.db.session() as session:
            count = mq.resend(session, ids, actor=self.actor)
        self.status.setText(self.tr("%1 message(s) queued again.").replace("%1", str(count)))
        self.refresh_queue()

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, RegdeskError) else str(exc).splitlines()[0]
        self.status.setText(text)
        self.refresh_queue()

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Stopped. What was sent is marked; the rest waits."))
        self.refresh_queue()


def button_row(*buttons) -> QHBoxLayout:
    """(object name, text, slot) each, left-aligned in a row."""
    row = QHBoxLayout()
    for name, text, slot in buttons:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch()
    return row


def get_settings_of(db: Database, event_id: int) -> SmtpSettings | None:
    with db.session(write=False) as session:
        return get_settings(session, event_id)
