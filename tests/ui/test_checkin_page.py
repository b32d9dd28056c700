"""The check-in screen at the door: scan field and verdict, a scanner burst landing while
the focus is elsewhere, typing by hand still reaching its field, a second scan during a
shown verdict, admission by name, undo."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from regdesk.models import Participant, ReplacedBadge
from regdesk.services import badges
from ui.main_window import MainWindow

from .helpers import show_active, type_text, when_dialog_opens


def open_page(qtbot, db, event_id):
    window = show_active(qtbot, MainWindow(db, event_id, "Tür 1"))
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.checkin
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.scan_field.hasFocus())
    return page


def people(db, n=3):
    with db.session(write=False) as session:
        return session.scalars(
            select(Participant)
            .where(Participant.status == "registered")
            .order_by(Participant.id)
            .limit(n)
        ).all()


def test_scan_field_shows_the_verdict_in_colour_symbol_and_words(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    anna = people(db, 1)[0]
    started = time.perf_counter()
    qtbot.keyClicks(page.scan_field, anna.badge_secret.lower())
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    elapsed_ms = (time.perf_counter() - started) * 1000
    panel = page.verdict
    assert panel.kind == "ok" and panel.symbol.text() == "✔"
    assert panel.words.text() == "Willkommen – eingelassen"
    assert anna.last_name in panel.name.text()
    assert page.scan_field.text() == ""  # ready for the next one
    assert page.sounds.last_cue == "ok"
    assert elapsed_ms < 2000  # measured properly in benchmarks/
    qtbot.keyClicks(page.scan_field, "KEINCODE")
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert panel.kind == "stop" and panel.symbol.text() == "✖"
    assert panel.words.text() == "Unbekannter Code"
    assert page.sounds.last_cue == "stop"
    qtbot.waitUntil(lambda: page.recent.rowCount() == 2)


def test_a_scanner_burst_lands_while_the_focus_is_elsewhere(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    anna = people(db, 1)[0]
    page.find.setFocus()
    qtbot.waitUntil(page.find.hasFocus)
    qtbot.keyClicks(page.find, anna.badge_secret)  # a burst, a few ms apart
    qtbot.keyClick(page.find, Qt.Key.Key_Tab)  # this scanner ends with Tab
    assert page.find.text() == ""  # nothing leaked into the search field
    assert page.verdict.kind == "ok" and anna.last_name in page.verdict.name.text()
    # a person typing there is not a scanner: the keys arrive, a moment later
    type_text(qtbot, page.find, "mül")
    qtbot.waitUntil(lambda: page.find.text() == "mül", timeout=2000)


def test_a_second_scan_during_a_shown_verdict_is_processed(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    first, second = people(db, 2)
    for person in (first, second):
        qtbot.keyClicks(page.scan_field, person.short_code)
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
        assert person.last_name in page.verdict.name.text()
    assert QApplication.activeModalWidget() is None  # no dialog ever in the way
    qtbot.keyClicks(page.scan_field, first.short_code)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert page.verdict.words.text() == "Wiedereinlass – heute schon da"
    assert "Tür 1" not in page.verdict.notes.text() or "um" in page.verdict.notes.text()
    page.verdict.timer.timeout.emit()  # after a few seconds it clears itself
    assert page.verdict.kind == "idle"


def test_admit_by_name_and_undo(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    person = people(db, 1)[0]
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.find.hasFocus)
    for char in person.last_name[:4]:  # typed by a person: slower than a scanner
        type_text(qtbot, page.find, char)
        qtbot.wait(70)
    qtbot.waitUntil(lambda: page.found.rowCount() > 0, timeout=3000)
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    assert page.verdict.kind == "ok"
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 1 von"))
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F8)  # Ctrl+Z stays the field's own undo
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 0 von"))
    assert "rückgängig" in page.verdict.details.text()


def test_replaced_badge_is_an_alarm_with_its_reason(qtbot, demo_db):
    db, event_id = demo_db
    person = people(db, 1)[0]
    with db.session() as session:
        badges.reissue(session, person.id, "verloren", actor="t")
        old = session.scalar(select(ReplacedBadge.secret))
    page = open_page(qtbot, db, event_id)
    page.scan(old)
    assert page.verdict.kind == "warn" and page.verdict.symbol.text() == "⚠"
    assert page.sounds.last_cue == "warn"
    assert "ersetzt" in page.verdict.notes.text()


def test_door_mode_cannot_be_left_without_the_pin(qtbot, demo_db, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from regdesk.services import door as door_service
    from ui.door_mode import DoorModeWindow

    monkeypatch.setattr(door_service, "FIRST_WAIT_S", 0.5)
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    window = page.window()

    def answer(text):
        def handle(box: QInputDialog) -> None:
            box.setTextValue(text)
            box.accept()

        return handle

    # no PIN yet: the organiser sets one first (twice), then the desk goes full screen
    told = []

    def read_and_close(box) -> None:
        told.append(box.text())
        box.accept()

    seen = when_dialog_opens(qtbot, answer("2468"), answer("2468"), read_and_close)
    page.buttons["doorMode"].click()  # four digits are too few now
    assert len(seen) == 3 and window.door_window is None
    assert "6 bis 12 Ziffern" in told[0], told
    seen = when_dialog_opens(qtbot, answer("246813"), answer("246813"))
    page.buttons["doorMode"].click()
    assert len(seen) == 2, seen
    door = window.door_window
    assert isinstance(door, DoorModeWindow) and door.isFullScreen() and not window.isVisible()
    assert not door.page.recent_view.isVisible() and not door.page.context.isVisible()
    qtbot.waitUntil(door.page.scan_field.hasFocus)
    person = people(db, 1)[0]
    qtbot.keyClicks(door.page.scan_field, person.short_code)
    qtbot.keyClick(door.page.scan_field, Qt.Key.Key_Return)
    assert door.page.verdict.kind == "ok"

    door.close()  # Alt+F4, the window manager's close button
    qtbot.keyClick(door, Qt.Key.Key_Escape)
    assert door.isVisible() and "PIN" in door.message.text()
    for _ in range(3):  # three wrong tries: the third one makes the next one wait
        seen = when_dialog_opens(qtbot, answer("111111"))
        door.leave_button.click()
        assert len(seen) == 1 and door.isVisible()
        assert door.message.text() == "Falsche PIN – der Türmodus bleibt an."
    seen = when_dialog_opens(qtbot, answer("246813"))  # even the right one, too soon
    door.leave_button.click()
    assert door.isVisible() and door.message.text().startswith("Zu viele falsche PINs")
    time.sleep(door_service.FIRST_WAIT_S + 0.1)
    seen = when_dialog_opens(qtbot, answer("246813"))
    door.leave_button.click()
    assert len(seen) == 1
    qtbot.waitUntil(lambda: not door.isVisible())
    assert window.isVisible() and window.door_window is None


def test_each_verdict_class_has_its_own_sound():
    import wave

    from ui.sounds import SOUNDS

    lengths = {}
    for kind in ("ok", "warn", "stop"):
        with wave.open(str(SOUNDS / f"{kind}.wav")) as wav:
            assert wav.getnchannels() == 1 and wav.getframerate() == 22050
            lengths[kind] = wav.getnframes()
    assert len(set(lengths.values())) == 3  # three different cues


def test_the_counters_follow_a_scan_at_once_and_are_counted_off_the_gui_thread(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 0 von"))
    guest = people(db, 1)[0]
    page.scan(guest.short_code)
    # shown with the verdict, before the exact count (a worker thread) has come back
    assert page.counts_label.text().startswith("Da: 1 von")
    assert page.counts_label.text().endswith("jetzt drinnen: 1")
    qtbot.waitUntil(lambda: page._counting is None)
    qtbot.waitUntil(lambda: sum(int(page.counts.index(r, 1).data())
                                for r in range(page.counts.rowCount())) == 1)  # fmt: skip
    page.exit_mode.setChecked(True)
    page.scan(guest.short_code)
    assert page.counts_label.text().endswith("jetzt drinnen: 0")


def test_a_count_whose_answer_never_comes_is_counted_anew(qtbot, demo_db, monkeypatch):
    """Seen once under Xvfb: a count's queued answer never arrived, and the counters
    stayed as they were for good -- also after other desks' scans."""
    from regdesk.services import checkin as svc
    from ui import checkin_page
    from ui.workers import Worker

    monkeypatch.setattr(checkin_page, "STALE_S", 0.5)
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 0 von"))
    qtbot.waitUntil(lambda: page._counting is None)
    page._counting = Worker(lambda **_: None, None)  # started, its answer lost
    page._counting_since = time.monotonic()
    guest = people(db, 1)[0]
    with db.session() as session:  # another desk admits meanwhile
        svc.scan(session, event_id, guest.short_code, desk="Nord",
                 context=svc.ScanContext(page.scan_context().day_id))  # fmt: skip
    page.refresh()  # as the change signal makes it
    assert page.counts_label.text().startswith("Da: 0 von")  # still waiting for that one
    time.sleep(0.6)
    page.refresh()
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 1 von"), timeout=5000)
