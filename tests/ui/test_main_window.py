"""The main window: event header, areas, keyboard navigation, editing the event."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from regdesk.services.audit import history
from regdesk.services.events import get_event
from ui.event_dialog import EventDialog
from ui.event_models import CategoriesModel, DaysModel
from ui.main_window import MainWindow

from .helpers import show_active, when_dialog_opens


def make_window(qtbot, db, event_id) -> MainWindow:
    return show_active(qtbot, MainWindow(db, event_id, "test-desk"))


def test_window_shows_event_database_and_german_areas(qtbot, demo_db):
    db, event_id = demo_db
    window = make_window(qtbot, db, event_id)
    assert window.windowTitle() == "16. Regionalkonferenz Modellprojekte Smart Cities – regdesk"
    assert "05.09.2024" in window.header.text()
    assert str(db.info.path) in window.database_label.text()
    assert window.database_label.text().startswith("Lokale Datei:")
    areas = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert areas == [
        "Übersicht",
        "Teilnehmende",
        "Programm",
        "Badges",
        "Check-in",
        "Listen & Export",
    ]


def test_overview_counts_come_from_the_database(qtbot, demo_db):
    db, event_id = demo_db
    window = make_window(qtbot, db, event_id)
    page = window.overview
    qtbot.waitUntil(lambda: page.snapshot is not None and not page.busy())
    with db.session(write=False) as session:
        event = get_event(session, event_id)
    registered = sum(c.participant_count for c in event.categories)
    assert (
        int(page.tiles["registered"].value.text()) + int(page.tiles["cancelled"].value.text())
        == registered
        == 120
    )
    assert page.counts_model.rowCount() == len(event.categories)
    assert page.outline_model.rowCount() == 5
    outline = page.findChild(QTableView, "programmeOutline")
    assert outline.model().index(1, 3).data() == "4 (W1, W2, W3, B1)"
    assert "1 Tag" in page.details.text()


def test_areas_switch_by_keyboard(qtbot, demo_db):
    db, event_id = demo_db
    window = make_window(qtbot, db, event_id)
    for number, name in ((3, "programmePage"), (5, "checkinPage"), (1, "overviewPage")):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.pages.currentWidget().objectName() == name
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.pages.currentWidget().objectName() == "participantsPage"
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.pages.currentWidget().objectName() == "programmePage"
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.pages.currentWidget().objectName() == "badgesPage"
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.pages.currentWidget().objectName() == "checkinPage"
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.pages.currentWidget().objectName() == "exportPage"


def test_edit_event_from_the_menu(qtbot, demo_db):
    db, event_id = demo_db
    window = make_window(qtbot, db, event_id)

    def edit(dialog: EventDialog) -> None:
        dialog.fields["name"].clear()
        qtbot.keyClicks(dialog.fields["name"], "Regionalkonferenz Bad Belzig")
        dialog.fields["last_day"].setDate(QDate(2024, 9, 6))
        dialog.tabs.setCurrentIndex(1)
        days = dialog.days_model
        assert days.rowCount() == 2
        days.setData(days.index(1, DaysModel.LABEL), "Exkursionstag")
        dialog.tabs.setCurrentIndex(2)
        cats = dialog.categories_model
        cats.setData(cats.index(3, CategoriesModel.LABEL), "Medien")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    seen = when_dialog_opens(qtbot, edit)
    window.findChild(type(window.menuBar().actions()[0]), "actionEventSettings").trigger()
    assert len(seen) == 1, seen
    with db.session(write=False) as session:
        event = get_event(session, event_id)
        audit = history(session, "event", event_id)
    assert event.name == "Regionalkonferenz Bad Belzig"
    assert [d.date for d in event.days] == [date(2024, 9, 5), date(2024, 9, 6)]
    assert event.days[1].label == "Exkursionstag"
    assert event.categories[3].badge_label == "Medien"
    assert audit[-1].actor == "test-desk"
    assert audit[-1].after["name"] == "Regionalkonferenz Bad Belzig"
    assert window.windowTitle().startswith("Regionalkonferenz Bad Belzig")
    qtbot.waitUntil(lambda: window.overview.title.text() == "Regionalkonferenz Bad Belzig")
    assert "2 Tage" in window.overview.details.text()


def test_invalid_input_is_shown_inline_and_changes_nothing(qtbot, demo_db):
    db, event_id = demo_db
    dialog = EventDialog(db, "test", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["name"].setText("   ")
    dialog.fields["contact"].setText("x" * 301)
    dialog.save()
    assert dialog.isVisible() and not dialog.result()
    assert dialog.errors["name"].isVisible()
    assert dialog.errors["name"].text() == "Dieses Feld ist ein Pflichtfeld."
    assert dialog.errors["contact"].text() == "Höchstens 300 Zeichen sind erlaubt."
    assert not dialog.errors["subtitle"].isVisible()
    assert dialog.banner.isVisible()
    with db.session(write=False) as session:
        assert get_event(session, event_id).name.startswith("16. Regionalkonferenz")
    dialog.done(EventDialog.DialogCode.Rejected)  # leave without the discard question


def test_a_category_in_use_is_removed_only_by_moving_its_participants(qtbot, demo_db):
    from PySide6.QtWidgets import QInputDialog

    db, event_id = demo_db
    dialog = EventDialog(db, "test", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    cats = dialog.categories_model
    dialog.categories_view.setCurrentIndex(cats.index(3, 0))  # Presse, in use
    count = cats.rowCount()
    seen = when_dialog_opens(qtbot, lambda box: box.reject())  # the user cancels
    dialog._remove_category()
    assert isinstance(seen[0], QInputDialog) and cats.rowCount() == count
    assert "Presse" in dialog.banner.text() and "zuerst" in dialog.banner.text()

    def choose_organisation(box: QInputDialog) -> None:
        assert "Presse" in box.labelText()
        box.setTextValue("Organisation")
        box.accept()

    with db.session(write=False) as session:
        press = get_event(session, event_id).categories[3]
    seen = when_dialog_opens(qtbot, choose_organisation)
    dialog._remove_category()
    assert len(seen) == 1 and cats.rowCount() == count - 1
    dialog.save()
    assert dialog.result() == EventDialog.DialogCode.Accepted
    with db.session(write=False) as session:
        event = get_event(session, event_id)
    names = [c.name for c in event.categories]
    assert "Presse" not in names
    organisation = next(c for c in event.categories if c.name == "Organisation")
    assert organisation.participant_count >= press.participant_count > 0


def test_invalid_category_is_marked_in_the_table(qtbot, demo_db):
    db, event_id = demo_db
    dialog = EventDialog(db, "test", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    cats = dialog.categories_model
    row = cats.add("Presse")  # the name exists already
    cats.setData(cats.index(row, CategoriesModel.COLOUR), "blau")
    dialog.save()
    assert dialog.tabs.currentIndex() == 2
    assert "doppelt" in cats.index(row, CategoriesModel.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "#RRGGBB" in cats.index(row, CategoriesModel.COLOUR).data(Qt.ItemDataRole.ToolTipRole)
    with db.session(write=False) as session:
        assert len(get_event(session, event_id).categories) == 6
    dialog.done(EventDialog.DialogCode.Rejected)


def test_category_changes_by_keyboard_buttons(qtbot, demo_db):
    """Alt+mnemonics reach the buttons (which click with a short animation)."""
    db, event_id = demo_db
    dialog = show_active(qtbot, EventDialog(db, "test", event_id))
    cats = dialog.categories_model
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # &Kategorien tab
    assert dialog.tabs.currentIndex() == 2
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # &Hinzufügen
    qtbot.waitUntil(lambda: cats.rowCount() == 7)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the new row's name opened for editing
    editor.selectAll()
    qtbot.keyClicks(editor, "VIP")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Nach &oben
    qtbot.waitUntil(lambda: cats.rows[5].name == "VIP")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Speichern
    qtbot.waitUntil(lambda: dialog.result() == EventDialog.DialogCode.Accepted)
    with db.session(write=False) as session:
        names = [c.name for c in get_event(session, event_id).categories]
    assert names[5] == "VIP" and names[6] == "Start Smart"


def test_every_widget_that_takes_input_has_an_accessible_name(qtbot, demo_db):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    db, event_id = demo_db
    window = make_window(qtbot, db, event_id)
    dialog = EventDialog(db, "test", event_id, window)
    qtbot.addWidget(dialog)
    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )
    missing = []
    for root in (window, dialog):
        for widget in root.findChildren(QWidget):
            if not isinstance(widget, kinds):
                continue
            if widget.parent() and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the inner editor of a combo box or spin box
            if type(widget).__name__ in ("QTabBar", "QToolButton", "QHeaderView"):
                continue
            if widget.objectName().startswith("qt_") or widget.window().windowType() in (
                Qt.WindowType.Popup,
                Qt.WindowType.ToolTip,
            ):
                continue  # Qt's own parts: table corner buttons, combo box popups
            name = widget.accessibleName() or (
                widget.text().replace("&", "") if isinstance(widget, QAbstractButton) else ""
            )
            if not name:
                missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    assert missing == [], missing


def test_cancel_with_changes_asks_before_discarding(qtbot, demo_db):
    from PySide6.QtWidgets import QMessageBox

    db, event_id = demo_db
    dialog = show_active(qtbot, EventDialog(db, "test", event_id))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not dialog.isVisible()

    dialog = show_active(qtbot, EventDialog(db, "test", event_id))
    dialog.fields["venue_name"].setText("Neuer Ort")

    def answer(text):
        def press(box: QMessageBox) -> None:
            assert box.objectName() == "discardChangesBox"
            button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
            button.click()

        return press

    seen = when_dialog_opens(qtbot, answer("Weiter bearbeiten"))
    qtbot.keyClick(dialog.fields["venue_name"], Qt.Key.Key_Escape)
    assert len(seen) == 1 and dialog.isVisible()
    seen = when_dialog_opens(qtbot, answer("Änderungen verwerfen"))
    dialog.reject()
    assert len(seen) == 1 and not dialog.isVisible()
    with db.session(write=False) as session:
        assert get_event(session, event_id).venue_name == "Kulturzentrum Bad Belzig"


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_area_fits_a_1280_by_800_screen(qtbot, demo_db, qapp, language):
    """A laptop at the registration desk: no area may force the window wider (one more
    button on a row once pushed it to 1,400 pixels)."""
    from ui import i18n

    i18n.install(qapp, language)
    db, event_id = demo_db
    window = MainWindow(db, event_id, "t")
    qtbot.addWidget(window)
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 800
