"""The send queue: a message is a row per person (participant, kind, batch, copy unique),
rendered and committed when it is queued -- what the preview showed is what goes. The
sender takes one row at a time: marked *sending* and committed, handed to the server, then
*sent* and committed, audited in the person's history. A temporary refusal (4xx, a
dropped connection) puts it back with a later try (back-off); a permanent one (5xx) is
*failed* with the server's words. A row found *sending* when a sender starts was in the
server's hands when the last one stopped: it may have gone, so it becomes *uncertain* and
goes again only when someone chooses to resend it -- nothing is ever sent twice by itself.
"""

from __future__ import annotations

import io
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from ..db import Database
from ..errors import Cancelled, RegdeskError
from ..i18n import QT_TRANSLATE_NOOP
from ..models import (
    AllocationRun,
    AuditEntry,
    Enrolment,
    MailAttachment,
    MailMessage,
    MailState,
    Participant,
    ParticipantStatus,
    utcnow,
)
from ..reporting.certificates import admitted_ids, certificates, write_certificates
from ..services.audit import record
from ..services.badges import badge_pdf
from .settings import SmtpSettings, connect, get_settings
from .templates import ATTACH_CERTIFICATE, render

CERTIFICATE_FILE = {"de": "Teilnahmebescheinigung.pdf", "en": "Certificate-of-attendance.pdf"}
BACKOFF_S = (30, 120, 600, 1800)  # after the 1st, 2nd ... temporary failure
MAX_ATTEMPTS = 5


class MailNotConfigured(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "No mail server is set up for this event yet (regdesk mail settings)."
    )


class MailServerUnavailable(RegdeskError):
    template = QT_TRANSLATE_NOOP(
        "errors", "The mail server {host} cannot be reached or refused the login: {reason}"
    )


@dataclass(frozen=True)
class Queued:
    queued: int  # new rows
    already: int  # were queued or sent before (not queued again)
    without_address: int  # people without an e-mail address
    not_admitted: int = 0  # certificates: never admitted, so nothing to certify


def recipients(session: Session, event_id: int, which: str, kind: str = "") -> list[int]:
    """Who gets a message: "registered" (everybody registered), "not_mailed" (registered
    and without a message of ``kind`` yet), "moved_up" (moved up from a waiting list since
    their last move-up notice), "allocation:RUN" (placed by that allocation run),
    "admitted" (admitted at the entry at least once: who gets a certificate)."""
    registered = select(Participant.id).where(
        Participant.event_id == event_id, Participant.status == ParticipantStatus.REGISTERED.value
    )
    if which == "registered":
        return list(session.scalars(registered.order_by(Participant.id)))
    if which == "admitted":
        return sorted(admitted_ids(session, event_id))
    if which == "not_mailed":
        mailed = select(MailMessage.participant_id).where(
            MailMessage.kind == kind, MailMessage.participant_id.is_not(None)
        )
        return list(
            session.scalars(
                registered.where(Participant.id.not_in(mailed)).order_by(Participant.id)
            )
        )
    if which == "moved_up":
        moved = session.execute(
            select(AuditEntry.entity_id, func.max(AuditEntry.at))
            .where(AuditEntry.event_id == event_id, AuditEntry.action == "enrolment.promoted")
            .group_by(AuditEntry.entity_id)
        ).all()
        told = dict(
            session.execute(
                select(MailMessage.participant_id, func.max(MailMessage.created_at))
                .where(MailMessage.event_id == event_id, MailMessage.kind == "moved_up")
                .group_by(MailMessage.participant_id)
            ).all()
        )
        return sorted(pid for pid, at in moved if pid and (pid not in told or told[pid] < at))
    if which.startswith("allocation:"):
        run = session.get(AllocationRun, int(which.split(":", 1)[1]))
        if run is None or run.event_id != event_id:
            return []
        return sorted(
            set(
                session.scalars(
                    select(Enrolment.participant_id).where(Enrolment.allocation_run_id == run.id)
                )
            )
        )
    raise ValueError(which)


def batch_of(kind: str, which: str) -> str:
    """Messages of one occasion share a batch: an allocation run, each move-up notice."""
    if which.startswith("allocation:"):
        return f"run:{which.split(':', 1)[1]}"
    if kind == "moved_up":
        return f"moved:{utcnow():%Y%m%dT%H%M%S}"
    return ""


