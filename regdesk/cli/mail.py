"""``regdesk mail``: the event's mail server, templates, the send queue.

    regdesk mail settings --host smtp.example.org --port 587 --user anmeldung \\
        --sender anmeldung@stadt.example --sender-name "Stadt Ulm" --password-stdin
    regdesk mail test someone@stadt.example
    regdesk mail preview confirmation KQ7MB2 [--lang en]
    regdesk mail queue confirmation --not-mailed        # or --all, --moved-up,
    regdesk mail queue allocation --allocation 3        #    --allocation RUN, CODE ...
    regdesk mail send                                   # what is due, at the set rate
    regdesk mail status                                 # counts, failures, uncertain
    regdesk mail resend 12 13 | --uncertain | --failed  # by choice only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..db import Database
from ..mail import queue as mq
from ..mail.settings import (
    SmtpSettings,
    save_settings,
    send_test,
    store_password,
    stored_password,
)
from ..mail.settings import get_settings as mail_settings
from ..mail.templates import KINDS, render
from ..models import MailState, Security
from ..progress import TextProgress
from ..services import events as event_service
from ..services.audit import actor_name


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "mail", parents=[common], help="mail to participants: server, templates, send queue"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    settings = actions.add_parser("settings", parents=[common], help="the mail server")
    settings.add_argument("--host", required=True)
    settings.add_argument("--port", type=int, default=587)
    settings.add_argument("--security", choices=[s.value for s in Security], default="starttls")
    settings.add_argument("--user", default="")
    settings.add_argument("--sender", required=True, help="the From address")
    settings.add_argument("--sender-name", default="")
    settings.add_argument("--per-minute", type=int, default=60, help="at most this many a minute")
    settings.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input into the OS keyring",
    )
    test = actions.add_parser("test", parents=[common], help="send a test message")
    test.add_argument("to")
    preview = actions.add_parser("preview", parents=[common], help="one person's message")
    preview.add_argument("kind", choices=KINDS)
    preview.add_argument("who", help="participant id or badge code")
    preview.add_argument("--lang", choices=("de", "en"), default="de")
    queue = actions.add_parser("queue", parents=[common], help="queue a message for people")
    queue.add_argument("kind", choices=KINDS)
    queue.add_argument("who", nargs="*", help="participant ids or badge codes")
    queue.add_argument("--all", action="store_true", help="everybody registered")
    queue.add_argument("--not-mailed", action="store_true", help="not sent this kind yet")
    queue.add_argument("--moved-up", action="store_true", help="moved up since their notice")
    queue.add_argument("--allocation", type=int, metavar="RUN", help="placed by this run")
    queue.add_argument(
        "--admitted", action="store_true", help="admitted at least once (for certificates)"
    )
    queue.add_argument(
        "--signer", default="", help='certificate: under the signature line, e.g. "Dr. A. Roth"'
    )
    queue.add_argument("--signature", type=Path, default=None, metavar="IMAGE",
                       help="certificate: a scanned signature (PNG or JPEG)")  # fmt: skip
    queue.add_argument("--lang", choices=("de", "en"), default="de")
    queue.add_argument("--resend", action="store_true", help="a further copy, by choice")
    actions.add_parser("send", parents=[common], help="send what is due")
    actions.add_parser("status", parents=[common], help="the queue: counts and problems")
    again = actions.add_parser("resend", parents=[common], help="queue messages again")
    again.add_argument("ids", nargs="*", type=int)
    again.add_argument("--uncertain", action="store_true")
    again.add_argument("--failed", action="store_true")
    for action in actions.choices.values():
        action.add_argument("--event", type=int, default=None, metavar="ID")


def run(db: Database, args: argparse.Namespace) -> int:
    with db.session(write=False) as session:
        event_id = args.event or event_service.current_event_id(session)
    actor = actor_name("cli")
    return ACTIONS[args.action](db, event_id, args, actor)


def _settings(db: Database, event_id: int, args, actor: str) -> int:
    wanted = SmtpSettings(
        args.host,
        args.port,
        args.security,
        args.user,
        args.sender,
        args.sender_name,
        args.per_minute,
    )
    with db.session() as session:
        saved = save_settings(session, event_id, wanted)
    if args.password_stdin:
        store_password(saved, sys.stdin.readline().rstrip("\n"))
        print("Password stored in the keyring.")
    print(f"Mail server: {saved.host}:{saved.port} ({saved.security}), from {saved.sender_address}")
    return 0


def _need_settings(db: Database, event_id: int) -> SmtpSettings:
    with db.session(write=False) as session:
        settings = mail_settings(session, event_id)
    if settings is None:
        raise mq.MailNotConfigured()
    return settings


def _test(db: Database, event_id: int, args, actor: str) -> int:
    settings = _need_settings(db, event_id)
    try:
        send_test(settings, stored_password(settings), args.to)
    except Exception as exc:  # the server's words, in one line
        raise mq.MailServerUnavailable(host=settings.host, reason=str(exc)) from exc
    print(f"Test message sent to {args.to}.")
    return 0


def _who(db: Database, event_id: int, names: list[str]) -> list[int]:
    from .participants import resolve_participant

    with db.session(write=False) as session:
        return [resolve_participant(session, event_id, who) for who in names]


def _preview(db: Database, event_id: int, args, actor: str) -> int:
    (pid,) = _who(db, event_id, [args.who])
    with db.session(write=False) as session:
        message = render(session, event_id, pid, args.kind, args.lang)
    print(f"To: {message.to_name} <{message.to_address or '(no address)'}>")
    print(f"Subject: {message.subject}")
    if message.attach_badge:
        print("Attachment: Namensschild.pdf")
    print()
    print(message.body)
    return 0


def _queue(db: Database, event_id: int, args, actor: str) -> int:
    chosen = [args.all, args.not_mailed, args.moved_up, args.allocation is not None,
              args.admitted, bool(args.who)]  # fmt: skip
    if sum(chosen) != 1:
        print(
            "regdesk mail queue: name people, or one of --all, --not-mailed, --moved-up, "
            "--allocation, --admitted",
            file=sys.stderr,
        )
        return 2
    if args.signature is not None and not args.signature.is_file():
        print(f"regdesk mail queue: no signature image at {args.signature}", file=sys.stderr)
        return 2
    which = (
        "registered"
        if args.all
        else "admitted"
        if args.admitted
        else "not_mailed"
        if args.not_mailed
        else "moved_up"
        if args.moved_up
        else f"allocation:{args.allocation}"
        if args.allocation
        else ""
    )
    with db.session() as session:
        ids = (
            mq.recipients(session, event_id, which, args.kind)
            if which
            else _who(db, event_id, args.who)
        )
        batch = mq.batch_of(args.kind, which)
        result = mq.enqueue(
            session,
            event_id,
            args.kind,
            ids,
            language=args.lang,
            batch=batch,
            resend=args.resend,
            signer=args.signer,
            signature_image=args.signature,
            actor=actor,
        )
    not_admitted = (
        f", {result.not_admitted} never admitted (no certificate)" if result.not_admitted else ""
    )
    print(
        f"Queued {result.queued} message(s); {result.already} had it already, "
        f"{result.without_address} without an e-mail address{not_admitted}."
    )
    return 0


def _send(db: Database, event_id: int, args, actor: str) -> int:
    settings = _need_settings(db, event_id)
    report = mq.send_queue(
        db, event_id, stored_password(settings), actor=actor, progress=TextProgress("Mail")
    )
    print(
        f"Sent {report.sent}, failed {report.failed}, to try again later {report.later}; "
        f"{report.left} still queued."
    )
    if report.uncertain:
        print(
            f"{report.uncertain} message(s) were being sent when the last run stopped: they "
            "may have gone. Check, then 'regdesk mail resend --uncertain' sends them again."
        )
    return 0 if not report.failed else 1


def _status(db: Database, event_id: int, args, actor: str) -> int:
    with db.session(write=False) as session:
        counts = mq.queue_counts(session, event_id)
        problems = [
            line
            for line in mq.queue_lines(session, event_id)
            if line.state in (MailState.FAILED.value, MailState.UNCERTAIN.value) or line.last_error
        ]
    print("Queue: " + ", ".join(f"{state} {counts.get(state.value, 0)}" for state in MailState))
    for line in problems:
        print(
            f"  #{line.id} {line.state}: {line.to_address} – {line.subject}"
            + (f" ({line.last_error})" if line.last_error else "")
        )
    return 0


def _resend(db: Database, event_id: int, args, actor: str) -> int:
    with db.session() as session:
        ids = list(args.ids)
        for flag, state in ((args.uncertain, MailState.UNCERTAIN), (args.failed, MailState.FAILED)):
            if flag:
                ids += [line.id for line in mq.queue_lines(session, event_id, state.value)]
        count = mq.resend(session, ids, actor=actor)
    print(f"{count} message(s) queued again; 'regdesk mail send' sends them.")
    return 0


ACTIONS = {
    "settings": _settings,
    "test": _test,
    "preview": _preview,
    "queue": _queue,
    "send": _send,
    "status": _status,
    "resend": _resend,
}
