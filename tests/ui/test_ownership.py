"""Every model shown in a view has a Qt parent, so Qt (not Python's garbage collector)
decides when it goes: a view must never outlive its model."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView

from ui.event_dialog import EventDialog
from ui.main_window import MainWindow
from ui.participant_dialog import ParticipantDialog
from ui.walk_in_dialog import WalkInDialog


def test_models_of_views_have_a_parent(qtbot, demo_db):
    db, event_id = demo_db
    roots = [
        MainWindow(db, event_id, "t"),
        EventDialog(db, "t", event_id),
        ParticipantDialog(db, "t", event_id),
        WalkInDialog(db, "t", event_id),
    ]
    orphans = []
    for root in roots:
        qtbot.addWidget(root)
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if model is not None and model.parent() is None:
                orphans.append(f"{root.objectName()}/{view.objectName()}: {type(model).__name__}")
    assert orphans == []
