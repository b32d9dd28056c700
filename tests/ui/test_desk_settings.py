"""A desk remembers what it was set to (name, door, re-entry rule, sound) from one start to
the next; it is named once, and a name another desk used is taken only when staff say it
is this computer; undo reaches only this desk's admissions of its running session and
names whose it takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from regdesk.models import Scan
from regdesk.services import checkin as svc
from regdesk.services.events import get_event
from ui.main_window import MainWindow

from .helpers import show_active, when_dialog_opens
from .scanner import person_types
from .test_checkin_page import people


def start_desk(qtbot, db, event_id):
    """The application started (again): a new window on the same database."""
    window = show_active(qtbot, MainWindow(db, event_id, "Tür"))
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.checkin
    qtbot.waitUntil(page.scan_field.hasFocus)
    return window, page


def name_desk(qtbot, page, name):
    """Typed by a person (a burst would be taken for a scanner: see scanner_capture)."""
    page.window().activateWindow()  # back from a message box (offscreen: by hand)
    qtbot.waitUntil(page.window().isActiveWindow)
    page.desk.setFocus()
    qtbot.waitUntil(page.desk.hasFocus)
    page.desk.clear()
    person_types(qtbot, name + "\n", gap_ms=100)
    qtbot.wait(150)


def test_settings_survive_a_restart_and_the_name_is_asked_once(qtbot, demo_db):
    db, event_id = demo_db
    window, page = start_desk(qtbot, db, event_id)
    assert page.name_banner.isVisible()  # never named: the page says so, scanning goes on
    name_desk(qtbot, page, "Eingang Nord")
    assert not page.name_banner.isVisible()
    door = page.context.count() - 1  # the last session door
    page.context.setCurrentIndex(door)
    page.reentry.setChecked(False)
    page.sound.setChecked(False)
    window.close()
    window, page = start_desk(qtbot, db, event_id)
    assert page.desk.text() == "Eingang Nord" and not page.name_banner.isVisible()
    assert page.context.currentIndex() == door
    assert not page.reentry.isChecked() and not page.sound.isChecked()
    assert not page.sounds.enabled


def test_a_name_another_desk_used_needs_a_yes(qtbot, demo_db):
    db, event_id = demo_db
    guest = people(db, 1)[0]
    with db.session() as session:
        day = get_event(session, event_id).days[0].id
        svc.scan(session, event_id, guest.short_code, desk="Eingang Süd",
                 context=svc.ScanContext(day_id=day))  # fmt: skip
    _, page = start_desk(qtbot, db, event_id)
    texts = []

    def answer(button):
        def handle(box: QMessageBox) -> None:
            texts.append(box.text())
            box.button(button).click()

        return handle

    asked = when_dialog_opens(qtbot, answer(QMessageBox.StandardButton.No))
    name_desk(qtbot, page, "Eingang Süd")
    assert len(asked) == 1 and "„Eingang Süd“ hat bei dieser Veranstaltung" in texts[0]
    assert page.desk.text() != "Eingang Süd" and page.name_banner.isVisible()
    asked = when_dialog_opens(qtbot, answer(QMessageBox.StandardButton.Yes))
    name_desk(qtbot, page, "Eingang Süd")
    assert len(asked) == 1 and page.desk.text() == "Eingang Süd"
    assert not page.name_banner.isVisible()


def test_undo_names_whose_admission_and_stops_at_the_desks_start(qtbot, demo_db):
    db, event_id = demo_db
    first, second = people(db, 2)
    window, page = start_desk(qtbot, db, event_id)
    name_desk(qtbot, page, "Eingang Nord")
    page.scan(first.short_code)
    qtbot.waitUntil(lambda: page.buttons["undo"].isEnabled())
    window.close()
    window, page = start_desk(qtbot, db, event_id)  # a new session of the same desk
    qtbot.wait(100)
    assert not page.buttons["undo"].isEnabled()  # yesterday's admission stays
    assert page.buttons["undo"].text() == "Letzten Einlass &rückgängig"
    page.scan(second.short_code)
    name = f"{second.first_name} {second.last_name}"
    qtbot.waitUntil(lambda: name in page.buttons["undo"].text())
    assert page.buttons["undo"].text().startswith("&Rückgängig: " + name + " (")
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: not page.buttons["undo"].isEnabled())
    with db.session(write=False) as session:
        undone = session.scalars(select(Scan.participant_id).where(Scan.undone_at.is_not(None)))
        assert list(undone) == [second.id]
