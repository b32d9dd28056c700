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