def enqueue(
    session: Session,
    event_id: int,
    kind: str,
    participant_ids: list[int],
    *,
    language: str = "de",
    batch: str = "",
    resend: bool = False,
    signer: str = "",
    signature_image: Path | None = None,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Queued:
    """Queue ``kind`` for these people. A person who has this message (same batch) already
    is left out, unless ``resend``: then a further copy is queued by choice. A certificate
    is made now, in ``language`` with ``signer`` (and ``signature_image``) under the
    line, and kept with the message; one who was never admitted gets none."""
    queued = already = no_address = not_admitted = 0
    attendance = {}  # the certificates of those of them who were admitted
    if kind in ATTACH_CERTIFICATE:
        admitted = sorted(admitted_ids(session, event_id) & set(participant_ids))
        if admitted:
            attendance = {c.participant_id: c for c in certificates(session, event_id, admitted)}
    for done, pid in enumerate(participant_ids):
        if cancelled():
            raise Cancelled()
        if progress and done % 20 == 0:
            progress(done, len(participant_ids))
        existing = session.scalar(
            select(func.max(MailMessage.copy)).where(
                MailMessage.participant_id == pid,
                MailMessage.kind == kind,
                MailMessage.batch == batch,
            )
        )
        if existing is not None and not resend:
            already += 1
            continue
        if kind in ATTACH_CERTIFICATE and pid not in attendance:
            not_admitted += 1
            continue
        message = render(session, event_id, pid, kind, language)
        if not message.to_address:
            no_address += 1
            continue
        row = MailMessage(
            event_id=event_id,
            participant_id=pid,
            kind=kind,
            batch=batch,
            copy=0 if existing is None else existing + 1,
            to_address=message.to_address,
            to_name=message.to_name,
            subject=message.subject,
            body=message.body,
            attach_badge=message.attach_badge,
            state=MailState.QUEUED.value,
        )
        if message.attach_certificate:
            pdf = io.BytesIO()
            write_certificates([attendance[pid]], pdf, language=language, signer=signer,
                               signature_image=signature_image)  # fmt: skip
            row.attachments.append(
                MailAttachment(filename=CERTIFICATE_FILE[language], content=pdf.getvalue())
            )
        session.add(row)
        queued += 1
    session.flush()
    if queued:
        record(
            session,
            actor=actor,
            action="mail.queue",
            entity="event",
            entity_id=event_id,
            event_id=event_id,
            after={"kind": kind, "batch": batch, "queued": queued},
        )
    return Queued(queued, already, no_address, not_admitted)


def resend(session: Session, message_ids: list[int], *, actor: str) -> int:
    """Queue failed or uncertain messages again (the explicit choice)."""
    rows = session.scalars(
        select(MailMessage).where(
            MailMessage.id.in_(message_ids),
            MailMessage.state.in_((MailState.FAILED.value, MailState.UNCERTAIN.value)),
        )
    ).all()
    for row in rows:
        row.state, row.next_try_at, row.attempts = MailState.QUEUED.value, None, 0
        record(
            session,
            actor=actor,
            action="mail.resend",
            entity="participant",
            entity_id=row.participant_id,
            event_id=row.event_id,
            after={"message": row.id, "subject": row.subject},
        )
    return len(rows)


# --- sending --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int  # refused for good
    later: int  # temporary trouble: tried again later
    uncertain: int  # found in the server's hands from an earlier stop
    left: int  # still queued (later tries, or the cancel came first)


def _claim(db: Database, event_id: int) -> int | None:
    """The next message due, marked *sending* and committed -- one sender per message
    (on PostgreSQL two senders skip each other's locked rows)."""
    with db.session() as session:
        query = (
            select(MailMessage.id)
            .where(
                MailMessage.event_id == event_id,
                MailMessage.state == MailState.QUEUED.value,
                or_(MailMessage.next_try_at.is_(None), MailMessage.next_try_at <= utcnow()),
            )
            .order_by(MailMessage.id)
            .limit(1)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        message_id = session.scalar(query)
        if message_id is not None:
            session.execute(
                update(MailMessage)
                .where(MailMessage.id == message_id)
                .values(state=MailState.SENDING.value, attempts=MailMessage.attempts + 1)
            )
        return message_id


def _email(session: Session, row: MailMessage, settings: SmtpSettings) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((settings.sender_name, settings.sender_address))
    message["To"] = formataddr((row.to_name, row.to_address))
    message["Subject"] = row.subject  # RFC 2047 by the email package where it needs to
    message["Message-ID"] = row.message_id or make_msgid(
        domain=settings.sender_address.split("@")[-1]
    )
    message.set_content(row.body)  # text/plain; charset=utf-8
    if row.attach_badge and row.participant_id is not None:
        pdf = badge_pdf(session, [row.participant_id])
        message.add_attachment(
            pdf, maintype="application", subtype="pdf", filename="Namensschild.pdf"
        )
    for attachment in row.attachments:
        message.add_attachment(
            attachment.content, maintype="application", subtype="pdf",
            filename=attachment.filename,
        )  # fmt: skip
    return message


def send_queue(
    db: Database,
    event_id: int,
    password: str | None,
    *,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
) -> SendReport:
    """Send what is due, at the settings' rate. Returns when nothing due is left (or on
    cancel); messages with a later try stay queued for the next run."""
    with db.session() as session:
        settings = get_settings(session, event_id)
        if settings is None:
            raise MailNotConfigured()
        stale = session.execute(
            update(MailMessage)
            .where(MailMessage.event_id == event_id, MailMessage.state == MailState.SENDING.value)
            .values(state=MailState.UNCERTAIN.value)
        )
        uncertain = stale.rowcount or 0
        total = session.scalar(
            select(func.count()).where(
                MailMessage.event_id == event_id, MailMessage.state == MailState.QUEUED.value
            )
        )
    gap = 60.0 / settings.per_minute
    sent = failed = later = 0
    smtp: smtplib.SMTP | None = None
    try:
        while not cancelled():
            message_id = _claim(db, event_id)
            if message_id is None:
                break
            outcome, reason = "sent", ""
            try:
                if smtp is None:
                    smtp = _connect(settings, password)
                with db.session(write=False) as session:
                    row = session.get(MailMessage, message_id)
                    email = _email(session, row, settings)
                smtp.send_message(email)
            except smtplib.SMTPRecipientsRefused as exc:
                code, words = next(iter(exc.recipients.values()))
                outcome = "later" if 400 <= code < 500 else "failed"
                reason = f"{code} {_text(words)}"
            except smtplib.SMTPResponseException as exc:
                outcome = "later" if 400 <= exc.smtp_code < 500 else "failed"
                reason = f"{exc.smtp_code} {_text(exc.smtp_error)}"
                smtp = _drop(smtp) if outcome == "later" else smtp
            except (smtplib.SMTPException, OSError) as exc:  # dropped, refused, timed out
                outcome, reason = "later", str(exc) or type(exc).__name__
                smtp = _drop(smtp)
            _finish(
                db,
                message_id,
                outcome,
                reason,
                email_id=email["Message-ID"] if outcome == "sent" else "",
                actor=actor,
            )
            sent += outcome == "sent"
            failed += outcome == "failed"
            later += outcome == "later"
            if progress:
                progress(sent + failed + later, total or 1)
            if outcome == "later" and smtp is None:
                break  # the server is away: the queue waits for the next run
            sleep(gap)
    finally:
        _drop(smtp)
    with db.session(write=False) as session:
        left = session.scalar(
            select(func.count()).where(
                MailMessage.event_id == event_id, MailMessage.state == MailState.QUEUED.value
            )
        )
    if cancelled() and left:
        raise Cancelled()
    return SendReport(sent, failed, later, uncertain, left or 0)


def _connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    try:
        return connect(settings, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailServerUnavailable(host=settings.host, reason=_text(exc.smtp_error)) from exc


def _drop(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        try:
            smtp.quit()
        except (TimeoutError, smtplib.SMTPException, OSError):
            smtp.close()
    return None


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _finish(
    db: Database, message_id: int, outcome: str, reason: str, *, email_id: str, actor: str
) -> None:
    with db.session() as session:
        row = session.get(MailMessage, message_id)
        if outcome == "sent":
            row.state, row.sent_at, row.message_id, row.last_error = (
                MailState.SENT.value,
                utcnow(),
                email_id,
                "",
            )
        elif outcome == "failed" or row.attempts >= MAX_ATTEMPTS:
            row.state, row.last_error = MailState.FAILED.value, reason[:500]
        else:
            row.state, row.last_error = MailState.QUEUED.value, reason[:500]
            wait = BACKOFF_S[min(row.attempts - 1, len(BACKOFF_S) - 1)]
            row.next_try_at = utcnow() + timedelta(seconds=wait)
        if row.state in (MailState.SENT.value, MailState.FAILED.value):
            record(
                session,
                actor=actor,
                action=f"mail.{row.state}",
                entity="participant",
                entity_id=row.participant_id,
                event_id=row.event_id,
                after={
                    "subject": row.subject,
                    "to": row.to_address,
                    "kind": row.kind,
                    **({"reason": row.last_error} if row.last_error else {}),
                },
            )


@dataclass(frozen=True)
class QueueLine:
    id: int
    participant_id: int | None
    to_address: str
    subject: str
    kind: str
    state: str
    attempts: int
    last_error: str


def queue_lines(session: Session, event_id: int, state: str | None = None) -> list[QueueLine]:
    query = select(MailMessage).where(MailMessage.event_id == event_id).order_by(MailMessage.id)
    if state is not None:
        query = query.where(MailMessage.state == state)
    return [
        QueueLine(
            m.id,
            m.participant_id,
            m.to_address,
            m.subject,
            m.kind,
            m.state,
            m.attempts,
            m.last_error,
        )
        for m in session.scalars(query)
    ]


def queue_counts(session: Session, event_id: int) -> dict[str, int]:
    return dict(
        session.execute(
            select(MailMessage.state, func.count())
            .where(MailMessage.event_id == event_id)
            .group_by(MailMessage.state)
        ).all()
    )
