"""Every dialog sized to its content, in German and English: opened as the app opens it,
then each visible label, button, check box, tab and placeholder measured against what its
text needs, and the window wide enough for its title."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from sqlalchemy import select

from regdesk.models import Participant
from regdesk.models.participant import GroupMember
from regdesk.services import checkin
from ui import i18n
from ui.allocation_dialog import AllocationDialog
from ui.anonymise_dialog import AnonymiseDialog
from ui.connect_dialog import ConnectDialog
from ui.enrol_dialog import EnrolDialog
from ui.event_dialog import EventDialog
from ui.fit import title_width
from ui.group_admit_dialog import GroupAdmitDialog
from ui.host_dialog import HostDialog
from ui.import_dialog import ImportDialog
from ui.mail_dialog import MailDialog
from ui.main_window import MainWindow
from ui.open_event_dialog import OpenEventDialog
from ui.override_dialog import OverrideDialog
from ui.participant_dialog import ParticipantDialog
from ui.programme_dialogs import ChooseItemDialog, ItemDialog, SlotDialog
from ui.retention_dialog import RetentionDialog
from ui.walk_in_dialog import WalkInDialog
from ui.welcome_dialog import WelcomeDialog

from .helpers import show_active


def cut_parts(dialog: QDialog) -> list[str]:
    """What of the dialog's text does not fit where it is drawn."""
    found = []
    if dialog.width() < title_width(dialog):
        found.append(f"window {dialog.width()} px for the title {dialog.windowTitle()!r}")
    for w in dialog.findChildren(QWidget):
        if not w.isVisibleTo(dialog) or w.width() <= 0:
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                if w.height() < w.heightForWidth(w.width()):
                    found.append(f"label {name} {w.text()[:40]!r}: {w.height()} px high")
            elif w.width() < w.minimumSizeHint().width():
                found.append(f"label {name} {w.text()[:40]!r}: {w.width()} px wide")
        elif isinstance(w, QAbstractButton) and w.text():
            if w.width() < w.minimumSizeHint().width():
                found.append(f"button {name} {w.text()!r}: {w.width()} px wide")
        elif isinstance(w, QLineEdit) and w.placeholderText() and not w.text():
            room = w.contentsRect().width() - 8  # the frame's and text margins
            if w.fontMetrics().horizontalAdvance(w.placeholderText()) > room:
                found.append(f"placeholder of {name} {w.placeholderText()!r}: {room} px")
        elif isinstance(w, QComboBox) and not w.isEditable() and w.currentText():
            if w.width() < w.minimumSizeHint().width():
                found.append(f"combo {name} {w.currentText()!r}: {w.width()} px wide")
        elif isinstance(w, QGroupBox) and w.title():
            if w.width() < w.fontMetrics().horizontalAdvance(w.title()) + 16:
                found.append(f"group {name} {w.title()!r}: {w.width()} px wide")
        elif isinstance(w, QTabBar) and not w.usesScrollButtons():
            for i in range(w.count()):
                if w.tabRect(i).width() < w.fontMetrics().horizontalAdvance(w.tabText(i)):
                    found.append(f"tab {w.tabText(i)!r}: {w.tabRect(i).width()} px")
    return found


def scanned(db, event_id, window) -> checkin.ScanResult:
    """A real verdict that may be overridden: a badge scanned twice, no re-entry."""
    page = window.checkin
    with db.session() as session:
        code = session.scalars(
            select(Participant.badge_secret).where(Participant.event_id == event_id)
        ).first()
        context = checkin.ScanContext(day_id=page.scan_context().day_id, allow_reentry=False)
        checkin.scan(session, event_id, code, desk="t", context=context)
        result = checkin.scan(session, event_id, code, desk="t", context=context)
    assert result.overridable
    return result


def group_members(db, event_id, window):
    with db.session(write=False) as session:
        group_id = session.scalars(select(GroupMember.group_id)).first()
        return checkin.group_at_door(session, event_id, group_id, window.checkin.scan_context())


Factory = Callable[..., QDialog]
DIALOGS: dict[str, Factory] = {
    "welcome": lambda db, e, w: WelcomeDialog(db, "t", w),
    "new event": lambda db, e, w: EventDialog(db, "t", None, w),
    "event settings": lambda db, e, w: EventDialog(db, "t", e, w),
    "open event": lambda db, e, w: OpenEventDialog(db, e, w),
    "new participant": lambda db, e, w: ParticipantDialog(db, "t", e, None, w),
    "participant": lambda db, e, w: ParticipantDialog(db, "t", e, w.participants.current_id(), w),
    "walk-in": lambda db, e, w: WalkInDialog(db, "t", e, w),
    "import": lambda db, e, w: ImportDialog(db, "t", e, w),
    "new slot": lambda db, e, w: SlotDialog(db, "t", e, None, w),
    "slot": lambda db, e, w: SlotDialog(db, "t", e, w.programme.current_slot(), w),
    "new item": lambda db, e, w: ItemDialog(db, "t", e, None, parent=w),
    "item": lambda db, e, w: ItemDialog(db, "t", e, w.programme.current_item(), parent=w),
    "choose item": lambda db, e, w: ChooseItemDialog(
        [("W1 · Nachhaltige Beschaffung", 1), ("W2 · Digitale Verwaltung", 2)],
        "Platz verlegen",
        "Wohin soll der Platz verlegt werden?",
        w,
    ),
    "enrol": lambda db, e, w: EnrolDialog(db, e, "Anmelden: „W1“", w),
    "allocation": lambda db, e, w: AllocationDialog(db, "t", e, w),
    "mail": lambda db, e, w: MailDialog(db, e, "t", parent=w),
    "override": lambda db, e, w: OverrideDialog(scanned(db, e, w), "Schon benutzt", None, w),
    "override with PIN": lambda db, e, w: OverrideDialog(
        scanned(db, e, w), "Schon benutzt", lambda pin: False, w
    ),
    "group": lambda db, e, w: GroupAdmitDialog("Gruppe", group_members(db, e, w), w),
    "retention": lambda db, e, w: RetentionDialog(db, e, "t", w),
    "anonymise": lambda db, e, w: AnonymiseDialog(db, e, "t", parent=w),
    "connect": lambda db, e, w: ConnectDialog(w),
    "host": lambda db, e, w: HostDialog(db, w),
}


@pytest.fixture(params=["de", "en"])
def language(request, qapp: QApplication):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "de")


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_no_dialog_cuts_its_text(qtbot, demo_db, language, kind):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "t"))
    window.programme.tree.setCurrentIndex(window.programme.tree.model().index(0, 0))
    first = window.programme.tree.model().index(0, 0)
    window.programme.tree.setCurrentIndex(window.programme.tree.model().index(0, 0, first))
    dialog = DIALOGS[kind](db, event_id, window)
    try:
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        assert cut_parts(dialog) == [], kind
    finally:
        dialog.done(QDialog.DialogCode.Rejected)
        dialog.deleteLater()
