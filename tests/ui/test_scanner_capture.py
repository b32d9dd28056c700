"""A real scanner's burst (Shift per capital, AltGr, Enter/Tab/no suffix) is caught from
every kind of widget of the check-in screen and of door mode and never edits that
widget; a person typing there is never mistaken for a scanner."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.door_mode import DoorModeWindow

from .scanner import person_types, scanner_types
from .test_checkin_page import open_page, people


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def admitted(page, person) -> bool:
    return page.verdict.kind == "ok" and person.last_name in page.verdict.name.text()


@pytest.mark.parametrize("suffix", ["enter", "tab", "none"])
def test_a_capital_burst_from_any_widget_scans_and_edits_nothing(qtbot, demo_db, suffix):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    guests = people(db, 5)
    desk_before = page.desk.text()
    context_before = page.context.currentIndex()
    widgets = [page.find, page.desk, page.context, page.reentry, page.found_view]
    for widget, guest in zip(widgets, guests, strict=True):
        focus(qtbot, widget)
        scanner_types(qtbot, guest.badge_secret, suffix)  # every real badge: capitals
        qtbot.waitUntil(lambda g=guest: admitted(page, g), timeout=8000)
        assert QApplication.focusWidget() is widget, "the suffix moved the focus"
    assert page.desk.text() == desk_before  # the burst did not rename the desk
    assert page.context.currentIndex() == context_before  # nor move the door
    assert page.find.text() == ""  # nor land in the search
    assert page.reentry.isChecked()  # nor toggle a box
    assert page.recent.rowCount() == 5


def test_altgr_inside_a_burst_does_not_break_it(qtbot, demo_db):
    """A scanner set to a German layout types @ as AltGr+Q; the code holds no symbols,
    so the scan treats it as noise and still finds the badge."""
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    guest = people(db, 1)[0]
    focus(qtbot, page.find)
    code = guest.badge_secret[:8] + "@" + guest.badge_secret[8:]
    scanner_types(qtbot, code, "enter")
    qtbot.waitUntil(lambda: admitted(page, guest), timeout=2000)
    assert page.find.text() == ""


def test_a_desk_busy_again_and_again_mid_burst_still_reads_the_whole_code(qtbot, demo_db):
    """The program is busy twice in a row in the middle of a burst (a query, a repaint,
    the garbage collector of a long-running desk); the scanner's keys meanwhile wait in
    the queue. Each time the pause timer fires late it waits again, so the code is read
    whole, neither cut short nor typed into the search."""
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    guest = people(db, 1)[0]
    focus(qtbot, page.find)
    code = guest.badge_secret
    stamp = scanner_types(qtbot, code[:9], "none")
    for _ in range(3):
        QTimer.singleShot(0, lambda: time.sleep(0.2))  # a handler holding the desk 200 ms
        qtbot.wait(5)
    scanner_types(qtbot, code[9:], "enter", stamp_ms=stamp)
    qtbot.waitUntil(lambda: admitted(page, guest), timeout=2000)
    assert page.find.text() == "" and page.recent.rowCount() == 1


def test_a_burst_into_the_scan_field_without_suffix_is_scanned_after_the_pause(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    guest = people(db, 1)[0]
    assert page.scan_field.hasFocus()
    scanner_types(qtbot, guest.badge_secret, "none")
    qtbot.waitUntil(lambda: admitted(page, guest), timeout=2000)
    assert page.scan_field.text() == ""


def test_a_person_typing_is_never_taken_for_a_scanner(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    guest = people(db, 1)[0]
    for gap in (100, 300):
        focus(qtbot, page.desk)
        page.desk.clear()
        person_types(qtbot, f"Tür {guest.short_code}\n", gap_ms=gap)  # even a code, typed
        qtbot.waitUntil(lambda: page.desk.text() == f"Tür {guest.short_code}", timeout=3000)
    assert page.recent.rowCount() == 0 and page.verdict.kind == "idle"
    focus(qtbot, page.find)
    person_types(qtbot, guest.last_name[:4], gap_ms=100)
    qtbot.waitUntil(lambda: page.find.text() == guest.last_name[:4], timeout=3000)
    qtbot.waitUntil(lambda: page.found.rowCount() > 0, timeout=3000)
    # and the scan field: typed slowly, it waits for Enter; nothing is scanned by a pause
    focus(qtbot, page.scan_field)
    person_types(qtbot, guest.short_code, gap_ms=100)
    qtbot.wait(300)
    assert page.scan_field.text() == guest.short_code and page.recent.rowCount() == 0


def test_a_burst_in_door_mode_is_the_door_windows_own(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    door = DoorModeWindow(db, event_id, "Tür 1", page)
    qtbot.addWidget(door)
    door.show()
    qtbot.waitExposed(door)
    door.activateWindow()
    qtbot.waitUntil(door.isActiveWindow)
    guest = people(db, 1)[0]
    focus(qtbot, door.page.find)
    scanner_types(qtbot, guest.badge_secret, "tab")
    qtbot.waitUntil(lambda: admitted(door.page, guest), timeout=2000)
    assert door.page.find.text() == "" and door.page.find.hasFocus()
    assert page.verdict.kind == "idle"  # the main window's page saw nothing
    door.unlocked = True
    door.close()


def test_a_burst_while_a_dialog_is_open_stays_the_dialogs(qtbot, demo_db):
    from PySide6.QtWidgets import QInputDialog

    from .helpers import when_dialog_opens

    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    guest = people(db, 1)[0]
    typed = []

    def type_into(box: QInputDialog) -> None:
        qtbot.waitUntil(lambda: getattr(QApplication.focusWidget(), "window", lambda: None)()
                        is box)  # fmt: skip
        scanner_types(qtbot, guest.short_code, "none")
        qtbot.wait(200)
        typed.append(box.textValue())
        box.reject()

    when_dialog_opens(qtbot, type_into)
    QInputDialog.getText(page, "PIN", "PIN")
    assert typed == [guest.short_code] and page.recent.rowCount() == 0
