"""E-mail to participants in the GUI, against a real SMTP server on localhost: settings
(password into the keyring) and a test message, the wording and a preview per person,
queueing and sending on a worker, a refused address shown with the server's words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from regdesk.mail.settings import stored_password
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event
from ui.mail_dialog import MailDialog

from .helpers import show_active


@pytest.fixture
def event_with_people(empty_db):
    db = empty_db
    with db.session() as session:
        event = create_event(
            session,
            EventInput(
                name="Fachtag Wärmeplanung",
                first_day="05.03.2026",
                last_day="05.03.2026",
                organiser="Stadt Ulm",
            ),
            actor="t",
        )
        for sal, first, last, email in (
            ("frau", "Anna", "Müller", "a.m@viersen.example"),
            ("herr", "Jürgen", "Weiß", "j.w@kleve.example"),
            ("none", "Ayşe", "Çelik", "kaputt@ulm.example"),
        ):
            people.register(
                session,
                event.id,
                people.ParticipantInput(first, last, salutation=sal, email=email),
                actor="t",
            )
    return db, event.id


def wait_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.work.worker is None, timeout=30000)


def test_set_up_preview_queue_and_send(qtbot, event_with_people, smtp_server):
    db, event_id = event_with_people
    smtp_server.handler.refuse.add("kaputt@ulm.example")
    dialog = MailDialog(db, event_id, "office")
    show_active(qtbot, dialog)
    assert dialog.tabs.currentIndex() == 0  # no server yet: its settings first
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(smtp_server.port)
    dialog.security.setCurrentIndex(dialog.security.findData("none"))
    dialog.user.setText("anmeldung")
    dialog.password.setText("geheim")
    dialog.sender.setText("anmeldung@ulm.example")
    dialog.sender_name.setText("Stadt Ulm")
    dialog.per_minute.setValue(6000)
    dialog.user.setText("")  # the local relay takes no login
    dialog.test_to.setText("test@ulm.example")
    qtbot.mouseClick(
        dialog.findChild(type(dialog.work.cancel_button), "sendTestMessage"),
        Qt.MouseButton.LeftButton,
    )
    wait_idle(qtbot, dialog)
    assert dialog.status.text() == "Testnachricht an test@ulm.example gesendet."
    assert smtp_server.handler.to() == ["test@ulm.example"]
    assert stored_password(dialog._wanted()) == "geheim"  # the keyring, not the database

    dialog.tabs.setCurrentIndex(1)
    dialog.kind.setCurrentIndex(dialog.kind.findData("information"))
    dialog.body.setPlainText(
        "{salutation},\n\nder Bus fährt um 14 Uhr am Hauptbahnhof.\n\n{organiser}"
    )
    dialog.show_preview()
    assert "3 Empfänger" in dialog.recipients_label.text()
    assert "Sehr geehrte Frau Müller,\n\nder Bus fährt um 14 Uhr" in dialog.preview.toPlainText()
    dialog.preview_person.setCurrentIndex(dialog.preview_person.findText("Weiß, Jürgen"))
    assert "Sehr geehrter Herr Weiß," in dialog.preview.toPlainText()  # a preview per person
    dialog.body.setPlainText("{salutation}, heute gibt es Suppe.")
    qtbot.waitUntil(lambda: "heute gibt es Suppe" in dialog.preview.toPlainText())
    dialog.body.setPlainText("{anrede}")  # a placeholder there is not: refused, nothing queued
    dialog.put_in_queue()
    assert "anrede" in dialog.status.text()
    assert dialog.queue_model.rowCount() == 0
    dialog.body.setPlainText("{salutation},\n\nder Bus fährt um 14 Uhr.\n\n{organiser}")
    dialog.put_in_queue()
    wait_idle(qtbot, dialog)
    assert dialog.tabs.currentIndex() == 2 and dialog.queue_model.rowCount() == 3
    qtbot.mouseClick(
        dialog.findChild(type(dialog.work.cancel_button), "sendMailButton"),
        Qt.MouseButton.LeftButton,
    )
    wait_idle(qtbot, dialog)
    assert dialog.status.text().startswith("Gesendet: 2, fehlgeschlagen: 1")
    states = {
        dialog.queue_model.index(r, 1).data(): (
            dialog.queue_model.index(r, 0).data(),
            dialog.queue_model.index(r, 2).data(),
        )
        for r in range(3)
    }
    assert states["kaputt@ulm.example"][0] == "fehlgeschlagen"
    assert states["kaputt@ulm.example"][1].startswith("550")
    assert sorted(smtp_server.handler.to()) == [
        "a.m@viersen.example",
        "j.w@kleve.example",
        "test@ulm.example",
    ]
    body = smtp_server.handler.received[1].get_body(("plain",)).get_content()
    assert "der Bus fährt um 14 Uhr" in body
    # each message in the person's history, in words
    from regdesk.services.participants import participant_detail
    from ui.participant_detail import ParticipantDetailPane

    pane = ParticipantDetailPane()
    qtbot.addWidget(pane)
    with db.session(write=False) as session:
        pane.show_detail(participant_detail(session, 1))
    text = pane.toPlainText()
    assert "E-Mail gesendet · office" in text and "Information: Fachtag Wärmeplanung" in text
    assert "mail.sent" not in text and "Von Hand angemeldet · t" in text


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_tab_of_the_mail_dialog_has_distinct_mnemonics(
    qtbot, qapp, event_with_people, language
):
    from ui import i18n

    from .test_mnemonics import clashes

    i18n.install(qapp, language)
    db, event_id = event_with_people
    dialog = MailDialog(db, event_id, "office")
    show_active(qtbot, dialog)
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert clashes(dialog) == [], tab


def test_certificates_by_mail_go_to_those_admitted_signed(qtbot, event_with_people, smtp_server):
    """Kind "certificate": the recipients turn to those admitted, the signer is asked, the
    preview names the attachment, and each admitted person gets their own page."""
    from regdesk.mail.settings import SmtpSettings, save_settings
    from regdesk.pdfread import page_texts
    from regdesk.services import checkin
    from regdesk.services.events import get_event

    db, event_id = event_with_people
    with db.session() as session:
        save_settings(session, event_id, SmtpSettings(
            "127.0.0.1", smtp_server.port, "none", "", "anmeldung@ulm.example", "Stadt Ulm",
            per_minute=6000))  # fmt: skip
        day = get_event(session, event_id).days[0].id
        from regdesk.models import Participant

        anna = session.query(Participant).filter_by(last_name="Müller").one()
        checkin.scan(session, event_id, anna.badge_secret, desk="Nord",
                     context=checkin.ScanContext(day_id=day))  # fmt: skip
    dialog = show_active(qtbot, MailDialog(db, event_id, "office"))
    assert dialog.tabs.currentIndex() == 1 and not dialog.signer.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("certificate"))
    assert dialog.signer.isEnabled() and dialog.who.currentData() == "admitted"
    assert "1 Empfänger" in dialog.recipients_label.text()
    preview = dialog.preview.toPlainText()
    assert "Anhang: die Teilnahmebescheinigung der Person (PDF)" in preview
    assert "Ihre Teilnahmebescheinigung: Fachtag Wärmeplanung" in preview
    dialog.signer.setFocus()
    qtbot.keyClicks(dialog.signer, "Dr. Eva Brandt, Amtsleitung")
    dialog.who.setCurrentIndex(dialog.who.findData("registered"))  # by choice: all three
    dialog.put_in_queue()
    wait_idle(qtbot, dialog)
    assert "2 Personen wurden nie eingelassen" in dialog.status.text()
    assert dialog.queue_model.rowCount() == 1
    qtbot.mouseClick(
        dialog.findChild(type(dialog.work.cancel_button), "sendMailButton"),
        Qt.MouseButton.LeftButton,
    )
    wait_idle(qtbot, dialog)
    (message,) = smtp_server.handler.received
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "Teilnahmebescheinigung.pdf"
    (page,) = page_texts(attachment.get_content())
    assert "Anna Müller" in page and "Dr. Eva Brandt, Amtsleitung" in page
