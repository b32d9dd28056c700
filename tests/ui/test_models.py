"""Qt's model tester over every table model."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from regdesk.services.events import get_event
from regdesk.services.overview import event_counts, programme_outline
from ui.event_models import (
    CategoriesModel,
    CategoryCountsModel,
    DaysModel,
    ProgrammeOutlineModel,
)


def test_categories_model(qtmodeltester, demo_db):
    db, event_id = demo_db
    with db.session(write=False) as session:
        event = get_event(session, event_id)
    model = CategoriesModel(event.categories)
    qtmodeltester.check(model)
    model.add("Neu")
    model.move(0, 2)
    model.remove(1)
    model.setData(
        model.index(2, CategoriesModel.DEFAULT),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    qtmodeltester.check(model)
    assert [d.is_default for d in model.rows].count(True) == 1


def test_days_model(qtmodeltester, demo_db):
    db, event_id = demo_db
    with db.session(write=False) as session:
        event = get_event(session, event_id)
    model = DaysModel(event.days)
    model.set_range(date(2025, 6, 16), date(2025, 6, 18))
    qtmodeltester.check(model)
    assert model.index(0, DaysModel.WEEKDAY).data() == "Montag"
    model.setData(model.index(1, DaysModel.LABEL), "Exkursion")
    assert model.label_changes(()) == {date(2025, 6, 17): "Exkursion"}


def test_overview_models(qtmodeltester, demo_db):
    db, event_id = demo_db
    with db.session(write=False) as session:
        counts = event_counts(session, event_id)
        outline = programme_outline(session, event_id)
    counts_model = CategoryCountsModel()
    counts_model.set_rows(counts.by_category)
    qtmodeltester.check(counts_model)
    outline_model = ProgrammeOutlineModel()
    outline_model.set_rows(outline)
    qtmodeltester.check(outline_model)
    assert outline_model.index(0, ProgrammeOutlineModel.TIME).data() == "10:00–11:30"
    assert outline_model.index(2, ProgrammeOutlineModel.PLACES).data() == "offen"


def test_programme_models(qtmodeltester, tmp_path):
    from regdesk.db import open_database
    from regdesk.demo import seed_demo
    from regdesk.services import allocation as alloc
    from regdesk.services import programme as svc
    from ui.allocation_dialog import ComparisonModel, FillModel
    from ui.programme_models import MovedUpModel, PeopleModel, ProgrammeTreeModel

    db = open_database(str(tmp_path / "mg.sqlite3"))
    try:
        event_id = seed_demo(db, "moenchengladbach", participants=80, seed=2).event_id
        with db.session() as session:
            preview = alloc.preview(session, event_id)
            alloc.apply(session, event_id, preview.optimal, actor="t")
            programme = svc.event_programme(session, event_id)
            item = programme[1][1][0]
            enrolled, _ = svc.item_people(session, item.id)
            svc.unenrol(session, item.id, enrolled[0].participant_id, actor="t")
            moved = svc.moved_up(session, event_id)
        tree = ProgrammeTreeModel()
        tree.set_programme(programme)
        qtmodeltester.check(tree)
        people = PeopleModel(False)
        people.set_people(item.id, enrolled)
        qtmodeltester.check(people)
        waiting = PeopleModel(True)
        waiting.set_people(item.id, enrolled[:3])
        qtmodeltester.check(waiting)
        qtmodeltester.check(MovedUpModel(moved))
        comparison = ComparisonModel()
        comparison.set_outcomes(preview.optimal, preview.fcfs)
        qtmodeltester.check(comparison)
        qtmodeltester.check(FillModel(preview.items))
    finally:
        db.close()
