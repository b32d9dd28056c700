"""Days per person in the participant form (and the detail pane); the walk-in form at the
door registers and admits at once -- or, where the desk turned that off, only registers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from regdesk.models import Participant
from regdesk.services import participants as people
from ui.participant_dialog import ParticipantDialog
from ui.walk_in_dialog import WalkInDialog

from . import test_checkin_overrides
from .helpers import type_text, when_dialog_opens
from .test_checkin_overrides import open_checkin

congress = test_checkin_overrides.congress  # three days; Ben comes on days 1 and 2


def test_walk_in_at_the_entry_is_admitted_at_once_unless_the_desk_says_no(qtbot, congress):
    db, event_id, f = congress
    page = open_checkin(qtbot, db, event_id, f"day:{f['days'][1]}")
    seen_admit = []

    def register(first, last, admit):
        def fill(dialog: WalkInDialog) -> None:
            seen_admit.append((dialog.admit_now.isVisible(), dialog.admit_now.text()))
            if dialog.admit_now.isChecked() != admit:
                dialog.admit_now.click()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["first_name"])
            type_text(qtbot, dialog.fields["first_name"], first)
            type_text(qtbot, dialog.fields["last_name"], last)
            qtbot.keyClick(dialog.fields["last_name"], Qt.Key.Key_Return)
            assert f"{first} {last}" in dialog.confirmation.text()
            dialog.reject()

        printing = when_dialog_opens(qtbot, QPrintDialog.reject, kind=QPrintDialog)
        seen = when_dialog_opens(qtbot, fill)
        page.window().activateWindow()  # back from the last dialog (offscreen: by hand)
        qtbot.waitUntil(page.window().isActiveWindow)
        qtbot.keyClick(
            page.scan_field,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert len(seen) == 1 and len(printing) == 1, (seen, printing)

    register("Łukasz", "Żółć", admit=True)
    assert seen_admit[0] == (True, "&Gleich einlassen: Einlass Mi. 18.09.2019")
    assert page.verdict.kind == "ok" and "Łukasz Żółć" in page.verdict.name.text()
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 1 von 3"))
    register("Ayşe", "Çelik", admit=False)  # a desk that registers only (remembered)
    assert "Łukasz Żółć" in page.verdict.name.text()  # no verdict for her
    qtbot.wait(200)
    assert page.counts_label.text().startswith("Da: 1 von 4")
    register("Jan", "Nowak", admit=False)
    assert seen_admit[2][0] is True  # the box is offered, and was remembered off
    with db.session(write=False) as session:
        sources = session.scalars(select(Participant.source).order_by(Participant.id)).all()
    assert sources[-3:] == ["walk_in"] * 3


def test_the_days_in_the_participant_form_and_the_detail(qtbot, congress):
    from .test_participants_page import open_page

    db, event_id, f = congress
    with db.session(write=False) as session:
        ben = session.scalar(select(Participant.id).where(Participant.last_name == "Schulz"))
    page = open_page(qtbot, db, event_id)
    page.show_participant(ben)
    problems = []

    def edit(dialog: ParticipantDialog) -> None:
        boxes = list(dialog.days.boxes.values())
        assert [b.isChecked() for b in boxes] == [True, True, False]
        assert [b.text() for b in boxes] == ["Di. 17.09.2019", "Mi. 18.09.2019", "Do. 19.09.2019"]
        for box in boxes:  # none: refused, said at the field
            box.setChecked(False)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        problems.append(dialog.form.errors["day_ids"].text())
        boxes[1].setChecked(True)
        boxes[2].setChecked(True)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    seen = when_dialog_opens(qtbot, edit)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(seen) == 1 and problems == ["Mindestens einen Tag wählen."]
    with db.session(write=False) as session:
        assert people.get_participant(session, ben).day_ids == tuple(f["days"][1:])
    text = page.detail.toPlainText()
    assert "Kommt an" in text and "Mi. 18.09.2019, Do. 19.09.2019" in text
