"""The Programm screen driven as an organiser would: fill, enrol, move (keys and drag),
waiting list and moved-up list, editing, and the allocation with preview, apply, undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from regdesk.db import Database, open_database
from regdesk.demo import seed_demo
from regdesk.errors import Cancelled
from regdesk.models import Enrolment
from regdesk.services import programme as svc
from regdesk.services.unplaced import unplaced
from ui.allocation_dialog import AllocationDialog
from ui.enrol_dialog import EnrolDialog
from ui.main_window import MainWindow
from ui.programme_dialogs import ChooseItemDialog, ItemDialog
from ui.programme_models import ProgrammeTreeModel

from .conftest import destroy_windows
from .helpers import show_active, type_text, when_dialog_opens
from .test_lists_page import save_as


@pytest.fixture
def smart_city(tmp_path) -> Iterator[tuple[Database, int]]:
    """Mönchengladbach: two rounds of workshops (two of them held twice), wishes."""
    db = open_database(str(tmp_path / "mg.sqlite3"))
    result = seed_demo(db, "moenchengladbach", participants=120, seed=5)
    try:
        yield db, result.event_id
    finally:
        destroy_windows()
        db.close()


def open_page(qtbot, db, event_id):
    window = show_active(qtbot, MainWindow(db, event_id, "desk-1"))
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.programme
    return window.programme


def tree_rows(page) -> list[tuple[str, str]]:
    """(title, fill text) of every item in the tree."""
    model = page.tree_model
    rows = []
    for s in range(model.rowCount()):
        parent = model.index(s, 0)
        for r in range(model.rowCount(parent)):
            rows.append(
                (
                    model.index(r, ProgrammeTreeModel.TITLE, parent).data(),
                    model.index(r, ProgrammeTreeModel.FILL, parent).data(),
                )
            )
    return rows


def select_item(page, title_start: str, nth: int = 0):
    model = page.tree_model
    found = [
        model.index(r, 0, model.index(s, 0))
        for s in range(model.rowCount())
        for r in range(model.rowCount(model.index(s, 0)))
        if model.index(r, 0, model.index(s, 0)).data().startswith(title_start)
    ]
    index = found[nth]
    page.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    page.tree.setFocus()
    return page.current_item()


def select_person(qtbot, view, row: int = 0) -> None:
    """Select a row with the keyboard focus in the list, once the window is active again
    (after a dialog closed), so the page's shortcuts reach it."""
    view.window().activateWindow()
    qtbot.waitUntil(view.window().isActiveWindow)
    view.setFocus()
    # not selectRow(): it follows the keyboard modifiers of the last key event (Ctrl
    # toggles), which after a Ctrl+key shortcut in a test may still read as held
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_fill_is_shown_in_words_and_slots_in_time_order(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    rows = tree_rows(page)
    assert ("W1 · KI-Anwendungen in der Verwaltung", "0/40 · 40 frei") in rows
    assert rows[0] == ("P1 · Impulse und Podiumsdiskussion", "0/300 · 300 frei")
    slots = [page.tree_model.index(s, 0).data() for s in range(page.tree_model.rowCount())]
    assert slots[1].endswith("11:30–13:00  Workshops I")
    assert page.runs_label.text() == "Noch keine Zuteilung übernommen."


def test_enrol_move_and_remove_by_keyboard(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    item = select_item(page, "W3")

    def choose(dialog: EnrolDialog) -> None:
        type_text(qtbot, dialog.query, dialog.model.rows[0].last_name if dialog.model.rows else "")
        qtbot.waitUntil(lambda: not dialog.timer.isActive())
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # onto the list
        assert dialog.query.text() == "" and dialog.chosen_model.rowCount() == 1
        picked.extend(dialog.chosen_ids)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # in the empty search: enrol

    picked: list[int] = []

    seen = when_dialog_opens(qtbot, choose)
    qtbot.keyClick(
        page.tree,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(seen) == 1 and isinstance(seen[0], EnrolDialog), seen
    (chosen,) = picked
    assert [p.participant_id for p in page.enrolled_model.rows] == [chosen]
    assert page.enrolled_box.title() == "Angemeldet (1)"
    assert ("W3 · Offene Daten und Datenplattformen", "1/35 · 34 frei") in tree_rows(page)

    # Ctrl+M moves the selected person to another workshop of the same round
    select_person(qtbot, page.enrolled_view)

    def to_w2(dialog: ChooseItemDialog) -> None:
        assert dialog.combo.itemText(0).startswith("11:30 W1")  # same time first
        dialog.combo.setCurrentIndex(1)
        assert "W2" in dialog.combo.currentText()
        qtbot.keyClick(dialog.combo, Qt.Key.Key_Return)

    seen = when_dialog_opens(qtbot, to_w2)
    qtbot.keyClick(page.enrolled_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1, seen
    assert page.current_item().code == "W2"
    assert [p.participant_id for p in page.enrolled_model.rows] == [chosen]
    assert page.enrolled_model.index(0, 3).data().startswith("von Hand")

    # Delete removes (after asking)
    select_person(qtbot, page.enrolled_view)
    seen = when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(page.enrolled_view, Qt.Key.Key_Delete)
    assert len(seen) == 1, seen
    assert page.enrolled_model.rows == []
    assert item.id != page.current_item().id


def test_dragging_a_person_onto_another_item_moves_them(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    w1 = select_item(page, "W1")
    with db.session() as session:
        svc.enrol(session, w1.id, 1, actor="t")
    page.reload()
    data = page.enrolled_model.mimeData([page.enrolled_model.index(0, 0)])
    target = page.tree_model.index_of_item(
        next(i.id for _, items in page.tree_model.slots for i in items if i.code == "W3")
    )
    assert page.tree_model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert not page.tree_model.canDropMimeData(
        data, Qt.DropAction.MoveAction, -1, -1, page.tree_model.index(0, 0)
    )  # a slot row is no drop target
    page.tree_model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert page.current_item().code == "W3"
    assert [p.participant_id for p in page.enrolled_model.rows] == [1]


def test_full_item_waiting_list_and_moved_up(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    item = select_item(page, "W4")
    with db.session() as session:
        svc.update_item(
            session,
            item.id,
            svc.ItemInput(item.slot_id, item.title, code=item.code, capacity=2),
            actor="t",
        )
        for pid in (1, 2, 3):
            svc.enrol(session, item.id, pid, actor="t")
    page.reload()
    assert page.waiting_box.title() == "Warteliste (1)"
    assert page.waiting_model.index(0, 0).data() == "1"
    assert ("W4 · Smarte Quartiere", "2/2 · voll") in tree_rows(page)

    select_person(qtbot, page.enrolled_view)
    told: list[str] = []
    seen = when_dialog_opens(
        qtbot,
        lambda box: box.button(QMessageBox.StandardButton.Yes).click(),
        lambda box: told.append(box.text()) or box.accept(),  # "moved up: inform them"
    )
    page.remove_person()
    assert len(seen) == 2, seen
    assert "Von der Warteliste nachgerückt" in told[0]
    assert page.waiting_model.rows == []
    assert page.tabs.tabText(1) == "Nachgerückt (1)"
    assert page.moved_model.index(0, 3).data() == "Smarte Quartiere"


def test_item_dialog_checks_and_refuses_a_capacity_below_the_enrolled(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    item = select_item(page, "W3")
    with db.session() as session:
        for pid in (1, 2):
            svc.enrol(session, item.id, pid, actor="t")
    page.reload()

    def edit(dialog: ItemDialog) -> None:
        dialog.fields["title"].setText("  ")
        dialog.fields["capacity"].setText("1")
        dialog.save()
        assert dialog.isVisible()
        assert dialog.form.errors["title"].text() == "Dieses Feld ist ein Pflichtfeld."
        dialog.fields["title"].setText("Offene Daten")
        dialog.save()
        assert dialog.isVisible() and "nicht darunter sinken" in dialog.banner.text()
        dialog.fields["capacity"].selectAll()
        qtbot.keyClicks(dialog.fields["capacity"], "0")
        dialog.save()
        assert dialog.isVisible()
        assert "0 Plätze geht nicht" in dialog.form.errors["capacity"].text()
        dialog.fields["capacity"].selectAll()
        qtbot.keyClick(dialog.fields["capacity"], Qt.Key.Key_Delete)  # empty: unlimited
        assert dialog.fields["capacity"].placeholderText() == "unbegrenzt"
        dialog.save()

    seen = when_dialog_opens(qtbot, edit)
    page.edit_selected()
    assert len(seen) == 1, seen
    assert ("W3 · Offene Daten", "2 · unbegrenzt") in tree_rows(page)


def test_allocation_preview_apply_and_undo(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    before = tree_rows(page)

    def preview_and_apply(dialog: AllocationDialog) -> None:
        qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
        assert "nachweislich optimal" in dialog.status.text()
        figures = [
            dialog.comparison.index(r, 0).data() for r in range(dialog.comparison.rowCount())
        ]
        assert figures[:2] == ["1. Wunsch", "2. Wunsch"]
        assert "Personen ganz ohne Platz" in figures
        nobody = figures.index("Personen ganz ohne Platz")
        optimal, fcfs = (int(dialog.comparison.index(nobody, c).data()) for c in (1, 2))
        assert optimal <= fcfs
        assert dialog.fill.rowCount() == 6  # the six workshop sessions
        # who the allocation would leave without a place, before anything is written
        assert dialog.unplaced.rowCount() >= optimal
        assert dialog.tabs.tabText(1) == f"&Ohne Platz ({dialog.unplaced.rowCount()})"
        assert not dialog.waitlist_button.isEnabled()  # the list shows the preview only
        assert dialog.apply_button.isEnabled()
        qtbot.keyClick(dialog.apply_button, Qt.Key.Key_Space)
        assert "Plätze wurden vergeben" in dialog.status.text()
        assert dialog.tabs.currentIndex() == 1
        told.append(dialog.unplaced.rowCount())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closes; the page shows the new places

    told: list = []
    seen = when_dialog_opens(qtbot, preview_and_apply, timeout_ms=30000)
    qtbot.keyClick(
        page, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(seen) == 1, seen
    after = tree_rows(page)
    assert after != before
    assert page.runs_label.text().startswith("Letzte Zuteilung:")
    w1 = select_item(page, "W1")
    assert all(p.source == "allocation" for p in page.enrolled_model.rows)
    assert page.enrolled_model.rowCount() == w1.enrolled > 0

    seen = when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.buttons["undoAllocation"].click()
    assert len(seen) == 1, seen
    assert tree_rows(page) == before
    assert not page.buttons["undoAllocation"].isEnabled()


def test_people_without_a_place_go_onto_waiting_lists_and_into_a_file(qtbot, smart_city, tmp_path):
    db, event_id = smart_city
    with db.session() as session:  # the workshop everybody wishes first has one place
        for item in (i for _, items in svc.event_programme(session, event_id) for i in items):
            data = svc.ItemInput(item.slot_id, item.title, item.kind, item.code, capacity=1)
            svc.update_item(session, item.id, data, actor="t")
    dialog = AllocationDialog(db, "office", event_id)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=30000)
    dialog.apply()
    with db.session(write=False) as session:
        stored = unplaced(session, event_id)
    assert [p.participant_id for p in dialog.unplaced.rows] == [p.participant_id for p in stored]
    rows = dialog.unplaced.rowCount()
    wishing = sum(1 for p in stored if p.first_wish_id is not None)
    assert wishing > 0 and dialog.waitlist_button.isEnabled()
    reasons = {dialog.unplaced.index(r, 2).data() for r in range(rows)}
    assert reasons <= {"alle Wunschangebote voll", "keine Wünsche angegeben"}
    seen = when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(dialog.waitlist_button, Qt.Key.Key_Space)
    assert len(seen) >= 1, seen
    assert "auf einer Warteliste" in dialog.status.text()
    with db.session(write=False) as session:
        waiting = session.scalar(
            select(func.count()).select_from(Enrolment).where(Enrolment.status == "waitlisted")
        )
    assert waiting >= wishing
    assert all(p.waiting_for for p in dialog.unplaced.rows if p.reason.value == "wishes_full")
    target = tmp_path / "ohne-platz.xlsx"
    seen = when_dialog_opens(qtbot, save_as(target), kind=QFileDialog)
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert len(seen) == 1, seen
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert target.exists() and "geschrieben" in dialog.status.text()
    written = list(load_workbook(target).active.iter_rows(values_only=True))
    assert len(written) == 1 + rows
    dialog.reject()
    assert dialog.result() == AllocationDialog.DialogCode.Accepted


def test_cancelling_the_calculation_changes_nothing(qtbot, smart_city, monkeypatch):
    db, event_id = smart_city
    started = []

    def slow_preview(session, event_id, *, cancelled=None, **kw):
        started.append(True)
        while not cancelled():
            pass
        raise Cancelled()

    monkeypatch.setattr("ui.allocation_dialog.alloc.preview", slow_preview)
    dialog = AllocationDialog(db, "t", event_id)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(started))
    assert dialog.progress.isVisible() and dialog.cancel_button.hasFocus()
    assert not dialog.apply_button.isEnabled()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=5000)
    assert dialog.status.text() == "Berechnung abgebrochen. Es wurde nichts geändert."
    assert not dialog.progress.isVisible() and not dialog.apply_button.isEnabled()
    dialog.reject()


def test_waiting_list_priority_by_keyboard(qtbot, smart_city):
    db, event_id = smart_city
    page = open_page(qtbot, db, event_id)
    item = select_item(page, "W4")
    with db.session() as session:
        svc.update_item(
            session,
            item.id,
            svc.ItemInput(item.slot_id, item.title, code=item.code, capacity=1),
            actor="t",
        )
        for pid in (1, 2, 3, 4):
            svc.enrol(session, item.id, pid, actor="t")  # 1 enrolled, 2 3 4 waiting
    page.reload()
    assert [p.participant_id for p in page.waiting_model.rows] == [2, 3, 4]
    select_person(qtbot, page.waiting_view, 2)
    assert page.buttons["waitUp"].isEnabled() and not page.buttons["waitDown"].isEnabled()
    qtbot.keyClick(page.waiting_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.waiting_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [p.participant_id for p in page.waiting_model.rows] == [4, 2, 3]
    assert page.waiting_view.currentIndex().row() == 0
    page.buttons["waitDown"].click()
    assert [p.participant_id for p in page.waiting_model.rows] == [2, 4, 3]
