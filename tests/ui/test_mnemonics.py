"""Keyboard operation: on every page that shows at once, each Alt+letter does one thing."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QTabBar, QWidget

from regdesk.services.participants import DuplicateCandidate
from ui import i18n
from ui.event_dialog import EventDialog
from ui.main_window import MainWindow
from ui.participant_dialog import ParticipantDialog
from ui.walk_in_dialog import WalkInDialog

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonics(window: QWidget) -> Counter:
    letters: Counter = Counter()

    def add(text: str, where: str) -> None:
        match = MNEMONIC.search(text)
        if match:
            letters[(match.group(1).lower())] += 1
            letters[(match.group(1).lower(), where)] += 0  # keep the text for the message

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            add(widget.text(), widget.text())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i), widget.tabText(i))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text(), action.text())
    return letters


def clashes(window: QWidget) -> list:
    letters = mnemonics(window)
    doubled = {k for k, n in letters.items() if isinstance(k, str) and n > 1}
    return sorted(k for k in letters if isinstance(k, tuple) and k[0] in doubled)


@pytest.fixture(params=["de", "en"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    return request.param


def duplicate():
    return [DuplicateCandidate(1, "Anna", "Müller", "Stadt Ulm", "", "registered", "name")]


def test_participant_dialog(qtbot, demo_db, language):
    db, event_id = demo_db
    dialog = ParticipantDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.duplicates.show_candidates(duplicate())
    assert clashes(dialog) == []


def test_walk_in_dialog(qtbot, demo_db, language):
    db, event_id = demo_db
    dialog = WalkInDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.duplicates.show_candidates(duplicate())
    assert clashes(dialog) == []


def test_event_dialog_pages(qtbot, demo_db, language):
    db, event_id = demo_db
    dialog = EventDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert clashes(dialog) == [], f"tab {tab}"


def test_main_window_areas(qtbot, demo_db, language):
    db, event_id = demo_db
    window = MainWindow(db, event_id, "t")
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert clashes(window) == [], window.pages.currentWidget().objectName()


def test_programme_dialogs(qtbot, demo_db, language):
    from ui.allocation_dialog import AllocationDialog
    from ui.enrol_dialog import EnrolDialog
    from ui.group_admit_dialog import GroupAdmitDialog
    from ui.programme_dialogs import ChooseItemDialog, ItemDialog, SlotDialog

    db, event_id = demo_db
    for dialog in (
        SlotDialog(db, "t", event_id, None),
        ItemDialog(db, "t", event_id, None),
        EnrolDialog(db, event_id, "t"),
        GroupAdmitDialog("Delegation Ulm", []),
        ChooseItemDialog([("W1", 1)], "t", "Move the selected people &to:"),
        AllocationDialog(db, "t", event_id),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, AllocationDialog):
            qtbot.waitUntil(lambda d=dialog: d.worker is None, timeout=10000)
        assert clashes(dialog) == [], dialog.objectName()


def test_check_in_with_every_verdict_button_and_the_door_dialogs(qtbot, demo_db, language):
    from regdesk.services.checkin import ScanContext
    from ui.override_dialog import OverrideDialog
    from ui.walk_in_dialog import Admission

    db, event_id = demo_db
    window = MainWindow(db, event_id, "t")
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(4)
    page = window.checkin
    page.verdict.override_button.show()  # both may show at once (waiting, place free)
    page.verdict.place_button.show()
    assert clashes(window) == []
    admission = Admission("Einlass", lambda: ScanContext(day_id=1), lambda: "t", print)
    walk_in = WalkInDialog(db, "t", event_id, admission=admission)
    qtbot.addWidget(walk_in)
    walk_in.show()
    assert walk_in.admit_now.isVisible() and clashes(walk_in) == []
    result = type("R", (), {"person": None})()
    override = OverrideDialog(result, "x", lambda pin: True)
    qtbot.addWidget(override)
    override.show()
    assert clashes(override) == []


def test_audit_log_dialog(qtbot, demo_db, language):
    from ui.audit_dialog import AuditDialog

    db, event_id = demo_db
    dialog = AuditDialog(db, event_id, "t")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.work.show()  # its cancel button counts too
    assert clashes(dialog) == []
