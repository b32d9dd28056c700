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
