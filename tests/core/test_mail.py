"""Mail to participants against a real SMTP server on localhost (aiosmtpd): settings with
the password in the keyring, German salutations, umlauts in subject and body read back,
the badge PDF attached and its QR decoded to the person's own secret; a server that
refuses an address, one that is busy, one that drops the connection mid-batch; a sender
killed mid-batch: on restart exactly the unsent messages go, none twice -- on SQLite and
PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
import zxingcpp
from sqlalchemy import select

from regdesk.errors import ValidationError as Invalid
from regdesk.mail import queue as mq
from regdesk.mail.settings import SmtpSettings, save_settings, store_password, stored_password
from regdesk.mail.templates import render, salutation_line, save_template
from regdesk.models import AuditEntry, MailMessage, Participant
from regdesk.services import participants as people
from regdesk.services import programme
from regdesk.services.events import get_event

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [
    ("frau", "Dr.", "Anna", "Müller", "anna.mueller@viersen.example"),
    ("herr", "", "Jürgen", "Weiß", "j.weiss@kleve.example"),
    ("none", "", "Ayşe", "Çelik", "a.celik@ulm.example"),
    ("herr", "Prof.", "Łukasz", "Żółć", "l.zolc@lodz.example"),
    ("frau", "", "Ohne", "Adresse", ""),
]


@pytest.fixture
def mail_event(db, event_id, smtp_server):
    with db.session() as session:
        ids = [
            people.register(session, event_id, people.ParticipantInput(
                first, last, salutation=sal, title=title, email=email,
                organisation="Stadt Ulm"), actor="t").id
            for sal, title, first, last, email in PEOPLE
        ]  # fmt: skip
        day = get_event(session, event_id).days[0].id
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(day, "11:00", "12:30"), actor="t"
        )
        w1 = programme.create_item(
            session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1", capacity=1),
            actor="t",
        ).id  # fmt: skip
        programme.enrol(session, w1, ids[0], actor="t")
        programme.enrol(session, w1, ids[1], actor="t")  # waiting, position 1
        save_settings(session, event_id, SmtpSettings(
            "127.0.0.1", smtp_server.port, "none", "", "anmeldung@stadt-ulm.example",
            "Stadt Ulm – Anmeldung", per_minute=6000))  # fmt: skip
    return ids


def test_salutations_in_the_german_and_english_forms():
    assert salutation_line("frau", "Dr.", "Anna", "Müller", "de") == "Sehr geehrte Frau Dr. Müller"
    assert salutation_line("herr", "", "Jürgen", "Weiß", "de") == "Sehr geehrter Herr Weiß"
    assert salutation_line("none", "", "Alex", "Kim", "de") == "Guten Tag Alex Kim"
    assert salutation_line("frau", "Dr.", "Anna", "Müller", "en") == "Dear Dr Müller"
    assert salutation_line("herr", "", "Jürgen", "Weiß", "en") == "Dear Mr Weiß"
    assert salutation_line("none", "", "Alex", "Kim", "en") == "Dear Alex Kim"


def test_a_confirmation_arrives_with_umlauts_and_the_persons_own_badge(
    db, event_id, mail_event, smtp_server, tmp_path
):
    with db.session(write=False) as session:
        preview = render(session, event_id, mail_event[0], "confirmation")
    assert preview.body.startswith("Sehr geehrte Frau Dr. Müller,")
    assert "W1 Bodenpolitik" in preview.body
    with db.session() as session:
        queued = mq.enqueue(session, event_id, "confirmation", mail_event, actor="office")
    assert (queued.queued, queued.without_address) == (4, 1)
    report = mq.send_queue(db, event_id, None, actor="office", sleep=lambda _s: None)
    assert (report.sent, report.failed, report.left) == (4, 0, 0)
    received = {str(m["To"].addresses[0].addr_spec): m for m in smtp_server.handler.received}
    anna = received["anna.mueller@viersen.example"]
    assert str(anna["Subject"]) == "Ihre Anmeldung: Testkonferenz"
    assert anna["From"].addresses[0].display_name == "Stadt Ulm – Anmeldung"
    text = anna.get_body(("plain",)).get_content()
    assert text.replace("\r\n", "\n") == preview.body  # what the preview showed is what went
    assert "Sehr geehrte Frau Dr. Müller" in text
    zolc = received["l.zolc@lodz.example"].get_body(("plain",)).get_content()
    assert zolc.startswith("Sehr geehrter Herr Prof. Żółć,")
    assert "Bodenpolitik (Platz 1)" in received["j.weiss@kleve.example"].get_body(
        ("plain",)).get_content()  # fmt: skip
    (attachment,) = list(anna.iter_attachments())
    assert attachment.get_filename() == "Namensschild.pdf"
    pdf = tmp_path / "badge.pdf"
    pdf.write_bytes(attachment.get_content())
    page = pypdfium2.PdfDocument(str(pdf))[0]
    image = np.asarray(page.render(scale=150 / 72).to_pil().convert("L"))
    codes = [b.text for b in zxingcpp.read_barcodes(image)]
    with db.session(write=False) as session:
        secret = session.get(Participant, mail_event[0]).badge_secret
        history = session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "participant", AuditEntry.entity_id == mail_event[0],
            AuditEntry.action.like("mail.%")))  # fmt: skip
        assert list(history) == ["mail.sent"]
    assert codes == [secret]
    # queued again: nobody gets it twice
    with db.session() as session:
        again = mq.enqueue(session, event_id, "confirmation", mail_event, actor="office")
    assert (again.queued, again.already) == (0, 4)


def test_refused_busy_and_dropped(db, event_id, mail_event, smtp_server):
    handler = smtp_server.handler
    handler.refuse.add("a.celik@ulm.example")  # 550: for good
    handler.busy["l.zolc@lodz.example"] = 1  # 451 once: later
    handler.drop_after = 1  # the connection drops after the first accepted message
    with db.session() as session:
        mq.enqueue(session, event_id, "information", mail_event, actor="office")
    first = mq.send_queue(db, event_id, None, actor="office", sleep=lambda _s: None)
    # the first went; the line died before the second, which waits, and the run stops
    assert (first.sent, first.later, first.failed) == (1, 1, 0)
    with db.session() as session:  # the later tries are due now
        session.execute(MailMessage.__table__.update().values(next_try_at=None))
    for _ in range(3):
        mq.send_queue(db, event_id, None, actor="office", sleep=lambda _s: None)
        with db.session() as session:
            session.execute(MailMessage.__table__.update().values(next_try_at=None))
    with db.session(write=False) as session:
        states = {m.to_address: (m.state, m.last_error) for m in session.scalars(
            select(MailMessage))}  # fmt: skip
    assert states["a.celik@ulm.example"][0] == "failed"
    assert states["a.celik@ulm.example"][1].startswith("550")
    assert {a: s for a, (s, _e) in states.items()} == {
        "anna.mueller@viersen.example": "sent", "j.weiss@kleve.example": "sent",
        "a.celik@ulm.example": "failed", "l.zolc@lodz.example": "sent",
    }  # fmt: skip
    assert sorted(handler.to()) == sorted(
        ["anna.mueller@viersen.example", "j.weiss@kleve.example", "l.zolc@lodz.example"]
    )  # each once, the dropped connection and the busy server notwithstanding


def test_a_template_with_an_unknown_placeholder_is_refused(db, event_id):
    with pytest.raises(Invalid, match="vorname"), db.session() as session:
        save_template(session, event_id, "information", "de", "Hallo {vorname}", "…")
    with db.session() as session:
        own = save_template(session, event_id, "information", "de", "Neu: {event}",
                            "{salutation},\nder Bus fährt um 14 Uhr.\n")  # fmt: skip
    assert own.custom


def test_the_password_lives_in_the_keyring(db, event_id, mail_event):
    settings = SmtpSettings("smtp.example.org", 587, "starttls", "anmeldung", "a@b.example")
    with db.session() as session:
        saved = save_settings(session, event_id, settings)
    store_password(saved, "geheim-äöü")
    assert stored_password(saved) == "geheim-äöü"
    with db.session(write=False) as session:
        row = session.execute(select(MailMessage.__table__)).all()
        from regdesk.models import MailSettings

        stored = session.scalars(select(MailSettings)).all()
    assert row == [] and all("geheim" not in str(vars(s)) for s in stored)


def test_a_sender_killed_mid_batch_sends_exactly_the_rest(
    db, db_url, event_id, mail_event, smtp_server
):
    handler = smtp_server.handler
    handler.hold = "a.celik@ulm.example"  # the third message waits in the server's hands
    with db.session() as session:
        mq.enqueue(session, event_id, "confirmation", mail_event, actor="office")
    env = {**os.environ}
    send = [sys.executable, "-m", "regdesk", "mail", "send", "-d", db_url]
    proc = subprocess.Popen(send, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    assert handler.held.wait(60)
    os.kill(proc.pid, signal.SIGKILL)  # killed while the server holds Ayşe's message
    proc.wait()
    handler.release.set()
    handler.hold = None
    time.sleep(0.3)
    assert sorted(handler.to()) == ["anna.mueller@viersen.example", "j.weiss@kleve.example"]
    again = subprocess.run(send, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "1 message(s) were being sent" in again.stdout  # Ayşe's: uncertain, not resent
    assert sorted(handler.to()) == ["anna.mueller@viersen.example", "j.weiss@kleve.example",
                                    "l.zolc@lodz.example"]  # fmt: skip
    subprocess.run([sys.executable, "-m", "regdesk", "mail", "resend", "--uncertain", "-d",
                    db_url], cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    subprocess.run(send, cwd=ROOT, check=True, capture_output=True, timeout=120)
    assert sorted(handler.to()) == sorted(p[4] for p in PEOPLE if p[4])  # each exactly once


def test_certificates_go_by_mail_to_those_admitted_with_their_own_page(
    db, event_id, mail_event, smtp_server
):
    """The certificate is made when queued (in the message's language, signed), kept with
    the message and attached as it was; nobody who was never admitted gets one."""
    from regdesk.models import MailAttachment
    from regdesk.pdfread import page_texts
    from regdesk.services import checkin

    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        for pid in (mail_event[0], mail_event[2], mail_event[4]):  # the last has no address
            secret = session.get(Participant, pid).badge_secret
            checkin.scan(session, event_id, secret, desk="Nord",
                         context=checkin.ScanContext(day_id=day))  # fmt: skip
        admitted = mq.recipients(session, event_id, "admitted")
        assert admitted == sorted((mail_event[0], mail_event[2], mail_event[4]))
        queued = mq.enqueue(session, event_id, "certificate", mail_event, language="en",
                            signer="Dr. Ruth Abel, head of unit", actor="office")  # fmt: skip
    assert (queued.queued, queued.not_admitted, queued.without_address) == (2, 2, 1)
    with db.session(write=False) as session:
        kept = session.scalars(select(MailAttachment)).all()
        assert [a.filename for a in kept] == ["Certificate-of-attendance.pdf"] * 2
    report = mq.send_queue(db, event_id, None, actor="office", sleep=lambda _s: None)
    assert (report.sent, report.failed) == (2, 0)
    received = {str(m["To"].addresses[0].addr_spec): m for m in smtp_server.handler.received}
    assert set(received) == {"anna.mueller@viersen.example", "a.celik@ulm.example"}
    anna = received["anna.mueller@viersen.example"]
    assert str(anna["Subject"]) == "Your certificate of attendance: Testkonferenz"
    assert "certificate of attendance is attached" in anna.get_body(("plain",)).get_content()
    (attachment,) = list(anna.iter_attachments())
    assert attachment.get_filename() == "Certificate-of-attendance.pdf"
    (page,) = page_texts(attachment.get_content())
    assert "Certificate of attendance" in page and "Anna Müller" in page
    assert "Dr. Ruth Abel, head of unit" in page and "Ayşe" not in page
    (celik,) = page_texts(next(received["a.celik@ulm.example"].iter_attachments()).get_content())
    assert "Ayşe Çelik" in celik


def test_the_command_line_mails_certificates_to_those_admitted(
    db, db_url, event_id, mail_event, smtp_server, tmp_path
):
    from regdesk.pdfread import page_texts
    from regdesk.services import checkin

    from .test_cli import regdesk

    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        secret = session.get(Participant, mail_event[1]).badge_secret
        checkin.scan(session, event_id, secret, desk="Nord",
                     context=checkin.ScanContext(day_id=day))  # fmt: skip
    missing = regdesk("mail", "queue", "certificate", "--admitted", "--signature",
                      str(tmp_path / "none.png"), "-d", db_url)  # fmt: skip
    assert missing.returncode == 2 and "no signature image at" in missing.stderr
    queued = regdesk("mail", "queue", "certificate", *map(str, mail_event[:2]),
                     "--signer", "Jürgen Brandt, Amtsleitung", "-d", db_url)  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    assert "Queued 1 message(s)" in queued.stdout
    assert "1 never admitted (no certificate)" in queued.stdout
    sent = regdesk("mail", "send", "-d", db_url)
    assert sent.returncode == 0, sent.stderr
    (message,) = smtp_server.handler.received
    assert str(message["To"].addresses[0].addr_spec) == "j.weiss@kleve.example"
    (page,) = page_texts(next(message.iter_attachments()).get_content())
    assert "Teilnahmebescheinigung" in page and "Jürgen Weiß" in page
    assert "Jürgen Brandt, Amtsleitung" in page
