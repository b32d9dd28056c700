"""The Badges screen: preview, a PDF on a worker with progress and cancel, printing
through QPrinter, and reprint/reissue from the participant list."""

from __future__ import annotations

import time

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from regdesk.models import Participant
from regdesk.services import badges as svc
from ui.main_window import MainWindow

from ..core.badge_helpers import decoded_codes, page_count, page_texts
from .helpers import show_active, when_dialog_opens


def open_page(qtbot, db, event_id):
    window = show_active(qtbot, MainWindow(db, event_id, "desk-2"))
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.badges
    return window.badges


def select_rows(page, rows):
    model = page.view.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    model.setCurrentIndex(page.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def test_preview_follows_the_current_participant_and_layout(qtbot, demo_db):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    select_rows(page, [5])
    person = page.model.row_data(5)
    assert page.preview.data.last_name == person.last_name
    assert page.preview.size_pt[0] > page.preview.size_pt[1]  # A6 landscape
    page.layout_choice.setCurrentIndex(page.layout_choice.findData("iso-card"))
    assert "86 × 54 mm" in page.preview_caption.text()
    image = page.preview.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() != "#e4e7eb"


def test_pdf_for_the_selected_with_progress(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    select_rows(page, [0, 1, 2])
    page.scope_selected.setChecked(True)
    assert page.scope_selected.text() == "Nur die a&usgewählten (3)"
    steps = []
    chosen = page.selected_ids()
    page.generate_pdf(tmp_path / "drei.pdf")
    page.worker.signals.progress.connect(lambda done, total: steps.append((done, total)))
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.worker is None, timeout=20000)
    assert steps and steps[-1] == (3, 3)
    assert page.status.text().startswith("3 Namensschilder auf 3 Seiten")
    assert page_count(tmp_path / "drei.pdf") == 3
    assert page.selected_ids() == chosen  # the selection survives the refresh
    assert page.buttons["openPdf"].isEnabled() and not page.progress.isVisible()
    names = [page.model.row_data(r).last_name for r in range(3)]
    texts = page_texts(tmp_path / "drei.pdf")
    assert all(name in text for name, text in zip(names, texts, strict=True))
    # those three are printed now: the "not printed yet" list leaves them out
    page.printed_filter.setCurrentIndex(page.printed_filter.findData(False))
    shown = {page.model.participant_id(r) for r in range(page.model.rowCount())}
    assert len(chosen) == 3 and not shown & set(chosen)


def test_cancel_halfway_leaves_no_file(qtbot, demo_db, tmp_path, monkeypatch):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    monkeypatch.setattr(svc, "CHUNK", 10)
    real = svc.render_pdf

    def slow(*args, **kwargs):
        time.sleep(0.15)
        return real(*args, **kwargs)

    monkeypatch.setattr(svc, "render_pdf", slow)
    steps = []
    out = tmp_path / "out"
    out.mkdir()
    page.generate_pdf(out / "alle.pdf")
    page.worker.signals.progress.connect(lambda done, total: steps.append(done))
    qtbot.waitUntil(lambda: any(done > 0 for done in steps), timeout=10000)
    qtbot.keyClick(page.cancel_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.worker is None, timeout=10000)
    assert page.status.text() == "Abgebrochen. Es wurde keine Datei geschrieben."
    assert list(out.iterdir()) == []  # neither the PDF nor a half-written part
    with db.session(write=False) as session:
        assert {p for p in session.scalars(select(Participant.badge_print_count))} == {0}


def test_printing_paints_the_same_badges(qtbot, demo_db, tmp_path):
    db, event_id = demo_db
    page = open_page(qtbot, db, event_id)
    page.layout_choice.setCurrentIndex(page.layout_choice.findData("a6-4up"))
    page.cut_marks.setChecked(True)
    ids = [page.model.participant_id(r) for r in range(5)]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "gedruckt.pdf"))
    assert page.print_to(printer, ids) == 5
    pdf = tmp_path / "gedruckt.pdf"
    assert page_count(pdf) == 2
    with db.session(write=False) as session:
        people = session.scalars(select(Participant).where(Participant.id.in_(ids))).all()
    text = " ".join(page_texts(pdf))
    assert all(p.last_name in text for p in people)
    scanned = sorted(code for codes in decoded_codes(pdf, tmp_path) for code in codes)
    assert scanned == sorted(p.badge_secret for p in people)
    assert {p.badge_print_count for p in people} == {1}


def test_reprint_and_reissue_from_the_participant_list(qtbot, demo_db):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "desk-2"))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    participants = window.participants
    participants._select(participants.model.participant_id(0))
    pid = participants.current_id()
    with db.session(write=False) as session:
        old_code = session.get(Participant, pid).short_code

    seen = when_dialog_opens(qtbot, QPrintDialog.reject)
    qtbot.keyClick(participants.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and isinstance(seen[0], QPrintDialog), seen

    def reason(box: QInputDialog) -> None:
        box.setTextValue("verloren")
        box.accept()

    seen = when_dialog_opens(qtbot, reason, QPrintDialog.reject)
    participants.buttons["reissue"].click()
    assert len(seen) == 2, seen
    with db.session(write=False) as session:
        new_code = session.get(Participant, pid).short_code
    assert new_code != old_code
    assert new_code in window.badges.status.text()
