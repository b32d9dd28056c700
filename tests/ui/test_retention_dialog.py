"""The retention periods in the window: View > Retention periods shows each kind of data
with its period, the date it is deleted (following what is typed) and how many hold it;
a period typed and saved is the event's, and restoring the defaults removes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from regdesk.privacy.retention import retention_plan
from ui.main_window import MainWindow

from .helpers import show_active


def test_periods_are_shown_typed_and_saved(qtbot, demo_db):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "back-office"))
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.objectName() == "actionRetention")  # fmt: skip
    action.trigger()
    from ui.retention_dialog import RetentionDialog

    dialog = window.findChild(RetentionDialog)
    assert dialog is not None and dialog.isVisible()
    with db.session(write=False) as session:
        plan = {x.data_class: x for x in retention_plan(session, event_id)}
    contact = dialog.days["contact"]
    assert contact.value() == 30
    assert str(plan["contact"].held) in dialog.when["contact"].text().replace(".", "")
    before = dialog.when["contact"].text()
    contact.setFocus()
    contact.selectAll()
    qtbot.keyClicks(contact, "14")
    assert contact.value() == 14 and dialog.when["contact"].text() != before
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.session(write=False) as session:
        plan = {x.data_class: x for x in retention_plan(session, event_id)}
    assert plan["contact"].days == 14 and not plan["contact"].is_default
    assert plan["identity"].is_default  # untouched periods stay the built-in ones

    again = window.show_retention()
    assert again.days["contact"].value() == 14
    again.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.RestoreDefaults
    ).click()
    assert again.days["contact"].value() == 30
    qtbot.keyClick(again.days["needs"], Qt.Key.Key_Return)  # Return saves
    qtbot.waitUntil(lambda: not again.isVisible())
    with db.session(write=False) as session:
        assert all(x.is_default for x in retention_plan(session, event_id))


def test_personal_data_is_deleted_in_two_steps_from_the_window(qtbot, demo_db, tmp_path):
    """Retention periods > Delete data…: choose, save the preview (through the file
    dialog), a mistyped code deletes nothing and says why, the preview's code typed and
    Return deletes; the people stay, counted, without names."""
    import json

    from PySide6.QtWidgets import QFileDialog, QPushButton
    from sqlalchemy import func, select

    from regdesk.models import Participant
    from ui.anonymise_dialog import AnonymiseDialog

    from .helpers import when_dialog_opens
    from .test_lists_page import save_as

    db, event_id = demo_db
    with db.session(write=False) as session:
        before = session.scalar(select(func.count()).select_from(Participant))
        some = session.execute(select(Participant.last_name, Participant.email)).first()
    window = show_active(qtbot, MainWindow(db, event_id, "back-office"))
    retention = window.show_retention()
    retention.findChild(QPushButton, "deleteDataButton").click()
    dialog = window.findChild(AnonymiseDialog)
    qtbot.waitUntil(dialog.isVisible)
    delete = dialog.delete_button
    assert not delete.isEnabled()  # no preview yet
    identity = dialog.boxes["identity"]
    identity.setFocus()
    qtbot.keyClick(identity, Qt.Key.Key_Space)  # names: everything goes with them
    assert all(b.isChecked() for b in dialog.boxes.values())
    assert not dialog.boxes["contact"].isEnabled() and dialog.identity_note.isVisible()

    target = tmp_path / "vorschau.json"
    seen = when_dialog_opens(qtbot, save_as(target), kind=QFileDialog)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert not any(isinstance(x, BaseException) for x in seen)
    code = dialog.preview.code
    assert dialog.code_shown.text() == code and "120 Person(en)" in dialog.preview_label.text()
    assert json.loads(target.read_text(encoding="utf-8"))["about"]["confirmation_code"] == code
    dialog.activateWindow()  # offscreen, the closed file dialog leaves no window active
    qtbot.waitUntil(dialog.code.hasFocus)  # the code field is where typing goes next

    qtbot.keyClicks(dialog.code, "ABCDEFGH")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "passt nicht" in dialog.message.text(), timeout=10000)
    assert dialog.isVisible()
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).where(Participant.email == some.email))

    dialog.code.selectAll()
    qtbot.keyClicks(dialog.code, code.lower())
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Return deletes; it does not also close the dialog
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.isVisible()
    assert "120 Person(en)" in dialog.message.text()
    with db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == before
        assert not session.scalar(
            select(func.count()).where(Participant.last_name == some.last_name)
        )
        assert session.scalar(select(func.count()).where(Participant.email != "")) == 0
    dialog.reject()
    qtbot.waitUntil(lambda: "0 Person(en)" in retention.when["contact"].text())
