"""First start (welcome dialog: create an event or load a demo) and start-up errors."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from regdesk.models import Event, Participant
from ui import app as app_module
from ui.event_dialog import EventDialog
from ui.main_window import MainWindow
from ui.welcome_dialog import WelcomeDialog

from .helpers import when_dialog_opens


def test_create_the_first_event_from_the_welcome_dialog(qtbot, empty_db):
    welcome = WelcomeDialog(empty_db, "desk")
    qtbot.addWidget(welcome)
    welcome.show()
    assert str(empty_db.info.path) in " ".join(
        label.text() for label in welcome.findChildren(type(welcome.status))
    )

    def fill(dialog: EventDialog) -> None:
        assert dialog.windowTitle() == "Neue Veranstaltung"
        qtbot.keyClicks(dialog.fields["name"], "Regionalkonferenz Smart Cities 2025")
        dialog.fields["first_day"].setDate(QDate(2025, 3, 12))
        dialog.fields["last_day"].setDate(QDate(2025, 3, 13))
        qtbot.keyClicks(dialog.fields["venue_name"], "Redbox am Nordpark")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    seen = when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1, seen
    assert welcome.result() == WelcomeDialog.DialogCode.Accepted
    with empty_db.session(write=False) as session:
        event = session.get(Event, welcome.event_id)
        assert event.name == "Regionalkonferenz Smart Cities 2025"
        assert len(event.days) == 2
        assert [c.name for c in event.categories][:2] == ["Teilnehmer/in", "Referent/in"]


def test_invalid_first_event_creates_nothing(qtbot, empty_db):
    dialog = EventDialog(empty_db, "desk")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()  # no name
    assert dialog.errors["name"].isVisible()
    assert dialog.event_id is None
    with empty_db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0


def test_load_a_demo_with_progress_on_a_worker(qtbot, empty_db):
    welcome = WelcomeDialog(empty_db, "desk")
    qtbot.addWidget(welcome)
    welcome.show()
    welcome.scenario.setCurrentIndex(welcome.scenario.findData("stuttgart"))
    welcome.participants.setValue(3000)
    values: list[int] = []
    welcome.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(welcome.accepted, timeout=60_000):
        qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
        assert welcome.progress.isVisible() and welcome.cancel_button.isVisible()
        assert not welcome.demo_button.isEnabled()
    assert values[-1] == 3000 and len(values) >= 2
    with empty_db.session(write=False) as session:
        event = session.get(Event, welcome.event_id)
        assert event.name.startswith("13. Bundeskongress")
        assert session.scalar(select(func.count()).select_from(Participant)) == 3000


def test_cancel_a_demo_halfway_saves_nothing(qtbot, empty_db):
    welcome = WelcomeDialog(empty_db, "desk")
    qtbot.addWidget(welcome)
    welcome.show()
    welcome.participants.setValue(100_000)
    welcome.progress.valueChanged.connect(
        lambda value: (
            value > 0
            and welcome.cancel_button.isEnabled()
            and qtbot.mouseClick(welcome.cancel_button, Qt.MouseButton.LeftButton)
        )
    )
    qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: welcome.worker is None, timeout=60_000)
    assert welcome.status.text() == "Abgebrochen. Es wurde nichts gespeichert."
    assert welcome.isVisible() and welcome.demo_button.isEnabled()
    with empty_db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0
        assert session.scalar(select(func.count()).select_from(Participant)) == 0


def test_start_window_opens_the_latest_event(qtbot, demo_db):
    db, event_id = demo_db
    window = app_module.start_window(db, "desk")
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.event_id == event_id


def test_start_window_asks_for_an_event_on_an_empty_database(qtbot, empty_db):
    seen = when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    assert app_module.start_window(empty_db, "desk") is None
    assert isinstance(seen[0], WelcomeDialog)


def test_unusable_database_shows_why_and_exits_1(qtbot, tmp_path, monkeypatch, capsys):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((title, text))
    )
    assert app_module.run(["--database", str(path)]) == 1
    assert shown[0][0] == "regdesk kann die Datenbank nicht öffnen"
    assert "keine verwendbare regdesk-Datenbank" in shown[0][1]
    assert "not a usable regdesk database" in capsys.readouterr().err
    assert path.read_bytes() == b"not a database at all" * 100
