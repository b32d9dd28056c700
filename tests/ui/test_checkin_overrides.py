"""At the door, off the happy path: a wrong-day guest sees the days booked; "admit anyway"
takes a reason (in door mode the organiser PIN as well) and shows in the last scans;
an open item's door admits a guest who never enrolled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from regdesk.db import Database, open_database
from regdesk.models import Participant, Scan
from regdesk.services import door, programme
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event
from ui.main_window import MainWindow
from ui.override_dialog import OverrideDialog

from .conftest import destroy_windows
from .helpers import show_active, when_dialog_opens


@pytest.fixture
def congress(tmp_path) -> Iterator[tuple[Database, int, dict]]:
    db = open_database(str(tmp_path / "congress.sqlite3"))
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Bundeskongress", first_day="17.09.2019", last_day="19.09.2019"),
            actor="t",
        )
        days = [d.id for d in event.days]
        ben = people.register(
            session, event.id, people.ParticipantInput("Ben", "Schulz"), actor="t"
        ).id
        people.set_days(session, ben, days[:2], actor="t")
        anna = people.register(
            session, event.id, people.ParticipantInput("Anna", "Müller"), actor="t"
        ).id
        slot = programme.create_slot(
            session, event.id, programme.SlotInput(days[2], "18:00", "21:00"), actor="t"
        )
        g1 = programme.create_item(
            session, programme.ItemInput(slot.id, "Get-together", code="G1"), actor="t"
        ).id
        door.set_pin(session, event.id, "246813", actor="t")
        code = session.get(Participant, ben).badge_secret
        anna_code = session.get(Participant, anna).short_code
    try:
        yield db, event.id, {"days": days, "code": code, "anna": anna_code, "g1": g1}
    finally:
        destroy_windows()
        db.close()


def open_checkin(qtbot, db, event_id, context: str):
    window = show_active(qtbot, MainWindow(db, event_id, "Tür 1"))
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.checkin
    page.context.setCurrentIndex(page.context.findData(context))
    qtbot.waitUntil(lambda: page.scan_field.hasFocus())
    return page


def scan_by_hand(qtbot, page, code):
    qtbot.keyClicks(page.scan_field, code)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)


def test_wrong_day_names_the_days_and_admit_anyway_needs_a_reason(qtbot, congress):
    db, event_id, f = congress
    page = open_checkin(qtbot, db, event_id, f"day:{f['days'][2]}")
    scan_by_hand(qtbot, page, f["code"])
    panel = page.verdict
    assert panel.kind == "warn" and panel.words.text() == "Für heute nicht angemeldet"
    assert "Angemeldet für: Di. 17.09.2019, Mi. 18.09.2019" in panel.notes.text()
    assert panel.override_button.isVisible()
    answers = []

    def empty_then_reason(dialog: OverrideDialog) -> None:
        assert "Ben Schulz" in dialog.findChild(type(dialog.problem), "overrideSummary").text()
        dialog.accept()  # no reason yet: refused, says why
        answers.append(dialog.problem.text())
        dialog.reason.setEditText("Tagesticket mit Kollegin getauscht")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    seen = when_dialog_opens(qtbot, empty_then_reason)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F9)
    assert len(seen) == 1 and answers == ["Bitte einen Grund angeben."]
    assert panel.kind == "ok" and panel.words.text() == "Willkommen – eingelassen"
    assert "Trotzdem eingelassen: Tagesticket mit Kollegin getauscht" in panel.notes.text()
    assert not panel.override_button.isVisible()
    qtbot.waitUntil(lambda: page.recent.rowCount() == 2)
    top = page.recent.index(0, 1).data()
    assert top == "✔ Willkommen – eingelassen (trotzdem: Tagesticket mit Kollegin getauscht)"
    with db.session(write=False) as session:
        reasons = session.scalars(select(Scan.override_reason).order_by(Scan.id)).all()
    assert reasons == ["", "Tagesticket mit Kollegin getauscht"]


def test_a_cancelled_dialog_admits_nobody(qtbot, congress):
    db, event_id, f = congress
    page = open_checkin(qtbot, db, event_id, f"day:{f['days'][2]}")
    scan_by_hand(qtbot, page, f["code"])
    seen = when_dialog_opens(qtbot, lambda d: d.reject())
    page.verdict.override_button.click()
    assert len(seen) == 1 and page.verdict.kind == "warn"
    with db.session(write=False) as session:
        assert session.scalar(select(Scan.id).where(Scan.verdict == "admitted")) is None


def test_in_door_mode_admit_anyway_needs_the_organiser_pin(qtbot, congress):
    from ui.door_mode import DoorModeWindow

    db, event_id, f = congress
    page = open_checkin(qtbot, db, event_id, f"day:{f['days'][2]}")
    door_window = DoorModeWindow(db, event_id, "Tür 1", page)
    qtbot.addWidget(door_window)
    show_active(qtbot, door_window)
    door_page = door_window.page
    qtbot.waitUntil(door_page.scan_field.hasFocus)
    scan_by_hand(qtbot, door_page, f["code"])
    assert door_page.verdict.kind == "warn"
    problems = []

    def wrong_then_right(dialog: OverrideDialog) -> None:
        assert dialog.pin.isVisible()
        dialog.reason.setCurrentIndex(1)  # "the organiser agreed"
        dialog.pin.setText("1111")
        dialog.accept()
        problems.append(dialog.problem.text())
        dialog.pin.setText("246813")
        dialog.accept()

    seen = when_dialog_opens(qtbot, wrong_then_right)
    qtbot.keyClick(door_page.scan_field, Qt.Key.Key_F9)
    assert len(seen) == 1 and problems == ["Falsche PIN."]
    assert door_page.verdict.kind == "ok"
    assert "Die Veranstaltungsleitung hat zugestimmt" in door_page.verdict.notes.text()
    door_window.unlocked = True
    door_window.close()


def test_an_open_items_door_admits_a_guest_who_never_enrolled(qtbot, congress):
    db, event_id, f = congress
    page = open_checkin(qtbot, db, event_id, f"item:{f['g1']}")
    scan_by_hand(qtbot, page, f["anna"])  # enrolled nowhere, registered for every day
    assert page.verdict.kind == "ok"
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Im Raum: 1 von offen"))


def test_a_waiting_guest_takes_the_free_place_at_the_door(qtbot, congress):
    from sqlalchemy import update

    from regdesk.models import ProgrammeItem

    db, event_id, f = congress
    with db.session() as session:
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(f["days"][0], "10:00", "11:30"), actor="t"
        )
        w1 = programme.create_item(
            session, programme.ItemInput(slot.id, "Bodenpolitik", code="W1", capacity=1),
            actor="t",
        ).id  # fmt: skip
        first = people.register(
            session, event_id, people.ParticipantInput("Jan", "Nowak"), actor="t"
        ).id
        ben = session.scalar(select(Participant.id).where(Participant.last_name == "Schulz"))
        programme.enrol(session, w1, first, actor="t")
        programme.enrol(session, w1, ben, actor="t")  # waiting
        session.execute(update(ProgrammeItem).where(ProgrammeItem.id == w1).values(capacity=2))
    page = open_checkin(qtbot, db, event_id, f"item:{w1}")
    scan_by_hand(qtbot, page, f["code"])
    panel = page.verdict
    assert panel.words.text() == "Nicht für diesen Programmpunkt angemeldet"
    assert "Nur auf der Warteliste" in panel.notes.text() and "1 Platz frei" in panel.notes.text()
    assert panel.place_button.isVisible()
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F10)
    assert panel.kind == "ok" and "Ben Schulz" in panel.name.text()
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Im Raum: 1 von 2"))
    with db.session(write=False) as session:
        assert programme.item_lists(session, w1)[1] == []  # nobody waiting any more


def test_the_verdicts_offers_are_in_the_actions_menu_while_shown(qtbot, congress):
    """F9 and F10 are in the window's Aktionen menu with their keys, only while the
    verdict offers them; choosing the menu entry does what the button does."""
    db, event_id, f = congress
    page = open_checkin(qtbot, db, event_id, f"day:{f['days'][2]}")
    window = page.window()
    menu = window.actions_menu

    def offered() -> dict[str, str]:
        menu.aboutToShow.emit()
        return {
            a.text(): a.shortcut().toString()
            for a in menu.actions()
            if a.isVisible() and not a.isSeparator()
        }

    assert "Trotzdem einlassen …" not in offered()
    assert offered()["Ganze Gruppe einlassen …"] == "F11"
    scan_by_hand(qtbot, page, f["code"])
    assert page.verdict.override_button.isVisible()
    assert offered()["Trotzdem einlassen …"] == "F9"
    assert "Freien Platz geben" not in offered()  # a day door has no places to give
    seen = when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    window.findChild(type(menu.actions()[0]), "overrideAction").trigger()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert isinstance(seen[0], OverrideDialog)
    page.verdict.clear()
    assert "Trotzdem einlassen …" not in offered()
