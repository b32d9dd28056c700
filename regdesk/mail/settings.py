"""The event's SMTP server. Host, port, security, user and sender are stored with the event;
the password only in the OS keyring (``keyring``), never in the database or a file."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import Problem
from ..errors import ValidationError as Invalid
from ..models import MailSettings, Security
from ..services.participants import EMAIL

KEYRING_SERVICE = "regdesk-smtp"
TIMEOUT_S = 20


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = Security.STARTTLS.value
    username: str = ""
    sender_address: str = ""
    sender_name: str = ""
    per_minute: int = 60  # throttling: at most this many messages a minute

    @property
    def account(self) -> str:
        return f"{self.username}@{self.host}:{self.port}"


def get_settings(session: Session, event_id: int) -> SmtpSettings | None:
    row = session.scalar(select(MailSettings).where(MailSettings.event_id == event_id))
    if row is None or not row.host:
        return None
    return SmtpSettings(
        row.host,
        row.port,
        row.security,
        row.username,
        row.sender_address,
        row.sender_name,
        row.per_minute,
    )


def save_settings(session: Session, event_id: int, settings: SmtpSettings) -> SmtpSettings:
    problems = []
    if not settings.host.strip():
        problems.append(Problem("host", "required"))
    if not 1 <= settings.port <= 65535:
        problems.append(Problem("port", "out_of_range", (("min", 1), ("max", 65535))))
    if settings.security not in {s.value for s in Security}:
        problems.append(
            Problem(
                "security",
                "unknown_choice",
                (("value", settings.security), ("choices", "starttls, ssl, none")),
            )
        )
    if not EMAIL.fullmatch(settings.sender_address.strip()):
        problems.append(Problem("sender_address", "invalid_email"))
    if not 1 <= settings.per_minute <= 10_000:
        problems.append(Problem("per_minute", "out_of_range", (("min", 1), ("max", 10_000))))
    if problems:
        raise Invalid(problems)
    row = session.scalar(select(MailSettings).where(MailSettings.event_id == event_id))
    if row is None:
        row = MailSettings(event_id=event_id)
        session.add(row)
    for name in ("host", "username", "sender_address", "sender_name"):
        setattr(row, name, getattr(settings, name).strip())
    row.port, row.security, row.per_minute = settings.port, settings.security, settings.per_minute
    session.flush()
    return get_settings(session, event_id)


def store_password(settings: SmtpSettings, password: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, settings.account, password)


def stored_password(settings: SmtpSettings) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, settings.account)
    except Exception:  # no keyring on this machine: asked for each time
        return None


def connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """A logged-in connection; raises smtplib's and the socket's errors as they come."""
    if settings.security == Security.SSL.value:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=TIMEOUT_S, context=ssl.create_default_context()
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_S)
        if settings.security == Security.STARTTLS.value:
            smtp.starttls(context=ssl.create_default_context())
    if settings.username:
        smtp.login(settings.username, password or "")
    return smtp


def send_test(settings: SmtpSettings, password: str | None, to: str) -> None:
    """A short message with umlauts to ``to``: do the server, the login and the sender
    work? Raises smtplib's and the socket's errors as they come."""
    from email.message import EmailMessage
    from email.utils import formataddr

    message = EmailMessage()
    message["From"] = formataddr((settings.sender_name, settings.sender_address))
    message["To"] = to
    message["Subject"] = "regdesk: Testnachricht – Umlaute äöüß"
    message.set_content("Diese Nachricht prüft die Einstellungen des Mailservers.\n")
    smtp = connect(settings, password)
    try:
        smtp.send_message(message)
    finally:
        smtp.quit()
