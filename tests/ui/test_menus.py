"""Menus and shortcuts, walked in German and English: no clashing or stray mnemonics, every
page's buttons in the Actions menu with their shortcuts, Ctrl+I on every page, Enter
opening the selected row; the language switched at once; another event opened."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from regdesk.services import events as event_service
from regdesk.services.events import EventInput, create_event, current_event_id
from ui import i18n
from ui.app import Desk
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui.open_event_dialog import OpenEventDialog
from ui.participant_dialog import ParticipantDialog

from .conftest import destroy_windows
from .helpers import show_active, when_dialog_opens

MNEMONIC = re.compile(r"(?<!&)&([^&])")


@pytest.fixture(params=["de", "en"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "de")


def walk(menu: QMenu, path: str, found: list) -> None:
    """Every menu's actions: checks within the menu, then into its sub-menus."""
    letters = Counter()
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text()
        assert text.replace("&", "").strip(), f"{path}: an action without text"
        assert not re.search(r"(?<!&)&(\s|$)", text), f"{path}: stray ampersand in {text!r}"
        match = MNEMONIC.search(text)
        if match:
            letters[match.group(1).lower()] += 1
        found.append((path, text, action))
        if action.menu() is not None:
            walk(action.menu(), f"{path} ▸ {text}", found)
    doubled = [letter for letter, n in letters.items() if n > 1]
    assert not doubled, f"{path}: mnemonic {doubled} used twice"


def test_every_menu_in_both_languages(qtbot, demo_db, language):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "t"))
    bar = window.menuBar()
    tops = Counter(m.group(1).lower() for a in bar.actions() if (m := MNEMONIC.search(a.text())))
    assert max(tops.values()) == 1, tops
    assert len(tops) == len(bar.actions()) - 1  # all but Actions (see MainWindow)
    shortcuts_seen = set()
    for row in range(window.nav.count()):
        window.show_area(row)
        found: list = []
        for top in bar.actions():
            walk(top.menu(), top.text().replace("&", ""), found)
        texts = [text for _, text, _ in found]
        assert all("_" not in t for t in texts)
        # the View menu names the areas as the navigation does ("Listen & Export")
        area = window.nav.item(row).text()
        assert area.replace("&", "&&") in texts
        # each button of the page is in the Actions menu, with its shortcut
        page = window.pages.currentWidget()
        listed = {a for _, _, a in found}
        for action in page.actions():
            if action.property("pageAction") and action.isVisible():  # hidden: not offered
                assert action in listed, (page.objectName(), action.text())
        # no shortcut twice among the window's and the page's actions: an ambiguous one fires never
        actions = {*window.actions(), *(a for _, _, a in found), *page.actions()}
        keys = Counter(k.toString() for a in actions for k in a.shortcuts() if not k.isEmpty())
        assert [k for k, n in keys.items() if n > 1] == [], page.objectName()
        shortcuts_seen |= set(keys)
    assert {"Ctrl+I", "Ctrl+O", "Ctrl+E", "Ctrl+Shift+E", "Ctrl+N"} <= shortcuts_seen
    # the import shows its shortcut in the File menu
    file_menu = bar.actions()[0].menu()
    imports = next(a for a in file_menu.actions() if a.objectName() == "actionImport")
    assert imports.shortcut() == QKeySequence("Ctrl+I")


def test_ctrl_i_imports_from_every_page(qtbot, demo_db):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "t"))
    for row in range(window.nav.count()):
        window.activateWindow()  # back from the last dialog (offscreen does not do it)
        qtbot.waitUntil(window.isActiveWindow)
        window.show_area(row)
        seen = when_dialog_opens(qtbot, lambda d: d.reject(), kind=ImportDialog)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_I,
                       Qt.KeyboardModifier.ControlModifier)  # fmt: skip
        qtbot.waitUntil(lambda s=seen: len(s) == 1, timeout=5000)  # open(), not exec()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_enter_opens_the_selected_participant(qtbot, demo_db):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "t"))
    window.show_area(1)
    page = window.participants
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(2, 0))
    expected = page.current_id()
    opened = []
    seen = when_dialog_opens(
        qtbot, lambda d: opened.append(d.participant_id) or d.reject(), kind=ParticipantDialog
    )
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(seen) == 1 and opened == [expected]


def test_language_switches_at_once_and_keeps_the_area(qtbot, demo_db, qapp):
    db, event_id = demo_db
    i18n.install(qapp, "de")
    desk = Desk(db, "t", hosted=False)
    try:
        desk._show(MainWindow(db, event_id, "t"))
        old = desk.window
        old.show_area(2)
        assert old.menuBar().actions()[0].text() == "&Datei"
        qtbot.waitExposed(old)
        old.findChild(type(old.menuBar().actions()[0]), "language_en").trigger()
        window = desk.window
        assert window is not old
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.nav.item(1).text() == "Participants" and window.current_area() == 2
        window.findChild(type(window.menuBar().actions()[0]), "language_de").trigger()
        assert desk.window.nav.item(1).text() == "Teilnehmende"
    finally:
        i18n.install(qapp, "de")
        i18n.save_language("de")
        destroy_windows()


def test_open_another_event_of_the_database(qtbot, demo_db):
    db, event_id = demo_db
    with db.session() as session:
        other = create_event(
            session, EventInput("Fachtag Kommunale Wärmeplanung", "12.03.2026", "13.03.2026"),
            actor="t",
        ).id  # fmt: skip
        session.get(event_service.Event, other).opened_at = None  # as before 0015
        session.get(event_service.Event, event_id).opened_at = None
    desk = Desk(db, "t", hosted=False)
    try:
        desk._show(MainWindow(db, event_id, "t"))
        window = desk.window

        def choose(dialog: OpenEventDialog) -> None:
            names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
            assert names[0] == "Fachtag Kommunale Wärmeplanung"  # never opened: newest first
            assert dialog.model.index(0, 1).data() == "12.03.2026 – 13.03.2026"
            assert QApplication.focusWidget() is dialog.view
            dialog.view.selectRow(0)
            qtbot.keyClick(dialog.view, Qt.Key.Key_Return)

        seen = when_dialog_opens(qtbot, choose, kind=OpenEventDialog)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        assert len(seen) == 1, seen
        assert desk.window is not window and desk.window.event_id == other
        assert "Wärmeplanung" in desk.window.windowTitle()
        with db.session(write=False) as session:  # the CLI's default is the GUI's choice
            assert current_event_id(session) == other
        # the first event again: now it is the default, and first in the list
        seen = when_dialog_opens(
            qtbot,
            lambda d: (d.view.selectRow(1), d._open()),
            kind=OpenEventDialog,
        )
        desk.window.open_event()
        assert desk.window.event_id == event_id
        with db.session(write=False) as session:
            assert current_event_id(session) == event_id
            assert event_service.event_choices(session)[0].id == event_id
    finally:
        destroy_windows()
