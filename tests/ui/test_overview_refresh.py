"""The overview recomputes its figures off the GUI thread: the window keeps answering while
they are read, a burst of changes ends on the newest figures with at most one run behind,
and a database that does not answer leaves the figures on screen, marked with their time,
until it answers again."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from regdesk.models import Participant
from regdesk.services import checkin
from regdesk.services import overview_snapshot as snapshots
from regdesk.services.events import get_event
from ui import overview_page
from ui.main_window import MainWindow
from ui.overview_page import OverviewPage

from .helpers import show_active
from .test_live import LIVE_MS, server_demo  # noqa: F401 (fixture)


def ready(qtbot, page: OverviewPage) -> None:
    qtbot.waitUntil(lambda: page.snapshot is not None and not page.busy(), timeout=LIVE_MS)


def slow_snapshots(monkeypatch, seconds: float) -> list[str]:
    """The real snapshot, taking ``seconds`` longer; the names of the threads it ran on."""
    threads: list[str] = []

    def slow(db, event_id, today):
        from PySide6.QtCore import QThreadPool

        threads.append(threading.current_thread().name)
        # not on the pool the door's counters and the dialogs' jobs use
        threads.append(f"global busy: {QThreadPool.globalInstance().activeThreadCount()}")
        time.sleep(seconds)
        return snapshots.overview_snapshot(db, event_id, today)

    monkeypatch.setattr(overview_page, "overview_snapshot", slow)
    return threads


def admit(db, event_id: int, how_many: int, offset: int = 0) -> None:
    with db.session() as session:
        codes = session.scalars(
            select(Participant.badge_secret)
            .where(Participant.event_id == event_id, Participant.status == "registered")
            .order_by(Participant.id)
            .offset(offset)
            .limit(how_many)
        ).all()
        days = get_event(session, event_id).days
        today = checkin.day_of(session, event_id, snapshots.date.today())
        day = today or days[0].id  # the day the overview shows
        for code in codes:
            checkin.scan(session, event_id, code, desk="Nord",
                         context=checkin.ScanContext(day_id=day))  # fmt: skip


def test_the_figures_are_read_off_the_gui_thread_and_the_window_keeps_answering(
    qtbot, demo_db, monkeypatch
):
    db, event_id = demo_db
    threads = slow_snapshots(monkeypatch, 0.6)
    started = time.perf_counter()
    page = OverviewPage(db, event_id)
    qtbot.addWidget(page)
    created = time.perf_counter() - started
    assert created < 0.4  # did not wait for the 0.6 s read
    assert page.busy() and page.tiles["registered"].value.text() == "–"
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    ready(qtbot, page)
    timer.stop()
    assert threads and threading.main_thread().name not in threads
    assert "global busy: 0" in threads
    assert len(ticks) >= 10  # the GUI thread ran its timer while the figures were read
    with db.session(write=False) as session:
        registered = session.scalar(
            select(snapshots.checkin.func.count())
            .select_from(Participant)
            .where(Participant.event_id == event_id, Participant.status == "registered")
        )
    assert page.tiles["registered"].value.text() == str(registered)
    assert page.tiles["registered"].accessibleName().endswith(f": {registered}")


def test_a_burst_of_changes_ends_on_the_newest_figures_in_two_runs(qtbot, demo_db, monkeypatch):
    db, event_id = demo_db
    page = show_active(qtbot, OverviewPage(db, event_id))
    ready(qtbot, page)
    threads = slow_snapshots(monkeypatch, 0.3)
    admit(db, event_id, 3)
    page.refresh()  # runs now
    admit(db, event_id, 4, offset=3)
    for _ in range(20):  # twenty more changes while it runs: one more run, not twenty
        page.refresh()
    ready(qtbot, page)
    assert len(threads) == 4  # two reads
    assert ": da 7 von " in page.arrivals_heading.text()
    assert sum(n for _, n in page.arrivals_chart.bins) == 7
    assert page.tiles["scans"].value.text() == "7"


@pytest.mark.postgres
def test_a_server_that_does_not_answer_leaves_the_figures_marked_until_it_is_back(
    qtbot,
    server_demo,  # noqa: F811
):
    server, _url, db, event_id = server_demo
    window = show_active(qtbot, MainWindow(db, event_id, "Büro"))
    page = window.overview
    ready(qtbot, page)
    assert page.stale.isHidden()
    registered = page.tiles["registered"].value.text()
    server.halt()
    page.refresh()
    qtbot.waitUntil(lambda: page.stale.isVisible(), timeout=20000)
    assert page.stale.text().startswith("Die Zahlen sind gerade nicht abrufbar; angezeigt: Stand ")
    assert page.tiles["registered"].value.text() == registered  # kept, not blanked
    server.ensure_running()
    admit(db, event_id, 2)
    qtbot.waitUntil(lambda: ": da 2 von " in page.arrivals_heading.text(), timeout=30000)
    assert page.stale.isHidden()


def test_data_kept_past_its_retention_is_said_on_the_overview(qtbot, demo_db):
    """The demo event lies in the past: its needs and contact data are overdue. The banner
    says which, since when and how many, opens the retention periods, and goes once
    nothing is overdue any more (here: the periods lengthened at another desk)."""
    from regdesk.privacy.retention import set_retention
    from ui.retention_dialog import RetentionDialog

    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "Büro"))
    page = window.overview
    ready(qtbot, page)
    assert page.overdue.isVisible()
    text = page.overdue_text.text()
    assert text.startswith("Die Aufbewahrungsfrist ist abgelaufen; noch gespeichert: ")
    assert "Kontaktdaten" in text and "Person" in text
    assert "contact" not in text and "needs" not in text  # no internal name
    page.overdue_button.setFocus()
    qtbot.keyClick(page.overdue_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.findChild(RetentionDialog) is not None)
    window.findChild(RetentionDialog).reject()
    with db.session() as session:
        set_retention(session, event_id, {c: 5000 for c in ("needs", "contact", "mail")},
                      actor="other desk")  # fmt: skip
    qtbot.waitUntil(lambda: page.overdue.isHidden(), timeout=LIVE_MS)
