"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd): it keeps what it accepted and
can refuse addresses for good (550) or for now (451), drop the connection after a number
of messages, or hold one message until told (to stop a sender in the middle)."""

from __future__ import annotations

import asyncio
import threading
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from regdesk.desks.pgserver import free_port


class Handler:
    def __init__(self) -> None:
        self.received: list = []  # email.message.EmailMessage, as accepted
        self.refuse: set[str] = set()  # 550 at RCPT
        self.busy: dict[str, int] = {}  # address -> how many times more 451 at RCPT
        self.drop_after: int | None = None  # the line goes dead after this many messages
        self.dead = False  # the line is dead: the next command finds it closed
        self.hold: str | None = None  # an address whose DATA waits for `release`
        self.release = threading.Event()
        self.held = threading.Event()
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.dead:  # the next message after the drop: the line is gone
            self.dead = False
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.7.1 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.hold is not None and self.hold in envelope.rcpt_tos:
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Not accepted"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.received.append(message)
            count = len(self.received)
        if self.drop_after is not None and count >= self.drop_after:
            # accepted (250), then the line goes dead: deterministically, before the next
            # message (a timer here raced the sender, which then sometimes sent two more)
            self.drop_after, self.dead = None, True
        return "250 Message accepted"

    def to(self) -> list[str]:
        with self.lock:
            return [str(m["To"].addresses[0].addr_spec) for m in self.received]


class SmtpServer:
    def __init__(self) -> None:
        self.handler = Handler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.handler.release.set()
        self.controller.stop()
