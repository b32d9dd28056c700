"""The overview's arrivals chart: fed by the same curve as the report, one bar per 15
minutes with its number, its figures as the accessible description; empty says so; a
scan at the door shows on the overview at once."""

from __future__ import annotations

from sqlalchemy import select

from regdesk.models import Participant
from regdesk.reporting.figures import arrivals
from regdesk.services import checkin
from ui.main_window import MainWindow

from .helpers import show_active


def test_the_arrivals_chart_follows_the_door(qtbot, demo_db):
    db, event_id = demo_db
    window = show_active(qtbot, MainWindow(db, event_id, "Büro"))
    chart = window.overview.arrivals_chart
    assert chart.bins == () and chart.accessibleDescription() == "Noch keine Ankünfte."
    image = chart.grab().toImage()  # painted without a bar, saying so
    assert image.width() > 100
    with db.session() as session:
        codes = session.scalars(
            select(Participant.badge_secret).where(Participant.status == "registered").limit(7)
        ).all()
        day = window.checkin.scan_context().day_id
        for code in codes:
            checkin.scan(session, event_id, code, desk="Nord",
                         context=checkin.ScanContext(day_id=day))  # fmt: skip
    qtbot.waitUntil(lambda: sum(n for _, n in chart.bins) == 7, timeout=5000)
    with db.session(write=False) as session:
        assert chart.bins == arrivals(session, event_id, day)
    when, count = chart.bins[-1]
    assert f"{when:%H:%M}: {count}" in chart.accessibleDescription()
    image = chart.grab().toImage()
    green = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).name() == "#1b7f3b"
    )
    assert green > 20  # the bar is there
