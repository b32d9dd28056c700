"""The first hour in the app, typed as a user types: focus in the first field, Return that
names what is missing, dates and times read as typed, a moved first day that keeps the
event's length -- in German and English."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from regdesk.services import events as event_service
from regdesk.services import programme as svc
from ui import i18n
from ui.event_dialog import EventDialog
from ui.programme_dialogs import SlotDialog

from .helpers import show_active

REQUIRED = {"de": "Dieses Feld ist ein Pflichtfeld.", "en": "This field is required."}


@pytest.fixture(params=["de", "en"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "de")


def retype(qtbot, widget, text: str) -> None:
    """Select all, type, as a user does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_new_event_return_names_what_is_missing_then_saves(qtbot, empty_db, language):
    dialog = show_active(qtbot, EventDialog(empty_db, "desk"))
    name = dialog.fields["name"]
    assert QApplication.focusWidget() is name  # not the tab bar
    qtbot.keyClicks(QApplication.focusWidget(), "Fachtag Waermewende")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # nothing saved, no date guessed: the first day is asked for
    assert dialog.isVisible() and dialog.event_id is None
    assert dialog.errors["first_day"].text() == REQUIRED[language]
    first = dialog.fields["first_day"]
    assert QApplication.focusWidget() is first.edit
    qtbot.keyClicks(first.edit, "5.9.24")
    qtbot.keyClick(first.edit, Qt.Key.Key_Return)
    assert first.text() == "05.09.2024"
    assert dialog.fields["last_day"].date() == date(2024, 9, 5)  # a new event: one day
    assert not dialog.isVisible() and dialog.event_id is not None
    with empty_db.session(write=False) as session:
        event = event_service.get_event(session, dialog.event_id)
    assert (event.name, event.first_day, event.last_day) == (
        "Fachtag Waermewende",
        date(2024, 9, 5),
        date(2024, 9, 5),
    )


def test_dates_take_what_is_typed_and_keep_the_events_length(qtbot, demo_db, language):
    db, event_id = demo_db
    with db.session(write=False) as session:
        before = event_service.get_event(session, event_id)
    length = (before.last_day - before.first_day).days
    dialog = show_active(qtbot, EventDialog(db, "desk", event_id))
    first, last = dialog.fields["first_day"], dialog.fields["last_day"]
    assert before.first_day != date(2024, 10, 15)
    retype(qtbot, first.edit, "15.10.2024")
    qtbot.keyClick(first.edit, Qt.Key.Key_Tab)
    assert first.date() == date(2024, 10, 15)  # not 01.10.2024
    assert (last.date() - first.date()).days == length
    assert dialog.range_note.isVisible() and last.text() in dialog.range_note.text()
    # the last day before the first: said at once, and the save refuses it
    retype(qtbot, last.edit, "1.10.2024")
    qtbot.keyClick(last.edit, Qt.Key.Key_Tab)
    assert dialog.errors["last_day"].isVisible()
    assert last.date() == date(2024, 10, 1)  # kept as typed, not corrected silently
    dialog.save()
    assert dialog.isVisible()
    # no date at all stays as typed, marked, and is named on saving
    retype(qtbot, last.edit, "31.02.2024")
    qtbot.keyClick(last.edit, Qt.Key.Key_Tab)
    assert last.text() == "31.02.2024" and last.date() is None
    dialog.save()
    assert dialog.isVisible() and "31.02.2024" in dialog.errors["last_day"].text()
    with db.session(write=False) as session:
        assert event_service.get_event(session, event_id).first_day == before.first_day
    dialog.done(0)


def test_the_calendar_pop_up_picks_a_date(qtbot, demo_db, language):
    db, event_id = demo_db
    dialog = show_active(qtbot, EventDialog(db, "desk", event_id))
    first = dialog.fields["first_day"]
    first.edit.setFocus()
    qtbot.keyClick(first.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: first.popup.isVisible())
    picked = first.calendar.selectedDate().addDays(1)
    first.calendar.setSelectedDate(picked)
    first.calendar.activated.emit(picked)
    assert first.date() == picked.toPython() and not first.popup.isVisible()
    dialog.done(0)


def test_slot_times_as_typed_and_required(qtbot, demo_db, language):
    db, event_id = demo_db
    dialog = show_active(qtbot, SlotDialog(db, "t", event_id, None))
    assert QApplication.focusWidget() is dialog.fields["day_id"]
    assert dialog.minimumSizeHint().width() <= dialog.width()
    start, end = dialog.fields["starts_at"], dialog.fields["ends_at"]
    qtbot.keyClicks(start, "930")
    qtbot.keyClick(start, Qt.Key.Key_Return)  # the end is missing: named, focused
    assert start.text() == "09:30" and dialog.isVisible()
    assert dialog.form.errors["ends_at"].text() == REQUIRED[language]
    assert QApplication.focusWidget() is end
    qtbot.keyClicks(end, "11.15")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    slot = dialog.result_value
    assert (slot.starts_at, slot.ends_at) == (time(9, 30), time(11, 15))
    with db.session(write=False) as session:
        assert svc.get_slot(session, slot.id).ends_at == time(11, 15)
