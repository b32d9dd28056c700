"""Groups in the GUI: set in the participant form (a new group, an existing one, the lead
handed over, said before saving); the lead's badge scanned as a real scanner sends it
offers the whole group, the door unticks who is not here, the rest come in together;
the group found in the search; several people chosen in the search admitted at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from regdesk.db import Database, open_database
from regdesk.models import Enrolment, Participant, Scan
from regdesk.services import checkin as svc
from regdesk.services import participants as people
from regdesk.services.events import EventInput, create_event
from ui.group_admit_dialog import GroupAdmitDialog
from ui.main_window import MainWindow
from ui.participant_dialog import ParticipantDialog

from .conftest import destroy_windows
from .helpers import show_active, type_text, when_dialog_opens
from .scanner import person_types, scanner_types
from .test_programme_page import open_page as open_programme
from .test_programme_page import select_item

NAMES = ("Petra", "Jana", "Ömer", "Lukas", "Sina", "Till")


@pytest.fixture
def delegation(tmp_path) -> Iterator[tuple[Database, int, dict]]:
    """Delegation Esslingen: Petra leads; Jana is in already; Till's registration is
    cancelled."""
    db = open_database(str(tmp_path / "staedtetag.sqlite3"))
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Städtetag", first_day="02.09.2025", last_day="02.09.2025"),
            actor="t",
        )
        ids = {
            name: people.register(
                session, event.id,
                people.ParticipantInput(name, "Esslingen", organisation="Stadt Esslingen",
                                        group="Delegation Esslingen",
                                        group_lead=name == "Petra"),
                actor="t",
            ).id
            for name in NAMES
        }  # fmt: skip
        people.cancel(session, ids["Till"], "krank", actor="t")
        people.register(session, event.id, people.ParticipantInput("Karl", "Allein"), actor="t")
        day = event.days[0].id
        secrets = {k: session.get(Participant, v).badge_secret for k, v in ids.items()}
    with db.session() as session:
        svc.scan(session, event.id, secrets["Jana"], desk="Süd", context=svc.ScanContext(day))
    try:
        yield db, event.id, {"ids": ids, "secrets": secrets, "day": day}
    finally:
        destroy_windows()
        db.close()


def open_checkin(qtbot, db, event_id):
    window = show_active(qtbot, MainWindow(db, event_id, "Tür 1"))
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.checkin
    qtbot.waitUntil(lambda: page.scan_field.hasFocus())
    return page


def admitted(db) -> set[str]:
    with db.session(write=False) as session:
        return set(
            session.scalars(
                select(Participant.first_name)
                .join(Scan, Scan.participant_id == Participant.id)
                .where(Scan.verdict == "admitted")
            )
        )


def test_the_leads_badge_admits_the_group_those_unticked_stay_out(qtbot, delegation):
    db, event_id, f = delegation
    page = open_checkin(qtbot, db, event_id)
    scanner_types(qtbot, f["secrets"]["Petra"])  # Shift per capital, as the device sends
    panel = page.verdict
    assert panel.kind == "ok" and "Petra Esslingen" in panel.name.text()
    assert "Leitet die Gruppe Delegation Esslingen (5)" in panel.notes.text()
    assert panel.group_button.isVisible()
    assert panel.group_button.text() == "Ganze Gruppe einlassen (5) … (F11)"
    seen_rows = []

    def untick_lukas_then_admit(dialog: GroupAdmitDialog) -> None:
        model = dialog.model
        seen_rows.extend(model.index(r, 2).data() for r in range(model.rowCount()))
        assert model.index(0, 0).data() == "Petra Esslingen (Leitung)"
        lukas = next(r for r in range(model.rowCount()) if "Lukas" in model.index(r, 0).data())
        dialog.view.selectRow(lukas)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Space)  # not here yet
        assert dialog.ok.text() == "2 &einlassen"
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)

    seen = when_dialog_opens(qtbot, untick_lukas_then_admit)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F11)
    assert len(seen) == 1, seen
    # the lead first, then by name: Petra (just scanned) and Jana are in already
    assert [row.split(" ")[0] for row in seen_rows] == [
        "da", "da", "einlassen", "einlassen", "einlassen", "Anmeldung"
    ]  # fmt: skip
    assert panel.kind == "ok" and panel.words.text() == "2 eingelassen"
    assert panel.name.text() == "Delegation Esslingen"
    assert "Ömer Esslingen" in panel.details.text() and "Sina Esslingen" in panel.details.text()
    assert admitted(db) == {"Petra", "Jana", "Ömer", "Sina"}
    qtbot.waitUntil(lambda: page.counts_label.text().startswith("Da: 4 von"))
    with db.session(write=False) as session:
        here = session.scalar(select(func.count()).where(Scan.desk == page.desk_name()))
    assert here == 3  # Petra's scan and the two of the group


def test_the_group_is_found_in_the_search_and_admitted(qtbot, delegation):
    db, event_id, _ = delegation
    page = open_checkin(qtbot, db, event_id)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.find.hasFocus)
    person_types(qtbot, "delegation")
    qtbot.waitUntil(lambda: page.found.rowCount() == 5, timeout=3000)  # Till is cancelled
    assert page.found.index(0, 2).data() in ("Delegation Esslingen (Leitung)",
                                             "Delegation Esslingen")  # fmt: skip
    assert page.buttons["group"].isEnabled()
    seen = when_dialog_opens(qtbot, lambda d: qtbot.keyClick(d.view, Qt.Key.Key_Return))
    qtbot.keyClick(page.find, Qt.Key.Key_F11)
    assert len(seen) == 1 and isinstance(seen[0], GroupAdmitDialog)
    assert page.verdict.words.text() == "4 eingelassen"  # all but Jana (in) and Till
    assert admitted(db) == {"Petra", "Jana", "Ömer", "Lukas", "Sina"}
    assert page.find.text() == ""
    page.window().activateWindow()  # offscreen, a closed dialog does not give it back
    qtbot.waitUntil(page.scan_field.hasFocus)  # ready for the next badge


def test_several_chosen_in_the_search_are_admitted_together(qtbot, delegation):
    db, event_id, _ = delegation
    page = open_checkin(qtbot, db, event_id)
    page.find.setFocus()
    qtbot.waitUntil(page.find.hasFocus)
    person_types(qtbot, "esslingen")
    qtbot.waitUntil(lambda: page.found.rowCount() == 5, timeout=3000)
    qtbot.keyClick(page.find, Qt.Key.Key_Tab)  # into the list of those found
    qtbot.waitUntil(page.found_view.hasFocus)
    qtbot.keyClick(page.found_view, Qt.Key.Key_Home)
    for _ in range(2):
        qtbot.keyClick(page.found_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = {page.found.rows[i.row()].first_name for i in page.found_view.selectedIndexes()}
    assert len(chosen) == 3
    page.buttons["admit"].click()
    assert page.verdict.name.text() == "3 ausgewählt"
    assert page.verdict.words.text() == "3 eingelassen"
    if "Jana" in chosen:  # in already: let in again, and said so
        assert "Jana Esslingen: Wiedereinlass – heute schon da" in page.verdict.notes.text()
    assert admitted(db) == chosen | {"Jana"}


def test_the_form_sets_the_group_and_says_who_leads_it(qtbot, delegation):
    db, event_id, f = delegation
    dialog = ParticipantDialog(db, "Büro", event_id)
    show_active(qtbot, dialog)
    qtbot.waitUntil(dialog.fields["first_name"].hasFocus)
    type_text(qtbot, dialog.fields["first_name"], "Ulla")
    dialog.fields["last_name"].setFocus()
    type_text(qtbot, dialog.fields["last_name"], "Neu")
    assert not dialog.group.lead.isEnabled()  # no group: nothing to lead
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "&Mit Gruppe"
    qtbot.waitUntil(dialog.group.combo.hasFocus)
    type_text(qtbot, dialog.group.combo.lineEdit(), "delegation esslingen")
    assert dialog.group.hint.text() == "5 Mitglieder; geleitet von Petra Esslingen."
    dialog.group.lead.setChecked(True)
    assert "Petra Esslingen leitet sie jetzt und gibt die Leitung ab" in dialog.group.hint.text()
    dialog.group.lead.setChecked(False)
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.group_name == "Delegation Esslingen"
    assert not dialog.saved.group_lead
    edit = ParticipantDialog(db, "Büro", event_id, f["ids"]["Petra"])
    show_active(qtbot, edit)
    assert edit.group.group() == "Delegation Esslingen" and edit.group.lead.isChecked()
    assert edit.group.hint.text() == "6 Mitglieder; von dieser Person geleitet."  # Ulla too
    edit.group.combo.setCurrentText("")
    assert not edit.group.lead.isEnabled()
    edit.save_button.click()
    assert edit.saved.group_name == "" and not edit.saved.group_lead


def test_the_enrol_dialog_takes_a_whole_group_and_more(qtbot, delegation):
    from regdesk.services import programme
    from ui.enrol_dialog import EnrolDialog

    db, event_id, f = delegation
    with db.session() as session:
        slot = programme.create_slot(
            session, event_id, programme.SlotInput(f["day"], "10:00", "11:30"), actor="t"
        )
        item = programme.create_item(
            session, programme.ItemInput(slot.id, "Stadtrundgang", code="E1", capacity=4),
            actor="t",
        ).id  # fmt: skip
    page = open_programme(qtbot, db, event_id)
    select_item(page, "E1")
    picked = []

    def group_and_karl(dialog: EnrolDialog) -> None:
        type_text(qtbot, dialog.query, "lukas")
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
        assert dialog.group_button.text() == "Ganze &Gruppe hinzufügen: Delegation Esslingen"
        dialog.group_button.click()  # the five registered members (Till is cancelled)
        assert dialog.chosen_model.rowCount() == 5 and dialog.query.text() == ""
        type_text(qtbot, dialog.query, "karl")
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        assert dialog.ok.text() == "6 &anmelden"
        picked.extend(dialog.chosen_ids)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    seen = when_dialog_opens(qtbot, group_and_karl)
    said = []

    def note(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    notes = when_dialog_opens(qtbot, note, kind=QMessageBox)
    qtbot.keyClick(
        page.tree,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(seen) == 1 and len(picked) == 6 and len(notes) == 1, (seen, notes)
    assert said[0].startswith("4 angemeldet.\n„Stadtrundgang“ ist voll – auf der Warteliste: ")
    with db.session(write=False) as session:
        rows = session.execute(
            select(Enrolment.participant_id, Enrolment.status, Enrolment.waitlist_position)
            .where(Enrolment.item_id == item)
            .order_by(Enrolment.id)
        ).all()
    assert [r.participant_id for r in rows] == picked  # in the order chosen
    assert [r.status for r in rows] == ["enrolled"] * 4 + ["waitlisted"] * 2
    assert [r.waitlist_position for r in rows][4:] == [1, 2]


def test_the_badges_of_several_chosen_print_at_once(qtbot, delegation, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from tests.core.badge_helpers import page_texts

    db, event_id, _ = delegation
    window = show_active(qtbot, MainWindow(db, event_id, "Büro"))
    window.nav.setCurrentRow(1)
    page = window.participants
    page.search.setText("esslingen")
    page._apply_search()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # all six
    assert page.buttons["reprint"].text() == "5 Badges d&rucken …"  # not the cancelled one
    asked = when_dialog_opens(qtbot, lambda d: d.reject(), kind=QPrintDialog)
    with qtbot.waitSignal(page.reprint_requested) as sent:
        qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    ids = sent.args[0]
    assert len(ids) == 5 and len(asked) == 1  # the print dialog asked, for five
    assert asked[0].windowTitle() == "5 Badges drucken"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "fuenf.pdf"))
    assert window.badges.print_to(printer, ids) == 5
    texts = page_texts(tmp_path / "fuenf.pdf")
    assert len(texts) == 5 and all("Delegation Esslingen" in t for t in texts)
