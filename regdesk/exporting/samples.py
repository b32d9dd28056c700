"""A first page of the main lists as PNG, for the docs and for looking at them:
``python -m regdesk.exporting.samples docs/lists`` (part of ``make screenshots``; renders
with PDFium from the pypdfium2 wheel, regdesk.pdfread). Made from the Bad Belzig demo event
with generated people:
the sign-in sheet of the day, the roster of the over-subscribed excursion with its
waiting list, the participant list, and after a morning at the door the attendance
report and a certificate of attendance."""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from ..db import open_database
from ..demo import seed_demo
from ..errors import RegdeskError
from ..pdfread import save_first_page
from ..reporting.service import write_certificate_file, write_report
from ..services import programme
from ..services.exports import export_list
from ..services.list_common import ListRequest
from ..services.preferences import programme_items
from ..services.search import ParticipantFilter, participant_ids


def _a_morning_at_the_door(db, event_id: int, people: list[int]) -> None:
    """Four in five come, between 8:30 and 10:30, most around the start at 9:00."""
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from sqlalchemy import select, update

    from ..models import EventDay, Participant, Scan
    from ..services import checkin

    rng = random.Random(11)
    berlin = ZoneInfo("Europe/Berlin")
    with db.session() as session:
        day = session.scalar(select(EventDay.id).where(EventDay.event_id == event_id))
        codes = dict(session.execute(select(Participant.id, Participant.badge_secret)).all())
        for pid in people:
            if rng.random() > 0.8:
                continue
            result = checkin.scan(session, event_id, codes[pid], desk="Eingang",
                                  context=checkin.ScanContext(day_id=day))  # fmt: skip
            minutes = max(0, min(120, int(rng.gauss(35, 25))))
            start = datetime.combine(result.at.date(), time(8, 30), tzinfo=berlin)
            session.execute(update(Scan).where(Scan.id == result.scan_id)
                            .values(at=start + timedelta(minutes=minutes)))  # fmt: skip


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs/lists")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "samples.sqlite3"))
        event_id = seed_demo(db, "bad-belzig", participants=90, seed=11, actor="samples").event_id
        with db.session() as session:
            excursion = next(i for i in programme_items(session, event_id) if i.code == "E1")
            people = participant_ids(
                session, event_id, "", ParticipantFilter(status="registered"), sort="created"
            )
            for pid in people[:29]:  # 25 places: four wait
                try:
                    programme.enrol(session, excursion.id, pid, actor="samples")
                except RegdeskError:
                    continue
        for name, request in (
            ("signin", ListRequest("signin")),
            ("roster", ListRequest("rosters", item_ids=(excursion.id,))),
            ("participants", ListRequest("participants", status="registered")),
        ):
            pdf = Path(tmp) / f"{name}.pdf"
            export_list(db, event_id, request, pdf, format="pdf", actor="samples")
            print(save_first_page(pdf, folder / f"{name}.png", dpi=90))
        _a_morning_at_the_door(db, event_id, people)
        report = Path(tmp) / "report.pdf"
        write_report(db, event_id, report, threshold=5, actor="samples")
        print(save_first_page(report, folder / "report.png", dpi=90))
        certificate = Path(tmp) / "certificate.pdf"
        write_certificate_file(
            db, event_id, certificate, signer="Dr. Anna Roth, Referatsleitung", actor="samples"
        )
        print(save_first_page(certificate, folder / "certificate.png", dpi=90))
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
