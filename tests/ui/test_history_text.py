"""The participant's detail in words: every kind of change in the history (details,
consents, days, category, programme, wishes, check-in, undo, admit anyway, badge) and
the scans read as German phrases -- no internal key, id or Python value shows."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtWidgets import QTextBrowser

from regdesk.models import ConsentKind
from regdesk.services import badges, checkin, participants, preferences, programme
from regdesk.services.events import EventInput, create_event
from ui.participant_detail import ParticipantDetailPane

INTERNAL = re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b|None|True|False|\[|\]|\{")


def test_every_kind_of_change_reads_in_german(qtbot, tmp_path):
    from regdesk.db import open_database

    db = open_database(str(tmp_path / "h.sqlite3"))
    try:
        with db.session() as session:
            event = create_event(
                session,
                EventInput(name="Kongress", first_day="17.09.2019", last_day="18.09.2019"),
                actor="t",
            )
            days = [d.id for d in event.days]
            press = next(c.id for c in event.categories if c.name == "Presse")
            ben = participants.register(
                session, event.id, participants.ParticipantInput("Ben", "Schulz"), actor="t"
            )
            participants.update_participant(
                session, ben.id,
                replace(ben.as_input(), organisation="Stadt Ulm", day_ids=(days[1],),
                        consents={ConsentKind.PHOTO.value: True}),
                actor="Anmeldung",
            )  # fmt: skip
            participants.change_category(session, ben.id, press, actor="t")
            slot = programme.create_slot(
                session, event.id, programme.SlotInput(days[1], "10:00", "11:00"), actor="t"
            )
            w1 = programme.create_item(
                session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1"), actor="t"
            ).id
            preferences.set_preferences(session, ben.id, [(w1, 1)], actor="t")
            programme.enrol(session, w1, ben.id, actor="t")
            context = checkin.ScanContext(day_id=days[0], override_reason="Tagesticket")
            checkin.scan(session, event.id, ben.short_code, desk="Nord", context=context)
            checkin.scan(session, event.id, ben.short_code, desk="Nord",
                         context=checkin.ScanContext(day_id=days[1]))  # fmt: skip
            checkin.undo_last(session, event.id, "Nord", actor="desk:Nord")
            badges.reissue(session, ben.id, "verloren", actor="t")
            detail = participants.participant_detail(session, ben.id)
        view = ParticipantDetailPane()
        qtbot.addWidget(view)
        view.show_detail(detail)
        text = view.toPlainText()
    finally:
        db.close()
    history = text[text.index("Änderungsverlauf") :]
    for said in (
        "Organisation: – → Stadt Ulm",
        "Tage: jeden Tag → Mi. 18.09.2019",
        "Foto",  # the consent, by its name
        "nicht gefragt → ja",
        "Kategorie: Teilnehmer/in → Presse",
        "Wünsche",
        "1. W1 Bodenpolitik",
        "Programmpunkt: W1 Bodenpolitik",
        "Trotzdem eingelassen",
        "Grund: Tagesticket",
        "Ergebnis: eingelassen",
        "Einlass zurückgenommen · Platz Nord",
        "Ergebnis: eingelassen; Platz: Nord",
        "Badge-Code",
    ):
        assert said in history, f"{said!r} missing from:\n{history}"
    scans = text[text.index("Scans") : text.index("Änderungsverlauf")]
    assert "eingelassen · Nord" in scans
    assert INTERNAL.findall(history + scans) == [], history + scans
    assert isinstance(view, QTextBrowser)
