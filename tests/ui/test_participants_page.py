"""The Teilnehmende screen driven as a user would: search, open, edit, walk-in, cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from regdesk.services import participants as svc
from ui.main_window import MainWindow
from ui.participant_dialog import ParticipantDialog
from ui.participant_model import ParticipantTableModel
from ui.walk_in_dialog import WalkInDialog

from .helpers import show_active, type_text, when_dialog_opens


def open_page(qtbot, db, event_id):
    window = show_active(qtbot, MainWindow(db, event_id, "desk-3"))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.participants
    assert window.pages.currentWidget() is page
    return page


def type_search(qtbot, page, text):
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    page.search.selectAll()
    type_text(qtbot, page.search, text)
    qtbot.waitUntil(lambda: page.model.query == text, timeout=3000)


def shown_names(page):
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def register(db, event_id, first, last, org="", email=""):
    with db.session() as session:
        return svc.register(
            session,
            event_id,
            svc.ParticipantInput(first, last, organisation=org, email=email),
            actor="t",
            allow_duplicate=True,
        )


def test_search_open_edit_and_see_the_change_in_table_and_history(qtbot, demo_db):
    db, event_id = demo_db
    anna = register(db, event_id, "Anna", "Müller", "Stadt Bad Belzig")
    page = open_page(qtbot, db, event_id)
    type_search(qtbot, page, "mülle anna")
    assert shown_names(page)[0] == "Müller"
    assert "von 121" in page.count_label.text()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # into the list, first match selected
    assert page.view.hasFocus() and page.current_id() == anna.id
    assert "Stadt Bad Belzig" in page.detail.toPlainText()

    def edit(dialog: ParticipantDialog) -> None:
        assert dialog.fields["last_name"].text() == "Müller"
        dialog.fields["organisation"].setText("Amt Niemegk")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    seen = when_dialog_opens(qtbot, edit)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter edits
    assert len(seen) == 1, seen
    row = page.model.row_of(anna.id)
    assert page.model.index(row, ParticipantTableModel.ORGANISATION).data() == "Amt Niemegk"
    text = page.detail.toPlainText()
    assert "Angaben geändert · desk-3" in text
    assert "Organisation: Stadt Bad Belzig → Amt Niemegk" in text
    assert "Anna Müller, Stadt Bad Belzig, Teilnehmer/in" in text  # registered: who, not keys
    assert "first_name" not in text and "participant.manual" not in text


def test_filters_combine_with_search(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    total = page.model.rowCount()
    page.status_filter.setCurrentIndex(page.status_filter.findData("cancelled"))
    cancelled = page.model.rowCount()
    assert 0 < cancelled < total
    assert all(page.model.row_data(r).status == "cancelled" for r in range(cancelled))
    press = page.category_filter.findText("Presse")
    page.status_filter.setCurrentIndex(0)
    page.category_filter.setCurrentIndex(press)
    assert all(
        page.model.row_data(r).category_name == "Presse" for r in range(page.model.rowCount())
    )


def test_sorting_by_a_column_asks_the_database(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    page.view.sortByColumn(ParticipantTableModel.ORGANISATION, Qt.SortOrder.DescendingOrder)
    organisations = [page.model.row_data(r).organisation for r in range(page.model.rowCount())]
    assert organisations == sorted(organisations, reverse=True)
    type_search(qtbot, page, "stadt")  # a new search orders by relevance again
    assert page.model.sort_key == "rank"


def test_new_participant_with_duplicate_warning_then_open_existing(qtbot, demo_db):
    db, event_id = demo_db
    thomas = register(db, event_id, "Thomas", "Weiß", "BBSR", "t.weiss@bbsr.example")
    page = open_page(qtbot, db, event_id)

    def fill(dialog: ParticipantDialog) -> None:
        qtbot.keyClicks(dialog.fields["first_name"], "Thomas")
        qtbot.keyClicks(dialog.fields["last_name"], "Weiss")
        qtbot.keyClicks(dialog.fields["organisation"], "bbsr")
        dialog.save()
        assert dialog.duplicates.isVisible()
        assert dialog.duplicates.model.rows[0].id == thomas.id
        assert "Weiß" in dialog.duplicates.model.index(0, 0).data()
        dialog.duplicates.open_button.click()

    seen = when_dialog_opens(qtbot, fill)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1, seen
    assert page.current_id() == thomas.id
    with db.session(write=False) as session:
        assert len(svc.find_duplicates(session, event_id, "Thomas", "Weiss", "BBSR", "")) == 1


def test_new_participant_validation_and_register_anyway(qtbot, demo_db):
    db, event_id = demo_db
    register(db, event_id, "Jan", "Berg", "Stadt Ulm")
    page = open_page(qtbot, db, event_id)

    def fill(dialog: ParticipantDialog) -> None:
        qtbot.keyClicks(dialog.fields["first_name"], "Jan")
        qtbot.keyClicks(dialog.fields["email"], "jan.berg@")
        dialog.save()
        assert dialog.form.errors["last_name"].text() == "Dieses Feld ist ein Pflichtfeld."
        assert "Keine E-Mail-Adresse" in dialog.form.errors["email"].text()
        dialog.fields["email"].setText("jan.berg@ulm.example")
        qtbot.keyClicks(dialog.fields["last_name"], "Berg")
        qtbot.keyClicks(dialog.fields["organisation"], "Stadt Ulm")
        dialog.save()
        assert dialog.duplicates.isVisible()
        dialog.duplicates.anyway_button.click()

    seen = when_dialog_opens(qtbot, fill)
    page.new_participant()
    assert len(seen) == 1, seen
    row = page.model.row_data(page.view.currentIndex().row())
    assert (row.first_name, row.last_name, row.email) == ("Jan", "Berg", "jan.berg@ulm.example")


def test_walk_in_by_keyboard_alone(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    handed_over = []
    page.badge_requested.connect(handed_over.append)

    def type_two_guests(dialog: WalkInDialog) -> None:
        for first, last, org, category in (
            ("Łukasz", "Żółć", "Stadt Ulm", "Pr"),
            ("Ayşe", "Çelik", "", ""),
        ):
            # the form takes the focus once it is active (again, after the print dialog)
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["first_name"])
            focus = QApplication.focusWidget()
            assert focus is dialog.fields["first_name"]
            type_text(qtbot, focus, first)
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
            type_text(qtbot, QApplication.focusWidget(), last)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            type_text(qtbot, QApplication.focusWidget(), org)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.category
            if category:
                qtbot.keyClicks(dialog.category, category)  # type-ahead: "Presse"
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            assert f"{first} {last}" in dialog.confirmation.text()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields["first_name"])
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    # each registration opens the print dialog for the badge at once (not printed here)
    printing = when_dialog_opens(
        qtbot, QPrintDialog.reject, QPrintDialog.reject, kind=QPrintDialog, timeout_ms=20000
    )
    seen = when_dialog_opens(qtbot, type_two_guests)
    qtbot.keyClick(
        page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(seen) == 1, seen
    assert len(printing) == 2, printing
    assert [p.last_name for p in handed_over] == ["Żółć", "Çelik"]
    assert handed_over[0].category_name == "Presse"
    assert handed_over[1].category_name == "Teilnehmer/in"
    assert all(p.source == "walk_in" for p in handed_over)
    assert "Çelik" in page.window().statusBar().currentMessage()
    assert page.current_id() == handed_over[1].id


def test_cancel_and_restore_with_confirmation(qtbot, demo_db):
    db, event_id = demo_db
    anna = register(db, event_id, "Anna", "Zwetschge")
    page = open_page(qtbot, db, event_id)
    page.show_participant(anna.id)

    def give_reason(box: QInputDialog) -> None:
        box.setTextValue("Terminkollision")
        box.accept()

    seen = when_dialog_opens(qtbot, give_reason)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1, seen
    assert page.model.row_data(page.model.row_of(anna.id)).status == "cancelled"
    assert page.buttons["restore"].isEnabled() and not page.buttons["cancel"].isEnabled()
    assert "Terminkollision" in page.detail.toPlainText()

    seen = when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.buttons["restore"].click()
    assert len(seen) == 1, seen
    assert page.model.row_data(page.model.row_of(anna.id)).status == "registered"


def test_cancel_without_reason_changes_nothing(qtbot, demo_db):
    db, event_id = demo_db
    anna = register(db, event_id, "Anna", "Zwetschge")
    page = open_page(qtbot, db, event_id)
    page.show_participant(anna.id)
    shown = []
    seen = when_dialog_opens(
        qtbot,
        lambda box: (box.setTextValue("  "), box.accept()),  # an empty reason
        lambda box: (shown.append(box.text()), box.accept()),  # "a reason is required"
    )
    page.cancel_selected()
    assert len(seen) == 2, seen
    assert shown == ["Dieses Feld ist ein Pflichtfeld."]
    assert isinstance(seen[0], QInputDialog)
    with db.session(write=False) as session:
        assert svc.get_participant(session, anna.id).status == "registered"


def test_participant_model(qtmodeltester, demo_db):
    db, event_id = demo_db
    model = ParticipantTableModel(db, event_id)
    model.reload()
    qtmodeltester.check(model)
    model.search("stadt")
    model.sort(ParticipantTableModel.CATEGORY, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_a_pasted_name_with_a_bidi_override_is_refused_in_the_form(qtbot, demo_db):
    """Pasted from a web page: U+202E would show "Schmidtexe.png" for "Schmidt\u202egnp.exe"
    (issue 18, item 5). The form names the character and saves nothing until it is gone."""
    from sqlalchemy import func, select

    from regdesk.models import Participant

    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)

    def count() -> int:
        with db.session(write=False) as session:
            return session.scalar(select(func.count()).select_from(Participant))

    before = count()

    def fill(dialog: ParticipantDialog) -> None:
        qtbot.keyClicks(dialog.fields["first_name"], "Anna")
        QApplication.clipboard().setText("Schmidt\u202egnp.exe")
        dialog.fields["last_name"].setFocus()
        qtbot.keyClick(
            dialog.fields["last_name"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
        )
        assert dialog.fields["last_name"].text() == "Schmidt\u202egnp.exe"
        dialog.save()
        assert dialog.isVisible()
        error = dialog.form.errors["last_name"].text()
        assert error.startswith("Der Text enthält Steuerzeichen (U+202E)"), error
        assert count() == before
        dialog.fields["last_name"].selectAll()
        qtbot.keyClicks(dialog.fields["last_name"], "Schmidt")
        dialog.save()

    seen = when_dialog_opens(qtbot, fill)
    page.new_participant()
    assert len(seen) == 1, seen
    assert count() == before + 1
