"""Mail merge: 2,000 registration confirmations, each rendered for its person with the
person's badge as PDF attachment, queued and sent through the durable queue to a local
SMTP server (aiosmtpd) -- messages per second and peak memory, beside sending the same
number of bare messages with smtplib over one connection (each in a fresh process; the
two alternate)."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from .harness import Figure, benchmark, run_process, seed_demo

_ME = ["-m", "benchmarks.bench_mail"]


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


def _server():
    from aiosmtpd.controller import Controller

    from regdesk.desks.pgserver import free_port

    handler = _Counter()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, handler


def ours(path: str, port: int) -> dict:
    from regdesk.db import open_database
    from regdesk.mail import queue as mq
    from regdesk.mail.settings import SmtpSettings, save_settings
    from regdesk.services.events import current_event_id

    db = open_database(path)
    with db.session() as session:
        event_id = current_event_id(session)
        save_settings(
            session,
            event_id,
            SmtpSettings(
                "127.0.0.1", port, "none", "", "anmeldung@stadt.example", "Anmeldung", 10_000
            ),
        )
    started = time.perf_counter()
    with db.session() as session:
        ids = mq.recipients(session, event_id, "registered")
        queued = mq.enqueue(session, event_id, "confirmation", ids, actor="bench").queued
    rendered = time.perf_counter()
    report = mq.send_queue(db, event_id, None, actor="bench", sleep=lambda _s: None)
    done = time.perf_counter()
    db.close()
    return {
        "peak_mb": _peak_mb(),
        "messages": report.sent,
        "queued": queued,
        "render_s": rendered - started,
        "send_s": done - rendered,
        "seconds": done - started,
    }


def bare(count: int, port: int) -> dict:
    import smtplib
    from email.message import EmailMessage

    started = time.perf_counter()
    smtp = smtplib.SMTP("127.0.0.1", port)
    for i in range(count):
        message = EmailMessage()
        message["From"] = "anmeldung@stadt.example"
        message["To"] = f"gast{i}@example.org"
        message["Subject"] = "Ihre Anmeldung"
        message.set_content("Sehr geehrte Damen und Herren,\n\nvielen Dank.\n")
        smtp.send_message(message)
    smtp.quit()
    return {"messages": count, "seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def _peak_mb() -> float:
    """This process's own peak (VmHWM: ru_maxrss would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@benchmark("mail")
def mail(quick: bool) -> list[Figure]:
    count = 300 if quick else 2_000
    controller, _handler = _server()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "mail.sqlite3")
            seed_demo(path, count, scenario="bad-belzig")
            base = run_process([*_ME, "bare", str(count), str(controller.port)])
            run = run_process([*_ME, "ours", path, str(controller.port)])
    finally:
        controller.stop()
    mine, theirs = json.loads(run.stdout), json.loads(base.stdout)
    rate = mine["messages"] / mine["seconds"]
    base_rate = theirs["messages"] / theirs["seconds"]
    return [
        Figure(
            "mail",
            f"{mine['messages']:,} confirmations with badge PDF, rendered, queued, sent",
            rate,
            "messages/s",
            "bare smtplib messages, one connection",
            base_rate,
            notes={"render_s": mine["render_s"], "send_s": mine["send_s"]},
        ),
        Figure(
            "mail",
            "mail merge: peak memory",
            mine["peak_mb"],
            "MB",
            "the bare smtplib process",
            theirs["peak_mb"],
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1] == "ours":
        print(json.dumps(ours(sys.argv[2], int(sys.argv[3]))))
    else:
        print(json.dumps(bare(int(sys.argv[2]), int(sys.argv[3]))))
