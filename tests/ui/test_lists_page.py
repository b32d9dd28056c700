"""Listen & Export: an export driven from the page (file dialog, worker, progress, cancel),
and the import dialog driven by keyboard -- file, column assignment, report, import."""

from __future__ import annotations

import csv
import io
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QLineEdit

from regdesk.demo import seed_demo
from regdesk.services import programme
from regdesk.services.search import count
from ui.import_dialog import MAPPING, REPORT, ImportDialog
from ui.main_window import MainWindow

from ..core.import_files import excel_csv
from .helpers import show_active, when_dialog_opens
from .test_mnemonics import clashes


def open_page(qtbot, db, event_id):
    window = show_active(qtbot, MainWindow(db, event_id, "back-office"))
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.lists
    return window, window.lists


def wait_idle(qtbot, owner, timeout=20000):
    qtbot.waitUntil(lambda: owner.worker is None, timeout=timeout)


def save_as(path):
    """A handler for a save dialog: type the file name and accept."""

    def handle(dialog: QFileDialog) -> None:
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    return handle


def choose_list(page, kind):
    row = page.lists_model.KINDS.index(kind)
    page.list_view.setCurrentIndex(page.lists_model.index(row, 0))


def test_export_through_the_file_dialog(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    _, page = open_page(qtbot, db, event_id)
    assert page.findChild(QLabel, "listDescription").text().startswith("Alle mit allen Angaben")
    choose_list(page, "participants")
    page.format_buttons["csv"].setChecked(True)
    page.category.setCurrentIndex(page.category.findText("Referent/in"))
    target = tmp_path / "referenten.csv"
    seen = when_dialog_opens(qtbot, save_as(target), kind=QFileDialog)
    qtbot.keyClick(
        page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(seen) == 1, seen
    wait_idle(qtbot, page)
    text = target.read_bytes().decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows and {r[header.index("Kategorie")] for r in rows} == {"Referent/in"}
    assert {r[header.index("Status")] for r in rows} == {"angemeldet"}
    assert f"{len(rows)} Einträge" in page.status_label.text()
    assert page.open_button.isEnabled() and page.folder_button.isEnabled()


def test_formats_follow_the_list(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    _, page = open_page(qtbot, db, event_id)
    choose_list(page, "signin")
    assert page.format_buttons["pdf"].isChecked()
    assert not page.format_buttons["xlsx"].isEnabled()
    assert not page.status.isEnabled()
    page.day.setCurrentIndex(1)
    page.export_to(tmp_path / "tag1.pdf")
    wait_idle(qtbot, page)
    assert (tmp_path / "tag1.pdf").read_bytes().startswith(b"%PDF")
    assert "tag1.pdf" in page.status_label.text()


def test_rosters_with_phone_numbers_by_choice(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    with db.session() as session:
        item = programme.event_programme(session, event_id)[0][1][0]
        programme.enrol(session, item.id, 1, actor="t")
    _, page = open_page(qtbot, db, event_id)
    assert not page.phone.isEnabled()
    choose_list(page, "rosters")
    assert page.phone.isEnabled() and not page.phone.isChecked()
    assert page.request().phone is False
    page.phone.setFocus()
    qtbot.keyClick(page.phone, Qt.Key.Key_Space)
    assert page.request().phone is True
    page.format_buttons["xlsx"].setChecked(True)
    page.export_to(tmp_path / "listen.xlsx")
    wait_idle(qtbot, page)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "listen.xlsx")
    assert len(book.worksheets) == 1
    assert all("Telefon" in [c.value for c in next(ws.iter_rows(1, 1))] for ws in book)
    choose_list(page, "signin")
    assert page.request().phone is False


def test_an_export_can_be_cancelled(qtbot, empty_db, tmp_path):
    result = seed_demo(empty_db, "stuttgart", participants=3000, seed=1)
    _, page = open_page(qtbot, empty_db, result.event_id)
    choose_list(page, "participants")
    page.format_buttons["pdf"].setChecked(True)
    out = tmp_path / "out"
    out.mkdir()
    page.export_to(out / "alle.pdf")
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert page.status_label.text() == "Abgebrochen. Es wurde keine Datei geschrieben."
    assert list(out.iterdir()) == []  # neither the file nor a half-written part


def test_import_dialog_by_keyboard(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    window, page = open_page(qtbot, db, event_id)
    with db.session(write=False) as session:
        before = count(session, event_id)
    rows = [
        ["Frau", "Neu", "Anna", "Stadt Beelitz", "anna.neu@beelitz.example", "x1"],
        ["Herr", "Bär", "Jörg", "Amt Niemegk", "joerg.baer@niemegk.example", "x2"],
        ["Frau", "", "Ute", "Amt Brück", "kein-at", "x3"],
    ]
    header = ["Anrede", "Name", "Vorname", "Dienstort", "E-Mail", "Intern"]
    path = excel_csv(tmp_path / "anmeldungen.csv", rows, header=header)

    dialog = page.import_participants()
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # for the Alt+letter shortcuts
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    wait_idle(qtbot, dialog)
    assert (
        "Windows-1252" in dialog.file_status.text() and "3 Datenzeilen" in dialog.file_status.text()
    )
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == MAPPING
    model = dialog.mapping_model
    assert model.mapping.fields == ("salutation", "last_name", "first_name", "", "email", "")

    # "Dienstort" -> Organisation, by keyboard: F2 opens the choice, typing picks it
    view = dialog.mapping_view
    view.setFocus()
    view.setCurrentIndex(model.index(3, model.FIELD))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QComboBox, "fieldChoice")
    assert editor is not None and editor.currentData() == ""
    editor.setCurrentIndex(editor.findData("organisation"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits (queued) and closes the editor
    qtbot.waitUntil(lambda: model.mapping.fields[3] == "organisation")
    qtbot.waitUntil(lambda: view.findChild(QComboBox, "fieldChoice") is None)
    assert "5 von 6 Spalten werden übernommen" in dialog.mapping_status.text()
    assert dialog.preview_model.headerData(3, Qt.Orientation.Horizontal) == "Organisation"

    # the assignment is saved and comes back for the next file
    saved = tmp_path / "form.json"
    seen = when_dialog_opens(qtbot, save_as(saved), kind=QFileDialog)
    dialog.findChild(type(dialog.next_button), "saveMappingButton").click()
    assert len(seen) == 1
    assert json.loads(saved.read_text())["columns"]["Dienstort"] == "organisation"
    qtbot.mouseClick(
        dialog.findChild(type(dialog.next_button), "suggestMappingButton"),
        Qt.MouseButton.LeftButton,
    )
    assert model.mapping.fields[3] == ""
    dialog.use_saved_mapping(saved)
    assert model.mapping.fields[3] == "organisation"

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # check
    wait_idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == REPORT
    assert "3 Zeilen: 2 können importiert werden, 1 mit Problemen" in dialog.summary.text().replace(
        "<b>", ""
    ).replace("</b>", "")
    report = [dialog.report_model.rows[r] for r in range(dialog.report_model.rowCount())]
    assert [r[:3] for r in report] == [(4, "Name", "error"), (4, "E-Mail", "error")]
    assert not dialog.import_button.isEnabled()  # nothing while a row has problems
    dialog.activateWindow()  # (the file dialog was in front before)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # leave them out
    qtbot.waitUntil(lambda: dialog.skip_invalid.isChecked())  # (a mnemonic clicks animated)
    assert dialog.import_button.isEnabled()
    dialog.write_report(tmp_path / "bericht.csv")
    assert "kein-at" in (tmp_path / "bericht.csv").read_text(encoding="utf-8-sig")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert "2 Teilnehmende importiert" in dialog.summary.text()
    with db.session(write=False) as session:
        assert count(session, event_id) == before + 2
    assert dialog.close_button.text() == "&Fertig"
    dialog.close_button.click()
    window.show_area(window.pages.indexOf(window.participants))  # refreshed when shown
    assert window.participants.model.rowCount() == before + 2


def test_import_dialog_refuses_a_file_that_is_no_table(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    path = tmp_path / "bild.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(400))
    dialog = ImportDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(path))
    dialog.read()
    wait_idle(qtbot, dialog)
    assert "bild.csv ist keine CSV- oder Excel-Tabelle (ein Bild)" in dialog.file_status.text()
    assert not dialog.next_button.isEnabled()


def test_import_dialog_refuses_a_file_beyond_the_limits_and_a_nul_in_it(
    qtbot, demo_db, tmp_path, monkeypatch
):
    db, event_id = demo_db
    monkeypatch.setenv("REGDESK_IMPORT_MAX_ROWS", "5")  # as an organiser may set it
    rows = "".join(f"Frau;Anna{n};Schmidt\r\n" for n in range(8))
    many = tmp_path / "viele.csv"
    many.write_bytes(("Anrede;Vorname;Nachname\r\n" + rows).encode("cp1252"))
    nul = tmp_path / "nul.csv"
    nul.write_bytes(
        ("Anrede;Vorname;Nachname\r\n" + rows).encode("cp1252").replace(b"Anna7", b"An\x00na7")
    )
    dialog = ImportDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(many))
    dialog.read()
    wait_idle(qtbot, dialog)
    assert "viele.csv ist zu groß für den Import: sie hat mehr als 5 Zeilen" in (
        dialog.file_status.text()
    )
    assert not dialog.next_button.isEnabled()
    monkeypatch.delenv("REGDESK_IMPORT_MAX_ROWS")
    dialog.path.setText(str(nul))
    dialog.read()
    wait_idle(qtbot, dialog)
    assert "nul.csv enthält in Zeile 9 ein Null-Byte (NUL)" in dialog.file_status.text()
    assert not dialog.next_button.isEnabled()


def test_import_dialog_mnemonics(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    path = excel_csv(tmp_path / "a.csv", [["Frau", "", "Anna", "Neu", "", "", ""]])
    dialog = ImportDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert clashes(dialog) == []
    dialog.path.setText(str(path))
    dialog.read()
    wait_idle(qtbot, dialog)
    for step in (dialog.next, dialog.next):
        step()
        wait_idle(qtbot, dialog)
        assert clashes(dialog) == [], dialog.pages.currentIndex()


def test_import_dialog_asks_before_names_with_lost_letters_go_in(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    path = tmp_path / "export.csv"
    path.write_bytes("Vorname;Nachname\r\n?ukasz;?ó??\r\nAnna;Neumann\r\n".encode("cp1252"))
    dialog = ImportDialog(db, "t", event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(path))
    dialog.read()
    wait_idle(qtbot, dialog)
    for step in (dialog.next, dialog.next):
        step()
        wait_idle(qtbot, dialog)
    assert dialog.plan.lost_letter_lines == (2,)
    report = [dialog.report_model.index(r, 3).data() for r in range(dialog.report_model.rowCount())]
    assert any("CSV UTF-8" in text for text in report)
    assert dialog.accept_lost.isVisible() and not dialog.import_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Namen …"
    qtbot.waitUntil(dialog.accept_lost.isChecked)
    assert dialog.import_button.isEnabled()
    dialog.apply()
    wait_idle(qtbot, dialog)
    assert dialog.result.imported == 2


def test_import_dialog_maps_values_and_keeps_them_for_a_corrected_file(qtbot, empty_db, tmp_path):
    from regdesk.services import programme
    from regdesk.services.events import EventInput, create_event

    from ..core.test_import_values import FORM, write

    db = empty_db
    with db.session() as session:
        event = create_event(
            session,
            EventInput(name="Fachtag", first_day="16.06.2025", last_day="17.06.2025"),
            actor="t",
        )
        slot = programme.create_slot(
            session, event.id, programme.SlotInput(event.days[1].id, "14:00", "17:00"), actor="t"
        )
        programme.create_item(
            session,
            programme.ItemInput(slot.id, "Exkursion Hafen", code="EX", capacity=20),
            actor="t",
        )
    dialog = ImportDialog(db, "t", event.id)
    show_active(qtbot, dialog)
    dialog.path.setText(str(write(tmp_path / "form.csv", FORM)))
    dialog.read()
    wait_idle(qtbot, dialog)
    dialog.next()
    model, view = dialog.mapping_model, dialog.mapping_view
    assert "Werte zugeordnet" in model.index(4, model.FIELD).data()  # Exkursion: ja -> EX
    # "Fotos erlaubt": the form's own words for the photo consent, by keyboard
    view.setFocus()
    view.setCurrentIndex(model.index(7, model.FIELD))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QComboBox, "fieldChoice")
    editor.setCurrentIndex(editor.findData("consent_photo"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.mapping.fields[7] == "consent_photo")
    assert "„Fotos erlaubt“" in dialog.values_label.text()
    values, table = dialog.values_model, dialog.values_view
    shown = [values.index(r, 0).data() for r in range(values.rowCount())]
    assert shown == ["Zustimmung", "Ablehnung", "(leer)"]
    for row, becomes in ((0, "ja"), (1, "nein")):
        table.setFocus()
        table.setCurrentIndex(values.index(row, values.BECOMES))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: table.focusWidget() is not table)
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, becomes)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda r=row, b=becomes: values.index(r, values.BECOMES).data() == b)
    assert model.mapping.values[7] == {"zustimmung": "ja", "ablehnung": "nein"}
    # the file corrected and read again: nothing chosen is lost
    dialog.back()
    corrected = [
        *FORM,
        ["Ewa", "Kowalska", "e.k@t.example", "Referent", "x", "x", "", "Zustimmung"],
    ]
    dialog.path.setText(str(write(tmp_path / "form-korrigiert.csv", corrected)))
    dialog.read()
    wait_idle(qtbot, dialog)
    assert dialog.mapping_model.mapping.fields[7] == "consent_photo"
    assert dialog.mapping_model.mapping.values[7] == {"zustimmung": "ja", "ablehnung": "nein"}
    dialog.next()
    dialog.check()
    wait_idle(qtbot, dialog)
    assert not dialog.plan.errors, [i.message() for i in dialog.plan.errors]
    dialog.apply()
    wait_idle(qtbot, dialog)
    assert (dialog.result.imported, dialog.result.enrolled) == (4, 3)


def test_import_dialog_updates_registered_people_with_a_preview(qtbot, demo_db, tmp_path):
    from sqlalchemy import select

    from regdesk.models import Participant

    db, event_id = demo_db
    with db.session(write=False) as session:
        person = session.scalars(
            select(Participant).where(Participant.email != "").order_by(Participant.id)
        ).first()
    path = tmp_path / "neu.csv"
    path.write_bytes(
        (
            f"Vorname;Nachname;E-Mail;Organisation\r\n{person.first_name};{person.last_name};"
            f"{person.email};Landkreis Neu\r\n"
        ).encode("cp1252", "replace")
    )
    dialog = ImportDialog(db, "t", event_id)
    show_active(qtbot, dialog)
    dialog.path.setText(str(path))
    dialog.read()
    wait_idle(qtbot, dialog)
    dialog.next()
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("update"))
    dialog.check()
    wait_idle(qtbot, dialog)
    rows = [
        [dialog.report_model.index(r, c).data() for c in range(4)]
        for r in range(dialog.report_model.rowCount())
    ]
    assert rows == [
        [
            "2",
            "",
            "Aktualisierung",
            f"{person.first_name} {person.last_name}: Organisation: "
            f"„{person.organisation}“ → „Landkreis Neu“",
        ]
    ]
    assert dialog.import_button.isEnabled()
    dialog.apply()
    wait_idle(qtbot, dialog)
    assert (dialog.result.updated, dialog.result.imported) == (1, 0)
    with db.session(write=False) as session:
        assert session.get(Participant, person.id).organisation == "Landkreis Neu"


def test_the_attendance_report_for_the_funding_body(qtbot, demo_db, tmp_path):
    from tests.core.badge_helpers import page_texts

    db, event_id = demo_db
    _, page = open_page(qtbot, db, event_id)
    choose_list(page, "report")
    assert page.format_buttons["pdf"].isChecked() and page.format_buttons["xlsx"].isEnabled()
    assert not page.format_buttons["csv"].isEnabled()
    assert not page.category.isEnabled() and not page.day.isEnabled()
    assert page.fold.isEnabled() and page.fold.value() == 5
    target = tmp_path / "teilnahmestatistik.pdf"
    seen = when_dialog_opens(qtbot, save_as(target), kind=QFileDialog)
    page.export_button.click()
    assert len(seen) == 1, seen
    wait_idle(qtbot, page)
    assert "Die Teilnahmestatistik" in page.status_label.text()
    text = " ".join(page_texts(target))
    assert "Teilnahmestatistik" in text and "Gruppen mit weniger als 5 Personen" in text
    page.format_buttons["xlsx"].setChecked(True)
    page.fold.setValue(0)
    page.export_to(tmp_path / "bericht.xlsx")
    wait_idle(qtbot, page)
    assert (tmp_path / "bericht.xlsx").read_bytes().startswith(b"PK")


def test_certificates_for_people_chosen_in_the_participant_list(qtbot, demo_db, tmp_path):
    from sqlalchemy import select

    from regdesk.models import Participant
    from regdesk.services import checkin
    from tests.core.badge_helpers import page_texts

    db, event_id = demo_db
    window, page = open_page(qtbot, db, event_id)
    with db.session() as session:
        first, second = session.execute(
            select(Participant.id, Participant.badge_secret)
            .where(Participant.status == "registered").order_by(Participant.name_key).limit(2)
        ).all()  # fmt: skip
        day = window.checkin.scan_context().day_id
        checkin.scan(session, event_id, first.badge_secret, desk="Nord",
                     context=checkin.ScanContext(day_id=day))  # fmt: skip
    people = window.participants
    window.nav.setCurrentRow(1)
    people.view.setFocus()
    people._select(first.id)
    target = tmp_path / "bescheinigung.pdf"
    seen = when_dialog_opens(qtbot, save_as(target), kind=QFileDialog)
    people.buttons["certificates"].click()
    assert len(seen) == 1, seen
    assert window.pages.currentWidget() is page and page.kind() == "certificates"
    assert page.scope_hint.text() == "Die 1 in der Teilnehmerliste ausgewählte Person."
    wait_idle(qtbot, page)
    assert page.status_label.text().startswith("1 Bescheinigung nach")
    (text,) = page_texts(target)
    assert text.startswith("Bundesministerium") or "Teilnahmebescheinigung" in text
    # the second was never admitted: said so, and no file
    people._select(second.id)
    again = tmp_path / "nie.pdf"
    when_dialog_opens(qtbot, save_as(again), kind=QFileDialog)
    people.buttons["certificates"].click()
    wait_idle(qtbot, page)
    assert "wurde nie eingelassen" in page.status_label.text() and not again.exists()


def test_the_access_export_of_the_person_chosen_in_the_participant_list(qtbot, demo_db, tmp_path):
    import json

    from sqlalchemy import select

    from regdesk.models import Participant
    from tests.core.badge_helpers import page_texts

    db, event_id = demo_db
    window, page = open_page(qtbot, db, event_id)
    with db.session() as session:
        person = session.execute(
            select(Participant.id, Participant.last_name, Participant.short_code)
            .order_by(Participant.name_key).limit(1)
        ).one()  # fmt: skip
    people = window.participants
    window.nav.setCurrentRow(1)
    people.view.setFocus()

    def chosen() -> bool:  # once the list holds the person (it loads off the GUI thread)
        people._select(person.id)
        return people.current_id() == person.id

    qtbot.waitUntil(chosen)

    def choose_folder(dialog: QFileDialog) -> None:
        from PySide6.QtWidgets import QLineEdit

        # typed, as a user would: a selection can be taken over by the folder listing
        # that loads meanwhile (then the parent folder was chosen)
        dialog.setDirectory(str(tmp_path))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path))
        dialog.accept()

    seen = when_dialog_opens(qtbot, choose_folder, kind=QFileDialog)
    people.buttons["access"].click()
    assert len(seen) == 1, seen
    assert window.pages.currentWidget() is page
    wait_idle(qtbot, page)
    stem = f"auskunft-{person.short_code}"
    data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    assert data["person"]["id"] == person.id
    assert page.status_label.text().startswith("Die Auskunft (")
    assert person.last_name in " ".join(" ".join(page_texts(tmp_path / f"{stem}.pdf")).split())
    assert page.open_button.isEnabled()
