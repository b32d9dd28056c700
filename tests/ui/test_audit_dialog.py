"""The audit-log viewer: opened from the menu by its shortcut, narrowed by who, what,
about whom (typed, any accents) and when, the change in words, more on request, a change
made meanwhile shown at once, and exported as narrowed."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from regdesk.services import participants as people
from ui.audit_dialog import AuditDialog
from ui.main_window import MainWindow

from .helpers import show_active, type_text


def test_the_audit_log_narrowed_followed_and_exported(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    with db.session() as session:
        ayse = people.register(
            session, event_id, people.ParticipantInput("Ayşe", "Çelik"), actor="office:anna"
        )
        people.cancel(session, ayse.id, "krank", actor="office:anna")
    window = show_active(qtbot, MainWindow(db, event_id, "office:anna"))
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, shortcut)
    qtbot.waitUntil(lambda: window.findChild(AuditDialog) is not None)
    dialog = window.findChild(AuditDialog)
    qtbot.waitExposed(dialog)
    everything = dialog.total
    assert everything >= 3  # the demo's seeding, the registration, the cancellation
    assert dialog.model.index(0, 2).data() == "Anmeldung storniert"  # newest first, in words
    dialog.person.setFocus()
    type_text(qtbot, dialog.person, "celik")
    qtbot.waitUntil(lambda: dialog.total == 2, timeout=3000)
    rows = [[dialog.model.index(r, c).data() for c in range(5)] for r in range(2)]
    assert [r[2] for r in rows] == ["Anmeldung storniert", "von Hand angemeldet"]
    assert rows[0][3] == "Ayşe Çelik" and "krank" in rows[0][4]
    assert dialog.count.text() == "2 Einträge"
    dialog.person.clear()
    dialog.who.setCurrentIndex(dialog.who.findData("office:anna"))
    qtbot.waitUntil(lambda: dialog.total == 2)
    with db.session() as session:  # a change meanwhile, elsewhere: shown at once
        people.register(
            session, event_id, people.ParticipantInput("Jörg", "Weiß"), actor="office:anna"
        )
    qtbot.waitUntil(lambda: dialog.total == 3, timeout=5000)
    dialog.who.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.total == everything + 1)
    assert not dialog.more.isEnabled() or dialog.model.rowCount() == 500
    dialog.what.setCurrentIndex(dialog.what.findData("participant.cancel"))
    qtbot.waitUntil(lambda: dialog.total >= 1)
    cancelled = dialog.total
    dialog.export_to(tmp_path / "storniert.xlsx")
    qtbot.waitUntil(lambda: dialog.work.worker is None, timeout=20000)
    assert dialog.status.text().startswith(f"{cancelled} Einträge nach")
    sheet = load_workbook(tmp_path / "storniert.xlsx").active
    actions = [row[3].value for row in sheet.iter_rows(min_row=2) if row[3].value]
    assert set(actions) == {"participant.cancel"} and len(actions) == cancelled


def test_a_period_of_ones_own_to_the_minute(qtbot, demo_db):
    """ "From … to …": the entries between two moments of the event's time; an end before
    the start is said, and the list stays as it was."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QDate, QDateTime, QTime
    from sqlalchemy import select, update

    from regdesk.models import AuditEntry
    from ui.audit_dialog import CHOSEN

    db, event_id = demo_db
    berlin = ZoneInfo("Europe/Berlin")
    with db.session() as session:
        for first, hour, minute in (("Ana", 9, 58), ("Bo", 10, 12), ("Cem", 10, 31)):
            p = people.register(session, event_id, people.ParticipantInput(first, "Door"),
                                actor="door")  # fmt: skip
            about = (AuditEntry.entity_id == p.id, AuditEntry.entity == "participant")
            entry = session.scalars(select(AuditEntry.id).where(*about)).one()
            at = datetime(2026, 9, 5, hour, minute, tzinfo=berlin).astimezone(UTC)
            session.execute(update(AuditEntry).where(AuditEntry.id == entry).values(at=at))
    dialog = show_active(qtbot, AuditDialog(db, event_id, "office"))
    assert not dialog.since_edit.isEnabled()
    dialog.when.setCurrentIndex(dialog.when.findData(CHOSEN))
    assert dialog.since_edit.isEnabled() and dialog.until_edit.isEnabled()
    dialog.since_edit.setDateTime(QDateTime(QDate(2026, 9, 5), QTime(10, 0)))
    dialog.until_edit.setDateTime(QDateTime(QDate(2026, 9, 5), QTime(10, 30)))
    qtbot.waitUntil(lambda: dialog.total == 1, timeout=3000)
    assert dialog.model.index(0, 3).data() == "Bo Door"
    assert dialog.model.index(0, 0).data() == "05.09.2026 10:12"  # the event's time, too
    dialog.until_edit.setDateTime(QDateTime(QDate(2026, 9, 5), QTime(9, 0)))
    qtbot.waitUntil(lambda: "Das Ende des Zeitraums" in dialog.status.text(), timeout=3000)
    assert dialog.total == 1 and dialog.model.rowCount() == 1  # as it was
    dialog.until_edit.setDateTime(QDateTime(QDate(2026, 9, 5), QTime(11, 0)))
    qtbot.waitUntil(lambda: dialog.total == 2, timeout=3000)
    assert dialog.status.text() == ""
